// Running the meeting: attendance, declarations, the chair, the agenda clock and private session.
// Each check says what is wrong in the clerk's words, with times in the meeting's local time;
// nothing is half-done. Quorum changes are recorded by the dispatcher, whatever caused them.
import type { CommandOf } from '../../../shared/commands';
import { notFound, refused, type ChamberError } from '../../../shared/errors';
import { capitalise } from '../../../shared/fieldNames';
import { streams, type NewEvent } from '../../../shared/events';
import { roleWordsOf } from '../../../shared/minutes/style';
import { currentSpeech } from '../../../shared/procedure/debate';
import { deputiesOf, deputyProblem } from '../../../shared/procedure/deputies';
import { resolveGivenTime, sittingStart } from '../../../shared/procedure/meetingTime';
import { readinessProblem } from '../../../shared/procedure/readiness';
import type { BodyState, Member } from '../../../shared/state/body';
import { memberDisplayNames } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import { isHere, isPrivate, presiding, type Stay } from '../../../shared/state/meetingLive';
import { presidingByList } from '../../../shared/procedure/presiding';
import { clockTime } from '../../../shared/time';
import { withBodyOf, withMeeting } from './lookups';
import type { Decision, HandlerContext, Handlers, StateView } from './types';

const CLOCK_SKEW_MS = 60_000;

export const isError = (x: unknown): x is ChamberError => typeof x === 'object' && x !== null && 'code' in x;

/** The effective time of a command: as given ("HH:MM" on the sitting day, or an instant), or now; never in the future. */
export const timeOf = (given: string | undefined, meeting: MeetingState, ctx: HandlerContext, field = 'time'): string | ChamberError => {
  const time = resolveGivenTime(given, meeting, ctx.now, ctx.timeZone);
  if (Date.parse(time) > Date.parse(ctx.now) + CLOCK_SKEW_MS) {
    return refused(`${clockTime(time, ctx.timeZone)} on that day is still to come: give a time that has passed.`, field);
  }
  return time;
};

/** A time for the meeting's own clock (adjourning, closing, taking an item) cannot be before the current sitting began. */
const afterSittingBegan = (time: string, meeting: MeetingState, ctx: HandlerContext): ChamberError | undefined => {
  const began = sittingStart(meeting);
  return began && time < began
    ? refused(`The meeting ${began === meeting.startedAt ? 'started' : 'resumed'} at ${clockTime(began, ctx.timeZone)}; this cannot be earlier.`, 'time')
    : undefined;
};

const memberOf = (body: BodyState, memberId: string) => body.members.find((m) => m.id === memberId && m.active);

/**
 * Whether the person was on the body for this meeting: a current member, or one whose membership
 * ended after the meeting started, or who has attendance recorded at it.
 */
const memberAtMeeting = (body: BodyState, meeting: MeetingState, memberId: string): Member | undefined => {
  const member = body.members.find((m) => m.id === memberId);
  if (!member) return undefined;
  if (member.active || meeting.attendance[memberId]) return member;
  if (member.removedAt && meeting.startedAt && member.removedAt >= meeting.startedAt) return member;
  return undefined;
};

const itemTitle = (meeting: MeetingState, itemId: string): string => {
  const item = meeting.agenda.find((i) => i.itemId === itemId);
  return item ? `item ${item.number} (${item.title})` : 'an item';
};

const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Check a member's stays as a correction gives them: in order, each departure after its arrival,
 * none overlapping, only the last still open, and open only for a member here in a meeting still
 * running. Returns a refusal naming what is wrong, or undefined.
 */
const checkStays = (stays: readonly Stay[], state: string, meeting: MeetingState, tz: string): ChamberError | undefined => {
  const attending = state === 'present' || state === 'virtual';
  for (const [i, stay] of stays.entries()) {
    const field = `stays.${i}`;
    if (stay.to !== undefined && stay.to < stay.from) {
      return refused(`Stay ${i + 1}: the departure at ${clockTime(stay.to, tz)} is before the arrival at ${clockTime(stay.from, tz)}.`, `${field}.to`);
    }
    const before = stays[i - 1];
    if (before && (before.to === undefined || stay.from < before.to)) {
      return refused(`Stay ${i + 1} begins at ${clockTime(stay.from, tz)}, before stay ${i} has ended: stays must follow each other.`, `${field}.from`);
    }
    const open = stay.to === undefined;
    if (open && meeting.status === 'closed') {
      return refused(`Stay ${i + 1} has no departure, but the meeting closed at ${meeting.closedAt ? clockTime(meeting.closedAt, tz) : 'its end'}: give the time the member left.`, `${field}.to`);
    }
    if (open && !attending) return refused(`A member marked ${state} cannot be here now: give the time stay ${i + 1} ended.`, `${field}.to`);
  }
  if (attending && stays.length === 0) return refused(`A member marked ${state} needs at least one stay: give the arrival time.`, 'stays');
  return undefined;
};

type Mark = CommandOf<'attendance.mark'>;

/** Marking a member who is already here: a new time corrects the arrival; otherwise nothing to record, or a change of how they attend. */
const remarkMemberHere = (command: Mark, meeting: MeetingState, time: string, ctx: HandlerContext, name: string): Decision => {
  const { meetingId, memberId, state } = command;
  const before = meeting.attendance[memberId];
  const stays = before.stays;
  const open = stays[stays.length - 1];
  if (command.time !== undefined && time !== open.from) {
    const previous = stays[stays.length - 2];
    if (previous?.to && time < previous.to) {
      return { error: refused(`${name} left at ${clockTime(previous.to, ctx.timeZone)}; an arrival at ${clockTime(time, ctx.timeZone)} would be before that.`, 'time') };
    }
    const corrected = [...stays.slice(0, -1), { from: time }];
    const reason = `Arrival time corrected during the meeting: ${clockTime(time, ctx.timeZone)}, not ${clockTime(open.from, ctx.timeZone)}.`;
    return {
      events: [{ stream: streams.meeting(meetingId), type: 'attendance.corrected', payload: { meetingId, memberId, state, stays: corrected, reason } }],
    };
  }
  if (before.state === state) return { events: [] };
  return { events: [{ stream: streams.meeting(meetingId), type: 'attendance.marked', payload: { meetingId, memberId, state, time } }] };
};

/**
 * Where the body has a presiding list: the chair passing to whoever it names for the item being
 * taken up (the Chairman absent or withdrawn from it after declaring an interest), recorded as the
 * item starts. Nothing when the list names the one already presiding, or nobody (then a member is
 * elected, which the clerk records).
 */
const presidingChange = (view: StateView, meeting: MeetingState, itemId: string, time: string): NewEvent[] => {
  const body = meeting.bodyId ? view.body(meeting.bodyId) : undefined;
  if (!body) return [];
  const choice = presidingByList(meeting, body, itemId);
  if (!choice || !('memberId' in choice) || presiding(meeting)?.memberId === choice.memberId) return [];
  const member = body.members.find((m) => m.id === choice.memberId);
  const capacity = choice.step === 0 && member?.roles.includes('Chairman') ? 'chairman' : 'presiding_list';
  return [{ stream: streams.meeting(meeting.id), type: 'chair.taken', payload: { meetingId: meeting.id, memberId: choice.memberId, capacity, time } }];
};

export const liveHandlers = {
  'attendance.mark': (view, command, ctx) =>
    withMeeting(view, command.meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const { meetingId, memberId, state, inPlaceOf, noticeReceived } = command;
        const member = memberOf(body, memberId);
        if (!member) return { error: notFound(`That person is not a current member of ${body.name}.`, 'memberId', memberId) };
        const time = timeOf(command.time, meeting, ctx);
        if (isError(time)) return { error: time };
        const name = memberDisplayNames(body.members)[memberId] ?? member.surname;
        if (inPlaceOf !== undefined) {
          const seat = memberOf(body, inPlaceOf);
          if (!seat || seat.id === memberId || seat.substituteFor) {
            return { error: refused('A substitute stands in for another member who holds a seat on this body.', 'inPlaceOf') };
          }
          // The body's terms say whether anyone may stand in at all, and with what notice. Notice
          // is checked when someone is first recorded in the seat at this meeting, not on each return.
          const already = meeting.attendance[memberId]?.inPlaceOf === seat.id;
          const problem = already ? undefined : deputyProblem(deputiesOf(body.standingOrders), body.name, meeting.date, noticeReceived);
          if (problem) return { error: refused(problem.message, problem.field) };
          if (isHere(meeting.attendance[seat.id])) return { error: refused(`${seat.surname} is present, so nobody can stand in for them.`, 'inPlaceOf') };
          const other = Object.entries(meeting.attendance).find(([id, a]) => id !== memberId && a.inPlaceOf === seat.id && isHere(a));
          if (other) return { error: refused(`Someone is already standing in for ${seat.surname}.`, 'inPlaceOf') };
        }
        const before = meeting.attendance[memberId];
        const attending = state === 'present' || state === 'virtual';
        const here = isHere(before);
        if (attending && here) return remarkMemberHere(command, meeting, time, ctx, name);
        if (attending && before) {
          const left = before.stays[before.stays.length - 1]?.to;
          if (left && time < left) {
            return {
              error: refused(
                `${name} left at ${clockTime(left, ctx.timeZone)}; an arrival at ${clockTime(time, ctx.timeZone)} would be before that. To change the times recorded, correct the attendance.`,
                'time',
              ),
            };
          }
        }
        if (!attending && here) {
          const arrived = before!.stays[before!.stays.length - 1].from;
          if (time < arrived) {
            return { error: refused(`${name} arrived at ${clockTime(arrived, ctx.timeZone)}; a departure at ${clockTime(time, ctx.timeZone)} would be before that.`, 'time') };
          }
        }
        if (!attending && !here && before?.state === state) return { events: [] };
        const payload = { meetingId, memberId, state, time, ...(inPlaceOf ? { inPlaceOf } : {}) };
        return { events: [{ stream: streams.meeting(meetingId), type: 'attendance.marked', payload }] };
      }),
    ),

  'attendance.depart': (view, { meetingId, memberId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const member = memberOf(body, memberId);
        if (!member) return { error: notFound(`That person is not a current member of ${body.name}.`, 'memberId', memberId) };
        const name = memberDisplayNames(body.members)[memberId] ?? member.surname;
        const attendance = meeting.attendance[memberId];
        if (!isHere(attendance)) return { error: refused(`${name} is not recorded as present, so cannot leave.`, 'memberId') };
        const time = timeOf(given, meeting, ctx);
        if (isError(time)) return { error: time };
        const arrived = attendance!.stays[attendance!.stays.length - 1].from;
        if (time < arrived) {
          return { error: refused(`A departure at ${clockTime(time, ctx.timeZone)} would be before ${name}'s arrival at ${clockTime(arrived, ctx.timeZone)}.`, 'time') };
        }
        return { events: [{ stream: streams.meeting(meetingId), type: 'attendance.departed', payload: { meetingId, memberId, time } }] };
      }),
    ),

  'attendance.ruleVirtual': (view, { meetingId, counts, time: given, reason }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const so = body.standingOrders.virtualAttendanceCounts;
        const chair = roleWordsOf(body).chair;
        if (!so.atChairsDiscretion) {
          const rule = so.quorum ? 'always counts' : 'does not count';
          return {
            error: refused(`By the standing orders of ${body.name}, virtual attendance ${rule}: it is not at the ${chair}'s discretion, so there is no ruling to record.`, 'counts'),
          };
        }
        if (meeting.status !== 'in_progress' && meeting.status !== 'adjourned') {
          return { error: refused(`The meeting has not started: the ${chair} rules on virtual attendance at the meeting.`, 'meetingId') };
        }
        const time = timeOf(given, meeting, ctx);
        if (isError(time)) return { error: time };
        const early = afterSittingBegan(time, meeting, ctx);
        if (early) return { error: early };
        // Recorded even when it repeats the ruling in force: the Chair ruled again, and the record says so.
        return { events: [{ stream: streams.meeting(meetingId), type: 'meeting.virtualAttendanceRuled', payload: { meetingId, counts, time, reason: reason ?? '' } }] };
      }),
    ),

  'attendance.officer': (view, { meetingId, officerId, present }, ctx) =>
    withMeeting(
      view,
      meetingId,
      (meeting) =>
        withBodyOf(view, meeting, (body) => {
          if (!body.officers.some((o) => o.id === officerId && o.active)) return { error: notFound(`That officer is not listed as an officer of ${body.name}.`, 'officerId', officerId) };
          if (meeting.officersPresent.includes(officerId) === present) return { events: [] };
          return { events: [{ stream: streams.meeting(meetingId), type: 'attendance.officerMarked', payload: { meetingId, officerId, present } }] };
        }),
      { ctx },
    ),

  'attendance.addOther': (view, { meetingId, name, capacity }, ctx) =>
    withMeeting(
      view,
      meetingId,
      () => {
        const attendeeId = ctx.newId();
        return {
          events: [{ stream: streams.meeting(meetingId), type: 'attendance.otherAdded', payload: { meetingId, attendeeId, name, capacity } }],
          ids: { attendeeId },
        };
      },
      { ctx },
    ),

  'attendance.removeOther': (view, { meetingId, attendeeId }, ctx) =>
    withMeeting(
      view,
      meetingId,
      (meeting) =>
        meeting.others.some((o) => o.id === attendeeId)
          ? { events: [{ stream: streams.meeting(meetingId), type: 'attendance.otherRemoved', payload: { meetingId, attendeeId } }] }
          : { error: notFound('That person is not recorded as also present.', 'attendeeId', attendeeId) },
      { ctx },
    ),

  'attendance.correct': (view, { meetingId, memberId, state, stays: given, reason }, ctx) =>
    withMeeting(
      view,
      meetingId,
      (meeting) =>
        withBodyOf(view, meeting, (body) => {
          const member = memberAtMeeting(body, meeting, memberId);
          if (!member) {
            const former = body.members.find((m) => m.id === memberId);
            return {
              error: former
                ? refused(`${former.surname} was no longer a member of ${body.name} when this meeting sat, so their attendance cannot be recorded here.`, 'memberId')
                : notFound(`That person is not a member of ${body.name}.`, 'memberId', memberId),
            };
          }
          let stays: Stay[];
          if (given) {
            stays = [];
            for (const [i, stay] of given.entries()) {
              const from = timeOf(stay.from, meeting, ctx, `stays.${i}.from`);
              if (isError(from)) return { error: from };
              const to = stay.to === undefined ? undefined : timeOf(stay.to, meeting, ctx, `stays.${i}.to`);
              if (isError(to)) return { error: to };
              stays.push(to === undefined ? { from } : { from, to });
            }
          } else {
            stays = meeting.attendance[memberId]?.stays ?? [];
          }
          const problem = checkStays(stays, state, meeting, ctx.timeZone);
          if (problem) return { error: problem };
          const payload = { meetingId, memberId, state, stays, reason };
          return { events: [{ stream: streams.meeting(meetingId), type: 'attendance.corrected', payload }] };
        }),
      { allowClosed: true },
    ),

  'declaration.record': (view, { meetingId, memberId, itemId, kind, description, withdraws }, ctx) =>
    withMeeting(
      view,
      meetingId,
      (meeting) =>
        withBodyOf(view, meeting, (body) => {
          const member = ctx.correcting ? memberAtMeeting(body, meeting, memberId) : memberOf(body, memberId);
          if (!member) return { error: notFound(`That person is not a current member of ${body.name}.`, 'memberId', memberId) };
          if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound('That item is not on the agenda.', 'itemId', itemId) };
          if (kind === 'disclosable_pecuniary' && withdraws === false) {
            return { error: refused('A member with a disclosable pecuniary interest must withdraw from the item.', 'withdraws') };
          }
          const same = meeting.declarations.find(
            (d) => d.memberId === memberId && d.itemId === itemId && d.kind === kind && normalise(d.description) === normalise(description),
          );
          if (same) {
            const name = memberDisplayNames(body.members)[memberId] ?? member.surname;
            return { error: refused(`${name}'s declaration of this interest in ${itemTitle(meeting, itemId)} is already recorded.`, 'description') };
          }
          const declarationId = ctx.newId();
          const payload = { meetingId, declarationId, memberId, itemId, kind, description, withdraws: withdraws ?? kind === 'disclosable_pecuniary' };
          return { events: [{ stream: streams.meeting(meetingId), type: 'declaration.recorded', payload }], ids: { declarationId } };
        }),
      { ctx },
    ),

  'declaration.remove': (view, { meetingId, declarationId, reason }, ctx) =>
    withMeeting(
      view,
      meetingId,
      (meeting) =>
        meeting.declarations.some((d) => d.id === declarationId)
          ? { events: [{ stream: streams.meeting(meetingId), type: 'declaration.removed', payload: { meetingId, declarationId, reason } }] }
          : { error: notFound('That declaration is not on the record.', 'declarationId', declarationId) },
      { ctx },
    ),

  'chair.take': (view, { meetingId, memberId, capacity, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const member = memberOf(body, memberId);
        if (!member) return { error: notFound(`That person is not a current member of ${body.name}.`, 'memberId', memberId) };
        if (!isHere(meeting.attendance[memberId])) return { error: refused(`${member.surname} must be marked present to take the chair.`, 'memberId') };
        if (capacity === 'chairman' || capacity === 'outgoing_chairman') {
          if (!member.roles.includes('Chairman')) return { error: refused(`${member.surname} is not the Chairman of ${body.name}.`, 'capacity') };
        }
        if (capacity === 'vice_chairman' && !member.roles.includes('Vice-Chairman')) {
          return { error: refused(`${member.surname} is not the Vice-Chairman of ${body.name}.`, 'capacity') };
        }
        const time = timeOf(given, meeting, ctx);
        if (isError(time)) return { error: time };
        return { events: [{ stream: streams.meeting(meetingId), type: 'chair.taken', payload: { meetingId, memberId, capacity, time } }] };
      }),
    ),

  'meeting.start': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status !== 'draft' && meeting.status !== 'ready') return { error: refused('The meeting has already started.', 'meetingId') };
      const problem = readinessProblem(meeting, meeting.bodyId ? view.body(meeting.bodyId) : undefined);
      if (problem) return { error: refused(`The meeting cannot start yet. ${problem.message}`, problem.field) };
      const time = timeOf(given, meeting, ctx);
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
      // A division's voting cannot run on through an adjournment: it is paused first (its closing then waits), or closed.
      const division = meeting.openDivisionId ? meeting.divisions.findLast((d) => d.id === meeting.openDivisionId) : undefined;
      const paused = division?.pauses.at(-1)?.from !== undefined && division?.pauses.at(-1)?.to === undefined;
      if (division && !paused) return { error: refused('A division is being taken: pause it before adjourning (its closing waits), or close it.', 'meetingId') };
      const time = timeOf(given, meeting, ctx);
      if (isError(time)) return { error: time };
      const early = afterSittingBegan(time, meeting, ctx);
      if (early) return { error: early };
      // The speech under way stops at the adjournment, so the adjournment cannot come before it began.
      const spell = currentSpeech(meeting)?.periods.at(-1);
      if (spell && spell.to === undefined && time < spell.from) {
        return { error: refused(`A member has been speaking since ${clockTime(spell.from, ctx.timeZone)}; the meeting cannot be adjourned before that.`, 'time') };
      }
      return { events: [{ stream: streams.meeting(meetingId), type: 'meeting.adjourned', payload: { meetingId, time, reason } }] };
    }),

  'meeting.resume': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status !== 'adjourned') return { error: refused('The meeting is not adjourned.', 'meetingId') };
      const from = meeting.adjournments[meeting.adjournments.length - 1].from;
      // A time typed on resuming is on the day of the resumption (it may be another day).
      const time = given === undefined ? ctx.now : timeOf(given, { ...meeting, startedAt: undefined, adjournments: [] }, ctx);
      if (isError(time)) return { error: time };
      if (time < from) return { error: refused(`The meeting was adjourned at ${clockTime(from, ctx.timeZone)}; it cannot resume before that.`, 'time') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'meeting.resumed', payload: { meetingId, time } }] };
    }),

  'meeting.close': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status === 'adjourned') return { error: refused('Resume the meeting before closing it.', 'meetingId') };
      if (meeting.status !== 'in_progress') return { error: refused('The meeting has not started.', 'meetingId') };
      if (meeting.currentItemId) return { error: refused(`End ${itemTitle(meeting, meeting.currentItemId)} before closing the meeting.`, 'meetingId') };
      const time = timeOf(given, meeting, ctx);
      if (isError(time)) return { error: time };
      const early = afterSittingBegan(time, meeting, ctx);
      if (early) return { error: early };
      const lastEnded = Object.values(meeting.progress).flatMap((p) => p.periods.map((x) => x.to ?? x.from)).sort().at(-1);
      if (lastEnded && time < lastEnded) return { error: refused(`An item was being taken until ${clockTime(lastEnded, ctx.timeZone)}; the meeting cannot close before that.`, 'time') };
      // The names as they are at the close: the minutes keep them if a member is renamed afterwards.
      const body = meeting.bodyId ? view.body(meeting.bodyId) : undefined;
      const kept: NewEvent[] = body
        ? [
            {
              stream: streams.meeting(meetingId),
              type: 'meeting.namesKept',
              payload: {
                meetingId,
                members: body.members.map(({ id, active: _a, addedAt: _t, removedAt: _r, ...member }) => ({ memberId: id, member })),
                officers: body.officers.map(({ id, active: _a, ...officer }) => ({ officerId: id, officer })),
              },
            },
          ]
        : [];
      return { events: [{ stream: streams.meeting(meetingId), type: 'meeting.closed', payload: { meetingId, time } }, ...kept] };
    }),

  'item.start': (view, { meetingId, itemId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status !== 'in_progress') {
        return { error: refused(meeting.status === 'adjourned' ? 'The meeting is adjourned: resume it first.' : 'Start the meeting first.', 'meetingId') };
      }
      if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound('That item is not on the agenda.', 'itemId', itemId) };
      if (meeting.currentItemId) {
        return { error: refused(`${capitalise(itemTitle(meeting, meeting.currentItemId))} is still being taken: end it first.`, 'itemId') };
      }
      const progress = meeting.progress[itemId]?.state;
      if (progress === 'deferred' || progress === 'withdrawn') return { error: refused(`That item was ${progress}.`, 'itemId') };
      const time = timeOf(given, meeting, ctx);
      if (isError(time)) return { error: time };
      const early = afterSittingBegan(time, meeting, ctx);
      if (early) return { error: early };
      const lastEnded = Object.values(meeting.progress).flatMap((p) => p.periods.map((x) => x.to ?? x.from)).sort().at(-1);
      if (lastEnded && time < lastEnded) return { error: refused(`The last item was taken until ${clockTime(lastEnded, ctx.timeZone)}; the next cannot start before that.`, 'time') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'item.started', payload: { meetingId, itemId, time } }, ...presidingChange(view, meeting, itemId, time)] };
    }),

  'item.end': (view, { meetingId, itemId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.currentItemId !== itemId) {
        return { error: refused(`${capitalise(itemTitle(meeting, itemId))} is not being taken, so it cannot end.`, 'itemId') };
      }
      if (meeting.status === 'adjourned') return { error: refused('The meeting is adjourned: resume it before ending the item.', 'meetingId') };
      if (meeting.currentSpeechId) return { error: refused('A member is still speaking: end the speech before ending the item.', 'itemId') };
      if (meeting.openDivisionId) return { error: refused('A division is being taken on this item: close it before ending the item.', 'itemId') };
      const time = timeOf(given, meeting, ctx);
      if (isError(time)) return { error: time };
      const periods = meeting.progress[itemId].periods;
      const from = periods[periods.length - 1].from;
      if (time < from) return { error: refused(`The item was taken up at ${clockTime(from, ctx.timeZone)}; it cannot end before that.`, 'time') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'item.ended', payload: { meetingId, itemId, time } }] };
    }),

  'item.defer': (view, { meetingId, itemId, reason }) =>
    withMeeting(view, meetingId, (meeting) => {
      if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound('That item is not on the agenda.', 'itemId', itemId) };
      if (meeting.currentItemId === itemId) return { error: refused('End the item before deferring it.', 'itemId') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'item.deferred', payload: { meetingId, itemId, reason } }] };
    }),

  'item.withdraw': (view, { meetingId, itemId, reason }) =>
    withMeeting(view, meetingId, (meeting) => {
      if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound('That item is not on the agenda.', 'itemId', itemId) };
      if (meeting.currentItemId === itemId) return { error: refused('End the item before recording it as withdrawn.', 'itemId') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'item.withdrawn', payload: { meetingId, itemId, reason } }] };
    }),

  'item.reinstate': (view, { meetingId, itemId, reason }) =>
    withMeeting(view, meetingId, (meeting) => {
      if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound('That item is not on the agenda.', 'itemId', itemId) };
      const state = meeting.progress[itemId]?.state;
      if (state !== 'deferred' && state !== 'withdrawn') return { error: refused(`${capitalise(itemTitle(meeting, itemId))} is not deferred or withdrawn, so there is nothing to undo.`, 'itemId') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'item.reinstated', payload: { meetingId, itemId, reason } }] };
    }),

  'item.note': (view, { meetingId, itemId, text }, ctx) =>
    withMeeting(
      view,
      meetingId,
      (meeting) => {
        if (!meeting.agenda.some((i) => i.itemId === itemId)) return { error: notFound('That item is not on the agenda.', 'itemId', itemId) };
        if ((meeting.notes[itemId] ?? '') === text) return { events: [] };
        return { events: [{ stream: streams.meeting(meetingId), type: 'item.noteSaved', payload: { meetingId, itemId, text } }] };
      },
      { ctx },
    ),

  'session.private': (view, { meetingId, time: given, reason }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (meeting.status !== 'in_progress' && meeting.status !== 'adjourned') return { error: refused('The meeting is not in progress.', 'meetingId') };
      if (isPrivate(meeting)) return { error: refused('The meeting is already in private session.', 'meetingId') };
      const time = timeOf(given, meeting, ctx);
      if (isError(time)) return { error: time };
      const early = afterSittingBegan(time, meeting, ctx);
      if (early) return { error: early };
      return { events: [{ stream: streams.meeting(meetingId), type: 'session.wentPrivate', payload: { meetingId, time, reason } }] };
    }),

  'session.public': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      if (!isPrivate(meeting)) return { error: refused('The meeting is not in private session.', 'meetingId') };
      const time = timeOf(given, meeting, ctx);
      if (isError(time)) return { error: time };
      const from = meeting.privateSessions[meeting.privateSessions.length - 1].from;
      if (time < from) return { error: refused(`The press and public were excluded at ${clockTime(from, ctx.timeZone)}; they cannot be readmitted before that.`, 'time') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'session.wentPublic', payload: { meetingId, time } }] };
    }),
} satisfies Handlers<
  | 'attendance.mark'
  | 'attendance.depart'
  | 'attendance.officer'
  | 'attendance.addOther'
  | 'attendance.removeOther'
  | 'attendance.correct'
  | 'attendance.ruleVirtual'
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
  | 'item.reinstate'
  | 'item.note'
  | 'session.private'
  | 'session.public'
>;
