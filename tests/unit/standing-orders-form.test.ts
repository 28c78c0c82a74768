// The standing-orders form's text for special majorities: one rule a line, read back exactly, and
// a line that is not a rule named by its number. Property: any list of rules written out reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultStandingOrders, StandingOrders } from '../../shared/procedure/standingOrders';
import { validationError } from '../../shared/validationMessages';
import { formErrors, mergeErrors } from '../../renderer/src/components/formErrors';
import {
  blankCondition,
  parseSpecialMajorities,
  profileOf,
  readableCondition,
  soFieldOf,
  soFieldsInOrder,
  soId,
  specialMajorityLine,
  valuesOf,
  type SOValues,
} from '../../renderer/src/screens/body/standingOrdersValues';

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

  it("carries virtual attendance at the Chair's discretion and each kind of deputies through an edit unchanged", () => {
    const base = defaultStandingOrders('joint_committee');
    const bodies: StandingOrders[] = [
      StandingOrders.parse({ ...base, virtualAttendanceCounts: { atChairsDiscretion: true }, deputies: { kind: 'none' } }),
      StandingOrders.parse({ ...base, deputies: { kind: 'alternates', noticeWorkingDays: 5 } }),
      StandingOrders.parse({ ...base, virtualAttendanceCounts: { quorum: true, voting: true }, deputies: { kind: 'substitutes' } }),
    ];
    for (const so of bodies) {
      const { standingOrders, errors } = profileOf(valuesOf(so));
      expect(errors).toEqual({});
      expect(StandingOrders.parse(standingOrders)).toEqual(so);
    }
    expect(valuesOf(bodies[0])).toMatchObject({ virtualDiscretion: true, deputies: 'none' });
    expect(valuesOf(bodies[1])).toMatchObject({ deputies: 'alternates', noticeWorkingDays: '5' });
    // A profile stored before these settings existed reads as the defaults: not at the Chair's discretion, substitutes.
    const { deputies: _d, ...older } = base;
    const olderValues = valuesOf({ ...older, virtualAttendanceCounts: { quorum: false, voting: false } } as unknown as StandingOrders);
    expect(olderValues).toMatchObject({ virtualDiscretion: false, deputies: 'substitutes' });
    expect(StandingOrders.parse(profileOf(olderValues).standingOrders)).toEqual(base);
  });

  it("puts a notice that is not a number, and the Chair's discretion with virtual members always counting, beside their fields", () => {
    const values: SOValues = { ...valuesOf(defaultStandingOrders('committee')), deputies: 'alternates', noticeWorkingDays: 'five' };
    expect(profileOf(values).errors).toEqual({ 'deputies.noticeWorkingDays': 'must be a whole number' });
    const both = profileOf({ ...valuesOf(defaultStandingOrders('committee')), virtualQuorum: true, virtualDiscretion: true }).standingOrders;
    const parsed = z.object({ standingOrders: StandingOrders }).safeParse({ standingOrders: both });
    expect(parsed.success).toBe(false);
    const shown = formErrors(validationError(parsed.error!), soFieldOf).byField;
    expect(Object.keys(shown)).toEqual(['virtualAttendanceCounts.atChairsDiscretion']);
    expect(soFieldsInOrder(0)).toContain('deputies.noticeWorkingDays');
    expect(soId('deputies.noticeWorkingDays')).toBe('so-deputies-noticeWorkingDays');
  });
});

describe('quorum conditions edited on the standing-orders form', () => {
  const panel = StandingOrders.parse({
    ...defaultStandingOrders('panel'),
    quorum: {
      kind: 'fixed',
      count: 3,
      conditions: [
        { kind: 'amongRoles', roles: ['Independent Person'], minimum: 1 },
        { kind: 'fromEach', groups: ['Conservative', 'Labour'], minimum: 1 },
      ],
    },
  });
  const Command = z.object({ standingOrders: StandingOrders });
  /** What the form shows after a save: our own errors, then the core's beside their fields. */
  const shownErrors = (values: SOValues): Record<string, string> => {
    const { standingOrders, errors } = profileOf(values);
    const parsed = Command.safeParse({ standingOrders });
    return parsed.success ? errors : mergeErrors(errors, formErrors(validationError(parsed.error), soFieldOf)).byField;
  };

  it('shows each condition as its kind, its names one per line and its number', () => {
    expect(valuesOf(panel).conditions).toEqual([
      { kind: 'amongRoles', names: 'Independent Person', number: '1' },
      { kind: 'fromEach', names: 'Conservative\nLabour', number: '1' },
    ]);
  });

  it('saves a condition changed, one added and one removed, and reads them back the same', () => {
    const values = valuesOf(panel);
    const edited: SOValues = {
      ...values,
      conditions: [
        { kind: 'amongRoles', names: ' Independent Person \n\nParish representative\n', number: ' 2 ' },
        { kind: 'groupsRepresented', names: 'East Kent\nWest Kent\nMedway', number: '2' },
      ],
    };
    const { standingOrders, errors } = profileOf(edited);
    expect(errors).toEqual({});
    expect(StandingOrders.parse(standingOrders).quorum).toEqual({
      kind: 'fixed',
      count: 3,
      conditions: [
        { kind: 'amongRoles', roles: ['Independent Person', 'Parish representative'], minimum: 2 },
        { kind: 'groupsRepresented', groups: ['East Kent', 'West Kent', 'Medway'], atLeast: 2 },
      ],
    });
    expect(valuesOf(StandingOrders.parse(standingOrders)).conditions).toEqual([
      { kind: 'amongRoles', names: 'Independent Person\nParish representative', number: '2' },
      { kind: 'groupsRepresented', names: 'East Kent\nWest Kent\nMedway', number: '2' },
    ]);
    // Every condition removed: the rule is the number alone, with no empty list left behind.
    const none = profileOf({ ...values, conditions: [] }).standingOrders;
    expect(StandingOrders.parse(none).quorum).toEqual({ kind: 'fixed', count: 3 });
    // A new blank condition, filled in, on a rule of no number.
    const added = profileOf({ ...values, quorumKind: 'none', conditions: [{ ...blankCondition(), names: 'Independent Person', number: '2' }] }).standingOrders;
    expect(StandingOrders.parse(added).quorum).toEqual({ kind: 'none', conditions: [{ kind: 'amongRoles', roles: ['Independent Person'], minimum: 2 }] });
  });

  it('puts a wrong condition’s errors beside its own fields', () => {
    const values = valuesOf(panel);
    const errors = shownErrors({
      ...values,
      conditions: [
        { kind: 'amongRoles', names: 'Independent Person', number: '1' },
        { kind: 'amongRoles', names: '  \n', number: '0' },
        { kind: 'fromEach', names: 'Labour', number: 'two' },
        { kind: 'groupsRepresented', names: 'East Kent\nWest Kent', number: '3' },
        { kind: 'fromEach', names: 'Labour\nlabour', number: '1' },
      ],
    });
    expect(errors).toEqual({
      'quorum.conditions.1.names': 'The roles of a quorum condition must list at least one name',
      'quorum.conditions.1.number': 'The minimum among members holding these roles must be a whole number of members from 1 to 1000',
      'quorum.conditions.2.number': 'must be a whole number',
      'quorum.conditions.3.number': 'The number of groups to be represented (3) must not exceed the groups listed (2)',
      'quorum.conditions.4.names': 'The groups of a quorum condition must be distinct: "labour" is listed twice',
    });
    // The first wrong field takes the focus: the second condition's names, before anything below the quorum.
    expect(soFieldsInOrder(5).find((field) => errors[field] !== undefined)).toBe('quorum.conditions.1.names');
  });

  it('refuses a rule of no number with no conditions, beside the button that adds one', () => {
    const errors = shownErrors({ ...valuesOf(panel), quorumKind: 'none', conditions: [] });
    expect(errors).toEqual({ 'quorum.conditions': 'A quorum with no number must have at least one condition' });
    expect(soId('quorum.conditions')).toBe('so-quorum-conditions');
  });

  it('finds the condition’s field for every path the core may name inside it', () => {
    expect(soFieldOf('standingOrders.quorum.conditions.1.minimum')).toBe('quorum.conditions.1.number');
    expect(soFieldOf('standingOrders.quorum.conditions.0.atLeast')).toBe('quorum.conditions.0.number');
    expect(soFieldOf('standingOrders.quorum.conditions.2.roles.0')).toBe('quorum.conditions.2.names');
    expect(soFieldOf('standingOrders.quorum.conditions.2.groups')).toBe('quorum.conditions.2.names');
    expect(soFieldOf('standingOrders.quorum.conditions.3')).toBe('quorum.conditions.3.kind');
    expect(soFieldOf('standingOrders.quorum.conditions')).toBe('quorum.conditions');
    expect(soFieldOf('standingOrders.quorum.numerator')).toBe('quorum.numerator');
    expect(soFieldOf('standingOrders.quorum.composition.groups.2')).toBe('quorum.composition.groups');
  });

  it('says a condition in words only once it can be read', () => {
    expect(readableCondition({ kind: 'amongRoles', names: 'Independent Person', number: '2' })).toEqual({ kind: 'amongRoles', roles: ['Independent Person'], minimum: 2 });
    expect(readableCondition({ kind: 'amongRoles', names: 'Independent Person', number: '0' })).toBeUndefined();
    expect(readableCondition({ kind: 'fromEach', names: '', number: '1' })).toBeUndefined();
  });
});

describe('quorum conditions: any list the schema accepts goes through the form and back unchanged', () => {
  it('reads back any conditions it writes, on a fixed number or on none', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z ,'()-]{0,30}[A-Za-z]$/);
    const names = fc.uniqueArray(name, { selector: (n) => n.trim().toLowerCase(), minLength: 1, maxLength: 5 });
    const condition = fc.oneof(
      fc.record({ kind: fc.constant('fromEach' as const), groups: names, minimum: fc.integer({ min: 1, max: 1000 }) }),
      fc.record({ kind: fc.constant('amongRoles' as const), roles: names, minimum: fc.integer({ min: 1, max: 1000 }) }),
      names.chain((groups) => fc.record({ kind: fc.constant('groupsRepresented' as const), groups: fc.constant(groups), atLeast: fc.integer({ min: 1, max: groups.length }) })),
    );
    fc.assert(
      fc.property(fc.array(condition, { maxLength: 5 }), fc.boolean(), (conditions, withNumber) => {
        const quorum = withNumber || conditions.length === 0 ? { kind: 'fixed' as const, count: 4, ...(conditions.length ? { conditions } : {}) } : { kind: 'none' as const, conditions };
        const so = StandingOrders.parse({ ...defaultStandingOrders('panel'), quorum });
        const { standingOrders, errors } = profileOf(valuesOf(so));
        expect(errors).toEqual({});
        expect(StandingOrders.parse(standingOrders)).toEqual(so);
      }),
    );
  });
});
