// Who may attend in a member's place, by the body's terms of reference: substitutes, alternates
// with notice, or nobody. Pure: no Node, no DOM.
import { formatLongDate } from '../format';
import type { StandingOrders } from './standingOrders';

const DAY_MS = 86_400_000;

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

/** 0 Sunday … 6 Saturday, for a day number counted from 1 January 1970 (a Thursday). */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/**
 * How many working days before the meeting notice was received: the working days from the day
 * of the notice (counted when it is one) up to the day before the meeting, so notice on the
 * Friday for a Monday meeting is one working day, and on the Wednesday of the week before a
 * Thursday meeting six. 0 when notice came on or after the meeting date.
 *
 * Working days are Monday to Friday. Bank holidays are not taken out: they differ across the
 * nations of the UK and by year, and Chamber has no calendar of them; a clerk for whom one falls
 * in the notice period checks it by hand.
 */
export const workingDaysBefore = (noticeDate: string, meetingDate: string): number => {
  const from = dayNumber(noticeDate);
  const to = dayNumber(meetingDate);
  if (from >= to) return 0;
  // Whole weeks hold five working days each; the days left over are counted one by one.
  const days = to - from;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = from + weeks * 7; day < to; day += 1) {
    const w = weekday(day);
    if (w !== 0 && w !== 6) count += 1;
  }
  return count;
};

const days = (n: number): string => `${['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n)} working day${n === 1 ? '' : 's'}`;

/** "The Kent and Medway Integrated Care Partnership", "The Cabinet" (not "The The Cabinet"). */
const theBody = (name: string): string => (/^the\s/i.test(name) ? `T${name.slice(1)}` : `The ${name}`);

/**
 * The body's rule for deputies. A profile stored before the rule existed has none (stored events
 * are replayed as they were written, without the schema's defaults): substitutes, as then.
 */
export const deputiesOf = (so: Pick<StandingOrders, 'deputies'>): StandingOrders['deputies'] =>
  (so as Partial<Pick<StandingOrders, 'deputies'>>).deputies ?? { kind: 'substitutes' };

/**
 * Why someone may not attend in a member's place at this meeting, in the clerk's words, with the
 * field at fault; undefined when they may. `noticeReceived` is the date (YYYY-MM-DD) notice of an
 * alternate was received, if given.
 */
export const deputyProblem = (
  deputies: StandingOrders['deputies'],
  bodyName: string,
  meetingDate: string,
  noticeReceived: string | undefined,
): { message: string; field: string } | undefined => {
  if (deputies.kind === 'substitutes') return undefined;
  if (deputies.kind === 'none') {
    return { message: `${theBody(bodyName)} has no deputies: its terms of reference do not allow a member to be replaced.`, field: 'inPlaceOf' };
  }
  const needed = deputies.noticeWorkingDays;
  const rule =
    needed === 0
      ? `${theBody(bodyName)} accepts an alternate only with notice before the meeting`
      : `${theBody(bodyName)} accepts an alternate only with notice at least ${days(needed)} before the meeting`;
  if (noticeReceived === undefined) return { message: `${rule}: give the date notice was received.`, field: 'noticeReceived' };
  const given = workingDaysBefore(noticeReceived, meetingDate);
  if (given < needed) {
    return { message: `${rule}; notice received on ${formatLongDate(noticeReceived)} is ${days(given)} before it.`, field: 'noticeReceived' };
  }
  return undefined;
};
