// Facts of a division. Instants are stored; what a clock shows (the bell, the time left to vote)
// is derived from them (shared/procedure/division.ts). A vote changed is a new vote.recorded.
import { z } from 'zod';
import { CastingChoice, VoteChoice, VoteEnteredBy } from '../commands/division';
import { Id, Instant } from '../values';

const m = { meetingId: Id };

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
  }),
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
  }),
  'division.castingVoteGiven': z.strictObject({ ...m, divisionId: Id, choice: CastingChoice, time: Instant }),
} as const;
