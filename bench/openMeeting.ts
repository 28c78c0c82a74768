// Opening a meeting whose log holds 20,000 events, until its state is ready. The events are ones
// that grow the record (arrivals and departures, notes, declarations, items taken and ended,
// changes of chair), built through the API. The state is read from its stored parts, so opening
// costs what the record holds now, not how it got there. Beside it, a full replay for contrast.
import type { Command } from '../shared/commands';
import { replayStream } from '../shared/state/streams';
import { openCore } from '../electron/core/core';
import { openTestCore } from '../tests/support/meeting';
import { performance } from 'node:perf_hooks';
import { startDay } from './meetingDay';
import { median, ms, percentile, sample, type Row } from './stats';

const EVENTS = 20_000;

export const benchOpenMeeting = (): Row[] => {
  const setup = openTestCore();
  setup.db.pragma('synchronous = OFF'); // set-up speed only; the measured opens use the real settings
  const day = startDay(setup);
  const { meetingId } = day;
  const stream = `meeting:${meetingId}`;
  const eventsOf = () => (setup.db.prepare('SELECT count(*) FROM events WHERE stream = ?').pluck().get(stream) as number);
  const send = (command: Command) => {
    const outcome = setup.dispatch(command);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.error.message}`);
  };
  let i = 0;
  while (eventsOf() < EVENTS) {
    const member = day.members[i % day.members.length];
    const item = day.items[i % day.items.length];
    send({ type: 'attendance.depart', meetingId, memberId: member });
    send({ type: 'attendance.mark', meetingId, memberId: member, state: 'present' });
    send({ type: 'item.start', meetingId, itemId: item });
    send({ type: 'item.note', meetingId, itemId: item, text: `Notes, round ${i}: ${'The committee discussed the report. '.repeat(i % 40)}` });
    send({ type: 'item.end', meetingId, itemId: item });
    if (i % 5 === 0) send({ type: 'declaration.record', meetingId, memberId: member, itemId: item, kind: 'other', description: `Interest ${i}` });
    if (i % 7 === 0) send({ type: 'chair.take', meetingId, memberId: member, capacity: 'chosen_member' });
    i += 1;
  }
  const events = eventsOf();
  const stateKb = JSON.stringify((setup.read(stream as `meeting:${string}`) as { ok: true; data: unknown }).data).length / 1024;
  const folder = setup.folder;
  setup.close();

  // Start-up: open the file (lock, integrity check, migrations check) — the app pays this once.
  const startups = sample(15, () => openCore(folder).close(), 2);
  // Opening the meeting in a freshly started core (nothing cached): state ready to show.
  const opens: number[] = [];
  // Timed from the start of the core (which reads at start-up only the meetings with a division
  // open, to close one whose time ran out while it was down) to the meeting ready to show.
  for (let n = 0; n < 30; n += 1) {
    const started = performance.now();
    const core = openCore(folder);
    const meeting = core.read(stream as `meeting:${string}`);
    opens.push(performance.now() - started);
    if (!meeting.ok || meeting.data.seq !== events) throw new Error('meeting not ready');
    core.close();
  }
  const appOpen = openCore(folder);
  const replay = sample(5, () => replayStream(stream, appOpen.log.read(stream)), 1);
  appOpen.close();
  setup.dispose();
  return [
    {
      measure: `Start, and open a ${events.toLocaleString('en-GB')}-event meeting in progress (${Math.round(stateKb)} KB of state) until ready`,
      p50: ms(median(opens)),
      p99: ms(percentile(opens, 99)),
      baseline: ms(median(replay)),
      ratio: `${(median(opens) / median(replay)).toFixed(3)}× of replay`,
      goal: `≤ 100 ms ${median(opens) <= 100 ? '✓' : '✗'}`,
    },
    {
      measure: '  start-up alone on that file (lock, integrity check, open divisions checked)',
      p50: ms(median(startups)),
      p99: ms(percentile(startups, 99)),
      baseline: '',
      ratio: '',
      goal: '',
    },
  ];
};
