// A time-limited debate's clock (or question time's), and the prompt when its time is up. It keeps
// no tick of its own: the speech clock inside it ticks, and shows the prompt when time is up, so
// the screen around it does not render once a second.
import type { ReactNode } from 'react';
import { SpeechClock } from './SpeechClock';

interface Props {
  limitSeconds: number;
  clock: { elapsedBeforeMs: number; runningSince?: string };
  label: string;
  /** What the prompt asks for when time is up (the chairman's view names its key). */
  prompt?: ReactNode;
  className?: string;
}

export const DebateClock = ({ limitSeconds, clock, label, prompt, className = 'debate__clock' }: Props) => {
  return (
    <div className={className}>
      <span className="clock__label">{label}</span>
      <SpeechClock
        label={label}
        limitSeconds={limitSeconds}
        {...clock}
        warningSeconds={120}
        testId="debate-clock"
        after={(state) =>
          state === 'over' && (
            <p className="debate__prompt" role="status" data-testid="debate-expired">
              {prompt ?? <>The time for debate is up: call the mover&rsquo;s right of reply, then put the motion.</>}
            </p>
          )
        }
      />
    </div>
  );
};
DebateClock.displayName = 'DebateClock';
