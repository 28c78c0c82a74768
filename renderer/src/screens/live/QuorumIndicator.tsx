// Quorate or not, at a glance; an alarm the moment the meeting becomes inquorate while it runs.
// Before the start it says what the count would be, without alarm; after the close, only that it
// has closed.
import { useEffect, useRef } from 'react';
import type { QuorumAssessment } from '../../../../shared/procedure/quorum';
import type { MeetingState } from '../../../../shared/state/meeting';
import { clockTime } from '../../../../shared/time';
import { useTimeZone } from '../../context';

const beep = () => {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  } catch {
    // No sound available: the banner is the alarm.
  }
};

export const QuorumIndicator = ({ meeting, quorum }: { meeting: MeetingState; quorum: QuorumAssessment }) => {
  const tz = useTimeZone();
  const running = meeting.status === 'in_progress' || meeting.status === 'adjourned';
  const wasQuorate = useRef(quorum.quorate);
  useEffect(() => {
    if (running && wasQuorate.current && !quorum.quorate) beep();
    wasQuorate.current = quorum.quorate;
  }, [quorum.quorate, running]);

  if (meeting.status === 'closed') {
    return (
      <div className="quorum quorum--closed" role="status" data-testid="quorum">
        <strong>Closed</strong>
        <span>{meeting.closedAt ? `at ${clockTime(meeting.closedAt, tz)}` : ''}</span>
      </div>
    );
  }
  const lost = meeting.quorumChanges[meeting.quorumChanges.length - 1];
  const tone = !running ? 'quorum--before' : quorum.quorate ? 'quorum--ok' : 'quorum--lost quorum--alarm';
  return (
    <div
      className={`quorum ${tone}`}
      role={running && !quorum.quorate ? 'alert' : 'status'}
      aria-live={running && !quorum.quorate ? 'assertive' : 'polite'}
      data-testid="quorum"
    >
      <strong>{running ? (quorum.quorate ? 'Quorate' : 'Inquorate') : quorum.quorate ? 'Quorum there' : 'Quorum not yet there'}</strong>
      <span>
        {quorum.counted} present{quorum.required > 0 ? ` · ${quorum.required} needed` : ''}
        {!quorum.quorate && ` · ${quorum.shortBy} more`}
        {running && !quorum.quorate && lost && !lost.quorate && ` · since ${clockTime(lost.time, tz)}`}
      </span>
    </div>
  );
};

/**
 * What the body's terms find missing ("No member from Kent and Medway ICB present"): a line of its
 * own under the live screen's header, so a long condition never pushes the header off the screen.
 */
export const QuorumMissing = ({ meeting, quorum }: { meeting: MeetingState; quorum: QuorumAssessment }) => {
  if (meeting.status === 'closed') return null;
  const missing = quorum.shortfalls.filter((s) => s.condition !== -1);
  if (quorum.quorate || missing.length === 0) return null;
  const running = meeting.status === 'in_progress' || meeting.status === 'adjourned';
  return (
    <p className={`quorum-missing ${running ? 'quorum-missing--alarm' : ''}`} role="status" data-testid="quorum-missing">
      {missing
        .map((s) => s.words)
        .join('; ')
        .replace(/^./, (c) => c.toUpperCase())}
    </p>
  );
};
