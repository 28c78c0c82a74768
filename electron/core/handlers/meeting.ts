// Creating a meeting, editing its details, copying it, preparing it.
import { notFound, refused } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import { nextAgenda } from '../../../shared/procedure/nextMeeting';
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

  /**
   * The next meeting of the body: same body, title and venue, the date and time given. Its agenda
   * is the copied meeting's agenda, in its order, less the business that meeting disposed of
   * (nextAgenda in shared/procedure/nextMeeting.ts):
   * - the standing items (apologies, declarations, minutes, announcements, questions, the
   *   Leader's report, urgent business) always come forward, and the minutes item now names the
   *   meeting copied ("Minutes of the meeting held on 10 December 2015 …");
   * - items deferred at the meeting copied come forward. Copying already carried them, because
   *   deferring leaves an item on the agenda; they still come once, where they stood;
   * - items taken or withdrawn there are left off: a clerk's next agenda does not repeat them
   *   (copying used to carry them too, for the clerk to remove one by one);
   * - items not reached (a meeting closed early, or not yet held) come forward: nothing disposed
   *   of them. Copying a meeting not yet held therefore copies its whole agenda, as before;
   * - page ranges are left off (they number the last pack's papers) and items are renumbered.
   * Every item gets a new id; nothing recorded at the meeting copied (progress, notes,
   * declarations, apologies received) comes with it.
   */
  'meeting.copy': (view, { fromMeetingId, date, startTime }, ctx) =>
    withMeeting(
      view,
      fromMeetingId,
      (from) => {
        const meetingId = ctx.newId();
        const stream = streams.meeting(meetingId);
        const items = nextAgenda(from).map((item) => ({ ...item, itemId: ctx.newId() }));
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
