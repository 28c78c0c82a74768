// Quorum by a body's own terms of reference (issue 14): the Kent and Medway Integrated Care
// Partnership (nine voting members, one from each council and the ICB, a Statutory System Leader,
// two of the four partnership areas) and the panel for the dismissal of a statutory officer (no
// number: two Independent Persons), set up through the real core from the rules kept as data in
// tests/fixtures/terms/, with the scenarios their texts describe. Then, over random compositions
// and attendance, the shortfalls name exactly the conditions that fail.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presidingByList } from '../../shared/procedure/presiding';
import { DEFAULT_MINUTES_STYLE, roleWordsOf } from '../../shared/minutes/style';
import { chamberDisplay } from '../../shared/state/display';
import { assessQuorum, describeQuorumRule, type AttendanceStatus, type QuorumMember } from '../../shared/procedure/quorum';
import { QuorumRule, type QuorumCondition, type StandingOrders } from '../../shared/procedure/standingOrders';
import { openTestCore } from '../support/meeting';
import { bodyFromTerms, terms } from '../support/termsOfReference';

describe("quorum by the body's terms of reference", () => {
  it('the Integrated Care Partnership: nine present with nobody from the ICB is inquorate, and says why', () => {
    const core = openTestCore();
    try {
      const icp = bodyFromTerms(core, terms('icp'));
      expect(describeQuorumRule(icp.body().standingOrders.quorum)).toBe(
        '9 members, with at least 1 member from each of Kent County Council, Medway Council and Kent and Medway ICB; and at least 1 of the members who are Statutory System Leader; and at least 2 of Dartford, Gravesham and Swanley, East Kent, Medway and Swale and West Kent represented',
      );
      // Both councils' members, and the four partnership chairs: nine, but no one from the ICB.
      icp.present('Gough', 'Watts', 'Bell', 'Jarrett', 'Wildey', 'Hall', 'Smith', 'Ward', 'Allen');
      expect(icp.quorum()).toMatchObject({ quorate: false, counted: 9, required: 9, shortBy: 1, shortfalls: [{ condition: 0, words: 'no member from Kent and Medway ICB present' }] });
      // The ICB Chair arrives: quorate.
      icp.present('Gutteridge');
      expect(icp.quorum()).toMatchObject({ quorate: true, shortfalls: [] });
    } finally {
      core.dispose();
    }
  });

  it('the Integrated Care Partnership: without a Statutory System Leader, or with one partnership area only, says each failing condition', () => {
    const core = openTestCore();
    try {
      const icp = bodyFromTerms(core, terms('icp'));
      // Ten present from both councils and the ICB, none of them a Leader or the ICB Chair, and only East Kent's people.
      icp.present('Watts', 'Bell', 'Wildey', 'Murray', 'Mukhopadhyay', 'Kumar', 'Smith', 'Thomas');
      expect(icp.quorum().shortfalls).toEqual([
        { condition: -1, words: '8 present of the 9 members needed' },
        { condition: 1, words: 'no Statutory System Leader present (1 needed)' },
        { condition: 2, words: 'only 1 of Dartford, Gravesham and Swanley, East Kent, Medway and Swale and West Kent represented (2 needed)' },
      ]);
      expect(icp.quorum().quorate).toBe(false);
    } finally {
      core.dispose();
    }
  });

  it('the Integrated Care Partnership: the Chair conflicted on an item, the other Leader presides for it; both away, the ICB Chair; recorded', () => {
    const core = openTestCore();
    try {
      const icp = bodyFromTerms(core, terms('icp'));
      icp.present('Gough', 'Watts', 'Bell', 'Jarrett', 'Wildey', 'Gutteridge', 'Kumar', 'Hall', 'Smith', 'Ward');
      core.send({ type: 'agenda.import', meetingId: icp.meetingId, replace: true, items: ['Apologies', 'Strategy refresh', 'Joint forward plan'].map((title, i) => ({ number: String(i + 1), title, kind: 'report' as const })) });
      const [first, second, third] = icp.meeting().agenda.map((i) => i.itemId);
      // The Chair declares an interest in the second item and withdraws from it.
      core.send({ type: 'declaration.record', meetingId: icp.meetingId, memberId: icp.id('Gough'), itemId: second, kind: 'disclosable_pecuniary', withdraws: true, description: 'A director of a provider bidding for the contract' });
      core.send({ type: 'meeting.start', meetingId: icp.meetingId });
      const chair = () => icp.meeting().chair.map((c) => [icp.body().members.find((m) => m.id === c.memberId)!.surname, c.capacity]);
      core.send({ type: 'item.start', meetingId: icp.meetingId, itemId: first });
      expect(chair()).toEqual([['Gough', 'chairman']]);
      core.send({ type: 'item.end', meetingId: icp.meetingId, itemId: first });
      core.send({ type: 'item.start', meetingId: icp.meetingId, itemId: second });
      expect(chair().at(-1)).toEqual(['Jarrett', 'presiding_list']);
      expect(presidingByList(icp.meeting(), icp.body())).toMatchObject({ memberId: icp.id('Jarrett'), words: 'Mr Jarrett presides (Leader of Medway Council): Mr Gough (Chairman) has withdrawn from the item.' });
      core.send({ type: 'item.end', meetingId: icp.meetingId, itemId: second });
      // Back to the Chair for the third; had both Leaders gone, the ICB Chair.
      core.send({ type: 'item.start', meetingId: icp.meetingId, itemId: third });
      expect(chair().at(-1)).toEqual(['Gough', 'chairman']);
      core.send({ type: 'attendance.depart', meetingId: icp.meetingId, memberId: icp.id('Gough') });
      core.send({ type: 'attendance.depart', meetingId: icp.meetingId, memberId: icp.id('Jarrett') });
      expect(presidingByList(icp.meeting(), icp.body())).toMatchObject({ memberId: icp.id('Gutteridge'), words: 'Ms Gutteridge presides (ICB Chair): Mr Gough (Chairman) is not present; Mr Jarrett (Leader of Medway Council) is not present.' });
      core.send({ type: 'attendance.depart', meetingId: icp.meetingId, memberId: icp.id('Gutteridge') });
      expect(presidingByList(icp.meeting(), icp.body())).toEqual({
        elected: true,
        words: 'A member is to be elected to preside for this meeting: Mr Gough (Chairman) is not present; Mr Jarrett (Leader of Medway Council) is not present; Ms Gutteridge (ICB Chair) is not present.',
      });
    } finally {
      core.dispose();
    }
  });

  it('the Integrated Care Partnership decides by a majority of the members present, with no casting vote: a tie is not passed, nor half', () => {
    const core = openTestCore();
    try {
      const icp = bodyFromTerms(core, terms('icp'));
      const ten = ['Gough', 'Watts', 'Bell', 'Jarrett', 'Wildey', 'Gutteridge', 'Kumar', 'Hall', 'Smith', 'Ward'];
      icp.present(...ten);
      core.send({ type: 'agenda.import', meetingId: icp.meetingId, replace: true, items: [{ number: '1', title: 'Joint forward plan', kind: 'report' }] });
      core.send({ type: 'meeting.start', meetingId: icp.meetingId });
      core.send({ type: 'item.start', meetingId: icp.meetingId, itemId: icp.meeting().agenda[0].itemId });
      const divide = (choices: ('for' | 'against' | 'abstain')[]) => {
        const itemId = icp.meeting().agenda[0].itemId;
        const { motionId } = core.send({ type: 'motion.move', meetingId: icp.meetingId, itemId, kind: 'substantive', wording: 'That the plan be agreed.', moverId: icp.id('Watts'), seconderId: icp.id('Bell') });
        const { divisionId } = core.send({ type: 'division.call', meetingId: icp.meetingId, motionId, skipBell: true });
        choices.forEach((choice, i) => core.send({ type: 'vote.cast', meetingId: icp.meetingId, divisionId, memberId: icp.id(ten[i]), choice }));
        core.send({ type: 'division.close', meetingId: icp.meetingId, divisionId });
        return icp.meeting().divisions.find((d) => d.id === divisionId)!;
      };
      // Five for, five against: not passed (no casting vote), and the chairman cannot give one.
      const tie = divide(['for', 'for', 'for', 'for', 'for', 'against', 'against', 'against', 'against', 'against']);
      expect(tie).toMatchObject({ result: 'lost', tally: { for: 5, against: 5 } });
      expect(core.refusal({ type: 'division.castingVote', meetingId: icp.meetingId, divisionId: tie.id, choice: 'for' }).message).toMatch(/no casting vote/);
      // Five for, three against, two abstaining: a majority of those voting, but not of the ten present.
      expect(divide(['for', 'for', 'for', 'for', 'for', 'against', 'against', 'against', 'abstain', 'abstain'])).toMatchObject({ result: 'lost', bases: { present: 10 } });
      // Six for: more than half of the ten present.
      expect(divide(['for', 'for', 'for', 'for', 'for', 'for', 'against', 'abstain', 'abstain', 'abstain'])).toMatchObject({ result: 'carried' });
    } finally {
      core.dispose();
    }
  });

  it('the Health and Wellbeing Board: a third of members a quorum, a tie decided by the casting vote, the Vice-Chairman presiding in the Chairman\'s absence', () => {
    const core = openTestCore();
    try {
      const hwb = bodyFromTerms(core, terms('hwb'));
      expect(describeQuorumRule(hwb.body().standingOrders.quorum)).toBe('1 in 3 of the voting members');
      hwb.present('Carter', 'Gough');
      expect(hwb.quorum()).toMatchObject({ quorate: false, required: 3, shortfalls: [{ condition: -1, words: '2 present of the 3 members needed' }] });
      const four = ['Carter', 'Gough', 'Bowes', 'Kumta'];
      hwb.present('Bowes', 'Kumta');
      expect(hwb.quorum()).toMatchObject({ quorate: true });
      core.send({ type: 'agenda.import', meetingId: hwb.meetingId, replace: true, items: [{ number: '1', title: 'Joint Health and Wellbeing Strategy', kind: 'report' }] });
      core.send({ type: 'meeting.start', meetingId: hwb.meetingId });
      core.send({ type: 'item.start', meetingId: hwb.meetingId, itemId: hwb.meeting().agenda[0].itemId });
      // The Chairman is away: the Vice-Chairman presides, by the list.
      expect(hwb.meeting().chair.map((c) => [c.memberId, c.capacity])).toEqual([[hwb.id('Bowes'), 'presiding_list']]);
      const { motionId } = core.send({ type: 'motion.move', meetingId: hwb.meetingId, itemId: hwb.meeting().agenda[0].itemId, kind: 'substantive', wording: 'That the strategy be endorsed.', moverId: hwb.id('Carter'), seconderId: hwb.id('Gough') });
      const { divisionId } = core.send({ type: 'division.call', meetingId: hwb.meetingId, motionId, skipBell: true });
      (['for', 'for', 'against', 'against'] as const).forEach((choice, i) => core.send({ type: 'vote.cast', meetingId: hwb.meetingId, divisionId, memberId: hwb.id(four[i]), choice }));
      core.send({ type: 'division.close', meetingId: hwb.meetingId, divisionId });
      expect(hwb.meeting().divisions.at(-1)).toMatchObject({ result: 'tied_no_casting_vote' });
      core.send({ type: 'division.castingVote', meetingId: hwb.meetingId, divisionId, choice: 'for' });
      expect(hwb.meeting().motions.find((m) => m.id === motionId)).toMatchObject({ status: 'carried' });
    } finally {
      core.dispose();
    }
  });

  it("the body's own word for the one presiding is used on the chamber display ('Chair', not 'Chairman')", () => {
    const core = openTestCore();
    try {
      const hwb = bodyFromTerms(core, terms('hwb'));
      core.send({ type: 'body.setMinutesStyle', bodyId: hwb.bodyId, style: { ...DEFAULT_MINUTES_STYLE, chairman: 'Chair', viceChairman: 'Vice-Chair' } });
      hwb.present('Gibbens', 'Carter', 'Bowes');
      core.send({ type: 'agenda.import', meetingId: hwb.meetingId, replace: true, items: [{ number: '1', title: 'Apologies', kind: 'apologies' }] });
      core.send({ type: 'meeting.start', meetingId: hwb.meetingId });
      core.send({ type: 'chair.take', meetingId: hwb.meetingId, memberId: hwb.id('Bowes'), capacity: 'vice_chairman' });
      const display = chamberDisplay(hwb.meeting(), hwb.body(), 'Europe/London');
      expect(display).toMatchObject({ chairWord: 'Chair', chair: { name: 'Dr Bowes', capacity: 'Vice-Chair, in the chair', isChair: false } });
      expect(roleWordsOf(hwb.body())).toEqual({ chair: 'Chair', viceChair: 'Vice-Chair' });
    } finally {
      core.dispose();
    }
  });

  it('the dismissal panel: no number, and with one Independent Person present it cannot proceed', () => {
    const core = openTestCore();
    try {
      const panel = bodyFromTerms(core, terms('dismissal-panel'));
      expect(describeQuorumRule(panel.body().standingOrders.quorum)).toBe('no number of members: at least 2 of the members who are Independent Person');
      panel.present('Jones', 'Angell', 'Bird');
      expect(panel.quorum()).toMatchObject({ quorate: false, required: 0, shortfalls: [{ condition: 0, words: '1 of the 2 needed among Independent Person present' }] });
      panel.present('Khan');
      expect(panel.quorum()).toMatchObject({ quorate: true, shortfalls: [] });
    } finally {
      core.dispose();
    }
  });

  it('refuses conditions that cannot be right, saying which, and changes nothing', () => {
    const core = openTestCore();
    try {
      const panel = bodyFromTerms(core, terms('dismissal-panel'));
      const so = panel.body().standingOrders;
      const refused = (quorum: unknown) => core.refusal({ type: 'body.setStandingOrders', bodyId: panel.bodyId, standingOrders: { ...so, quorum } as StandingOrders }).message;
      expect(refused({ kind: 'none', conditions: [] })).toMatch(/A quorum with no number must have at least one condition/);
      expect(refused({ kind: 'fixed', count: 3, conditions: [{ kind: 'groupsRepresented', groups: ['A', 'B'], atLeast: 3 }] })).toMatch(/must not exceed the groups listed \(2\)/);
      expect(refused({ kind: 'fixed', count: 3, conditions: [{ kind: 'fromEach', groups: ['ICB', 'icb '], minimum: 1 }] })).toMatch(/"icb" is listed twice/);
      expect(refused({ kind: 'fixed', count: 3, conditions: [{ kind: 'mostly', groups: ['A'] }] })).toMatch(/Each quorum condition must be/);
      expect(panel.body().standingOrders).toEqual(so);
    } finally {
      core.dispose();
    }
  });
});

describe('the shortfalls, under any composition and attendance', () => {
  const LABELS = ['Kent County Council', 'Medway Council', 'ICB', 'East Kent', 'West Kent', 'Independent Person'];
  const memberArb = fc.record({ labels: fc.subarray(LABELS, { maxLength: 3 }), voting: fc.boolean(), status: fc.constantFrom<AttendanceStatus>('present', 'absent', 'apologies', 'virtual', 'withdrawn') });
  const conditionArb: fc.Arbitrary<QuorumCondition> = fc.oneof(
    fc.record({ kind: fc.constant('fromEach' as const), groups: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 3 }), minimum: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('amongRoles' as const), roles: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 2 }), minimum: fc.integer({ min: 1, max: 3 }) }),
    fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 4 }).chain((groups) => fc.record({ kind: fc.constant('groupsRepresented' as const), groups: fc.constant(groups), atLeast: fc.integer({ min: 1, max: groups.length }) })),
  );
  const ruleArb = fc.oneof(
    fc.record({ kind: fc.constant('fixed' as const), count: fc.integer({ min: 1, max: 8 }), conditions: fc.array(conditionArb, { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('none' as const), conditions: fc.array(conditionArb, { minLength: 1, maxLength: 4 }) }),
  );

  it('names exactly the conditions that fail, each by the names it holds, and is quorate exactly when none does', () => {
    fc.assert(
      fc.property(fc.array(memberArb, { maxLength: 12 }), ruleArb, fc.boolean(), (people, input, virtualCounts) => {
        const rule = QuorumRule.parse(input);
        const members: QuorumMember[] = people.map((p, i) => ({ id: `m${i}`, labels: p.labels, voting: p.voting }));
        const attendance = Object.fromEntries(people.map((p, i) => [`m${i}`, p.status]));
        const result = assessQuorum({ rule, virtualCounts, members, attendance });
        // Who counts, worked out here from the rule's own words.
        const here = people.filter((p) => p.voting && (p.status === 'present' || (p.status === 'virtual' && virtualCounts)));
        const has = (p: (typeof people)[number], label: string) => p.labels.includes(label);
        const fails = (c: QuorumCondition) =>
          c.kind === 'fromEach'
            ? c.groups.some((g) => here.filter((p) => has(p, g)).length < c.minimum)
            : c.kind === 'amongRoles'
              ? here.filter((p) => c.roles.some((r) => has(p, r))).length < c.minimum
              : c.groups.filter((g) => here.some((p) => has(p, g))).length < c.atLeast;
        const failing = (rule.conditions ?? []).flatMap((c, i) => (fails(c) ? [i] : []));
        const numberFails = rule.kind === 'fixed' && here.length < rule.count;
        expect(result.shortfalls.map((s) => s.condition)).toEqual([...(numberFails ? [-1] : []), ...failing]);
        for (const shortfall of result.shortfalls.filter((s) => s.condition >= 0)) {
          const c = rule.conditions![shortfall.condition];
          const names = c.kind === 'amongRoles' ? c.roles : c.groups;
          // Each shortfall names what it is about: a group short of its minimum, the roles, or the groups to be represented.
          expect(names.some((n) => shortfall.words.includes(n))).toBe(true);
          expect(shortfall.words).not.toMatch(/undefined|NaN/);
        }
        expect(result.quorate).toBe(result.shortfalls.length === 0);
        expect(result.shortBy === 0).toBe(result.quorate);
      }),
      { numRuns: 500 },
    );
  });
});
