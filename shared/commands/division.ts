// Commands of a division: the electronic vote on the motion before the meeting. The chairman
// calls it (the bell rings, unless the standing orders let the chairman skip it), the voting
// window opens by itself when the bell ends and closes by itself when its time is up (the core
// closes it, even with no screen open); the chairman may extend it once, and pause it (a power
// cut); members vote for, against or abstain, and may change their vote while it is open.
import { z } from 'zod';
import { Id, Line, orMissing } from '../values';
import { GivenTime } from './live';

const time = GivenTime.optional().describe('When it happened: "HH:MM" local time on the sitting day, or an ISO instant; default now.');

export const VoteChoice = z.enum(['for', 'against', 'abstain'], { error: orMissing('must be for, against or abstain') });
export type VoteChoice = z.infer<typeof VoteChoice>;

export const CastingChoice = z.enum(['for', 'against'], { error: orMissing('must be for or against') });
export type CastingChoice = z.infer<typeof CastingChoice>;

/** Who entered a vote: the clerk at the desk, or the member on their own device (through the members' voting route on the chamber network, never from a clerk's command). */
export const VoteEnteredBy = z.enum(['clerk', 'member']);
export type VoteEnteredBy = z.infer<typeof VoteEnteredBy>;

export const callDivision = z
  .strictObject({
    type: z.literal('division.call'),
    meetingId: Id,
    motionId: Id.describe('The motion put to the vote: the one before the meeting.'),
    skipBell: z.boolean({ error: orMissing('must be true or false') }).optional().describe('The chairman skips the division bell (only where the standing orders allow it): the vote opens at once.'),
    specialMajority: Line(120)
      .optional()
      .describe('The name of the standing orders\' special majority this decision needs (e.g. "Suspension of standing orders"); a simple majority of those voting when left out.'),
    budget: z.boolean({ error: orMissing('must be true or false') }).optional().describe('A budget decision: the law requires the names of those voting each way to be recorded.'),
    recordedVoteRequestedBy: z
      .array(Id, { error: orMissing('must be a list of member ids') })
      .max(200, { error: 'must list at most 200 members' })
      .optional()
      .describe('The members who asked for a recorded (named) vote, where the standing orders let members ask.'),
    time,
  })
  .describe('The chairman calls a division on the motion before the meeting: the bell rings for the standing orders\' bell length, then the voting window opens by itself.');

export const extendDivision = z
  .strictObject({
    type: z.literal('division.extend'),
    meetingId: Id,
    seconds: z
      .int({ error: orMissing('must be a whole number of seconds from 1 to 300') })
      .min(1, { error: 'must be a whole number of seconds from 1 to 300' })
      .max(300, { error: 'must be a whole number of seconds from 1 to 300' })
      .describe('The time added to the voting window, in seconds (1 to 300).'),
    reason: Line(300).describe('The chairman\'s reason, for the minutes: e.g. "A member\'s console did not respond".'),
    time,
  })
  .describe('The chairman gives the division open more time to vote, once only, with the reason recorded.');

export const endBell = z
  .strictObject({ type: z.literal('division.endBell'), meetingId: Id, time })
  .describe('The chairman ends the division bell early, satisfied that every member is here (only where the standing orders let the chairman skip it): the voting opens now.');

export const pauseDivision = z
  .strictObject({
    type: z.literal('division.pause'),
    meetingId: Id,
    reason: Line(300).describe('Why the vote stopped: e.g. "Power cut in the chamber".'),
    time,
  })
  .describe('Stop the voting in the division open (a power cut): no vote is taken while it is paused, and its closing moves later by the time paused.');

export const resumeDivision = z
  .strictObject({
    type: z.literal('division.resume'),
    meetingId: Id,
    reason: Line(300).describe('e.g. "Power restored".'),
    time,
  })
  .describe('Start the voting again in the paused division; it closes later by the time it was paused.');

export const castVote = z
  .strictObject({
    type: z.literal('vote.cast'),
    meetingId: Id,
    divisionId: Id,
    memberId: Id.describe('The member voting.'),
    choice: VoteChoice,
    source: z.literal('clerk', { error: orMissing('must be clerk') }).optional().describe('Who enters the vote: the clerk (the default). A member\'s own device votes through the chamber network\'s members\' route, never with this command.'),
    time,
  })
  .describe("Record a member's vote in the division open: for, against or abstain. A member may change their vote while the window is open; the last counts.");

export const closeDivision = z
  .strictObject({ type: z.literal('division.close'), meetingId: Id, divisionId: Id, time })
  .describe('Close the division and declare the result: when its time is up (Chamber does this by itself), or earlier once every member who may vote has voted.');

export const giveCastingVote = z
  .strictObject({ type: z.literal('division.castingVote'), meetingId: Id, divisionId: Id, choice: CastingChoice, time })
  .describe("After an equality of votes, the chairman's second or casting vote, where the standing orders give one: it decides the motion.");

export const CorrectedChoice = z.enum(['for', 'against', 'abstain', 'none'], { error: orMissing('must be for, against, abstain or none') });
export type CorrectedChoice = z.infer<typeof CorrectedChoice>;

export const correctVote = z
  .strictObject({
    type: z.literal('vote.correct'),
    meetingId: Id,
    divisionId: Id,
    memberId: Id.describe('The member whose vote is corrected.'),
    choice: CorrectedChoice.describe('The vote as it should stand: for, against, abstain, or none (no vote).'),
    reason: Line(300).describe('Why, for the record: e.g. "Cllr Smith\'s console failed; she voted against by show of hand".'),
  })
  .describe("After a division has closed, the clerk corrects a member's vote (a console failed). The original stays in the division's record with the reason; a correction that would change the declared result is refused.");

export const recordOwnVote = z
  .strictObject({ type: z.literal('vote.recordOwn'), meetingId: Id, divisionId: Id, memberId: Id, time })
  .describe('A member asks for their own vote in a division to be recorded in the minutes.');

export const divisionCommands = [callDivision, endBell, extendDivision, pauseDivision, resumeDivision, castVote, closeDivision, giveCastingVote, correctVote, recordOwnVote] as const;
