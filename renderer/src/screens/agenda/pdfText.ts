// Reading the text of a PDF agenda with pdf.js, refusing in words what cannot be read: too large,
// protected by a password, damaged, taking too long, or with no text at all (a scan). The pages'
// runs of text go to shared/import/pdfLines.ts, which puts the lines back together. pdf.js itself
// is passed in: the browser's build with its worker in the app (readPdfFile.ts), the legacy build
// in Node for the tests.
import { hasText, textOfPdfPages, type PdfTextPage, type PdfTextRun } from '../../../../shared/import/pdfLines';

/** A summons PDF is a few hundred kilobytes; a whole pack with its reports and pictures can be tens of megabytes. */
export const MAX_PDF_BYTES = 30_000_000;
/** Reading stops after this long: pdf.js on a damaged file must never leave the clerk waiting. */
export const PDF_TIME_LIMIT_MS = 20_000;

/** The parts of pdf.js used here (getDocument's loading task, its document and pages). */
export interface PdfLoadingTask {
  promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}
interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
}
interface PdfPage {
  /** The page's box: left, bottom, right, top. */
  view: number[];
  getTextContent(): Promise<{ items: readonly object[] }>;
  cleanup(): unknown;
}
export type OpenPdf = (data: Uint8Array) => PdfLoadingTask;

export type PdfRead = { text: string } | { error: string };

const sizeOf = (bytes: number): string =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;

interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}
const isTextItem = (item: object): item is PdfJsTextItem => 'str' in item && 'transform' in item;

/** One page's runs of text, from its bottom-left corner; text set at an angle (a margin note) is left out. */
export const pageOfText = (view: readonly number[], items: readonly object[]): PdfTextPage => {
  const [left, bottom, right, top] = view;
  const runs: PdfTextRun[] = [];
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const [a, b, c, d, x, y] = item.transform;
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) continue;
    runs.push({ str: item.str, x: x - left, y: y - bottom, width: item.width, height: item.height || Math.abs(d) });
  }
  return { width: right - left, height: top - bottom, runs };
};

/** Every page's runs of text. */
export const pagesOfPdf = async (document: PdfDocument): Promise<PdfTextPage[]> => {
  const pages: PdfTextPage[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(pageOfText(page.view, content.items));
    page.cleanup();
  }
  return pages;
};

class TookTooLong extends Error {}

/** Why a PDF of this size is not read, or undefined when it is small enough. */
export const pdfTooLarge = (name: string, bytes: number): string | undefined =>
  bytes > MAX_PDF_BYTES
    ? `“${name}” is ${sizeOf(bytes)}; the limit for a PDF is ${MAX_PDF_BYTES / 1_000_000} MB. Is it the whole pack rather than the summons? Open the summons and agenda on their own, or copy the agenda and paste it into the box.`
    : undefined;

/** Reads the PDF's text for parseAgenda, or says in a sentence why it cannot. */
export const readPdf = async (name: string, data: Uint8Array, open: OpenPdf, timeLimitMs = PDF_TIME_LIMIT_MS): Promise<PdfRead> => {
  const pasteInstead = 'Open it, copy the agenda and paste it into the box.';
  const tooLarge = pdfTooLarge(name, data.byteLength);
  if (tooLarge !== undefined) return { error: tooLarge };
  let task: PdfLoadingTask | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TookTooLong()), timeLimitMs);
  });
  try {
    const reading = (async () => {
      task = open(data);
      return pagesOfPdf(await task.promise);
    })();
    reading.catch(() => undefined);
    const pages = await Promise.race([reading, late]);
    if (!hasText(pages)) {
      return {
        error: `“${name}” has no text to read: its pages are pictures, as in a scanned document. Copy the agenda from the council’s website or from another copy of the summons and paste it into the box, or add the items one by one.`,
      };
    }
    return { text: textOfPdfPages(pages) };
  } catch (error) {
    if (error instanceof TookTooLong) {
      const seconds = Math.max(1, Math.round(timeLimitMs / 1000));
      return { error: `“${name}” took too long to read (more than ${seconds} second${seconds === 1 ? '' : 's'}), so reading stopped. ${pasteInstead}` };
    }
    if (error instanceof Error && error.name === 'PasswordException') {
      return { error: `“${name}” is protected by a password, so its text cannot be read here. ${pasteInstead}` };
    }
    return { error: `“${name}” could not be read: the PDF is damaged or incomplete. Download it again, or open it, copy the agenda and paste it into the box.` };
  } finally {
    clearTimeout(timer);
    // Stops pdf.js's worker for this file, also when reading was cut short.
    void task?.destroy().catch(() => undefined);
  }
};
