// The records office's spreadsheets, from a meeting recorded through the real core: attendance a
// row per member (arrivals, departures and every stay in local time, the substitute's member),
// votes a row per member per division (the motion's words, how each vote was recorded, a
// correction with its reason), the exempt item's division only in the confidential file; cells
// Excel would run as formulas made text; RFC 4180 quoting read back by papaparse.
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attendanceCsv, csvCell, CSV_BOM, votesCsv } from '../../shared/minutes/recordsOffice';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { openTestCore, testClock, type TestCore } from '../support/meeting';

const TZ = 'Europe/London';
const HOSTILE_MOTION = '=HYPERLINK("http://example.invalid","Agree") that the report, as amended, be agreed';
const EXEMPT_MOTION = 'That the Maidstone depot be sold to Bidder B for £4.2m.';

const PEOPLE = [
  { title: 'Mrs', initials: ['A'], surname: 'Allen' },
  { title: 'Mr', initials: ['M'], surname: 'Angell' },
  { title: 'Mr', initials: ['R'], surname: 'Bird' },
  { title: 'Mr', initials: ['B'], surname: 'Clark' },
  { title: 'Mr', initials: ['M'], surname: 'Vye' },
  { title: 'Mrs', initials: [], surname: 'الزهراء' },
  { title: 'Mr', initials: [], surname: '王小明' },
  { title: 'Mr', initials: ['H'], surname: 'Birkby' },
];

interface Recorded {
  meeting: MeetingState;
  body: BodyState;
  ids: Record<string, string>;
}

let core: TestCore | undefined;
afterEach(() => {
  core?.dispose();
  core = undefined;
});

/** Ten o'clock (British Summer Time) on 22 October 2015: the meeting as the records office will see it. */
const recordMeeting = (): Recorded => {
  const clock = testClock('2015-10-22T09:00:00.000Z');
  const c = (core = openTestCore({ now: clock.now }));
  const { bodyId } = c.send({ type: 'body.create', name: 'Governance Committee', kind: 'committee' });
  c.send({ type: 'member.import', bodyId, source: 'csv', members: PEOPLE.map((p) => ({ ...p, group: '', honours: [], roles: [], voting: true })) });
  const so = defaultStandingOrders('committee');
  c.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...so, quorum: { kind: 'fixed', count: 1 } } });
  const readBody = () => (c.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const ids = Object.fromEntries(readBody().members.map((m) => [m.surname, m.id]));
  const { meetingId } = c.send({ type: 'meeting.create', bodyId, title: 'Governance Committee', date: '2015-10-22', startTime: '10:00', venue: '' });
  c.send({
    type: 'agenda.import',
    meetingId,
    replace: true,
    items: [
      { number: '1', title: 'Budget', kind: 'report' },
      { number: '2', title: 'Disposal of the Maidstone depot', kind: 'exempt' },
    ],
  });
  const readMeeting = () => (c.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  for (const surname of ['Allen', 'Angell', 'Bird', 'الزهراء']) c.send({ type: 'attendance.mark', meetingId, memberId: ids[surname], state: 'present' });
  c.send({ type: 'attendance.mark', meetingId, memberId: ids.Clark, state: 'apologies' });
  c.send({ type: 'attendance.mark', meetingId, memberId: ids.Vye, state: 'present', inPlaceOf: ids.Clark });
  // Attending online: these standing orders let them speak, not vote.
  c.send({ type: 'attendance.mark', meetingId, memberId: ids['王小明'], state: 'virtual' });
  c.send({ type: 'meeting.start', meetingId });
  c.send({ type: 'memberVoting.set', meetingId, enabled: true });
  const [budget, depot] = readMeeting().agenda.map((i) => i.itemId);

  c.send({ type: 'item.start', meetingId, itemId: budget });
  clock.advance(30 * 60_000); // 10:30
  c.send({ type: 'attendance.depart', meetingId, memberId: ids.Angell });
  clock.advance(15 * 60_000); // 10:45
  c.send({ type: 'attendance.mark', meetingId, memberId: ids.Angell, state: 'present' });
  const { motionId } = c.send({ type: 'motion.move', meetingId, itemId: budget, kind: 'substantive', wording: HOSTILE_MOTION, moverId: ids.Allen, seconderId: ids.Angell });
  const first = c.send({ type: 'division.call', meetingId, motionId, skipBell: true }).divisionId;
  for (const [surname, choice] of [['Allen', 'for'], ['Angell', 'for'], ['Bird', 'against'], ['Vye', 'abstain']] as const) {
    clock.advance(500);
    c.send({ type: 'vote.cast', meetingId, divisionId: first, memberId: ids[surname], choice });
  }
  clock.advance(500);
  expect(c.dispatchAsMember(ids['الزهراء'], meetingId, { type: 'vote.cast', meetingId, divisionId: first, memberId: ids['الزهراء'], choice: 'for' })).toMatchObject({ ok: true });
  clock.advance(60_000);
  c.send({ type: 'division.close', meetingId, divisionId: first });
  c.send({ type: 'vote.correct', meetingId, divisionId: first, memberId: ids.Vye, choice: 'against', reason: 'His connection failed; he voted against by show of hand' });
  c.send({ type: 'item.end', meetingId, itemId: budget });

  c.send({ type: 'item.start', meetingId, itemId: depot });
  const exempt = c.send({ type: 'motion.move', meetingId, itemId: depot, kind: 'substantive', wording: EXEMPT_MOTION, moverId: ids.Bird, seconderId: ids.Allen }).motionId;
  const second = c.send({ type: 'division.call', meetingId, motionId: exempt, skipBell: true }).divisionId;
  for (const [surname, choice] of [['Bird', 'for'], ['Allen', 'against']] as const) {
    clock.advance(500);
    c.send({ type: 'vote.cast', meetingId, divisionId: second, memberId: ids[surname], choice });
  }
  clock.advance(60_000);
  c.send({ type: 'division.close', meetingId, divisionId: second });
  c.send({ type: 'item.end', meetingId, itemId: depot });
  clock.advance(30 * 60_000);
  c.send({ type: 'meeting.close', meetingId });
  return { meeting: readMeeting(), body: readBody(), ids };
};

const rows = (csv: string): Record<string, string>[] => {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(CSV_BOM.length), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

describe('the records office’s spreadsheets', () => {
  let recorded: Recorded;
  beforeAll(() => {
    recorded = recordMeeting();
  });

  it('attendance: a row per member in the body’s order, with each stay in local time and the substitute’s member', () => {
    const { meeting, body } = recorded;
    const table = rows(attendanceCsv(meeting, body, TZ));
    expect(table.map((r) => [r.Member, r.Attendance, r.Arrived, r.Departed, r.Stays, r['Substitute for']])).toEqual([
      ['Mrs A Allen', 'present', '10:00', '11:17', '10:00-11:17', ''],
      ['Mr M Angell', 'present', '10:00', '11:17', '10:00-10:30; 10:45-11:17', ''],
      ['Mr R Bird', 'present', '10:00', '11:17', '10:00-11:17', ''],
      ['Mr B Clark', 'apologies', '', '', '', ''],
      ['Mr M Vye', 'present', '10:00', '11:17', '10:00-11:17', 'Mr B Clark'],
      ['Mrs الزهراء', 'present', '10:00', '11:17', '10:00-11:17', ''],
      ['Mr 王小明', 'virtual', '10:00', '11:17', '10:00-11:17', ''],
      ['Mr H Birkby', 'not recorded', '', '', '', ''],
    ]);
    expect(new Set(table.map((r) => r.Date))).toEqual(new Set(['2015-10-22']));
  });

  it('attendance uses the names as they were at the meeting', () => {
    const { meeting, body, ids } = recorded;
    expect(meeting.namesAtMeeting?.members[ids.Allen]).toBeDefined();
    const renamed: BodyState = { ...body, members: body.members.map((m) => (m.id === ids.Allen ? { ...m, surname: 'Allen-Smith' } : m)) };
    expect(rows(attendanceCsv(meeting, renamed, TZ))[0].Member).toBe('Mrs A Allen');
    expect(rows(attendanceCsv({ ...meeting, namesAtMeeting: null }, renamed, TZ))[0].Member).toBe('Mrs A Allen-Smith');
  });

  it('votes: a row per member per division, the motion’s words, how each vote was recorded; the exempt item’s division left out', () => {
    const { meeting, body } = recorded;
    const csv = votesCsv(meeting, body, TZ);
    expect(csv).not.toContain('Maidstone depot');
    const table = rows(csv);
    expect(table.map((r) => [r.Division, r.Item, r.Member, r.Vote, r['How recorded']])).toEqual([
      ['1', '1', 'Mrs A Allen', 'For', 'entered by the clerk'],
      ['1', '1', 'Mr M Angell', 'For', 'entered by the clerk'],
      ['1', '1', 'Mr R Bird', 'Against', 'entered by the clerk'],
      ['1', '1', 'Mr M Vye', 'Against', 'corrected by the clerk after the close at 10:46 (was Abstain): His connection failed; he voted against by show of hand'],
      ['1', '1', 'Mrs الزهراء', 'For', "member's own device"],
    ]);
    // The question's words, read back whole through the quoting, made text for Excel.
    expect(new Set(table.map((r) => r.Question))).toEqual(new Set([`'${HOSTILE_MOTION}`]));
  });

  it('the confidential file has the exempt item’s division too, under its number in the meeting', () => {
    const { meeting, body } = recorded;
    const table = rows(votesCsv(meeting, body, TZ, { includeExempt: true }));
    expect(table.filter((r) => r.Division === '2').map((r) => [r.Item, r.Question, r.Member, r.Vote])).toEqual([
      ['2', EXEMPT_MOTION, 'Mrs A Allen', 'Against'],
      ['2', EXEMPT_MOTION, 'Mr R Bird', 'For'],
    ]);
    expect(table).toHaveLength(7);
  });
});

describe('a cell of the spreadsheet', () => {
  it('is made text where Excel would read a formula', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('Mr A O’Brien')).toBe('Mr A O’Brien');
  });

  it('is quoted as RFC 4180 asks, and carries no control characters', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('bell\u0007 and\u0000 null')).toBe('bell and null');
  });
});
