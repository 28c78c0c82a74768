// The records server's disk full, through the real server over HTTP on loopback and the real sync
// client: the push is refused with 507 storage_full, nothing from the refused batch is stored, the
// clerk is told in words, and once space is freed the next push completes with every event once.
// SQLite's file is capped with PRAGMA max_page_count on the storage's own connection (SQLite then
// answers SQLITE_FULL, as for a full disk); PostgreSQL, where CHAMBER_TEST_POSTGRES is set, gets
// its disk-full error (53100) from a trigger in the test's own schema.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createSyncClient } from '../../electron/core/sync/syncClient';
import { openPostgresStorage } from '../../server/postgresStorage';
import { openSqliteStorage } from '../../server/sqliteStorage';
import type { RecordsStorage } from '../../server/storage';
import { createSyncServer } from '../../server/syncServer';
import { openTestCore, tempFolder } from '../support/meeting';
import { registerDevice } from '../support/recordsServer';
import { describeWhere } from '../support/skips';

const POSTGRES = process.env.CHAMBER_TEST_POSTGRES;

interface FullableStorage {
  storage: RecordsStorage;
  /** What the server says when its disk is full. */
  says: string;
  fill(): Promise<void>;
  free(): Promise<void>;
  done(): Promise<void>;
}

const journey = (open: () => Promise<FullableStorage>) => async () => {
  const { storage, says, fill, free, done } = await open();
  const app = await createSyncServer({ storage });
  const core = openTestCore();
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const device = await registerDevice(storage, 'Clerk laptop');
    const { bodyId, meetingId } = core.kccMeeting();
    const record = (members: number, from: number) => {
      for (let i = from; i < from + members; i += 1) {
        const { memberId } = core.send({ type: 'member.add', bodyId, member: { title: 'Mr', initials: [], surname: `Member ${i + 1}`, honours: [], group: '', roles: [], voting: true } });
        core.send({ type: 'apologies.expect', meetingId, memberId, note: `On council business elsewhere in the county, as the clerk was told before the meeting (${i}).` });
      }
    };
    const sync = createSyncClient({ db: core.db, timeoutMs: 10_000, limits: { events: 40, bytes: 256_000 } });
    expect(sync.configure({ serverUrl: url, deviceKey: device.key })).toMatchObject({ ok: true });
    record(20, 0);
    await sync.push();
    expect(sync.status()).toMatchObject({ waitingTotal: 0 });
    const before = await storage.heads(device.id);

    // The disk fills; the laptop records on and syncs.
    await fill();
    record(60, 20);
    const waiting = sync.status().waitingTotal;
    await sync.push();
    expect(sync.status().lastError).toEqual({
      at: expect.any(String),
      code: 'storage_full',
      words: `The records server is out of space (the server said: "${says} Nothing from this push was stored; try again once space is freed."): tell the records office. Everything is still kept on this laptop.`,
    });
    expect(sync.status().waitingTotal).toBe(waiting);
    expect(await storage.heads(device.id)).toEqual(before);

    // Space is freed: the next push completes, every event once.
    await free();
    await sync.push();
    expect(sync.status().lastError).toBeUndefined();
    expect(sync.status().waitingTotal).toBe(0);
    for (const stream of core.log.streams()) expect(await storage.events(device.id, stream)).toEqual(core.log.read(stream));
    await sync.verify();
    expect(sync.status().verification).toMatchObject({ ok: true });
    sync.stop();
  } finally {
    await app.close();
    core.dispose();
    await done();
  }
};

const sqliteFull = async (): Promise<FullableStorage> => {
  const folder = tempFolder('chamber-records-full-');
  let db: Database | undefined;
  const storage = openSqliteStorage(folder.path, { connection: (opened) => (db = opened) });
  return {
    storage,
    says: 'The disk holding the records is full.',
    // Not a page more than the file has now.
    fill: async () => void db!.pragma(`max_page_count = ${db!.pragma('page_count', { simple: true }) as number}`),
    free: async () => void db!.pragma('max_page_count = 1073741823'),
    done: async () => {
      await storage.close();
      folder.remove();
    },
  };
};

const postgresFull = async (connectionString: string): Promise<FullableStorage> => {
  const schema = `storage_full_${randomUUID().replaceAll('-', '')}`;
  const storage = await openPostgresStorage({ connectionString, schema });
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE FUNCTION "${schema}".disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`);
  return {
    storage,
    says: 'The disk holding the records database is full.',
    fill: async () => void (await admin.query(`CREATE TRIGGER disk_full BEFORE INSERT ON "${schema}".events FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".disk_full()`)),
    free: async () => void (await admin.query(`DROP TRIGGER disk_full ON "${schema}".events`)),
    done: async () => {
      await storage.close();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
};

describe("the records server's disk full", () => {
  it('on SQLite: refused in words, nothing stored, and the push completes once space is freed', journey(sqliteFull), 30_000);
});

describeWhere(
  { met: Boolean(POSTGRES), reason: 'CHAMBER_TEST_POSTGRES is not set (a postgres:// URL for a test database; .ci/run sets it after starting PostgreSQL)', requiredInCi: true },
  "the records server's database full",
  () => {
    it('on PostgreSQL: refused in words, nothing stored, and the push completes once space is freed', journey(() => postgresFull(POSTGRES!)), 30_000);
  },
);
