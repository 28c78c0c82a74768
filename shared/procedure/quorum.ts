// Quorum: whether the meeting may do business, and by how much it falls short. Pure: no Node, no DOM.
//
// Decisions:
// - Only voting members count, towards the number present and towards the whole membership.
//   Non-voting and co-opted members, officers in attendance and anyone not in `members` never
//   count: the quorum is about who can decide.
// - "Whole membership" is the number of voting members listed for the body: the caller lists one
//   voting member per seat. A substitute attending in place of a member is listed as the voting
//   member in that seat (and the member substituted for is left out), so the seat counts once.
//   When seats are vacant, a full council's quorum is still reckoned on the whole number of seats,
//   so the caller passes `wholeMembership` (seats) explicitly; it defaults to the voting members
//   listed.
// - Counted as present: 'present', and 'virtual' only when the standing orders say virtual
//   attendance counts. Never counted: 'apologies', 'absent', 'withdrawn' (a member who has left
//   the room for an item after declaring a pecuniary interest takes no part, so is not there for
//   the quorum either), and a member with no attendance recorded.
// - The required number is at least 1: a body with no voting members can never be quorate.
// - A fixed quorum larger than the membership is not reduced to fit: the standing orders say how
//   many must be present, and if the body has fewer voting members the meeting cannot be quorate.
//   `attainable` is false so the clerk sees why, rather than the app quietly lowering the quorum.
//   The same holds for a composition group with fewer voting members than its minimum.
// - Conditions (the body's terms of reference) come on top of the number, or instead of one (a
//   panel that "may proceed only with two Independent Persons present"): each names members by a
//   label (group, role, or what they sit for), counts only voting members counted as present,
//   and, when unmet, says in words what is missing ("no member from the ICB present").
import { joinWithAnd } from '../format';
import type { QuorumCondition, QuorumRule } from './standingOrders';

export type AttendanceStatus = 'present' | 'virtual' | 'apologies' | 'absent' | 'withdrawn';

export interface QuorumMember {
  id: string;
  /** Political group or partner organisation, matched against a composition rule's groups. */
  group?: string;
  /**
   * What a condition may name the member by, besides the group: their roles, and what they sit
   * for (organisation, area, capacity). Matched ignoring case and surrounding spaces.
   */
  labels?: readonly string[];
  voting: boolean;
}

/** A condition of the rule that is not met, and what is missing in words ("no member from the ICB present"). */
export interface QuorumShortfall {
  /** Its place in the rule's conditions; -1 for the number, -2 for the older composition rule. */
  condition: number;
  words: string;
}

export interface QuorumInput {
  rule: QuorumRule;
  /** Whether members attending virtually count towards the quorum (standing orders). */
  virtualCounts: boolean;
  members: readonly QuorumMember[];
  attendance: ReadonlyMap<string, AttendanceStatus> | Readonly<Record<string, AttendanceStatus>>;
  /** Seats on the body, when vacancies mean it differs from the voting members listed. */
  wholeMembership?: number;
}

export interface QuorumAssessment {
  quorate: boolean;
  /** Voting members needed in number (composition rules come on top, see failingGroups). */
  required: number;
  /** Voting members counted as present. */
  counted: number;
  /**
   * The fewest further voting members who would have to arrive for the meeting to be quorate,
   * taking composition rules into account; 0 exactly when quorate.
   */
  shortBy: number;
  /** Composition groups with fewer voting members present than their minimum, as the rule names them. */
  failingGroups: string[];
  /** False when the meeting could not be quorate even with every voting member present. */
  attainable: boolean;
  /** Every unmet part of the rule (the number first, then each condition), in words; empty exactly when quorate. */
  shortfalls: QuorumShortfall[];
}

const sameGroup = (a: string | undefined, b: string): boolean =>
  a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

const checkCount = (value: number, what: string): void => {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number, 0 or more (got ${value})`);
};

/**
 * The number of voting members that must be present: for a fraction, the ceiling of
 * whole × numerator ÷ denominator (81 members, a quarter: 21); for a fixed rule, its count
 * whatever the membership. Never less than 1.
 */
export const quorumRequired = (rule: QuorumRule, wholeMembership: number): number => {
  checkCount(wholeMembership, 'Whole membership');
  if (rule.kind === 'none') return 0;
  if (rule.kind === 'fixed') return Math.max(1, rule.count);
  // Whole-number arithmetic, so no rounding surprises: ceil(a / b) = floor((a + b - 1) / b).
  const product = wholeMembership * rule.numerator;
  return Math.max(1, Math.floor((product + rule.denominator - 1) / rule.denominator));
};

const statusOf = (attendance: QuorumInput['attendance'], id: string): AttendanceStatus | undefined =>
  attendance instanceof Map ? attendance.get(id) : Object.hasOwn(attendance, id) ? (attendance as Readonly<Record<string, AttendanceStatus>>)[id] : undefined;

/** Whether a member's attendance counts towards the quorum. */
export const countsTowardsQuorum = (status: AttendanceStatus | undefined, virtualCounts: boolean): boolean =>
  status === 'present' || (status === 'virtual' && virtualCounts);

const joinedWithOr = (names: readonly string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);
const membersWord = (n: number) => `${n} ${n === 1 ? 'member' : 'members'}`;

/** Whether a member carries a label: their group, a role, or what they sit for. */
const carries = (member: QuorumMember, label: string): boolean => sameGroup(member.group, label) || (member.labels ?? []).some((l) => sameGroup(l, label));

interface ConditionOutcome {
  /** Further members needed from those who could meet it (a lower bound on arrivals). */
  deficit: number;
  /** Whether every voting member present would meet it. */
  attainable: boolean;
  words?: string;
}

/** How one condition stands with `here` present, out of the voting members `voting`. */
const conditionOutcome = (condition: QuorumCondition, here: readonly QuorumMember[], voting: readonly QuorumMember[]): ConditionOutcome => {
  if (condition.kind === 'fromEach') {
    const short = condition.groups
      .map((group) => ({ group, present: here.filter((m) => carries(m, group)).length, possible: voting.filter((m) => carries(m, group)).length }))
      .filter((g) => g.present < condition.minimum);
    const deficit = short.reduce((sum, g) => sum + (condition.minimum - g.present), 0);
    const words = short
      .map((g) => (g.present === 0 ? `no member from ${g.group} present` : `${g.present} of the ${condition.minimum} needed from ${g.group} present`))
      .join('; ');
    return { deficit, attainable: condition.groups.every((group) => voting.filter((m) => carries(m, group)).length >= condition.minimum), ...(short.length ? { words } : {}) };
  }
  if (condition.kind === 'amongRoles') {
    const holding = (m: QuorumMember) => condition.roles.some((role) => carries(m, role));
    const present = here.filter(holding).length;
    const deficit = Math.max(0, condition.minimum - present);
    const who = joinedWithOr(condition.roles);
    const words =
      present === 0 ? `no ${who} present (${condition.minimum} needed)` : `${present} of the ${condition.minimum} needed among ${who} present`;
    return { deficit, attainable: voting.filter(holding).length >= condition.minimum, ...(deficit > 0 ? { words } : {}) };
  }
  const represented = condition.groups.filter((group) => here.some((m) => carries(m, group)));
  const deficit = Math.max(0, condition.atLeast - represented.length);
  const words = `${represented.length === 0 ? 'none' : `only ${represented.length}`} of ${joinWithAnd(condition.groups)} represented (${condition.atLeast} needed)`;
  return { deficit, attainable: condition.groups.filter((group) => voting.some((m) => carries(m, group))).length >= condition.atLeast, ...(deficit > 0 ? { words } : {}) };
};

/** Whether the meeting is quorate now, and if not, what it needs. */
export const assessQuorum = ({ rule, virtualCounts, members, attendance, wholeMembership }: QuorumInput): QuorumAssessment => {
  const voting = members.filter((m) => m.voting);
  const whole = wholeMembership ?? voting.length;
  const required = quorumRequired(rule, whole);
  const here = voting.filter((m) => countsTowardsQuorum(statusOf(attendance, m.id), virtualCounts));
  const counted = here.length;

  const composition = rule.kind === 'none' ? undefined : rule.composition;
  const groups = composition?.groups ?? [];
  const minimumEach = composition?.minimumEach ?? 0;
  const groupDeficits = groups.map((group) => ({
    group,
    deficit: Math.max(0, minimumEach - here.filter((m) => sameGroup(m.group, group)).length),
    attainable: voting.filter((m) => sameGroup(m.group, group)).length >= minimumEach,
  }));
  const failingGroups = groupDeficits.filter((g) => g.deficit > 0).map((g) => g.group);
  const conditions = (rule.conditions ?? []).map((condition) => conditionOutcome(condition, here, voting));

  // Each arrival from a short group helps both the number and that group, so the fewest arrivals
  // needed is at least the larger of the shortfall in number, the total shortfall across the
  // composition's groups, and each condition's own shortfall.
  const shortInNumber = Math.max(0, required - counted);
  const shortInGroups = groupDeficits.reduce((sum, g) => sum + g.deficit, 0);
  const shortBy = Math.max(shortInNumber, shortInGroups, ...conditions.map((c) => c.deficit));

  const shortfalls: QuorumShortfall[] = [];
  if (shortInNumber > 0) shortfalls.push({ condition: -1, words: `${counted} present of the ${membersWord(required)} needed` });
  if (failingGroups.length) {
    shortfalls.push({
      condition: -2,
      words: groupDeficits
        .filter((g) => g.deficit > 0)
        .map((g) => (g.deficit === minimumEach ? `no member from ${g.group} present` : `${minimumEach - g.deficit} of the ${minimumEach} needed from ${g.group} present`))
        .join('; '),
    });
  }
  conditions.forEach((c, index) => {
    if (c.words) shortfalls.push({ condition: index, words: c.words });
  });

  return {
    quorate: shortBy === 0,
    required,
    counted,
    shortBy,
    failingGroups,
    attainable: required <= voting.length && groupDeficits.every((g) => g.attainable) && conditions.every((c) => c.attainable),
    shortfalls,
  };
};

/** One condition in words, as the body's terms of reference would put it. */
export const describeQuorumCondition = (condition: QuorumCondition): string => {
  if (condition.kind === 'fromEach') return `at least ${membersWord(condition.minimum)} from each of ${joinWithAnd(condition.groups)}`;
  if (condition.kind === 'amongRoles') return `at least ${condition.minimum} of the members who are ${joinedWithOr(condition.roles)}`;
  return `at least ${condition.atLeast} of ${joinWithAnd(condition.groups)} represented`;
};

/**
 * The whole rule in words, for the body's screen: "9 members, with at least 1 member from each of
 * Kent County Council, Medway Council and Kent and Medway ICB; and at least 1 of the members who
 * are Leader or ICB Chair". `membership` words the fraction's whole ("the 81 seats").
 */
export const describeQuorumRule = (rule: QuorumRule, membership = 'the voting members'): string => {
  const number =
    rule.kind === 'fraction' ? `${rule.numerator} in ${rule.denominator} of ${membership}` : rule.kind === 'fixed' ? membersWord(rule.count) : 'no number of members';
  const parts: string[] = [];
  if (rule.kind !== 'none' && rule.composition) parts.push(`at least ${membersWord(rule.composition.minimumEach)} from each of ${joinWithAnd(rule.composition.groups)}`);
  for (const condition of rule.conditions ?? []) parts.push(describeQuorumCondition(condition));
  if (parts.length === 0) return number;
  return rule.kind === 'none' ? `${number}: ${parts.join('; and ')}` : `${number}, with ${parts.join('; and ')}`;
};
