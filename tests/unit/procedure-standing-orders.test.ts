import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BodyKind, StandingOrders, defaultStandingOrders } from '../../shared/procedure/standingOrders';
import { quorumRequired } from '../../shared/procedure/quorum';

const issuesOf = (input: unknown): { field: string; message: string }[] => {
  const parsed = StandingOrders.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
};

const fixedThree = { kind: 'fixed', count: 3 } as const;

// Numbers in and around each field's range, including wrong kinds of value.
const numberish = fc.oneof(
  fc.integer({ min: -10, max: 4000 }),
  fc.double({ min: -10, max: 4000, noNaN: false }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '60', null, true),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const strip = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const groupsArb = fc.array(fc.constantFrom('Conservative', 'Labour', 'labour', 'Green', ' ', 'Partner A', 'Partner B'), {
  maxLength: 4,
});
const compositionArb = maybe(fc.record({ groups: groupsArb, minimumEach: numberish }));
const quorumArb = fc.oneof(
  fc.record({ kind: fc.constant('fraction'), numerator: numberish, denominator: numberish, composition: compositionArb }).map(strip),
  fc.record({ kind: fc.constant('fixed'), count: numberish, composition: compositionArb }).map(strip),
);
const profileArb = fc
  .record({
    divisionBell: maybe(fc.record({ seconds: maybe(numberish), chairmanMaySkip: maybe(fc.boolean()) }).map(strip)),
    votingWindowSeconds: maybe(numberish),
    speechLimits: maybe(
      fc
        .record({
          mover: maybe(numberish),
          seconder: maybe(numberish),
          otherSpeaker: maybe(numberish),
          amendmentMover: maybe(numberish),
          rightOfReply: maybe(numberish),
          groupLeader: maybe(numberish),
          cabinetMember: maybe(numberish),
        })
        .map(strip),
    ),
    timeLimitedDebateMinutes: maybe(numberish),
    questionTimeMinutes: maybe(numberish),
    quorum: quorumArb,
    castingVote: maybe(fc.boolean()),
    virtualAttendanceCounts: maybe(fc.record({ quorum: maybe(fc.boolean()), voting: maybe(fc.boolean()), atChairsDiscretion: maybe(fc.boolean()) }).map(strip)),
    deputies: maybe(fc.oneof(fc.constant({ kind: 'substitutes' }), fc.constant({ kind: 'none' }), fc.record({ kind: fc.constant('alternates'), noticeWorkingDays: numberish }), fc.record({ kind: fc.string({ maxLength: 8 }) }))),
    recordedVote: maybe(
      fc
        .record({
          always: maybe(fc.boolean()),
          onRequestOf: maybe(fc.oneof(numberish, fc.constant(null))),
          forBudget: maybe(fc.boolean()),
          nameStyle: maybe(fc.oneof(fc.constantFrom('title_initial_surname', 'title_surname'), fc.string({ maxLength: 12 }))),
        })
        .map(strip),
    ),
    divisionResults: maybe(
      fc.record({ countsShownLive: maybe(fc.oneof(fc.boolean(), fc.string({ maxLength: 4 }))), votesFinalOnceCast: maybe(fc.boolean()), closeWhenAllVoted: maybe(fc.oneof(fc.boolean(), fc.integer())) }).map(strip),
    ),
    specialMajorities: maybe(
      fc.oneof(
        fc.array(
          fc.record({
            name: maybe(fc.oneof(fc.string({ maxLength: 130 }), fc.constantFrom('Suspension of standing orders', ' ', 'Budget'))),
            fraction: maybe(fc.oneof(fc.constantFrom('two_thirds', 'three_quarters'), fc.string({ maxLength: 12 }))),
            of: maybe(fc.oneof(fc.constantFrom('voting', 'present', 'membership'), fc.string({ maxLength: 12 }))),
          }).map(strip),
          { maxLength: 22 },
        ),
        fc.string({ maxLength: 4 }),
      ),
    ),
  })
  .map(strip);

const isWhole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

describe('standing orders: defaults by kind of body', () => {
  it('gives a full council one quarter, 45 minutes for time-limited debate and the usual timings', () => {
    const so = defaultStandingOrders('full_council');
    expect(so).toEqual({
      divisionBell: { seconds: 60, chairmanMaySkip: true },
      votingWindowSeconds: 20,
      speechLimits: { mover: 300, seconder: 180, otherSpeaker: 180, amendmentMover: 300, rightOfReply: 180, groupLeader: 0, cabinetMember: 0 },
      timeLimitedDebateMinutes: 45,
      questionTimeMinutes: 60,
      quorum: { kind: 'fraction', numerator: 1, denominator: 4 },
      castingVote: true,
      simpleMajorityOf: 'voting',
      usualDecision: { consensusFirst: false, vote: 'electronic' },
      virtualAttendanceCounts: { quorum: false, voting: false, atChairsDiscretion: false },
      deputies: { kind: 'substitutes' },
      recordedVote: { always: false, onRequestOf: 5, forBudget: true, nameStyle: 'title_initial_surname' },
      divisionResults: { countsShownLive: true, votesFinalOnceCast: false, closeWhenAllVoted: false },
      specialMajorities: [],
    });
  });

  it.each(['committee', 'panel', 'joint_committee'] as const)('gives a %s a quorum of 3 and 30 minutes for time-limited debate', (kind) => {
    const so = defaultStandingOrders(kind);
    expect(so.quorum).toEqual({ kind: 'fixed', count: 3 });
    expect(so.timeLimitedDebateMinutes).toBe(30);
    expect(so.castingVote).toBe(true);
    expect(so.virtualAttendanceCounts).toEqual({ quorum: false, voting: false, atChairsDiscretion: false });
    expect(so.deputies).toEqual({ kind: 'substitutes' });
  });

  it('returns profiles the schema accepts unchanged, and fresh objects each time', () => {
    for (const kind of BodyKind.options) {
      const so = defaultStandingOrders(kind);
      expect(StandingOrders.parse(so)).toEqual(so);
      expect(defaultStandingOrders(kind)).not.toBe(so);
    }
  });

  it('refuses an unknown kind of body', () => {
    expect(() => defaultStandingOrders('parish_meeting' as never)).toThrow(/Kind of body/);
  });

  it('fills every field but the quorum from defaults', () => {
    expect(StandingOrders.parse({ quorum: fixedThree })).toEqual({ ...defaultStandingOrders('committee'), timeLimitedDebateMinutes: 30 });
    expect(issuesOf({})).toEqual([{ field: 'quorum', message: expect.stringMatching(/^Quorum rule must be /) }]);
  });
});

/** A path such as quorum.denominator or (speechLimits.mover): the clerk never reads one. */
const DOTTED_PATH = /(?<![\w.])[A-Za-z_]\w*\.(?:\d+|[A-Za-z_]\w*)/;
const CAMEL_CASE_FIELD = /\b[a-z]+[A-Z]\w*\b/;

/** Every issue's message: a whole sentence in words, with no path (the issue's path places it beside its field). */
const expectInWords = (message: string) => {
  expect(message).toMatch(/^\p{Lu}/u);
  expect(message).not.toMatch(DOTTED_PATH);
  expect(message).not.toMatch(CAMEL_CASE_FIELD);
  expect(message).not.toMatch(/\(\w+\)/);
};

describe('standing orders: error messages name the field in words, never by its path', () => {
  it.each([
    [{ divisionBell: { seconds: 601 } }, 'divisionBell.seconds', 'Division bell length must be a whole number of seconds from 0 to 600'],
    [{ divisionBell: { chairmanMaySkip: 'yes' } }, 'divisionBell.chairmanMaySkip', 'Whether the chairman may skip the division bell must be true or false'],
    [{ votingWindowSeconds: 4 }, 'votingWindowSeconds', 'Voting window must be a whole number of seconds from 5 to 600'],
    [{ votingWindowSeconds: 20.5 }, 'votingWindowSeconds', 'Voting window must be a whole number of seconds from 5 to 600'],
    [{ speechLimits: { rightOfReply: 3601 } }, 'speechLimits.rightOfReply', "Speech limit for the mover's right of reply must be a whole number of seconds from 0 (no limit) to 3600"],
    [{ speechLimits: { groupLeader: 3601 } }, 'speechLimits.groupLeader', 'Speech limit for group leaders must be a whole number of seconds from 0 (no special limit) to 3600'],
    [{ speechLimits: { cabinetMember: 1.5 } }, 'speechLimits.cabinetMember', 'Speech limit for Cabinet Members must be a whole number of seconds from 0 (no special limit) to 3600'],
    [{ speechLimits: { mover: -1 } }, 'speechLimits.mover', 'Speech limit for the mover must be a whole number of seconds from 0 (no limit) to 3600'],
    [{ timeLimitedDebateMinutes: 0 }, 'timeLimitedDebateMinutes', 'Time-limited debate must be a whole number of minutes from 1 to 480'],
    [{ questionTimeMinutes: '60' }, 'questionTimeMinutes', 'Question time must be a whole number of minutes from 1 to 480'],
    [{ castingVote: 1 }, 'castingVote', 'Casting vote must be true or false'],
    [{ recordedVote: { onRequestOf: 0 } }, 'recordedVote.onRequestOf', 'Members needed to request a recorded vote must be a whole number of members from 1 to 1000'],
    [{ recordedVote: { nameStyle: 'first names' } }, 'recordedVote.nameStyle', 'Names in recorded votes must be title, initial and surname, or title and surname'],
    [{ divisionResults: { countsShownLive: 'yes' } }, 'divisionResults.countsShownLive', 'Whether the counts are shown while the vote is open must be true or false'],
    [{ virtualAttendanceCounts: { voting: true } }, 'virtualAttendanceCounts.voting', 'Members attending virtually may vote only if they also count towards the quorum'],
    [
      { virtualAttendanceCounts: { quorum: true, atChairsDiscretion: true } },
      'virtualAttendanceCounts.atChairsDiscretion',
      "When virtual attendance counts at the Chair's discretion, the Chair's ruling at each meeting decides the quorum and voting: it cannot also always count",
    ],
    [{ virtualAttendanceCounts: { atChairsDiscretion: 'sometimes' } }, 'virtualAttendanceCounts.atChairsDiscretion', "Whether virtual attendance counts at the Chair's discretion must be true or false"],
    [{ deputies: { kind: 'alternates' } }, 'deputies.noticeWorkingDays', "Notice of an alternate's attendance must be a whole number of working days from 0 to 60"],
    [{ deputies: { kind: 'alternates', noticeWorkingDays: 61 } }, 'deputies.noticeWorkingDays', "Notice of an alternate's attendance must be a whole number of working days from 0 to 60"],
    [{ deputies: { kind: 'deputy lieutenants' } }, 'deputies.kind', 'Deputies must be substitutes, alternates with notice (a number of working days), or none'],
    [{ deputies: { kind: 'none', notice: 5 } }, 'deputies', 'Deputies does not recognise "notice"'],
    [{ divisionBell: { seconds: 60, colour: 'red' } }, 'divisionBell', 'Division bell does not recognise "colour"'],
    [{ speechLimits: 300 }, 'speechLimits', 'Speech limits must be a set of settings (an object)'],
  ])('%j → %s', (patch, field, message) => {
    const issues = issuesOf({ quorum: fixedThree, ...patch });
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe(field);
    expect(issues[0].message).toBe(message);
    expectInWords(issues[0].message);
  });

  it.each([
    [{ kind: 'fraction', numerator: 3, denominator: 2 }, 'quorum.numerator', 'Quorum numerator must not exceed the denominator: a quorum cannot be more than the whole membership'],
    [{ kind: 'fraction', numerator: 1, denominator: 0 }, 'quorum.denominator', 'Quorum denominator must be a whole number of members from 1 to 1000'],
    [{ kind: 'fraction', numerator: 0, denominator: 4 }, 'quorum.numerator', 'Quorum numerator must be a whole number of members from 1 to 1000'],
    [{ kind: 'fixed', count: 0 }, 'quorum.count', 'The quorum must be a whole number of members from 1 to 1000'],
    [{ kind: 'fixed', count: 2.5 }, 'quorum.count', 'The quorum must be a whole number of members from 1 to 1000'],
    [{ kind: 'majority' }, 'quorum.kind', 'Quorum rule must be a fraction of the whole membership (a numerator and a denominator), a fixed number of members, or no number with conditions'],
    [{ kind: 'fixed', count: 3, composition: { groups: [], minimumEach: 1 } }, 'quorum.composition.groups', 'The groups in the quorum rule must list at least one group'],
    [{ kind: 'fixed', count: 3, composition: { groups: ['Labour', ' labour '], minimumEach: 1 } }, 'quorum.composition.groups.1', 'The groups in the quorum rule must be distinct: "labour" is listed twice'],
    [{ kind: 'fixed', count: 3, composition: { groups: ['Labour', '  '], minimumEach: 1 } }, 'quorum.composition.groups.1', 'Each group in the quorum rule must be a name, not empty'],
    [{ kind: 'fixed', count: 3, composition: { groups: ['Labour'], minimumEach: 0 } }, 'quorum.composition.minimumEach', 'The minimum from each group must be a whole number of members from 1 to 1000'],
    [{ kind: 'fixed', count: 3, composition: { groups: ['Labour'], minimumEach: 1, colour: 'red' } }, 'quorum.composition', 'The rule for a minimum from each group does not recognise "colour"'],
    // Keys are quoted as JSON, so a backslash or a quote in one cannot run into the next (the fuzz test found "\", "A.0" read as a path).
    [{ kind: 'fixed', count: 3, composition: { groups: ['Labour'], minimumEach: 1, '\\': 0, shade: 1 } }, 'quorum.composition', 'The rule for a minimum from each group does not recognise "\\\\", "shade"'],
  ])('quorum %j → %s', (quorum, field, message) => {
    const issues = issuesOf({ quorum });
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe(field);
    expect(issues[0].message).toBe(message);
    expectInWords(issues[0].message);
  });

  it('writes its messages in UK English', () => {
    const messages = issuesOf({ quorum: { kind: 'fixed', count: 3, extra: 1 }, colour: 'red' }).map((i) => i.message);
    expect(messages.join(' ')).toContain('recognise');
    expect(messages.join(' ')).not.toContain('recognize');
  });
});

describe('standing orders: properties of any profile the schema accepts', () => {
  it('has sane timings and a quorum rule that makes sense', () => {
    fc.assert(
      fc.property(profileArb, (input) => {
        const parsed = StandingOrders.safeParse(input);
        if (!parsed.success) {
          // Every refusal names a field, by its path, and says something in words.
          for (const issue of parsed.error.issues) {
            expect(issue.path.length).toBeGreaterThan(0);
            expect(issue.message.length).toBeGreaterThan(10);
            expectInWords(issue.message);
          }
          return;
        }
        const so = parsed.data;
        expect(isWhole(so.votingWindowSeconds, 5, 600)).toBe(true);
        expect(so.votingWindowSeconds).toBeGreaterThan(0);
        expect(isWhole(so.divisionBell.seconds, 0, 600)).toBe(true);
        for (const limit of Object.values(so.speechLimits)) expect(isWhole(limit, 0, 3600)).toBe(true);
        expect(isWhole(so.timeLimitedDebateMinutes, 1, 480)).toBe(true);
        expect(isWhole(so.questionTimeMinutes, 1, 480)).toBe(true);
        if (so.virtualAttendanceCounts.voting) expect(so.virtualAttendanceCounts.quorum).toBe(true);
        if (so.virtualAttendanceCounts.atChairsDiscretion) expect(so.virtualAttendanceCounts).toEqual({ quorum: false, voting: false, atChairsDiscretion: true });
        if (so.deputies.kind === 'alternates') expect(isWhole(so.deputies.noticeWorkingDays, 0, 60)).toBe(true);
        if (so.recordedVote.onRequestOf !== null) expect(isWhole(so.recordedVote.onRequestOf, 1, 1000)).toBe(true);
        if (so.quorum.kind === 'fraction') {
          expect(so.quorum.denominator).toBeGreaterThanOrEqual(1);
          expect(so.quorum.numerator).toBeGreaterThanOrEqual(1);
          expect(so.quorum.numerator).toBeLessThanOrEqual(so.quorum.denominator);
        } else if (so.quorum.kind === 'fixed') {
          expect(so.quorum.count).toBeGreaterThanOrEqual(1);
        } else {
          expect(so.quorum.conditions.length).toBeGreaterThanOrEqual(1);
        }
        if (so.quorum.kind !== 'none' && so.quorum.composition) {
          const names = so.quorum.composition.groups.map((g) => g.toLowerCase());
          expect(names.length).toBeGreaterThan(0);
          expect(new Set(names).size).toBe(names.length);
          expect(names.every((n) => n.length > 0)).toBe(true);
          expect(so.quorum.composition.minimumEach).toBeGreaterThanOrEqual(1);
        }
        // A parsed profile is a fixed point of the schema.
        expect(StandingOrders.parse(so)).toEqual(so);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every in-range profile', () => {
    const int = (min: number, max: number) => fc.integer({ min, max });
    const valid = fc.record({
      divisionBell: fc.record({ seconds: int(0, 600), chairmanMaySkip: fc.boolean() }),
      votingWindowSeconds: int(5, 600),
      speechLimits: fc.record({
        mover: int(0, 3600),
        seconder: int(0, 3600),
        otherSpeaker: int(0, 3600),
        amendmentMover: int(0, 3600),
        rightOfReply: int(0, 3600),
        groupLeader: int(0, 3600),
        cabinetMember: int(0, 3600),
      }),
      timeLimitedDebateMinutes: int(1, 480),
      questionTimeMinutes: int(1, 480),
      quorum: fc.oneof(
        int(1, 1000).chain((denominator) => int(1, denominator).map((numerator) => ({ kind: 'fraction' as const, numerator, denominator }))),
        int(1, 1000).map((count) => ({ kind: 'fixed' as const, count })),
      ),
      castingVote: fc.boolean(),
      simpleMajorityOf: fc.constantFrom('voting' as const, 'present' as const),
      usualDecision: fc.record({ consensusFirst: fc.boolean(), vote: fc.constantFrom('electronic' as const, 'show_of_hands' as const) }),
      // The standing orders decide (virtual voting only with the quorum), or the Chair at each meeting.
      virtualAttendanceCounts: fc.oneof(
        fc.boolean().chain((quorum) => (quorum ? fc.boolean() : fc.constant(false)).map((voting) => ({ quorum, voting, atChairsDiscretion: false }))),
        fc.constant({ quorum: false, voting: false, atChairsDiscretion: true }),
      ),
      deputies: fc.oneof(
        fc.constant({ kind: 'substitutes' as const }),
        fc.constant({ kind: 'none' as const }),
        int(0, 60).map((noticeWorkingDays) => ({ kind: 'alternates' as const, noticeWorkingDays })),
      ),
      recordedVote: fc.record({
        always: fc.boolean(),
        onRequestOf: fc.option(int(1, 1000), { nil: null }),
        forBudget: fc.boolean(),
        nameStyle: fc.constantFrom('title_initial_surname' as const, 'title_surname' as const),
      }),
      divisionResults: fc.record({ countsShownLive: fc.boolean(), votesFinalOnceCast: fc.boolean(), closeWhenAllVoted: fc.boolean() }),
      specialMajorities: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom('Suspension of standing orders', 'Rescinding a resolution', 'Budget', 'Change to the constitution', 'Removal of the Leader'),
          fraction: fc.constantFrom('two_thirds' as const, 'three_quarters' as const),
          of: fc.constantFrom('voting' as const, 'present' as const, 'membership' as const),
        }),
        { selector: (r) => r.name, maxLength: 5 },
      ),
    });
    const organisationVotes = fc.option(
      fc.record({
        organisations: fc.uniqueArray(fc.constantFrom('West Kent CCG', 'Swale CCG', 'Medway CCG', 'Dartford, Gravesham and Swanley CCG'), { minLength: 1, maxLength: 4 }),
        whenRepresentativesDisagree: fc.constantFrom('abstain' as const, 'not_counted' as const, 'first_listed' as const),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(valid, organisationVotes, (withoutOrganisations, organisations) => {
        const profile = organisations === undefined ? withoutOrganisations : { ...withoutOrganisations, organisationVotes: organisations };
        expect(StandingOrders.parse(profile)).toEqual(profile);
      }),
    );
  });

  it('gives a quorum requirement between 1 and the whole membership for a fraction, and exactly the count for a fixed rule', () => {
    fc.assert(
      fc.property(profileArb, fc.integer({ min: 1, max: 2000 }), (input, whole) => {
        const parsed = StandingOrders.safeParse(input);
        if (!parsed.success) return;
        const rule = parsed.data.quorum;
        const required = quorumRequired(rule, whole);
        expect(required).toBeGreaterThanOrEqual(1);
        if (rule.kind === 'fraction') {
          expect(required).toBeLessThanOrEqual(whole);
        } else if (rule.kind === 'fixed') {
          // A fixed quorum is never reduced to fit a smaller membership: such a meeting cannot be
          // quorate (assessQuorum reports attainable: false), which the quorum tests check.
          expect(required).toBe(rule.count);
          if (rule.count <= whole) expect(required).toBeLessThanOrEqual(whole);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
