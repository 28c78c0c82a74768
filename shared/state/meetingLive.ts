// What happens while a meeting runs: attendance, declarations, the chair, the agenda clock,
// adjournments, private session and corrections. Times are stored, never counters: clocks are
// derived. Each fact that accumulates during the day is its own part (see parts.ts), so a command
// writes and pushes only what it changed.
import type { AttendanceState, ChairCapacity, DeclarationKind } from '../commands/live';
import type { RecordedEvent } from '../events';
import { head, put, remove, set, type Change } from './parts';

/** One stay in the meeting (in the room or online): from arrival to departure. */
export interface Stay {
  from: string;
  to?: string;
}

export interface MemberAttendance {
  /** The clerk's last mark: present, virtual, apologies or absent. */
  state: AttendanceState;
  /** Every stay, in order; the last is open while the member is here. Kept whatever the mark. */
  stays: Stay[];
  /** For a substitute: the member they stand in for. */
  inPlaceOf?: string;
}

export interface OtherAttendee {
  id: string;
  name: string;
  capacity: string;
}

export interface Declaration {
  id: string;
  memberId: string;
  itemId: string;
  kind: DeclarationKind;
  description: string;
  withdraws: boolean;
  recordedAt: string;
}

export interface ChairTerm {
  id: string;
  memberId: string;
  capacity: ChairCapacity;
  since: string;
}

export type ItemProgressState = 'running' | 'done' | 'deferred' | 'withdrawn';

export interface ItemProgress {
  state: ItemProgressState;
  /**
   * Each spell the item was actually being taken: items can be left and returned to, and an
   * adjournment stops the item's clock (the spell ends at the adjournment and a new one starts
   * at the resumption).
   */
  periods: { from: string; to?: string }[];
  reason?: string;
}

export interface Period {
  id: string;
  from: string;
  to?: string;
  reason: string;
}

export interface QuorumChange {
  id: string;
  time: string;
  quorate: boolean;
  present: number;
  required: number;
}

/** The Chair's ruling on virtual attendance at this meeting; the last recorded is in force. */
export interface VirtualAttendanceRuling {
  id: string;
  counts: boolean;
  time: string;
  reason: string;
  recordedAt: string;
}

export interface Correction {
  id: string;
  recordedAt: string;
  /** What was corrected, in the clerk's words: "attendance", "notes on item 3", … */
  what: string;
  memberId?: string;
  reason: string;
}

export interface MeetingLive {
  startedAt?: string;
  closedAt?: string;
  currentItemId?: string;
  officersPresent: string[];
  attendance: Record<string, MemberAttendance>;
  progress: Record<string, ItemProgress>;
  notes: Record<string, string>;
  declarations: Declaration[];
  chair: ChairTerm[];
  adjournments: Period[];
  privateSessions: Period[];
  quorumChanges: QuorumChange[];
  /** The Chair's rulings on virtual attendance, in the order recorded. */
  virtualAttendanceRulings: VirtualAttendanceRuling[];
  corrections: Correction[];
  others: OtherAttendee[];
}

/** Is the member in the meeting now (marked present or virtual, and their last stay still open)? */
export const isHere = (a: MemberAttendance | undefined): boolean =>
  !!a && (a.state === 'present' || a.state === 'virtual') && a.stays.length > 0 && a.stays[a.stays.length - 1].to === undefined;

export const arrivedAt = (a: MemberAttendance | undefined): string | undefined => a?.stays[0]?.from;
export const departedAt = (a: MemberAttendance | undefined): string | undefined => a?.stays[a.stays.length - 1]?.to;

const closeLast = <T extends { to?: string }>(periods: readonly T[], time: string): T[] =>
  periods.map((p, i) => (i === periods.length - 1 && p.to === undefined ? { ...p, to: time } : p));

const openEntry = <T extends { to?: string }>(list: readonly T[]): T | undefined => list.find((p) => p.to === undefined);

export const isPrivate = (live: Pick<MeetingLive, 'privateSessions'>): boolean => live.privateSessions.some((p) => p.to === undefined);

/** The member presiding now, if any. */
export const presiding = (live: Pick<MeetingLive, 'chair'>): ChairTerm | undefined => live.chair[live.chair.length - 1];

type Spell = { from: string; to?: string };

/** Time within spells (an item's, a speech's): the closed ones, and the open one up to `nowMs`. */
export const spellsElapsedMs = (spells: readonly Spell[], nowMs: number): number =>
  spells.reduce((sum, p) => sum + Math.max(0, (p.to ? Date.parse(p.to) : nowMs) - Date.parse(p.from)), 0);

/** A clock as a screen keeps it: the time in closed spells, and when the open spell began (if one is open). */
export const spellClock = (spells: readonly Spell[]): { elapsedBeforeMs: number; runningSince?: string } => {
  const open = spells.find((p) => p.to === undefined);
  return { elapsedBeforeMs: spells.reduce((sum, p) => sum + (p.to ? Math.max(0, Date.parse(p.to) - Date.parse(p.from)) : 0), 0), ...(open ? { runningSince: open.from } : {}) };
};

/** Time spent on an item so far, adjournments excluded; the open spell counts up to `now`. */
export const itemElapsedMs = (progress: ItemProgress | undefined, nowMs: number): number => spellsElapsedMs(progress?.periods ?? [], nowMs);

/** A member's attendance after a mark: a new stay on arrival; a departure closes the open one. */
export const attendanceAfterMark = (before: MemberAttendance | undefined, mark: AttendanceState, time: string, inPlaceOf?: string): MemberAttendance => {
  const stays = before?.stays ?? [];
  const substitute = inPlaceOf ?? before?.inPlaceOf;
  const entry = (state: AttendanceState, list: Stay[]): MemberAttendance => ({ state, stays: list, ...(substitute ? { inPlaceOf: substitute } : {}) });
  if (mark === 'present' || mark === 'virtual') return entry(mark, isHere(before) ? stays : [...stays, { from: time }]);
  return entry(mark, isHere(before) ? closeLast(stays, time) : stays);
};

type LiveState = MeetingLive & { status: string };

/** The changes a live event makes; undefined when the event is not a live one. */
export const liveChanges = (state: LiveState, event: RecordedEvent): Change[] | undefined => {
  const id = String(event.seq);
  switch (event.type) {
    case 'attendance.marked': {
      const { memberId, state: mark, time, inPlaceOf } = event.payload;
      return [put('attendance', memberId, attendanceAfterMark(state.attendance[memberId], mark, time, inPlaceOf))];
    }
    case 'attendance.departed': {
      const { memberId, time } = event.payload;
      const before = state.attendance[memberId];
      return before ? [put('attendance', memberId, { ...before, stays: closeLast(before.stays, time) })] : [];
    }
    case 'attendance.corrected': {
      const { memberId, state: mark, stays, arrivedAt: from, departedAt: to, reason } = event.payload;
      const before = state.attendance[memberId];
      const attending = mark === 'present' || mark === 'virtual';
      let corrected: Stay[];
      if (stays) {
        corrected = stays;
      } else {
        // Corrections recorded before stays could be given: adjust the first arrival and the last
        // departure, keeping every stay in between.
        const kept = before?.stays ?? [];
        if (kept.length === 0) corrected = attending ? [{ from: from ?? state.startedAt ?? event.at, ...(to ? { to } : {}) }] : [];
        else corrected = kept.map((s, i) => ({ ...s, ...(i === 0 && from ? { from } : {}), ...(i === kept.length - 1 && to ? { to } : {}) }));
      }
      const entry: MemberAttendance = { state: mark, stays: corrected, ...(before?.inPlaceOf ? { inPlaceOf: before.inPlaceOf } : {}) };
      return [put('attendance', memberId, entry), put('corrections', id, { id, recordedAt: event.at, what: 'attendance', memberId, reason })];
    }
    case 'attendance.officerMarked': {
      const { officerId, present } = event.payload;
      const others = state.officersPresent.filter((o) => o !== officerId);
      return [set('officersPresent', present ? [...others, officerId] : others)];
    }
    case 'attendance.otherAdded': {
      const { attendeeId, name, capacity } = event.payload;
      return [put('others', attendeeId, { id: attendeeId, name, capacity })];
    }
    case 'attendance.otherRemoved':
      return [remove('others', event.payload.attendeeId)];
    case 'meeting.virtualAttendanceRuled': {
      const { counts, time, reason } = event.payload;
      return [put('virtualAttendanceRulings', id, { id, counts, time, reason, recordedAt: event.at })];
    }
    case 'quorum.lost':
    case 'quorum.regained': {
      const { time, present, required } = event.payload;
      return [put('quorumChanges', id, { id, time, quorate: event.type === 'quorum.regained', present, required })];
    }
    case 'declaration.recorded': {
      const { declarationId, meetingId: _m, ...rest } = event.payload;
      return [put('declarations', declarationId, { id: declarationId, ...rest, recordedAt: event.at })];
    }
    case 'declaration.removed':
      return [remove('declarations', event.payload.declarationId)];
    case 'chair.taken': {
      const { memberId, capacity, time } = event.payload;
      return [put('chair', id, { id, memberId, capacity, since: time })];
    }
    case 'meeting.started':
      return [head({ status: 'in_progress', startedAt: event.payload.time })];
    case 'meeting.adjourned': {
      const { time, reason } = event.payload;
      return [
        head({ status: 'adjourned' }),
        put('adjournments', id, { id, from: time, reason }),
        // The item's clock stops while the meeting is adjourned.
        ...itemSpell(state, time, 'end'),
      ];
    }
    case 'meeting.resumed': {
      const { time } = event.payload;
      const open = openEntry(state.adjournments);
      return [head({ status: 'in_progress' }), ...(open ? [put('adjournments', open.id, { ...open, to: time })] : []), ...itemSpell(state, time, 'start')];
    }
    case 'meeting.closed': {
      const time = event.payload.time;
      const changes: Change[] = [head({ status: 'closed', closedAt: time })];
      for (const [memberId, a] of Object.entries(state.attendance)) {
        if (isHere(a)) changes.push(put('attendance', memberId, { ...a, stays: closeLast(a.stays, time) }));
      }
      const session = openEntry(state.privateSessions);
      if (session) changes.push(put('privateSessions', session.id, { ...session, to: time }));
      return changes;
    }
    case 'item.started': {
      const { itemId, time } = event.payload;
      const before = state.progress[itemId];
      return [head({ currentItemId: itemId }), put('progress', itemId, { state: 'running', periods: [...(before?.periods ?? []), { from: time }] })];
    }
    case 'item.ended': {
      const { itemId, time } = event.payload;
      const before = state.progress[itemId];
      return [head({ currentItemId: null }), put('progress', itemId, { state: 'done', periods: closeLast(before?.periods ?? [], time) })];
    }
    case 'item.deferred':
    case 'item.withdrawn': {
      const { itemId, reason } = event.payload;
      const before = state.progress[itemId];
      return [put('progress', itemId, { state: event.type === 'item.deferred' ? 'deferred' : 'withdrawn', periods: before?.periods ?? [], reason })];
    }
    case 'item.reinstated': {
      // Back as it was before it was deferred or withdrawn: taken (if it had been), or still to come.
      const before = state.progress[event.payload.itemId];
      if (!before) return [];
      return before.periods.length ? [put('progress', event.payload.itemId, { state: 'done', periods: before.periods })] : [remove('progress', event.payload.itemId)];
    }
    case 'item.noteSaved':
      return [put('notes', event.payload.itemId, event.payload.text)];
    case 'session.wentPrivate':
      return [put('privateSessions', id, { id, from: event.payload.time, reason: event.payload.reason })];
    case 'session.wentPublic': {
      const open = openEntry(state.privateSessions);
      return open ? [put('privateSessions', open.id, { ...open, to: event.payload.time })] : [];
    }
    case 'correction.recorded': {
      const { correctionId, what, memberId, reason } = event.payload;
      return [put('corrections', correctionId, { id: correctionId, recordedAt: event.at, what, ...(memberId ? { memberId } : {}), reason })];
    }
    default:
      return undefined;
  }
};

/** End or start a spell of the item being taken, for an adjournment and the resumption. */
const itemSpell = (state: LiveState, time: string, edge: 'start' | 'end'): Change[] => {
  const itemId = state.currentItemId;
  const progress = itemId ? state.progress[itemId] : undefined;
  if (!itemId || !progress) return [];
  const periods = edge === 'end' ? closeLast(progress.periods, time) : [...progress.periods, { from: time }];
  return [put('progress', itemId, { ...progress, periods })];
};
