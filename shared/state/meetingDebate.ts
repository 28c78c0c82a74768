// Debate as recorded: motions (every version of their words kept), speeches (each with its spells,
// so an interruption stops the clock), the speakers' list and the chairman's rulings. What
// accumulates (1,500 speeches in a long day) is a part per entry: a speech starting or ending
// writes and pushes that speech and the head, never the day. Clocks are stored instants.
import { COUNTED_ROLES, type MotionKind, type ProceduralMotion, type ResolvedHow, type SpeechRole, type SuspendedLimit, type Suspension } from '../commands/debate';
import type { RecordedEvent } from '../events';
import { add, head, put, remove, type Change } from './parts';

export interface MotionVersion {
  text: string;
  /** When these words became the motion's. */
  at: string;
  /** Why they changed: an alteration with consent, a friendly amendment, an amendment carried. */
  reason?: string;
}

export type MotionStatus = 'open' | 'carried' | 'lost' | 'withdrawn';

export interface MotionOutcome {
  result: 'carried' | 'lost';
  how: ResolvedHow;
  for?: number;
  against?: number;
  abstained?: number;
  /** The division that decided it, when it was decided by one. */
  divisionId?: string;
  time: string;
}

export interface Motion {
  id: string;
  itemId: string;
  kind: MotionKind;
  procedure?: ProceduralMotion;
  /** For an amendment: the motion it amends. */
  amends?: string;
  /** For an amendment: the motion as it would read if carried. */
  resultingText?: string;
  /** For a motion to suspend a standing order: the limit it sets for the rest of the item if carried. */
  suspension?: Suspension;
  moverId: string;
  seconderId?: string;
  seconderReserves: boolean;
  movedAt: string;
  /** Every version of the words, the first as moved, the last as they stand. */
  versions: MotionVersion[];
  status: MotionStatus;
  outcome?: MotionOutcome;
  /** Members who have made their speech on it (mover, seconder, others): one each, unless the chairman allows another. */
  spokenBy: string[];
  /** The mover has used their right of reply. */
  replied?: boolean;
  withdrawnBecause?: string;
}

export interface Speech {
  id: string;
  itemId: string;
  /** The motion before the meeting when the speech began. */
  motionId?: string;
  memberId?: string;
  officer?: string;
  role: SpeechRole;
  /** The limit for the role under the standing orders when the speech began, plus any time the chairman gave; 0 for none. */
  limitSeconds: number;
  /** More time given by the chairman, each with the reason, in the order given. */
  extensions?: SpeechExtension[];
  /** The chairman's reason for allowing what the standing orders would not. */
  override?: string;
  /** Each spell of speaking: a point of order or a personal explanation ends one and the speaker's return starts another. */
  periods: { from: string; to?: string }[];
  endedAt?: string;
}

export interface SpeechExtension {
  seconds: number;
  reason: string;
  /** When the chairman gave it. */
  at: string;
}

export interface QueuedSpeaker {
  memberId: string;
  role?: SpeechRole;
  /** Order of asking: the sequence number of the event that added them. */
  order: number;
}

export interface Ruling {
  id: string;
  itemId: string;
  text: string;
  at: string;
}

/** Limits changed for one item by suspending standing orders, in seconds (0 for no limit): by role, and 'debate' for the whole debate. */
export type ItemLimits = Partial<Record<SuspendedLimit, number>>;

export interface MeetingDebate {
  motions: Motion[];
  speeches: Speech[];
  speakerQueue: Record<string, QueuedSpeaker>;
  rulings: Ruling[];
  /** Limits changed by a motion to suspend standing orders, carried, by item: a part per item. */
  itemLimits: Record<string, ItemLimits>;
  /** The speech under way, if any. */
  currentSpeechId?: string;
  /** Speeches interrupted by a point of order or personal explanation, the latest last. */
  interruptedSpeechIds?: string[];
}

const closeOpen = (speech: Speech, time: string): Speech => ({
  ...speech,
  periods: speech.periods.map((p, i) => (i === speech.periods.length - 1 && p.to === undefined ? { ...p, to: time } : p)),
});

type DebateState = MeetingDebate;

/**
 * End or start a spell of the speech under way, for an adjournment and the resumption: a speech
 * clock (and so a time-limited debate's) does not run while the meeting is adjourned. Interrupted
 * speeches are stopped already; only the current one changes.
 */
export const currentSpeechSpell = (state: DebateState, time: string, edge: 'start' | 'end'): Change[] => {
  const current = state.currentSpeechId ? state.speeches.findLast((s) => s.id === state.currentSpeechId) : undefined;
  if (!current || current.endedAt) return [];
  const open = current.periods[current.periods.length - 1]?.to === undefined;
  if (edge === 'end') return open ? [put('speeches', current.id, closeOpen(current, time))] : [];
  return open ? [] : [put('speeches', current.id, { ...current, periods: [...current.periods, { from: time }] })];
};

/** The changes a debate event makes; undefined when the event is not one of debate. */
export const debateChanges = (state: DebateState, event: RecordedEvent): Change[] | undefined => {
  const motion = (id: string) => state.motions.findLast((x) => x.id === id);
  // The speeches a debate event touches are the latest ones: searched from the end, the cost does not grow with the day.
  const speech = (id: string | undefined) => (id ? state.speeches.findLast((s) => s.id === id) : undefined);
  switch (event.type) {
    case 'motion.moved': {
      const { motionId, meetingId: _m, text, time, seconderReserves, ...rest } = event.payload;
      const entry: Motion = { id: motionId, ...rest, seconderReserves: seconderReserves ?? false, movedAt: time, versions: [{ text, at: time }], status: 'open', spokenBy: [] };
      return [put('motions', motionId, entry)];
    }
    case 'motion.seconded': {
      const before = motion(event.payload.motionId);
      return before ? [put('motions', before.id, { ...before, seconderId: event.payload.seconderId, seconderReserves: event.payload.reserves })] : [];
    }
    case 'motion.altered': {
      const before = motion(event.payload.motionId);
      const version: MotionVersion = { text: event.payload.text, at: event.at, ...(event.payload.reason ? { reason: event.payload.reason } : {}) };
      return before ? [put('motions', before.id, { ...before, versions: [...before.versions, version] })] : [];
    }
    case 'motion.withdrawn': {
      const before = motion(event.payload.motionId);
      return before ? [put('motions', before.id, { ...before, status: 'withdrawn', withdrawnBecause: event.payload.reason })] : [];
    }
    case 'motion.resolved': {
      const { motionId, outcome, how, for: inFavour, against, abstained, divisionId, time } = event.payload;
      const before = motion(motionId);
      if (!before) return [];
      const counts = { ...(inFavour === undefined ? {} : { for: inFavour }), ...(against === undefined ? {} : { against }), ...(abstained === undefined ? {} : { abstained }), ...(divisionId ? { divisionId } : {}) };
      const changes: Change[] = [put('motions', motionId, { ...before, status: outcome, outcome: { result: outcome, how, ...counts, time } })];
      // A standing order suspended for this item: its limit holds for the rest of the item.
      if (outcome === 'carried' && before.procedure === 'suspend_standing_order' && before.suspension) {
        const { role, seconds } = before.suspension;
        changes.push(put('itemLimits', before.itemId, { ...state.itemLimits[before.itemId], [role]: seconds }));
      }
      // An amendment carried: the amended motion becomes the substantive motion (a new version).
      const amended = before.kind === 'amendment' && outcome === 'carried' && before.amends ? motion(before.amends) : undefined;
      if (amended) {
        const text = before.resultingText ?? before.versions[before.versions.length - 1].text;
        changes.push(put('motions', amended.id, { ...amended, versions: [...amended.versions, { text, at: time, reason: 'Amendment carried' }] }));
      }
      return changes;
    }
    case 'speaker.added':
      return [put('speakerQueue', event.payload.memberId, { memberId: event.payload.memberId, ...(event.payload.role ? { role: event.payload.role } : {}), order: event.seq })];
    case 'speaker.removed':
      return [remove('speakerQueue', event.payload.memberId)];
    case 'speech.started': {
      const { speechId, meetingId: _m, time, ...rest } = event.payload;
      const changes: Change[] = [add('speeches', speechId, { id: speechId, ...rest, periods: [{ from: time }] })];
      const current = speech(state.currentSpeechId);
      // An interruption stops the speaker's clock until it ends.
      if (current) changes.push(put('speeches', current.id, closeOpen(current, time)));
      changes.push(head({ currentSpeechId: speechId, interruptedSpeechIds: current ? [...(state.interruptedSpeechIds ?? []), current.id] : (state.interruptedSpeechIds ?? []) }));
      if (rest.memberId && state.speakerQueue[rest.memberId]) changes.push(remove('speakerQueue', rest.memberId));
      const on = rest.motionId ? motion(rest.motionId) : undefined;
      if (on && rest.memberId && COUNTED_ROLES.includes(rest.role) && !on.spokenBy.includes(rest.memberId)) {
        changes.push(put('motions', on.id, { ...on, spokenBy: [...on.spokenBy, rest.memberId] }));
      } else if (on && rest.role === 'right_of_reply' && !on.replied) {
        changes.push(put('motions', on.id, { ...on, replied: true }));
      }
      return changes;
    }
    case 'speech.ended': {
      const { speechId, time } = event.payload;
      const ended = speech(speechId);
      if (!ended) return [];
      const changes: Change[] = [put('speeches', speechId, { ...closeOpen(ended, time), endedAt: time })];
      const stack = state.interruptedSpeechIds ?? [];
      const resumed = speech(stack[stack.length - 1]);
      if (resumed) changes.push(put('speeches', resumed.id, { ...resumed, periods: [...resumed.periods, { from: time }] }));
      changes.push(head({ currentSpeechId: resumed ? resumed.id : null, interruptedSpeechIds: stack.slice(0, -1) }));
      return changes;
    }
    case 'speech.extended': {
      const { speechId, seconds, reason, time } = event.payload;
      const extended = speech(speechId);
      if (!extended) return [];
      const extension: SpeechExtension = { seconds, reason, at: time };
      return [put('speeches', speechId, { ...extended, limitSeconds: extended.limitSeconds + seconds, extensions: [...(extended.extensions ?? []), extension] })];
    }
    case 'ruling.recorded': {
      const { rulingId, itemId, text } = event.payload;
      return [add('rulings', rulingId, { id: rulingId, itemId, text, at: event.at })];
    }
    default:
      return undefined;
  }
};
