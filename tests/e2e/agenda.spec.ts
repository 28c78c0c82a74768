// Preparing a meeting: the clerk loads the agenda from the published pack and corrects it with the keyboard.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseAgenda } from '../../shared/import/agenda';
import { agendaItemFromDraft } from '../../shared/import/agendaItems';
import type { BrowserMode } from '../support/browserMode';
import { kcc2021Agenda } from '../fixtures/kcc-2021-agenda';
import { createAgendaMeeting } from './prepare';
import { expectAgendaPreview } from './agendaPreview';
import { expect, expectAccessible, screenshot, test } from './fixtures';

const PACK_2021 = 'tests/fixtures/packs/kcc-2021-agenda.txt';

// Each test is a whole journey through the screen, with an accessibility check at every step.
test.describe.configure({ timeout: 120_000 });

const MESSY_SUMMONS = `Summons to a meeting of the Planning Committee

1. Apologies for Absence
2. Minutes of the last meeting (Pages 1 - 6)
3. Application 21/0042 Land at Mill Lane (Pages 7 - 20)
4. Notice of Motion
Proposer: Mrs T Dean
Seconder: Mr R Bird
Background: the council is asked to note the report.
5. Exclusion of the press and public
`;

const createMeeting = createAgendaMeeting;

const openAgenda = async (page: Page, chamber: BrowserMode, meetingId: string) => {
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/agenda`);
  await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeFocused();
};

const agendaItems = (page: Page) => page.getByRole('list', { name: 'Agenda items' }).locator(':scope > li');
const selectedItem = (page: Page) => page.locator('.agenda-list > li[aria-current="true"]');

const loadedAgenda = async (chamber: BrowserMode, meetingId: string) => (await chamber.read(`meeting:${meetingId}`)).data.agenda as { number: string; title: string; pages?: unknown }[];

test('the clerk loads the 2021 agenda from a .txt file, corrects it with the keyboard, and it is all there after a reload', async ({ page, chamber }) => {
  const meetingId = await createMeeting(chamber);
  await openAgenda(page, chamber, meetingId);
  await expect(page.getByText('No items yet.')).toBeVisible();
  await expectAccessible(page);

  await page.keyboard.press('i');
  await expect(page.getByRole('heading', { name: 'Load from the published pack' })).toBeVisible();
  await expect(page.getByLabel('Summons and agenda text')).toBeFocused();
  await page.getByLabel('Or open the summons as a .txt file').setInputFiles(PACK_2021);

  // The preview lists every item with the number, title and pages the summons gives.
  const preview = page.getByRole('heading', { name: '12 items read from kcc-2021-agenda.txt' });
  await expect(preview).toBeFocused();
  await expectAgendaPreview(page, kcc2021Agenda);
  await expect(page.locator('table.pack-preview tbody tr').last()).toContainText('Proposer: Richard Streatfeild · Seconder: Trudy Dean');
  await expect(page.getByText('Chamber is sure of every item.')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'agenda-import-preview');

  // A page typed wrongly in the preview is shown beside the field, and nothing is loaded.
  const pagesTo9 = page.getByRole('textbox', { name: 'Pages to, item 9', exact: true });
  await pagesTo9.fill('14x');
  await page.keyboard.press('Alt+l');
  await expect(page.getByText('Pages to must be a whole page number')).toBeVisible();
  await expect(pagesTo9).toBeFocused();
  await expect(pagesTo9).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  expect(await loadedAgenda(chamber, meetingId)).toEqual([]);
  await pagesTo9.fill('14');

  // The agenda is empty, so Alt+L loads straight away.
  await expect(page.getByRole('button', { name: /Load 12 items/ })).toBeVisible();
  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('status')).toHaveText('12 items loaded.');
  await expect(agendaItems(page)).toHaveCount(12);
  await expect(agendaItems(page).nth(8)).toContainText('Health and Care Partnership Working with the Kent and Medway Integrated Care System');
  await expect(agendaItems(page).nth(8)).toContainText('Pages 1–14');
  await expect(agendaItems(page).nth(8)).toContainText('Report for decision');
  await expect(agendaItems(page).nth(11)).toContainText('Motion for time-limited debate');
  await expect(agendaItems(page).nth(11)).toContainText('Proposer: Richard Streatfeild');
  await expect(selectedItem(page)).toBeFocused();
  await expect(selectedItem(page)).toContainText('Apologies for Absence');

  // Down to item 11, Enter, correct the title, Enter.
  for (let step = 0; step < 10; step += 1) await page.keyboard.press('ArrowDown');
  await expect(selectedItem(page)).toContainText('Governance Refresh Plan');
  await expect(selectedItem(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Number', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Number', { exact: true })).toHaveValue('11');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Governance Refresh Plan (revised)');
  await expectAccessible(page);
  await screenshot(page, 'agenda-item-edit');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Item 11 saved.');
  await expect(selectedItem(page)).toBeFocused();
  await expect(selectedItem(page)).toContainText('Governance Refresh Plan (revised)');
  await expect(selectedItem(page)).toContainText('Pages 23–28');

  // Alt+↓ moves it after the motion.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('status')).toHaveText('Item 11 moved down: now 12 of 12.');
  await expect(agendaItems(page).last()).toContainText('Governance Refresh Plan (revised)');
  await expect(selectedItem(page)).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, 'agenda-editor');

  const expectedNumbers = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '12', '11'];
  const stored = await loadedAgenda(chamber, meetingId);
  expect(stored.map((item) => item.number)).toEqual(expectedNumbers);
  expect(stored[11]).toMatchObject({ number: '11', title: 'Governance Refresh Plan (revised)', pages: { from: 23, to: 28 }, kind: 'report' });
  expect(stored[10]).toMatchObject({ proposer: 'Richard Streatfeild', seconder: 'Trudy Dean', motionTitle: 'Opposing mandatory Voter ID proposals in the Elections Bill' });
  expect(stored[8]).toMatchObject({ pages: { from: 1, to: 14 } });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeFocused();
  await expect(agendaItems(page)).toHaveCount(12);
  await expect(agendaItems(page).locator('.agenda-entry__number')).toHaveText(expectedNumbers);
  await expect(agendaItems(page).last()).toContainText('Governance Refresh Plan (revised)');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeVisible();
  await expect(page.getByText('Governance Refresh Plan (revised)')).toBeVisible();
});

test('pasted text with no agenda is refused with a clear message and nothing is loaded; unsure items say what to check', async ({ page, chamber }) => {
  const meetingId = await createMeeting(chamber);
  await openAgenda(page, chamber, meetingId);
  await page.keyboard.press('i');
  await expect(page.getByLabel('Summons and agenda text')).toBeFocused();
  await page.getByLabel('Summons and agenda text').fill('Dear Councillor,\n\nPlease find attached the papers for the meeting on Thursday.\n\nYours sincerely,\nDemocratic Services\n');
  await page.keyboard.press('ControlOrMeta+Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was loaded.');
  await expect(alert).toContainText('No agenda was found');
  await expect(page.getByRole('button', { name: /^Load/ })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'agenda-import-no-agenda');
  expect(await loadedAgenda(chamber, meetingId)).toEqual([]);

  // A summons without an AGENDA heading, with a motion whose text cannot be found: read, but flagged.
  // Pasting into the empty box reads it at once.
  const textBox = page.getByLabel('Summons and agenda text');
  await textBox.fill('');
  await textBox.evaluate((box, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, MESSY_SUMMONS);
  await expect(page.getByRole('heading', { name: '5 items read' })).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('1 item needs checking')).toBeVisible();
  await expect(page.getByRole('note', { name: 'Warnings from reading the pack' })).toContainText(
    'Line 3: No AGENDA heading was found; the numbered list starting here was read as the agenda.',
  );
  const motion = page.getByRole('textbox', { name: 'Title, item 4', exact: true });
  await expect(motion).toHaveAccessibleDescription(/Check: The motion text could not be told apart from the background information/);
  await expect(page.locator('table.pack-preview tbody tr').nth(3)).toContainText('Proposer: Mrs T Dean · Seconder: Mr R Bird');
  await expect(page.getByRole('combobox', { name: 'Kind, item 5', exact: true })).toHaveValue('exempt');
  await motion.fill('Notice of Motion: Mill Lane playing field');
  await expectAccessible(page);
  await screenshot(page, 'agenda-import-unsure');
  await page.keyboard.press('Escape');
  await expect(page.getByText('No items yet.')).toBeVisible();
  expect(await loadedAgenda(chamber, meetingId)).toEqual([]);

  // Closing keeps what was read; loading it then sends the corrected title.
  await page.keyboard.press('i');
  await expect(page.getByRole('heading', { name: '5 items read' })).toBeFocused();
  await expect(motion).toHaveValue('Notice of Motion: Mill Lane playing field');
  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('status')).toHaveText('5 items loaded.');
  const stored = await loadedAgenda(chamber, meetingId);
  expect(stored.map((item) => item.title)).toEqual([
    'Apologies for Absence',
    'Minutes of the last meeting',
    'Application 21/0042 Land at Mill Lane',
    'Notice of Motion: Mill Lane playing field',
    'Exclusion of the press and public',
  ]);
  expect(stored[3]).toMatchObject({ kind: 'motion', proposer: 'Mrs T Dean', seconder: 'Mr R Bird' });
});

test('a 6 MB file and a binary file are refused before they are read', async ({ page, chamber }) => {
  const meetingId = await createMeeting(chamber);
  await openAgenda(page, chamber, meetingId);
  await page.keyboard.press('i');
  const file = page.getByLabel('Or open the summons as a .txt file');
  await file.setInputFiles({ name: 'whole-pack.txt', mimeType: 'text/plain', buffer: Buffer.alloc(6_000_000, 'Agenda ') });
  await expect(page.getByRole('alert')).toContainText('“whole-pack.txt” is 6.0 MB; a summons and agenda is far smaller, and the limit is 5 MB.');
  await expectAccessible(page);

  const junk = Buffer.alloc(20_000);
  for (let index = 0; index < junk.length; index += 1) junk[index] = (index * 7919) % 256;
  await file.setInputFiles({ name: 'agenda.txt', mimeType: 'text/plain', buffer: junk });
  await expect(page.getByRole('alert')).toContainText('“agenda.txt” is not a plain text file: it contains binary data.');
  await file.setInputFiles({ name: 'agenda.pdf.txt', mimeType: 'text/plain', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj') });
  // A file that starts as a PDF is read as one: this one is only its first line, so it is damaged.
  await expect(page.getByRole('alert')).toContainText('“agenda.pdf.txt” could not be read: the PDF is damaged or incomplete.');
  await expect(page.getByRole('button', { name: /^Load/ })).toHaveCount(0);
  expect(await loadedAgenda(chamber, meetingId)).toEqual([]);

  // A file saved as "ANSI" on Windows (£ as one byte) still reads.
  const ansi = Buffer.from(readFileSync(PACK_2021, 'utf8').replace(/’/g, "'").replace(/[“”]/g, '"').replace(/–/g, '-'), 'latin1');
  await file.setInputFiles({ name: 'ansi.txt', mimeType: 'text/plain', buffer: ansi });
  await expect(page.getByRole('heading', { name: '12 items read from ansi.txt' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('items are added, split and removed with the keyboard; a second load asks first; removal is refused once the meeting has started', async ({ page, chamber }) => {
  const meetingId = await createMeeting(chamber);
  const parsed = parseAgenda(readFileSync(PACK_2021, 'utf8'));
  if ('error' in parsed) throw new Error(parsed.error.message);
  await chamber.post({ type: 'agenda.import', meetingId, items: parsed.items.map(agendaItemFromDraft), replace: true });
  await openAgenda(page, chamber, meetingId);
  await expect(agendaItems(page)).toHaveCount(12);

  // The first ↓ goes to the selected item (the first); End goes to the last.
  await page.keyboard.press('ArrowDown');
  await expect(selectedItem(page)).toBeFocused();
  await expect(selectedItem(page)).toContainText('Apologies for Absence');
  await page.keyboard.press('End');
  await expect(selectedItem(page)).toContainText('Motion(s) for Time Limited Debate');

  // N adds urgent business after the selected item; the kind follows the title.
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'New item after item 12' })).toBeVisible();
  await expect(page.getByLabel('Number', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Number', { exact: true })).toHaveValue('13');
  await page.getByLabel('Title', { exact: true }).fill('Urgent business: Manston Airport');
  await expect(page.getByLabel('Kind of item', { exact: true })).toHaveValue('urgent_business');
  await page.getByLabel('Pages from', { exact: true }).fill('40');
  await page.getByLabel('Pages to', { exact: true }).fill('38');
  await page.getByLabel('Title', { exact: true }).press('Enter');
  await expect(page.getByText('Pages to must end on or after the page it starts on')).toBeVisible();
  await expect(page.getByLabel('Pages to', { exact: true })).toBeFocused();
  await expectAccessible(page);
  await page.getByLabel('Pages to', { exact: true }).fill('44');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Item 13 added.');
  await expect(selectedItem(page)).toContainText('Urgent business: Manston Airport');
  await expect(selectedItem(page)).toContainText('Urgent business');
  await expect(selectedItem(page)).toBeFocused();

  // S splits the selected item in two.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(selectedItem(page)).toContainText('Election of Chairman');
  await page.keyboard.press('s');
  await expect(page.getByLabel('Item 2 keeps the title')).toBeFocused();
  const newItem = page.getByRole('group', { name: 'The new item, straight after item 2' });
  await expect(newItem.getByLabel('Number', { exact: true })).toHaveValue('2a');
  await newItem.getByLabel('Title', { exact: true }).fill('Chairman’s declaration of acceptance of office');
  await newItem.getByLabel('Kind of item').selectOption('other');
  await expectAccessible(page);
  await screenshot(page, 'agenda-split');
  await newItem.getByLabel('Title', { exact: true }).press('Enter');
  await expect(page.getByRole('status')).toHaveText('Item 2 split: item 2a added after it.');
  await expect(agendaItems(page).nth(2)).toContainText('Chairman’s declaration of acceptance of office');
  await expect(agendaItems(page).nth(2)).toContainText('Other business');

  // Delete asks first; Escape keeps the item, Delete then Enter removes it.
  await page.keyboard.press('ArrowDown');
  await expect(selectedItem(page)).toContainText('2a');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('button', { name: /Remove the item/ })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(agendaItems(page)).toHaveCount(14);
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/^Item 2a, .* removed\.$/);
  await expect(agendaItems(page)).toHaveCount(13);
  await expect(selectedItem(page)).toContainText('Election of Vice-Chairman');

  // Loading again when there are items asks whether to replace them or add after them.
  await page.keyboard.press('i');
  await page.getByLabel('Or open the summons as a .txt file').setInputFiles(PACK_2021);
  await expect(page.getByRole('heading', { name: '12 items read from kcc-2021-agenda.txt' })).toBeFocused();
  await page.getByRole('checkbox', { name: 'Load item 12' }).uncheck();
  await page.keyboard.press('Alt+l');
  await expect(page.getByText('The agenda already has 13 items. Replace them with these 11, or add these after them?')).toBeVisible();
  await expect(page.getByRole('button', { name: /Replace the agenda/ })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /Load 11 items/ })).toBeVisible();
  await page.keyboard.press('Alt+l');
  await page.keyboard.press('r');
  await expect(page.getByRole('status')).toHaveText('11 items loaded.');
  await expect(agendaItems(page)).toHaveCount(11);
  expect((await loadedAgenda(chamber, meetingId)).map((item) => item.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);

  // Once the meeting has started, the core refuses a removal and the clerk sees why.
  expect((await chamber.post({ type: 'meeting.start', meetingId })).status).toBe(200);
  await expect(page.getByText('The meeting has started: items can still be corrected')).toBeVisible();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The meeting has started: withdraw or defer the item instead of removing it.');
  await expect(agendaItems(page)).toHaveCount(11);
  await expectAccessible(page);
});
