// Questions asked of the debate: which motion is before the meeting, how long a speaker may speak
// and has spoken, who has spoken on a motion, how long the debate has run. Pure functions of the
// meeting and its standing orders; clocks are functions of stored instants and the time now.
import { INTERRUPTING_ROLES, type SpeechRole } from '../commands/debate';
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
export const speechLimitSeconds = (role: SpeechRole, standingOrders: Pick<StandingOrders, 'speechLimits'>): number => {
  const limits = standingOrders.speechLimits;
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

/** The spells members have spoken on the item being taken, interruptions and officers' advice aside. */
const debateSpells = (meeting: Pick<MeetingState, 'speeches'>, itemId: string): { from: string; to?: string }[] => {
  // The item's speeches are the latest on the record: read back from the end to the first speech
  // on another item, so the cost follows the item's debate, not the day.
  const spells: { from: string; to?: string }[] = [];
  for (let i = meeting.speeches.length - 1; i >= 0; i -= 1) {
    const s = meeting.speeches[i];
    if (s.itemId !== itemId) break;
    if (!INTERRUPTING_ROLES.includes(s.role) && s.role !== 'officer_advice') spells.push(...s.periods);
  }
  return spells;
};

/** The clock of a time-limited debate (or question time) on the item being taken, as screens keep it. */
export const debateClock = (meeting: Pick<MeetingState, 'speeches'>, itemId: string) => spellClock(debateSpells(meeting, itemId));

/** Time members have spoken on the item being taken, up to `nowMs`. */
export const debateElapsedMs = (meeting: Pick<MeetingState, 'speeches'>, itemId: string, nowMs: number): number => spellsElapsedMs(debateSpells(meeting, itemId), nowMs);

/** The speakers' list, in the order members asked. */
export const speakersWaiting = (meeting: Pick<MeetingState, 'speakerQueue'>) => Object.values(meeting.speakerQueue).sort((a, b) => a.order - b.order);
