// What the chamber display shows: public facts only. During a private session (or an exempt item)
// it says "Private session" and nothing else that changes: no item, no chair, no counts, so that
// nobody watching it can tell who left or came back.
import { meetingQuorum } from '../procedure/attendance';
import type { AgendaItemKind } from '../import/agenda';
import type { BodyState } from './body';
import { memberDisplayNames } from './body';
import type { MeetingState, MeetingStatus } from './meeting';
import { isPrivate, presiding, spellClock } from './meetingLive';
import type { SpeechRole } from '../commands/debate';
import { currentSpeech, debateClock, debateLimitFor } from '../procedure/debate';
import { DEFAULT_SPEECH_WARNING_SECONDS } from './settings';

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
  /**
   * Who has the floor, and their clock: time spoken in earlier spells, plus the time since
   * `runningSince` while they speak; `warningSeconds` before the limit the clock warns (the
   * installation's setting, 0 for no warning).
   */
  speaker?: { name: string; role: string; limitSeconds: number; warningSeconds: number; elapsedBeforeMs: number; runningSince?: string };
  /** A time-limited debate's whole clock, the same way. */
  debate?: { limitSeconds: number; elapsedBeforeMs: number; runningSince?: string };
}

export const SPEECH_ROLE_LABELS: Record<SpeechRole, string> = {
  mover: 'Mover',
  seconder: 'Seconder',
  amendment_mover: 'Mover of the amendment',
  other: 'Speaking',
  right_of_reply: 'Right of reply',
  officer_advice: 'Officer advice',
  point_of_order: 'Point of order',
  personal_explanation: 'Personal explanation',
};

const CAPACITY_LABELS = {
  chairman: 'Chairman',
  vice_chairman: 'Vice-Chairman, in the chair',
  chosen_member: 'In the chair',
  outgoing_chairman: 'Outgoing Chairman, in the chair',
} as const;

export const chamberDisplay = (meeting: MeetingState, body: BodyState | undefined, timeZone: string, speechWarningSeconds = DEFAULT_SPEECH_WARNING_SECONDS): ChamberDisplay => {
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
  return {
    ...common,
    ...(item && progress
      ? { currentItem: { number: item.number, title: item.title, kind: item.kind, ...spellClock(progress.periods) } }
      : {}),
    ...(quorum ? { quorum: { quorate: quorum.quorate, present: quorum.counted, required: quorum.required } } : {}),
    ...(chair && body ? { chair: { name: memberDisplayNames(body.members)[chair.memberId] ?? '', capacity: CAPACITY_LABELS[chair.capacity] } } : {}),
    ...(meeting.status === 'adjourned' ? { adjournedSince: meeting.adjournments[meeting.adjournments.length - 1]?.from } : {}),
    ...speakerOf(meeting, body, speechWarningSeconds),
    ...debateOf(meeting, item, body),
  };
};

const debateOf = (meeting: MeetingState, item: { itemId: string; kind: string } | undefined, body: BodyState | undefined): Pick<ChamberDisplay, 'debate'> => {
  const limitSeconds = item && body ? debateLimitFor(meeting, item, body.standingOrders) : undefined;
  return item && limitSeconds !== undefined ? { debate: { limitSeconds, ...debateClock(meeting, item.itemId) } } : {};
};

const speakerOf = (meeting: MeetingState, body: BodyState | undefined, warningSeconds: number): Pick<ChamberDisplay, 'speaker'> => {
  const speech = currentSpeech(meeting);
  if (!speech || !body) return {};
  const name = speech.memberId ? (memberDisplayNames(body.members)[speech.memberId] ?? '') : (speech.officer ?? '');
  return { speaker: { name, role: SPEECH_ROLE_LABELS[speech.role], limitSeconds: speech.limitSeconds, warningSeconds, ...spellClock(speech.periods) } };
};

