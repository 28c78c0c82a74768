// The laptop's sync client against the real records server (not the fake): a meeting recorded
// through the core, with its minutes edited, goes up over real HTTP on loopback to the server's
// SQLite storage and, where CHAMBER_TEST_POSTGRES is set, its PostgreSQL storage; a second push
// sends nothing; the receipts verify; the server's copy equals the laptop's, event for event, by
// the client's check and by the server's own verify; what is recorded afterwards goes up next.
import { describe, expect, it } from 'vitest';
import { createSyncClient } from '../../electron/core/sync/syncClient';
import { verifyReceipt } from '../../server/receipts';
import { openSqliteStorage } from '../../server/sqliteStorage';
import type { RecordsStorage } from '../../server/storage';
import { createSyncServer } from '../../server/syncServer';
import { committee } from '../support/committee';
import { tempFolder } from '../support/meeting';
import { postgresTestStorage, registerDevice } from '../support/recordsServer';
import { describeWhere } from '../support/skips';

const POSTGRES = process.env.CHAMBER_TEST_POSTGRES;

const journey = (open: () => Promise<{ storage: RecordsStorage; done: () => Promise<void> }>) => async () => {
  const { storage, done } = await open();
  const c = committee();
  const { core, at, meetingId, body, member, item, clock } = c;
  const app = await createSyncServer({ storage });
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const { key } = await registerDevice(storage, 'Clerk laptop');
    clock.advance(60 * 60_000);
    for (const m of body().members) core.send({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present', time: at('10:00') });
    core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
    core.send({ type: 'item.start', meetingId, itemId: item('2'), time: at('10:05') });
    const { motionId } = core.send({ type: 'motion.move', meetingId, itemId: item('2'), kind: 'substantive', wording: 'That permission be refused.', moverId: member('Vye').id, seconderId: member('Bird').id });
    core.send({ type: 'motion.resolve', meetingId, motionId, outcome: 'carried', how: 'show_of_hands', for: 4, against: 2, abstained: 0 });
    core.send({ type: 'item.end', meetingId, itemId: item('2'), time: at('10:20') });
    core.send({ type: 'meeting.close', meetingId, time: at('10:25') });
    core.send({ type: 'minutes.editParagraph', meetingId, key: `item:${item('2')}:motion:${motionId}:outcome`, text: 'The motion was carried by 4 votes to 2.' });

    const sync = createSyncClient({ db: core.db, now: clock.now, timeoutMs: 10_000 });
    expect(sync.configure({ serverUrl: url, deviceKey: key }).ok).toBe(true);
    const local = core.log.streams().flatMap((s) => core.log.read(s));
    await sync.push();
    const status = sync.status();
    expect(status.lastError).toBeUndefined();
    expect(status).toMatchObject({ waitingTotal: 0, lastSync: { signatureVerified: true, receipt: { accepted: local.length, duplicates: 0 } } });
    expect(verifyReceipt(status.lastSync!.receipt)).toBe(true);
    expect(verifyReceipt({ ...status.lastSync!.receipt, accepted: status.lastSync!.receipt.accepted + 1 })).toBe(false);

    // The server holds exactly the laptop's events, and says its copy verifies.
    const devices = await storage.devices();
    for (const stream of core.log.streams()) {
      const held = await storage.events(devices[0].id, stream);
      expect(held.map((e) => e.hash)).toEqual(core.log.read(stream).map((e) => e.hash));
    }
    await sync.verify();
    expect(sync.status().verification).toMatchObject({ ok: true });

    // A second push sends nothing; what is recorded afterwards goes up next, continuing the chain.
    await sync.push();
    expect(sync.status().lastOutcome?.words).toBe('Nothing to send: the records server holds everything recorded here.');
    core.send({ type: 'minutes.keepEdit', meetingId, key: `item:${item('2')}:motion:${motionId}:outcome` });
    core.send({ type: 'minutes.confirm', meetingId });
    await sync.push();
    expect(sync.status()).toMatchObject({ waitingTotal: 0 });
    const meetingEvents = await storage.events(devices[0].id, `meeting:${meetingId}`);
    expect(meetingEvents.map((e) => e.type).slice(-1)).toEqual(['minutes.confirmed']);
    sync.stop();
  } finally {
    await app.close();
    core.dispose();
    await done();
  }
};

describe('the sync client and the real records server', () => {
  it(
    'on SQLite: the record goes up whole, once, with verified receipts, and the copies match',
    journey(async () => {
      const folder = tempFolder('chamber-records-');
      const storage = openSqliteStorage(folder.path);
      return { storage, done: async () => (await storage.close(), folder.remove()) };
    }),
    60_000,
  );
});

describeWhere(
  { met: Boolean(POSTGRES), reason: 'CHAMBER_TEST_POSTGRES is not set (a postgres:// URL for a test database; .ci/run sets it after starting PostgreSQL)', requiredInCi: true },
  'the sync client and the real records server on PostgreSQL',
  () => {
    it(
      'on PostgreSQL: the record goes up whole, once, with verified receipts, and the copies match',
      journey(() => postgresTestStorage(POSTGRES!, 'sync_test')),
      60_000,
    );
  },
);
