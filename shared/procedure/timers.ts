// Countdown timers (speeches, the division bell, the voting window, a time-limited debate) as
// values and functions of timestamps. Pure: no Node, no DOM, no clock of their own; the caller
// passes "now", so the same timer reads the same on every screen and in a replayed record.
//
// Decisions:
// - Time is ISO 8601 instants with a Z or an offset, as recorded elsewhere; read to the millisecond.
// - A "now" before the start (a clock corrected backwards) reads as nothing elapsed.
// - Elapsed time is not capped at the duration, so an overrun can be shown (`overrunMs`);
//   remaining time never goes below zero.
// - Pausing a paused timer, or resuming a running one, changes nothing.
// - A duration of 0 is expired from the start. A standing-orders limit of 0 means "no limit":
//   the caller shows elapsed time for that speaker rather than starting a countdown.

export interface Timer {
  /** When the timer was started, an ISO 8601 instant. */
  startedAt: string;
  durationMs: number;
  /** Set while paused: when the pause began. */
  pausedAt?: string;
  /** Time spent paused in earlier pauses, now over. */
  pausedTotalMs?: number;
}

// An explicit offset is required: without one, Date.parse would read the time in the laptop's
// own time zone, and the answer would depend on where it ran.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const instantMs = (iso: string, what: string): number => {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} must be an ISO 8601 instant such as 2026-11-24T10:00:00.000Z (got "${iso}")`);
  return ms;
};

/** Start a countdown of `durationMs` at `nowIso`. */
export const startTimer = (nowIso: string, durationMs: number): Timer => {
  instantMs(nowIso, 'The start of a timer');
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`A timer's duration must be 0 ms or more (got ${durationMs})`);
  return { startedAt: nowIso, durationMs };
};

/** Whether the timer is paused. */
export const isPaused = (timer: Timer): boolean => timer.pausedAt !== undefined;

/** Time run so far, not counting pauses; never negative, and may pass the duration. */
export const elapsedMs = (timer: Timer, nowIso: string): number => {
  const started = instantMs(timer.startedAt, "A timer's start");
  const readAt = timer.pausedAt === undefined ? instantMs(nowIso, 'The time now') : instantMs(timer.pausedAt, "A timer's pause");
  return Math.max(0, readAt - started - (timer.pausedTotalMs ?? 0));
};

/** Time left; never negative. */
export const remainingMs = (timer: Timer, nowIso: string): number => Math.max(0, timer.durationMs - elapsedMs(timer, nowIso));

/** How far the timer has run past its duration; 0 until then. */
export const overrunMs = (timer: Timer, nowIso: string): number => Math.max(0, elapsedMs(timer, nowIso) - timer.durationMs);

/** Whether the time is up. */
export const isExpired = (timer: Timer, nowIso: string): boolean => elapsedMs(timer, nowIso) >= timer.durationMs;

/** The timer paused at `nowIso` (unchanged if already paused). */
export const pauseTimer = (timer: Timer, nowIso: string): Timer => {
  if (timer.pausedAt !== undefined) return timer;
  instantMs(nowIso, 'The time now');
  return { ...timer, pausedAt: nowIso };
};

/** The timer running again from `nowIso` (unchanged if not paused). */
export const resumeTimer = (timer: Timer, nowIso: string): Timer => {
  if (timer.pausedAt === undefined) return timer;
  const { pausedAt, ...rest } = timer;
  const pause = Math.max(0, instantMs(nowIso, 'The time now') - instantMs(pausedAt, "A timer's pause"));
  return { ...rest, pausedTotalMs: (timer.pausedTotalMs ?? 0) + pause };
};

/** The timer with its duration changed by `deltaMs` (e.g. standing orders suspended to allow more time); never below 0. */
export const extendTimer = (timer: Timer, deltaMs: number): Timer => ({ ...timer, durationMs: Math.max(0, timer.durationMs + deltaMs) });

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * A clock face: "mm:ss", or "h:mm:ss" from an hour. Never negative (negative or not-a-number
 * reads "00:00"). Rounds up to the whole second by default, as a countdown should: it shows
 * "00:00" only when the time is up. Pass 'down' for a count-up display of elapsed time.
 */
export const formatClock = (ms: number, rounding: 'up' | 'down' = 'up'): string => {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  const total = rounding === 'up' ? Math.ceil(safe / 1000) : Math.floor(safe / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
};
