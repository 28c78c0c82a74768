// The standing-orders form's text for special majorities: one rule a line, read back exactly, and
// a line that is not a rule named by its number. Property: any list of rules written out reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultStandingOrders, StandingOrders } from '../../shared/procedure/standingOrders';
import { parseSpecialMajorities, profileOf, specialMajorityLine, valuesOf } from '../../renderer/src/screens/body/standingOrdersValues';

describe('special majorities on the standing-orders form', () => {
  it('reads "Name: two-thirds of those present" and writes it back the same', () => {
    expect(parseSpecialMajorities('Suspension of standing orders: two-thirds of those present\n\n  Change to the constitution: Three-quarters of the whole membership.  ')).toEqual({
      rules: [
        { name: 'Suspension of standing orders', fraction: 'two_thirds', of: 'present' },
        { name: 'Change to the constitution', fraction: 'three_quarters', of: 'membership' },
      ],
    });
    expect(specialMajorityLine({ name: 'Budget', fraction: 'two_thirds', of: 'voting' })).toBe('Budget: two-thirds of those voting');
  });

  it('names the line that is not a rule', () => {
    expect(parseSpecialMajorities('Budget: two-thirds of those voting\nBudget: a half of those voting')).toEqual({
      error: expect.stringMatching(/^line 2 must read like "Suspension of standing orders: two-thirds of those present"/),
    });
    const values = { ...valuesOf(defaultStandingOrders('committee')), specialMajorities: 'nonsense' };
    expect(profileOf(values).errors.specialMajorities).toMatch(/^line 1 must read like/);
  });

  it('reads back any list of rules it writes, and the profile it makes is valid', () => {
    const rule = fc.record({
      name: fc.stringMatching(/^[A-Za-z][A-Za-z ,:'()-]{0,40}[A-Za-z]$/),
      fraction: fc.constantFrom('two_thirds' as const, 'three_quarters' as const),
      of: fc.constantFrom('voting' as const, 'present' as const, 'membership' as const),
    });
    fc.assert(
      fc.property(fc.uniqueArray(rule, { selector: (r) => r.name.toLowerCase(), maxLength: 6 }), (rules) => {
        expect(parseSpecialMajorities(rules.map(specialMajorityLine).join('\n'))).toEqual({ rules });
        const so = { ...defaultStandingOrders('full_council'), specialMajorities: rules };
        const { standingOrders, errors } = profileOf(valuesOf(so));
        expect(errors).toEqual({});
        expect(StandingOrders.parse(standingOrders)).toEqual(so);
      }),
    );
  });
});

describe("the standing-orders form keeps the body's terms of reference", () => {
  it('carries quorum conditions, the presiding list, the reasons for excluding the public, the simple majority, the usual way of deciding and votes by organisation through an edit unchanged', () => {
    const so = StandingOrders.parse({
      ...defaultStandingOrders('joint_committee'),
      quorum: {
        kind: 'fixed',
        count: 9,
        conditions: [
          { kind: 'fromEach', groups: ['Kent County Council', 'Medway Council', 'Kent and Medway ICB'], minimum: 1 },
          { kind: 'amongRoles', roles: ['Statutory System Leader'], minimum: 1 },
          { kind: 'groupsRepresented', groups: ['East Kent', 'West Kent', 'Medway and Swale', 'Dartford, Gravesham and Swanley'], atLeast: 2 },
        ],
      },
      presidingOrder: ['Chairman', 'Leader of Medway Council', 'ICB Chair'],
      exclusionReasons: ['Publicity would be prejudicial to the public interest by reason of the confidential nature of the business (Public Bodies (Admission to Meetings) Act 1960, s.1(2))'],
      simpleMajorityOf: 'present',
      castingVote: false,
      usualDecision: { consensusFirst: true, vote: 'show_of_hands' },
      organisationVotes: { organisations: ['West Kent CCG', 'Swale CCG'], whenRepresentativesDisagree: 'first_listed' },
    });
    const { standingOrders, errors } = profileOf(valuesOf(so));
    expect(errors).toEqual({});
    expect(StandingOrders.parse(standingOrders)).toEqual(so);
    // A quorum of conditions only, likewise.
    const panel = StandingOrders.parse({ ...defaultStandingOrders('panel'), quorum: { kind: 'none', conditions: [{ kind: 'amongRoles', roles: ['Independent Person'], minimum: 2 }] } });
    expect(StandingOrders.parse(profileOf(valuesOf(panel)).standingOrders)).toEqual(panel);
    // And a council's, with none of them, stays without them.
    const council = defaultStandingOrders('full_council');
    expect(StandingOrders.parse(profileOf(valuesOf(council)).standingOrders)).toEqual(council);
  });
});
