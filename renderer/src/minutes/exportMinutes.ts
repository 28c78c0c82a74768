// Exporting the minutes without blocking the clerk's screen: the work runs in a module Web Worker
// (exportWorker.ts) that reports its progress; where no worker can run (no Worker, or it cannot
// load), it runs here instead. The caller chooses what to export (the whole minutes,
// decisionsOnly(doc), or the confidential record) and saves it with downloadBlob.
import { cleanText } from '../../../shared/minutes/printedLayout';
import type { MinutesDocument, MinutesFormat, MinutesVariant } from '../../../shared/minutes/model';
import type { ExportReply, ExportRequest } from './exportProtocol';
import { MINUTES_EXTENSION, MINUTES_MIME } from './exportFormats';

/** Characters no file name may carry on Windows, macOS or Linux, and the control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAME = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;

const safeNamePart = (text: string, max: number): string =>
  cleanText(text)
    .replace(UNSAFE_IN_FILE_NAME, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .replace(/[. ]+$/, '');

/**
 * "Minutes 2015-10-22 Kent County Council.docx"; "Decisions …" for the decisions only; " (confidential)"
 * after the body's name for the confidential record (from doc.record, whatever the variant says).
 */
export const minutesFileName = (doc: MinutesDocument, format: MinutesFormat, variant?: MinutesVariant): string => {
  const what = variant === 'decisions' ? 'Decisions' : 'Minutes';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(doc.date) ? doc.date : safeNamePart(doc.date, 20);
  const confidential = doc.record === 'confidential' ? ' (confidential)' : '';
  const stem = [what, date, safeNamePart(doc.bodyName, 120)].filter((part) => part).join(' ');
  return `${stem}${confidential}.${MINUTES_EXTENSION[format]}`;
};

/** Raised when the worker could not start: the export then runs on the page. */
class WorkerUnavailable extends Error {}

const copyOut = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const inWorker = (doc: MinutesDocument, format: MinutesFormat, onProgress: (done: number, total: number) => void): Promise<ArrayBuffer | string> =>
  new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      reject(new WorkerUnavailable(String(error)));
      return;
    }
    let heard = false;
    worker.onmessage = (event: MessageEvent<ExportReply>) => {
      heard = true;
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress(reply.done, reply.total);
        return;
      }
      worker.terminate();
      if (reply.type === 'failed') reject(new Error(`The minutes could not be exported: ${reply.message}`));
      else resolve(reply.text ?? reply.bytes ?? '');
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      // An error before the worker said anything is the worker failing to load (a page opened from
      // file://, a policy): run on the page. After that it is the export's own failure.
      reject(heard ? new Error(`The minutes could not be exported: ${event.message}`) : new WorkerUnavailable(event.message));
    };
    worker.postMessage({ doc, format } satisfies ExportRequest);
  });

const onPage = async (doc: MinutesDocument, format: MinutesFormat, onProgress: (done: number, total: number) => void): Promise<ArrayBuffer | string> => {
  // Loaded only when needed: the Word exporter is large, and the worker has its own copy.
  const { renderMinutes } = await import('./renderMinutes');
  const result = await renderMinutes(doc, format, onProgress);
  return typeof result === 'string' ? result : copyOut(result);
};

/**
 * The minutes as a file, made off the page's thread; onProgress(done, total) as the work goes.
 * `variant` only names the file ("Decisions …"): the caller passes the document already chosen.
 */
export const exportMinutes = async (
  doc: MinutesDocument,
  format: MinutesFormat,
  onProgress: (done: number, total: number) => void,
  variant?: MinutesVariant,
): Promise<{ blob: Blob; fileName: string }> => {
  let content: ArrayBuffer | string;
  if (typeof Worker === 'undefined') content = await onPage(doc, format, onProgress);
  else {
    try {
      content = await inWorker(doc, format, onProgress);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      content = await onPage(doc, format, onProgress);
    }
  }
  return { blob: new Blob([content], { type: MINUTES_MIME[format] }), fileName: minutesFileName(doc, format, variant) };
};

/** Saves a file the way a page can: a link to the blob, clicked. */
export const downloadBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
