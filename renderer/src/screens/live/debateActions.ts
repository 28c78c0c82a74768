// What the chairman does to the debate, shared by the clerk's debate panel and the chairman's own
// view: call the next speaker (or any one on the list), the mover's right of reply, a minute more,
// end a speech.
// Each is a command to the core; the core decides and refuses in the clerk's words.
import { useCallback } from 'react';
import type { SpeechRole } from '../../../../shared/commands/debate';
import { currentSpeech, motionBeingDebated, speakersWaiting } from '../../../../shared/procedure/debate';
import type { MeetingState } from '../../../../shared/state/meeting';
import type { Motion } from '../../../../shared/state/meetingDebate';
import { useCommand } from './useCommand';

/** The role a member speaks in when called: as the motion before the meeting makes them. */
export const roleFor = (motion: Motion | undefined, memberId: string): SpeechRole => {
  if (!motion) return 'other';
  const spoken = motion.spokenBy.includes(memberId);
  // Only the mover of the substantive motion has a right of reply; the mover of an amendment or a procedural motion has none.
  if (motion.moverId === memberId) return !spoken ? (motion.kind === 'amendment' ? 'amendment_mover' : 'mover') : motion.kind === 'substantive' ? 'right_of_reply' : 'other';
  if (motion.seconderId === memberId && !spoken) return 'seconder';
  return 'other';
};

export const useDebateActions = (meeting: MeetingState) => {
  const command = useCommand();
  const { send } = command;
  const itemId = meeting.currentItemId;
  const motion = itemId ? motionBeingDebated(meeting, itemId) : undefined;
  const speech = currentSpeech(meeting);
  const queue = speakersWaiting(meeting);

  // The core decides whether a speech may start or end now, in the order the keys were pressed:
  // the screen does not second-guess it from a state that may be a moment old (X then N, pressed
  // together, must end one speech and call the next).
  /** Call the member at `index` on the speakers' list (the first by default). */
  const call = useCallback(
    (index = 0): false | void => {
      const next = queue[index];
      if (!next) return false;
      void send({ type: 'speech.start', meetingId: meeting.id, memberId: next.memberId, role: next.role ?? roleFor(motion, next.memberId) });
    },
    [queue, send, meeting.id, motion],
  );
  /** Call the mover of the motion before the meeting to reply (when the debate is over). */
  const reply = useCallback((): false | void => {
    if (!motion) return false;
    void send({ type: 'speech.start', meetingId: meeting.id, memberId: motion.moverId, role: 'right_of_reply' });
  }, [motion, send, meeting.id]);
  const end = useCallback((): false | void => {
    void send({ type: 'speech.end', meetingId: meeting.id });
  }, [send, meeting.id]);
  /** A minute more for the speaker, at the chairman's discretion (recorded with that reason). */
  const moreTime = useCallback((): false | void => {
    void send({ type: 'speech.extend', meetingId: meeting.id, seconds: 60, reason: 'The chairman allowed a minute more' });
  }, [send, meeting.id]);
  return { ...command, motion, speech, queue, call, reply, end, moreTime };
};
