// Counting a vote. Pure: no Node, no DOM.
//
// A motion is carried by a majority of those voting: abstentions are recorded but are not votes
// cast either way. On an equality of votes the chairman has a second or casting vote where the
// body's standing orders give one; where they do not, the proposal is not passed.
//
// Decisions:
// - `for`, `against` and `abstain` count the members' own votes, including the chairman's first
//   vote. The casting vote is a second vote: it is not added to the counts (the minutes show the
//   counts and then that the chairman used the casting vote), only to the result.
// - An equality includes 0 for and 0 against (everyone abstained or nobody voted): it is treated
//   like any other tie, so the casting vote decides it where there is one.
// - A tie on a body with a casting vote, before the chairman has given it, is
//   'tied_no_casting_vote': the result is not yet known and the clerk must ask the chairman. (A
//   chairman is not obliged to use the casting vote; if they decline, the motion is not carried,
//   and the clerk records it as lost.) On a body with no casting vote a tie is simply 'lost'.
// - A casting vote given when the votes are not tied, or on a body that has none, is ignored.
// - A special majority of two-thirds of those voting needs for × 3 ≥ (for + against) × 2 and at
//   least one vote for. A casting vote resolves only an equality under a simple majority; it
//   plays no part in a special majority (a tie there is short of two-thirds, so lost).

export type VoteChoice = 'for' | 'against' | 'abstain';

export type Majority = 'simple' | { kind: 'two_thirds_of_voting' };

export interface TallyRules {
  /** Whether the body's standing orders give the chairman a casting vote. */
  castingVote: boolean;
  /** The chairman's casting vote, if given. */
  chairmanCasting?: 'for' | 'against' | undefined;
  /** Defaults to a simple majority of those voting. */
  majority?: Majority;
}

export type VoteResult = 'carried' | 'lost' | 'tied_no_casting_vote';

export interface Tally {
  for: number;
  against: number;
  abstain: number;
  result: VoteResult;
  decidedByCastingVote: boolean;
}

const isChoice = (v: unknown): v is VoteChoice => v === 'for' || v === 'against' || v === 'abstain';

/** Count the votes of the members who voted (memberId → choice) and declare the result. */
export const tallyVotes = (votes: Readonly<Record<string, VoteChoice>>, rules: TallyRules): Tally => {
  const counts = { for: 0, against: 0, abstain: 0 };
  for (const [memberId, choice] of Object.entries(votes)) {
    if (!isChoice(choice)) throw new RangeError(`The vote of member ${memberId} must be 'for', 'against' or 'abstain'`);
    counts[choice] += 1;
  }
  const majority = rules.majority ?? 'simple';

  if (majority !== 'simple') {
    const carried = counts.for > 0 && counts.for * 3 >= (counts.for + counts.against) * 2;
    return { ...counts, result: carried ? 'carried' : 'lost', decidedByCastingVote: false };
  }
  if (counts.for !== counts.against) {
    return { ...counts, result: counts.for > counts.against ? 'carried' : 'lost', decidedByCastingVote: false };
  }
  if (!rules.castingVote) return { ...counts, result: 'lost', decidedByCastingVote: false };
  if (rules.chairmanCasting === undefined) return { ...counts, result: 'tied_no_casting_vote', decidedByCastingVote: false };
  return { ...counts, result: rules.chairmanCasting === 'for' ? 'carried' : 'lost', decidedByCastingVote: true };
};
