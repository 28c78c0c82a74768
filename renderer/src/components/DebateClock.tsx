// A time-limited debate's clock (or question time's), and the prompt when its time is up. It keeps
// its own tick, like the speech clock, so the screen around it does not render once a second.
import { clockState, SpeechClock } from './SpeechClock';
import { useNow } from '../hooks';

interface Props {
  limitSeconds: number;
  clock: { elapsedBeforeMs: number; runningSince?: string };
  label: string;
  /** What the prompt asks for when time is up (the chairman's view names its key). */
  prompt?: React.ReactNode;
  className?: string;
}

export const DebateClock = ({ limitSeconds, clock, label, prompt, className = 'debate__clock' }: Props) => {
  const now = useNow(500);
  const elapsed = clock.elapsedBeforeMs + (clock.runningSince ? now.getTime() - Date.parse(clock.runningSince) : 0);
  const over = clockState(limitSeconds, elapsed, 0) === 'over';
  return (
    <div className={className}>
      <span className="clock__label">{label}</span>
      <SpeechClock label={label} limitSeconds={limitSeconds} {...clock} warningSeconds={120} testId="debate-clock" />
      {over && (
        <p className="debate__prompt" role="status" data-testid="debate-expired">
          {prompt ?? <>The time for debate is up: call the mover&rsquo;s right of reply, then put the motion.</>}
        </p>
      )}
    </div>
  );
};
DebateClock.displayName = 'DebateClock';
