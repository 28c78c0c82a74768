// Each export format's file type and extension.
import type { MinutesFormat } from '../../../shared/minutes/model';

export const MINUTES_MIME: Record<MinutesFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
  text: 'text/plain;charset=utf-8',
};

export const MINUTES_EXTENSION: Record<MinutesFormat, string> = { docx: 'docx', html: 'html', markdown: 'md', text: 'txt' };
