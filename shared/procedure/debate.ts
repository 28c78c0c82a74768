// Questions asked of the debate: which motion is before the meeting, how long a speaker may speak
// and has spoken, who has spoken on a motion, how long the debate has run. Pure functions of the
// meeting and its standing orders; clocks are functions of stored instants and the time now.
import type { MemberRoleName } from '../commands/body';
import { COUNTED_ROLES, INTERRUPTING_ROLES, type SpeechRole, type SuspendedLimit } from '../commands/debate';
import type { Member } from '../state/body';
import type { MeetingState } from '../state/meeting';
import type { Motion, Speech } from '../state/meetingDebate';
import { spellClock, spellsElapsedMs } from '../state/meetingLive';
import type { StandingOrders } from './standingOrders';

/** Motions on an item still before the meeting (moved, not yet resolved or withdrawn). */
export const openMotions = (meeting: Pick<MeetingState, 'motions'>, itemId: string): Motion[] => meeting.motions.filter((m) => m.itemId === itemId && m.status === 'open');

/** The substantive motion before the meeting on an item, if any: there is never more than one. */
export const substantiveMotion = (meeting: Pick<MeetingState, 'motions'>, itemId: string): Motion | undefined =>
  openMotions(meeting, itemId).find((m) => m.kind === 'substantive');

/** The amendment before the meeting on an item, if any: one at a time. */
export const pendingAmendment = (meeting: Pick<MeetingState, 'motions'>, itemId: string): Motion | undefined =>
  openMotions(meeting, itemId).find((m) => m.kind === 'amendment');

/** The motion the meeting is debating now: a procedural motion, else the amendment, else the substantive motion. */
export const motionBeingDebated = (meeting: Pick<MeetingState, 'motions'>, itemId: string): Motion | undefined => {
  const open = openMotions(meeting, itemId);
  return open.find((m) => m.kind === 'procedural') ?? open.find((m) => m.kind === 'amendment') ?? open.find((m) => m.kind === 'substantive');
};

/** The words of a motion as they stand. */
export const motionText = (motion: Motion): string => motion.versions[motion.versions.length - 1].text;

/** The whole-debate limit for an item, in seconds: a motion for time-limited debate, or question time; undefined for other items. */
export const debateLimitSeconds = (kind: string, standingOrders: Pick<StandingOrders, 'timeLimitedDebateMinutes' | 'questionTimeMinutes'>): number | undefined =>
  kind === 'time_limited_motion' ? standingOrders.timeLimitedDebateMinutes * 60 : kind === 'questions' ? standingOrders.questionTimeMinutes * 60 : undefined;

/** The speech limit for a role under the standing orders, in seconds; 0 for none. */
const roleLimitSeconds = (role: SpeechRole, limits: StandingOrders['speechLimits']): number => {
  switch (role) {
    case 'mover':
      return limits.mover;
    case 'seconder':
      return limits.seconder;
    case 'amendment_mover':
      return limits.amendmentMover;
    case 'right_of_reply':
      return limits.rightOfReply;
    case 'other':
      return limits.otherSpeaker;
    default:
      return 0;
  }
};

/** Roles whose holders have the group leaders' special limit. */
const GROUP_LEADER_ROLES: readonly MemberRoleName[] = ['Leader', 'Group Leader'];

/**
 * The speech limit for a role under the standing orders, in seconds; 0 for none. A member who
 * leads the council or a group, or is a Cabinet Member, speaking as mover, seconder, mover of an
 * amendment or other speaker, has the larger of the role's limit and their special limit (when
 * the standing orders give one); a role with no limit stays without one.
 */
export const speechLimitSeconds = (role: SpeechRole, standingOrders: Pick<StandingOrders, 'speechLimits'>, memberRoles: readonly string[] = []): number => {
  const limits = standingOrders.speechLimits;
  const limit = roleLimitSeconds(role, limits);
  if (limit === 0 || !COUNTED_ROLES.includes(role)) return limit;
  // Profiles saved before the special limits existed do not have them: none.
  const special = limits as Partial<StandingOrders['speechLimits']>;
  const specials = [
    memberRoles.some((r) => (GROUP_LEADER_ROLES as readonly string[]).includes(r)) ? (special.groupLeader ?? 0) : 0,
    memberRoles.includes('Cabinet Member') ? (special.cabinetMember ?? 0) : 0,
  ];
  return Math.max(limit, ...specials);
};

/** The roles whose limit a motion to suspend standing orders may change for an item. */
const SUSPENDABLE_ROLES: readonly SpeechRole[] = ['mover', 'seconder', 'amendment_mover', 'other', 'right_of_reply'];

/**
 * The speech limit for a role on an item, in seconds (0 for none): the limit set for the rest of
 * the item by suspending standing orders, if the meeting carried one for that role; otherwise the
 * standing orders' (with a leader's or Cabinet Member's special limit).
 */
export const speechLimitFor = (
  meeting: Pick<MeetingState, 'itemLimits'>,
  itemId: string,
  role: SpeechRole,
  standingOrders: Pick<StandingOrders, 'speechLimits'>,
  memberRoles?: readonly string[],
): number => {
  const suspended = SUSPENDABLE_ROLES.includes(role) ? meeting.itemLimits[itemId]?.[role as SuspendedLimit] : undefined;
  return suspended ?? speechLimitSeconds(role, standingOrders, memberRoles);
};

/**
 * The whole-debate limit for an item, in seconds, as screens show it: the limit set for the rest
 * of the item by suspending standing orders (which makes any item's debate time-limited; 0 takes
 * the limit away), else the standing orders' for a time-limited motion or question time;
 * undefined when the debate has no limit.
 */
export const debateLimitFor = (
  meeting: Pick<MeetingState, 'itemLimits'>,
  item: { itemId: string; kind: string },
  standingOrders: Pick<StandingOrders, 'timeLimitedDebateMinutes' | 'questionTimeMinutes'>,
): number | undefined => {
  const suspended = meeting.itemLimits[item.itemId]?.debate;
  if (suspended !== undefined) return suspended > 0 ? suspended : undefined;
  return debateLimitSeconds(item.kind, standingOrders);
};

/** Time spoken so far: every spell, the open one up to `nowMs`. */
export const speechElapsedMs = (speech: Speech, nowMs: number): number => spellsElapsedMs(speech.periods, nowMs);

export type SpeechClockState = 'speaking' | 'warning' | 'over' | 'interrupted' | 'ended';

export interface SpeechClock {
  elapsedMs: number;
  /** Time left under the limit (negative once over); undefined when the role has no limit. */
  leftMs?: number;
  state: SpeechClockState;
}

/** A speech's clock now: time spoken, time left, and whether the warning or the limit has come. */
export const speechClock = (speech: Speech, nowMs: number, warningSeconds = 30): SpeechClock => {
  const elapsedMs = speechElapsedMs(speech, nowMs);
  const leftMs = speech.limitSeconds > 0 ? speech.limitSeconds * 1000 - elapsedMs : undefined;
  const open = speech.periods[speech.periods.length - 1]?.to === undefined;
  const state: SpeechClockState = speech.endedAt
    ? 'ended'
    : !open
      ? 'interrupted'
      : leftMs === undefined
        ? 'speaking'
        : leftMs < 0
          ? 'over'
          : leftMs <= warningSeconds * 1000
            ? 'warning'
            : 'speaking';
  return { elapsedMs, ...(leftMs === undefined ? {} : { leftMs }), state };
};

/** The speech under way: among the latest, so searched from the end (the cost does not grow with the day). */
export const currentSpeech = (meeting: Pick<MeetingState, 'speeches' | 'currentSpeechId'>): Speech | undefined =>
  meeting.currentSpeechId ? meeting.speeches.findLast((s) => s.id === meeting.currentSpeechId) : undefined;

/** Members who have made their speech on this motion (the mover's reply and interruptions aside). */
export const spokenOn = (motion: Pick<Motion, 'spokenBy'>): ReadonlySet<string> => new Set(motion.spokenBy);

/**
 * The speeches members have made on the item being taken, latest first, interruptions and
 * officers' advice aside. The item's speeches are the latest on the record: read back from the end
 * to the first speech on another item, so the cost follows the item's debate, not the day.
 */
function* debateSpeeches(meeting: Pick<MeetingState, 'speeches'>, itemId: string): Generator<Speech> {
  for (let i = meeting.speeches.length - 1; i >= 0; i -= 1) {
    const s = meeting.speeches[i];
    if (s.itemId !== itemId) return;
    if (!INTERRUPTING_ROLES.includes(s.role) && s.role !== 'officer_advice') yield s;
  }
}

/** The spells members have spoken on the item being taken, interruptions and officers' advice aside. */
const debateSpells = (meeting: Pick<MeetingState, 'speeches'>, itemId: string): { from: string; to?: string }[] => {
  const spells: { from: string; to?: string }[] = [];
  for (const s of debateSpeeches(meeting, itemId)) spells.push(...s.periods);
  return spells;
};

/** The clock of a time-limited debate (or question time) on the item being taken, as screens keep it. */
export const debateClock = (meeting: Pick<MeetingState, 'speeches'>, itemId: string) => spellClock(debateSpells(meeting, itemId));

/** Time members have spoken on the item being taken, up to `nowMs`. */
export const debateElapsedMs = (meeting: Pick<MeetingState, 'speeches'>, itemId: string, nowMs: number): number => spellsElapsedMs(debateSpells(meeting, itemId), nowMs);

/** How members without a political group are shown among the groups. */
export const NO_GROUP = 'No group';

/**
 * Time each political group's members have spoken on the item being taken, up to `nowMs`, the
 * most first (then by name): read from the item's speeches back from the end, as the debate's
 * clock is, interruptions and officers' advice aside. Members without a group are "No group".
 */
export const debateTimeByGroup = (
  meeting: Pick<MeetingState, 'speeches'>,
  members: readonly Pick<Member, 'id' | 'group'>[],
  itemId: string,
  nowMs: number,
): { group: string; ms: number }[] => {
  const totals = new Map<string, number>();
  let groupOf: Map<string, string> | undefined;
  for (const s of debateSpeeches(meeting, itemId)) {
    if (!s.memberId) continue;
    groupOf ??= new Map(members.map((m) => [m.id, m.group.trim()]));
    const group = groupOf.get(s.memberId) || NO_GROUP;
    totals.set(group, (totals.get(group) ?? 0) + speechElapsedMs(s, nowMs));
  }
  return [...totals].map(([group, ms]) => ({ group, ms })).sort((a, b) => b.ms - a.ms || a.group.localeCompare(b.group));
};

/** The speakers' list, in the order members asked. */
/** The role a member speaks in when called: as the motion before the meeting makes them. Only the
 * mover of the substantive motion has a right of reply; the mover of an amendment or a procedural
 * motion has none. */
export const speakingRoleFor = (motion: Motion | undefined, memberId: string): SpeechRole => {
  if (!motion) return 'other';
  const spoken = motion.spokenBy.includes(memberId);
  if (motion.moverId === memberId) return !spoken ? (motion.kind === 'amendment' ? 'amendment_mover' : 'mover') : motion.kind === 'substantive' ? 'right_of_reply' : 'other';
  if (motion.seconderId === memberId && !spoken) return 'seconder';
  return 'other';
};

export const speakersWaiting = (meeting: Pick<MeetingState, 'speakerQueue'>) => Object.values(meeting.speakerQueue).sort((a, b) => a.order - b.order);
