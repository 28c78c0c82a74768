// Words for the kinds of agenda item, and small helpers the agenda forms share.
import { formErrors } from '../../components/formErrors';
import type { ChamberError } from '../../../../shared/errors';
import type { AgendaItemKind } from '../../../../shared/import/agenda';

export const KIND_LABELS: Record<AgendaItemKind, string> = {
  apologies: 'Apologies for absence',
  election: 'Election of chairman or vice-chairman',
  declarations: 'Declarations of interests',
  minutes: 'Minutes of the previous meeting',
  announcements: "Chairman's announcements",
  questions: 'Questions',
  leaders_report: "Leader's report",
  report: 'Report for decision',
  motion: 'Motion',
  time_limited_motion: 'Motion for time-limited debate',
  urgent_business: 'Urgent business',
  exempt: 'Exempt (private)',
  other: 'Other business',
};

export const KINDS = Object.keys(KIND_LABELS) as AgendaItemKind[];

/** "Page 5" or "Pages 15–22". */
export const pagesLabel = (pages: { from: number; to: number } | undefined): string | undefined =>
  pages === undefined ? undefined : pages.from === pages.to ? `Page ${pages.from}` : `Pages ${pages.from}–${pages.to}`;

/**
 * The core's problems by field, with a prefix such as "item." taken off ("item.pages.to" → "pages.to").
 * A problem that names no field of the form comes back as `rest`.
 */
export const errorsByField = (error: ChamberError, prefix: string, known: readonly string[]): { fields: Record<string, string>; rest?: string } => {
  const placed = formErrors(error, (path) => {
    const field = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    return known.includes(field) ? field : undefined;
  });
  return { fields: placed.byField, ...(placed.summary === undefined ? {} : { rest: placed.summary }) };
};

/** A page number as typed: undefined when empty, NaN when it is not a whole number. */
export const pageOf = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

/**
 * Pages typed as two boxes: none, one page ("5" and ""), or a range. Problems use the core's
 * wording and its field names ("pages.from", "pages.to").
 */
export const pagesFromText = (
  fromText: string,
  toText: string,
): { pages?: { from: number; to: number }; errors: Record<string, string> } => {
  const from = pageOf(fromText);
  const to = pageOf(toText);
  const errors: Record<string, string> = {};
  if (Number.isNaN(from)) errors['pages.from'] = 'must be a whole page number';
  if (Number.isNaN(to)) errors['pages.to'] = 'must be a whole page number';
  if (from === undefined && to !== undefined && !Number.isNaN(to)) errors['pages.from'] = 'is needed when the range has an end';
  if (Object.keys(errors).length > 0 || from === undefined) return { errors };
  return { pages: { from, to: to ?? from }, errors };
};

/**
 * A number for an item inserted after `number` when `next` follows it: "13" after the last item,
 * else a letter ("9a", then "9b").
 */
export const numberAfter = (number: string | undefined, next: string | undefined, taken: readonly string[]): string => {
  if (number === undefined) return next === undefined ? '1' : '';
  const match = /^(\d+)([a-z]?)$/i.exec(number.trim());
  if (match === null) return '';
  const base = Number(match[1]);
  if (next === undefined && match[2] === '' && !taken.includes(String(base + 1))) return String(base + 1);
  const start = match[2] === '' ? 0 : match[2].toLowerCase().charCodeAt(0) - 96;
  for (let letter = start + 1; letter <= 26; letter += 1) {
    const candidate = `${base}${String.fromCharCode(96 + letter)}`;
    if (!taken.includes(candidate)) return candidate;
  }
  return '';
};
