// The next meeting of a body, from one of its meetings ("Copy as next meeting"): the agenda it
// starts with and the date it is proposed for. Pure: used by the core's meeting.copy and the
// meeting screen's copy form.
import type { AgendaItemDetails } from '../commands/agenda';
import { formatPackDate } from '../format';
import type { AgendaItemKind } from '../import/agenda';
import type { AgendaItem, MeetingState, MeetingSummary } from '../state/meeting';

/**
 * Items every meeting of a body repeats, whatever happened to them last time: apologies,
 * declarations, the minutes of the last meeting, the chairman's announcements, questions, the
 * Leader's report and urgent business. Everything else (reports, motions, elections, exempt
 * business, other items) is business of one meeting: it comes forward only if that meeting did
 * not dispose of it.
 */
export const STANDING_KINDS: ReadonlySet<AgendaItemKind> = new Set<AgendaItemKind>([
  'apologies',
  'declarations',
  'minutes',
  'announcements',
  'questions',
  'leaders_report',
  'urgent_business',
]);

/** A date in a title: "22 October 2015", "Thursday, 22nd October, 2015", "22/10/2015". */
const DATE_IN_TITLE =
  /\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?,?\s+\d{4}\b|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b/i;

/**
 * The minutes item's title naming the meeting held on `heldOn` (ISO), its date written as the
 * pack writes dates: "Minutes of the meeting held on 22 October 2015 and, if in order, to be
 * approved as a correct record" for the meeting of 10 December 2015 becomes "… held on
 * 10 December 2015 and, if in order, …". A title that names no date ("Minutes of the previous
 * meeting") is still right and is kept as it is.
 */
export const minutesTitleFor = (title: string, heldOn: string): string => title.replace(DATE_IN_TITLE, formatPackDate(heldOn));

/**
 * Item numbers renumbered 1, 2, 3, … in agenda order after items were left off, keeping letters
 * ("9a" follows its item): only when every number is a whole number with at most a letter and
 * they rise through the agenda. Numbers the clerk has put out of order are left as they are.
 */
export const renumberItems = <T extends { number: string }>(items: readonly T[]): T[] => {
  const parsed = items.map((item) => /^(\d+)([a-z]?)$/i.exec(item.number.trim()));
  if (parsed.some((match) => match === null)) return [...items];
  const bases = parsed.map((match) => Number(match![1]));
  if (bases.some((base, index) => index > 0 && base < bases[index - 1])) return [...items];
  let next = bases[0] ?? 1;
  let previous: number | undefined;
  return items.map((item, index) => {
    if (previous !== undefined && bases[index] !== previous) next += 1;
    previous = bases[index];
    return { ...item, number: `${next}${parsed[index]![2]}` };
  });
};

/**
 * The agenda the next meeting starts with, copied from `from` (the clerk then loads or edits the
 * next pack as usual). It is the copied meeting's agenda, in its order, less the business that
 * meeting disposed of:
 * - standing items (STANDING_KINDS) always come forward, even one withdrawn last time ("no
 *   questions were received"); the first minutes item now names the meeting copied. A second
 *   minutes item (of an earlier or special meeting) is business of that meeting like any other;
 * - an item deferred comes forward: it is business for the next meeting. It is already on the
 *   agenda copied, so it comes once, where it stood;
 * - an item taken (ended) or withdrawn is left off;
 * - an item not reached (the meeting closed, or has not been held, before it was taken) comes
 *   forward: nothing disposed of it, and the clerk can remove it.
 * Page ranges are left off: they number the papers of the last pack, not the next. Items left off
 * leave gaps, so the items are renumbered (renumberItems).
 */
export const nextAgenda = (from: Pick<MeetingState, 'date' | 'agenda' | 'progress'>): AgendaItemDetails[] => {
  const firstMinutes = from.agenda.find((item) => item.kind === 'minutes')?.itemId;
  const kept = from.agenda.flatMap(({ itemId, pages: _pages, ...item }: AgendaItem): AgendaItemDetails[] => {
    const standing = STANDING_KINDS.has(item.kind) && (item.kind !== 'minutes' || itemId === firstMinutes);
    const state = from.progress[itemId]?.state;
    if (!standing && (state === 'done' || state === 'withdrawn')) return [];
    return [itemId === firstMinutes ? { ...item, title: minutesTitleFor(item.title, from.date) } : item];
  });
  return renumberItems(kept);
};

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/** An ISO date `days` days after another (before, when negative). */
export const addDays = (isoDate: string, days: number): string => new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);

/** When a body meets if nothing says otherwise: four weeks after its last meeting. */
export const DEFAULT_INTERVAL_DAYS = 28;

export interface ProposedDate {
  date: string;
  /** Days after the meeting copied. */
  days: number;
  /** The date of the body's meeting before the one copied, when the interval was taken from it. */
  previous?: string;
}

/**
 * The date proposed for the next meeting after `from`: the body's usual interval later, that is
 * the interval between `from` and the body's latest meeting before it; four weeks later when the
 * body has no earlier meeting. Meetings of the body are those with its id (or, for meetings
 * recorded before bodies existed, its name).
 */
export const proposedNextDate = (
  from: Pick<MeetingSummary, 'id' | 'bodyId' | 'body' | 'date'>,
  meetings: readonly Pick<MeetingSummary, 'id' | 'bodyId' | 'body' | 'date'>[],
): ProposedDate => {
  const sameBody = (m: Pick<MeetingSummary, 'bodyId' | 'body'>) => (from.bodyId ? m.bodyId === from.bodyId : !m.bodyId && m.body === from.body);
  const previous = meetings
    .filter((m) => m.id !== from.id && sameBody(m) && m.date < from.date)
    .map((m) => m.date)
    .sort()
    .at(-1);
  if (previous === undefined) return { date: addDays(from.date, DEFAULT_INTERVAL_DAYS), days: DEFAULT_INTERVAL_DAYS };
  const days = dayNumber(from.date) - dayNumber(previous);
  return { date: addDays(from.date, days), days, previous };
};

/** "4 weeks", "7 weeks", "10 days", "1 day": an interval as the copy form says it. */
export const describeInterval = (days: number): string =>
  days % 7 === 0 ? `${days / 7} ${days === 7 ? 'week' : 'weeks'}` : `${days} ${days === 1 ? 'day' : 'days'}`;
