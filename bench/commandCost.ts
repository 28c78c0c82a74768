// The cost of a command must not grow with the day. The same commands (an attendance change, a
// note saved) on an empty meeting and on one that already holds a full day's record (40 items
// with 500 KB of notes, 1,000 attendance changes, declarations), timed alternately in the same
// run, with the bytes each pushes to a subscriber. Goal: the full day within 1.2× the empty one.
import type { Command } from '../shared/commands';
import { openTestCore } from '../tests/support/meeting';
import { EMPTY_DAY, fillDay, FULL_DAY, startDay, type MeetingDay } from './meetingDay';
import { median, ms, percentile, type Row } from './stats';
import { performance } from 'node:perf_hooks';

const COUNT = 1500;
const WARM_UP = 100;

const ratioRow = (measure: string, empty: number[], full: number[], goal: number): Row => {
  const ratio = median(full) / median(empty);
  return {
    measure,
    p50: ms(median(full)),
    p99: ms(percentile(full, 99)),
    baseline: ms(median(empty)),
    ratio: `${ratio.toFixed(2)}× of empty`,
    goal: `≤ ${goal}× ${ratio <= goal ? '✓' : '✗'}`,
  };
};

export const benchCommandCost = (): Row[] => {
  const core = openTestCore();
  const emptyDay = startDay(core);
  const fullDay = startDay(core, emptyDay.bodyId);
  fillDay(core, emptyDay, EMPTY_DAY);
  fillDay(core, fullDay, FULL_DAY);
  const stateBytes = JSON.stringify((core.read(`meeting:${fullDay.meetingId}`) as { ok: true; data: unknown }).data).length;

  let pushed = 0;
  core.subscribe((update) => {
    pushed += JSON.stringify(update).length;
  });

  /** The i-th attendance change on a day: a departure, then the same member's return. */
  const attendance = (day: MeetingDay, i: number): Command => {
    const memberId = day.members[Math.floor(i / 2) % day.members.length];
    return i % 2 === 0 ? { type: 'attendance.depart', meetingId: day.meetingId, memberId } : { type: 'attendance.mark', meetingId: day.meetingId, memberId, state: 'present' };
  };
  /** The i-th note saved as the clerk types: the current text of one item, a little longer each time. */
  const note = (day: MeetingDay, i: number): Command => ({
    type: 'item.note',
    meetingId: day.meetingId,
    itemId: day.items[0],
    text: `Mr Oakford moved and Mrs Whittle seconded the motion. ${'Debate continued. '.repeat(20)}${i}`,
  });

  const timeBoth = (make: (day: MeetingDay, i: number) => Command) => {
    const empty: number[] = [];
    const full: number[] = [];
    const bytes = { empty: 0, full: 0 };
    for (let i = -WARM_UP; i < COUNT; i += 1) {
      const step = i + WARM_UP;
      for (const [day, samples, key] of [
        [emptyDay, empty, 'empty'],
        [fullDay, full, 'full'],
      ] as const) {
        const command = make(day, step);
        pushed = 0;
        const started = performance.now();
        const outcome = core.dispatch(command);
        const elapsed = performance.now() - started;
        if (!outcome.ok) throw new Error(outcome.error.message);
        if (i >= 0) {
          samples.push(elapsed);
          bytes[key] += pushed;
        }
      }
    }
    return { empty, full, bytes };
  };

  const marks = timeBoth(attendance);
  const notes = timeBoth(note);
  core.dispose();
  const perCommand = (n: number) => `${Math.round(n / COUNT)} B`;
  return [
    ratioRow('Attendance change, full day vs empty meeting', marks.empty, marks.full, 1.2),
    ratioRow('Note saved, full day vs empty meeting', notes.empty, notes.full, 1.2),
    {
      measure: '  pushed per command (attendance / note), full day',
      p50: `${perCommand(marks.bytes.full)} / ${perCommand(notes.bytes.full)}`,
      p99: '',
      baseline: `${perCommand(marks.bytes.empty)} / ${perCommand(notes.bytes.empty)}`,
      ratio: `state ${Math.round(stateBytes / 1024)} KB`,
      goal: '',
    },
  ];
};
