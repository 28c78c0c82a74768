// A speaker's clock, or a time-limited debate's: time left under the limit, the warning before the
// end, and the overrun once past it. It keeps its own tick, so that once a second only this
// component renders, not the screen around it, and only when the time shown changes. Time is derived from stored instants.
import { useEffect, useRef, type ReactNode } from 'react';
import { formatElapsed } from '../../../shared/format';
import { useClockTick } from '../hooks';

interface Props {
  limitSeconds: number;
  elapsedBeforeMs: number;
  runningSince?: string;
  /** Seconds before the end at which the warning shows. */
  warningSeconds?: number;
  label: string;
  /** A short sound when the limit is reached (the clerk may switch it off). */
  sound?: boolean;
  testId?: string;
  /** What to show after the clock, given its state (the debate clock's prompt when time is up). */
  after?: (state: ClockState) => ReactNode;
}

export type ClockState = 'running' | 'warning' | 'over';

const chime = () => {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 660;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.3);
  } catch {
    // No sound here: the clock's colour and words are the signal.
  }
};

export const clockState = (limitSeconds: number, elapsedMs: number, warningSeconds: number): ClockState =>
  limitSeconds <= 0 ? 'running' : elapsedMs > limitSeconds * 1000 ? 'over' : limitSeconds * 1000 - elapsedMs <= warningSeconds * 1000 ? 'warning' : 'running';

export const SpeechClock = ({ limitSeconds, elapsedBeforeMs, runningSince, warningSeconds = 30, label, sound = false, testId, after }: Props) => {
  // Renders once a second while running, as the time shown changes; never while stopped.
  const now = useClockTick(runningSince ? Date.parse(runningSince) - elapsedBeforeMs : undefined);
  const elapsed = elapsedBeforeMs + (runningSince ? Math.max(0, now - Date.parse(runningSince)) : 0);
  const state = clockState(limitSeconds, elapsed, warningSeconds);
  const wasOver = useRef(state === 'over');
  useEffect(() => {
    if (state === 'over' && !wasOver.current && sound) chime();
    wasOver.current = state === 'over';
  }, [state, sound]);
  const left = limitSeconds * 1000 - elapsed;
  const shown = limitSeconds <= 0 ? formatElapsed(elapsed) : left >= 0 ? formatElapsed(left + 999) : `+${formatElapsed(-left)}`;
  const words = limitSeconds <= 0 ? 'spoken' : state === 'over' ? 'over time' : state === 'warning' ? 'left: finishing' : 'left';
  return (
    <>
      <p className={`speech-clock speech-clock--${state}`} data-testid={testId} data-state={state} aria-label={`${label}: ${shown} ${words}`}>
        <span className="speech-clock__time time">{shown}</span> <span className="speech-clock__words">{words}</span>
        {!runningSince && <span className="speech-clock__words"> (stopped)</span>}
      </p>
      {after?.(state)}
    </>
  );
};
SpeechClock.displayName = 'SpeechClock';
