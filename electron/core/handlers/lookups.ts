// Finding what a command names, or refusing it with a message that says what is missing.
import { notFound, refused } from '../../../shared/errors';
import { formatShortDate } from '../../../shared/format';
import type { BodyState } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import type { Decision, HandlerContext, StateView } from './types';

export const withBody = (view: StateView, bodyId: string, decide: (body: BodyState) => Decision, field = 'bodyId'): Decision => {
  const body = view.body(bodyId);
  return body ? decide(body) : { error: notFound('Chamber has no record of that body.', field, bodyId) };
};

/**
 * The meeting the command names; refused if it does not exist or is closed. A closed meeting's
 * record changes only by correction (correction.record, attendance.correct), with a reason.
 */
export const withMeeting = (
  view: StateView,
  meetingId: string,
  decide: (meeting: MeetingState) => Decision,
  options: { field?: string; allowClosed?: boolean; ctx?: HandlerContext } = {},
): Decision => {
  const field = options.field ?? 'meetingId';
  const meeting = view.meeting(meetingId);
  if (!meeting) return { error: notFound('Chamber has no record of that meeting.', field, meetingId) };
  if (meeting.status === 'closed' && !options.allowClosed && !options.ctx?.correcting) {
    return {
      error: refused(
        `${meeting.title} on ${formatShortDate(meeting.date)} is closed; its record can only be corrected, with a reason, not changed.`,
        field,
      ),
    };
  }
  return decide(meeting);
};

export const isBeforeMeeting = (meeting: MeetingState): boolean => meeting.status === 'draft' || meeting.status === 'ready';

/** The meeting's body, which every live command needs for its members and standing orders. */
export const withBodyOf = (view: StateView, meeting: MeetingState, decide: (body: BodyState) => Decision): Decision => {
  const body = meeting.bodyId ? view.body(meeting.bodyId) : undefined;
  return body ? decide(body) : { error: refused('This meeting has no body: choose the body that is meeting first.', 'meetingId') };
};
