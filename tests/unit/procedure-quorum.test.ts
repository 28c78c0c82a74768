import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessQuorum, quorumRequired, type AttendanceStatus, type QuorumInput, type QuorumMember } from '../../shared/procedure/quorum';
import { QuorumRule } from '../../shared/procedure/standingOrders';

const quarter: QuorumRule = { kind: 'fraction', numerator: 1, denominator: 4 };
const GROUPS = ['Conservative', 'Labour', 'Liberal Democrat', 'Green'] as const;
const STATUSES: AttendanceStatus[] = ['present', 'virtual', 'apologies', 'absent', 'withdrawn'];

const membersArb = (maxLength = 40) =>
  fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      group: fc.option(fc.constantFrom(...GROUPS), { nil: undefined }),
      voting: fc.constantFrom(true, true, true, false), // mostly voting members
    }),
    { selector: (m) => m.id, maxLength },
  );

const compositionArb = fc.option(
  fc.record({
    groups: fc.uniqueArray(fc.constantFrom(...GROUPS), { minLength: 1, maxLength: 3 }),
    minimumEach: fc.integer({ min: 1, max: 3 }),
  }),
  { nil: undefined },
);

const ruleArb: fc.Arbitrary<QuorumRule> = fc
  .oneof(
    fc.integer({ min: 1, max: 12 }).chain((denominator) =>
      fc.record({ kind: fc.constant('fraction' as const), numerator: fc.integer({ min: 1, max: denominator }), denominator: fc.constant(denominator), composition: compositionArb }),
    ),
    fc.record({ kind: fc.constant('fixed' as const), count: fc.integer({ min: 1, max: 50 }), composition: compositionArb }),
  )
  // Only rules the schema accepts.
  .map(({ composition, ...rest }) => QuorumRule.parse(composition === undefined ? rest : { ...rest, composition }));

const meetingArb = fc
  .record({ rule: ruleArb, virtualCounts: fc.boolean(), members: membersArb() })
  .chain(({ rule, virtualCounts, members }) =>
    fc.array(fc.constantFrom(...STATUSES, undefined), { minLength: members.length, maxLength: members.length }).map((statuses) => {
      const attendance: Record<string, AttendanceStatus> = {};
      members.forEach((m, i) => {
        const s = statuses[i];
        if (s !== undefined) attendance[m.id] = s;
      });
      return { rule, virtualCounts, members, attendance } satisfies QuorumInput;
    }),
  );

type Meeting = { rule: QuorumRule; virtualCounts: boolean; members: QuorumMember[]; attendance: Record<string, AttendanceStatus> };

const withStatus = (m: Meeting, id: string, status: AttendanceStatus): Meeting => ({ ...m, attendance: { ...m.attendance, [id]: status } });
const counts = (m: Meeting, member: QuorumMember): boolean =>
  member.voting && (m.attendance[member.id] === 'present' || (m.attendance[member.id] === 'virtual' && m.virtualCounts));

const member = (id: string, group?: string, voting = true): QuorumMember => ({ id, group, voting });
const everyone = (members: QuorumMember[], status: AttendanceStatus): Record<string, AttendanceStatus> =>
  Object.fromEntries(members.map((m) => [m.id, status]));

describe('quorumRequired', () => {
  it('needs 21 of 81 members for a quarter (Kent County Council)', () => {
    expect(quorumRequired(quarter, 81)).toBe(21);
  });

  it.each([
    [84, 21],
    [85, 22],
    [4, 1],
    [5, 2],
    [1, 1],
    [0, 1],
  ])('a quarter of %i members is %i', (whole, required) => {
    expect(quorumRequired(quarter, whole)).toBe(required);
  });

  it('takes the fixed number whatever the membership, even one larger than it', () => {
    expect(quorumRequired({ kind: 'fixed', count: 3 }, 13)).toBe(3);
    expect(quorumRequired({ kind: 'fixed', count: 3 }, 2)).toBe(3);
  });

  it('refuses a membership that is not a whole number', () => {
    expect(() => quorumRequired(quarter, -1)).toThrow(RangeError);
    expect(() => quorumRequired(quarter, 2.5)).toThrow(RangeError);
  });

  it('is the ceiling of whole × numerator ÷ denominator, between 1 and the whole membership', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 1, max: 5000 }), (rule, whole) => {
        const required = quorumRequired(rule, whole);
        expect(required).toBeGreaterThanOrEqual(1);
        if (rule.kind === 'fraction') {
          expect(required).toBeLessThanOrEqual(whole);
          // The smallest number that is at least the fraction of the membership.
          expect(required * rule.denominator).toBeGreaterThanOrEqual(whole * rule.numerator);
          expect((required - 1) * rule.denominator).toBeLessThan(Math.max(whole * rule.numerator, 1));
        } else if (rule.kind === 'fixed') {
          expect(required).toBe(rule.count);
        } else {
          throw new Error(`the arbitrary made a rule of kind ${rule.kind}`);
        }
      }),
    );
  });

  it('never falls when the membership grows', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 5000 }), (rule, whole) => {
        expect(quorumRequired(rule, whole + 1)).toBeGreaterThanOrEqual(quorumRequired(rule, whole));
        expect(quorumRequired(rule, whole + 1)).toBeLessThanOrEqual(quorumRequired(rule, whole) + 1);
      }),
    );
  });
});

describe('assessQuorum: examples', () => {
  const council = Array.from({ length: 81 }, (_, i) => member(`m${i}`));

  it('a full council of 81 is quorate with 21 present and not with 20', () => {
    const attendance = everyone(council, 'absent');
    council.slice(0, 21).forEach((m) => (attendance[m.id] = 'present'));
    expect(assessQuorum({ rule: quarter, virtualCounts: false, members: council, attendance })).toEqual({
      quorate: true,
      required: 21,
      counted: 21,
      shortBy: 0,
      failingGroups: [],
      attainable: true,
      shortfalls: [],
    });
    attendance.m0 = 'absent';
    expect(assessQuorum({ rule: quarter, virtualCounts: false, members: council, attendance })).toMatchObject({ quorate: false, counted: 20, shortBy: 1 });
  });

  it('reckons a quarter on the seats when the caller gives them (vacancies)', () => {
    const eighty = council.slice(0, 80);
    expect(assessQuorum({ rule: quarter, virtualCounts: false, members: eighty, attendance: {} }).required).toBe(20);
    expect(assessQuorum({ rule: quarter, virtualCounts: false, members: eighty, attendance: {}, wholeMembership: 81 }).required).toBe(21);
  });

  it('counts virtual attendance only when the standing orders say so', () => {
    const members = [member('a'), member('b'), member('c')];
    const attendance = { a: 'present', b: 'virtual', c: 'virtual' } as const;
    const rule: QuorumRule = { kind: 'fixed', count: 3 };
    expect(assessQuorum({ rule, virtualCounts: false, members, attendance })).toMatchObject({ quorate: false, counted: 1, shortBy: 2 });
    expect(assessQuorum({ rule, virtualCounts: true, members, attendance })).toMatchObject({ quorate: true, counted: 3, shortBy: 0 });
  });

  it('never counts non-voting or co-opted members, officers, apologies, the absent or a member who has withdrawn', () => {
    const members = [member('a'), member('b'), member('c'), member('coopted', undefined, false), member('d'), member('e')];
    const attendance = new Map<string, AttendanceStatus>([
      ['a', 'present'],
      ['b', 'apologies'],
      ['c', 'withdrawn'],
      ['coopted', 'present'],
      ['officer', 'present'],
      ['d', 'absent'],
      // e: nothing recorded
    ]);
    const result = assessQuorum({ rule: { kind: 'fixed', count: 2 }, virtualCounts: true, members, attendance });
    expect(result).toMatchObject({ quorate: false, counted: 1, required: 2, shortBy: 1, attainable: true });
    // The co-opted member is not a seat either: 5 voting members, a quarter → 2.
    expect(assessQuorum({ rule: quarter, virtualCounts: true, members, attendance }).required).toBe(2);
  });

  it('a fixed quorum larger than the membership cannot be met, and says so', () => {
    const members = [member('a'), member('b')];
    const result = assessQuorum({ rule: { kind: 'fixed', count: 3 }, virtualCounts: false, members, attendance: everyone(members, 'present') });
    expect(result).toEqual({ quorate: false, required: 3, counted: 2, shortBy: 1, failingGroups: [], attainable: false, shortfalls: [{ condition: -1, words: '2 present of the 3 members needed' }] });
  });

  it('a joint committee needs a voting member from each partner organisation', () => {
    const rule = QuorumRule.parse({ kind: 'fixed', count: 3, composition: { groups: ['Kent County Council', 'Medway Council'], minimumEach: 1 } });
    const members = [member('k1', 'Kent County Council'), member('k2', 'Kent County Council'), member('k3', 'Kent County Council'), member('m1', 'medway council '), member('m2', 'Medway Council', false)];
    const kentOnly = { k1: 'present', k2: 'present', k3: 'present', m2: 'present' } as const;
    expect(assessQuorum({ rule, virtualCounts: false, members, attendance: kentOnly })).toEqual({
      quorate: false,
      required: 3,
      counted: 3,
      shortBy: 1,
      failingGroups: ['Medway Council'],
      attainable: true,
      shortfalls: [{ condition: -2, words: 'no member from Medway Council present' }],
    });
    expect(assessQuorum({ rule, virtualCounts: false, members, attendance: { ...kentOnly, m1: 'present' } })).toMatchObject({ quorate: true, failingGroups: [] });
    // Two Medway members needed but only one of them votes: unattainable.
    const two = QuorumRule.parse({ ...rule, composition: { groups: ['Medway Council'], minimumEach: 2 } });
    expect(assessQuorum({ rule: two, virtualCounts: false, members, attendance: everyone(members, 'present') })).toMatchObject({ quorate: false, attainable: false });
  });

  it('shortBy counts the arrivals needed for both the number and the groups', () => {
    const rule = QuorumRule.parse({ kind: 'fixed', count: 2, composition: { groups: ['Labour', 'Green'], minimumEach: 1 } });
    const members = [member('c1', 'Conservative'), member('c2', 'Conservative'), member('l', 'Labour'), member('g', 'Green')];
    // Number met (2), but two groups short: two arrivals needed.
    expect(assessQuorum({ rule, virtualCounts: false, members, attendance: { c1: 'present', c2: 'present' } })).toMatchObject({
      shortBy: 2,
      failingGroups: ['Labour', 'Green'],
    });
  });
});

describe('assessQuorum: properties', () => {
  it('is quorate exactly when short by nobody, and counts exactly the voting members present', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const r = assessQuorum(m);
        expect(r.quorate).toBe(r.shortBy === 0);
        expect(r.counted).toBe(m.members.filter((x) => counts(m, x)).length);
        expect(r.required).toBe(quorumRequired(m.rule, m.members.filter((x) => x.voting).length));
        expect(r.shortBy).toBeGreaterThanOrEqual(Math.max(0, r.required - r.counted));
        if (r.quorate) expect(r.counted).toBeGreaterThanOrEqual(r.required);
        if (r.failingGroups.length > 0) expect(r.quorate).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('an arrival never makes a quorate meeting inquorate, nor increases the shortfall', () => {
    fc.assert(
      fc.property(meetingArb, fc.nat(), (m, pick) => {
        const notCounted = m.members.filter((x) => x.voting && !counts(m, x));
        fc.pre(notCounted.length > 0);
        const arriving = notCounted[pick % notCounted.length];
        const before = assessQuorum(m);
        const after = assessQuorum(withStatus(m, arriving.id, 'present'));
        if (before.quorate) expect(after.quorate).toBe(true);
        expect(after.shortBy).toBeLessThanOrEqual(before.shortBy);
        expect(after.counted).toBe(before.counted + 1);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a new voting member who is present never makes a quorate meeting inquorate', () => {
    fc.assert(
      fc.property(meetingArb, fc.option(fc.constantFrom(...GROUPS), { nil: undefined }), (m, group) => {
        const newcomer = member('newcomer', group);
        const before = assessQuorum(m);
        const after = assessQuorum({ ...m, members: [...m.members, newcomer], attendance: { ...m.attendance, newcomer: 'present' } });
        if (before.quorate) expect(after.quorate).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a departure never makes an inquorate meeting quorate, nor reduces the shortfall', () => {
    fc.assert(
      fc.property(meetingArb, fc.nat(), fc.constantFrom<AttendanceStatus>('absent', 'withdrawn'), (m, pick, leaving) => {
        const here = m.members.filter((x) => counts(m, x));
        fc.pre(here.length > 0);
        const departing = here[pick % here.length];
        const before = assessQuorum(m);
        const after = assessQuorum(withStatus(m, departing.id, leaving));
        if (!before.quorate) expect(after.quorate).toBe(false);
        expect(after.shortBy).toBeGreaterThanOrEqual(before.shortBy);
        expect(after.counted).toBe(before.counted - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('virtual attendance counts as presence when allowed and as absence when not', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const replaced = (status: AttendanceStatus) =>
          Object.fromEntries(Object.entries(m.attendance).map(([id, s]) => [id, s === 'virtual' ? status : s]));
        expect(assessQuorum({ ...m, virtualCounts: true })).toEqual(assessQuorum({ ...m, virtualCounts: false, attendance: replaced('present') }));
        expect(assessQuorum({ ...m, virtualCounts: false })).toEqual(assessQuorum({ ...m, virtualCounts: true, attendance: replaced('absent') }));
        // Allowing virtual attendance only ever helps.
        if (assessQuorum({ ...m, virtualCounts: false }).quorate) expect(assessQuorum({ ...m, virtualCounts: true }).quorate).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('non-voting members make no difference, whatever their attendance', () => {
    fc.assert(
      fc.property(meetingArb, fc.constantFrom(...STATUSES), fc.option(fc.constantFrom(...GROUPS), { nil: undefined }), (m, status, group) => {
        const coopted = member('coopted', group, false);
        const withCoopted = { ...m, members: [coopted, ...m.members], attendance: { ...m.attendance, coopted: status } };
        const withoutNonVoting = { ...m, members: m.members.filter((x) => x.voting) };
        expect(assessQuorum(withCoopted)).toEqual(assessQuorum(m));
        expect(assessQuorum(withoutNonVoting)).toEqual(assessQuorum(m));
      }),
      { numRuns: 300 },
    );
  });

  it('composition: failing groups are exactly those short of their minimum, and a composition rule only adds to the number', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const r = assessQuorum(m);
        const composition = m.rule.kind === 'none' ? undefined : m.rule.composition;
        const expected = (composition?.groups ?? []).filter(
          (g) => m.members.filter((x) => counts(m, x) && x.group === g).length < (composition?.minimumEach ?? 0),
        );
        expect(r.failingGroups).toEqual(expected);
        const withoutComposition = assessQuorum({ ...m, rule: { ...m.rule, composition: undefined } as QuorumRule });
        if (r.quorate) expect(withoutComposition.quorate).toBe(true);
        expect(r.shortBy).toBeGreaterThanOrEqual(withoutComposition.shortBy);
        expect(r.required).toBe(withoutComposition.required);
      }),
      { numRuns: 500 },
    );
  });

  it('attainable means quorate once every voting member is present, and shortBy arrivals are enough', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const r = assessQuorum(m);
        const full = assessQuorum({ ...m, attendance: everyone(m.members, 'present') });
        expect(full.quorate).toBe(r.attainable);
        if (!r.attainable) return;
        // Bring members in, those from short groups first: after exactly shortBy arrivals the
        // meeting is quorate, and not one arrival sooner.
        let now: Meeting = m;
        for (let i = 0; i < r.shortBy; i += 1) {
          const current = assessQuorum(now);
          expect(current.quorate).toBe(false);
          const waiting = now.members.filter((x) => x.voting && !counts(now, x));
          const next = waiting.find((x) => current.failingGroups.includes(x.group ?? '')) ?? waiting[0];
          now = withStatus(now, next.id, 'present');
        }
        expect(assessQuorum(now).quorate).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a Map and a Record alike, and ignores the order of members', () => {
    fc.assert(
      fc.property(meetingArb, (m) => {
        const r = assessQuorum(m);
        expect(assessQuorum({ ...m, attendance: new Map(Object.entries(m.attendance)) })).toEqual(r);
        const reversed = assessQuorum({ ...m, members: [...m.members].reverse() });
        expect({ ...reversed, failingGroups: [...reversed.failingGroups].sort() }).toEqual({ ...r, failingGroups: [...r.failingGroups].sort() });
      }),
      { numRuns: 300 },
    );
  });
});
