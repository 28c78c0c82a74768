// What the chairman does to the debate, shared by the clerk's debate panel and the chairman's own
// view: call the next speaker (or any one on the list), the mover's right of reply, a minute more,
// end a speech.
// Each is a command to the core; the core decides and refuses in the clerk's words.
import { useCallback } from 'react';
import { currentSpeech, motionBeingDebated, speakersWaiting, speakingRoleFor } from '../../../../shared/procedure/debate';
import type { MeetingState } from '../../../../shared/state/meeting';
import { useCommand } from './useCommand';

/** The role a member speaks in when called (shared with the core, which decides "call the next"). */
export const roleFor = speakingRoleFor;

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
  /**
   * Call the member at `index` on the speakers' list. The first is "the next": the core takes
   * whoever heads the list when the command reaches it (a speaker added a moment ago, not yet
   * on this screen, is called all the same); any other is the one the chairman sees and names.
   */
  const call = useCallback(
    (index = 0): false | void => {
      if (index === 0) {
        void send({ type: 'speaker.callNext', meetingId: meeting.id });
        return;
      }
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
