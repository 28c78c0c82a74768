// Opening a PDF agenda in the app: pdf.js's browser build, its worker bundled by Vite as a file of
// the app's own (allowed by the page's Content-Security-Policy as 'self'). Loaded only when a PDF
// is opened (readTextFile imports it on demand), so pdf.js costs nothing until then.
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfTooLarge, readPdf, type PdfRead } from './pdfText';

GlobalWorkerOptions.workerSrc = workerUrl;

export const readPdfFile = async (file: File): Promise<PdfRead> => {
  // Refused before it is read into memory.
  const tooLarge = pdfTooLarge(file.name, file.size);
  if (tooLarge !== undefined) return { error: tooLarge };
  return readPdf(file.name, new Uint8Array(await file.arrayBuffer()), (data) =>
    getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false, stopAtErrors: false, verbosity: 0 }),
  );
};
