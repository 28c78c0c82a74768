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
// - A simple majority "of the members present" (some joint committees' terms) needs more than
//   half of those present to vote for: abstaining there counts against. An equality of votes
//   short of that is settled by the casting vote, where there is one, as above.
// - A special majority is a fraction (two-thirds or three-quarters) of a base: those voting (for
//   and against; abstentions are not votes cast), those present, or the whole membership. It needs
//   for × denominator ≥ base × numerator and at least one vote for. A casting vote resolves only an
//   equality under a simple majority; it plays no part in a special majority (a tie there is short
//   of two-thirds, so lost). `{ kind: 'two_thirds_of_voting' }` is two-thirds of those voting.

export type VoteChoice = 'for' | 'against' | 'abstain';

export type SpecialFraction = 'two_thirds' | 'three_quarters';
export type MajorityBase = 'voting' | 'present' | 'membership';

export type Majority = 'simple' | { kind: 'two_thirds_of_voting' } | { kind: 'special'; fraction: SpecialFraction; of: MajorityBase };

const FRACTIONS: Record<SpecialFraction, [number, number]> = { two_thirds: [2, 3], three_quarters: [3, 4] };

export interface TallyRules {
  /** Whether the body's standing orders give the chairman a casting vote. */
  castingVote: boolean;
  /** The chairman's casting vote, if given. */
  chairmanCasting?: 'for' | 'against' | undefined;
  /** Defaults to a simple majority of those voting. */
  majority?: Majority;
  /**
   * A simple majority of whom: those voting (the default; abstentions do not count), or the
   * members present (a joint committee's "majority of the members present": more than half of
   * `present` must vote for).
   */
  simpleOf?: 'voting' | 'present';
  /** Members present when the vote closed: the base of a special majority "of those present". */
  present?: number;
  /** The whole membership (seats): the base of a special majority "of the whole membership". */
  membership?: number;
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
  return tallyCounts(counts, rules);
};

/** Declare the result of counts already made (e.g. a division's tally as corrected after the close). */
export const tallyCounts = (counts: { for: number; against: number; abstain: number }, rules: TallyRules): Tally => {
  const majority = rules.majority ?? 'simple';
  const ways = { for: counts.for, against: counts.against, abstain: counts.abstain };

  if (majority !== 'simple') {
    const { fraction, of } = majority.kind === 'two_thirds_of_voting' ? { fraction: 'two_thirds' as const, of: 'voting' as const } : majority;
    const base = of === 'voting' ? ways.for + ways.against : of === 'present' ? rules.present : rules.membership;
    if (base === undefined || !Number.isInteger(base) || base < 0) throw new RangeError(`A majority of those ${of === 'present' ? 'present' : 'in the whole membership'} needs their number`);
    const [numerator, denominator] = FRACTIONS[fraction];
    const carried = ways.for > 0 && ways.for * denominator >= base * numerator;
    return { ...ways, result: carried ? 'carried' : 'lost', decidedByCastingVote: false };
  }
  if (rules.simpleOf === 'present') {
    const present = rules.present;
    if (present === undefined || !Number.isInteger(present) || present < 0) throw new RangeError('A majority of the members present needs their number');
    if (ways.for * 2 > present) return { ...ways, result: 'carried', decidedByCastingVote: false };
    // Short of half those present: lost, unless the votes are equal and the chairman has a casting vote.
    if (ways.for !== ways.against) return { ...ways, result: 'lost', decidedByCastingVote: false };
  } else if (ways.for !== ways.against) {
    return { ...ways, result: ways.for > ways.against ? 'carried' : 'lost', decidedByCastingVote: false };
  }
  if (!rules.castingVote) return { ...ways, result: 'lost', decidedByCastingVote: false };
  if (rules.chairmanCasting === undefined) return { ...ways, result: 'tied_no_casting_vote', decidedByCastingVote: false };
  return { ...ways, result: rules.chairmanCasting === 'for' ? 'carried' : 'lost', decidedByCastingVote: true };
};
