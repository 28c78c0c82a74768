// Decisions of a division: when one may be called, when a vote counts, when it may close, how a
// vote is corrected after it. Each refusal names what is wrong in the clerk's words and records
// nothing in the log (a refused request from a member's device is written to the audit table:
// electron/core/memberDevices.ts). A division that closes with a result resolves its motion
// (motion.resolved, how 'division').
import { notFound, refused, type ChamberError } from '../../../shared/errors';
import type { VoteEnteredBy } from '../../../shared/commands/division';
import { streams, type NewEvent } from '../../../shared/events';
import { motionBeingDebated } from '../../../shared/procedure/debate';
import { closesAtMs, divisionPhase, divisionVotes, eligibleMembers, eligibleToVote, lastVoteMs, notYetVoted, openDivision } from '../../../shared/procedure/division';
import { meetingQuorum, wholeMembership } from '../../../shared/procedure/attendance';
import { countByOrganisation, votingUnits, type OrganisationVote } from '../../../shared/procedure/organisationVotes';
import { tallyCounts, type Majority, type VoteChoice } from '../../../shared/procedure/tally';
import { memberDisplayNames } from '../../../shared/state/body';
import type { BodyState } from '../../../shared/state/body';
import type { MeetingState } from '../../../shared/state/meeting';
import type { Division } from '../../../shared/state/meetingDivision';
import { voteOf } from '../../../shared/state/meetingDivision';
import { clockTimeWithSeconds } from '../../../shared/time';
import { isError, timeOf } from './live';
import { withBodyOf, withMeeting } from './lookups';
import type { Decision, HandlerContext, Handlers } from './types';

const KIND_WORDS = { substantive: 'motion', amendment: 'amendment', procedural: 'procedural motion' } as const;
const CHOICE_WORDS = { for: 'for', against: 'against', abstain: 'to abstain', none: 'not at all' } as const;

/** The meeting must be sitting (not adjourned) with an item being taken. */
const sitting = (meeting: MeetingState): ChamberError | undefined => {
  if (meeting.status === 'adjourned') return refused('The meeting is adjourned: resume it first.', 'meetingId');
  if (meeting.status !== 'in_progress') return refused('The meeting is not in progress.', 'meetingId');
  if (!meeting.currentItemId) return refused('No item is being taken: take up the item first.', 'meetingId');
  return undefined;
};

const withOpenDivision = (meeting: MeetingState, decide: (division: Division) => Decision): Decision => {
  const division = openDivision(meeting);
  return division ? decide(division) : { error: refused('No division is being taken.', 'meetingId') };
};

const withDivision = (meeting: MeetingState, divisionId: string, decide: (division: Division) => Decision): Decision => {
  const division = meeting.divisions.findLast((d) => d.id === divisionId);
  return division ? decide(division) : { error: notFound('That division is not on the record of this meeting.', 'divisionId', divisionId) };
};

const at = (instantMs: number, ctx: HandlerContext): string => clockTimeWithSeconds(new Date(instantMs), ctx.timeZone);

/** The majority the division needs: the special majority named when it was called, else a simple one. */
const majorityOf = (division: Division): Majority => (division.majority ? { kind: 'special', fraction: division.majority.fraction, of: division.majority.of } : 'simple');

/**
 * How a division's votes count: one a member, or, where organisations vote as one, one an
 * organisation (with each organisation's vote). `present` is the base of a majority of the members
 * present: as the quorum counts them, or the voting units among those who might vote.
 */
const counted = (body: BodyState, votes: Readonly<Record<string, VoteChoice>>, mightVote: readonly string[], quorumPresent: number) => {
  const rule = body.standingOrders.organisationVotes;
  if (!rule) {
    const counts = { for: 0, against: 0, abstain: 0 };
    for (const choice of Object.values(votes)) counts[choice] += 1;
    return { counts, present: quorumPresent, organisations: undefined };
  }
  const { counts, organisations } = countByOrganisation(votes, body.members, rule);
  return { counts, present: votingUnits(mightVote, body.members, rule), organisations };
};

/** The events that close a division at `closedAt`: the result, and the motion resolved when there is one. `votes` defaults to those recorded. */
const closing = (meeting: MeetingState, body: BodyState, division: Division, closedAt: string, votes = divisionVotes(meeting, division.id)): NewEvent[] => {
  const attendanceAtClose = eligibleMembers(meeting, body, division.itemId);
  const { counts, present, organisations } = counted(body, votes, attendanceAtClose, meetingQuorum(meeting, body).counted);
  const bases = { present, membership: wholeMembership(body) };
  const simpleOf = body.standingOrders.simpleMajorityOf ?? 'voting';
  const tally = tallyCounts(counts, { castingVote: body.standingOrders.castingVote, majority: majorityOf(division), simpleOf, ...bases });
  const notVoted = attendanceAtClose.filter((id) => !votes[id]).length;
  const meetingId = meeting.id;
  const events: NewEvent[] = [
    {
      stream: streams.meeting(meetingId),
      type: 'division.closed',
      payload: {
        meetingId,
        divisionId: division.id,
        closedAt,
        tally: { for: tally.for, against: tally.against, abstain: tally.abstain, notVoted },
        result: tally.result,
        attendanceAtClose,
        ...(division.majority || simpleOf === 'present' ? { bases } : {}),
        ...(organisations ? { organisations } : {}),
      },
    },
  ];
  if (tally.result !== 'tied_no_casting_vote') events.push(...resolving(meeting, division, tally.result, tally, closedAt));
  return events;
};

const resolving = (meeting: MeetingState, division: Division, outcome: 'carried' | 'lost', counts: { for: number; against: number; abstain: number }, time: string): NewEvent[] => {
  const motion = meeting.motions.findLast((m) => m.id === division.motionId);
  if (!motion || motion.status !== 'open') return [];
  return [
    {
      stream: streams.meeting(meeting.id),
      type: 'motion.resolved',
      payload: { meetingId: meeting.id, motionId: motion.id, outcome, how: 'division', for: counts.for, against: counts.against, abstained: counts.abstain, divisionId: division.id, time },
    },
  ];
};

export const divisionHandlers: Handlers<
  'division.call' | 'division.endBell' | 'division.extend' | 'division.pause' | 'division.resume' | 'vote.cast' | 'division.close' | 'division.castingVote' | 'vote.correct' | 'vote.recordOwn'
> = {
  'division.call': (view, command, ctx) =>
    withMeeting(view, command.meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) => {
        const { meetingId, motionId, skipBell, time: given } = command;
        const notSitting = sitting(meeting);
        if (notSitting) return { error: notSitting };
        const motion = meeting.motions.findLast((m) => m.id === motionId);
        if (!motion) return { error: notFound('That motion is not on the record of this meeting.', 'motionId', motionId) };
        if (motion.status !== 'open') return { error: refused(`That motion has already been ${motion.status}.`, 'motionId') };
        if (openDivision(meeting)) return { error: refused('A division is already being taken: close it first.', 'motionId') };
        const before = motionBeingDebated(meeting, meeting.currentItemId!);
        if (motion.itemId !== meeting.currentItemId || !before) return { error: refused('A division can be called only on the motion before the meeting, on the item being taken.', 'motionId') };
        if (before.id !== motionId) return { error: refused(`The ${KIND_WORDS[before.kind]} before the meeting must be put first.`, 'motionId') };
        if (!motion.seconderId) return { error: refused(`The ${KIND_WORDS[motion.kind]} has not been seconded, so it cannot be put.`, 'motionId') };
        if (meeting.currentSpeechId) return { error: refused('A member is still speaking: end the speech before the question is put.', 'motionId') };
        const bell = body.standingOrders.divisionBell;
        if (skipBell && !bell.chairmanMaySkip) return { error: refused('These standing orders do not let the chairman skip the division bell.', 'skipBell') };
        const named = command.specialMajority?.trim().toLowerCase();
        const majority = named === undefined ? undefined : body.standingOrders.specialMajorities.find((r) => r.name.trim().toLowerCase() === named);
        if (named !== undefined && !majority) {
          const known = body.standingOrders.specialMajorities.map((r) => `"${r.name}"`);
          return { error: refused(`These standing orders have no special majority called "${command.specialMajority}"${known.length ? `: they have ${known.join(', ')}` : ': they name none'}.`, 'specialMajority') };
        }
        const requestedBy = [...new Set(command.recordedVoteRequestedBy ?? [])];
        const rule = body.standingOrders.recordedVote;
        if (requestedBy.length > 0) {
          if (rule.onRequestOf === null) return { error: refused('These standing orders do not let members ask for a recorded vote.', 'recordedVoteRequestedBy') };
          const names = memberDisplayNames(body.members);
          const stranger = requestedBy.find((id) => !body.members.some((m) => m.id === id && m.active));
          if (stranger) return { error: notFound('A member who asked for a recorded vote is not a member of this body.', 'recordedVoteRequestedBy', stranger) };
          const away = requestedBy.find((id) => eligibleToVote(meeting, body, id, motion.itemId) !== undefined);
          if (away) return { error: refused(`${names[away] ?? 'A member'} may not vote on this item, so cannot ask for a recorded vote.`, 'recordedVoteRequestedBy') };
          if (requestedBy.length < rule.onRequestOf) {
            return { error: refused(`A recorded vote needs ${rule.onRequestOf} members to ask for it; ${requestedBy.length === 1 ? '1 has' : `${requestedBy.length} have`}.`, 'recordedVoteRequestedBy') };
          }
        }
        const recorded = rule.always ? 'always' : command.budget && rule.forBudget ? 'budget' : requestedBy.length > 0 ? 'requested' : undefined;
        const calledAt = timeOf(given, meeting, ctx);
        if (isError(calledAt)) return { error: calledAt };
        const skipped = skipBell === true || bell.seconds === 0;
        const bellEndsAt = skipped ? calledAt : new Date(Date.parse(calledAt) + bell.seconds * 1000).toISOString();
        const divisionId = ctx.newId();
        return {
          ids: { divisionId },
          events: [
            {
              stream: streams.meeting(meetingId),
              type: 'division.called',
              payload: {
                meetingId,
                divisionId,
                motionId,
                itemId: motion.itemId,
                calledAt,
                bellEndsAt,
                bellSkipped: skipped,
                windowSeconds: body.standingOrders.votingWindowSeconds,
                attendanceAtBell: eligibleMembers(meeting, body, motion.itemId),
                ...(majority ? { majority: { name: majority.name, fraction: majority.fraction, of: majority.of } } : {}),
                ...(recorded ? { recorded } : {}),
                ...(command.budget ? { budget: true } : {}),
                ...(requestedBy.length ? { recordedVoteRequestedBy: requestedBy } : {}),
              },
            },
          ],
        };
      }),
    ),

  'division.endBell': (view, { meetingId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) =>
        withOpenDivision(meeting, (division) => {
          if (!body.standingOrders.divisionBell.chairmanMaySkip) return { error: refused('These standing orders do not let the chairman end the division bell early.', 'meetingId') };
          const time = timeOf(given, meeting, ctx);
          if (isError(time)) return { error: time };
          if (time < division.calledAt) return { error: refused('The bell cannot end before the division was called.', 'time') };
          if (divisionPhase(division, Date.parse(time)) !== 'bell') return { error: refused(`The bell stopped at ${at(Date.parse(division.bellEndsAt), ctx)}: the voting is already open.`, 'time') };
          return { events: [{ stream: streams.meeting(meetingId), type: 'division.bellEnded', payload: { meetingId, divisionId: division.id, time } }] };
        }),
      ),
    ),

  'division.extend': (view, { meetingId, seconds, reason, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withOpenDivision(meeting, (division) => {
        if (division.extension) return { error: refused('This division has already been extended once; it cannot be extended again.', 'seconds') };
        const time = timeOf(given, meeting, ctx);
        if (isError(time)) return { error: time };
        if (time < division.calledAt) return { error: refused('The division cannot be extended before it was called.', 'time') };
        const closes = closesAtMs(division, Date.parse(time));
        if (Date.parse(time) >= closes) return { error: refused(`The voting closed at ${at(closes, ctx)}; it can no longer be extended.`, 'time') };
        return { events: [{ stream: streams.meeting(meetingId), type: 'division.extended', payload: { meetingId, divisionId: division.id, seconds, reason, time } }] };
      }),
    ),

  'division.pause': (view, { meetingId, reason, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withOpenDivision(meeting, (division) => {
        const time = timeOf(given, meeting, ctx);
        if (isError(time)) return { error: time };
        const phase = divisionPhase(division, Date.parse(time));
        if (phase === 'paused') return { error: refused('The division is already paused.', 'meetingId') };
        if (phase === 'bell') return { error: refused('The bell is still ringing: voting has not begun, so there is nothing to pause.', 'time') };
        if (phase === 'closed') return { error: refused(`The voting closed at ${at(closesAtMs(division), ctx)}; it can no longer be paused.`, 'time') };
        const last = division.pauses[division.pauses.length - 1];
        if (last?.to && time < last.to) return { error: refused('The division cannot be paused before it was last resumed.', 'time') };
        const lastVote = lastVoteMs(meeting, division.id);
        if (lastVote !== undefined && Date.parse(time) < lastVote) return { error: refused(`A vote was recorded at ${at(lastVote, ctx)}; the pause cannot be earlier than the last vote.`, 'time') };
        return { events: [{ stream: streams.meeting(meetingId), type: 'division.paused', payload: { meetingId, divisionId: division.id, reason, time } }] };
      }),
    ),

  'division.resume': (view, { meetingId, reason, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withOpenDivision(meeting, (division) => {
        const last = division.pauses[division.pauses.length - 1];
        if (!last || last.to !== undefined) return { error: refused('The division is not paused.', 'meetingId') };
        if (meeting.status === 'adjourned') return { error: refused('The meeting is adjourned: resume it before resuming the division.', 'meetingId') };
        const time = timeOf(given, meeting, ctx);
        if (isError(time)) return { error: time };
        if (time < last.from) return { error: refused('The division cannot resume before it was paused.', 'time') };
        return { events: [{ stream: streams.meeting(meetingId), type: 'division.resumed', payload: { meetingId, divisionId: division.id, reason, time } }] };
      }),
    ),

  'vote.cast': (view, command, ctx) =>
    withMeeting(view, command.meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) =>
        withDivision(meeting, command.divisionId, (division) => {
          const { meetingId, divisionId, memberId, choice } = command;
          // A clerk's command says 'clerk' or nothing; 'member' comes only through dispatcher.dispatchAsMember.
          const enteredBy: VoteEnteredBy = (command as { source?: VoteEnteredBy }).source ?? 'clerk';
          const time = timeOf(command.time, meeting, ctx);
          if (isError(time)) return { error: time };
          const t = Date.parse(time);
          if (division.closedAt !== undefined) return { error: refused(`This division closed at ${at(Date.parse(division.closedAt), ctx)}; the vote was not counted.`, 'divisionId') };
          const phase = divisionPhase(division, t);
          if (phase === 'bell') return { error: refused(`The bell is still ringing: voting opens at ${at(Date.parse(division.bellEndsAt), ctx)}. The vote was not counted.`, 'time') };
          if (phase === 'paused') return { error: refused('The division is paused: no vote is taken until it resumes. The vote was not counted.', 'time') };
          if (phase === 'closed') return { error: refused(`The voting closed at ${at(closesAtMs(division, t), ctx)}; the vote was not counted.`, 'time') };
          const ineligible = eligibleToVote(meeting, body, memberId, division.itemId);
          if (ineligible) return { error: refused(`${ineligible} The vote was not counted.`, 'memberId') };
          const before = voteOf(meeting, divisionId, memberId);
          if (before && time < before.at) return { error: refused('A change of vote cannot be earlier than the vote it changes.', 'time') };
          if (before && before.choice === choice && before.enteredBy === enteredBy) return { events: [] };
          if (before && body.standingOrders.divisionResults.votesFinalOnceCast && before.choice !== choice) {
            const name = memberDisplayNames(body.members)[memberId] ?? 'The member';
            return { error: refused(`${name} voted ${CHOICE_WORDS[before.choice]} at ${at(Date.parse(before.at), ctx)}, and these standing orders make a vote final once cast. The change was not counted.`, 'choice') };
          }
          const recorded: NewEvent = { stream: streams.meeting(meetingId), type: 'vote.recorded', payload: { meetingId, divisionId, memberId, choice, enteredBy, time } };
          // Where the standing orders say so, the last vote closes the division there and then.
          if (body.standingOrders.divisionResults.closeWhenAllVoted && !before) {
            const waiting = notYetVoted(meeting, body, divisionId).filter((id) => id !== memberId);
            if (waiting.length === 0) return { events: [recorded, ...closing(meeting, body, division, time, { ...divisionVotes(meeting, divisionId), [memberId]: choice })] };
          }
          return { events: [recorded] };
        }),
      ),
    ),

  'division.close': (view, { meetingId, divisionId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) =>
        withDivision(meeting, divisionId, (division) => {
          if (division.closedAt !== undefined) return { error: refused(`This division closed at ${at(Date.parse(division.closedAt), ctx)}.`, 'divisionId') };
          const time = timeOf(given, meeting, ctx);
          if (isError(time)) return { error: time };
          const t = Date.parse(time);
          const phase = divisionPhase(division, t);
          if (phase === 'bell') return { error: refused(`The bell is still ringing: voting opens at ${at(Date.parse(division.bellEndsAt), ctx)}.`, 'time') };
          if (phase === 'paused') return { error: refused('The division is paused: resume it before closing it.', 'time') };
          const closes = closesAtMs(division, t);
          if (phase === 'voting') {
            const waiting = notYetVoted(meeting, body, divisionId).length;
            if (waiting > 0) {
              return { error: refused(`The voting is open until ${at(closes, ctx)} and ${waiting === 1 ? '1 member has' : `${waiting} members have`} not voted: it can close early only once every member who may vote has voted.`, 'time') };
            }
          }
          const lastVote = lastVoteMs(meeting, divisionId);
          if (phase === 'voting' && lastVote !== undefined && t < lastVote) return { error: refused(`A vote was recorded at ${at(lastVote, ctx)}; the division cannot close before it.`, 'time') };
          // Closed late (the core was down, or the clerk closes it afterwards): the window closed at its time.
          const closedAt = phase === 'closed' ? new Date(closes).toISOString() : time;
          return { events: closing(meeting, body, division, closedAt) };
        }),
      ),
    ),

  'division.castingVote': (view, { meetingId, divisionId, choice, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) =>
        withDivision(meeting, divisionId, (division) => {
          if (!body.standingOrders.castingVote) return { error: refused('These standing orders give the chairman no casting vote: an equality of votes means the motion is lost.', 'choice') };
          if (division.closedAt === undefined) return { error: refused('The division is still open: the casting vote is given after it closes on an equality of votes.', 'divisionId') };
          if (division.castingVote) return { error: refused('The chairman has already given the casting vote in this division.', 'choice') };
          if (division.result !== 'tied_no_casting_vote') return { error: refused('The votes were not equal, so there is no casting vote to give.', 'choice') };
          const time = timeOf(given, meeting, ctx);
          if (isError(time)) return { error: time };
          if (time < division.closedAt) return { error: refused('The casting vote cannot be before the division closed.', 'time') };
          const outcome = choice === 'for' ? 'carried' : 'lost';
          const t = division.tally!;
          return {
            events: [
              { stream: streams.meeting(meetingId), type: 'division.castingVoteGiven', payload: { meetingId, divisionId, choice, time } },
              ...resolving(meeting, division, outcome, t, time),
            ],
          };
        }),
      ),
    ),

  'vote.correct': (view, { meetingId, divisionId, memberId, choice, reason }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) =>
        withDivision(meeting, divisionId, (division) => {
          if (division.closedAt === undefined || !division.tally) return { error: refused('The division is still open: a vote is changed by voting again, and corrected only after the close.', 'divisionId') };
          const names = memberDisplayNames(body.members);
          if (!names[memberId]) return { error: notFound('That member is not a member of this body.', 'memberId', memberId) };
          const before = voteOf(meeting, divisionId, memberId);
          const from = before?.choice ?? 'none';
          if (from === choice) return { error: refused(`${names[memberId]}'s vote already stands as ${choice === 'none' ? 'no vote' : CHOICE_WORDS[choice]}.`, 'choice') };
          if (from === 'none' && !(division.attendanceAtClose ?? []).includes(memberId) && !division.attendanceAtBell.includes(memberId)) {
            return { error: refused(`${names[memberId]} could not vote in this division (not eligible when it was called or closed), so no vote can be added for them.`, 'memberId') };
          }
          // The declared result stands: a correction that would change it is refused.
          let t = { ...division.tally };
          let byOrganisation: { counts: { for: number; against: number; abstain: number }; organisations: OrganisationVote[] } | undefined;
          const rule = body.standingOrders.organisationVotes;
          if (division.organisations && rule) {
            // Organisations vote as one: count them again with this vote corrected.
            const votes = divisionVotes(meeting, divisionId);
            if (choice === 'none') delete votes[memberId];
            else votes[memberId] = choice;
            byOrganisation = countByOrganisation(votes, body.members, rule);
            t = { ...t, ...byOrganisation.counts };
          } else {
            if (from !== 'none') t[from] -= 1;
            if (choice !== 'none') t[choice] += 1;
          }
          // A simple majority of the members present was reckoned on the number recorded at the close (bases).
          const simpleOf = !division.majority && division.bases ? (body.standingOrders.simpleMajorityOf ?? 'voting') : 'voting';
          const result = tallyCounts(t, { castingVote: body.standingOrders.castingVote, majority: majorityOf(division), simpleOf, ...division.bases, chairmanCasting: division.castingVote?.choice }).result;
          const declared = division.result === 'tied_no_casting_vote' && division.castingVote ? (division.castingVote.choice === 'for' ? 'carried' : 'lost') : division.result;
          if (result !== declared) {
            return { error: refused(`This correction would change the result declared at ${at(Date.parse(division.closedAt), ctx)}; a declared result is not changed by correcting a vote. Record what happened in the minutes instead.`, 'choice') };
          }
          return { events: [{ stream: streams.meeting(meetingId), type: 'vote.corrected', payload: { meetingId, divisionId, memberId, from, to: choice, reason, time: ctx.now, ...(byOrganisation ? { byOrganisation } : {}) } }] };
        }),
      ),
      { allowClosed: true },
    ),

  'vote.recordOwn': (view, { meetingId, divisionId, memberId, time: given }, ctx) =>
    withMeeting(view, meetingId, (meeting) =>
      withBodyOf(view, meeting, (body) =>
        withDivision(meeting, divisionId, (division) => {
          const names = memberDisplayNames(body.members);
          if (!names[memberId]) return { error: notFound('That member is not a member of this body.', 'memberId', memberId) };
          if (division.closedAt !== undefined && !voteOf(meeting, divisionId, memberId)) return { error: refused(`${names[memberId]} did not vote in this division, so there is no vote to record.`, 'memberId') };
          if (division.closedAt === undefined && eligibleToVote(meeting, body, memberId, division.itemId)) return { error: refused(`${eligibleToVote(meeting, body, memberId, division.itemId)}`, 'memberId') };
          if (division.ownVotesRecorded?.includes(memberId)) return { error: refused(`${names[memberId]}'s vote is already to be recorded.`, 'memberId') };
          const time = timeOf(given, meeting, ctx);
          if (isError(time)) return { error: time };
          return { events: [{ stream: streams.meeting(meetingId), type: 'vote.ownRecordAsked', payload: { meetingId, divisionId, memberId, time } }] };
        }),
      ),
    ),
};
