// What the chamber display shows: public facts only. Nothing from an exempt item or a private
// session reaches it beyond "Private session".
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
  privateSession: boolean;
  /** The item being taken, when it may be shown in public. */
  currentItem?: { number: string; title: string; kind: AgendaItemKind; startedAt: string };
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

export const chamberDisplay = (meeting: MeetingState, body: BodyState | undefined): ChamberDisplay => {
  const privateSession = isPrivate(meeting);
  const item = meeting.currentItemId ? meeting.agenda.find((i) => i.itemId === meeting.currentItemId) : undefined;
  const showItem = item && !privateSession && item.kind !== 'exempt';
  const chair = presiding(meeting);
  const quorum = body ? meetingQuorum(meeting, body) : undefined;
  const progress = item ? meeting.progress[item.itemId] : undefined;
  return {
    meetingId: meeting.id,
    body: meeting.body,
    title: meeting.title,
    date: meeting.date,
    status: meeting.status,
    privateSession: privateSession || (item?.kind === 'exempt' && meeting.currentItemId !== undefined),
    ...(showItem && progress
      ? { currentItem: { number: item.number, title: item.title, kind: item.kind, startedAt: progress.periods[progress.periods.length - 1].from } }
      : {}),
    ...(quorum ? { quorum: { quorate: quorum.quorate, present: quorum.counted, required: quorum.required } } : {}),
    ...(chair && body ? { chair: { name: memberDisplayNames(body.members)[chair.memberId] ?? '', capacity: CAPACITY_LABELS[chair.capacity] } } : {}),
    ...(meeting.status === 'adjourned' ? { adjournedSince: meeting.adjournments[meeting.adjournments.length - 1]?.from } : {}),
  };
};
