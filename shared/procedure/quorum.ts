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
import type { QuorumRule } from './standingOrders';

export type AttendanceStatus = 'present' | 'virtual' | 'apologies' | 'absent' | 'withdrawn';

export interface QuorumMember {
  id: string;
  /** Political group or partner organisation, matched against a composition rule's groups. */
  group?: string;
  voting: boolean;
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

/** Whether the meeting is quorate now, and if not, what it needs. */
export const assessQuorum = ({ rule, virtualCounts, members, attendance, wholeMembership }: QuorumInput): QuorumAssessment => {
  const voting = members.filter((m) => m.voting);
  const whole = wholeMembership ?? voting.length;
  const required = quorumRequired(rule, whole);
  const here = voting.filter((m) => countsTowardsQuorum(statusOf(attendance, m.id), virtualCounts));
  const counted = here.length;

  const groups = rule.composition?.groups ?? [];
  const minimumEach = rule.composition?.minimumEach ?? 0;
  const groupDeficits = groups.map((group) => ({
    group,
    deficit: Math.max(0, minimumEach - here.filter((m) => sameGroup(m.group, group)).length),
    attainable: voting.filter((m) => sameGroup(m.group, group)).length >= minimumEach,
  }));
  const failingGroups = groupDeficits.filter((g) => g.deficit > 0).map((g) => g.group);

  // Each arrival from a short group helps both the number and that group, so the fewest arrivals
  // needed is the larger of the shortfall in number and the total shortfall across groups.
  const shortInNumber = Math.max(0, required - counted);
  const shortInGroups = groupDeficits.reduce((sum, g) => sum + g.deficit, 0);
  const shortBy = Math.max(shortInNumber, shortInGroups);

  return {
    quorate: shortBy === 0,
    required,
    counted,
    shortBy,
    failingGroups,
    attainable: required <= voting.length && groupDeficits.every((g) => g.attainable),
  };
};
