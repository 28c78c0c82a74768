// Quorate or not, at a glance; an alarm the moment a departure makes the meeting inquorate.
import { useEffect, useRef } from 'react';
import { meetingQuorum } from '../../../../shared/procedure/attendance';
import type { BodyState } from '../../../../shared/state/body';
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

export const QuorumIndicator = ({ meeting, body }: { meeting: MeetingState; body: BodyState }) => {
  const quorum = meetingQuorum(meeting, body);
  const tz = useTimeZone();
  const running = meeting.status === 'in_progress' || meeting.status === 'adjourned';
  const wasQuorate = useRef(quorum.quorate);
  useEffect(() => {
    if (running && wasQuorate.current && !quorum.quorate) beep();
    wasQuorate.current = quorum.quorate;
  }, [quorum.quorate, running]);
  const lost = meeting.quorumChanges[meeting.quorumChanges.length - 1];
  return (
    <div
      className={`quorum ${quorum.quorate ? 'quorum--ok' : 'quorum--lost'} ${!quorum.quorate && running ? 'quorum--alarm' : ''}`}
      role={quorum.quorate ? 'status' : 'alert'}
      aria-live={quorum.quorate ? 'polite' : 'assertive'}
      data-testid="quorum"
    >
      <strong>{quorum.quorate ? 'Quorate' : 'Inquorate'}</strong>
      <span>
        {quorum.counted} present · {quorum.required} needed
        {!quorum.quorate && ` · ${quorum.shortBy} more needed`}
      </span>
      {quorum.failingGroups.length > 0 && <span>Missing: {quorum.failingGroups.join(', ')}</span>}
      {!quorum.quorate && lost && !lost.quorate && <span>since {clockTime(lost.time, tz)}</span>}
    </div>
  );
};
