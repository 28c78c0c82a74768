// What the live screen works out on every keystroke and every update: the members matching what
// the clerk typed, each row's standing, the counts and the quorum (the same pure functions the
// screen calls). On an empty meeting and at the end of a full day (1,000 attendance changes, 40
// declarations), against a bare baseline measured in the same run: a plain case-insensitive
// filter of the 83 names. Goal: the full day within 1.2× the empty one.
import { attendanceCounts, attendanceStanding, meetingQuorum } from '../shared/procedure/attendance';
import { memberDisplayNames, type BodyState } from '../shared/state/body';
import type { MeetingState } from '../shared/state/meeting';
import { findMembers } from '../shared/state/memberSearch';
import type { Topic } from '../shared/topics';
import { openTestCore } from '../tests/support/meeting';
import { EMPTY_DAY, fillDay, FULL_DAY, startDay } from './meetingDay';
import { median, ms, percentile, sample, type Row } from './stats';

const COUNT = 3000;
/** What a clerk types, a letter at a time, for a few members. */
const TYPED = ['h', 'ha', 'har', 'harr', 'k', 'ki', 'kin', 'm', 'ma', 'man', 'c', 'co', 'coo'];

export const benchLiveScreen = (): Row[] => {
  const core = openTestCore();
  const emptyDay = startDay(core);
  const fullDay = startDay(core, emptyDay.bodyId);
  fillDay(core, emptyDay, EMPTY_DAY);
  fillDay(core, fullDay, FULL_DAY);
  const read = <T>(topic: Topic) => (core.read(topic) as { ok: true; data: T }).data;
  const body = read<BodyState>(`body:${emptyDay.bodyId}`);
  const names = memberDisplayNames(body.members);
  const members = body.members.filter((m) => m.active);
  const meetings = { empty: read<MeetingState>(`meeting:${emptyDay.meetingId}`), full: read<MeetingState>(`meeting:${fullDay.meetingId}`) };
  core.dispose();

  let sink = 0;
  const keystroke = (meeting: MeetingState) => (i: number) => {
    const shown = findMembers(members, names, TYPED[Math.abs(i) % TYPED.length]);
    for (const m of shown) sink += attendanceStanding(meeting, m.id).length;
    sink += attendanceCounts(meeting, body).total.present + meetingQuorum(meeting, body).counted;
  };
  const bare = (i: number) => {
    const typed = TYPED[Math.abs(i) % TYPED.length];
    sink += members.filter((m) => names[m.id].toLowerCase().includes(typed)).length;
  };
  // Alternate the three, so that the machine's moods fall on each alike.
  const samples = { bare: [] as number[], empty: [] as number[], full: [] as number[] };
  for (let round = 0; round < 10; round += 1) {
    samples.bare.push(...sample(COUNT / 10, bare));
    samples.empty.push(...sample(COUNT / 10, keystroke(meetings.empty)));
    samples.full.push(...sample(COUNT / 10, keystroke(meetings.full)));
  }
  if (sink < 0) console.log(sink);
  const fullRatio = median(samples.full) / median(samples.empty);
  return [
    {
      measure: 'Live screen, one keystroke (find, rows, counts, quorum): empty meeting',
      p50: ms(median(samples.empty)),
      p99: ms(percentile(samples.empty, 99)),
      baseline: ms(median(samples.bare)),
      ratio: `${(median(samples.empty) / median(samples.bare)).toFixed(1)}× of a bare name filter`,
      goal: `well under a frame (16 ms) ${percentile(samples.empty, 99) < 16 ? '✓' : '✗'}`,
    },
    {
      measure: 'Live screen, one keystroke: end of a full day',
      p50: ms(median(samples.full)),
      p99: ms(percentile(samples.full, 99)),
      baseline: ms(median(samples.empty)),
      ratio: `${fullRatio.toFixed(2)}× of empty`,
      goal: `≤ 1.2× ${fullRatio <= 1.2 ? '✓' : '✗'}`,
    },
  ];
};
