// Finding what a command names, or refusing it with a message that says what is missing.
import { notFound, refused } from '../../../shared/errors';
import type { BodyState } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import type { Decision, StateView } from './types';

export const withBody = (view: StateView, bodyId: string, decide: (body: BodyState) => Decision, field = 'bodyId'): Decision => {
  const body = view.body(bodyId);
  return body ? decide(body) : { error: notFound(`There is no body with id ${bodyId}.`, field) };
};

/** The meeting the command names; refused if it does not exist or (unless allowed) is closed. */
export const withMeeting = (
  view: StateView,
  meetingId: string,
  decide: (meeting: MeetingState) => Decision,
  options: { field?: string; allowClosed?: boolean } = {},
): Decision => {
  const field = options.field ?? 'meetingId';
  const meeting = view.meeting(meetingId);
  if (!meeting) return { error: notFound(`There is no meeting with id ${meetingId}.`, field) };
  if (meeting.status === 'closed' && !options.allowClosed) {
    return { error: refused(`${meeting.title} on ${meeting.date} is closed; its record can only be corrected, not changed.`, field) };
  }
  return decide(meeting);
};

export const isBeforeMeeting = (meeting: MeetingState): boolean => meeting.status === 'draft' || meeting.status === 'ready';
