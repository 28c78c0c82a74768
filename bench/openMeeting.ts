// Opening a meeting whose log holds 20,000 events, until its state is ready: read from the
// projection, so independent of the log's length. Beside it, a full replay for contrast.
import { openCore } from '../electron/core/core';
import { reduceStream } from '../electron/core/store/projections';
import { kccMeeting, openTestCore } from '../tests/support/meeting';
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
  let cores: ReturnType<typeof openCore>[] = [];
  const opens = sample(
    30,
    () => {
      const core = openCore(folder);
      const meeting = core.read(`meeting:${meetingId}`);
      if (!meeting.ok || meeting.data.seq !== EVENTS) throw new Error('meeting not ready');
      cores.push(core);
    },
    3,
  );
  cores.forEach((c) => c.close());
  cores = [];

  const appOpen = openCore(folder);
  const stateOnly = sample(30, () => {
    appOpen.db.prepare('SELECT state FROM projections WHERE stream = ?').get(stream);
  });
  const replay = sample(5, () => reduceStream(stream, undefined, appOpen.log.read(stream)), 1);
  appOpen.close();
  setup.dispose();
  return [
    {
      measure: `Open a ${EVENTS.toLocaleString('en-GB')}-event meeting (open file + state)`,
      p50: ms(median(opens)),
      p99: ms(percentile(opens, 99)),
      baseline: ms(median(replay)),
      ratio: `${(median(opens) / median(replay)).toFixed(2)}× of replay`,
      goal: `≤ 100 ms ${median(opens) <= 100 ? '✓' : '✗'}`,
    },
    { measure: '  of which: read the projection row', p50: ms(median(stateOnly)), p99: ms(percentile(stateOnly, 99)), baseline: '', ratio: '', goal: '' },
  ];
};
