// A meeting's current state, derived from its events by a pure reducer.
import type { RecordedEvent } from '../events';

export type MeetingStatus = 'draft' | 'ready' | 'in_progress' | 'adjourned' | 'closed';

export interface MeetingState {
  id: string;
  body: string;
  title: string;
  date: string;
  startTime: string;
  venue: string;
  status: MeetingStatus;
  createdAt: string;
  updatedAt: string;
  /** Sequence number of the last event applied. */
  seq: number;
}

/** The line shown in the meetings list. */
export type MeetingSummary = Pick<MeetingState, 'id' | 'body' | 'title' | 'date' | 'startTime' | 'venue' | 'status'>;

export const summariseMeeting = (m: MeetingState): MeetingSummary => ({
  id: m.id,
  body: m.body,
  title: m.title,
  date: m.date,
  startTime: m.startTime,
  venue: m.venue,
  status: m.status,
});

/** Apply one event to a meeting. Unknown event types leave the state as it was. */
export const reduceMeeting = (state: MeetingState | undefined, event: RecordedEvent): MeetingState | undefined => {
  switch (event.type) {
    case 'meeting.created': {
      const { meetingId, ...details } = event.payload;
      return { id: meetingId, ...details, status: 'draft', createdAt: event.at, updatedAt: event.at, seq: event.seq };
    }
    case 'meeting.detailsChanged': {
      if (!state) return state;
      const { meetingId: _id, ...details } = event.payload;
      return { ...state, ...details, updatedAt: event.at, seq: event.seq };
    }
    default:
      return state ? { ...state, seq: (event as RecordedEvent).seq } : state;
  }
};

/** Meetings in the order a clerk looks for them: the next one first, then past ones. */
export const compareMeetings = (a: MeetingSummary, b: MeetingSummary): number =>
  a.date === b.date ? a.startTime.localeCompare(b.startTime) : b.date.localeCompare(a.date);
