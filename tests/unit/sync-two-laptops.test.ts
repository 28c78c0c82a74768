// Two pushes at once to the real records server (over HTTP on loopback), from the real sync
// client, in batches small enough to interleave. Two laptops, each registered, each with its own
// copy of the same meeting (the spare laptop copied from the first before the meeting, then each
// recording its own events): the server keeps each copy once, apart, and both verify. And one
// laptop pushing twice at once on the same key (a push it gave up waiting for still running when
// the clerk presses Sync now again): every event stored once, nothing refused, both pushes' receipts
// true. SQLite, and PostgreSQL where CHAMBER_TEST_POSTGRES is set.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/dataFolder';
import { createSyncClient, type SyncClient } from '../../electron/core/sync/syncClient';
import { checkStream } from '../../server/chain';
import { openSqliteStorage } from '../../server/sqliteStorage';
import type { RecordsStorage } from '../../server/storage';
import { createSyncServer } from '../../server/syncServer';
import type { Receipt } from '../../shared/sync/protocol';
import { openTestCore, tempFolder, type TestCore } from '../support/meeting';
import { postgresTestStorage, registerDevice } from '../support/recordsServer';
import { describeWhere } from '../support/skips';

const POSTGRES = process.env.CHAMBER_TEST_POSTGRES;

type Open = () => Promise<{ storage: RecordsStorage; done: () => Promise<void> }>;

/** A laptop with the county council's meeting: 80 members, each with apologies expected (about 160 events). */
const firstLaptop = (): { core: TestCore; bodyId: string; meetingId: string; members: string[] } => {
  const core = openTestCore();
  const { bodyId, meetingId } = core.kccMeeting();
  const members: string[] = [];
  for (let i = 0; i < 80; i += 1) {
    const { memberId } = core.send({ type: 'member.add', bodyId, member: { title: 'Mr', initials: [], surname: `Member ${i + 1}`, honours: [], group: '', roles: [], voting: true } });
    core.send({ type: 'apologies.expect', meetingId, memberId, note: 'on council business' });
    members.push(memberId);
  }
  return { core, bodyId, meetingId, members };
};

/** The records server in process, logging which push came from whom and with how many events, in the order they arrived. */
const serve = async (storage: RecordsStorage): Promise<{ app: FastifyInstance; url: string; pushes: { key: string; events: number }[] }> => {
  const app = await createSyncServer({ storage });
  const pushes: { key: string; events: number }[] = [];
  app.addHook('preHandler', async (request) => {
    if (request.url === '/sync/v1/push') pushes.push({ key: request.headers.authorization ?? '', events: (request.body as { events: unknown[] }).events.length });
  });
  return { app, url: await app.listen({ host: '127.0.0.1', port: 0 }), pushes };
};

/** How often the sequence changes from one kind to the other: two or more means A, B, A (or B, A, B) at least. */
const switches = (kinds: readonly string[]) => kinds.slice(1).filter((kind, i) => kind !== kinds[i]).length;

const receiptsOf = (core: TestCore) => (core.db.prepare('SELECT receipt FROM sync_receipts ORDER BY id').pluck().all() as string[]).map((r) => JSON.parse(r) as Receipt);

const twoLaptops = (open: Open) => async () => {
  const { storage, done } = await open();
  const first = firstLaptop();
  const spareFolder = tempFolder('chamber-spare-laptop-');
  first.core.db.prepare('VACUUM INTO ?').run(join(spareFolder.path, DATABASE_FILE));
  const spare = openTestCore({ folder: spareFolder.path });
  const { app, url, pushes } = await serve(storage);
  const clients: SyncClient[] = [];
  try {
    // After the copy each laptop records its own events: the two logs share a beginning, then differ.
    for (const [i, memberId] of first.members.slice(0, 30).entries()) first.core.send({ type: 'apologies.expect', meetingId: first.meetingId, memberId, note: `first laptop ${i}` });
    for (const [i, memberId] of first.members.slice(40, 60).entries()) spare.send({ type: 'apologies.expect', meetingId: first.meetingId, memberId, note: `spare laptop ${i}` });
    const stream = `meeting:${first.meetingId}`;
    const spareLog = spare.log.read(stream);
    const shared = first.core.log.read(stream).filter((e, i) => spareLog[i]?.id === e.id);
    expect(shared.length).toBeGreaterThan(80);

    const laptops = await Promise.all(
      [first.core, spare].map(async (core, n) => {
        const device = await registerDevice(storage, n === 0 ? 'Clerk laptop' : 'Spare laptop');
        const sync = createSyncClient({ db: core.db, timeoutMs: 10_000, limits: { events: 20, bytes: 64_000 } });
        clients.push(sync);
        expect(sync.configure({ serverUrl: url, deviceKey: device.key })).toMatchObject({ ok: true });
        return { core, device, sync };
      }),
    );
    await Promise.all(laptops.map(({ sync }) => sync.push()));
    // The batches went up interleaved, not one laptop's after the other's.
    expect(switches(pushes.map((p) => p.key))).toBeGreaterThanOrEqual(2);

    for (const { core, device, sync } of laptops) {
      expect(sync.status().lastError).toBeUndefined();
      expect(sync.status().waitingTotal).toBe(0);
      for (const s of core.log.streams()) {
        // Exactly this laptop's log, once; nothing of the other laptop's.
        const held = await storage.events(device.id, s);
        expect(held).toEqual(core.log.read(s));
        expect(checkStream(held)).toBeUndefined();
      }
      await sync.verify();
      expect(sync.status().verification).toMatchObject({ ok: true });
      expect(receiptsOf(core).reduce((sum, r) => sum + r.accepted + r.duplicates, 0)).toBe(core.eventCount());
    }
    const [mine, theirs] = laptops.map(({ device }) => storage.events(device.id, stream));
    const [a, b] = [new Set((await mine).map((e) => e.id)), new Set((await theirs).map((e) => e.id))];
    expect([...a].filter((id) => b.has(id))).toHaveLength(shared.length);
    const copies = (await storage.summary()).filter((s) => s.stream === stream);
    expect(copies.map((c) => [c.deviceName, c.events]).sort()).toEqual([
      ['Clerk laptop', first.core.log.read(stream).length],
      ['Spare laptop', spare.log.read(stream).length],
    ]);
  } finally {
    for (const sync of clients) sync.stop();
    await app.close();
    first.core.dispose();
    spare.dispose();
    spareFolder.remove();
    await done();
  }
};

const oneLaptopTwice = (open: Open) => async () => {
  const { storage, done } = await open();
  const { core } = firstLaptop();
  const { app, url, pushes } = await serve(storage);
  // Two clients on the one laptop's record and key, with batches of different sizes, so their batches overlap and differ.
  const device = await registerDevice(storage, 'Clerk laptop');
  const clients = [20, 33].map((events) => createSyncClient({ db: core.db, timeoutMs: 10_000, limits: { events, bytes: 64_000 } }));
  try {
    for (const sync of clients) expect(sync.configure({ serverUrl: url, deviceKey: device.key })).toMatchObject({ ok: true });
    await Promise.all(clients.map((sync) => sync.push()));
    const full = pushes.filter((p) => p.events === 20 || p.events === 33).map((p) => String(p.events));
    expect(switches(full)).toBeGreaterThanOrEqual(2);

    // Neither push was refused: an event the other push had stored is counted a duplicate, never stored again.
    for (const sync of clients) {
      expect(sync.status().lastError).toBeUndefined();
      expect(sync.status().waitingTotal).toBe(0);
    }
    const receipts = receiptsOf(core);
    expect(receipts.reduce((sum, r) => sum + r.accepted, 0)).toBe(core.eventCount());
    expect(receipts.reduce((sum, r) => sum + r.duplicates, 0)).toBeGreaterThan(0);
    for (const s of core.log.streams()) expect(await storage.events(device.id, s)).toEqual(core.log.read(s));
    // And a push afterwards finds nothing to send.
    await clients[0].push();
    expect(clients[0].status().lastOutcome?.words).toBe('Nothing to send: the records server holds everything recorded here.');
    await clients[1].verify();
    expect(clients[1].status().verification).toMatchObject({ ok: true });
  } finally {
    for (const sync of clients) sync.stop();
    await app.close();
    core.dispose();
    await done();
  }
};

const sqlite: Open = async () => {
  const folder = tempFolder('chamber-records-two-');
  const storage = openSqliteStorage(folder.path);
  return { storage, done: async () => (await storage.close(), folder.remove()) };
};

describe('two pushes at once to the records server, on SQLite', () => {
  it('two laptops, each its own copy of the meeting: each held once, apart, and both verify', twoLaptops(sqlite), 30_000);
  it('one laptop pushing twice at once on its key: every event stored once, nothing refused', oneLaptopTwice(sqlite), 30_000);
});

describeWhere(
  { met: Boolean(POSTGRES), reason: 'CHAMBER_TEST_POSTGRES is not set (a postgres:// URL for a test database; .ci/run sets it after starting PostgreSQL)', requiredInCi: true },
  'two pushes at once to the records server, on PostgreSQL',
  () => {
    it('two laptops, each its own copy of the meeting: each held once, apart, and both verify', twoLaptops(() => postgresTestStorage(POSTGRES!, 'two_laptops')), 30_000);
    it('one laptop pushing twice at once on its key: every event stored once, nothing refused', oneLaptopTwice(() => postgresTestStorage(POSTGRES!, 'one_laptop')), 30_000);
  },
);
