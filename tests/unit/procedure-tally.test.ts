import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tallyVotes, type Majority, type TallyRules, type VoteChoice } from '../../shared/procedure/tally';

const votesOf = (forCount: number, againstCount: number, abstainCount: number): Record<string, VoteChoice> => {
  const votes: Record<string, VoteChoice> = {};
  let n = 0;
  for (const [choice, count] of [['for', forCount], ['against', againstCount], ['abstain', abstainCount]] as const) {
    for (let i = 0; i < count; i += 1) votes[`member-${(n += 1)}`] = choice;
  }
  return votes;
};

const votesArb = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom<VoteChoice>('for', 'against', 'abstain'), { maxKeys: 120 });
const castingArb = fc.constantFrom<'for' | 'against' | undefined>('for', 'against', undefined);
const majorityArb = fc.constantFrom<Majority | undefined>(undefined, 'simple', { kind: 'two_thirds_of_voting' });
const rulesArb: fc.Arbitrary<TallyRules> = fc.record({ castingVote: fc.boolean(), chairmanCasting: castingArb, majority: majorityArb });

const swap = (votes: Record<string, VoteChoice>): Record<string, VoteChoice> =>
  Object.fromEntries(Object.entries(votes).map(([id, v]) => [id, v === 'for' ? 'against' : v === 'against' ? 'for' : v]));
const opposite = (c: 'for' | 'against' | undefined) => (c === 'for' ? 'against' : c === 'against' ? 'for' : undefined);

describe('tallyVotes: examples', () => {
  it('2015 recorded vote: 64 for, 4 against, 4 abstentions, carried', () => {
    expect(tallyVotes(votesOf(64, 4, 4), { castingVote: true })).toEqual({
      for: 64,
      against: 4,
      abstain: 4,
      result: 'carried',
      decidedByCastingVote: false,
    });
  });

  it('abstentions do not count as votes: 3 for, 2 against, 10 abstain is carried', () => {
    expect(tallyVotes(votesOf(3, 2, 10), { castingVote: false }).result).toBe('carried');
  });

  it('a tie is decided by the casting vote where the body has one', () => {
    expect(tallyVotes(votesOf(5, 5, 1), { castingVote: true, chairmanCasting: 'for' })).toMatchObject({ result: 'carried', decidedByCastingVote: true, for: 5, against: 5 });
    expect(tallyVotes(votesOf(5, 5, 1), { castingVote: true, chairmanCasting: 'against' })).toMatchObject({ result: 'lost', decidedByCastingVote: true });
  });

  it('a tie awaits the casting vote where the body has one and it has not been given', () => {
    expect(tallyVotes(votesOf(5, 5, 0), { castingVote: true })).toMatchObject({ result: 'tied_no_casting_vote', decidedByCastingVote: false });
  });

  it('a tie is lost where the body has no casting vote, whatever the chairman says', () => {
    expect(tallyVotes(votesOf(5, 5, 0), { castingVote: false })).toMatchObject({ result: 'lost', decidedByCastingVote: false });
    expect(tallyVotes(votesOf(5, 5, 0), { castingVote: false, chairmanCasting: 'for' })).toMatchObject({ result: 'lost', decidedByCastingVote: false });
  });

  it('nobody voting either way is a tie', () => {
    expect(tallyVotes({}, { castingVote: false })).toEqual({ for: 0, against: 0, abstain: 0, result: 'lost', decidedByCastingVote: false });
    expect(tallyVotes(votesOf(0, 0, 3), { castingVote: true }).result).toBe('tied_no_casting_vote');
  });

  it('two-thirds of those voting: exactly two-thirds carries, less is lost, and there is no casting vote', () => {
    const twoThirds = { kind: 'two_thirds_of_voting' } as const;
    expect(tallyVotes(votesOf(20, 10, 5), { castingVote: true, majority: twoThirds }).result).toBe('carried');
    expect(tallyVotes(votesOf(19, 10, 5), { castingVote: true, majority: twoThirds }).result).toBe('lost');
    expect(tallyVotes(votesOf(5, 5, 0), { castingVote: true, chairmanCasting: 'for', majority: twoThirds })).toMatchObject({ result: 'lost', decidedByCastingVote: false });
    expect(tallyVotes(votesOf(0, 0, 4), { castingVote: true, majority: twoThirds }).result).toBe('lost');
  });

  it('refuses a vote that is not for, against or abstain', () => {
    expect(() => tallyVotes({ a: 'yes' as VoteChoice }, { castingVote: true })).toThrow(/member a/);
  });
});

describe('tallyVotes: properties', () => {
  it('a simple majority of the members present: carried exactly when more than half of those present vote for, or on the casting vote at an equality short of it', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(20), fc.boolean(), castingArb, (f, a, abstain, away, castingVote, chairmanCasting) => {
        const present = f + a + abstain + away;
        const t = tallyVotes(votesOf(f, a, abstain), { castingVote, chairmanCasting, simpleOf: 'present', present });
        const tied = f === a && f * 2 <= present;
        const expected = f * 2 > present ? 'carried' : tied && castingVote ? (chairmanCasting === undefined ? 'tied_no_casting_vote' : chairmanCasting === 'for' ? 'carried' : 'lost') : 'lost';
        expect(t.result).toBe(expected);
        expect(t.decidedByCastingVote).toBe(tied && castingVote && chairmanCasting !== undefined);
        // Never easier than a majority of those voting.
        if (t.result === 'carried' && !t.decidedByCastingVote) expect(tallyVotes(votesOf(f, a, abstain), { castingVote, simpleOf: 'voting' }).result).toBe('carried');
      }),
    );
    expect(() => tallyVotes({}, { castingVote: true, simpleOf: 'present' })).toThrow(/needs their number/);
  });

  it('counts every vote cast exactly once', () => {
    fc.assert(
      fc.property(votesArb, rulesArb, (votes, rules) => {
        const t = tallyVotes(votes, rules);
        const values = Object.values(votes);
        expect(t.for + t.against + t.abstain).toBe(values.length);
        expect(t.for).toBe(values.filter((v) => v === 'for').length);
        expect(t.against).toBe(values.filter((v) => v === 'against').length);
      }),
    );
  });

  it('a simple majority of those voting carries; abstentions never change the result', () => {
    fc.assert(
      fc.property(fc.nat(80), fc.nat(80), fc.nat(80), fc.nat(80), rulesArb, (f, a, abstain, moreAbstain, rules) => {
        const simple = { ...rules, majority: 'simple' as const };
        const t = tallyVotes(votesOf(f, a, abstain), simple);
        if (f > a) expect(t.result).toBe('carried');
        if (f < a) expect(t.result).toBe('lost');
        expect(tallyVotes(votesOf(f, a, abstain + moreAbstain), simple).result).toBe(t.result);
      }),
    );
  });

  it('is symmetric: swapping for and against (and the casting vote) turns carried into lost and back', () => {
    fc.assert(
      fc.property(votesArb, rulesArb, (votes, rules) => {
        const simple = { ...rules, majority: 'simple' as const };
        const t = tallyVotes(votes, simple);
        const s = tallyVotes(swap(votes), { ...simple, chairmanCasting: opposite(rules.chairmanCasting) });
        expect([s.for, s.against, s.abstain]).toEqual([t.against, t.for, t.abstain]);
        expect(s.decidedByCastingVote).toBe(t.decidedByCastingVote);
        const flipped = { carried: 'lost', lost: 'carried', tied_no_casting_vote: 'tied_no_casting_vote' } as const;
        // Without a casting vote a tie is lost both ways round; otherwise the result flips.
        if (t.for === t.against && !rules.castingVote) expect(s.result).toBe('lost');
        else expect(s.result).toBe(flipped[t.result]);
      }),
    );
  });

  it('the casting vote matters only on a tie, and only where the body has one', () => {
    fc.assert(
      fc.property(votesArb, rulesArb, castingArb, (votes, rules, otherCasting) => {
        const t = tallyVotes(votes, rules);
        const u = tallyVotes(votes, { ...rules, chairmanCasting: otherCasting });
        const tie = t.for === t.against;
        const castingCounts = tie && rules.castingVote && (rules.majority ?? 'simple') === 'simple';
        if (!castingCounts) {
          expect(u).toEqual(t);
          expect(t.decidedByCastingVote).toBe(false);
          expect(t.result).not.toBe('tied_no_casting_vote');
        } else {
          expect(t.decidedByCastingVote).toBe(rules.chairmanCasting !== undefined);
          expect(t.result).toBe(rules.chairmanCasting === undefined ? 'tied_no_casting_vote' : rules.chairmanCasting === 'for' ? 'carried' : 'lost');
        }
      }),
    );
  });

  it('two-thirds of those voting is never easier than a simple majority', () => {
    fc.assert(
      fc.property(votesArb, fc.boolean(), castingArb, (votes, castingVote, chairmanCasting) => {
        const special = tallyVotes(votes, { castingVote, chairmanCasting, majority: { kind: 'two_thirds_of_voting' } });
        const simple = tallyVotes(votes, { castingVote, chairmanCasting, majority: 'simple' });
        if (special.result === 'carried') expect(simple.result).toBe('carried');
        expect(special.result === 'carried').toBe(special.for > 0 && 3 * special.for >= 2 * (special.for + special.against));
      }),
    );
  });

  it('does not depend on who voted, only on how many voted each way', () => {
    fc.assert(
      fc.property(votesArb, rulesArb, (votes, rules) => {
        const t = tallyVotes(votes, rules);
        expect(tallyVotes(votesOf(t.for, t.against, t.abstain), rules)).toEqual(t);
      }),
    );
  });
});

describe('special majorities against each base', () => {
  const special = (fraction: 'two_thirds' | 'three_quarters', of: 'voting' | 'present' | 'membership'): Majority => ({ kind: 'special', fraction, of });
  it('two-thirds or three-quarters of those voting, of those present, or of the whole membership', () => {
    // 40 for, 20 against, 10 abstaining; 75 present; 81 members.
    const votes = votesOf(40, 20, 10);
    const rules = { castingVote: true, present: 75, membership: 81 };
    expect(tallyVotes(votes, { ...rules, majority: special('two_thirds', 'voting') }).result).toBe('carried'); // 40 ≥ ⅔ × 60
    expect(tallyVotes(votes, { ...rules, majority: special('three_quarters', 'voting') }).result).toBe('lost'); // 40 < ¾ × 60
    expect(tallyVotes(votes, { ...rules, majority: special('two_thirds', 'present') }).result).toBe('lost'); // 40 < ⅔ × 75
    expect(tallyVotes(votesOf(50, 5, 0), { ...rules, majority: special('two_thirds', 'present') }).result).toBe('carried'); // 50 ≥ 50
    expect(tallyVotes(votesOf(54, 0, 0), { ...rules, majority: special('two_thirds', 'membership') }).result).toBe('carried'); // 54 ≥ 54
    expect(tallyVotes(votesOf(53, 0, 0), { ...rules, majority: special('two_thirds', 'membership') }).result).toBe('lost');
    expect(tallyVotes(votesOf(61, 0, 0), { ...rules, majority: special('three_quarters', 'membership') }).result).toBe('carried'); // 61 × 4 ≥ 81 × 3
    expect(() => tallyVotes(votes, { castingVote: true, majority: special('two_thirds', 'present') })).toThrow(/those present needs their number/);
  });

  it('for any votes and bases: carried exactly when for × d ≥ base × n with a vote for; never easier than a simple majority of those voting when the base is at least those voting; no casting vote', () => {
    fc.assert(
      fc.property(
        votesArb,
        fc.constantFrom('two_thirds' as const, 'three_quarters' as const),
        fc.constantFrom('voting' as const, 'present' as const, 'membership' as const),
        fc.nat(40),
        fc.nat(40),
        (votes, fraction, of, extraPresent, extraMembers) => {
          const cast = Object.values(votes);
          const present = cast.length + extraPresent;
          const membership = present + extraMembers;
          const t = tallyVotes(votes, { castingVote: true, majority: special(fraction, of), present, membership });
          const [n, d] = fraction === 'two_thirds' ? [2, 3] : [3, 4];
          const base = of === 'voting' ? t.for + t.against : of === 'present' ? present : membership;
          expect(t.result === 'carried').toBe(t.for > 0 && t.for * d >= base * n);
          expect(t.decidedByCastingVote).toBe(false);
          if (t.result === 'carried') expect(tallyVotes(votes, { castingVote: true, majority: 'simple' }).result).toBe('carried');
          // The wider the base, the harder: what passes of the membership passes of those present, and of those voting.
          if (of === 'membership' && t.result === 'carried') {
            expect(tallyVotes(votes, { castingVote: true, majority: special(fraction, 'present'), present, membership }).result).toBe('carried');
          }
        },
      ),
    );
  });
});
