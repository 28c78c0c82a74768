// Which instant a time the clerk types means. A meeting sits on a day (the day it started, or the
// day it last resumed after an adjournment to another day), not on the date it was scheduled for:
// a meeting reconvened, or run on a day other than planned, gets its times on the day it sat.
// Pure: the caller passes "now" and the time zone.
import { instantAt, localDate, nextDate } from '../time';
import type { MeetingState } from '../state/meeting';

const HALF_A_DAY_MS = 12 * 60 * 60 * 1000;

/** When the current (or last) sitting began: the start, or the latest resumption. */
export const sittingStart = (meeting: Pick<MeetingState, 'startedAt' | 'adjournments'>): string | undefined => {
  let latest = meeting.startedAt;
  for (const a of meeting.adjournments) if (a.to && (!latest || a.to > latest)) latest = a.to;
  return latest;
};

/** The local date the meeting is sitting on: that of its current sitting, or today before it starts. */
export const sittingDay = (meeting: Pick<MeetingState, 'startedAt' | 'adjournments'>, nowIso: string, timeZone: string): string => {
  const start = sittingStart(meeting);
  return localDate(start ?? nowIso, timeZone);
};

/**
 * The instant of a 24-hour local time "HH:MM" typed for this meeting: on the day it is sitting.
 * A time more than twelve hours before the sitting began is after midnight (an evening meeting
 * running late), so it is on the next day.
 */
export const instantOfTypedTime = (
  hhmm: string,
  meeting: Pick<MeetingState, 'startedAt' | 'adjournments'>,
  nowIso: string,
  timeZone: string,
): string => {
  const day = sittingDay(meeting, nowIso, timeZone);
  const candidate = instantAt(day, hhmm, timeZone);
  const start = sittingStart(meeting);
  if (start && Date.parse(start) - Date.parse(candidate) > HALF_A_DAY_MS) return instantAt(nextDate(day), hhmm, timeZone);
  return candidate;
};

/** A given time (ISO instant or "HH:MM"), as an ISO instant; `now` when none is given. */
export const resolveGivenTime = (
  given: string | undefined,
  meeting: Pick<MeetingState, 'startedAt' | 'adjournments'>,
  nowIso: string,
  timeZone: string,
): string => {
  if (given === undefined) return nowIso;
  if (/^\d{2}:\d{2}$/.test(given)) return instantOfTypedTime(given, meeting, nowIso, timeZone);
  return new Date(given).toISOString();
};
