// shared/import/pdfLines.ts on runs of text made by hand: lines rebuilt by height and left-to-right
// order, a right-hand column kept on its title's line, headers and footers left out.
import { describe, expect, it } from 'vitest';
import { parseAgenda } from '../../shared/import/agenda';
import { hasText, linesOfPage, textOfPdfPages, type PdfTextPage, type PdfTextRun } from '../../shared/import/pdfLines';

const A4 = { width: 595, height: 842 };
/** A run in a 10-point font whose letters are half a point size wide each. */
const run = (str: string, x: number, y: number, size = 10): PdfTextRun => ({ str, x, y, width: str.length * size * 0.5, height: size });
const page = (...runs: PdfTextRun[]): PdfTextPage => ({ ...A4, runs });
const textOf = (...pages: PdfTextPage[]) => textOfPdfPages(pages);

describe('lines from runs of text', () => {
  it('puts a right-hand column printed after all the titles back on its title’s line', () => {
    // The order a table's cells are written in: every title, then every page range.
    const p = page(
      run('1.', 57, 700), run('Apologies for Absence', 85, 700),
      run('2.', 57, 688), run('Minutes of the last meeting', 85, 688),
      run('3.', 57, 676), run('Land at Church Lane, Ashford', 85, 676),
      run('Pages 1 - 6', 480, 688), run('Pages 7 - 12', 480, 676),
    );
    expect(textOf(p)).toBe('1.\tApologies for Absence\n2.\tMinutes of the last meeting\tPages 1 - 6\n3.\tLand at Church Lane, Ashford\tPages 7 - 12');
    const parsed = parseAgenda(`AGENDA\n${textOf(p)}`);
    expect('items' in parsed && parsed.items.map(({ number, title, pages }) => ({ number, title, pages }))).toEqual([
      { number: '1', title: 'Apologies for Absence', pages: undefined },
      { number: '2', title: 'Minutes of the last meeting', pages: { from: 1, to: 6 } },
      { number: '3', title: 'Land at Church Lane, Ashford', pages: { from: 7, to: 12 } },
    ]);
  });

  it('keeps a two-line title’s page range on its first line, the second line after it', () => {
    const p = page(
      run('4. Declarations of Disclosable Pecuniary Interests or Other', 57, 700),
      run('Significant Interests in items on the agenda', 71, 688),
      run('(Pages 5 - 8)', 470, 700),
    );
    expect(textOf(p)).toBe('4. Declarations of Disclosable Pecuniary Interests or Other\t(Pages 5 - 8)\nSignificant Interests in items on the agenda');
  });

  it('joins a line split into several runs with spaces where there are gaps, and none where there are not', () => {
    const p = page(
      run('Apolo', 57, 700), run('gies', 57 + 25, 700), // no gap: one word
      run('for', 57 + 45 + 5, 700), // a word space
      run(' ', 57 + 60, 700), run('Absence', 57 + 60 + 5, 700), // a run that is a space, the words touching it
      run('of', 57 + 105, 700), run(' ', 57 + 115, 700), run('the', 57 + 115, 700), // a space run under the next word
    );
    expect(textOf(p)).toBe('Apologies for Absence of the');
    // A run of spaces as wide as a column's gap is a tab, as between a number and its title in a table.
    expect(textOf(page(run('4.', 57, 700), { str: ' ', x: 67, y: 700, width: 30, height: 0 }, run('Planning appeals', 97, 700)))).toBe('4.\tPlanning appeals');
    // Runs written right to left in the file still read left to right.
    expect(textOf(page(run('Absence', 127, 700), run('Apologies for', 57, 700)))).toBe('Apologies for Absence');
  });

  it('keeps a superscript or subscript, a little above or below, on its line; the line after stays apart', () => {
    const p = page(
      run('held on 4', 57, 700), run('th', 102, 703.5, 6), run('November 2021', 110, 700),
      run('CO', 57, 688), run('2', 67, 686, 6), run('emissions', 73, 688),
      run('next line', 57, 676),
    );
    expect(linesOfPage(p).map((line) => line.text)).toEqual(['held on 4th November 2021', 'CO2 emissions', 'next line']);
    // A superscript alone before its line's main text (sorted first by height) still joins it.
    expect(linesOfPage(page(run('st', 62, 704, 6), run('1', 57, 700), run('meeting', 75, 700))).map((line) => line.text)).toEqual(['1st meeting']);
  });

  it('leaves a blank line for a paragraph’s gap, and drops words printed twice for bold', () => {
    const p = page(run('A G E N D A', 57, 760), run('A G E N D A', 57.3, 760), run('1. Apologies', 57, 720), run('2. Minutes', 57, 708));
    expect(textOf(p)).toBe('A G E N D A\n\n1. Apologies\n2. Minutes');
  });
});

describe('headers and footers', () => {
  const agendaPage = (number: number, ...runs: PdfTextRun[]) =>
    page(
      run('Kent County Council', 57, 800), run('Agenda', 500, 800),
      ...runs,
      run(`Page ${number} of 3`, 270, 30),
    );

  it('leaves out the same words at the same place near the top or bottom of several pages, and the page numbers', () => {
    const text = textOf(
      agendaPage(1, run('AGENDA', 57, 740), run('1. Apologies for Absence', 57, 700)),
      agendaPage(2, run('2. Minutes of the last meeting', 57, 760)),
      agendaPage(3, run('3. Questions', 57, 760)),
    );
    expect(text).toBe('AGENDA\n\n1. Apologies for Absence\n\n2. Minutes of the last meeting\n\n3. Questions');
  });

  it('leaves out a bare page number that moves left and right on facing pages, but not the same words in the body', () => {
    const text = textOf(
      page(run('1. Apologies', 57, 700), run('Questions', 57, 400), run('1', 57, 30)),
      page(run('2. Minutes', 57, 700), run('Questions', 57, 400), run('2', 530, 30)),
    );
    expect(text).toBe('1. Apologies\n\nQuestions\n\n2. Minutes\n\nQuestions');
  });

  it('keeps a line near the edge that is on one page only, and keeps everything of a single page', () => {
    const text = textOf(
      page(run('Summons to a meeting', 57, 800), run('1. Apologies', 57, 700)),
      page(run('2. Minutes', 57, 800), run('Democratic Services', 57, 30)),
    );
    expect(text).toBe('Summons to a meeting\n\n1. Apologies\n\n2. Minutes\n\nDemocratic Services');
    expect(textOf(page(run('Kent County Council', 57, 800), run('1. Apologies', 57, 700), run('1', 297, 30)))).toBe(
      'Kent County Council\n\n1. Apologies\n\n1',
    );
  });

  it('keeps lines that differ in a number other than a page number, as "Agenda Item 5" and "Agenda Item 9" heading two pages', () => {
    const text = textOf(
      page(run('Agenda Item 5', 57, 800), run('Housing repairs', 57, 788), run('Page 12', 297, 30)),
      page(run('Agenda Item 9', 57, 800), run('Urgent business', 57, 788), run('Page 13', 297, 30)),
    );
    expect(text).toBe('Agenda Item 5\nHousing repairs\n\nAgenda Item 9\nUrgent business');
  });

  it('does not take a header for one at a different height on another page', () => {
    const text = textOf(page(run('Agenda', 57, 800), run('1. Apologies', 57, 700)), page(run('Agenda', 57, 780), run('2. Minutes', 57, 700)));
    expect(text).toBe('Agenda\n\n1. Apologies\n\nAgenda\n\n2. Minutes');
  });
});

describe('pages with no text', () => {
  it('says a scan (no runs, or runs of spaces only) has no text', () => {
    expect(hasText([page(), page(run(' ', 57, 700))])).toBe(false);
    expect(hasText([page(), page(run('1', 57, 700))])).toBe(true);
    expect(textOf(page(), page())).toBe('');
  });
});
