// Fault injection: a laptop's 20,000-event meeting pushed by the real sync client to the records
// server as a real process (`npm run server`), which is killed (SIGKILL) at different moments of
// the push and started again on the same store and port: before any batch of a push, with the
// first batches up, and when the server has stored a batch whose receipt has not reached the
// laptop. After each failure the clerk presses Sync now again. In the end the server holds each
// event once, its own `verify` passes, the laptop's check of the server's copy matches stream by
// stream, and the receipts the laptop kept acknowledge exactly its heads. On SQLite, and on
// PostgreSQL where CHAMBER_TEST_POSTGRES is set.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDay } from '../../bench/meetingDay';
import { DATABASE_FILE } from '../../electron/core/dataFolder';
import { createSyncClient, type SyncClient } from '../../electron/core/sync/syncClient';
import { createSyncSettings } from '../../electron/core/sync/syncSettings';
import { verifyReceipt } from '../../server/receipts';
import { openPostgresStorage } from '../../server/postgresStorage';
import { openSqliteStorage, SQLITE_FILE } from '../../server/sqliteStorage';
import type { RecordsStorage } from '../../server/storage';
import type { Receipt } from '../../shared/sync/protocol';
import { openTestCore, tempFolder, type TestCore } from '../support/meeting';
import { addDeviceByCommand, postgresSchemaForProcess, serverCommand, startServerProcess, type ServerProcess } from '../support/recordsServerProcess';
import { describeWhere } from '../support/skips';

const POSTGRES = process.env.CHAMBER_TEST_POSTGRES;
const EVENTS = 20_000;

/** A Chamber data folder whose meeting's log holds exactly 20,000 events, recorded through the API. */
const buildLaptop = (folder: string): { meetingId: string } => {
  const core = openTestCore({ folder });
  core.db.pragma('synchronous = OFF'); // set-up speed only; the copies the tests use are opened as Chamber opens them
  const day = startDay(core);
  const stream = `meeting:${day.meetingId}`;
  const head = core.db.prepare('SELECT max(seq) FROM events WHERE stream = ?').pluck();
  for (let i = 0; (head.get(stream) as number) < EVENTS; i += 1) {
    const memberId = day.members[Math.floor(i / 2) % day.members.length];
    core.send(i % 2 === 0 ? { type: 'attendance.depart', meetingId: day.meetingId, memberId } : { type: 'attendance.mark', meetingId: day.meetingId, memberId, state: 'present' });
  }
  core.close();
  return { meetingId: day.meetingId };
};

/** What the test can see while the push runs, cheaply, between the client's steps. */
interface Look {
  /** The push has asked the server's status and counted what to send. */
  pushStarted(): boolean;
  /** The meeting's head as the server's store holds it. */
  serverHead(): Promise<number>;
  /** The meeting's head as the laptop's kept receipts acknowledge it. */
  acknowledged: number;
}

/** When to kill the server while a push runs. */
interface Moment {
  name: string;
  now(look: Look): Promise<boolean> | boolean;
}

const MOMENTS: Moment[] = [
  // Receipts kept for the first batches; the next one being read or sent.
  { name: 'with the first batches acknowledged', now: ({ acknowledged }) => acknowledged >= 2_000 },
  // The status answered and the plan made; no batch of this push acknowledged yet.
  { name: 'before any batch of the push', now: ({ pushStarted }) => pushStarted() },
  {
    // Stored, the receipt not yet with the laptop: the next push must send those events again, as duplicates, for a receipt.
    // (Should that instant be missed, the kill comes near the end of the push instead.)
    name: 'with a batch stored but not acknowledged',
    now: async ({ serverHead, acknowledged }) => {
      const held = await serverHead();
      return held > acknowledged || held >= EVENTS - 3_000;
    },
  },
];

const events = (n: number) => `${n.toLocaleString('en-GB')} events`;

interface Backend {
  /** The command line's storage options. */
  options: string[];
  /** The server's store, opened in the test to read what it holds. */
  open(): Promise<RecordsStorage>;
  /** The meeting's head as the server's store holds it for the device, read beside the running server. */
  head(device: string, stream: string): Promise<number>;
  done(): Promise<void>;
}

const sqliteBackend = (): Backend => {
  const folder = tempFolder('chamber-records-faults-');
  let reader: Database.Database | undefined;
  return {
    options: ['--data-dir', folder.path],
    open: async () => openSqliteStorage(folder.path),
    head: async (device, stream) => {
      reader ??= new Database(join(folder.path, SQLITE_FILE), { readonly: true });
      return (reader.prepare('SELECT coalesce(max(seq), 0) FROM events WHERE device = ? AND stream = ?').pluck().get(device, stream) as number) ?? 0;
    },
    done: async () => {
      reader?.close();
      folder.remove();
    },
  };
};

const postgresBackend = async (connectionString: string): Promise<Backend> => {
  const { url, schema, drop } = await postgresSchemaForProcess(connectionString, 'faults_test');
  const reader = new pg.Client({ connectionString: url });
  await reader.connect();
  return {
    options: ['--database', url],
    open: () => openPostgresStorage({ connectionString, schema }),
    head: async (device, stream) =>
      (await reader.query<{ seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM events WHERE device = $1 AND stream = $2', [device, stream])).rows[0].seq,
    done: async () => {
      await reader.end();
      await drop();
    },
  };
};

describe('the records server killed mid-push, again and again, with a 20,000-event meeting', () => {
  const built = tempFolder('chamber-laptop-20000-');
  let meetingId: string;
  beforeAll(() => {
    ({ meetingId } = buildLaptop(built.path));
  }, 30_000);
  afterAll(() => built.remove());

  const journey = (backendOf: () => Promise<Backend>) => async () => {
    const backend = await backendOf();
    const laptopFolder = tempFolder('chamber-laptop-');
    copyFileSync(join(built.path, DATABASE_FILE), join(laptopFolder.path, DATABASE_FILE));
    const core: TestCore = openTestCore({ folder: laptopFolder.path });
    const stream = `meeting:${meetingId}`;
    let server: ServerProcess | undefined;
    let sync: SyncClient | undefined;
    try {
      expect(core.log.read(stream)).toHaveLength(EVENTS);
      const device = addDeviceByCommand('Clerk laptop', backend.options);
      server = await startServerProcess(backend.options);
      const port = server.port;
      sync = createSyncClient({ db: core.db, timeoutMs: 10_000 });
      // As the sync screen does: the address and the key the records office gave.
      expect(sync.configure({ serverUrl: server.url, deviceKey: device.key })).toMatchObject({ ok: true });
      const settings = createSyncSettings(core.db);
      const localTotal = core.eventCount();
      expect(sync.status().waitingTotal).toBe(localTotal);

      /** Events the server had stored without the laptop holding a receipt for them, when it was killed. */
      let unacknowledged = 0;
      for (const moment of MOMENTS) {
        const client = sync;
        const running = server;
        let settled = false;
        const pushed = client.push().finally(() => (settled = true));
        let killed = false;
        while (!settled && !killed) {
          const look: Look = {
            pushStarted: () => client.status().pushing !== undefined,
            serverHead: () => backend.head(device.id, stream),
            acknowledged: settings.acknowledgedHeads().get(stream)?.seq ?? 0,
          };
          if (await moment.now(look)) {
            const held = await backend.head(device.id, stream);
            await running.kill();
            unacknowledged = Math.max(unacknowledged, held - (settings.acknowledgedHeads().get(stream)?.seq ?? 0));
            killed = true;
          } else await new Promise((resolve) => setImmediate(resolve));
        }
        await pushed;
        expect(killed, `the server was killed ${moment.name}, before the push ended`).toBe(true);
        expect(client.status().lastError).toMatchObject({ code: 'unreachable', words: expect.stringContaining('Nothing has been lost') });
        expect(client.status().waitingTotal).toBeGreaterThan(0);
        // The clerk tries again at once, while the server is still down: told so, nothing lost.
        await client.push();
        expect(client.status().lastError?.code).toBe('unreachable');
        server = await startServerProcess(backend.options, port);
      }

      // Sync now once more, with the server up: it carries on from what the server holds and finishes.
      await sync.push();
      const status = sync.status();
      expect(status.lastError).toBeUndefined();
      expect(status.waitingTotal).toBe(0);
      await sync.verify();
      const verification = sync.status().verification!;
      expect(verification.ok).toBe(true);
      expect(verification.streams.map((s) => [s.stream, s.ok, s.server])).toEqual(core.log.streams().sort().map((s) => [s, true, core.log.read(s).length]));

      // Every receipt kept verifies against the server's key, and together they acknowledge exactly the laptop's heads.
      const receipts = (core.db.prepare('SELECT receipt FROM sync_receipts').pluck().all() as string[]).map((r) => JSON.parse(r) as Receipt);
      const publicKey = status.lastSync!.receipt.publicKey;
      for (const receipt of receipts) expect(verifyReceipt(receipt, publicKey)).toBe(true);
      // The kept receipts' batches cover every event once; what the server had stored unacknowledged went again, as duplicates, for a receipt.
      const duplicates = receipts.reduce((sum, r) => sum + r.duplicates, 0);
      expect(receipts.reduce((sum, r) => sum + r.accepted, 0) + duplicates).toBe(localTotal);
      expect(duplicates).toBeGreaterThanOrEqual(unacknowledged);
      const heads = settings.acknowledgedHeads(status.lastSync!.receipt.serverId);
      for (const s of core.log.streams()) {
        const last = core.log.read(s).at(-1)!;
        expect(heads.get(s)).toEqual({ seq: last.seq, hash: last.hash });
      }

      await server.stop();
      server = undefined;
      // The server's own check of the meeting, as the records officer runs it.
      const verified = serverCommand(['verify', meetingId, ...backend.options]);
      expect(verified.stdout).toContain(`Clerk laptop (${device.id}): ${EVENTS} events, verifies`);
      expect(verified.status).toBe(0);

      // Exactly the laptop's events, each once, in order, stream by stream.
      const storage = await backend.open();
      try {
        const summary = (await storage.summary()).filter((s) => s.device === device.id);
        expect(summary.map((s) => [s.stream, s.events]).sort()).toEqual(core.log.streams().sort().map((s) => [s, core.log.read(s).length]));
        for (const s of core.log.streams()) {
          const held = await storage.events(device.id, s);
          const mine = core.log.read(s);
          expect(held.map((e) => `${e.seq} ${e.id} ${e.hash}`).join('\n')).toBe(mine.map((e) => `${e.seq} ${e.id} ${e.hash}`).join('\n'));
          expect(new Set(held.map((e) => e.id)).size).toBe(mine.length);
        }
        expect((await storage.events(device.id, stream)).length, `the meeting's ${events(EVENTS)}`).toBe(EVENTS);
      } finally {
        await storage.close();
      }
    } finally {
      sync?.stop();
      await server?.kill();
      core.dispose();
      laptopFolder.remove();
      await backend.done();
    }
  };

  it('on SQLite: every event held once, the server verifies it, the laptop checks it, the receipts acknowledge it', journey(async () => sqliteBackend()), 60_000);

  describeWhere(
    { met: Boolean(POSTGRES), reason: 'CHAMBER_TEST_POSTGRES is not set (a postgres:// URL for a test database; .ci/run sets it after starting PostgreSQL)', requiredInCi: true },
    'on PostgreSQL',
    () => {
      it('every event held once, the server verifies it, the laptop checks it, the receipts acknowledge it', journey(() => postgresBackend(POSTGRES!)), 60_000);
    },
  );
});
