// A synthetic day, built through the API (the dispatcher, as every screen uses it): the 2015 full
// council's 83 members, 40 agenda items, and as much record as the caller asks for: notes on the
// items, attendance changes (arrivals and departures), declarations, speeches, motions and
// divisions (every member voting).
import type { Command } from '../shared/commands';
import type { MeetingState } from '../shared/state/meeting';
import { kcc2015Membership } from '../tests/support/kcc2015';
import type { TestCore } from '../tests/support/meeting';

export interface MeetingDay {
  bodyId: string;
  meetingId: string;
  members: string[];
  items: string[];
}

export interface DaySize {
  /** Total characters of notes spread over the items. */
  notesChars: number;
  /** Attendance changes: departures and returns, in turn across the members. */
  attendanceChanges: number;
  declarations: number;
  /** Speeches, spread over the items, each on the motion before the meeting. */
  speeches: number;
  /** Motions and amendments moved, seconded and resolved, spread over the items. */
  motions: number;
  /** Of the substantive motions, how many are decided by a division in which every member votes. */
  divisions: number;
}

export const EMPTY_DAY: DaySize = { notesChars: 0, attendanceChanges: 0, declarations: 0, speeches: 0, motions: 0, divisions: 0 };
export const FULL_DAY: DaySize = { notesChars: 500_000, attendanceChanges: 1_000, declarations: 40, speeches: 1_500, motions: 60, divisions: 30 };

const ITEMS = 40;

const send = (core: TestCore, command: Command): Record<string, string> => {
  const outcome = core.dispatch(command);
  if (!outcome.ok) throw new Error(`${command.type} was refused: ${outcome.error.message}`);
  return outcome.result.ids;
};

/** A body with the 2015 membership, and a meeting in progress with every member present. */
export const startDay = (core: TestCore, bodyId?: string): MeetingDay => {
  const body = bodyId ?? send(core, { type: 'body.create', name: `Kent County Council ${Math.random().toString(36).slice(2, 8)}`, kind: 'full_council' }).bodyId;
  if (!bodyId) send(core, { type: 'member.import', bodyId: body, source: 'csv', members: kcc2015Membership() });
  const { meetingId } = send(core, { type: 'meeting.create', bodyId: body, title: 'County Council', date: '2015-10-22', startTime: '10:00', venue: 'Council Chamber' });
  const items = Array.from({ length: ITEMS }, (_, i) => ({ number: String(i + 1), title: `Item ${i + 1}: a report for decision`, kind: 'report' as const }));
  send(core, { type: 'agenda.import', meetingId, items, replace: true });
  const members = (core.read(`body:${body}`) as { ok: true; data: { members: { id: string }[] } }).data.members.map((m) => m.id);
  for (const memberId of members) send(core, { type: 'attendance.mark', meetingId, memberId, state: 'present' });
  send(core, { type: 'meeting.start', meetingId });
  const meeting = (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  return { bodyId: body, meetingId, members, items: meeting.agenda.map((i) => i.itemId) };
};

/** Fill the day's record to the given size, through the API. */
export const fillDay = (core: TestCore, day: MeetingDay, size: DaySize): void => {
  const { meetingId, members, items } = day;
  const perItem = Math.floor(size.notesChars / items.length);
  for (const itemId of items) {
    if (perItem > 0) send(core, { type: 'item.note', meetingId, itemId, text: 'The Chairman reported on the progress of the scheme. '.repeat(Math.ceil(perItem / 53)).slice(0, perItem) });
  }
  // Departures and returns across the members, always keeping the meeting quorate.
  for (let i = 0; i < size.attendanceChanges; i += 1) {
    const memberId = members[Math.floor(i / 2) % members.length];
    if (i % 2 === 0) send(core, { type: 'attendance.depart', meetingId, memberId });
    else send(core, { type: 'attendance.mark', meetingId, memberId, state: 'present' });
  }
  for (let i = 0; i < size.declarations; i += 1) {
    send(core, {
      type: 'declaration.record',
      meetingId,
      memberId: members[i % members.length],
      itemId: items[i % items.length],
      kind: 'other',
      description: `Member of a body mentioned in the report (${i})`,
    });
  }
  debateDay(core, day, size);
};

/**
 * The day's debate: item by item, a motion moved and seconded (and an amendment on some), the
 * speeches on it, the votes; each item taken and ended, so the day is left with no item running.
 */
const debateDay = (core: TestCore, day: MeetingDay, size: DaySize): void => {
  if (size.speeches === 0 && size.motions === 0) return;
  const { meetingId, members, items } = day;
  const substantive = Math.ceil(size.motions / 1.5);
  let motionsLeft = size.motions;
  let speechesLeft = size.speeches;
  for (const [index, itemId] of items.entries()) {
    send(core, { type: 'item.start', meetingId, itemId });
    const itemsLeft = items.length - index;
    if (index < substantive && motionsLeft > 0) {
      const mover = members[index % members.length];
      const seconder = members[(index + 1) % members.length];
      const { motionId } = send(core, { type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: `That the recommendations in the report on item ${index + 1} be agreed.`, moverId: mover, seconderId: seconder });
      motionsLeft -= 1;
      let amendmentId: string | undefined;
      if (motionsLeft > substantive - index - 1) {
        amendmentId = send(core, { type: 'motion.move', meetingId, itemId, kind: 'amendment', amends: motionId, wording: 'Add "subject to a report back in six months".', moverId: seconder, seconderId: mover }).motionId;
        motionsLeft -= 1;
      }
      const speeches = Math.ceil(speechesLeft / itemsLeft);
      for (let s = 0; s < speeches; s += 1) {
        send(core, { type: 'speech.start', meetingId, memberId: members[(index + 2 + s) % members.length], role: 'other', override: 'Bench: more speeches than members' });
        send(core, { type: 'speech.end', meetingId });
      }
      speechesLeft -= speeches;
      if (amendmentId) send(core, { type: 'motion.resolve', meetingId, motionId: amendmentId, outcome: 'lost', how: 'show_of_hands', for: 20, against: 50, abstained: 3 });
      if (index < size.divisions) divide(core, day, motionId, index);
      else send(core, { type: 'motion.resolve', meetingId, motionId, outcome: 'carried', how: 'show_of_hands', for: 50, against: 20, abstained: 3 });
    }
    send(core, { type: 'item.end', meetingId, itemId });
  }
};

const WAYS = ['for', 'for', 'against', 'abstain'] as const;

/** A division on the motion, the bell skipped, every member voting, closed once all have voted. */
export const divide = (core: TestCore, day: MeetingDay, motionId: string, n: number): void => {
  const { meetingId, members } = day;
  const { divisionId } = send(core, { type: 'division.call', meetingId, motionId, skipBell: true });
  members.forEach((memberId, i) => send(core, { type: 'vote.cast', meetingId, divisionId, memberId, choice: WAYS[(i + n) % WAYS.length] }));
  send(core, { type: 'division.close', meetingId, divisionId });
};
