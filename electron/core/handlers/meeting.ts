// Creating a meeting, editing its details, copying it, preparing it.
import { notFound, refused } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import { readinessProblem } from '../../../shared/procedure/readiness';
import { isBeforeMeeting, withBody, withMeeting } from './lookups';
import type { Handlers } from './types';

export const meetingHandlers = {
  'meeting.create': (view, { type: _type, bodyId, ...details }, ctx) =>
    withBody(view, bodyId, (body) => {
      const meetingId = ctx.newId();
      return {
        events: [
          { stream: streams.meeting(meetingId), type: 'meeting.created', payload: { meetingId, bodyId, body: body.name, ...details } },
        ],
        ids: { meetingId },
      };
    }),

  'meeting.updateDetails': (view, { type: _type, meetingId, bodyId, ...details }) =>
    withMeeting(view, meetingId, (meeting) =>
      withBody(view, bodyId, (body) => {
        if (bodyId !== meeting.bodyId && meeting.status !== 'draft') {
          return { error: refused('The body can be changed only while the meeting is a draft.', 'bodyId') };
        }
        const name = bodyId === meeting.bodyId ? meeting.body : body.name;
        return {
          events: [
            { stream: streams.meeting(meetingId), type: 'meeting.detailsChanged', payload: { meetingId, bodyId, body: name, ...details } },
          ],
        };
      }),
    ),

  'meeting.copy': (view, { fromMeetingId, date, startTime }, ctx) =>
    withMeeting(
      view,
      fromMeetingId,
      (from) => {
        const meetingId = ctx.newId();
        const stream = streams.meeting(meetingId);
        const items = from.agenda.map((item) => ({ ...item, itemId: ctx.newId() }));
        return {
          events: [
            {
              stream,
              type: 'meeting.created',
              payload: { meetingId, bodyId: from.bodyId, body: from.body, title: from.title, date, startTime, venue: from.venue, copiedFrom: from.id },
            },
            ...(items.length ? [{ stream, type: 'agenda.imported' as const, payload: { meetingId, items, replace: true } }] : []),
          ],
          ids: { meetingId },
        };
      },
      { field: 'fromMeetingId', allowClosed: true },
    ),

  'meeting.setReady': (view, { meetingId, ready }) =>
    withMeeting(view, meetingId, (meeting) => {
      if (!isBeforeMeeting(meeting)) return { error: refused('The meeting has started; it cannot be marked draft or ready now.', 'meetingId') };
      if (ready) {
        const problem = readinessProblem(meeting, meeting.bodyId ? view.body(meeting.bodyId) : undefined);
        if (problem) return { error: refused(problem.message, problem.field) };
      }
      const status = ready ? 'ready' : 'draft';
      if (meeting.status === status) return { events: [] };
      return { events: [{ stream: streams.meeting(meetingId), type: 'meeting.statusChanged', payload: { meetingId, status } }] };
    }),

  'apologies.expect': (view, { meetingId, memberId, note }) =>
    withMeeting(view, meetingId, (meeting) => {
      const body = meeting.bodyId ? view.body(meeting.bodyId) : undefined;
      if (!body?.members.some((m) => m.id === memberId && m.active)) {
        return { error: notFound(`That person is not a current member of ${meeting.body}.`, 'memberId', memberId) };
      }
      return { events: [{ stream: streams.meeting(meetingId), type: 'apologies.expected', payload: { meetingId, memberId, note } }] };
    }),

  'apologies.withdrawExpected': (view, { meetingId, memberId }) =>
    withMeeting(view, meetingId, (meeting) =>
      meeting.expectedApologies.some((a) => a.memberId === memberId)
        ? { events: [{ stream: streams.meeting(meetingId), type: 'apologies.expectationWithdrawn', payload: { meetingId, memberId } }] }
        : { error: notFound('No apologies were recorded in advance for that member.', 'memberId', memberId) },
    ),
} satisfies Handlers<'meeting.create' | 'meeting.updateDetails' | 'meeting.copy' | 'meeting.setReady' | 'apologies.expect' | 'apologies.withdrawExpected'>;
