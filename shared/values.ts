// Value types shared by commands, events and state. Pure: no Node, no DOM.
import { z } from 'zod';

/**
 * A schema's message for a value of the wrong kind, or "must be given" when it was left out, so
 * that a command without its description is not told that its description "must be text".
 */
export const orMissing =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'must be given' : message;

/** Identifiers are UUIDs made by the core; the renderer never invents them. */
export const Id = z.uuid({ error: orMissing('must be an id (UUID)') });

const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** A calendar date, YYYY-MM-DD, that exists (no 31 June). */
export const CalendarDate = z
  .string({ error: orMissing('must be a date written YYYY-MM-DD') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
  .refine(isRealDate, { error: 'is not a real calendar date' });

/** A 24-hour clock time, HH:MM. */
export const ClockTime = z
  .string({ error: orMissing('must be a 24-hour time written HH:MM') })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a 24-hour time written HH:MM' });

/** An instant, ISO 8601 in UTC as produced by Date.prototype.toISOString. */
export const Instant = z.iso.datetime({ error: orMissing('must be an ISO 8601 instant such as 2026-11-24T10:00:00.000Z') });

/** A short line of text typed by the clerk: trimmed, not empty, bounded. */
export const Line = (max = 200) =>
  z
    .string({ error: orMissing('must be text') })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

/** Optional text that may be empty. */
export const OptionalLine = (max = 200) =>
  z.string({ error: orMissing('must be text') }).trim().max(max, { error: `must be at most ${max} characters` });

/** Characters that cannot be written into Word or XML (C0 controls other than tab and newline, DEL, U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;
