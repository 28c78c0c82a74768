// The text of a PDF agenda, rebuilt from where its words stand on the page, for parseAgenda.
// A PDF holds runs of text at positions, in whatever order the program that made it wrote them:
// a table's right-hand column ("Pages 5 - 8") may come after every title in the left one, and a
// line may be split into several runs. Here the runs are put back into lines by their height on
// the page, left to right with the spaces between them, and the running headers and footers
// (the same words, or a page number, at the same place near the top or bottom of several pages)
// are left out. Pure: the caller reads the runs with pdf.js (renderer/src/screens/agenda/pdfText.ts).

/** A run of text as the PDF places it, in points, from the page's bottom-left corner. */
export interface PdfTextRun {
  str: string;
  /** Where the run starts, from the left edge. */
  x: number;
  /** The run's baseline, from the bottom edge. */
  y: number;
  /** How far the run reaches to the right. */
  width: number;
  /** The font size; 0 where the PDF does not say (a space, for instance). */
  height: number;
}

export interface PdfTextPage {
  width: number;
  height: number;
  runs: readonly PdfTextRun[];
}

export interface PdfLine {
  text: string;
  /** The baseline of the line's main text, from the bottom edge. */
  y: number;
  /** The line's font size: its largest run's. */
  size: number;
}

/** The font size assumed for runs that do not give one. */
const DEFAULT_SIZE = 10;
/** A gap wider than this many font sizes is a column (a tab); narrower than ~a space's width is none. */
const COLUMN_GAP = 1.5;
const WORD_GAP = 0.15;
/** Lines further apart than this many font sizes have a blank line between them, as a paragraph break. */
const PARAGRAPH_GAP = 1.8;
/** Headers and footers stand within this share of the page's height from its top or bottom edge. */
const MARGIN_BAND = 0.15;
/** …at the same height on different pages, give or take this many points. */
const SAME_PLACE = 3;

const sizeOf = (run: PdfTextRun, fallback = DEFAULT_SIZE) => (run.height > 0 ? run.height : fallback);

/** Runs on one line: a superscript or subscript sits a little above or below, within ~40% of the text's size. */
const onLine = (line: { y: number; size: number }, run: PdfTextRun): boolean =>
  Math.abs(run.y - line.y) <= 0.4 * Math.max(line.size, sizeOf(run, line.size));

/** The page's runs as lines, top to bottom, each read left to right. */
export const linesOfPage = (page: PdfTextPage): PdfLine[] => {
  // Runs that are only a space are kept: pdf.js gives the space between words as a run of its own.
  const runs = page.runs.filter((run) => run.str !== '' && Number.isFinite(run.x) && Number.isFinite(run.y));
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; size: number; runs: PdfTextRun[] }[] = [];
  for (const run of sorted) {
    // Look back a few lines: a superscript sorted first may have started a line of its own.
    const line = groups.slice(-3).find((candidate) => onLine(candidate, run));
    if (line === undefined) {
      groups.push({ y: run.y, size: sizeOf(run), runs: [run] });
      continue;
    }
    line.runs.push(run);
    // The line's baseline is its largest text's, not a superscript's.
    if (run.height > line.size) {
      line.size = run.height;
      line.y = run.y;
    }
  }
  return groups
    .sort((a, b) => b.y - a.y)
    .map((group) => ({ text: textOfLine(group.runs, group.size), y: group.y, size: group.size }))
    .filter((line) => line.text !== '');
};

/** One line's runs left to right: a space where there is a gap, a tab where there is a column's gap. */
const textOfLine = (runs: readonly PdfTextRun[], size: number): string => {
  const ordered = [...runs].sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  let last: PdfTextRun | undefined;
  let spaced = false;
  for (const run of ordered) {
    // Some programs print bold by printing the same words twice, a fraction of a point apart.
    if (last !== undefined && last.str === run.str && Math.abs(last.x - run.x) < 1) continue;
    // A run that is only spaces says there is a space here, however narrow; a wide one is measured as a gap.
    if (run.str.trim() === '') {
      spaced = true;
      continue;
    }
    const gap = run.x - end;
    if (text !== '') {
      if (gap > COLUMN_GAP * size) text = text.trimEnd() + '\t';
      else if ((gap > WORD_GAP * size || spaced) && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
    }
    spaced = false;
    text += text === '' || /\s$/.test(text) ? run.str.trimStart() : run.str;
    end = Math.max(end, run.x + run.width);
    last = run;
  }
  return text.replace(/\s+$/, '');
};

/**
 * What stays the same of a header or footer from page to page: its words, and for a page number
 * ("3", "- 3 -", "Page 3 of 12", "Agenda Page 3") not the number. Other numbers count, so that
 * "Agenda Item 5" and "Agenda Item 9" heading two pages are not taken for a running header.
 */
const furnitureKey = (text: string): string => {
  const words = text.replace(/\s+/g, ' ').trim().toLowerCase();
  const masked = words.replace(/\d+/g, '#');
  return /^[-–—\s]*#[-–—\s]*$|^# ?(?:of|\/) ?#$|\bpage #/.test(masked) ? masked : words;
};

const inMargin = (line: PdfLine, page: PdfTextPage): 'top' | 'bottom' | undefined =>
  line.y >= page.height * (1 - MARGIN_BAND) ? 'top' : line.y <= page.height * MARGIN_BAND ? 'bottom' : undefined;

/**
 * The lines of each page without its running headers and footers: a line near the top or bottom
 * edge whose words (a page number aside) stand at the same height on at least one other page.
 */
export const withoutHeadersAndFooters = (pages: readonly PdfTextPage[], lines: readonly PdfLine[][]): PdfLine[][] => {
  const seen = new Map<string, { page: number; y: number }[]>();
  lines.forEach((pageLines, index) => {
    for (const line of pageLines) {
      const band = inMargin(line, pages[index]);
      if (band === undefined) continue;
      const key = `${band} ${furnitureKey(line.text)}`;
      const places = seen.get(key) ?? [];
      places.push({ page: index, y: line.y });
      seen.set(key, places);
    }
  });
  const repeated = (line: PdfLine, index: number): boolean => {
    const band = inMargin(line, pages[index]);
    if (band === undefined) return false;
    const places = seen.get(`${band} ${furnitureKey(line.text)}`) ?? [];
    return places.some((place) => place.page !== index && Math.abs(place.y - line.y) <= SAME_PLACE);
  };
  return lines.map((pageLines, index) => pageLines.filter((line) => !repeated(line, index)));
};

/** A page's lines as text: a blank line where the gap between two lines is a paragraph's. */
const textOfLines = (lines: readonly PdfLine[]): string => {
  const out: string[] = [];
  lines.forEach((line, index) => {
    const above = lines[index - 1];
    if (above !== undefined && above.y - line.y > PARAGRAPH_GAP * Math.max(above.size, line.size)) out.push('');
    out.push(line.text);
  });
  return out.join('\n');
};

/** The text of the pages for parseAgenda: lines joined with line breaks, pages with a blank line, headers and footers left out. */
export const textOfPdfPages = (pages: readonly PdfTextPage[]): string => {
  const lines = withoutHeadersAndFooters(pages, pages.map(linesOfPage));
  return lines
    .map(textOfLines)
    .filter((text) => text !== '')
    .join('\n\n');
};

/** Whether the pages have any text at all: a scanned PDF has only pictures of its pages. */
export const hasText = (pages: readonly PdfTextPage[]): boolean => pages.some((page) => page.runs.some((run) => /[\p{L}\p{N}]/u.test(run.str)));
