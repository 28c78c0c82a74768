// A speaker change: the chairman calls the next speaker (speech.start) and they finish
// (speech.end), each from the command to the new state pushed to a subscriber. On an empty
// meeting and at the end of a synthetic full day (1,500 speeches, 40 items, 60 motions and
// amendments, built through the API), alternately in the same run, beside the bare durable
// insert. Goals: the full day within 1.2× the empty one, and within 1.5× the bare insert.
import type { Command } from '../shared/commands';
import { openTestCore } from '../tests/support/meeting';
import { bareInserter } from './commandRoundTrip';
import { EMPTY_DAY, fillDay, FULL_DAY, startDay, type MeetingDay } from './meetingDay';
import { median, ms, percentile, type Row } from './stats';
import { performance } from 'node:perf_hooks';

const COUNT = 1500;
const WARM_UP = 100;

export const benchSpeakerChange = (): Row[] => {
  const core = openTestCore();
  const emptyDay = startDay(core);
  const fullDay = startDay(core, emptyDay.bodyId);
  fillDay(core, emptyDay, EMPTY_DAY);
  fillDay(core, fullDay, FULL_DAY);
  const speechesOnRecord = (core.read(`meeting:${fullDay.meetingId}`) as { ok: true; data: { speeches: unknown[] } }).data.speeches.length;

  // On each day, an item taken now with a motion before the meeting, for the speakers to speak on.
  const debating = (day: MeetingDay) => {
    const { itemId } = core.send({ type: 'agenda.addItem', meetingId: day.meetingId, item: { number: '41', title: 'Motion for time-limited debate', kind: 'motion' } });
    core.send({ type: 'item.start', meetingId: day.meetingId, itemId });
    core.send({ type: 'motion.move', meetingId: day.meetingId, itemId, kind: 'substantive', wording: 'That this Council supports the scheme.', moverId: day.members[0], seconderId: day.members[1] });
  };
  debating(emptyDay);
  debating(fullDay);

  let pushed = 0;
  core.subscribe(() => {
    pushed += 1;
  });
  const change = (day: MeetingDay, i: number): Command =>
    i % 2 === 0
      ? { type: 'speech.start', meetingId: day.meetingId, memberId: day.members[(i / 2) % day.members.length], role: 'other', override: 'Bench: speakers speak again' }
      : { type: 'speech.end', meetingId: day.meetingId };

  const bare = bareInserter();
  const samples = { bare: [] as number[], empty: [] as number[], full: [] as number[] };
  for (let i = -WARM_UP; i < COUNT; i += 1) {
    const step = i + WARM_UP;
    let started = performance.now();
    bare.insert();
    const b = performance.now() - started;
    const times: number[] = [];
    for (const day of [emptyDay, fullDay]) {
      const before = pushed;
      started = performance.now();
      const outcome = core.dispatch(change(day, step));
      times.push(performance.now() - started);
      if (!outcome.ok) throw new Error(outcome.error.message);
      if (pushed === before) throw new Error('the subscriber saw nothing');
    }
    if (i >= 0) {
      samples.bare.push(b);
      samples.empty.push(times[0]);
      samples.full.push(times[1]);
    }
  }
  bare.close();
  core.dispose();
  const dayRatio = median(samples.full) / median(samples.empty);
  const bareRatio = median(samples.full) / median(samples.bare);
  return [
    {
      measure: `Speaker change to the subscriber, full day (${speechesOnRecord} speeches) vs empty`,
      p50: ms(median(samples.full)),
      p99: ms(percentile(samples.full, 99)),
      baseline: ms(median(samples.empty)),
      ratio: `${dayRatio.toFixed(2)}× of empty`,
      goal: `≤ 1.2× ${dayRatio <= 1.2 ? '✓' : '✗'}`,
    },
    {
      measure: '  the same, against the bare durable insert',
      p50: ms(median(samples.full)),
      p99: '',
      baseline: ms(median(samples.bare)),
      ratio: `${bareRatio.toFixed(2)}× bare`,
      goal: `≤ 1.5× ${bareRatio <= 1.5 ? '✓' : '✗'}`,
    },
  ];
};
