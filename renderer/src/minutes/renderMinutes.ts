// One export, whatever runs it: the Web Worker (exportWorker.ts) or, where there is no worker,
// the page itself (exportMinutes.ts). The bytes or text of the minutes in the format chosen.
import type { MinutesDocument, MinutesFormat } from '../../../shared/minutes/model';
import { minutesToHtml, minutesToMarkdown, minutesToText } from '../../../shared/minutes/exportText';
import { minutesToDocx } from './minutesDocx';

const TEXT_EXPORTERS: Record<Exclude<MinutesFormat, 'docx'>, (doc: MinutesDocument) => string> = {
  html: minutesToHtml,
  markdown: minutesToMarkdown,
  text: minutesToText,
};

/** The minutes in the format chosen: a .docx file's bytes, or the text of the others. */
export const renderMinutes = async (doc: MinutesDocument, format: MinutesFormat, onProgress: (done: number, total: number) => void): Promise<Uint8Array | string> => {
  if (format === 'docx') return minutesToDocx(doc, onProgress);
  onProgress(0, 1);
  const text = TEXT_EXPORTERS[format](doc);
  onProgress(1, 1);
  return text;
};
