// Questions asked of a meeting's state: who is here, is it quorate, who may vote on an item.
// Pure functions of the meeting and its body, so the clerk's screen, the chamber display, the
// vote and the minutes all get the same answers.
import type { BodyState, Member } from '../state/body';
import type { MeetingState } from '../state/meeting';
import { roleWordsOf } from '../minutes/style';
import { isHere, type VirtualAttendanceRuling } from '../state/meetingLive';
import { deputiesOf } from './deputies';
import { assessQuorum, type AttendanceStatus, type QuorumAssessment } from './quorum';

/** Members who hold a seat on the body (substitutes fill a seat; they do not add one). */
export const seatHolders = (body: BodyState): Member[] => body.members.filter((m) => m.active && !m.substituteFor);

/** Is the member withdrawn from this item because of a declared interest? */
export const isWithdrawnFrom = (meeting: MeetingState, memberId: string, itemId: string | undefined): boolean =>
  itemId !== undefined && meeting.declarations.some((d) => d.memberId === memberId && d.itemId === itemId && d.withdraws);

/** Substitutes present, by the seat they fill. */
const substitutesHere = (meeting: MeetingState): Map<string, string> => {
  const bySeat = new Map<string, string>();
  for (const [memberId, a] of Object.entries(meeting.attendance)) {
    if (a.inPlaceOf && isHere(a)) bySeat.set(a.inPlaceOf, memberId);
  }
  return bySeat;
};

/** The member present for a seat: the seat holder, or a substitute standing in for them. */
export const presentForSeat = (meeting: MeetingState, seat: Member, substitutes = substitutesHere(meeting)): string | undefined =>
  isHere(meeting.attendance[seat.id]) ? seat.id : substitutes.get(seat.id);

/** Each seat's status for the quorum, for the item being taken (withdrawn members do not count). */
export const seatStatuses = (meeting: MeetingState, body: BodyState): Record<string, AttendanceStatus> => {
  const statuses: Record<string, AttendanceStatus> = {};
  const substitutes = substitutesHere(meeting);
  for (const seat of seatHolders(body)) {
    const here = presentForSeat(meeting, seat, substitutes);
    if (here === undefined) {
      statuses[seat.id] = meeting.attendance[seat.id]?.state === 'apologies' ? 'apologies' : 'absent';
    } else if (isWithdrawnFrom(meeting, here, meeting.currentItemId)) {
      statuses[seat.id] = 'withdrawn';
    } else {
      statuses[seat.id] = meeting.attendance[here]?.state === 'virtual' ? 'virtual' : 'present';
    }
  }
  return statuses;
};

/** The whole number of seats the quorum is reckoned on: the body's seats (vacancies included) when set. */
export const wholeMembership = (body: BodyState): number => body.seats ?? seatHolders(body).filter((m) => m.voting).length;

/**
 * Whether members attending virtually count at this meeting, for the quorum and for voting, and
 * why in words: by the standing orders, or where they leave it to the Chair, by the Chair's last
 * ruling at this meeting (until the Chair rules, they do not count).
 */
export interface VirtualAttendanceRule {
  quorum: boolean;
  voting: boolean;
  atChairsDiscretion: boolean;
  /** The ruling in force, where the Chair decides. */
  ruling?: VirtualAttendanceRuling;
  /** "Virtual attendance does not count: it is at the Chairman's discretion and the Chairman has not ruled at this meeting." */
  words: string;
}

export const virtualAttendanceRule = (meeting: Pick<MeetingState, 'virtualAttendanceRulings'>, body: BodyState): VirtualAttendanceRule => {
  const so = body.standingOrders.virtualAttendanceCounts;
  if (!so.atChairsDiscretion) {
    const words = so.voting
      ? 'Virtual attendance counts towards the quorum and for voting, by the standing orders.'
      : so.quorum
        ? 'Virtual attendance counts towards the quorum but not for voting, by the standing orders.'
        : 'Virtual attendance does not count, by the standing orders.';
    return { quorum: so.quorum, voting: so.voting, atChairsDiscretion: false, words };
  }
  // The one presiding as the body calls them: the Chairman, the Chair.
  const chair = roleWordsOf(body).chair;
  const ruling = meeting.virtualAttendanceRulings?.at(-1);
  if (!ruling) {
    return { quorum: false, voting: false, atChairsDiscretion: true, words: `Virtual attendance does not count: it is at the ${chair}'s discretion and the ${chair} has not ruled at this meeting.` };
  }
  return {
    quorum: ruling.counts,
    voting: ruling.counts,
    atChairsDiscretion: true,
    ruling,
    words: `Virtual attendance ${ruling.counts ? 'counts' : 'does not count'}, by the ${chair}'s ruling.`,
  };
};

/**
 * The body's attendance rules in words, for its screen: "virtual attendance counts at the Chair's
 * discretion, ruled at each meeting; no deputies: a member cannot be replaced".
 */
export const describeAttendanceRules = (body: BodyState): string => {
  const v = body.standingOrders.virtualAttendanceCounts;
  const chair = roleWordsOf(body).chair;
  const virtual = v.atChairsDiscretion
    ? `virtual attendance counts at the ${chair}'s discretion, ruled at each meeting`
    : v.voting
      ? 'virtual attendance counts towards the quorum and for voting'
      : v.quorum
        ? 'virtual attendance counts towards the quorum, not for voting'
        : 'virtual attendance does not count';
  const d = deputiesOf(body.standingOrders);
  const deputies =
    d.kind === 'none'
      ? 'no deputies: a member cannot be replaced'
      : d.kind === 'alternates'
        ? `alternates may attend in a member's place with notice at least ${d.noticeWorkingDays} working day${d.noticeWorkingDays === 1 ? '' : 's'} before the meeting`
        : 'named substitutes may attend in a member\'s place';
  return `${virtual}; ${deputies}`;
};

export const meetingQuorum = (meeting: MeetingState, body: BodyState): QuorumAssessment => {
  const rule = body.standingOrders.quorum;
  // Labels (roles, what a member sits for) only when a condition may name them.
  const labelled = (rule.conditions?.length ?? 0) > 0;
  return assessQuorum({
    rule,
    virtualCounts: virtualAttendanceRule(meeting, body).quorum,
    members: seatHolders(body).map((m) => ({ id: m.id, group: m.group || undefined, labels: labelled ? [...m.roles, ...(m.sitsFor ?? [])] : undefined, voting: m.voting })),
    attendance: seatStatuses(meeting, body),
    wholeMembership: wholeMembership(body),
  });
};

/** Whether the record says the meeting is quorate: the last quorum change recorded, quorate until one is. */
export const recordedQuorate = (meeting: MeetingState): boolean => meeting.quorumChanges[meeting.quorumChanges.length - 1]?.quorate ?? true;

/**
 * The quorum change to record, if the meeting in progress has stopped or started being quorate
 * (whatever caused it). While adjourned nothing is recorded; the resumption settles it.
 */
export const quorumChange = (meeting: MeetingState, body: BodyState): { quorate: boolean; present: number; required: number } | undefined => {
  if (meeting.status !== 'in_progress') return undefined;
  const now = meetingQuorum(meeting, body);
  return now.quorate === recordedQuorate(meeting) ? undefined : { quorate: now.quorate, present: now.counted, required: now.required };
};

/**
 * How a member stands in the meeting now, as the live screen shows it and as every count on it is
 * made, so that the rows, the counts and the quorum agree:
 * - present / virtual: here now; withdrawn: here, but withdrawn from the item being taken after
 *   declaring an interest (not counted for the quorum on it);
 * - left: came and went, the meeting still running; attended: came, and the meeting has closed;
 * - apologies / absent: as marked; apologies also for apologies received in advance of a meeting
 *   not yet started; unmarked: nothing recorded yet.
 */
export type AttendanceStanding = 'present' | 'virtual' | 'withdrawn' | 'left' | 'attended' | 'apologies' | 'absent' | 'unmarked';

export const attendanceStanding = (meeting: MeetingState, memberId: string): AttendanceStanding => {
  const a = meeting.attendance[memberId];
  if (!a) {
    const expected = (meeting.status === 'draft' || meeting.status === 'ready') && meeting.expectedApologies.some((x) => x.memberId === memberId);
    return expected ? 'apologies' : 'unmarked';
  }
  if (a.state === 'present' || a.state === 'virtual') {
    if (isHere(a)) return isWithdrawnFrom(meeting, memberId, meeting.currentItemId) ? 'withdrawn' : a.state;
    if (a.stays.length === 0) return 'unmarked';
    return meeting.status === 'closed' ? 'attended' : 'left';
  }
  return a.state;
};

export type AttendanceCounts = Record<AttendanceStanding, number>;

const emptyCounts = (): AttendanceCounts => ({ present: 0, virtual: 0, withdrawn: 0, left: 0, attended: 0, apologies: 0, absent: 0, unmarked: 0 });

/** Running counts by standing, overall and by political group, of the body's current members. */
export const attendanceCounts = (meeting: MeetingState, body: BodyState): { total: AttendanceCounts; byGroup: Record<string, AttendanceCounts> } => {
  const total = emptyCounts();
  const byGroup: Record<string, AttendanceCounts> = {};
  for (const member of body.members) {
    if (!member.active && !meeting.attendance[member.id]) continue;
    const key = attendanceStanding(meeting, member.id);
    const group = (byGroup[member.group || 'No group'] ??= emptyCounts());
    total[key] += 1;
    group[key] += 1;
  }
  return { total, byGroup };
};

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

/** May this member vote on this item now? Asked by divisions; answered from attendance and declarations. */
export const votingEligibility = (meeting: MeetingState, body: BodyState, memberId: string, itemId: string): Eligibility => {
  const member = body.members.find((m) => m.id === memberId && m.active);
  if (!member) return { eligible: false, reason: 'not a member of this body' };
  if (!member.voting) return { eligible: false, reason: 'a non-voting member' };
  const a = meeting.attendance[memberId];
  if (!isHere(a)) return { eligible: false, reason: 'not present' };
  if (a?.state === 'virtual') {
    const virtual = virtualAttendanceRule(meeting, body);
    if (!virtual.voting) {
      const chair = roleWordsOf(body).chair;
      const why = !virtual.atChairsDiscretion
        ? 'which these standing orders do not allow for voting'
        : virtual.ruling
          ? `which the ${chair} has ruled does not count at this meeting`
          : `which counts only if the ${chair} rules so, and the ${chair} has not ruled at this meeting`;
      return { eligible: false, reason: `attending virtually, ${why}` };
    }
  }
  if (isWithdrawnFrom(meeting, memberId, itemId)) return { eligible: false, reason: 'withdrawn from this item after declaring an interest' };
  if (member.substituteFor === undefined) {
    const substitute = Object.values(meeting.attendance).some((x) => x.inPlaceOf === memberId && isHere(x));
    if (substitute) return { eligible: false, reason: 'replaced by a substitute at this meeting' };
  }
  return { eligible: true };
};
