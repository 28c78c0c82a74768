// A clerk command through the dispatcher to a committed transaction, beside a bare durable
// single-row insert with the same pragmas.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { applyPragmas } from '../electron/core/store/database';
import { kccMeeting, openTestCore, tempFolder } from '../tests/support/meeting';
import { median, ms, percentile, sample, type Row } from './stats';

const COUNT = 2000;

export const bareInsertSamples = (count = COUNT): number[] => {
  const folder = tempFolder('chamber-bench-');
  const db = new BetterSqlite3(join(folder.path, 'bare.sqlite'));
  applyPragmas(db);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (payload) VALUES (?)');
  const payload = JSON.stringify({ meetingId: 'x', ...kccMeeting });
  const samples = sample(count, () => insert.run(payload));
  db.close();
  folder.remove();
  return samples;
};

export const benchCommandRoundTrip = (): Row[] => {
  const bare = bareInsertSamples();
  const core = openTestCore();
  const { bodyId, meetingId } = core.kccMeeting();
  const dispatch = sample(COUNT, (i) => {
    const outcome = core.dispatch({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, title: `County Council ${i}` });
    if (!outcome.ok) throw new Error(outcome.error.message);
  });
  core.dispose();
  const ratio = median(dispatch) / median(bare);
  return [
    { measure: 'Bare durable insert (baseline)', p50: ms(median(bare)), p99: ms(percentile(bare, 99)), baseline: '', ratio: '', goal: '' },
    {
      measure: 'Clerk command, dispatch → commit',
      p50: ms(median(dispatch)),
      p99: ms(percentile(dispatch, 99)),
      baseline: ms(median(bare)),
      ratio: `${ratio.toFixed(2)}×`,
      goal: `≤ 1.5× ${ratio <= 1.5 ? '✓' : '✗'}`,
    },
  ];
};
