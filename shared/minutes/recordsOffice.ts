// The records office's spreadsheets of a meeting: who attended (and when), and how each member
// voted in each division. CSV (RFC 4180), opened in Excel: every cell that Excel would read as a
// formula is made text, and the file starts with a byte-order mark so Excel reads UTF-8 (names in
// Arabic, Hebrew or Chinese included) rather than guessing a Windows code page. Pure: no Node, no DOM.
//
// The quoting is written here rather than with papaparse: its type definitions bring in Node's
// (`/// <reference types="node" />`, `import { Duplex } from "stream"`), which would let Node's
// globals into every file the shared/ typecheck proves free of them; and the rules are four lines.
import type { MemberDetails } from '../commands/body';
import { memberFullName, type BodyState } from '../state/body';
import type { MeetingState } from '../state/meeting';
import type { Vote } from '../state/meetingDivision';
import { clockTime } from '../time';
import { cleanText } from './printedLayout';

/** The byte-order mark that tells Excel the file is UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * A cell as text: control characters dropped; a cell Excel or LibreOffice would take for a
 * formula (starting with =, +, -, @, or a tab or carriage return before one) gets a leading
 * apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
 */
export const csvCell = (value: string): string => {
  const text = cleanText(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180: a header row, CRLF between rows (and after the last), the byte-order mark first. */
export const toCsv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  CSV_BOM + [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');

/** Names as they were at the meeting (kept at the close), else as the body has them now. */
const namer = (meeting: MeetingState, body: BodyState | undefined) => {
  const current = new Map((body?.members ?? []).map((m) => [m.id, m] as const));
  return (memberId: string): string => {
    const details: MemberDetails | undefined = meeting.namesAtMeeting?.members[memberId] ?? current.get(memberId);
    return details ? memberFullName(details) : memberId;
  };
};

/** The members in the body's order (the PRESENT list's), then anyone else the record names, in the order given. */
const inBodyOrder = (body: BodyState | undefined, ids: Iterable<string>): string[] => {
  const wanted = new Set(ids);
  const ordered = (body?.members ?? []).map((m) => m.id).filter((id) => wanted.has(id));
  const known = new Set(ordered);
  return [...ordered, ...[...wanted].filter((id) => !known.has(id))];
};

/**
 * Attendance, one row per member. A records office counts and sorts attendance by member, so a
 * member is one row whatever happened during the day: Arrived is the first arrival, Departed the
 * last departure (empty while still there), and Stays lists every stay in order ("10:00-11:30;
 * 12:15-16:40") for the member who left and came back. Members of the body not marked at all are
 * "not recorded" rather than guessed absent. Times are the local clock time in `timeZone`.
 */
export const attendanceCsv = (meeting: MeetingState, body: BodyState | undefined, timeZone: string): string => {
  const name = namer(meeting, body);
  const members = meeting.namesAtMeeting ? Object.keys(meeting.namesAtMeeting.members) : (body?.members ?? []).filter((m) => m.active).map((m) => m.id);
  const ids = inBodyOrder(body, [...members, ...Object.keys(meeting.attendance)]);
  const time = (instant: string | undefined) => (instant ? clockTime(instant, timeZone) : '');
  const rows = ids.map((id) => {
    const a = meeting.attendance[id];
    const stays = a?.stays ?? [];
    return [
      meeting.date,
      meeting.body,
      name(id),
      a?.state ?? 'not recorded',
      time(stays[0]?.from),
      time(stays[stays.length - 1]?.to),
      stays.map((s) => `${time(s.from)}-${time(s.to)}`).join('; '),
      a?.inPlaceOf ? name(a.inPlaceOf) : '',
    ];
  });
  return toCsv(['Date', 'Body', 'Member', 'Attendance', 'Arrived', 'Departed', 'Stays', 'Substitute for'], rows);
};

const WAY: Record<'for' | 'against' | 'abstain' | 'none', string> = { for: 'For', against: 'Against', abstain: 'Abstain', none: 'no vote' };

const howRecorded = (vote: Vote, timeZone: string): string =>
  vote.corrected
    ? `corrected by the clerk after the close at ${clockTime(vote.corrected.at, timeZone)} (was ${WAY[vote.corrected.from]}): ${vote.corrected.reason}`
    : vote.enteredBy === 'member'
      ? "member's own device"
      : 'entered by the clerk';

/**
 * Votes, one row per member per division, divisions in the meeting's order. The division number
 * is its place among all the meeting's divisions, so a division keeps its number in the public
 * and the confidential file alike. Divisions on exempt items are left out unless
 * `includeExempt` (the confidential record); a casting vote is a row of its own.
 */
export const votesCsv = (meeting: MeetingState, body: BodyState | undefined, timeZone: string, options: { includeExempt?: boolean } = {}): string => {
  const name = namer(meeting, body);
  const items = new Map(meeting.agenda.map((i) => [i.itemId, i] as const));
  const motions = new Map(meeting.motions.map((m) => [m.id, m] as const));
  const rows: string[][] = [];
  meeting.divisions.forEach((division, index) => {
    const item = items.get(division.itemId);
    if (item?.kind === 'exempt' && !options.includeExempt) return;
    const versions = motions.get(division.motionId)?.versions ?? [];
    const question = versions[versions.length - 1]?.text ?? '';
    const row = (member: string, way: string, how: string) => [meeting.date, String(index + 1), item?.number ?? '', question, member, way, how];
    const votes = meeting.votes[division.id] ?? {};
    for (const memberId of inBodyOrder(body, Object.keys(votes))) {
      const vote = votes[memberId];
      rows.push(row(name(memberId), WAY[vote.choice], howRecorded(vote, timeZone)));
    }
    if (division.castingVote) {
      const chair = [...meeting.chair].reverse().find((term) => term.since <= division.castingVote!.at) ?? meeting.chair[0];
      rows.push(row(chair ? name(chair.memberId) : '', WAY[division.castingVote.choice], 'casting vote of the chairman'));
    }
  });
  return toCsv(['Date', 'Division', 'Item', 'Question', 'Member', 'Vote', 'How recorded'], rows);
};
