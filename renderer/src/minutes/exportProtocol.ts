// What the page and the export worker say to each other.
import type { MinutesDocument, MinutesFormat } from '../../../shared/minutes/model';

export interface ExportRequest {
  doc: MinutesDocument;
  format: MinutesFormat;
}

export type ExportReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes?: ArrayBuffer; text?: string }
  | { type: 'failed'; message: string };
