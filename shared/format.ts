// Dates and times as minutes write them: "Thursday, 22 October 2015", 24-hour clock.
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const partsOf = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
};

/** "Thursday, 22 October 2015" */
export const formatLongDate = (isoDate: string): string => {
  const { y, m, d, weekday } = partsOf(isoDate);
  return `${DAYS[weekday]}, ${d} ${MONTHS[m - 1]} ${y}`;
};

/** "22 October 2015": how the summons and agenda write a date ("Minutes of the meeting held on …"). */
export const formatPackDate = (isoDate: string): string => {
  const { y, m, d } = partsOf(isoDate);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

/** "Thu 22 Oct 2015" */
export const formatShortDate = (isoDate: string): string => {
  const { y, m, d, weekday } = partsOf(isoDate);
  return `${DAYS[weekday].slice(0, 3)} ${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`;
};

/** Local YYYY-MM-DD and HH:MM for a Date, for form defaults. */
export const localDateOf = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export const localTimeOf = (date: Date): string =>
  `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

export const STATUS_LABELS = {
  draft: 'Draft',
  ready: 'Ready',
  in_progress: 'In progress',
  adjourned: 'Adjourned',
  closed: 'Closed',
} as const;

/** "22/10/2015" for an ISO date: how the clerk types and reads dates in a form. */
export const formatDateInput = (isoDate: string): string => {
  const { y, m, d } = partsOf(isoDate);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
};

const monthNumber = (name: string): number | undefined => {
  const index = MONTHS.findIndex((month) => month.toLowerCase().startsWith(name.toLowerCase().slice(0, 3)));
  return name.length >= 3 && index >= 0 ? index + 1 : undefined;
};

const isoOf = (y: number, m: number, d: number): string | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/**
 * A year as typed: four digits as they are; two digits are a year of this century, 20yy
 * ("15" is 2015, "99" is 2099). A clerk types the date of a meeting about to be held or just
 * held, never one of the 1900s, so no pivot year is needed. Any other length is not a year.
 */
const yearOf = (digits: string): number | undefined =>
  digits.length === 4 ? Number(digits) : digits.length === 2 ? 2000 + Number(digits) : undefined;

/**
 * A date as a UK clerk types it: "22/10/2015", "22.10.2015", "22-10-2015", "22 October 2015",
 * "22 Oct 2015", or ISO "2015-10-22"; the year may be two digits, read as 20yy ("22/10/15" is
 * 22 October 2015). Day first, never month first. Undefined when it is not a real date.
 */
export const parseDateInput = (text: string): string | undefined => {
  const s = text.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (match) {
    const year = yearOf(match[3]);
    return year === undefined ? undefined : isoOf(year, Number(match[2]), Number(match[1]));
  }
  match = /^(?:[A-Za-z]+ )?(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+) (\d{4}|\d{2})$/.exec(s);
  if (match) {
    const month = monthNumber(match[2]);
    const year = yearOf(match[3]);
    return month && year !== undefined ? isoOf(year, month, Number(match[1])) : undefined;
  }
  return undefined;
};

/**
 * A time as typed: "10:00", "10.00", "1000", "9:30", "2.30 pm", "10 am". Returns 24-hour HH:MM,
 * or undefined when it is not a time of day.
 */
export const parseTimeInput = (text: string): string | undefined => {
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const suffix = match[3]?.toLowerCase().replace(/\./g, '');
  if (suffix) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (suffix === 'pm' ? 12 : 0);
  } else if (match[2] === undefined) {
    return undefined; // "10" alone is ambiguous
  }
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
};

/** "10:42" in the clerk's local time, 24-hour, for an ISO instant. */
export const formatClockTime = (iso: string): string => localTimeOf(new Date(iso));

/** An ISO instant for a 24-hour time typed today ("10:42"), in local time; undefined if not a time. */
export const instantToday = (hhmm: string, today: Date): string | undefined => {
  const time = parseTimeInput(hhmm);
  if (!time) return undefined;
  const [h, m] = time.split(':').map(Number);
  const date = new Date(today);
  date.setHours(h, m, 0, 0);
  return date.toISOString();
};

/** "1:05:09" or "05:09": elapsed time for a running clock. */
export const formatElapsed = (ms: number): string => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
};

/** Names joined as a sentence writes them: "A", "A and B", "A, B and C". */
export const joinWithAnd = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
