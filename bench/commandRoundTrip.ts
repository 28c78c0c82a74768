// A clerk command through the dispatcher to a committed transaction, beside a bare durable
// single-row insert with the same pragmas. The two are measured alternately, one of each in
// turn, so that both see the same machine (this one is shared and its load changes).
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyPragmas } from '../electron/core/store/database';
import { kccMeeting, openTestCore, tempFolder } from '../tests/support/meeting';
import { median, ms, percentile, type Row } from './stats';

const COUNT = 3000;
const WARM_UP = 100;

/** A bare durable insert: one row, its own transaction, WAL and synchronous=FULL. */
export const bareInserter = () => {
  const folder = tempFolder('chamber-bench-');
  const db = new BetterSqlite3(join(folder.path, 'bare.sqlite'));
  applyPragmas(db);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (payload) VALUES (?)');
  const payload = JSON.stringify({ meetingId: 'x', ...kccMeeting });
  return {
    insert: () => insert.run(payload),
    close: () => {
      db.close();
      folder.remove();
    },
  };
};

/** Time `a` and `b` alternately; milliseconds per call of each. */
export const alternately = (count: number, a: (i: number) => void, b: (i: number) => void): [number[], number[]] => {
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = -WARM_UP; i < count; i += 1) {
    let started = performance.now();
    a(i);
    const ta = performance.now() - started;
    started = performance.now();
    b(i);
    const tb = performance.now() - started;
    if (i >= 0) {
      timesA.push(ta);
      timesB.push(tb);
    }
  }
  return [timesA, timesB];
};

export const bareInsertSamples = (count: number): number[] => {
  const bare = bareInserter();
  const [samples] = alternately(count, bare.insert, () => undefined);
  bare.close();
  return samples;
};

export const benchCommandRoundTrip = (): Row[] => {
  const bare = bareInserter();
  const core = openTestCore();
  const { bodyId, meetingId } = core.kccMeeting();
  const [baseline, dispatch] = alternately(COUNT, bare.insert, (i) => {
    const outcome = core.dispatch({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, title: `County Council ${i}` });
    if (!outcome.ok) throw new Error(outcome.error.message);
  });
  bare.close();
  core.dispose();
  const ratio = median(dispatch) / median(baseline);
  return [
    { measure: 'Bare durable insert (baseline)', p50: ms(median(baseline)), p99: ms(percentile(baseline, 99)), baseline: '', ratio: '', goal: '' },
    {
      measure: 'Clerk command, dispatch → commit',
      p50: ms(median(dispatch)),
      p99: ms(percentile(dispatch, 99)),
      baseline: ms(median(baseline)),
      ratio: `${ratio.toFixed(2)}×`,
      goal: `≤ 1.5× ${ratio <= 1.5 ? '✓' : '✗'}`,
    },
  ];
};
