// Officers from the IN ATTENDANCE paragraph of earlier minutes:
// "IN ATTENDANCE: David Cockburn (Corporate Director Strategic & Corporate Services), Geoff Wild
// (Director of Governance and Law) and Peter Sass (Head of Democratic Services)".
import type { OfficerDetails } from '../commands/body';
import { checkPastedText, cleanLine, splitPastedLines } from './agenda';

export type OfficersRead = { officers: OfficerDetails[] } | { error: { message: string } };

const MAX_OFFICERS = 100;

/** Reads "Name (Job title)" entries separated by commas and "and"; the paragraph may be pasted with the rest of the minutes. */
export const parseInAttendance = (text: string): OfficersRead => {
  const problem = checkPastedText(text, 'IN ATTENDANCE paragraph');
  if (problem) return { error: { message: problem } };
  const lines = splitPastedLines(text).map(cleanLine);
  const start = lines.findIndex((line) => /^\**\s*in attendance\b/i.test(line));
  if (start < 0) return { error: { message: 'No "IN ATTENDANCE" paragraph was found. Paste the paragraph that starts "IN ATTENDANCE:".' } };
  const paragraph: string[] = [];
  for (const line of lines.slice(start, start + 40)) {
    if (paragraph.length > 0 && (line === '' || /^(?:#|\**\s*(?:unrestricted|present|minutes)\b|\d+\.)/i.test(line))) break;
    paragraph.push(line);
  }
  const body = paragraph.join(' ').replace(/^\**\s*in attendance\s*:?\**\s*/i, '');
  const officers: OfficerDetails[] = [];
  // Each entry is a name followed by its job title in brackets.
  const entry = /\s*(?:,|\band\b)?\s*([^(),]+?)\s*\(([^()]+)\)/gy;
  let match: RegExpExecArray | null;
  while ((match = entry.exec(body)) !== null && officers.length <= MAX_OFFICERS) {
    const name = match[1].replace(/^and\s+/i, '').trim();
    const jobTitle = match[2].trim();
    if (name && jobTitle) officers.push({ name, jobTitle });
  }
  if (officers.length === 0) return { error: { message: 'The IN ATTENDANCE paragraph names nobody as "Name (Job title)".' } };
  if (officers.length > MAX_OFFICERS) return { error: { message: `More than ${MAX_OFFICERS} officers: is this the right paragraph?` } };
  return { officers };
};
