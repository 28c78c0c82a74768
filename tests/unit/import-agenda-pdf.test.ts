// Agendas as PDFs, made here with LibreOffice and read back as the app reads them (pdf.js through
// renderer/src/screens/agenda/pdfText.ts and shared/import/pdfLines.ts), then parseAgenda: the
// same items as from the text. All the PDFs are made in one LibreOffice call (beforeAll); the one
// locked with a password is written by hand.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agendaCorpusEntries, agendaCorpusReportOf } from '../support/agendaCorpus';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseAgenda, type AgendaImport, type AgendaItemDraft } from '../../shared/import/agenda';
import { MAX_PDF_BYTES, readPdf, type PdfLoadingTask } from '../../renderer/src/screens/agenda/pdfText';
import { kcc2015Agenda } from '../fixtures/kcc-2015-agenda';
import { kcc2021Agenda } from '../fixtures/kcc-2021-agenda';
import { convertToPdf, flatOdt, libreOffice, lockedPdf, pageCount, readPdfAsTheAppDoes, type FlatDocument } from '../support/pdfAgenda';
import { describeWhere } from '../support/skips';

const here = path.dirname(fileURLToPath(import.meta.url));
const packs = path.resolve(here, '../fixtures/packs');
const corpus = path.resolve(here, '../fixtures/agendas');
const linesOf = (file: string) => readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');

/** Tall pages: the whole agenda on one page, as its text has it, with no headers to take for running ones. */
const ONE_PAGE = { width: 42, height: 110 };

interface Expected {
  items: { number: string; title: string; pages?: { from: number; to: number }; unsure?: true }[];
}
const corpusNames = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((name) => name.endsWith('.txt') && existsSync(path.join(corpus, name.replace(/\.txt$/, '.expected.json'))))
      .map((name) => name.replace(/\.txt$/, ''))
      .sort()
  : [];

const planningRows: FlatDocument['lines'] = [
  'Summons to a meeting of the Planning Committee',
  '',
  'AGENDA',
  '',
  { number: '1.', title: 'Apologies and Substitutes', pages: '' },
  { number: '2.', title: 'Minutes of the meeting held on 14 March 2024 and, if in order, to be approved as a correct record', pages: '(Pages 5 - 8)' },
  { number: '3.', title: 'Application 24/0042 Land at Mill Lane, Ashford: erection of 48 dwellings with access, parking and landscaping', pages: 'Pages 9 - 40' },
  { number: '4.', title: 'Planning appeals decided', pages: '(Page 41)' },
  { number: '5.', title: 'Enforcement report', pages: 'Pages 42 - 50' },
  '',
  'Jane Smith',
  'Democratic Services Manager',
];

const documents: Record<string, string> = {
  'kcc-2015.fodt': flatOdt({ ...ONE_PAGE, lines: linesOf(path.join(packs, 'kcc-2015-agenda.txt')) }),
  'kcc-2021.fodt': flatOdt({ ...ONE_PAGE, lines: linesOf(path.join(packs, 'kcc-2021-agenda.txt')) }),
  // As LibreOffice opens a .txt file: A4, a fixed-width font, long lines wrapped.
  'kcc-2021-plain.txt': readFileSync(path.join(packs, 'kcc-2021-agenda.txt'), 'utf8'),
  // A table: the number, the title wrapping in its column, the pages in a right-hand column.
  'planning.fodt': flatOdt({ width: 21, lines: planningRows }),
  // On short pages with a running header and a page-number footer: the 2015 agenda over several pages.
  'kcc-2015-headed.fodt': flatOdt({
    width: 42,
    height: 12,
    header: 'Kent County Council – County Council, 17 December 2015',
    footer: 'Page #',
    lines: linesOf(path.join(packs, 'kcc-2015-agenda.txt')),
  }),
  'kcc-2021-headed.fodt': flatOdt({ width: 30, height: 21, header: 'County Council – 16 December 2021', footer: '#', lines: linesOf(path.join(packs, 'kcc-2021-agenda.txt')) }),
  // Pages with nothing on them but space: no text, as a scan has none.
  'blank.fodt': flatOdt({ lines: ['', '', ''] }),
  ...Object.fromEntries(corpusNames.map((name) => [`corpus-${name}.fodt`, flatOdt({ ...ONE_PAGE, lines: linesOf(path.join(corpus, `${name}.txt`)) })])),
};

const itemsOf = (result: AgendaImport): AgendaItemDraft[] => {
  if ('error' in result) throw new Error(`expected items, got the error "${result.error.message}"`);
  return result.items;
};

describeWhere(libreOffice(), 'agendas as PDFs, made with LibreOffice and read back as the app reads them', () => {
  let dir: string;
  let pdfs: Record<string, string>;
  const read = async (name: string) => {
    const result = await readPdfAsTheAppDoes(pdfs[name]);
    if ('error' in result) throw new Error(`${name}: ${result.error}`);
    return result.text;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'chamber-agenda-pdf-'));
    pdfs = convertToPdf(dir, documents);
  }, 55_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the 13 items of the 2015 agenda, as from its text', async () => {
    const result = parseAgenda(await read('kcc-2015.fodt'));
    expect(itemsOf(result)).toEqual(kcc2015Agenda);
    expect(result).toMatchObject({ warnings: [] });
  });

  it('reads the 12 items of the 2021 agenda (wrapped titles, page ranges on lines of their own, the motion after the agenda)', async () => {
    const result = parseAgenda(await read('kcc-2021.fodt'));
    expect(itemsOf(result)).toEqual(kcc2021Agenda);
    expect(result).toMatchObject({ warnings: [] });
  });

  it('reads the 2021 agenda from the PDF LibreOffice makes of the .txt file itself', async () => {
    expect(itemsOf(parseAgenda(await read('kcc-2021-plain.txt')))).toEqual(kcc2021Agenda);
  });

  it('keeps page ranges in a right-hand column with their titles, titles wrapping over two lines', async () => {
    const text = await read('planning.fodt');
    expect(text).toContain('2.\tMinutes of the meeting held on 14 March 2024 and, if in order, to\t(Pages 5 - 8)\nbe approved as a correct record');
    expect(itemsOf(parseAgenda(text)).map(({ number, title, pages }) => ({ number, title, pages }))).toEqual([
      { number: '1', title: 'Apologies and Substitutes', pages: undefined },
      { number: '2', title: 'Minutes of the meeting held on 14 March 2024 and, if in order, to be approved as a correct record', pages: { from: 5, to: 8 } },
      {
        number: '3',
        title: 'Application 24/0042 Land at Mill Lane, Ashford: erection of 48 dwellings with access, parking and landscaping',
        pages: { from: 9, to: 40 },
      },
      { number: '4', title: 'Planning appeals decided', pages: { from: 41, to: 41 } },
      { number: '5', title: 'Enforcement report', pages: { from: 42, to: 50 } },
    ]);
  });

  it('leaves out a running header and the page numbers of every page, reading the same items', async () => {
    const text2015 = await read('kcc-2015-headed.fodt');
    const text2021 = await read('kcc-2021-headed.fodt');
    // Several pages, each with its header and number (pdf.js counts them); none of it in the text.
    for (const [name, header] of [
      ['kcc-2015-headed.fodt', 'Kent County Council – County Council, 17 December 2015'],
      ['kcc-2021-headed.fodt', 'County Council – 16 December 2021'],
    ]) {
      expect(await pageCount(pdfs[name]), name).toBeGreaterThan(1);
      expect(name === 'kcc-2015-headed.fodt' ? text2015 : text2021).not.toContain(header);
    }
    expect(text2015).not.toMatch(/^Page \d+$/m);
    expect(text2021).not.toMatch(/^\d+$/m);
    expect(itemsOf(parseAgenda(text2015))).toEqual(kcc2015Agenda);
    expect(itemsOf(parseAgenda(text2021))).toEqual(kcc2021Agenda);
  });

  it(`reads every agenda of the corpus (tests/fixtures/agendas: ${corpusNames.length} found) at least as well as from its text`, async () => {
    // Each item written out by hand is read right (exact; flagged where the hand says unsure) from
    // the PDF wherever it is from the text. A PDF's columns can read better than the text's spaces.
    const right = (result: AgendaImport, want: Expected['items'][number]): boolean => {
      const got = 'error' in result ? undefined : result.items.find((item) => item.number === want.number);
      if (got === undefined) return false;
      if (want.unsure) return got.confidence === 'unsure';
      return got.title === want.title && got.pages?.from === want.pages?.from && got.pages?.to === want.pages?.to;
    };
    const count = { items: 0, fromText: 0, fromPdf: 0 };
    for (const name of corpusNames) {
      const expected = JSON.parse(readFileSync(path.join(corpus, `${name}.expected.json`), 'utf8')) as Expected;
      const fromText = parseAgenda(readFileSync(path.join(corpus, `${name}.txt`), 'utf8'));
      const fromPdf = parseAgenda(await read(`corpus-${name}.fodt`));
      for (const want of expected.items) {
        count.items += 1;
        if (right(fromPdf, want)) count.fromPdf += 1;
        if (!right(fromText, want)) continue;
        count.fromText += 1;
        expect(right(fromPdf, want), `${name}, item ${want.number} “${want.title}”`).toBe(true);
      }
    }
    console.info(
      `Agenda corpus through PDF: ${corpusNames.length} agendas, ${count.items} items; ${count.fromPdf} read right from the PDF, ${count.fromText} from the text.`,
    );
    // And as the import report counts it: every item (and every expected warning) through the PDF exact, or flagged for the clerk; none wrong.
    const fromPdfs = new Map<string, AgendaImport>();
    for (const entry of agendaCorpusEntries()) {
      fromPdfs.set(entry.name, parseAgenda(await read(`corpus-${entry.name}.fodt`), entry.expected.meetingDate === undefined ? {} : { meetingDate: entry.expected.meetingDate }));
    }
    const report = agendaCorpusReportOf('Agendas (PDF)', (entry) => fromPdfs.get(entry.name)!);
    expect(report.details.filter((line) => !line.includes(': flagged: '))).toEqual([]);
    expect(report.wrong).toBe(0);
  });

  it('refuses in words a PDF with no text, one that asks for a password, and a damaged one', async () => {
    expect(await readPdfAsTheAppDoes(pdfs['blank.fodt'])).toEqual({
      error:
        '“blank.pdf” has no text to read: its pages are pictures, as in a scanned document. Copy the agenda from the council’s website or from another copy of the summons and paste it into the box, or add the items one by one.',
    });
    const locked = path.join(dir, 'locked.pdf');
    writeFileSync(locked, lockedPdf());
    expect(await readPdfAsTheAppDoes(locked)).toEqual({
      error: '“locked.pdf” is protected by a password, so its text cannot be read here. Open it, copy the agenda and paste it into the box.',
    });
    const damaged = path.join(dir, 'damaged.pdf');
    writeFileSync(damaged, Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), readFileSync(pdfs['kcc-2015.fodt']).subarray(0, 40)]));
    expect(await readPdfAsTheAppDoes(damaged)).toEqual({
      error: '“damaged.pdf” could not be read: the PDF is damaged or incomplete. Download it again, or open it, copy the agenda and paste it into the box.',
    });
    // Cut off half-way (a download that stopped): refused too, never a hang.
    const cut = path.join(dir, 'cut.pdf');
    const whole = readFileSync(pdfs['kcc-2021.fodt']);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const read = await readPdfAsTheAppDoes(cut);
    expect('error' in read ? read.error : read.text).toMatch(/^“cut.pdf” could not be read|A G E N D A/);
  });
});

it('refuses a PDF over the size limit before pdf.js sees it, and stops reading one that takes too long', async () => {
  let opened = 0;
  let destroyed = 0;
  const never: PdfLoadingTask = {
    promise: new Promise(() => undefined),
    destroy: async () => {
      destroyed += 1;
    },
  };
  const open = () => {
    opened += 1;
    return never;
  };
  expect(await readPdf('pack.pdf', new Uint8Array(MAX_PDF_BYTES + 1), open)).toEqual({
    error: '“pack.pdf” is 30.0 MB; the limit for a PDF is 30 MB. Is it the whole pack rather than the summons? Open the summons and agenda on their own, or copy the agenda and paste it into the box.',
  });
  expect(opened).toBe(0);
  const started = Date.now();
  expect(await readPdf('stuck.pdf', new Uint8Array(10), open, 1_000)).toEqual({
    error: '“stuck.pdf” took too long to read (more than 1 second), so reading stopped. Open it, copy the agenda and paste it into the box.',
  });
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(destroyed).toBe(1);
});
