// Opening a meeting whose log holds 20,000 events, until its state is ready: read from the
// projection, so independent of the log's length. Beside it, a full replay for contrast.
import { openCore } from '../electron/core/core';
import { reduceStream } from '../electron/core/store/projections';
import { kccMeeting, openTestCore } from '../tests/support/meeting';
import { performance } from 'node:perf_hooks';
import { median, ms, percentile, sample, type Row } from './stats';

const EVENTS = 20_000;

export const benchOpenMeeting = (): Row[] => {
  const setup = openTestCore();
  const { bodyId, meetingId } = setup.kccMeeting();
  setup.db.pragma('synchronous = OFF'); // set-up speed only; the measured opens use the real settings
  for (let i = 1; i < EVENTS; i += 1) setup.send({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, title: `County Council ${i}` });
  const folder = setup.folder;
  setup.close();

  const stream = `meeting:${meetingId}`;
  // Start-up: open the file (integrity check, migrations check) — the app pays this once.
  const startups = sample(
    15,
    () => {
      openCore(folder).close();
    },
    2,
  );
  // Opening the meeting in a freshly started core (nothing cached): state ready to show.
  const opens: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const core = openCore(folder);
    const started = performance.now();
    const meeting = core.read(`meeting:${meetingId}`);
    opens.push(performance.now() - started);
    if (!meeting.ok || meeting.data.seq !== EVENTS) throw new Error('meeting not ready');
    core.close();
  }
  const appOpen = openCore(folder);
  const replay = sample(5, () => reduceStream(stream, undefined, appOpen.log.read(stream)), 1);
  appOpen.close();
  setup.dispose();
  return [
    {
      measure: `Open a ${EVENTS.toLocaleString('en-GB')}-event meeting until its state is ready`,
      p50: ms(median(opens)),
      p99: ms(percentile(opens, 99)),
      baseline: ms(median(replay)),
      ratio: `${(median(opens) / median(replay)).toFixed(4)}× of replay`,
      goal: `≤ 100 ms ${median(opens) <= 100 ? '✓' : '✗'}`,
    },
    {
      measure: '  start-up on that file (integrity check included)',
      p50: ms(median(startups)),
      p99: ms(percentile(startups, 99)),
      baseline: '',
      ratio: '',
      goal: '',
    },
  ];
};
