// Whether this laptop's clock agrees with the records server's, by the server's Date header on its
// last answer. The server never refuses or reorders events for their times, and its receipts are
// in its own time; the clerk is only told, in words, so the clock is put right before the next
// meeting. A sync is never held back for it.
import type { ClockReading } from './recordsServer';

/** Clocks this close are taken to agree (the Date header has whole seconds; answers take time). */
export const CLOCK_TOLERANCE_MS = 2 * 60_000;

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "3 hours 5 minutes", "2 days 4 hours", "12 minutes". */
const span = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  const [days, hours, mins] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const parts = days > 0 ? [count(days, 'day'), hours > 0 ? count(hours, 'hour') : ''] : [hours > 0 ? count(hours, 'hour') : '', mins > 0 ? count(mins, 'minute') : ''];
  return parts.filter(Boolean).join(' ');
};

/** A sentence for the clerk when the clocks differ by more than the tolerance; otherwise undefined. */
export const clockWarningFor = (reading: ClockReading | undefined): string | undefined => {
  if (!reading) return undefined;
  const off = reading.laptopMs - reading.serverMs;
  if (Math.abs(off) <= CLOCK_TOLERANCE_MS) return undefined;
  return `This laptop's clock is ${span(Math.abs(off))} ${off < 0 ? 'behind' : 'ahead of'} the records server's. The record keeps the times as this laptop recorded them; correct the laptop's clock before the next meeting.`;
};
