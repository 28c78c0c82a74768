// A body's standing orders as data: the procedure numbers the clerk's screens run on.
// Pure: no Node, no DOM.
//
// The numbers in domain.md (a 60-second division bell, 20 seconds to vote, 5-minute mover) are
// defaults, not constants. Each body has its own profile, the clerk may edit it before a meeting,
// and a motion to suspend standing orders may change a limit for one item.
//
// Every field except `quorum` has a default, so a stored profile written before a field existed
// still parses. The quorum rule has no default in the schema: it differs by kind of body (a
// quarter for a full council, a number for a committee) and is the one setting that decides
// whether the meeting may lawfully do business, so it must be stated. `defaultStandingOrders`
// gives a complete profile for each kind of body.
import { z } from 'zod';

/** The kinds of body whose defaults we know. */
export const BodyKind = z.enum(['full_council', 'committee', 'panel', 'joint_committee'], {
  error: 'Kind of body must be full council, committee, panel or joint committee',
});
export type BodyKind = z.infer<typeof BodyKind>;

// ---------------------------------------------------------------------------------------------
// Field builders: each error message is a whole sentence that names the field in words, as the
// standing-orders screen labels it. The path is not repeated: it is the issue's path (details.field
// and details.issues), by which the screen places the message beside its field.

const wholeNumber = (label: string, unit: string, min: number, max: number, minNote = '') => {
  const message = `${label} must be a whole number of ${unit} from ${min}${minNote} to ${max}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
};

const yesNo = (label: string) => z.boolean({ error: `${label} must be true or false` });

/** A strict object whose errors (wrong type, unrecognised keys) name the field. */
const section = <T extends z.core.$ZodLooseShape>(label: string, shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${label} does not recognise ${issue.keys.map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k)).join(', ')}`
        : `${label} must be a set of settings (an object)`,
  });

const sameGroupName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

// ---------------------------------------------------------------------------------------------
// Quorum

const GroupName = z
  .string({ error: 'Each group in the quorum rule must be a name' })
  .trim()
  .min(1, { error: 'Each group in the quorum rule must be a name, not empty' })
  .max(120, { error: 'Each group in the quorum rule must be at most 120 characters' });

/**
 * A composition rule on top of the number: at least `minimumEach` voting members present from
 * each listed group (political groups, or partner organisations of a joint committee). Group
 * names are matched ignoring case and surrounding spaces, so they must be distinct on that basis.
 */
export const QuorumComposition = section('The rule for a minimum from each group', {
  groups: z
    .array(GroupName, { error: 'The groups in the quorum rule must be a list of group names' })
    .min(1, { error: 'The groups in the quorum rule must list at least one group' })
    .max(50, { error: 'The groups in the quorum rule must list at most 50 groups' })
    .superRefine((groups, ctx) => {
      groups.forEach((group, index) => {
        if (groups.findIndex((other) => sameGroupName(other, group)) !== index) {
          ctx.addIssue({
            code: 'custom',
            message: `The groups in the quorum rule must be distinct: "${group}" is listed twice`,
            path: [index],
          });
        }
      });
    }),
  minimumEach: wholeNumber('The minimum from each group', 'members', 1, 1000),
});
export type QuorumComposition = z.infer<typeof QuorumComposition>;

// Conditions on top of the number (or instead of one), as a body's terms of reference write them.
// Each names members by a label: their group, one of their roles, or what they sit for (their
// organisation, area or capacity: "Kent and Medway ICB", "East Kent area", "Independent Person").
const Label = z
  .string({ error: 'Each name in a quorum condition must be a name' })
  .trim()
  .min(1, { error: 'Each name in a quorum condition must be a name, not empty' })
  .max(120, { error: 'Each name in a quorum condition must be at most 120 characters' });

const distinctLabels = (what: string) =>
  z
    .array(Label, { error: `The ${what} of a quorum condition must be a list of names` })
    .min(1, { error: `The ${what} of a quorum condition must list at least one name` })
    .max(50, { error: `The ${what} of a quorum condition must list at most 50 names` })
    .superRefine((labels, ctx) => {
      labels.forEach((label, index) => {
        if (labels.findIndex((other) => sameGroupName(other, label)) !== index) {
          ctx.addIssue({ code: 'custom', message: `The ${what} of a quorum condition must be distinct: "${label}" is listed twice`, path: [index] });
        }
      });
    });

/** At least `minimum` present from each of these groups (each group on its own). */
const FromEachCondition = section('The condition of a minimum from each group', {
  kind: z.literal('fromEach'),
  groups: distinctLabels('groups'),
  minimum: wholeNumber('The minimum from each group', 'members', 1, 1000),
});

/** At least `minimum` present among the members holding any of these roles (all together). */
const AmongRolesCondition = section('The condition of a minimum among members holding roles', {
  kind: z.literal('amongRoles'),
  roles: distinctLabels('roles'),
  minimum: wholeNumber('The minimum among members holding these roles', 'members', 1, 1000),
});

/** At least `atLeast` of these groups represented, each by one member present or more. */
const GroupsRepresentedCondition = section('The condition of groups represented', {
  kind: z.literal('groupsRepresented'),
  groups: distinctLabels('groups'),
  atLeast: wholeNumber('The number of groups to be represented', 'groups', 1, 50),
}).superRefine((c, ctx) => {
  if (Array.isArray(c.groups) && Number.isInteger(c.atLeast) && c.atLeast > c.groups.length) {
    ctx.addIssue({ code: 'custom', message: `The number of groups to be represented (${c.atLeast}) must not exceed the groups listed (${c.groups.length})`, path: ['atLeast'] });
  }
});

export const QuorumCondition = z.discriminatedUnion('kind', [FromEachCondition, AmongRolesCondition, GroupsRepresentedCondition], {
  error: (issue) =>
    issue.code === 'invalid_union' || issue.code === 'invalid_type'
      ? 'Each quorum condition must be a minimum from each group (fromEach), a minimum among members holding roles (amongRoles) or a number of groups represented (groupsRepresented)'
      : undefined,
});
export type QuorumCondition = z.infer<typeof QuorumCondition>;

const Conditions = z
  .array(QuorumCondition, { error: 'The quorum conditions must be a list' })
  .max(20, { error: 'The quorum conditions must list at most 20 conditions' });

const FractionQuorum = section('Quorum rule', {
  kind: z.literal('fraction'),
  numerator: wholeNumber('Quorum numerator', 'members', 1, 1000),
  denominator: wholeNumber('Quorum denominator', 'members', 1, 1000),
  composition: QuorumComposition.optional(),
  conditions: Conditions.optional(),
}).superRefine((rule, ctx) => {
  // Compared only when both are otherwise valid, so one mistake gives one message.
  const valid = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 1000;
  if (valid(rule.numerator) && valid(rule.denominator) && rule.numerator > rule.denominator) {
    ctx.addIssue({
      code: 'custom',
      message: 'Quorum numerator must not exceed the denominator: a quorum cannot be more than the whole membership',
      path: ['numerator'],
    });
  }
});

const FixedQuorum = section('Quorum rule', {
  kind: z.literal('fixed'),
  count: wholeNumber('The quorum', 'members', 1, 1000),
  composition: QuorumComposition.optional(),
  conditions: Conditions.optional(),
});

/** No number at all: the meeting may proceed when its conditions are met (two Independent Persons present). */
const ConditionsOnlyQuorum = section('Quorum rule', {
  kind: z.literal('none'),
  conditions: Conditions.min(1, { error: 'A quorum with no number must have at least one condition' }),
});

/** The quorum rule: a fraction of the whole membership, a fixed number of members, or no number; conditions on top. */
export const QuorumRule = z.discriminatedUnion('kind', [FractionQuorum, FixedQuorum, ConditionsOnlyQuorum], {
  error: (issue) =>
    issue.code === 'invalid_union' || issue.code === 'invalid_type'
      ? 'Quorum rule must be a fraction of the whole membership (a numerator and a denominator), a fixed number of members, or no number with conditions'
      : undefined,
});
export type QuorumRule = z.infer<typeof QuorumRule>;

// ---------------------------------------------------------------------------------------------
// Special majorities

/** A named decision that needs a special majority, e.g. "Suspension of standing orders": two-thirds of those present. */
export const SpecialMajority = section('Special majority', {
  name: z
    .string({ error: 'Each special majority must have a name' })
    .trim()
    .min(1, { error: 'Each special majority must have a name, not empty' })
    .max(120, { error: "A special majority's name must be at most 120 characters" }),
  fraction: z.enum(['two_thirds', 'three_quarters'], { error: 'A special majority must be two-thirds or three-quarters' }),
  of: z.enum(['voting', 'present', 'membership'], { error: 'A special majority must be of those voting, of those present, or of the whole membership' }),
});
export type SpecialMajority = z.infer<typeof SpecialMajority>;

// ---------------------------------------------------------------------------------------------
// The profile

const speechLimit = (role: string, zero = 'no limit') => wholeNumber(`Speech limit for ${role}`, 'seconds', 0, 3600, ` (${zero})`);

export const StandingOrders = section('Standing orders', {
  /** The division bell rung before a vote so that members outside the chamber can return. */
  divisionBell: section('Division bell', {
    seconds: wholeNumber('Division bell length', 'seconds', 0, 600).default(60),
    /** The chairman may skip the bell when satisfied that all members are present. */
    chairmanMaySkip: yesNo('Whether the chairman may skip the division bell').default(true),
  }).prefault({}),
  /** Time allowed for electronic voting once the vote opens. */
  votingWindowSeconds: wholeNumber('Voting window', 'seconds', 5, 600).default(20),
  /** Speech limits by role, in seconds; 0 means no limit. */
  speechLimits: section('Speech limits', {
    mover: speechLimit('the mover').default(300),
    seconder: speechLimit('the seconder').default(180),
    otherSpeaker: speechLimit('other speakers').default(180),
    amendmentMover: speechLimit('the mover of an amendment').default(300),
    rightOfReply: speechLimit("the mover's right of reply").default(180),
    /**
     * A leader of the council or of a group (roles Leader, Group Leader) speaking as mover,
     * seconder, mover of an amendment or other speaker may speak for this long if it is longer
     * than their role's limit; 0 for no special limit.
     */
    groupLeader: speechLimit('group leaders', 'no special limit').default(0),
    /** The same for a Cabinet Member. */
    cabinetMember: speechLimit('Cabinet Members', 'no special limit').default(0),
  }).prefault({}),
  /** Length of a motion for time-limited debate, as a whole. */
  timeLimitedDebateMinutes: wholeNumber('Time-limited debate', 'minutes', 1, 480).default(30),
  /** The fixed period for members' questions. */
  questionTimeMinutes: wholeNumber('Question time', 'minutes', 1, 480).default(60),
  /** No default here: see the note at the top of this file. */
  quorum: QuorumRule,
  /**
   * Who presides, in order, by the body's terms of reference: each step names members by a role or
   * what they sit for ("Chairman", "Leader of Medway Council", "ICB Chair"). When given, Chamber
   * applies it as each item is taken: the first on the list who is present and has not withdrawn
   * from the item presides; failing all, one is elected for the meeting. Absent: the clerk
   * records who presides.
   */
  presidingOrder: z
    .array(Label, { error: 'The presiding list must be a list of roles' })
    .min(1, { error: 'The presiding list must name at least one role' })
    .max(10, { error: 'The presiding list must name at most 10 roles' })
    .optional(),
  /** Whether the chairman has a second or casting vote on an equality of votes. */
  castingVote: yesNo('Casting vote').default(true),
  /**
   * Why the press and public may be excluded, as the body's own terms list them (a joint
   * committee under the Public Bodies (Admission to Meetings) Act 1960). Absent: the paragraphs of
   * Schedule 12A to the Local Government Act 1972, as for a council and its committees.
   */
  exclusionReasons: z
    .array(
      z
        .string({ error: 'Each reason for excluding the public must be text' })
        .trim()
        .min(1, { error: 'Each reason for excluding the public must not be empty' })
        .max(300, { error: 'Each reason for excluding the public must be at most 300 characters' }),
      { error: 'The reasons for excluding the public must be a list' },
    )
    .min(1, { error: 'The reasons for excluding the public must list at least one, or be left out for Schedule 12A' })
    .max(20, { error: 'The reasons for excluding the public must list at most 20' })
    .optional(),
  /** Decisions by a simple majority of those voting (the default), or of the members present (abstaining counts against). */
  simpleMajorityOf: z
    .enum(['voting', 'present'], { error: 'A simple majority must be of those voting or of the members present' })
    .default('voting'),
  /**
   * How the body usually decides, by its terms of reference: consensus first (an item may be
   * adjourned and reconsidered before any vote) or not, and votes taken electronically (a
   * division, the default) or by a show of hands. The live screen offers the usual way first; the
   * other stays open to the chairman ("unless the Chairman decides otherwise").
   */
  usualDecision: section('The usual way of deciding', {
    consensusFirst: yesNo('Whether the body seeks consensus before a vote').default(false),
    vote: z.enum(['electronic', 'show_of_hands'], { error: 'Votes must usually be taken electronically or by a show of hands' }).default('electronic'),
  }).prefault({}),
  /**
   * Votes by organisation (a Health and Wellbeing Board's Clinical Commissioning Groups): members
   * who sit for one of these organisations cast its one vote together, whoever of them attends;
   * other members vote as themselves. When its representatives vote differently, the clerk's rule
   * decides: the organisation abstains, its vote is not counted, or the first of its
   * representatives on the list of members who voted gives its vote. Absent: every member votes.
   */
  organisationVotes: section('Votes by organisation', {
    organisations: z
      .array(
        z
          .string({ error: 'Each organisation that votes as one must be a name' })
          .trim()
          .min(1, { error: 'Each organisation that votes as one must be a name, not empty' })
          .max(120, { error: 'Each organisation that votes as one must be at most 120 characters' }),
        { error: 'The organisations that vote as one must be a list' },
      )
      .min(1, { error: 'Votes by organisation must name at least one organisation' })
      .max(30, { error: 'Votes by organisation must name at most 30 organisations' })
      .superRefine((names, ctx) => {
        names.forEach((name, index) => {
          if (names.findIndex((other) => sameGroupName(other, name)) !== index) {
            ctx.addIssue({ code: 'custom', message: `Each organisation that votes as one must be listed once: "${name}" is listed twice`, path: [index] });
          }
        });
      }),
    whenRepresentativesDisagree: z.enum(['abstain', 'not_counted', 'first_listed'], {
      error: 'When representatives disagree, the organisation must abstain, not be counted, or vote as its first-listed representative',
    }),
  }).optional(),
  /**
   * Whether members attending virtually count. English law requires physical presence at a
   * formal meeting, hence false by default.
   */
  virtualAttendanceCounts: section('Virtual attendance', {
    quorum: yesNo('Whether virtual attendance counts towards the quorum').default(false),
    voting: yesNo('Whether members attending virtually may vote').default(false),
    /**
     * Whether virtual attendance counts at the Chair's discretion (a body's terms: "video
     * attendance may count at the Chair's discretion"): the Chair rules at each meeting, the clerk
     * records the ruling, and it decides both the quorum and voting for that meeting. Until the
     * Chair rules, members attending virtually do not count.
     */
    atChairsDiscretion: yesNo("Whether virtual attendance counts at the Chair's discretion").default(false),
  })
    .superRefine((v, ctx) => {
      if (v.voting === true && v.quorum === false) {
        ctx.addIssue({
          code: 'custom',
          message: 'Members attending virtually may vote only if they also count towards the quorum',
          path: ['voting'],
        });
      }
      // One rule or the other: the standing orders decide for every meeting, or the Chair at each.
      if (v.atChairsDiscretion === true && (v.quorum === true || v.voting === true)) {
        ctx.addIssue({
          code: 'custom',
          message:
            "When virtual attendance counts at the Chair's discretion, the Chair's ruling at each meeting decides the quorum and voting: it cannot also always count",
          path: ['atChairsDiscretion'],
        });
      }
    })
    .prefault({}),
  /**
   * Who may attend in a member's place, by the body's terms of reference: substitutes (a member
   * named as a substitute stands in, the default), alternates only with notice given at least so
   * many working days before the meeting, or nobody (no deputies).
   */
  deputies: z
    .discriminatedUnion(
      'kind',
      [
        section('Deputies', { kind: z.literal('substitutes') }),
        section('Deputies', {
          kind: z.literal('alternates'),
          noticeWorkingDays: wholeNumber("Notice of an alternate's attendance", 'working days', 0, 60),
        }),
        section('Deputies', { kind: z.literal('none') }),
      ],
      {
        error: (issue) =>
          issue.code === 'invalid_union' || issue.code === 'invalid_type'
            ? 'Deputies must be substitutes, alternates with notice (a number of working days), or none'
            : undefined,
      },
    )
    .default({ kind: 'substitutes' }),
  /** When the names of members voting each way must be recorded in the minutes. */
  recordedVote: section('Recorded votes', {
    always: yesNo('Whether every vote is recorded').default(false),
    /** How many members must ask for a recorded vote; null when members cannot ask. */
    onRequestOf: wholeNumber('Members needed to request a recorded vote', 'members', 1, 1000)
      .nullable()
      .default(5),
    forBudget: yesNo('Whether budget decisions are always recorded').default(true),
    /** How the minutes name members in a recorded vote: "Mr M Angell" (the 2015 style) or "Mr Angell". */
    nameStyle: z
      .enum(['title_initial_surname', 'title_surname'], { error: 'Names in recorded votes must be title, initial and surname, or title and surname' })
      .default('title_initial_surname'),
  }).prefault({}),
  /** What members and the room see of a division while it is open, and whether a vote may change. */
  divisionResults: section('Division results', {
    /** Counts shown while the voting window is open (otherwise only after the close); names only ever after the close. */
    countsShownLive: yesNo('Whether the counts are shown while the vote is open').default(true),
    /** A vote once cast is final (otherwise a member may change it while the window is open; the last counts). */
    votesFinalOnceCast: yesNo('Whether a vote is final once cast').default(false),
    /** The voting window closes as soon as every member who may vote has voted (otherwise it runs its time). */
    closeWhenAllVoted: yesNo('Whether the vote closes once every member has voted').default(false),
  }).prefault({}),
  /**
   * Decisions that need more than a simple majority (a named rule the chairman applies when the
   * division is called): two-thirds or three-quarters of those voting, of those present, or of the
   * whole membership.
   */
  specialMajorities: z
    .array(SpecialMajority, { error: 'Special majorities must be a list' })
    .max(20, { error: 'Special majorities must list at most 20 rules' })
    .superRefine((rules, ctx) => {
      rules.forEach((rule, index) => {
        if (rules.findIndex((other) => typeof other.name === 'string' && sameGroupName(other.name, rule.name)) !== index) {
          ctx.addIssue({ code: 'custom', message: `Each special majority must have its own name: "${rule.name}" is listed twice`, path: [index, 'name'] });
        }
      });
    })
    .default([]),
});

/** A complete, validated standing-orders profile. */
export type StandingOrders = z.infer<typeof StandingOrders>;
/** What the schema accepts: any field but `quorum` may be left out and takes its default. */
export type StandingOrdersInput = z.input<typeof StandingOrders>;

/**
 * The default profile for a kind of body. The clerk checks it against the body's own standing
 * orders and edits it before the meeting.
 *
 * - full council: quorum one quarter of the whole number of members (the legal minimum),
 *   45 minutes for a motion for time-limited debate;
 * - committee, panel, joint committee: quorum of 3 members, 30 minutes for time-limited debate.
 *   A joint committee's partner-organisation composition rule names its partners, so it cannot
 *   be defaulted: the clerk adds it.
 */
export const defaultStandingOrders = (kind: BodyKind): StandingOrders => {
  const k = BodyKind.parse(kind);
  return k === 'full_council'
    ? StandingOrders.parse({ quorum: { kind: 'fraction', numerator: 1, denominator: 4 }, timeLimitedDebateMinutes: 45 })
    : StandingOrders.parse({ quorum: { kind: 'fixed', count: 3 }, timeLimitedDebateMinutes: 30 });
};
