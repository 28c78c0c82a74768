// Officers from the IN ATTENDANCE paragraph of earlier minutes:
// "IN ATTENDANCE: David Cockburn (Corporate Director Strategic & Corporate Services), Geoff Wild
// (Director of Governance and Law) and Peter Sass (Head of Democratic Services)".
import type { OfficerDetails } from '../commands/body';
import { checkPastedText, cleanLine, splitPastedLines } from './agenda';
import { isHonour } from './memberNames';

/** Officers read, with a note (`warnings`, only when there are any) for each entry left out, such as a name with no job title. */
export type OfficersRead = { officers: OfficerDetails[]; warnings?: { text: string; message: string }[] } | { error: { message: string } };

const MAX_OFFICERS = 100;

/**
 * Splits the paragraph into entries at commas, semicolons, "and", full stops that end an entry
 * ("(General Counsel). Ms C Jones") and after a job title's closing bracket, never inside brackets.
 */
const entriesOf = (body: string): string[] => {
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  const close = () => {
    if (current.trim() !== '') entries.push(current.trim());
    current = '';
  };
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || char === ';')) {
      close();
      continue;
    }
    const tail = current.slice(-8);
    if (depth === 0 && char === '.' && /^(?:\s|$)/.test(body.slice(index + 1, index + 2)) && /(?:\)|\p{Ll}{2}|\p{L}{3})$/u.test(tail) && !/(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Prof|Rev)$/i.test(tail)) {
      close();
      continue;
    }
    current += char;
    if (depth === 0 && char === ')') {
      const rest = body.slice(index + 1, index + 12);
      if (/^\s*\p{Lu}/u.test(rest) && !/^\s*(?:[A-Z]{2,5}\b)/.test(rest)) close();
    }
    if (depth === 0 && /\s(?:and|&)\s$/i.test(current.slice(-6))) {
      current = current.replace(/\s(?:and|&)\s$/i, ' ');
      close();
    }
  }
  close();
  return entries.map((entry) => entry.replace(/^(?:and|&)\s+/i, '').replace(/\.$/, '').trim()).filter((entry) => entry !== '');
};

/** Reads "Name (Job title)" entries separated by commas, "and" or full stops; the paragraph may be pasted with the rest of the minutes. */
export const parseInAttendance = (text: string): OfficersRead => {
  const problem = checkPastedText(text, 'IN ATTENDANCE paragraph');
  if (problem) return { error: { message: problem } };
  const lines = splitPastedLines(text).map(cleanLine);
  const start = lines.findIndex((line) => /^\**\s*(?:officers\s+)?in attendance\b/i.test(line));
  if (start < 0) return { error: { message: 'No "IN ATTENDANCE" paragraph was found. Paste the paragraph that starts "IN ATTENDANCE:".' } };
  const paragraph: string[] = [];
  for (const line of lines.slice(start, start + 40)) {
    if (paragraph.length > 0 && (line === '' || /^(?:#|\**\s*(?:unrestricted|present|minutes|apologies)\b|\d+\.)/i.test(line))) break;
    paragraph.push(line);
  }
  const body = paragraph
    .join(' ')
    .replace(/^\**\s*(?:officers\s+)?in attendance\s*[:.–-]?\**\s*/i, '')
    .slice(0, 20_000);
  const officers: OfficerDetails[] = [];
  const warnings: { text: string; message: string }[] = [];
  for (const entry of entriesOf(body)) {
    const match = /^([^()]+?)\s*\(([^()]+)\)\s*$/.exec(entry);
    const previous = officers[officers.length - 1];
    if (match !== null && previous !== undefined && match[1].split(/\s+/).every(isHonour) && previous.jobTitle === '') {
      // "Mr B Watts, OBE (General Counsel)": the honours and job title belong to the name before.
      previous.name = `${previous.name}, ${match[1].trim()}`;
      previous.jobTitle = match[2].trim();
      warnings.pop();
      continue;
    }
    if (match !== null && match[1].trim() !== '' && match[2].trim() !== '') {
      officers.push({ name: match[1].trim(), jobTitle: match[2].trim() });
    } else if (previous !== undefined && entry.split(/\s+/).every(isHonour)) {
      previous.name = `${previous.name}, ${entry}`;
    } else if (/^[^()]{2,120}$/.test(entry) && /^\p{Lu}/u.test(entry) && entry.split(/\s+/).length <= 6) {
      officers.push({ name: entry, jobTitle: '' });
      warnings.push({ text: entry, message: 'No job title in brackets after this name: it is left out; add this officer by hand.' });
    } else warnings.push({ text: entry.slice(0, 120), message: 'Not read as "Name (Job title)": it is left out.' });
    if (officers.length > MAX_OFFICERS) return { error: { message: `More than ${MAX_OFFICERS} officers: is this the right paragraph?` } };
  }
  const complete = officers.filter((officer) => officer.jobTitle !== '');
  if (complete.length === 0) return { error: { message: 'The IN ATTENDANCE paragraph names nobody as "Name (Job title)".' } };
  return warnings.length === 0 ? { officers: complete } : { officers: complete, warnings };
};
