// The minutes as recorded: the clerk's edits to the draft, a part per paragraph edited (an edit
// writes and pushes that paragraph's part, never the draft), the previous minutes approved (a part
// per item), the numbers once confirmed, and the names as they were at the close. The draft
// itself is derived (shared/minutes/draft.ts). Pure: no Node, no DOM.
import type { MemberDetails, OfficerDetails } from '../commands/body';
import type { RecordedEvent } from '../events';
import { head, put, remove, set, type Change } from './parts';

export interface MinutesEdit {
  key: string;
  /** The clerk's words; empty when struck out. */
  text: string;
  /** What Chamber had written for the paragraph when the clerk edited it (or last kept their edit). */
  generated: string;
  struck?: boolean;
  /** For a paragraph the clerk added: the paragraph it follows. */
  after?: string;
  at: string;
}

export interface PreviousMinutesApproval {
  itemId: string;
  heldOn: string;
  corrections?: string;
}

export interface NamesAtMeeting {
  members: Record<string, MemberDetails>;
  officers: Record<string, OfficerDetails>;
}

export interface MeetingMinutes {
  minutesEdits: Record<string, MinutesEdit>;
  previousMinutes: Record<string, PreviousMinutesApproval>;
  /** Set once the minutes' numbers are confirmed. */
  minutesConfirmed?: { first: number; last: number; at: string };
  /** The names as they were when the meeting closed (absent before the close). */
  namesAtMeeting?: NamesAtMeeting | null;
}

/** The changes an event of the minutes makes; undefined when the event is not one of them. */
export const minutesChanges = (state: MeetingMinutes, event: RecordedEvent): Change[] | undefined => {
  switch (event.type) {
    case 'minutes.paragraphEdited': {
      const { key, text, generated } = event.payload;
      const before = state.minutesEdits?.[key];
      return [put('minutesEdits', key, { key, text, generated: before?.after !== undefined ? '' : generated, ...(before?.after !== undefined ? { after: before.after } : {}), at: event.at })];
    }
    case 'minutes.paragraphAdded': {
      const { key, after, text } = event.payload;
      return [put('minutesEdits', key, { key, text, generated: '', after, at: event.at })];
    }
    case 'minutes.paragraphStruck': {
      const { key, generated } = event.payload;
      const before = state.minutesEdits?.[key];
      return [put('minutesEdits', key, { ...(before ?? { key, text: '' }), key, generated: before?.after !== undefined ? '' : generated, struck: true, at: event.at })];
    }
    case 'minutes.editKept': {
      const before = state.minutesEdits?.[event.payload.key];
      return before ? [put('minutesEdits', before.key, { ...before, generated: event.payload.generated, at: event.at })] : [];
    }
    case 'minutes.generatedRestored':
      return [remove('minutesEdits', event.payload.key)];
    case 'minutes.previousApproved': {
      const { itemId, heldOn, corrections } = event.payload;
      return [put('previousMinutes', itemId, { itemId, heldOn, ...(corrections ? { corrections } : {}) })];
    }
    case 'minutes.confirmed':
      return [head({ minutesConfirmed: { first: event.payload.first, last: event.payload.last, at: event.payload.time } })];
    case 'meeting.namesKept': {
      const members = Object.fromEntries(event.payload.members.map((x) => [x.memberId, x.member]));
      const officers = Object.fromEntries(event.payload.officers.map((x) => [x.officerId, x.officer]));
      return [set('namesAtMeeting', { members, officers })];
    }
    default:
      return undefined;
  }
};
