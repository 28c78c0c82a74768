// Decisions of debate: who may move, second and speak, and when. Each refusal names what is wrong
// in the clerk's words and records nothing. Where the standing orders give the chairman discretion
// (a second speech), the command carries the chairman's reason and the override is recorded.
import { INTERRUPTING_ROLES, type SpeechRole } from '../../../shared/commands/debate';
import { notFound, refused, type ChamberError } from '../../../shared/errors';
import { streams } from '../../../shared/events';
import { isWithdrawnFrom } from '../../../shared/procedure/attendance';
import { currentSpeech, motionBeingDebated, pendingAmendment, speakersWaiting, speakingRoleFor, speechLimitFor, spokenOn, substantiveMotion } from '../../../shared/procedure/debate';
import { memberDisplayNames, type BodyState } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import type { Motion } from '../../../shared/state/meetingDebate';
import { isHere } from '../../../shared/state/meetingLive';
import { isError, timeOf } from './live';
import { withBodyOf, withMeeting } from './lookups';
import type { Decision, Handler, HandlerContext, Handlers } from './types';

/** The meeting must be sitting (not adjourned) with an item being taken. */
const sittingOnItem = (meeting: MeetingState): ChamberError | undefined => {
  if (meeting.status === 'adjourned') return refused('The meeting is adjourned: resume it first.', 'meetingId');
  if (meeting.status !== 'in_progress') return refused('The meeting is not in progress.', 'meetingId');
  if (!meeting.currentItemId) return refused('No item is being taken: take up the item first.', 'meetingId');
  return undefined;
};

/** A member who may take part now: on the body, here, and not withdrawn from the item for an interest. */
const participant = (body: BodyState, meeting: MeetingState, memberId: string, field: string): ChamberError | undefined => {
  const member = body.members.find((m) => m.id === memberId && m.active);
  if (!member) return notFound('That member is not a member of this body.', field, memberId);
  const name = memberDisplayNames(body.members)[memberId];
  if (!isHere(meeting.attendance[memberId])) {
    const stays = meeting.attendance[memberId]?.stays ?? [];
    return refused(stays.length ? `${name} has left the meeting.` : `${name} is not recorded as present.`, field);
  }
  if (isWithdrawnFrom(meeting, memberId, meeting.currentItemId)) return refused(`${name} has withdrawn from this item after declaring an interest.`, field);
  return undefined;
};

const motionOf = (meeting: MeetingState, motionId: string, decide: (motion: Motion) => Decision): Decision => {
  const motion = meeting.motions.find((m) => m.id === motionId);
  if (!motion) return { error: notFound('That motion is not on the record of this meeting.', 'motionId', motionId) };
  if (motion.status !== 'open') return { error: refused(`That motion has already been ${motion.status}.`, 'motionId') };
  return decide(motion);
};

const KIND_WORDS: Record<Motion['kind'], string> = { substantive: 'motion', amendment: 'amendment', procedural: 'procedural motion' };

type Ctx = HandlerContext;

/** The chairman calls a speaker (speech.start, and "call the next" once it knows who). */
const startSpeech: Handler<'speech.start'> = (view, command, ctx) =>
    withMeeting(view, command.meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const { meetingId, memberId, officer, role, override } = command;
        const notSitting = sittingOnItem(meeting);
        if (notSitting) return { error: notSitting };
        const itemId = meeting.currentItemId!;
        const interrupting = INTERRUPTING_ROLES.includes(role);
        const speaking = currentSpeech(meeting);
        if (speaking && !interrupting) return { error: refused('Someone is already speaking: end that speech first (a point of order or a personal explanation may interrupt).', 'role') };
        if (role === 'officer_advice') {
          if (memberId) return { error: refused('Advice is given by an officer, not a member: name the officer.', 'memberId') };
          if (!officer) return { error: refused('Name the officer giving advice.', 'officer') };
        } else {
          if (!memberId) return { error: refused('Name the member speaking.', 'memberId') };
          const problem = participant(body, meeting, memberId, 'memberId');
          if (problem) return { error: problem };
        }
        const motion = motionBeingDebated(meeting, itemId);
        // The member's name only when a refusal needs it: the common case costs nothing.
        const name = () => (memberId ? memberDisplayNames(body.members)[memberId] : (officer ?? ''));
        const rule = speechRule(role, memberId, motion, name);
        if (rule && !override) return { error: rule };
        const time = timeOf(command.time, meeting, ctx);
        if (isError(time)) return { error: time };
        if (speaking && time < speaking.periods[speaking.periods.length - 1].from) return { error: refused('The interruption cannot be before the speech it interrupts began.', 'time') };
        const speechId = ctx.newId();
        return {
          ids: { speechId },
          events: [
            {
              stream: streams.meeting(meetingId),
              type: 'speech.started',
              payload: {
                meetingId,
                speechId,
                itemId,
                ...(motion ? { motionId: motion.id } : {}),
                ...(memberId ? { memberId } : {}),
                ...(officer ? { officer } : {}),
                role,
                limitSeconds: speechLimitFor(meeting, itemId, role, body.standingOrders, memberId ? body.members.find((m) => m.id === memberId)?.roles : undefined),
                ...(rule && override ? { override } : {}),
                time,
              },
            },
          ],
        };
      }),
    );

export const debateHandlers: Handlers<
  'motion.move' | 'motion.second' | 'motion.alter' | 'motion.withdraw' | 'motion.resolve' | 'speaker.add' | 'speaker.remove' | 'speech.start' | 'speaker.callNext' | 'speech.end' | 'speech.extend' | 'ruling.record'
> = {
  'motion.move': (view, command, ctx: Ctx) =>
    withMeeting(view, command.meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const { meetingId, itemId, kind, procedure, amends, wording: text, resultingWording: resultingText, moverId, seconderId, seconderReserves, suspension } = command;
        const notSitting = sittingOnItem(meeting);
        if (notSitting) return { error: notSitting };
        if (itemId !== meeting.currentItemId) return { error: refused('A motion can be moved only on the item being taken.', 'itemId') };
        const mover = participant(body, meeting, moverId, 'moverId');
        if (mover) return { error: mover };
        if (seconderId !== undefined) {
          if (seconderId === moverId) return { error: refused('The seconder cannot be the mover.', 'seconderId') };
          const seconder = participant(body, meeting, seconderId, 'seconderId');
          if (seconder) return { error: seconder };
        }
        if (kind === 'procedural' && !procedure) return { error: refused('Say which procedural motion is moved.', 'procedure') };
        if (kind !== 'procedural' && procedure) return { error: refused('Only a procedural motion names a procedure.', 'procedure') };
        if (suspension && procedure !== 'suspend_standing_order') {
          return { error: refused('Only a motion to suspend a standing order sets a limit for the rest of the item.', 'suspension') };
        }
        if (kind !== 'amendment' && (amends || resultingText)) return { error: refused('Only an amendment amends another motion.', amends ? 'amends' : 'resultingWording') };
        const substantive = substantiveMotion(meeting, itemId);
        if (kind === 'substantive' && substantive) return { error: refused('A motion is already before the meeting on this item: deal with it first.', 'kind') };
        if (kind === 'amendment') {
          if (!substantive || amends !== substantive.id) return { error: refused('An amendment must amend the motion before the meeting.', 'amends') };
          if (pendingAmendment(meeting, itemId)) return { error: refused('An amendment is already before the meeting: deal with it before another is moved.', 'kind') };
        }
        if (kind === 'procedural' && meeting.motions.some((m) => m.itemId === itemId && m.status === 'open' && m.kind === 'procedural')) {
          return { error: refused('A procedural motion is already before the meeting: deal with it first.', 'kind') };
        }
        const time = timeOf(command.time, meeting, ctx);
        if (isError(time)) return { error: time };
        const motionId = ctx.newId();
        return {
          ids: { motionId },
          events: [
            {
              stream: streams.meeting(meetingId),
              type: 'motion.moved',
              payload: {
                meetingId,
                motionId,
                itemId,
                kind,
                ...(procedure ? { procedure } : {}),
                ...(amends ? { amends } : {}),
                text,
                ...(resultingText ? { resultingText } : {}),
                ...(suspension ? { suspension } : {}),
                moverId,
                ...(seconderId ? { seconderId, seconderReserves: seconderReserves ?? false } : {}),
                time,
              },
            },
          ],
        };
      }),
    ),

  'motion.second': (view, { meetingId, motionId, seconderId, reserves, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) =>
        motionOf(meeting, motionId, (motion) => {
          if (motion.seconderId) return { error: refused(`The ${KIND_WORDS[motion.kind]} has already been seconded.`, 'motionId') };
          if (seconderId === motion.moverId) return { error: refused('The seconder cannot be the mover.', 'seconderId') };
          const seconder = participant(body, meeting, seconderId, 'seconderId');
          if (seconder) return { error: seconder };
          const time = timeOf(given, meeting, ctx);
          if (isError(time)) return { error: time };
          return { events: [{ stream: streams.meeting(meetingId), type: 'motion.seconded', payload: { meetingId, motionId, seconderId, reserves: reserves ?? false, time } }] };
        }),
      ),
    ),

  'motion.alter': (view, { meetingId, motionId, wording: text, reason }) =>
    withMeeting(view, meetingId, (meeting) =>
      motionOf(meeting, motionId, (motion) => {
        if (motion.versions[motion.versions.length - 1].text === text) return { events: [] };
        return { events: [{ stream: streams.meeting(meetingId), type: 'motion.altered', payload: { meetingId, motionId, text, reason } }] };
      }),
    ),

  'motion.withdraw': (view, { meetingId, motionId, reason }) =>
    withMeeting(view, meetingId, (meeting) =>
      motionOf(meeting, motionId, (motion) => {
        if (meeting.openDivisionId && meeting.divisions.findLast((d) => d.id === meeting.openDivisionId)?.motionId === motionId) {
          return { error: refused('A division is being taken on this motion: it cannot be withdrawn until the division closes.', 'motionId') };
        }
        if (motion.kind === 'substantive' && pendingAmendment(meeting, motion.itemId)) {
          return { error: refused('An amendment to this motion is before the meeting: deal with it first.', 'motionId') };
        }
        return { events: [{ stream: streams.meeting(meetingId), type: 'motion.withdrawn', payload: { meetingId, motionId, reason } }] };
      }),
    ),

  'motion.resolve': (view, command, ctx) =>
    withMeeting(view, command.meetingId, (meeting) =>
      motionOf(meeting, command.motionId, (motion) => {
        const { meetingId, motionId, outcome, how } = command;
        if (!motion.seconderId) return { error: refused(`The ${KIND_WORDS[motion.kind]} has not been seconded, so it cannot be put.`, 'motionId') };
        if (meeting.currentSpeechId) return { error: refused('A member is still speaking: end the speech before the question is put.', 'motionId') };
        if (meeting.openDivisionId) return { error: refused('A division is being taken: its result is recorded when it closes.', 'motionId') };
        const before = motionBeingDebated(meeting, motion.itemId);
        if (before && before.id !== motionId) {
          return { error: refused(`The ${KIND_WORDS[before.kind]} before the meeting must be dealt with first.`, 'motionId') };
        }
        const counts = { for: command.for, against: command.against, abstained: command.abstained };
        const counted = Object.values(counts).some((c) => c !== undefined);
        if (how === 'show_of_hands' && (command.for === undefined || command.against === undefined)) {
          return { error: refused('A show of hands needs the numbers for and against.', command.for === undefined ? 'for' : 'against') };
        }
        if (how !== 'show_of_hands' && counted) return { error: refused('Numbers are given only for a show of hands.', 'how') };
        if (how === 'unanimous' && outcome === 'lost') return { error: refused('A motion agreed unanimously is carried.', 'outcome') };
        if (how === 'show_of_hands' && command.for !== undefined && command.against !== undefined) {
          const carried = command.for > command.against;
          // An equality is settled by the chairman's casting vote, so either outcome may follow it.
          if (command.for !== command.against && carried !== (outcome === 'carried')) {
            return { error: refused(`${command.for} for and ${command.against} against: the ${KIND_WORDS[motion.kind]} is ${carried ? 'carried' : 'lost'}.`, 'outcome') };
          }
        }
        const time = timeOf(command.time, meeting, ctx);
        if (isError(time)) return { error: time };
        return {
          events: [
            {
              stream: streams.meeting(meetingId),
              type: 'motion.resolved',
              payload: {
                meetingId,
                motionId,
                outcome,
                how,
                ...(command.for === undefined ? {} : { for: command.for }),
                ...(command.against === undefined ? {} : { against: command.against }),
                ...(command.abstained === undefined ? {} : { abstained: command.abstained }),
                time,
              },
            },
          ],
        };
      }),
    ),

  'speaker.add': (view, { meetingId, memberId, role }) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const notSitting = sittingOnItem(meeting);
        if (notSitting) return { error: notSitting };
        const problem = participant(body, meeting, memberId, 'memberId');
        if (problem) return { error: problem };
        if (meeting.speakerQueue[memberId]) return { events: [] };
        return { events: [{ stream: streams.meeting(meetingId), type: 'speaker.added', payload: { meetingId, memberId, ...(role ? { role } : {}) } }] };
      }),
    ),

  'speaker.remove': (view, { meetingId, memberId }) =>
    withMeeting(view, meetingId, (meeting) => {
      if (!meeting.speakerQueue[memberId]) return { events: [] };
      return { events: [{ stream: streams.meeting(meetingId), type: 'speaker.removed', payload: { meetingId, memberId } }] };
    }),

  'speech.start': (view, command, ctx) => startSpeech(view, command, ctx),

  // "Call the next": the core reads the list as it stands when the command arrives, so a speaker
  // added a moment before is called even if the chairman's screen had not yet shown them.
  'speaker.callNext': (view, { meetingId, time }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      const notSitting = sittingOnItem(meeting);
      if (notSitting) return { error: notSitting };
      const next = speakersWaiting(meeting)[0];
      if (!next) return { error: refused("Nobody is waiting on the speakers' list: add a speaker first.", 'meetingId') };
      const motion = motionBeingDebated(meeting, meeting.currentItemId!);
      const role = next.role ?? speakingRoleFor(motion, next.memberId);
      return startSpeech(view, { type: 'speech.start', meetingId, memberId: next.memberId, role, ...(time ? { time } : {}) }, ctx);
    }),

  'speech.end': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      const speaking = currentSpeech(meeting);
      if (!speaking) return { error: refused('Nobody is speaking.', 'meetingId') };
      // The speech's clock stopped at the adjournment; it ends once the meeting has resumed.
      if (meeting.status === 'adjourned') return { error: refused('The meeting is adjourned: resume it before ending the speech.', 'meetingId') };
      const time = timeOf(given, meeting, ctx);
      if (isError(time)) return { error: time };
      const from = speaking.periods[speaking.periods.length - 1].from;
      if (time < from) return { error: refused('A speech cannot end before it began.', 'time') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'speech.ended', payload: { meetingId, speechId: speaking.id, time } }] };
    }),

  'speech.extend': (view, { meetingId, seconds, reason, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      const speaking = currentSpeech(meeting);
      if (!speaking) return { error: refused('Nobody is speaking, so there is no speech to give more time to.', 'meetingId') };
      if (speaking.limitSeconds <= 0) return { error: refused('This speech has no time limit.', 'seconds') };
      const time = timeOf(given, meeting, ctx);
      if (isError(time)) return { error: time };
      if (time < speaking.periods[0].from) return { error: refused('More time cannot be given before the speech began.', 'time') };
      return { events: [{ stream: streams.meeting(meetingId), type: 'speech.extended', payload: { meetingId, speechId: speaking.id, seconds, reason, time } }] };
    }),

  'ruling.record': (view, { meetingId, wording: text }, ctx) =>
    withMeeting(view, meetingId, (meeting) => {
      const notSitting = sittingOnItem(meeting);
      if (notSitting) return { error: notSitting };
      const rulingId = ctx.newId();
      return { ids: { rulingId }, events: [{ stream: streams.meeting(meetingId), type: 'ruling.recorded', payload: { meetingId, rulingId, itemId: meeting.currentItemId!, text } }] };
    }),
};

/**
 * What the usual standing orders say against this speech, if anything (the chairman may allow it
 * with a reason): one speech each on a motion; the mover's role and the reply are the mover's; the
 * seconder's role is the seconder's.
 */
const speechRule = (role: SpeechRole, memberId: string | undefined, motion: Motion | undefined, nameOf: () => string): ChamberError | undefined => {
  if (!memberId || INTERRUPTING_ROLES.includes(role) || role === 'officer_advice') return undefined;
  if (!motion) return role === 'other' ? undefined : refused(`No motion is before the meeting, so ${nameOf()} cannot speak as its ${roleWords(role)}.`, 'role');
  if ((role === 'mover' || role === 'right_of_reply' || role === 'amendment_mover') && motion.moverId !== memberId) {
    return refused(`${nameOf()} did not move the ${KIND_WORDS[motion.kind]} before the meeting.`, 'role');
  }
  if (role === 'amendment_mover' && motion.kind !== 'amendment') return refused('The motion before the meeting is not an amendment.', 'role');
  if (role === 'seconder' && motion.seconderId !== memberId) return refused(`${nameOf()} did not second the ${KIND_WORDS[motion.kind]} before the meeting.`, 'role');
  if (role === 'right_of_reply' && motion.kind !== 'substantive') {
    return refused(`Only the mover of the motion has a right of reply, not the mover of ${motion.kind === 'amendment' ? 'an amendment' : 'a procedural motion'}.`, 'role');
  }
  if (role === 'right_of_reply' && motion.replied) {
    return refused('The mover has already replied on this motion.', 'role');
  }
  if (role !== 'right_of_reply' && spokenOn(motion).has(memberId)) {
    return refused(`${nameOf()} has already spoken on this motion; the standing orders allow one speech (the chairman may allow another, with a reason).`, 'memberId');
  }
  return undefined;
};

const roleWords = (role: SpeechRole): string => role.replace(/_/g, ' ');
