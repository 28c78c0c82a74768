// The standing-orders form as text the clerk types, and back: speech limits in minutes:seconds,
// everything else in whole seconds, minutes or members. Pure, so it is easy to reason about.
import type { QuorumCondition, StandingOrders } from '../../../../shared/procedure/standingOrders';

export const SPEECH_ROLES = [
  { key: 'mover', label: 'Mover of a motion' },
  { key: 'seconder', label: 'Seconder' },
  { key: 'otherSpeaker', label: 'Other speakers' },
  { key: 'amendmentMover', label: 'Mover of an amendment' },
  { key: 'rightOfReply', label: 'Mover’s right of reply' },
  { key: 'groupLeader', label: 'Group leaders' },
  { key: 'cabinetMember', label: 'Cabinet Members' },
] as const;

export type SpeechRole = (typeof SPEECH_ROLES)[number]['key'];

/** The kinds of quorum condition, as the form offers them. */
export const CONDITION_KINDS = [
  { key: 'fromEach', label: 'a minimum from each of these groups', names: 'Groups', number: 'Minimum from each' },
  { key: 'amongRoles', label: 'a minimum among members holding these roles', names: 'Roles', number: 'Minimum among them' },
  { key: 'groupsRepresented', label: 'at least a number of these groups represented', names: 'Groups', number: 'Groups to be represented' },
] as const satisfies readonly { key: QuorumCondition['kind']; label: string; names: string; number: string }[];

/**
 * One quorum condition as text: its kind, its names one per line (groups, roles, or what members
 * sit for) and its number (the minimum, or how many groups must be represented).
 */
export interface ConditionValues {
  kind: QuorumCondition['kind'];
  names: string;
  number: string;
}

/** A new condition's blank fields: a minimum among members holding roles, the commonest in a panel's terms. */
export const blankCondition = (): ConditionValues => ({ kind: 'amongRoles', names: '', number: '1' });

export const conditionValuesOf = (condition: QuorumCondition): ConditionValues =>
  condition.kind === 'fromEach'
    ? { kind: 'fromEach', names: condition.groups.join('\n'), number: String(condition.minimum) }
    : condition.kind === 'amongRoles'
      ? { kind: 'amongRoles', names: condition.roles.join('\n'), number: String(condition.minimum) }
      : { kind: 'groupsRepresented', names: condition.groups.join('\n'), number: String(condition.atLeast) };

const linesOf = (text: string): string[] =>
  text
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A condition's text back to the schema's shape. A number that is not a number is sent as typed
 * (and `whole` records our error), so the core reports the names at the same time.
 */
const conditionOf = (c: ConditionValues, whole: (text: string) => number): QuorumCondition => {
  const names = linesOf(c.names);
  if (c.kind === 'fromEach') return { kind: 'fromEach', groups: names, minimum: whole(c.number) };
  if (c.kind === 'amongRoles') return { kind: 'amongRoles', roles: names, minimum: whole(c.number) };
  return { kind: 'groupsRepresented', groups: names, atLeast: whole(c.number) };
};

/** A condition's field on the form: "quorum.conditions.1.names". */
export const conditionField = (index: number, part: 'kind' | 'names' | 'number'): string => `quorum.conditions.${index}.${part}`;

/** The condition as far as it can be read, for its words under it; undefined while a number is not yet a whole number of 1 or more. */
export const readableCondition = (c: ConditionValues): QuorumCondition | undefined => {
  if (!/^\s*\d+\s*$/.test(c.number) || Number(c.number) < 1 || linesOf(c.names).length === 0) return undefined;
  return conditionOf(c, Number);
};

export interface SOValues {
  bellSeconds: string;
  chairmanMaySkip: boolean;
  votingWindowSeconds: string;
  speech: Record<SpeechRole, string>;
  timeLimitedDebateMinutes: string;
  questionTimeMinutes: string;
  quorumKind: 'fraction' | 'fixed' | 'none';
  /** The terms of reference's conditions, as the clerk types them: on top of the number, or instead of one. */
  conditions: ConditionValues[];
  numerator: string;
  denominator: string;
  count: string;
  composition: boolean;
  groups: string;
  minimumEach: string;
  /** Who presides, in order: one role (or what a member sits for) per line; empty for none. */
  presidingOrder: string;
  castingVote: boolean;
  simpleMajorityOf: 'voting' | 'present';
  consensusFirst: boolean;
  usualVote: StandingOrders['usualDecision']['vote'];
  /** Organisations that cast one vote together (one per line); empty when every member votes. */
  organisations: string;
  whenRepresentativesDisagree: NonNullable<StandingOrders['organisationVotes']>['whenRepresentativesDisagree'];
  /** The body's own reasons for excluding the public, one per line; empty for Schedule 12A. */
  exclusionReasons: string;
  virtualQuorum: boolean;
  virtualVoting: boolean;
  /** Whether virtual attendance counts at the Chair's discretion (ruled at each meeting). */
  virtualDiscretion: boolean;
  /** Who may attend in a member's place: substitutes, alternates with notice, or nobody. */
  deputies: StandingOrders['deputies']['kind'];
  /** Working days' notice of an alternate, when the body takes alternates. */
  noticeWorkingDays: string;
  recordedAlways: boolean;
  onRequest: boolean;
  onRequestOf: string;
  forBudget: boolean;
  nameStyle: 'title_initial_surname' | 'title_surname';
  countsShownLive: boolean;
  votesFinalOnceCast: boolean;
  closeWhenAllVoted: boolean;
  /** One rule a line: "Suspension of standing orders: two-thirds of those present". */
  specialMajorities: string;
}

const FRACTION_WORDS = { two_thirds: 'two-thirds', three_quarters: 'three-quarters' } as const;
const BASE_WORDS = { voting: 'those voting', present: 'those present', membership: 'the whole membership' } as const;

/** A special majority as the clerk reads it: "Suspension of standing orders: two-thirds of those present". */
export const specialMajorityLine = (rule: StandingOrders['specialMajorities'][number]): string => `${rule.name}: ${FRACTION_WORDS[rule.fraction]} of ${BASE_WORDS[rule.of]}`;

/** Lines back to rules; the first line that is not a rule, with its number. */
export const parseSpecialMajorities = (text: string): { rules: StandingOrders['specialMajorities'] } | { error: string } => {
  const rules: StandingOrders['specialMajorities'] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(.+):\s*(two[- ]thirds|three[- ]quarters)\s+of\s+(those voting|those present|the whole membership)\.?$/i.exec(line);
    if (!match) return { error: `line ${index + 1} must read like "Suspension of standing orders: two-thirds of those present" (two-thirds or three-quarters; of those voting, of those present, or of the whole membership)` };
    const fraction = /^two/i.test(match[2]) ? 'two_thirds' : 'three_quarters';
    const base = match[3].toLowerCase();
    const of = base === 'those voting' ? 'voting' : base === 'those present' ? 'present' : 'membership';
    rules.push({ name: match[1].trim(), fraction, of });
  }
  return { rules };
};

/** 300 → "5:00"; 95 → "1:35"; 0 → "0:00" (no limit). */
export const minutesSeconds = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** "5:00" or "4:30" → seconds; a bare "5" is 5 minutes. Undefined when it is neither. */
export const parseMinutesSeconds = (text: string): number | undefined => {
  const t = text.trim();
  const full = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  if (full) return Number(full[1]) * 60 + Number(full[2]);
  if (/^\d{1,3}$/.test(t)) return Number(t) * 60;
  return undefined;
};

export const valuesOf = (so: StandingOrders): SOValues => ({
  bellSeconds: String(so.divisionBell.seconds),
  chairmanMaySkip: so.divisionBell.chairmanMaySkip,
  votingWindowSeconds: String(so.votingWindowSeconds),
  speech: {
    mover: minutesSeconds(so.speechLimits.mover),
    seconder: minutesSeconds(so.speechLimits.seconder),
    otherSpeaker: minutesSeconds(so.speechLimits.otherSpeaker),
    amendmentMover: minutesSeconds(so.speechLimits.amendmentMover),
    rightOfReply: minutesSeconds(so.speechLimits.rightOfReply),
    // A profile saved before these limits existed has none.
    groupLeader: minutesSeconds((so.speechLimits as Partial<StandingOrders['speechLimits']>).groupLeader ?? 0),
    cabinetMember: minutesSeconds((so.speechLimits as Partial<StandingOrders['speechLimits']>).cabinetMember ?? 0),
  },
  timeLimitedDebateMinutes: String(so.timeLimitedDebateMinutes),
  questionTimeMinutes: String(so.questionTimeMinutes),
  quorumKind: so.quorum.kind,
  numerator: so.quorum.kind === 'fraction' ? String(so.quorum.numerator) : '1',
  denominator: so.quorum.kind === 'fraction' ? String(so.quorum.denominator) : '4',
  count: so.quorum.kind === 'fixed' ? String(so.quorum.count) : '3',
  conditions: (so.quorum.conditions ?? []).map(conditionValuesOf),
  composition: so.quorum.kind !== 'none' && so.quorum.composition !== undefined,
  groups: (so.quorum.kind !== 'none' && so.quorum.composition?.groups.join('\n')) || '',
  minimumEach: String((so.quorum.kind !== 'none' && so.quorum.composition?.minimumEach) || 1),
  presidingOrder: (so.presidingOrder ?? []).join('\n'),
  castingVote: so.castingVote,
  simpleMajorityOf: so.simpleMajorityOf ?? 'voting',
  consensusFirst: so.usualDecision.consensusFirst,
  usualVote: so.usualDecision.vote,
  organisations: (so.organisationVotes?.organisations ?? []).join('\n'),
  whenRepresentativesDisagree: so.organisationVotes?.whenRepresentativesDisagree ?? 'abstain',
  exclusionReasons: (so.exclusionReasons ?? []).join('\n'),
  virtualQuorum: so.virtualAttendanceCounts.quorum,
  virtualVoting: so.virtualAttendanceCounts.voting,
  // A profile saved before these existed has neither: the defaults, as the schema gives them.
  virtualDiscretion: so.virtualAttendanceCounts.atChairsDiscretion ?? false,
  deputies: so.deputies?.kind ?? 'substitutes',
  noticeWorkingDays: String(so.deputies?.kind === 'alternates' ? so.deputies.noticeWorkingDays : 5),
  recordedAlways: so.recordedVote.always,
  onRequest: so.recordedVote.onRequestOf !== null,
  onRequestOf: String(so.recordedVote.onRequestOf ?? 5),
  forBudget: so.recordedVote.forBudget,
  nameStyle: so.recordedVote.nameStyle,
  countsShownLive: so.divisionResults.countsShownLive,
  votesFinalOnceCast: so.divisionResults.votesFinalOnceCast,
  closeWhenAllVoted: so.divisionResults.closeWhenAllVoted ?? false,
  specialMajorities: (so.specialMajorities ?? []).map(specialMajorityLine).join('\n'),
});

/**
 * The profile to send, and our own errors for text that is not a number at all (keyed by the
 * schema's path, e.g. "quorum.numerator"). Unreadable text is still sent as it is, so the core
 * reports every other problem at the same time; our wording wins for these fields.
 */
export const profileOf = (v: SOValues): { standingOrders: StandingOrders; errors: Record<string, string> } => {
  const errors: Record<string, string> = {};
  const whole = (path: string, text: string): number => {
    if (/^\s*\d+\s*$/.test(text)) return Number(text);
    errors[path] = 'must be a whole number';
    return text as unknown as number;
  };
  const speech = (role: SpeechRole): number => {
    const seconds = parseMinutesSeconds(v.speech[role]);
    if (seconds !== undefined) return seconds;
    errors[`speechLimits.${role}`] = 'must be minutes and seconds, such as 5:00 or 2:30 (0:00 for no limit)';
    return v.speech[role] as unknown as number;
  };
  const specialMajorities = (): StandingOrders['specialMajorities'] => {
    const parsed = parseSpecialMajorities(v.specialMajorities);
    if ('rules' in parsed) return parsed.rules;
    errors.specialMajorities = parsed.error;
    return [];
  };
  const composition = v.composition
    ? {
        composition: {
          groups: v.groups
            .split(/\r\n|\n|\r/)
            .map((g) => g.trim())
            .filter(Boolean),
          minimumEach: whole('quorum.composition.minimumEach', v.minimumEach),
        },
      }
    : {};
  const conditionList = v.conditions.map((c, i) => conditionOf(c, (text) => whole(conditionField(i, 'number'), text)));
  const conditions = conditionList.length ? { conditions: conditionList } : {};
  const exclusionReasons = v.exclusionReasons
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean);
  const presidingOrder = v.presidingOrder
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean);
  const organisations = v.organisations
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean);
  const quorum: StandingOrders['quorum'] =
    v.quorumKind === 'none'
      ? { kind: 'none', conditions: conditionList }
      : v.quorumKind === 'fraction'
        ? { kind: 'fraction', numerator: whole('quorum.numerator', v.numerator), denominator: whole('quorum.denominator', v.denominator), ...composition, ...conditions }
        : { kind: 'fixed', count: whole('quorum.count', v.count), ...composition, ...conditions };
  const standingOrders: StandingOrders = {
    divisionBell: { seconds: whole('divisionBell.seconds', v.bellSeconds), chairmanMaySkip: v.chairmanMaySkip },
    votingWindowSeconds: whole('votingWindowSeconds', v.votingWindowSeconds),
    speechLimits: {
      mover: speech('mover'),
      seconder: speech('seconder'),
      otherSpeaker: speech('otherSpeaker'),
      amendmentMover: speech('amendmentMover'),
      rightOfReply: speech('rightOfReply'),
      groupLeader: speech('groupLeader'),
      cabinetMember: speech('cabinetMember'),
    },
    timeLimitedDebateMinutes: whole('timeLimitedDebateMinutes', v.timeLimitedDebateMinutes),
    questionTimeMinutes: whole('questionTimeMinutes', v.questionTimeMinutes),
    quorum,
    ...(presidingOrder.length ? { presidingOrder } : {}),
    castingVote: v.castingVote,
    simpleMajorityOf: v.simpleMajorityOf,
    usualDecision: { consensusFirst: v.consensusFirst, vote: v.usualVote },
    ...(organisations.length ? { organisationVotes: { organisations, whenRepresentativesDisagree: v.whenRepresentativesDisagree } } : {}),
    ...(exclusionReasons.length ? { exclusionReasons } : {}),
    virtualAttendanceCounts: { quorum: v.virtualQuorum, voting: v.virtualVoting, atChairsDiscretion: v.virtualDiscretion },
    deputies: v.deputies === 'alternates' ? { kind: 'alternates', noticeWorkingDays: whole('deputies.noticeWorkingDays', v.noticeWorkingDays) } : { kind: v.deputies },
    recordedVote: {
      always: v.recordedAlways,
      onRequestOf: v.onRequest ? whole('recordedVote.onRequestOf', v.onRequestOf) : null,
      forBudget: v.forBudget,
      nameStyle: v.nameStyle,
    },
    divisionResults: { countsShownLive: v.countsShownLive, votesFinalOnceCast: v.votesFinalOnceCast, closeWhenAllVoted: v.closeWhenAllVoted },
    specialMajorities: specialMajorities(),
  };
  return { standingOrders, errors };
};

/** The form's fields, by the schema's path, in the order they appear (the first wrong one takes the focus). */
export const SO_FIELDS = [
  'divisionBell.seconds',
  'divisionBell.chairmanMaySkip',
  'votingWindowSeconds',
  ...SPEECH_ROLES.map((r) => `speechLimits.${r.key}`),
  'timeLimitedDebateMinutes',
  'questionTimeMinutes',
  'quorum',
  'quorum.numerator',
  'quorum.denominator',
  'quorum.count',
  'quorum.composition.groups',
  'quorum.composition.minimumEach',
  'presidingOrder',
  'castingVote',
  'simpleMajorityOf',
  'usualDecision.consensusFirst',
  'usualDecision.vote',
  'organisationVotes.organisations',
  'organisationVotes.whenRepresentativesDisagree',
  'virtualAttendanceCounts.quorum',
  'virtualAttendanceCounts.voting',
  'virtualAttendanceCounts.atChairsDiscretion',
  'deputies',
  'deputies.noticeWorkingDays',
  'recordedVote.always',
  'recordedVote.onRequestOf',
  'recordedVote.forBudget',
  'recordedVote.nameStyle',
  'divisionResults.countsShownLive',
  'divisionResults.votesFinalOnceCast',
  'divisionResults.closeWhenAllVoted',
  'specialMajorities',
  'exclusionReasons',
] as const;

/**
 * The form's fields in the order they appear, with the fields of each quorum condition after the
 * quorum's number and the list itself (its error sits by the Add button) after them.
 */
export const soFieldsInOrder = (conditionCount: number): string[] => {
  const after = SO_FIELDS.indexOf('quorum.count') + 1;
  const conditions = Array.from({ length: conditionCount }, (_, i) => [conditionField(i, 'kind'), conditionField(i, 'names'), conditionField(i, 'number')]).flat();
  return [...SO_FIELDS.slice(0, after), ...conditions, 'quorum.conditions', ...SO_FIELDS.slice(after)];
};

/**
 * A path inside the quorum's conditions to its field on the form: the names for a list of groups
 * or roles (or one name in it), the number for a minimum or how many groups; the kind for the
 * condition as a whole (an unknown kind, a key it does not recognise); the list for the list.
 */
const conditionFieldOf = (inner: string): string | undefined => {
  if (inner === 'quorum.conditions') return 'quorum.conditions';
  const match = /^quorum\.conditions\.(\d+)(?:\.([A-Za-z]+))?/.exec(inner);
  if (!match) return undefined;
  const index = Number(match[1]);
  const part = match[2];
  if (part === 'groups' || part === 'roles') return conditionField(index, 'names');
  if (part === 'minimum' || part === 'atLeast') return conditionField(index, 'number');
  return conditionField(index, 'kind');
};

/**
 * "standingOrders.quorum.composition.groups.2" → "quorum.composition.groups": the longest field
 * of the form that the core's path starts with; "standingOrders.quorum.conditions.1.roles.0" →
 * "quorum.conditions.1.names", the condition's own field.
 */
export const soFieldOf = (path: string): string | undefined => {
  const inner = path.replace(/^standingOrders\.?/, '');
  const condition = conditionFieldOf(inner);
  if (condition) return condition;
  let best: string | undefined;
  for (const field of SO_FIELDS) {
    if ((inner === field || inner.startsWith(`${field}.`)) && (!best || field.length > best.length)) best = field;
  }
  if (!best && inner === 'quorum.composition') return 'quorum.composition.groups';
  return best;
};

/** An element id for a field: "so-quorum-numerator". */
export const soId = (field: string): string => `so-${field.replace(/\./g, '-')}`;
