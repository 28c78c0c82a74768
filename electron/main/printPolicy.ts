// Saving the minutes as a PDF from the clerk's window: the policies, kept out of the Electron
// wiring so they are plain and testable. Pure: no electron import.

/** The longest file name offered in the save dialog. */
export const MAX_PDF_NAME = 120;

/**
 * The name the save dialog offers, from what the page suggested: a plain file name (no folders,
 * no control characters, no characters Windows refuses), ending in .pdf; "Minutes.pdf" when the
 * suggestion is not a string or leaves nothing.
 */
export const pdfFileName = (suggested: unknown): string => {
  if (typeof suggested !== 'string') return 'Minutes.pdf';
  const plain = suggested
    .slice(0, 400)
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .replace(/\.pdf$/i, '')
    .slice(0, MAX_PDF_NAME - 4)
    .trim();
  return plain ? `${plain}.pdf` : 'Minutes.pdf';
};

/** The path the clerk chose, made to end in .pdf (a dialog on Linux may return it without). */
export const withPdfExtension = (path: string): string => (/\.pdf$/i.test(path) ? path : `${path}.pdf`);

export interface PrintToPdfResult {
  saved: boolean;
  path?: string;
  error?: string;
}
