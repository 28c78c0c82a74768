// Running the meeting: attendance, quorum, declarations, the chair, the agenda clock and
// private session. Each check says what is wrong in the clerk's words; nothing is half-done.
import { notFound, refused, type ChamberError } from '../../../shared/errors';
import { streams, type NewEvent, type RecordedEvent } from '../../../shared/events';
import { meetingQuorum } from '../../../shared/procedure/attendance';
import type { BodyState } from '../../../shared/state/body';
import { reduceMeeting, type MeetingState } from '../../../shared/state/meeting';
import { arrivedAt, isHere, isPrivate } from '../../../shared/state/meetingLive';
import { withMeeting } from './lookups';
import type { Decision, HandlerContext, Handlers, StateView } from './types';

const CLOCK_SKEW_MS = 60_000;

const clock = (iso: string) => new Date(iso).toISOString().slice(11, 16);

/** The effective time of a command: as given, or now; never in the future. */
const timeOf = (given: string | undefined, ctx: HandlerContext): string | ChamberError => {
  if (given === undefined) return ctx.now;
  const time = new Date(given).toISOString();
  if (Date.parse(time) > Date.parse(ctx.now) + CLOCK_SKEW_MS) return refused('The time given is in the future.', 'time');
  return time;
};

const isError = (x: unknown): x is ChamberError => typeof x === 'object' && x !== null && 'code' in x;

/** The meeting's body, which every live command needs for its members and standing orders. */
const withBodyOf = (view: StateView, meeting: MeetingState, decide: (body: BodyState) => Decision): Decision => {
  const body = meeting.bodyId ? view.body(meeting.bodyId) : undefined;
  return body ? decide(body) : { error: refused('This meeting has no body: choose the body that is meeting first.', 'meetingId') };
};

const memberOf = (body: BodyState, memberId: string) => body.members.find((m) => m.id === memberId && m.active);

/** Apply proposed events to a copy of the meeting, to see what they would change. */
const afterEvents = (meeting: MeetingState, events: readonly NewEvent[], at: string): MeetingState =>
  events.reduce<MeetingState>(
    (state, event, i) => reduceMeeting(state, { ...event, id: '', seq: meeting.seq + i + 1, at, deviceId: '', prevHash: '', hash: '' } as RecordedEvent) ?? state,
    meeting,
  );

/**
 * Attendance events, plus quorum.lost or quorum.regained when they change whether the meeting
 * in progress is quorate: the clerk is told at once and the time is on the record.
 */
const withQuorumCheck = (meeting: MeetingState, body: BodyState, events: NewEvent[], time: string, at: string): Decision => {
  if (meeting.status !== 'in_progress') return { events };
  const before = meetingQuorum(meeting, body);
  const after = meetingQuorum(afterEvents(meeting, events, at), body);
  if (before.quorate === after.quorate) return { events };
  const payload = { meetingId: meeting.id, time, present: after.counted, required: after.required };
  return {
    events: [...events, { stream: streams.meeting(meeting.id), type: after.quorate ? 'quorum.regained' : 'quorum.lost', payload }],
  };
};

const itemTitle = (meeting: MeetingState, itemId: string): string => {
  const item = meeting.agenda.find((i) => i.itemId === itemId);
  return item ? `item ${item.number} (${item.title})` : 'an item';
};

export const liveHandlers = {
  'attendance.mark': (view, { meetingId, memberId, state, time: given, inPlaceOf }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const member = memberOf(body, memberId);
        if (!member) return { error: notFound(`${body.name} has no current member with id ${memberId}.`, 'memberId') };
        const time = timeOf(given, ctx);
        if (isError(time)) return { error: time };
        if (inPlaceOf !== undefined) {
          const seat = memberOf(body, inPlaceOf);
          if (!seat || seat.id === memberId || seat.substituteFor) {
            return { error: refused('A substitute stands in for another member who holds a seat on this body.', 'inPlaceOf') };
          }
          if (isHere(meeting.attendance[seat.id])) return { error: refused(`${seat.surname} is present, so nobody can stand in for them.`, 'inPlaceOf') };
          const other = Object.entries(meeting.attendance).find(([id, a]) => id !== memberId && a.inPlaceOf === seat.id && isHere(a));
          if (other) return { error: refused(`Someone is already standing in for ${seat.surname}.`, 'inPlaceOf') };
        }
        const events: NewEvent[] = [
          { stream: streams.meeting(meetingId), type: 'attendance.marked', payload: { meetingId, memberId, state, time, ...(inPlaceOf ? { inPlaceOf } : {}) } },
        ];
        return withQuorumCheck(meeting, body, events, time, ctx.now);
      }),
    ),

  'attendance.depart': (view, { meetingId, memberId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const member = memberOf(body, memberId);
        if (!member) return { error: notFound(`${body.name} has no current member with id ${memberId}.`, 'memberId') };
        const attendance = meeting.attendance[memberId];
        if (!isHere(attendance)) return { error: refused(`${member.surname} is not recorded as present, so cannot leave.`, 'memberId') };
        const time = timeOf(given, ctx);
        if (isError(time)) return { error: time };
        const arrived = attendance?.periods[attendance.periods.length - 1].from ?? time;
        if (time < arrived) {
          return { error: refused(`A departure at ${clock(time)} would be before ${member.surname}'s arrival at ${clock(arrived)}.`, 'time') };
        }
        const events: NewEvent[] = [{ stream: streams.meeting(meetingId), type: 'attendance.departed', payload: { meetingId, memberId, time } }];
        return withQuorumCheck(meeting, body, events, time, ctx.now);
      }),
    ),

  'attendance.officer': (view, { meetingId, officerId, present }) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) =>
        body.officers.some((o) => o.id === officerId && o.active)
          ? { events: [{ stream: streams.meeting(meetingId), type: 'attendance.officerMarked', payload: { meetingId, officerId, present } }] }
          : { error: notFound(`${body.name} has no officer with id ${officerId}.`, 'officerId') },
      ),
    ),

  'attendance.addOther': (view, { meetingId, name, capacity }, ctx) =>
    withMeeting(view, meetingId, () => {
      const attendeeId = ctx.newId();
      return {
        events: [{ stream: streams.meeting(meetingId), type: 'attendance.otherAdded', payload: { meetingId, attendeeId, name, capacity } }],
        ids: { attendeeId },
      };
    }),

  'attendance.removeOther': (view, { meetingId, attendeeId }) =>
    withMeeting(view, meetingId, (meeting) =>
      meeting.others.some((o) => o.id === attendeeId)
        ? { events: [{ stream: streams.meeting(meetingId), type: 'attendance.otherRemoved', payload: { meetingId, attendeeId } }] }
        : { error: notFound('Nobody with that id is recorded as also present.', 'attendeeId') },
    ),

  'attendance.correct': (view, { meetingId, memberId, state, arrivedAt: from, departedAt: to, reason }) =>
    withMeeting(
      view,
      meetingId,
      (meeting) =>
        withBodyOf(view, meeting, (body) => {
          if (meeting.status !== 'closed') {
            return { error: refused('Corrections are for closed meetings; while the meeting runs, mark attendance as usual.', 'meetingId') };
          }
          if (!body.members.some((m) => m.id === memberId)) return { error: notFound(`${body.name} has no member with id ${memberId}.`, 'memberId') };
          const attending = state === 'present' || state === 'virtual';
          if (!attending && (from || to)) return { error: refused('Only a member present has arrival and departure times.', 'arrivedAt') };
          const arrived = from ?? arrivedAt(meeting.attendance[memberId]);
          if (arrived && to && new Date(to) < new Date(arrived)) return { error: refused('The departure is before the arrival.', 'departedAt') };
          const payload = {
            meetingId,
            memberId,
            state,
            ...(from ? { arrivedAt: new Date(from).toISOString() } : {}),
            ...(to ? { departedAt: new Date(to).toISOString() } : {}),
            reason,
          };
          return { events: [{ stream: streams.meeting(meetingId), type: 'attendance.corrected', payload }] };
        }),
      { allowClosed: true },
    ),

  'declaration.record': (view, { meetingId, memberId, itemId, kind, description, withdraws }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const member = memberOf(body, memberId);
        if (!member) return { error: notFound(`${body.name} has no current member with id ${memberId}.`, 'memberId') };
        if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound(`The agenda has no item with id ${itemId}.`, 'itemId') };
        if (kind === 'disclosable_pecuniary' && withdraws === false) {
          return { error: refused('A member with a disclosable pecuniary interest must withdraw from the item.', 'withdraws') };
        }
        const declarationId = ctx.newId();
        const payload = { meetingId, declarationId, memberId, itemId, kind, description, withdraws: withdraws ?? kind === 'disclosable_pecuniary' };
        const events: NewEvent[] = [{ stream: streams.meeting(meetingId), type: 'declaration.recorded', payload }];
        return { ...withQuorumCheck(meeting, body, events, ctx.now, ctx.now), ids: { declarationId } };
      }),
    ),

  'declaration.remove': (view, { meetingId, declarationId, reason }) =>
    withMeeting(view, meetingId, (meeting) =>
      meeting.declarations.some((d) => d.id === declarationId)
        ? { events: [{ stream: streams.meeting(meetingId), type: 'declaration.removed', payload: { meetingId, declarationId, reason } }] }
        : { error: notFound('No declaration with that id is recorded.', 'declarationId') },
    ),

  'chair.take': (view, { meetingId, memberId, capacity, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const member = memberOf(body, memberId);
        if (!member) return { error: notFound(`${body.name} has no current member with id ${memberId}.`, 'memberId') };
        if (!isHere(meeting.attendance[memberId])) return { error: refused(`${member.surname} must be marked present to take the chair.`, 'memberId') };
        if (capacity === 'chairman' || capacity === 'outgoing_chairman') {
          if (!member.roles.includes('Chairman')) return { error: refused(`${member.surname} is not the Chairman of ${body.name}.`, 'capacity') };
        }
        if (capacity === 'vice_chairman' && !member.roles.includes('Vice-Chairman')) {
          return { error: refused(`${member.surname} is not the Vice-Chairman of ${body.name}.`, 'capacity') };
        }
        const time = timeOf(given, ctx);
        if (isError(time)) return { error: time };
        return { events: [{ stream: streams.meeting(meetingId), type: 'chair.taken', payload: { meetingId, memberId, capacity, time } }] };
      }),
    ),

  'meeting.start': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status !== 'draft' && meeting.status !== 'ready') return { error: refused('The meeting has already started.', 'meetingId') };
      if (!meeting.bodyId) return { error: refused('Choose the body that is meeting before starting it.', 'meetingId') };
      const time = timeOf(given, ctx);
      if (isError(time)) return { error: time };
      // Apologies received in advance are recorded against members not already marked.
      const apologies: NewEvent[] = meeting.expectedApologies
        .filter((a) => !meeting.attendance[a.memberId])
        .map((a) => ({ stream: streams.meeting(meetingId), type: 'attendance.marked', payload: { meetingId, memberId: a.memberId, state: 'apologies', time } }));
      return { events: [{ stream: streams.meeting(meetingId), type: 'meeting.started', payload: { meetingId, time } }, ...apologies] };
    }),

  'meeting.adjourn': (view, { meetingId, time: given, reason }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status !== 'in_progress') return { error: refused('Only a meeting in progress can be adjourned.', 'meetingId') };
      const time = timeOf(given, ctx);
      if (isError(time)) return { error: time };
      return { events: [{ stream: streams.meeting(meetingId), type: 'meeting.adjourned', payload: { meetingId, time, reason } }] };
    }),

  'meeting.resume': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status !== 'adjourned') return { error: refused('The meeting is not adjourned.', 'meetingId') };
      const time = timeOf(given, ctx);
      if (isError(time)) return { error: time };
      const from = meeting.adjournments[meeting.adjournments.length - 1].from;
      if (time < from) return { error: refused(`The meeting was adjourned at ${clock(from)}; it cannot resume before that.`, 'time') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'meeting.resumed', payload: { meetingId, time } }] };
    }),

  'meeting.close': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status === 'adjourned') return { error: refused('Resume the meeting before closing it.', 'meetingId') };
      if (meeting.status !== 'in_progress') return { error: refused('The meeting has not started.', 'meetingId') };
      if (meeting.currentItemId) return { error: refused(`End ${itemTitle(meeting, meeting.currentItemId)} before closing the meeting.`, 'meetingId') };
      const time = timeOf(given, ctx);
      if (isError(time)) return { error: time };
      return { events: [{ stream: streams.meeting(meetingId), type: 'meeting.closed', payload: { meetingId, time } }] };
    }),

  'item.start': (view, { meetingId, itemId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status !== 'in_progress') {
        return { error: refused(meeting.status === 'adjourned' ? 'The meeting is adjourned: resume it first.' : 'Start the meeting first.', 'meetingId') };
      }
      if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound(`The agenda has no item with id ${itemId}.`, 'itemId') };
      if (meeting.currentItemId) {
        return { error: refused(`${itemTitle(meeting, meeting.currentItemId)} is still being taken: end it first.`, 'itemId') };
      }
      const progress = meeting.progress[itemId]?.state;
      if (progress === 'deferred' || progress === 'withdrawn') return { error: refused(`That item was ${progress}.`, 'itemId') };
      const time = timeOf(given, ctx);
      if (isError(time)) return { error: time };
      return { events: [{ stream: streams.meeting(meetingId), type: 'item.started', payload: { meetingId, itemId, time } }] };
    }),

  'item.end': (view, { meetingId, itemId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.currentItemId !== itemId) {
        return { error: refused(`${itemTitle(meeting, itemId)} is not being taken, so it cannot end.`, 'itemId') };
      }
      const time = timeOf(given, ctx);
      if (isError(time)) return { error: time };
      const periods = meeting.progress[itemId].periods;
      const from = periods[periods.length - 1].from;
      if (time < from) return { error: refused(`The item started at ${clock(from)}; it cannot end before that.`, 'time') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'item.ended', payload: { meetingId, itemId, time } }] };
    }),

  'item.defer': (view, { meetingId, itemId, reason }) =>
    withMeeting(view, meetingId, (meeting) => {
      if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound(`The agenda has no item with id ${itemId}.`, 'itemId') };
      if (meeting.currentItemId === itemId) return { error: refused('End the item before deferring it.', 'itemId') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'item.deferred', payload: { meetingId, itemId, reason } }] };
    }),

  'item.withdraw': (view, { meetingId, itemId, reason }) =>
    withMeeting(view, meetingId, (meeting) => {
      if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound(`The agenda has no item with id ${itemId}.`, 'itemId') };
      if (meeting.currentItemId === itemId) return { error: refused('End the item before recording it as withdrawn.', 'itemId') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'item.withdrawn', payload: { meetingId, itemId, reason } }] };
    }),

  'item.note': (view, { meetingId, itemId, text }) =>
    withMeeting(
      view,
      meetingId,
      (meeting) => {
        if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound(`The agenda has no item with id ${itemId}.`, 'itemId') };
        if ((meeting.notes[itemId] ?? '') === text) return { events: [] };
        return { events: [{ stream: streams.meeting(meetingId), type: 'item.noteSaved', payload: { meetingId, itemId, text } }] };
      },
      { allowClosed: true },
    ),

  'session.private': (view, { meetingId, time: given, reason }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status !== 'in_progress' && meeting.status !== 'adjourned') return { error: refused('The meeting is not in progress.', 'meetingId') };
      if (isPrivate(meeting)) return { error: refused('The meeting is already in private session.', 'meetingId') };
      const time = timeOf(given, ctx);
      if (isError(time)) return { error: time };
      return { events: [{ stream: streams.meeting(meetingId), type: 'session.wentPrivate', payload: { meetingId, time, reason } }] };
    }),

  'session.public': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (!isPrivate(meeting)) return { error: refused('The meeting is not in private session.', 'meetingId') };
      const time = timeOf(given, ctx);
      if (isError(time)) return { error: time };
      return { events: [{ stream: streams.meeting(meetingId), type: 'session.wentPublic', payload: { meetingId, time } }] };
    }),
} satisfies Handlers<
  | 'attendance.mark'
  | 'attendance.depart'
  | 'attendance.officer'
  | 'attendance.addOther'
  | 'attendance.removeOther'
  | 'attendance.correct'
  | 'declaration.record'
  | 'declaration.remove'
  | 'chair.take'
  | 'meeting.start'
  | 'meeting.adjourn'
  | 'meeting.resume'
  | 'meeting.close'
  | 'item.start'
  | 'item.end'
  | 'item.defer'
  | 'item.withdraw'
  | 'item.note'
  | 'session.private'
  | 'session.public'
>;
