// What happens while a meeting runs: attendance, declarations, the chair, the agenda clock,
// adjournments and private session. Times are stored, never counters: clocks are derived.
import type { AttendanceState, ChairCapacity, DeclarationKind } from '../commands/live';
import type { RecordedEvent } from '../events';

export interface MemberAttendance {
  state: AttendanceState;
  /** Each stay in the meeting (in the room or online): from arrival to departure. */
  periods: { from: string; to?: string }[];
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
  memberId: string;
  capacity: ChairCapacity;
  since: string;
}

export type ItemProgressState = 'running' | 'done' | 'deferred' | 'withdrawn';

export interface ItemProgress {
  state: ItemProgressState;
  /** Each time the item was taken up: items can be left and returned to. */
  periods: { from: string; to?: string }[];
  reason?: string;
}

export interface Period {
  from: string;
  to?: string;
  reason: string;
}

export interface Correction {
  recordedAt: string;
  memberId: string;
  reason: string;
}

export interface MeetingLive {
  attendance: Record<string, MemberAttendance>;
  officersPresent: string[];
  others: OtherAttendee[];
  declarations: Declaration[];
  chair: ChairTerm[];
  startedAt?: string;
  closedAt?: string;
  currentItemId?: string;
  progress: Record<string, ItemProgress>;
  adjournments: Period[];
  privateSessions: Period[];
  quorumChanges: { time: string; quorate: boolean; present: number; required: number }[];
  notes: Record<string, string>;
  corrections: Correction[];
}

export const emptyLive = (): MeetingLive => ({
  attendance: {},
  officersPresent: [],
  others: [],
  declarations: [],
  chair: [],
  progress: {},
  adjournments: [],
  privateSessions: [],
  quorumChanges: [],
  notes: {},
  corrections: [],
});

/** Is the member in the meeting now (arrived and not left)? */
export const isHere = (a: MemberAttendance | undefined): boolean =>
  !!a && (a.state === 'present' || a.state === 'virtual') && a.periods.length > 0 && a.periods[a.periods.length - 1].to === undefined;

export const arrivedAt = (a: MemberAttendance | undefined): string | undefined => a?.periods[0]?.from;
export const departedAt = (a: MemberAttendance | undefined): string | undefined => {
  const last = a?.periods[a.periods.length - 1];
  return last?.to;
};

const closeLast = <T extends { to?: string }>(periods: readonly T[], time: string): T[] =>
  periods.map((p, i) => (i === periods.length - 1 && p.to === undefined ? { ...p, to: time } : p));

type Live<S> = S & MeetingLive;

/** Apply a live event; undefined when the event is not a live one. */
export const reduceLive = <S extends MeetingLive & { status: string }>(state: Live<S>, event: RecordedEvent): Live<S> | undefined => {
  switch (event.type) {
    case 'attendance.marked': {
      const { memberId, state: mark, time, inPlaceOf } = event.payload;
      const before = state.attendance[memberId];
      const attending = mark === 'present' || mark === 'virtual';
      const periods = attending
        ? isHere(before)
          ? (before?.periods ?? [])
          : [...(before && (before.state === 'present' || before.state === 'virtual') ? before.periods : []), { from: time }]
        : [];
      const entry: MemberAttendance = { state: mark, periods, ...(inPlaceOf ? { inPlaceOf } : {}) };
      return { ...state, attendance: { ...state.attendance, [memberId]: entry } };
    }
    case 'attendance.departed': {
      const { memberId, time } = event.payload;
      const before = state.attendance[memberId];
      if (!before) return state;
      return { ...state, attendance: { ...state.attendance, [memberId]: { ...before, periods: closeLast(before.periods, time) } } };
    }
    case 'attendance.corrected': {
      const { memberId, state: mark, arrivedAt: from, departedAt: to, reason } = event.payload;
      const before = state.attendance[memberId];
      const periods = mark === 'present' || mark === 'virtual' ? [{ from: from ?? arrivedAt(before) ?? state.startedAt ?? event.at, ...(to ? { to } : {}) }] : [];
      return {
        ...state,
        attendance: { ...state.attendance, [memberId]: { state: mark, periods, ...(before?.inPlaceOf ? { inPlaceOf: before.inPlaceOf } : {}) } },
        corrections: [...state.corrections, { recordedAt: event.at, memberId, reason }],
      };
    }
    case 'attendance.officerMarked': {
      const { officerId, present } = event.payload;
      const others = state.officersPresent.filter((id) => id !== officerId);
      return { ...state, officersPresent: present ? [...others, officerId] : others };
    }
    case 'attendance.otherAdded': {
      const { attendeeId, name, capacity } = event.payload;
      return { ...state, others: [...state.others, { id: attendeeId, name, capacity }] };
    }
    case 'attendance.otherRemoved':
      return { ...state, others: state.others.filter((o) => o.id !== event.payload.attendeeId) };
    case 'quorum.lost':
    case 'quorum.regained': {
      const { time, present, required } = event.payload;
      return { ...state, quorumChanges: [...state.quorumChanges, { time, quorate: event.type === 'quorum.regained', present, required }] };
    }
    case 'declaration.recorded': {
      const { declarationId, meetingId: _m, ...rest } = event.payload;
      return { ...state, declarations: [...state.declarations, { id: declarationId, ...rest, recordedAt: event.at }] };
    }
    case 'declaration.removed':
      return { ...state, declarations: state.declarations.filter((d) => d.id !== event.payload.declarationId) };
    case 'chair.taken': {
      const { memberId, capacity, time } = event.payload;
      return { ...state, chair: [...state.chair, { memberId, capacity, since: time }] };
    }
    case 'meeting.started':
      return { ...state, status: 'in_progress', startedAt: event.payload.time };
    case 'meeting.adjourned':
      return { ...state, status: 'adjourned', adjournments: [...state.adjournments, { from: event.payload.time, reason: event.payload.reason }] };
    case 'meeting.resumed':
      return { ...state, status: 'in_progress', adjournments: closeLast(state.adjournments, event.payload.time) };
    case 'meeting.closed': {
      const time = event.payload.time;
      const attendance = Object.fromEntries(
        Object.entries(state.attendance).map(([id, a]) => [id, isHere(a) ? { ...a, periods: closeLast(a.periods, time) } : a]),
      );
      return { ...state, status: 'closed', closedAt: time, attendance, privateSessions: closeLast(state.privateSessions, time) };
    }
    case 'item.started': {
      const { itemId, time } = event.payload;
      const before = state.progress[itemId];
      return {
        ...state,
        currentItemId: itemId,
        progress: { ...state.progress, [itemId]: { state: 'running', periods: [...(before?.periods ?? []), { from: time }] } },
      };
    }
    case 'item.ended': {
      const { itemId, time } = event.payload;
      const before = state.progress[itemId];
      return {
        ...state,
        currentItemId: undefined,
        progress: { ...state.progress, [itemId]: { state: 'done', periods: closeLast(before?.periods ?? [], time) } },
      };
    }
    case 'item.deferred':
    case 'item.withdrawn': {
      const { itemId, reason } = event.payload;
      const before = state.progress[itemId];
      return {
        ...state,
        progress: { ...state.progress, [itemId]: { state: event.type === 'item.deferred' ? 'deferred' : 'withdrawn', periods: before?.periods ?? [], reason } },
      };
    }
    case 'item.noteSaved':
      return { ...state, notes: { ...state.notes, [event.payload.itemId]: event.payload.text } };
    case 'session.wentPrivate':
      return { ...state, privateSessions: [...state.privateSessions, { from: event.payload.time, reason: event.payload.reason }] };
    case 'session.wentPublic':
      return { ...state, privateSessions: closeLast(state.privateSessions, event.payload.time) };
    default:
      return undefined;
  }
};

export const isPrivate = (live: MeetingLive): boolean => live.privateSessions.some((p) => p.to === undefined);

/** The member presiding now, if any. */
export const presiding = (live: MeetingLive): ChairTerm | undefined => live.chair[live.chair.length - 1];
