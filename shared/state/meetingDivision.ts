// Divisions as recorded. Each division is one small entry of the `divisions` list (its instants,
// the extension, the pauses, the result); each member's vote in it is one entry of the `votes`
// record, keyed `${divisionId}:${memberId}`, so a vote writes and pushes one small part and the
// head, never the day's votes. Clocks are stored instants: see shared/procedure/division.ts.
import type { CastingChoice, CorrectedChoice, VoteChoice, VoteEnteredBy } from '../commands/division';
import type { OrganisationVote } from '../procedure/organisationVotes';
import type { SpecialMajority } from '../procedure/standingOrders';
import type { RecordedEvent } from '../events';
import { add, head, put, remove, type Change } from './parts';

export interface DivisionPause {
  from: string;
  to?: string;
  reason: string;
  resumeReason?: string;
}

export interface DivisionTally {
  for: number;
  against: number;
  abstain: number;
  /** Members who might vote when it closed and did not. */
  notVoted: number;
}

export interface Division {
  id: string;
  motionId: string;
  itemId: string;
  calledAt: string;
  /** When the bell stops and the voting window opens (calledAt when the bell was skipped). */
  bellEndsAt: string;
  bellSkipped: boolean;
  /** When the bell was to stop, where the chairman ended it early (bellEndsAt is then when it did). */
  bellScheduledEnd?: string;
  /** The standing orders' voting window when it was called, in seconds. */
  windowSeconds: number;
  attendanceAtBell: string[];
  /** More time, given once by the chairman. */
  extension?: { seconds: number; reason: string; at: string };
  /** Spells when voting stopped (a power cut); the last may still be open. */
  pauses: DivisionPause[];
  closedAt?: string;
  tally?: DivisionTally;
  result?: 'carried' | 'lost' | 'tied_no_casting_vote';
  attendanceAtClose?: string[];
  /** For a special majority: those present and the whole membership when it closed. */
  bases?: { present: number; membership: number };
  /** Where organisations vote as one: each organisation's vote at the close, as corrected since. */
  organisations?: OrganisationVote[];
  /** The chairman's casting vote after an equality. */
  castingVote?: { choice: CastingChoice; at: string };
  /** The special majority the decision needed; a simple majority of those voting when absent. */
  majority?: SpecialMajority;
  /** Why the names go in the minutes: every vote is recorded, a budget decision, members asked. */
  recorded?: 'always' | 'budget' | 'requested';
  budget?: boolean;
  recordedVoteRequestedBy?: string[];
  /** Members who asked for their own vote to be recorded. */
  ownVotesRecorded?: string[];
  /** Votes corrected by the clerk after the close, in order: the original stays here. The tally is the corrected one. */
  corrections?: VoteCorrection[];
}

export interface VoteCorrection {
  memberId: string;
  from: CorrectedChoice;
  to: CorrectedChoice;
  reason: string;
  at: string;
}

export interface Vote {
  divisionId: string;
  memberId: string;
  choice: VoteChoice;
  /** When the vote counted (the last change). */
  at: string;
  enteredBy: VoteEnteredBy;
  /** How many times the member changed their vote. */
  changes: number;
  /** Set when the clerk corrected it after the close: what it was, and why. */
  corrected?: { from: CorrectedChoice; reason: string; at: string };
}

export interface MeetingDivision {
  divisions: Division[];
  /**
   * Votes by division, then member: a part per member per division, stored under the key
   * `${divisionId}:${memberId}` (a grouped record: see shared/state/parts.ts). Read with voteOf.
   */
  votes: Record<string, Record<string, Vote>>;
  /** The division being taken, if any: one at a time. */
  openDivisionId?: string;
}

export const voteKey = (divisionId: string, memberId: string): string => `${divisionId}:${memberId}`;

/** A member's vote in a division, if they have voted. */
export const voteOf = (state: Pick<MeetingDivision, 'votes'>, divisionId: string, memberId: string): Vote | undefined => state.votes[divisionId]?.[memberId];

/** The changes a division event makes; undefined when the event is not one of divisions. */
export const divisionChanges = (state: MeetingDivision, event: RecordedEvent): Change[] | undefined => {
  const division = (id: string) => state.divisions.findLast((d) => d.id === id);
  switch (event.type) {
    case 'division.called': {
      const { meetingId: _m, divisionId, ...rest } = event.payload;
      const entry: Division = { id: divisionId, ...rest, pauses: [] };
      return [add('divisions', divisionId, entry), head({ openDivisionId: divisionId })];
    }
    case 'division.bellEnded': {
      const { divisionId, time } = event.payload;
      const before = division(divisionId);
      return before ? [put('divisions', divisionId, { ...before, bellEndsAt: time, bellScheduledEnd: before.bellEndsAt })] : [];
    }
    case 'division.extended': {
      const { divisionId, seconds, reason, time } = event.payload;
      const before = division(divisionId);
      return before ? [put('divisions', divisionId, { ...before, extension: { seconds, reason, at: time } })] : [];
    }
    case 'division.paused': {
      const { divisionId, reason, time } = event.payload;
      const before = division(divisionId);
      return before ? [put('divisions', divisionId, { ...before, pauses: [...before.pauses, { from: time, reason }] })] : [];
    }
    case 'division.resumed': {
      const { divisionId, reason, time } = event.payload;
      const before = division(divisionId);
      if (!before) return [];
      const pauses = before.pauses.map((p, i) => (i === before.pauses.length - 1 && p.to === undefined ? { ...p, to: time, resumeReason: reason } : p));
      return [put('divisions', divisionId, { ...before, pauses })];
    }
    case 'vote.recorded': {
      const { divisionId, memberId, choice, enteredBy, time } = event.payload;
      const key = voteKey(divisionId, memberId);
      const before = voteOf(state, divisionId, memberId);
      const vote: Vote = { divisionId, memberId, choice, at: time, enteredBy, changes: before ? before.changes + 1 : 0 };
      return [put('votes', key, vote)];
    }
    case 'division.closed': {
      const { divisionId, closedAt, tally, result, attendanceAtClose, bases, organisations } = event.payload;
      const before = division(divisionId);
      if (!before) return [];
      return [put('divisions', divisionId, { ...before, closedAt, tally, result, attendanceAtClose, ...(bases ? { bases } : {}), ...(organisations ? { organisations } : {}) }), ...(state.openDivisionId === divisionId ? [head({ openDivisionId: null })] : [])];
    }
    case 'vote.corrected': {
      const { divisionId, memberId, from, to, reason, time, byOrganisation } = event.payload;
      const before = division(divisionId);
      if (!before) return [];
      const key = voteKey(divisionId, memberId);
      const old = voteOf(state, divisionId, memberId);
      const tally = before.tally ? { ...before.tally } : undefined;
      // notVoted counts those who might have voted at the close and did not.
      const mightHaveVoted = before.attendanceAtClose?.includes(memberId) ?? false;
      if (tally) {
        if (from !== 'none') tally[from] -= 1;
        else if (mightHaveVoted) tally.notVoted -= 1;
        if (to !== 'none') tally[to] += 1;
        else if (mightHaveVoted) tally.notVoted += 1;
        // Organisations voting as one: the counts are the organisations', as the correction recorded them.
        if (byOrganisation) Object.assign(tally, byOrganisation.counts);
      }
      const corrections = [...(before.corrections ?? []), { memberId, from, to, reason, at: time }];
      const voteChange: Change =
        to === 'none'
          ? remove('votes', key)
          : put('votes', key, { divisionId, memberId, choice: to, at: old?.at ?? time, enteredBy: 'clerk', changes: old ? old.changes + 1 : 0, corrected: { from, reason, at: time } } satisfies Vote);
      return [put('divisions', divisionId, { ...before, corrections, ...(tally ? { tally } : {}), ...(byOrganisation ? { organisations: byOrganisation.organisations } : {}) }), voteChange];
    }
    case 'vote.ownRecordAsked': {
      const { divisionId, memberId } = event.payload;
      const before = division(divisionId);
      if (!before || before.ownVotesRecorded?.includes(memberId)) return [];
      return [put('divisions', divisionId, { ...before, ownVotesRecorded: [...(before.ownVotesRecorded ?? []), memberId] })];
    }
    case 'division.castingVoteGiven': {
      const { divisionId, choice, time } = event.payload;
      const before = division(divisionId);
      if (!before) return [];
      return [put('divisions', divisionId, { ...before, castingVote: { choice, at: time }, result: choice === 'for' ? 'carried' : 'lost' })];
    }
    default:
      return undefined;
  }
};
