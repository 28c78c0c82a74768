// Facts of a division. Instants are stored; what a clock shows (the bell, the time left to vote)
// is derived from them (shared/procedure/division.ts). A vote changed is a new vote.recorded.
import { z } from 'zod';
import { CastingChoice, CorrectedChoice, VoteChoice, VoteEnteredBy } from '../commands/division';
import { SpecialMajority } from '../procedure/standingOrders';
import { Id, Instant } from '../values';

const m = { meetingId: Id };

/** An organisation's one vote, where the standing orders have organisations vote as one (shared/procedure/organisationVotes.ts). */
export const OrganisationVoteRecord = z.strictObject({
  organisation: z.string(),
  choice: VoteChoice.nullable(),
  representatives: z.array(Id),
  disagreed: z.boolean(),
});

export const DivisionResult = z.enum(['carried', 'lost', 'tied_no_casting_vote']);

export const divisionEventSchemas = {
  'division.called': z.strictObject({
    ...m,
    divisionId: Id,
    motionId: Id,
    itemId: Id,
    calledAt: Instant,
    /** calledAt plus the bell's length, or calledAt when the chairman skipped the bell. */
    bellEndsAt: Instant,
    bellSkipped: z.boolean(),
    windowSeconds: z.int(),
    /** The members who might vote when the division was called. */
    attendanceAtBell: z.array(Id),
    /** The special majority the decision needs, as the standing orders named it when called; a simple majority when absent. */
    majority: SpecialMajority.optional(),
    /** Why the names go in the minutes: every vote is recorded, a budget decision, or members asked. */
    recorded: z.enum(['always', 'budget', 'requested']).optional(),
    budget: z.boolean().optional(),
    recordedVoteRequestedBy: z.array(Id).optional(),
  }),
  /** The chairman ended the bell early: the voting opened at `time`. */
  'division.bellEnded': z.strictObject({ ...m, divisionId: Id, time: Instant }),
  'division.extended': z.strictObject({ ...m, divisionId: Id, seconds: z.int(), reason: z.string(), time: Instant }),
  'division.paused': z.strictObject({ ...m, divisionId: Id, reason: z.string(), time: Instant }),
  'division.resumed': z.strictObject({ ...m, divisionId: Id, reason: z.string(), time: Instant }),
  'vote.recorded': z.strictObject({ ...m, divisionId: Id, memberId: Id, choice: VoteChoice, enteredBy: VoteEnteredBy, time: Instant }),
  'division.closed': z.strictObject({
    ...m,
    divisionId: Id,
    closedAt: Instant,
    tally: z.strictObject({ for: z.int(), against: z.int(), abstain: z.int(), notVoted: z.int() }),
    result: DivisionResult,
    /** The members who might vote when it closed. */
    attendanceAtClose: z.array(Id),
    /** For a special majority: those present (as the quorum counts them) and the whole membership, when it closed. */
    bases: z.strictObject({ present: z.int(), membership: z.int() }).optional(),
    /** Where organisations vote as one: each organisation's vote (the tally counts it once). */
    organisations: z.array(OrganisationVoteRecord).optional(),
  }),
  'division.castingVoteGiven': z.strictObject({ ...m, divisionId: Id, choice: CastingChoice, time: Instant }),
  /** The clerk corrected a vote after the close: what it was (none when the member had not voted), what it is now, why. */
  'vote.corrected': z.strictObject({
    ...m,
    divisionId: Id,
    memberId: Id,
    from: CorrectedChoice,
    to: CorrectedChoice,
    reason: z.string(),
    time: Instant,
    /** Where organisations vote as one: the counts and the organisations' votes after the correction (one member's vote need not move a count). */
    byOrganisation: z
      .strictObject({ counts: z.strictObject({ for: z.int(), against: z.int(), abstain: z.int() }), organisations: z.array(OrganisationVoteRecord) })
      .optional(),
  }),
  'vote.ownRecordAsked': z.strictObject({ ...m, divisionId: Id, memberId: Id, time: Instant }),
} as const;
