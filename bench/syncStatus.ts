// The sync screen's status (asked every second while the screen is open) on an empty meeting and
// at the end of a full day (81 members, 40 items, 1,500 speeches, 30 divisions of 81 votes, built
// through the API), each pushed to the real records server (SQLite) in batches first, so the
// laptop keeps a receipt per batch. Baseline: one row read by its key with a prepared statement
// (the least any status could cost). Goal: the full day within 1.2× the empty meeting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSyncClient } from '../electron/core/sync/syncClient';
import { openSqliteStorage } from '../server/sqliteStorage';
import { createSyncServer } from '../server/syncServer';
import { openTestCore, type TestCore } from '../tests/support/meeting';
import { registerDevice } from '../tests/support/recordsServer';
import { EMPTY_DAY, FULL_DAY, fillDay, startDay } from './meetingDay';
import { median, ms, percentile, sample, type Row } from './stats';

const SAMPLES = 300;

const statusOf = async (core: TestCore): Promise<{ samples: number[]; receipts: number; baseline: number[] }> => {
  const folder = mkdtempSync(join(tmpdir(), 'chamber-bench-status-'));
  const storage = openSqliteStorage(folder);
  const app = await createSyncServer({ storage });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const sync = createSyncClient({ db: core.db, take: core.takeRecorded, limits: { events: 100, bytes: 1_000_000 } });
  try {
    const { key } = await registerDevice(storage, 'Bench laptop');
    sync.configure({ serverUrl: url, deviceKey: key });
    await sync.push();
    if (sync.status().waitingTotal !== 0) throw new Error(`the push left ${sync.status().waitingTotal} events waiting: ${sync.status().lastError?.words}`);
    const receipts = core.db.prepare('SELECT count(*) FROM sync_receipts').pluck().get() as number;
    const oneRow = core.db.prepare("SELECT seq FROM projections WHERE stream = 'settings:installation'");
    return { samples: sample(SAMPLES, () => void sync.status()), receipts, baseline: sample(SAMPLES, () => void oneRow.get()) };
  } finally {
    sync.stop();
    await app.close();
    await storage.close();
    rmSync(folder, { recursive: true, force: true });
  }
};

export const benchSyncStatus = async (): Promise<Row[]> => {
  const empty = openTestCore();
  const full = openTestCore();
  try {
    empty.db.pragma('synchronous = OFF'); // set-up speed only
    full.db.pragma('synchronous = OFF');
    fillDay(empty, startDay(empty), EMPTY_DAY);
    fillDay(full, startDay(full), FULL_DAY);
    const a = await statusOf(empty);
    const b = await statusOf(full);
    const ratio = median(b.samples) / median(a.samples);
    return [
      {
        measure: `Sync screen's status, empty meeting (${a.receipts} receipt${a.receipts === 1 ? '' : 's'} kept)`,
        p50: ms(median(a.samples)),
        p99: ms(percentile(a.samples, 99)),
        baseline: ms(median(a.baseline)),
        ratio: `${(median(a.samples) / median(a.baseline)).toFixed(1)}×`,
        goal: 'report',
      },
      {
        measure: `Sync screen's status, full day vs empty (${b.receipts} receipts kept, ${full.eventCount().toLocaleString('en-GB')} events)`,
        p50: ms(median(b.samples)),
        p99: ms(percentile(b.samples, 99)),
        baseline: ms(median(a.samples)),
        ratio: `${ratio.toFixed(2)}×`,
        goal: `≤ 1.2× ${ratio <= 1.2 ? '✓' : '✗'}`,
      },
    ];
  } finally {
    empty.dispose();
    full.dispose();
  }
};
