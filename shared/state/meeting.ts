// A meeting's current state, derived from its events. The reducer says what each event changes
// (see parts.ts); the state is those parts put together.
import type { AgendaItemDetails } from '../commands/agenda';
import type { RecordedEvent } from '../events';
import { currentSpeechSpell, debateChanges, type MeetingDebate } from './meetingDebate';
import { divisionChanges, type MeetingDivision } from './meetingDivision';
import { memberDeviceChanges, type MeetingDevices } from './meetingDevices';
import { minutesChanges, type MeetingMinutes } from './meetingMinutes';
import { liveChanges, type MeetingLive } from './meetingLive';
import { head, set, type Change, type Shape } from './parts';

export type MeetingStatus = 'draft' | 'ready' | 'in_progress' | 'adjourned' | 'closed';

export interface AgendaItem extends AgendaItemDetails {
  itemId: string;
}

export interface ExpectedApology {
  memberId: string;
  note: string;
  at: string;
}

export interface MeetingState extends MeetingLive, MeetingDebate, MeetingDivision, MeetingDevices, MeetingMinutes {
  id: string;
  /** Absent only for meetings recorded before bodies existed. */
  bodyId?: string;
  /** The body's name when the meeting was set up. */
  body: string;
  title: string;
  date: string;
  startTime: string;
  venue: string;
  status: MeetingStatus;
  copiedFrom?: string;
  agenda: AgendaItem[];
  expectedApologies: ExpectedApology[];
  createdAt: string;
  updatedAt: string;
  /** Sequence number of the last event applied. */
  seq: number;
}

/**
 * How a meeting is stored: the agenda and the lists prepared beforehand are one part each;
 * everything that accumulates while the meeting runs is a part per entry.
 */
export const meetingShape: Shape = {
  singles: { agenda: [], expectedApologies: [], officersPresent: [], namesAtMeeting: null },
  records: ['attendance', 'progress', 'notes', 'speakerQueue', 'itemLimits', 'votes', 'devices', 'minutesEdits', 'previousMinutes'],
  // Votes by division, then member: a vote copies its division's votes, not the day's.
  grouped: ['votes'],
  lists: ['declarations', 'chair', 'adjournments', 'privateSessions', 'quorumChanges', 'virtualAttendanceRulings', 'corrections', 'others', 'motions', 'speeches', 'rulings', 'divisions'],
};

/** The line shown in the meetings list. */
export type MeetingSummary = Pick<MeetingState, 'id' | 'bodyId' | 'body' | 'title' | 'date' | 'startTime' | 'venue' | 'status'>;

export const summariseMeeting = (m: Pick<MeetingState, keyof MeetingSummary>): MeetingSummary => ({
  id: m.id,
  bodyId: m.bodyId,
  body: m.body,
  title: m.title,
  date: m.date,
  startTime: m.startTime,
  venue: m.venue,
  status: m.status,
});

const moveTo = <T>(list: readonly T[], from: number, to: number): T[] => {
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  copy.splice(Math.max(0, Math.min(copy.length, to)), 0, moved);
  return copy;
};

const insertAfter = (agenda: readonly AgendaItem[], item: AgendaItem, afterItemId: string | undefined): AgendaItem[] => {
  const index = afterItemId === undefined ? -1 : agenda.findIndex((i) => i.itemId === afterItemId);
  if (index < 0) return [...agenda, item];
  return [...agenda.slice(0, index + 1), item, ...agenda.slice(index + 1)];
};

/** What one event changes in a meeting. Unknown event types change nothing. */
export const meetingChanges = (state: MeetingState | undefined, event: RecordedEvent): Change[] => {
  if (event.type === 'meeting.created') {
    const { meetingId, ...details } = event.payload;
    return [head({ id: meetingId, ...details, status: 'draft', createdAt: event.at })];
  }
  if (!state) return [];
  switch (event.type) {
    case 'meeting.detailsChanged': {
      const { meetingId: _id, ...details } = event.payload;
      return [head(details)];
    }
    case 'meeting.statusChanged':
      return [head({ status: event.payload.status })];
    case 'apologies.expected':
      return [
        set('expectedApologies', [
          ...state.expectedApologies.filter((a) => a.memberId !== event.payload.memberId),
          { memberId: event.payload.memberId, note: event.payload.note, at: event.at },
        ]),
      ];
    case 'apologies.expectationWithdrawn':
      return [set('expectedApologies', state.expectedApologies.filter((a) => a.memberId !== event.payload.memberId))];
    case 'agenda.imported':
      return [set('agenda', event.payload.replace ? event.payload.items : [...state.agenda, ...event.payload.items])];
    case 'agenda.itemAdded':
      return [set('agenda', insertAfter(state.agenda, event.payload.item, event.payload.afterItemId))];
    case 'agenda.itemChanged':
      return [set('agenda', state.agenda.map((i) => (i.itemId === event.payload.itemId ? { itemId: i.itemId, ...event.payload.item } : i)))];
    case 'agenda.itemMoved': {
      const from = state.agenda.findIndex((i) => i.itemId === event.payload.itemId);
      return from < 0 ? [] : [set('agenda', moveTo(state.agenda, from, event.payload.toIndex))];
    }
    case 'agenda.itemSplit': {
      const { itemId, firstTitle, newItem } = event.payload;
      const kept = state.agenda.map((i) => (i.itemId === itemId ? { ...i, title: firstTitle } : i));
      return [set('agenda', insertAfter(kept, newItem, itemId))];
    }
    case 'agenda.itemRemoved':
      return [set('agenda', state.agenda.filter((i) => i.itemId !== event.payload.itemId))];
    // The meeting's clocks stop while it is adjourned: the item's (meetingLive) and the speech's.
    case 'meeting.adjourned':
      return [...(liveChanges(state, event) ?? []), ...currentSpeechSpell(state, event.payload.time, 'end')];
    case 'meeting.resumed':
      return [...(liveChanges(state, event) ?? []), ...currentSpeechSpell(state, event.payload.time, 'start')];
    default:
      return liveChanges(state, event) ?? debateChanges(state, event) ?? divisionChanges(state, event) ?? memberDeviceChanges(state, event) ?? minutesChanges(state, event) ?? [];
  }
};

/** Meetings in the order a clerk looks for them: the latest date first. */
export const compareMeetings = (a: MeetingSummary, b: MeetingSummary): number =>
  a.date === b.date ? a.startTime.localeCompare(b.startTime) : b.date.localeCompare(a.date);
