// Votes by a body's own terms of reference (issue 14): the Health and Wellbeing Board, where each
// Clinical Commissioning Group has one vote whether one or both of its representatives attend,
// set up through the real core from tests/fixtures/terms/hwb.json. Then the counting rule itself
// over random memberships and votes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftMinutes } from '../../shared/minutes/draft';
import { divisionCounts } from '../../shared/procedure/division';
import { countByOrganisation, describeOrganisationVote, describeOrganisationVotes, votingUnits, type OrganisationVoteRule } from '../../shared/procedure/organisationVotes';
import { StandingOrders } from '../../shared/procedure/standingOrders';
import type { VoteChoice } from '../../shared/procedure/tally';
import { openTestCore, type TestCore } from '../support/meeting';
import { bodyFromTerms, standingOrdersOf, terms } from '../support/termsOfReference';

/** The Board sitting on one item, with these members present, ready to divide. */
const boardOnAnItem = (core: TestCore, here: string[], change?: (so: StandingOrders) => StandingOrders) => {
  const t = terms('hwb');
  const hwb = bodyFromTerms(core, t);
  if (change) core.send({ type: 'body.setStandingOrders', bodyId: hwb.bodyId, standingOrders: change(standingOrdersOf(t)) });
  hwb.present(...here);
  core.send({ type: 'agenda.import', meetingId: hwb.meetingId, replace: true, items: [{ number: '1', title: 'Better Care Fund plan', kind: 'report' }] });
  core.send({ type: 'meeting.start', meetingId: hwb.meetingId });
  const itemId = hwb.meeting().agenda[0].itemId;
  core.send({ type: 'item.start', meetingId: hwb.meetingId, itemId });
  const divide = (votes: Record<string, VoteChoice>) => {
    const { motionId } = core.send({ type: 'motion.move', meetingId: hwb.meetingId, itemId, kind: 'substantive', wording: 'That the plan be agreed.', moverId: hwb.id('Carter'), seconderId: hwb.id('Gough') });
    const { divisionId } = core.send({ type: 'division.call', meetingId: hwb.meetingId, motionId, skipBell: true });
    for (const [surname, choice] of Object.entries(votes)) core.send({ type: 'vote.cast', meetingId: hwb.meetingId, divisionId, memberId: hwb.id(surname), choice });
    return { divisionId, motionId, division: () => hwb.meeting().divisions.find((d) => d.id === divisionId)! };
  };
  return { ...hwb, divide };
};

describe("votes by the body's terms of reference", () => {
  it('the Health and Wellbeing Board: two representatives of one CCG count as one vote, live and at the close', () => {
    const core = openTestCore();
    try {
      // Bowes and Ayres both sit for West Kent CCG; Carter and Gough are the County Council's.
      const hwb = boardOnAnItem(core, ['Carter', 'Gough', 'Bowes', 'Ayres']);
      expect(hwb.body().standingOrders.organisationVotes).toEqual({ organisations: ['West Kent CCG', 'Swale CCG'], whenRepresentativesDisagree: 'abstain' });
      const { divisionId, motionId, division } = hwb.divide({ Bowes: 'for', Ayres: 'for', Carter: 'against', Gough: 'abstain' });
      // Member by member it would be 2 for, 1 against: the CCG's two votes are one.
      expect(divisionCounts(hwb.meeting(), divisionId, hwb.body())).toEqual({ for: 1, against: 1, abstain: 1, voted: 4 });
      core.send({ type: 'division.close', meetingId: hwb.meetingId, divisionId });
      expect(division()).toMatchObject({
        tally: { for: 1, against: 1, abstain: 1, notVoted: 0 },
        // A majority of the members present counts the CCG once: three voting units present.
        bases: { present: 3 },
        organisations: [{ organisation: 'West Kent CCG', choice: 'for', representatives: [hwb.id('Bowes'), hwb.id('Ayres')], disagreed: false }],
        // One for and one against: an equality, for the Chairman's casting vote (the Board has one).
        result: 'tied_no_casting_vote',
      });
      core.send({ type: 'division.castingVote', meetingId: hwb.meetingId, divisionId, choice: 'against' });
      expect(hwb.meeting().motions.find((m) => m.id === motionId)).toMatchObject({ status: 'lost' });
      // The draft minutes give the organisation's counts and say how it voted.
      const paragraphs = draftMinutes(hwb.meeting(), hwb.body(), { timeZone: 'Europe/London' }).minutes.flatMap((minute) => minute.blocks.map((block) => block.text));
      expect(paragraphs).toContain('The motion was put to the vote and lost (For 1, Against 1, Abstain 1).');
      expect(paragraphs).toContain('Votes by organisation: West Kent CCG: for (2 representatives).');
    } finally {
      core.dispose();
    }
  });

  it("the Health and Wellbeing Board: a CCG whose representatives disagree follows the clerk's rule, at the close and after a correction", () => {
    const core = openTestCore();
    try {
      const hwb = boardOnAnItem(core, ['Carter', 'Gough', 'Bowes', 'Ayres', 'Kumta']);
      // West Kent CCG splits: by the Board's rule here it abstains. Carter and Gough for, Swale CCG against.
      const { divisionId, division } = hwb.divide({ Bowes: 'for', Ayres: 'against', Carter: 'for', Gough: 'for', Kumta: 'against' });
      core.send({ type: 'division.close', meetingId: hwb.meetingId, divisionId });
      expect(division()).toMatchObject({
        tally: { for: 2, against: 1, abstain: 1 },
        bases: { present: 4 },
        result: 'lost',
        organisations: [
          { organisation: 'West Kent CCG', choice: 'abstain', disagreed: true },
          { organisation: 'Swale CCG', choice: 'against', disagreed: false },
        ],
      });
      // 2 for is not more than half of the 4 present: lost, as the terms' "majority of the members present" says.
      // The clerk corrects Ayres's vote (entered against by mistake): the CCG now votes for as one, 3 for of 4 present
      // would change the declared result, so the correction is refused and nothing changes.
      const refusal = core.refusal({ type: 'vote.correct', meetingId: hwb.meetingId, divisionId, memberId: hwb.id('Ayres'), choice: 'for', reason: 'Entered against by mistake' });
      expect(refusal.message).toMatch(/would change the result declared/);
      expect(division().tally).toMatchObject({ for: 2, against: 1, abstain: 1 });
      // Correcting Carter's vote to against leaves the result: the counts are the organisations' again.
      core.send({ type: 'vote.correct', meetingId: hwb.meetingId, divisionId, memberId: hwb.id('Carter'), choice: 'against', reason: 'Mr Carter voted against' });
      expect(division()).toMatchObject({ tally: { for: 1, against: 2, abstain: 1 }, organisations: [{ organisation: 'West Kent CCG', choice: 'abstain' }, { organisation: 'Swale CCG', choice: 'against' }] });
      // Correcting Bowes to against: West Kent CCG now agrees, against, as one; the record says so.
      core.send({ type: 'vote.correct', meetingId: hwb.meetingId, divisionId, memberId: hwb.id('Bowes'), choice: 'against', reason: 'Dr Bowes voted against' });
      expect(division()).toMatchObject({ tally: { for: 1, against: 3, abstain: 0 }, organisations: [{ organisation: 'West Kent CCG', choice: 'against', disagreed: false }, { organisation: 'Swale CCG', choice: 'against' }] });
      expect(division().result).toBe('lost');
    } finally {
      core.dispose();
    }
  });

  it("each rule for representatives who disagree, and the rule in words", () => {
    const members = [{ id: 'bowes', sitsFor: ['West Kent CCG'] }, { id: 'ayres', sitsFor: ['west kent ccg '] }, { id: 'carter', sitsFor: ['Kent County Council'] }];
    const votes = { ayres: 'against', bowes: 'for', carter: 'for' } as const;
    const rule = (whenRepresentativesDisagree: OrganisationVoteRule['whenRepresentativesDisagree']): OrganisationVoteRule => ({ organisations: ['West Kent CCG'], whenRepresentativesDisagree });
    expect(countByOrganisation(votes, members, rule('abstain')).counts).toEqual({ for: 1, against: 0, abstain: 1 });
    expect(countByOrganisation(votes, members, rule('not_counted')).counts).toEqual({ for: 1, against: 0, abstain: 0 });
    // The first listed in the body's order (Bowes), not the first to vote.
    expect(countByOrganisation(votes, members, rule('first_listed')).counts).toEqual({ for: 2, against: 0, abstain: 0 });
    const split = countByOrganisation(votes, members, rule('not_counted')).organisations[0];
    expect(describeOrganisationVote(split, rule('not_counted'))).toBe('West Kent CCG: not counted (2 representatives voted differently; its vote is not counted)');
    expect(describeOrganisationVotes({ organisations: ['West Kent CCG', 'Swale CCG'], whenRepresentativesDisagree: 'abstain' })).toBe(
      'West Kent CCG and Swale CCG each cast one vote, whoever of their representatives attends; when its representatives vote differently, it abstains.',
    );
    expect(votingUnits(['bowes', 'ayres', 'carter'], members, rule('abstain'))).toBe(2);
  });

  it('refuses votes by organisation that cannot be right, saying which', () => {
    const base = standingOrdersOf(terms('hwb'));
    const refused = (organisationVotes: unknown) => StandingOrders.safeParse({ ...base, organisationVotes }).error?.issues.map((i) => i.message);
    expect(refused({ organisations: [], whenRepresentativesDisagree: 'abstain' })).toEqual(['Votes by organisation must name at least one organisation']);
    expect(refused({ organisations: ['Swale CCG', 'swale ccg'], whenRepresentativesDisagree: 'abstain' })).toEqual(['Each organisation that votes as one must be listed once: "swale ccg" is listed twice']);
    expect(refused({ organisations: ['Swale CCG'], whenRepresentativesDisagree: 'toss a coin' })).toEqual([
      'When representatives disagree, the organisation must abstain, not be counted, or vote as its first-listed representative',
    ]);
    expect(refused({ organisations: ['Swale CCG'] })).toHaveLength(1);
  });
});

describe('counting by organisation over random memberships and votes', () => {
  const ORGANISATIONS = ['West Kent CCG', 'Swale CCG', 'Medway CCG'];
  const membership = fc.array(fc.option(fc.constantFrom(...ORGANISATIONS), { freq: 2 }), { minLength: 1, maxLength: 25 }).map((orgs) => orgs.map((org, i) => ({ id: `m${i}`, sitsFor: org === null ? ['Kent County Council'] : [org] })));
  const scenario = membership.chain((members) =>
    fc.record({
      members: fc.constant(members),
      votes: fc.dictionary(fc.constantFrom(...members.map((m) => m.id)), fc.constantFrom<VoteChoice>('for', 'against', 'abstain')),
      rule: fc.record({ organisations: fc.constant(ORGANISATIONS), whenRepresentativesDisagree: fc.constantFrom('abstain', 'not_counted', 'first_listed') as fc.Arbitrary<OrganisationVoteRule['whenRepresentativesDisagree']> }),
    }),
  );

  it('each organisation counts at most once, as its representatives agreed or as the rule says; everyone else as themselves', () => {
    fc.assert(
      fc.property(scenario, ({ members, votes, rule }) => {
        const { counts, organisations } = countByOrganisation(votes, members, rule);
        const orgOf = new Map(members.map((m) => [m.id, ORGANISATIONS.includes(m.sitsFor[0]) ? m.sitsFor[0] : undefined]));
        const individual = { for: 0, against: 0, abstain: 0 };
        for (const [id, choice] of Object.entries(votes)) if (orgOf.get(id) === undefined) individual[choice] += 1;
        const expected = { ...individual };
        for (const organisation of ORGANISATIONS) {
          const theirs = members.filter((m) => orgOf.get(m.id) === organisation && votes[m.id] !== undefined);
          const vote = organisations.find((o) => o.organisation === organisation);
          if (theirs.length === 0) {
            expect(vote).toBeUndefined();
            continue;
          }
          const choices = new Set(theirs.map((m) => votes[m.id]));
          const choice = choices.size === 1 ? votes[theirs[0].id] : rule.whenRepresentativesDisagree === 'abstain' ? 'abstain' : rule.whenRepresentativesDisagree === 'first_listed' ? votes[theirs[0].id] : null;
          expect(vote).toEqual({ organisation, choice, representatives: theirs.map((m) => m.id), disagreed: choices.size > 1 });
          if (choice !== null) expected[choice] += 1;
        }
        expect(counts).toEqual(expected);
        // Never more votes than voting units, nor than members who voted.
        const total = counts.for + counts.against + counts.abstain;
        expect(total).toBeLessThanOrEqual(votingUnits(Object.keys(votes), members, rule));
        expect(total).toBeLessThanOrEqual(Object.keys(votes).length);
      }),
      { numRuns: 500 },
    );
  });
});
