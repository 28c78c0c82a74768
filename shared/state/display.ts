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
import { DEFAULT_BELL_VOLUME, DEFAULT_SPEECH_WARNING_SECONDS } from './settings';
import { closesAtMs, divisionCounts, eligibleMembers, openDivision } from '../procedure/division';
import { outcomeWords } from '../procedure/recordedVote';
import type { Division } from './meetingDivision';
import type { ChairCapacity } from '../commands/live';
import { roleWordsOf } from '../minutes/style';

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
  /** `missing`: what the body's conditions lack, in words, when inquorate ("no member from the ICB present"). */
  quorum?: { quorate: boolean; present: number; required: number; missing?: string[] };
  /** The one presiding: `isChair` when it is the body's Chair(man) in that capacity (no label then). */
  chair?: { name: string; capacity: string; isChair: boolean };
  /** The body's word for the one presiding ("Chair", "Chairman", "Mayor"). */
  chairWord: string;
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
  /**
   * The division being taken, or the last one on this item once it has closed (until the next
   * speech): instants from which every screen derives the bell and the window (see
   * shared/procedure/division.ts), the counts while open only where the standing orders show them
   * live, and the result once closed. Never names: those are for the minutes, after the close.
   */
  division?: DisplayDivision;
}

export interface DisplayDivision {
  divisionId: string;
  /** "Motion", "Amendment", "Procedural motion". */
  kind: string;
  /** The words put to the vote, as they stand. */
  question: string;
  calledAt: string;
  /** When the bell stops and the voting opens (calledAt when it was skipped). */
  bellEndsAt: string;
  bellSkipped: boolean;
  /**
   * When the voting closes, ignoring a pause still open: while `pausedSince` is set the window does
   * not run down, and closes later by the time paused.
   */
  closesAt: string;
  pausedSince?: string;
  extended: boolean;
  /** How many may vote now (at the close: who might have voted). */
  eligible: number;
  /** For, against, abstain and how many have voted: while open only where shown live; always once closed. */
  counts?: { for: number; against: number; abstain: number; voted: number };
  closedAt?: string;
  /** "Motion carried", "Amendment lost"; "Equality of votes" until the casting vote is given. */
  outcome?: string;
  castingVote?: 'for' | 'against';
  /** The installation's bell volume (0–100) and mute, so the display rings as the clerk set it. */
  bell: { volume: number; muted: boolean };
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

/** How the display names the capacity of the one presiding, in the body's own words ("Chair" or "Chairman"). */
const capacityLabel = (capacity: ChairCapacity, words: { chair: string; viceChair: string }): string =>
  ({
    chairman: words.chair,
    vice_chairman: `${words.viceChair}, in the chair`,
    chosen_member: 'In the chair',
    outgoing_chairman: `Outgoing ${words.chair}, in the chair`,
    presiding_list: 'Presiding',
  })[capacity];

/** A private session, or an exempt item being taken: the chamber display (and the chamber network) shows nothing of either. */
export const shownAsPrivate = (meeting: MeetingState): boolean => {
  const item = meeting.currentItemId ? meeting.agenda.find((i) => i.itemId === meeting.currentItemId) : undefined;
  return isPrivate(meeting) || item?.kind === 'exempt';
};

export const chamberDisplay = (
  meeting: MeetingState,
  body: BodyState | undefined,
  timeZone: string,
  speechWarningSeconds = DEFAULT_SPEECH_WARNING_SECONDS,
  bell: { volume: number; muted: boolean } = { volume: DEFAULT_BELL_VOLUME, muted: false },
): ChamberDisplay => {
  const item = meeting.currentItemId ? meeting.agenda.find((i) => i.itemId === meeting.currentItemId) : undefined;
  const privateSession = shownAsPrivate(meeting);
  const common = {
    meetingId: meeting.id,
    body: meeting.body,
    title: meeting.title,
    date: meeting.date,
    status: meeting.status,
    timeZone,
    privateSession,
    chairWord: roleWordsOf(body).chair,
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
    ...(quorum
      ? {
          quorum: {
            quorate: quorum.quorate,
            present: quorum.counted,
            required: quorum.required,
            ...(quorum.quorate ? {} : { missing: quorum.shortfalls.filter((s) => s.condition !== -1).map((s) => s.words) }),
          },
        }
      : {}),
    ...(chair && body ? { chair: { name: memberDisplayNames(body.members)[chair.memberId] ?? '', capacity: capacityLabel(chair.capacity, roleWordsOf(body)), isChair: chair.capacity === 'chairman' } } : {}),
    ...(meeting.status === 'adjourned' ? { adjournedSince: meeting.adjournments[meeting.adjournments.length - 1]?.from } : {}),
    ...speakerOf(meeting, body, speechWarningSeconds),
    ...debateOf(meeting, item, body),
    ...divisionOf(meeting, body, bell),
  };
};

/**
 * What a member's own device is shown of the division in a private session, where the chamber
 * display shows nothing: its instants, counts and outcome as the display would show them, with the
 * question withheld (the member hears it in the room; a device is not the place for an exempt item's words).
 */
export const divisionForMemberDevice = (meeting: MeetingState, body: BodyState | undefined): DisplayDivision | undefined => {
  const division = divisionOf(meeting, body, { volume: DEFAULT_BELL_VOLUME, muted: true }).division;
  return division && { ...division, question: 'The question put in private session.' };
};

const divisionOf = (meeting: MeetingState, body: BodyState | undefined, bell: { volume: number; muted: boolean }): Pick<ChamberDisplay, 'division'> => {
  const division = openDivision(meeting) ?? lastClosedDivisionShown(meeting);
  if (!division || !body) return {};
  const motion = meeting.motions.findLast((m) => m.id === division.motionId);
  if (!motion) return {};
  const closed = division.closedAt !== undefined;
  const openPause = division.pauses.at(-1)?.to === undefined ? division.pauses.at(-1) : undefined;
  const counts = closed
    ? { for: division.tally!.for, against: division.tally!.against, abstain: division.tally!.abstain, voted: division.tally!.for + division.tally!.against + division.tally!.abstain }
    : body.standingOrders.divisionResults.countsShownLive
      ? divisionCounts(meeting, division.id, body)
      : undefined;
  const outcome =
    division.result === 'carried' || division.result === 'lost' ? outcomeWords(motion.kind, division.result) : division.result === 'tied_no_casting_vote' ? 'Equality of votes' : undefined;
  return {
    division: {
      divisionId: division.id,
      kind: outcomeWords(motion.kind, 'carried').replace(/ carried$/, ''),
      question: motion.versions[motion.versions.length - 1]?.text ?? '',
      calledAt: division.calledAt,
      bellEndsAt: division.bellEndsAt,
      bellSkipped: division.bellSkipped,
      closesAt: new Date(closesAtMs(division)).toISOString(),
      ...(openPause && !closed ? { pausedSince: openPause.from } : {}),
      extended: division.extension !== undefined,
      eligible: closed ? (division.attendanceAtClose?.length ?? 0) : meeting.currentItemId ? eligibleMembers(meeting, body, division.itemId).length : 0,
      ...(counts ? { counts: { for: counts.for, against: counts.against, abstain: counts.abstain, voted: counts.voted } } : {}),
      ...(closed ? { closedAt: division.closedAt } : {}),
      ...(outcome ? { outcome } : {}),
      ...(division.castingVote ? { castingVote: division.castingVote.choice } : {}),
      bell: { volume: bell.volume, muted: bell.muted },
    },
  };
};

/** The last division on the item being taken, shown with its result until the next speech begins. */
const lastClosedDivisionShown = (meeting: MeetingState): Division | undefined => {
  const last = meeting.divisions.at(-1);
  if (!last || last.closedAt === undefined || last.itemId !== meeting.currentItemId) return undefined;
  const speech = currentSpeech(meeting);
  if (speech) return undefined;
  const latestSpeechStart = meeting.speeches.at(-1)?.periods[0]?.from;
  return latestSpeechStart && latestSpeechStart > last.closedAt ? undefined : last;
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


/**
 * The displayed division's instants as a division, so that every screen reads its phase and its
 * clocks with the functions of shared/procedure/division.ts (divisionPhase, bellLeftMs,
 * windowLeftMs): the window runs from the bell's end to `closesAt`, and a pause still open moves
 * the close later while it lasts.
 */
export const displayedDivisionClock = (d: DisplayDivision): Division => ({
  id: d.divisionId,
  motionId: '',
  itemId: '',
  calledAt: d.calledAt,
  bellEndsAt: d.bellEndsAt,
  bellSkipped: d.bellSkipped,
  windowSeconds: (Date.parse(d.closesAt) - Date.parse(d.bellEndsAt)) / 1000,
  attendanceAtBell: [],
  pauses: d.pausedSince ? [{ from: d.pausedSince, reason: '' }] : [],
  ...(d.closedAt ? { closedAt: d.closedAt } : {}),
});
