// Questions asked of a division: what phase it is in at a moment, how long the bell and the
// window have left, when it closes, who may vote and who has not, and the counts. Pure functions
// of the meeting, its body and the time now; every clock is derived from stored instants.
//
// Decisions:
// - The voting window is [bellEndsAt, closesAt): a vote at closesAt or later is late.
// - closesAt = bellEndsAt + window + extension + time paused. A pause still open counts up to
//   `nowMs` (given) and moves the closing later while it lasts.
// - Pausing is for the voting window; the bell, once rung, runs on.
import type { VoteChoice } from '../commands/division';
import type { BodyState } from '../state/body';
import { memberDisplayNames } from '../state/body';
import type { MeetingState } from '../state/meeting';
import type { Division, DivisionTally } from '../state/meetingDivision';
import { voteOf } from '../state/meetingDivision';
import { votingEligibility } from './attendance';
import { countByOrganisation } from './organisationVotes';

export type DivisionPhase = 'bell' | 'voting' | 'paused' | 'closed';

const ms = (instant: string): number => Date.parse(instant);

/** The division being taken, if any. */
export const openDivision = (meeting: Pick<MeetingState, 'divisions' | 'openDivisionId'>): Division | undefined =>
  meeting.openDivisionId ? meeting.divisions.findLast((d) => d.id === meeting.openDivisionId) : undefined;

/** The time voting has stood paused, in ms: closed pauses, and an open one up to nowMs (none if nowMs is not given). */
export const pausedMs = (division: Division, nowMs?: number): number =>
  division.pauses.reduce((sum, p) => sum + Math.max(0, (p.to ? ms(p.to) : (nowMs ?? ms(p.from))) - ms(p.from)), 0);

/** When the voting window closes, in ms since the epoch: the window, the extension and the time paused (an open pause up to nowMs) after the bell. */
export const closesAtMs = (division: Division, nowMs?: number): number =>
  ms(division.bellEndsAt) + (division.windowSeconds + (division.extension?.seconds ?? 0)) * 1000 + pausedMs(division, nowMs);

/** The pause open at this moment, if any. */
const pauseAt = (division: Division, nowMs: number) => division.pauses.find((p) => ms(p.from) <= nowMs && (p.to === undefined || nowMs < ms(p.to)));

/**
 * The division's phase at a moment: the bell ringing, voting, paused, or closed (declared closed,
 * or its window ended and not yet declared).
 */
export const divisionPhase = (division: Division, nowMs: number): DivisionPhase => {
  if (division.closedAt !== undefined && nowMs >= ms(division.closedAt)) return 'closed';
  if (nowMs < ms(division.bellEndsAt)) return 'bell';
  if (pauseAt(division, nowMs)) return 'paused';
  if (nowMs >= closesAtMs(division, nowMs)) return 'closed';
  return 'voting';
};

/** Time left on the bell, in ms (0 once it has stopped). */
export const bellLeftMs = (division: Division, nowMs: number): number => Math.max(0, ms(division.bellEndsAt) - nowMs);

/** Time left to vote, in ms: the whole window while the bell rings; it does not run down while paused; 0 once closed. */
export const windowLeftMs = (division: Division, nowMs: number): number => {
  if (division.closedAt !== undefined) return 0;
  const closes = closesAtMs(division, nowMs);
  return Math.max(0, closes - Math.max(nowMs, ms(division.bellEndsAt)));
};

const ELIGIBILITY_WORDS: Record<string, (name: string) => string> = {
  'a non-voting member': (name) => `${name} is not a voting member of this body.`,
  'not present': (name) => `${name} is not recorded as present.`,
  'attending virtually, which these standing orders do not allow for voting': (name) => `${name} is attending virtually, and these standing orders do not let members attending virtually vote.`,
  'withdrawn from this item after declaring an interest': (name) => `${name} has withdrawn from this item after declaring an interest.`,
  'replaced by a substitute at this meeting': (name) => `${name} has a substitute at this meeting, who votes in their place.`,
};

/**
 * May this member vote on this item now? Undefined if so; else the reason, in the clerk's words:
 * a voting member of the body (active), here (virtually only where the standing orders let members
 * attending virtually vote), not withdrawn from the item for a declared interest, not replaced by
 * a substitute.
 */
export const eligibleToVote = (meeting: MeetingState, body: BodyState, memberId: string, itemId: string): string | undefined => {
  const answer = votingEligibility(meeting, body, memberId, itemId);
  if (answer.eligible) return undefined;
  if (answer.reason === 'not a member of this body') return 'That member is not a member of this body.';
  const name = memberDisplayNames(body.members)[memberId] ?? 'That member';
  return (ELIGIBILITY_WORDS[answer.reason] ?? ((n: string) => `${n} may not vote: ${answer.reason}.`))(name);
};

/** The members who may vote on this item now, in the body's order. */
export const eligibleMembers = (meeting: MeetingState, body: BodyState, itemId: string): string[] =>
  body.members.filter((m) => m.active && votingEligibility(meeting, body, m.id, itemId).eligible).map((m) => m.id);

/** Members who may vote now and have not voted in this division, in the body's order. */
export const notYetVoted = (meeting: MeetingState, body: BodyState, divisionId: string): string[] => {
  const division = meeting.divisions.findLast((d) => d.id === divisionId);
  if (!division) return [];
  return eligibleMembers(meeting, body, division.itemId).filter((id) => !voteOf(meeting, divisionId, id));
};

/** The votes in a division by member (the last choice of each): its own group, never the day's votes. */
export const divisionVotes = (meeting: Pick<MeetingState, 'votes'>, divisionId: string): Record<string, VoteChoice> => {
  const votes: Record<string, VoteChoice> = {};
  for (const [memberId, vote] of Object.entries(meeting.votes[divisionId] ?? {})) votes[memberId] = vote.choice;
  return votes;
};

/**
 * How the votes stand in a division: for, against, abstaining, and how many members have voted.
 * Given the body, where its organisations vote as one, the counts are the organisations' (each
 * counted once, shared/procedure/organisationVotes.ts) while `voted` still counts members.
 */
export const divisionCounts = (
  meeting: Pick<MeetingState, 'votes'>,
  divisionId: string,
  body?: Pick<BodyState, 'members' | 'standingOrders'>,
): Omit<DivisionTally, 'notVoted'> & { voted: number } => {
  const votes = divisionVotes(meeting, divisionId);
  const rule = body?.standingOrders.organisationVotes;
  const voted = Object.keys(votes).length;
  if (body && rule) return { ...countByOrganisation(votes, body.members, rule).counts, voted };
  const counts = { for: 0, against: 0, abstain: 0, voted };
  for (const choice of Object.values(votes)) counts[choice] += 1;
  return counts;
};

/** The time of the latest vote counted in a division, in ms; undefined if nobody has voted. */
export const lastVoteMs = (meeting: Pick<MeetingState, 'votes'>, divisionId: string): number | undefined => {
  let latest: number | undefined;
  for (const vote of Object.values(meeting.votes[divisionId] ?? {})) {
    if (latest === undefined || Date.parse(vote.at) > latest) latest = Date.parse(vote.at);
  }
  return latest;
};
