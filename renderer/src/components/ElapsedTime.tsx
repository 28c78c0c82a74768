// Time elapsed on a clock kept as stored instants (what ran before, and since when it runs now),
// and the time of day: each renders by itself when the time it shows changes, so the screen
// around it does not render once a second.
import { formatElapsed } from '../../../shared/format';
import { clockTime, clockTimeWithSeconds } from '../../../shared/time';
import { useClockTick } from '../hooks';

export const ElapsedTime = ({ elapsedBeforeMs, runningSince }: { elapsedBeforeMs: number; runningSince?: string }) => {
  const now = useClockTick(runningSince ? Date.parse(runningSince) - elapsedBeforeMs : undefined);
  return <>{formatElapsed(elapsedBeforeMs + (runningSince ? Math.max(0, now - Date.parse(runningSince)) : 0))}</>;
};
ElapsedTime.displayName = 'ElapsedTime';

/** The time of day in the meeting's zone, to the minute or (`seconds`) to the second. */
export const TimeOfDay = ({ timeZone, seconds = false }: { timeZone: string; seconds?: boolean }) => {
  const now = new Date(useClockTick(0));
  return <>{seconds ? clockTimeWithSeconds(now, timeZone) : clockTime(now, timeZone)}</>;
};
TimeOfDay.displayName = 'TimeOfDay';
