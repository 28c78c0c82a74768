// What the chamber display shows: public facts only. During a private session (or an exempt item)
// it says "Private session" and nothing else that changes: no item, no chair, no counts, so that
// nobody watching it can tell who left or came back.
import { meetingQuorum } from '../procedure/attendance';
import type { AgendaItemKind } from '../import/agenda';
import type { BodyState } from './body';
import { memberDisplayNames } from './body';
import type { MeetingState, MeetingStatus } from './meeting';
import { isPrivate, presiding } from './meetingLive';

export interface ChamberDisplay {
  meetingId: string;
  body: string;
  title: string;
  date: string;
  status: MeetingStatus;
  /** The time zone the display shows times in (the installation's). */
  timeZone: string;
  privateSession: boolean;
  /**
   * The item being taken, when it may be shown in public. Its clock: the time spent in earlier
   * spells, plus the time since `runningSince` while it runs (stopped while adjourned).
   */
  currentItem?: { number: string; title: string; kind: AgendaItemKind; elapsedBeforeMs: number; runningSince?: string };
  quorum?: { quorate: boolean; present: number; required: number };
  chair?: { name: string; capacity: string };
  /** Adjourned since, when adjourned. */
  adjournedSince?: string;
}

const CAPACITY_LABELS = {
  chairman: 'Chairman',
  vice_chairman: 'Vice-Chairman, in the chair',
  chosen_member: 'In the chair',
  outgoing_chairman: 'Outgoing Chairman, in the chair',
} as const;

export const chamberDisplay = (meeting: MeetingState, body: BodyState | undefined, timeZone: string): ChamberDisplay => {
  const item = meeting.currentItemId ? meeting.agenda.find((i) => i.itemId === meeting.currentItemId) : undefined;
  const privateSession = isPrivate(meeting) || (item?.kind === 'exempt' && meeting.currentItemId !== undefined);
  const common = {
    meetingId: meeting.id,
    body: meeting.body,
    title: meeting.title,
    date: meeting.date,
    status: meeting.status,
    timeZone,
    privateSession,
  };
  if (privateSession) return common;
  const chair = presiding(meeting);
  const quorum = body ? meetingQuorum(meeting, body) : undefined;
  const progress = item ? meeting.progress[item.itemId] : undefined;
  const periods = progress?.periods ?? [];
  const open = periods.find((p) => p.to === undefined);
  const elapsedBeforeMs = periods.reduce((sum, p) => sum + (p.to ? Math.max(0, Date.parse(p.to) - Date.parse(p.from)) : 0), 0);
  return {
    ...common,
    ...(item && progress
      ? { currentItem: { number: item.number, title: item.title, kind: item.kind, elapsedBeforeMs, ...(open ? { runningSince: open.from } : {}) } }
      : {}),
    ...(quorum ? { quorum: { quorate: quorum.quorate, present: quorum.counted, required: quorum.required } } : {}),
    ...(chair && body ? { chair: { name: memberDisplayNames(body.members)[chair.memberId] ?? '', capacity: CAPACITY_LABELS[chair.capacity] } } : {}),
    ...(meeting.status === 'adjourned' ? { adjournedSince: meeting.adjournments[meeting.adjournments.length - 1]?.from } : {}),
  };
};
