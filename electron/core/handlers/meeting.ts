// Creating a meeting and editing its details.
import { notFound, refused } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import type { Handlers } from './types';

export const meetingHandlers = {
  'meeting.create': (_view, { type: _type, ...details }, ctx) => {
    const meetingId = ctx.newId();
    return {
      events: [{ stream: streams.meeting(meetingId), type: 'meeting.created', payload: { meetingId, ...details } }],
      ids: { meetingId },
    };
  },

  'meeting.updateDetails': (view, { type: _type, meetingId, ...details }) => {
    const meeting = view.meeting(meetingId);
    if (!meeting) return { error: notFound(`There is no meeting with id ${meetingId}.`, 'meetingId') };
    if (meeting.status === 'closed') {
      return { error: refused('This meeting is closed; its details can no longer be changed.', 'meetingId') };
    }
    return {
      events: [{ stream: streams.meeting(meetingId), type: 'meeting.detailsChanged', payload: { meetingId, ...details } }],
    };
  },
} satisfies Handlers<'meeting.create' | 'meeting.updateDetails'>;
