// The clerk opens the summons as a PDF in the agenda's import panel: its text is read with pdf.js
// (in its worker, allowed by the Content-Security-Policy) into the same preview as the .txt file's.
// The PDFs are made here with LibreOffice, once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kcc2021Agenda } from '../fixtures/kcc-2021-agenda';
import { convertToPdf, flatOdt, libreOffice } from '../support/pdfAgenda';
import { skipNotice } from '../support/skips';
import { expectAgendaPreview } from './agendaPreview';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { createAgendaMeeting } from './prepare';

test.describe.configure({ timeout: 120_000 });

const notice = skipNotice('agenda PDFs', libreOffice());
if (notice.action === 'fail') throw new Error(notice.message);
test.skip(notice.action === 'skip', 'LibreOffice (soffice) is not installed; these tests make their PDFs with it (in CI they must run)');

let dir: string;
let pdfs: Record<string, string>;
test.beforeAll(() => {
  if (notice.action !== 'run') return;
  dir = mkdtempSync(path.join(tmpdir(), 'chamber-e2e-pdf-'));
  const lines = readFileSync(path.join('tests', 'fixtures', 'packs', 'kcc-2021-agenda.txt'), 'utf8').split('\n');
  pdfs = convertToPdf(dir, {
    // Over several pages, with a running header and page numbers, as a council publishes it.
    'kcc-2021-summons.fodt': flatOdt({ width: 21, height: 29.7, header: 'County Council – 16 December 2021', footer: 'Page #', lines }),
    'scanned-summons.fodt': flatOdt({ lines: ['', ''] }),
  });
});
test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the clerk opens the summons as a PDF and sees its items in the preview; a PDF with no text is refused in words', async ({ page, chamber }) => {
  const workers: string[] = [];
  const refused: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });

  const meetingId = await createAgendaMeeting(chamber);
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/agenda`);
  await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeFocused();
  await page.keyboard.press('i');
  await expect(page.getByRole('heading', { name: 'Load from the published pack' })).toBeVisible();
  const file = page.getByLabel('Or open the summons as a .txt file or a PDF');
  await expect(file).toHaveAttribute('accept', /\.pdf/);

  await file.setInputFiles(pdfs['kcc-2021-summons.fodt']);
  const preview = page.getByRole('heading', { name: '12 items read from kcc-2021-summons.pdf' });
  await expect(preview).toBeFocused({ timeout: 15_000 });
  await expectAgendaPreview(page, kcc2021Agenda);
  await expect(page.locator('table.pack-preview tbody tr').last()).toContainText('Proposer: Richard Streatfeild · Seconder: Trudy Dean');
  await expect(page.getByText('Chamber is sure of every item.')).toBeVisible();
  // The header and page numbers are not part of the text read.
  await expect(page.getByLabel('Summons and agenda text')).not.toHaveValue(/County Council – 16 December 2021|^Page \d+$/m);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'agenda-import-pdf');

  // pdf.js read it in its own worker, a file of the app's, with nothing refused by the page's policy.
  expect(workers.some((url) => /\/assets\/pdf\.worker[^/]*\.mjs$/.test(url))).toBe(true);
  expect(refused).toEqual([]);

  await file.setInputFiles(pdfs['scanned-summons.fodt']);
  await expect(page.getByRole('alert')).toContainText('“scanned-summons.pdf” has no text to read: its pages are pictures, as in a scanned document.');
  await expect(page.getByRole('alert')).toContainText('paste it into the box');
  await expect(page.getByRole('button', { name: /^Load/ })).toHaveCount(0);
  await expectAccessible(page);
});
