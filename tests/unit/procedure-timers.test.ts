import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  elapsedMs,
  extendTimer,
  formatClock,
  isExpired,
  isPaused,
  overrunMs,
  pauseTimer,
  remainingMs,
  resumeTimer,
  startTimer,
  type Timer,
} from '../../shared/procedure/timers';

const BASE = Date.UTC(2026, 10, 24, 10, 0, 0);
const iso = (ms: number): string => new Date(ms).toISOString();
const at = (offsetMs: number): string => iso(BASE + offsetMs);

const startArb = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) });
const durationArb = fc.integer({ min: 0, max: 3 * 60 * 60 * 1000 });
const offsetArb = fc.integer({ min: -60_000, max: 4 * 60 * 60 * 1000 });

/** Parse a clock face back to whole seconds. */
const clockSeconds = (face: string): number => face.split(':').map(Number).reduce((acc, part) => acc * 60 + part, 0);

describe('timers: examples', () => {
  it('a 3-minute speech: 1 minute in, 2 minutes left; at 3 minutes, expired', () => {
    const t = startTimer(at(0), 180_000);
    expect(elapsedMs(t, at(60_000))).toBe(60_000);
    expect(remainingMs(t, at(60_000))).toBe(120_000);
    expect(isExpired(t, at(179_999))).toBe(false);
    expect(isExpired(t, at(180_000))).toBe(true);
    expect(remainingMs(t, at(200_000))).toBe(0);
    expect(overrunMs(t, at(200_000))).toBe(20_000);
  });

  it('a point of order pauses the speaker’s clock', () => {
    const t = startTimer(at(0), 180_000);
    const paused = pauseTimer(t, at(30_000));
    expect(isPaused(paused)).toBe(true);
    expect(remainingMs(paused, at(90_000))).toBe(150_000);
    const resumed = resumeTimer(paused, at(90_000));
    expect(isPaused(resumed)).toBe(false);
    expect(resumed).toEqual({ startedAt: at(0), durationMs: 180_000, pausedTotalMs: 60_000 });
    expect(remainingMs(resumed, at(100_000))).toBe(140_000);
  });

  it('reads offsets as well as Z, and refuses times without one', () => {
    const t = startTimer('2026-11-24T10:00:00.000Z', 60_000);
    expect(elapsedMs(t, '2026-11-24T11:00:30+01:00')).toBe(30_000);
    expect(() => elapsedMs(t, '2026-11-24T10:00:30')).toThrow(RangeError);
    expect(() => elapsedMs(t, 'half past ten')).toThrow(/ISO 8601/);
    expect(() => startTimer(at(0), -1)).toThrow(RangeError);
  });

  it('a clock put back before the start reads as nothing elapsed', () => {
    const t = startTimer(at(0), 20_000);
    expect(elapsedMs(t, at(-5_000))).toBe(0);
    expect(remainingMs(t, at(-5_000))).toBe(20_000);
  });

  it('more time can be given, never less than none', () => {
    const t = startTimer(at(0), 60_000);
    expect(remainingMs(extendTimer(t, 30_000), at(60_000))).toBe(30_000);
    expect(extendTimer(t, -120_000).durationMs).toBe(0);
  });

  it.each([
    [0, '00:00'],
    [-5_000, '00:00'],
    [Number.NaN, '00:00'],
    [1, '00:01'],
    [999, '00:01'],
    [1_000, '00:01'],
    [1_001, '00:02'],
    [20_000, '00:20'],
    [60_000, '01:00'],
    [300_000, '05:00'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [45 * 60_000, '45:00'],
    [2 * 3_600_000 + 5 * 60_000 + 7_000, '2:05:07'],
  ])('formatClock(%d) is %s', (ms, face) => {
    expect(formatClock(ms)).toBe(face);
  });

  it('rounds down when asked, for a count-up display', () => {
    expect(formatClock(59_999, 'down')).toBe('00:59');
    expect(formatClock(3_600_999, 'down')).toBe('1:00:00');
  });
});

describe('timers: properties', () => {
  it('while running and within time, remaining + elapsed = duration', () => {
    fc.assert(
      fc.property(startArb, durationArb, fc.nat(), (start, duration, into) => {
        const t = startTimer(iso(start), duration);
        const now = iso(start + (duration === 0 ? 0 : into % (duration + 1)));
        expect(remainingMs(t, now) + elapsedMs(t, now)).toBe(duration);
      }),
    );
  });

  it('is never negative, and expired exactly when nothing remains', () => {
    fc.assert(
      fc.property(startArb, durationArb, offsetArb, fc.option(fc.tuple(offsetArb, fc.nat(3_600_000))), (start, duration, offset, pause) => {
        let t: Timer = startTimer(iso(start), duration);
        if (pause) t = resumeTimer(pauseTimer(t, iso(start + pause[0])), iso(start + pause[0] + pause[1]));
        const now = iso(start + offset);
        expect(elapsedMs(t, now)).toBeGreaterThanOrEqual(0);
        expect(remainingMs(t, now)).toBeGreaterThanOrEqual(0);
        expect(remainingMs(t, now)).toBeLessThanOrEqual(duration);
        expect(overrunMs(t, now)).toBeGreaterThanOrEqual(0);
        expect(isExpired(t, now)).toBe(remainingMs(t, now) === 0);
        expect(formatClock(remainingMs(t, now))).toMatch(/^(\d+:)?[0-5]\d:[0-5]\d$/);
      }),
    );
  });

  it('time only runs forwards: elapsed never falls as now moves on', () => {
    fc.assert(
      fc.property(startArb, durationArb, offsetArb, fc.nat(3_600_000), (start, duration, a, step) => {
        const t = startTimer(iso(start), duration);
        expect(elapsedMs(t, iso(start + a + step))).toBeGreaterThanOrEqual(elapsedMs(t, iso(start + a)));
        expect(remainingMs(t, iso(start + a + step))).toBeLessThanOrEqual(remainingMs(t, iso(start + a)));
      }),
    );
  });

  it('a paused timer stands still', () => {
    fc.assert(
      fc.property(startArb, durationArb, fc.nat(3_600_000), fc.nat(3_600_000), fc.nat(3_600_000), (start, duration, pauseAt, n1, n2) => {
        const p = pauseTimer(startTimer(iso(start), duration), iso(start + pauseAt));
        expect(elapsedMs(p, iso(start + pauseAt + n1))).toBe(elapsedMs(p, iso(start + pauseAt + n2)));
        expect(elapsedMs(p, iso(start + pauseAt + n1))).toBe(pauseAt);
      }),
    );
  });

  it('pause then resume loses exactly the time paused', () => {
    fc.assert(
      fc.property(startArb, durationArb, fc.nat(3_600_000), fc.nat(3_600_000), fc.nat(3_600_000), (start, duration, pauseAt, pauseFor, after) => {
        const t = startTimer(iso(start), duration);
        const r = resumeTimer(pauseTimer(t, iso(start + pauseAt)), iso(start + pauseAt + pauseFor));
        expect(isPaused(r)).toBe(false);
        expect(elapsedMs(r, iso(start + pauseAt + pauseFor + after))).toBe(elapsedMs(t, iso(start + pauseAt + after)));
        // Pausing and resuming at the same instant changes nothing that can be read.
        const blink = resumeTimer(pauseTimer(t, iso(start + pauseAt)), iso(start + pauseAt));
        expect(remainingMs(blink, iso(start + after))).toBe(remainingMs(t, iso(start + after)));
      }),
    );
  });

  it('many pauses: elapsed is the total running time', () => {
    fc.assert(
      fc.property(startArb, durationArb, fc.array(fc.tuple(fc.nat(600_000), fc.nat(600_000)), { maxLength: 8 }), fc.nat(600_000), (start, duration, segments, last) => {
        let t = startTimer(iso(start), duration);
        let clock = start;
        let running = 0;
        for (const [run, pause] of segments) {
          clock += run;
          running += run;
          t = pauseTimer(t, iso(clock));
          clock += pause;
          t = resumeTimer(t, iso(clock));
        }
        expect(elapsedMs(t, iso(clock + last))).toBe(running + last);
      }),
    );
  });

  it('pause and resume are pure and idempotent', () => {
    fc.assert(
      fc.property(startArb, durationArb, fc.nat(3_600_000), fc.nat(3_600_000), (start, duration, a, b) => {
        const t = Object.freeze(startTimer(iso(start), duration));
        expect(resumeTimer(t, iso(start + a))).toBe(t);
        const p = Object.freeze(pauseTimer(t, iso(start + a)));
        expect(t).toEqual({ startedAt: iso(start), durationMs: duration });
        expect(pauseTimer(p, iso(start + a + b))).toBe(p);
        const r = resumeTimer(p, iso(start + a + b));
        expect(p.pausedAt).toBe(iso(start + a));
        expect('pausedAt' in r).toBe(false);
      }),
    );
  });

  it('formatClock shows the whole seconds rounded up (down when asked), never negative', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e8, noNaN: true }), (ms) => {
        const up = formatClock(ms);
        const down = formatClock(ms, 'down');
        expect(up).toMatch(/^(\d+:[0-5]\d|\d\d):[0-5]\d$/);
        expect(clockSeconds(up)).toBe(ms > 0 ? Math.ceil(ms / 1000) : 0);
        expect(clockSeconds(down)).toBe(ms > 0 ? Math.floor(ms / 1000) : 0);
        expect(up.startsWith('-')).toBe(false);
        // Hours appear from an hour on, and only then.
        expect(up.split(':').length).toBe(clockSeconds(up) >= 3600 ? 3 : 2);
      }),
    );
  });
});
