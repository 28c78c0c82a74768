// Times as the clerk reads and types them: the meeting's local time (Europe/London unless the
// installation says otherwise), 24-hour, never UTC. Instants are stored as ISO strings in UTC;
// everything shown or typed goes through here. Pure: Intl and @date-fns/tz, no Node, no DOM.
import { TZDate } from '@date-fns/tz';

export const DEFAULT_TIME_ZONE = 'Europe/London';

/** Whether the runtime knows this IANA time zone (e.g. "Europe/London"). */
export const isTimeZone = (timeZone: string): boolean => {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
};

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (timeZone: string, seconds: boolean): Intl.DateTimeFormat => {
  const key = `${timeZone}|${seconds}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
};

/** The local calendar fields of an instant in a time zone. */
export const localParts = (instant: string | number | Date, timeZone: string): { date: string; time: string; seconds: string } => {
  const parts = formatter(timeZone, true).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
    seconds: get('second'),
  };
};

/** "10:40": an instant as a 24-hour local clock time. */
export const clockTime = (instant: string | number | Date, timeZone: string): string => localParts(instant, timeZone).time;

/** "10:40:05": with seconds, for a running clock. */
export const clockTimeWithSeconds = (instant: string | number | Date, timeZone: string): string => {
  const { time, seconds } = localParts(instant, timeZone);
  return `${time}:${seconds}`;
};

/** "2026-07-01": the local calendar date of an instant. */
export const localDate = (instant: string | number | Date, timeZone: string): string => localParts(instant, timeZone).date;

/**
 * The instant at a local date and 24-hour time in a time zone ("2026-07-01", "10:40" in
 * Europe/London is 09:40 UTC). In the hour the clocks go forward, a time that does not exist is
 * read as the same wall time after the change; in the hour they go back, the first of the two.
 */
export const instantAt = (date: string, time: string, timeZone: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(new TZDate(y, m - 1, d, h, min, timeZone).getTime()).toISOString();
};

/** The calendar date one day after `date` (YYYY-MM-DD). */
export const nextDate = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};
