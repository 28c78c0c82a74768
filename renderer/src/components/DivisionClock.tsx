// A division's clock: the bell's countdown, then the voting window's, frozen while paused, and
// "closed" once it is over. It keeps its own tick, so once a second only this component renders,
// never the screen around it; the screen learns of a new phase from useDivisionPhase, which
// renders it only when the phase changes (the bell stops, the window ends). Every time is derived
// from the division's stored instants (shared/procedure/division.ts).
import { useEffect, useState } from 'react';
import { formatElapsed } from '../../../shared/format';
import { bellLeftMs, closesAtMs, divisionPhase, windowLeftMs, type DivisionPhase } from '../../../shared/procedure/division';
import type { Division } from '../../../shared/state/meetingDivision';
import { useClockTick } from '../hooks';

/** The pause still open, if any. */
const openPause = (division: Division) => {
  const last = division.pauses.at(-1);
  return last && last.to === undefined ? last : undefined;
};

/** The instant the clock counts to (the close, ignoring an open pause), or undefined while it stands still (paused, closed). */
const runningTowards = (division: Division): number | undefined => (division.closedAt === undefined && !openPause(division) ? closesAtMs(division) : undefined);

/**
 * The moment to read the division at: `now`, but never before an open pause began or before its
 * close was declared (a clock that stands still keeps the time of its last tick, which may be
 * from before the record changed).
 */
const readAt = (division: Division, now: number): number => {
  const pause = openPause(division);
  const since = division.closedAt ?? pause?.from;
  return since === undefined ? now : Math.max(now, Date.parse(since));
};

export const PHASE_WORDS: Record<DivisionPhase, string> = {
  bell: 'Division bell',
  voting: 'Voting open',
  paused: 'Voting paused',
  closed: 'Voting closed',
};

/** Whole seconds left, rounded up, as "00:08". */
const shownLeft = (ms: number): string => formatElapsed(ms > 0 ? ms + 999 : 0);

interface Props {
  division: Division;
  testId?: string;
  className?: string;
  /** Show the phase's words beside the time (the display and the chairman's view); the live panel shows its own heading. */
  label?: boolean;
}

export const DivisionClock = ({ division, testId, className = 'division-clock', label = true }: Props) => {
  // Whole seconds of the bell and of the window fall on the same instants (both are whole seconds
  // before the close while nothing has paused), so one tick a second serves both.
  const now = readAt(division, useClockTick(runningTowards(division)));
  const phase = divisionPhase(division, now);
  const left = phase === 'bell' ? bellLeftMs(division, now) : phase === 'closed' ? 0 : windowLeftMs(division, now);
  const time = shownLeft(left);
  return (
    <p className={`${className} ${className}--${phase}`} data-testid={testId} data-phase={phase} aria-label={`${PHASE_WORDS[phase]}: ${time} left`}>
      {label && <span className={`${className}__label`}>{PHASE_WORDS[phase]}</span>} <span className={`${className}__time time`}>{time}</span>
    </p>
  );
};
DivisionClock.displayName = 'DivisionClock';

/**
 * The division's phase now, renewed only when it changes by itself (the bell stops, the window
 * ends) and when the division's record changes: the screen around a division renders a few times
 * in all, not once a second.
 */
export const useDivisionPhase = (division: Division | undefined): DivisionPhase | undefined => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!division) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      const close = runningTowards(division);
      const next = [Date.parse(division.bellEndsAt), ...(close !== undefined ? [close] : [])].filter((b) => b > t);
      if (next.length > 0) timer = setTimeout(tick, Math.min(...next) - t + 2);
    };
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [division]);
  return division ? divisionPhase(division, readAt(division, now)) : undefined;
};
