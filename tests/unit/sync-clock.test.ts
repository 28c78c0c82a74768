// A laptop whose clock is hours wrong, against the real records server over HTTP on loopback. The
// server takes every event as recorded, times and all, in the laptop's order (even times that go
// backwards when the clock is put right mid-meeting); its receipts carry its own time. The laptop
// compares its clock with the server's Date header and tells the clerk in words, without holding
// the sync back; the warning goes once the clock is right.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient } from '../../electron/core/sync/syncClient';
import { openSqliteStorage } from '../../server/sqliteStorage';
import type { RecordsStorage } from '../../server/storage';
import { createSyncServer } from '../../server/syncServer';
import { openTestCore, tempFolder } from '../support/meeting';
import { registerDevice } from '../support/recordsServer';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The laptop's clock: the real time, off by what the test says (the server keeps the real time). */
const laptopClock = (offsetMs: number) => {
  const clock = { offsetMs, now: () => new Date(Date.now() + clock.offsetMs) };
  return clock;
};

describe("a laptop whose clock is hours off the records server's", () => {
  const folder = tempFolder('chamber-records-clock-');
  let storage: RecordsStorage;
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    storage = openSqliteStorage(folder.path);
    app = await createSyncServer({ storage });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await storage.close();
    folder.remove();
  });

  it('is told in words; the server keeps the times as recorded and signs its receipt in its own time', async () => {
    const clock = laptopClock(-(3 * HOUR + 5 * MINUTE));
    const core = openTestCore({ now: clock.now });
    try {
      const { meetingId } = core.kccMeeting();
      const device = await registerDevice(storage, 'Clerk laptop, clock behind');
      const sync = createSyncClient({ db: core.db, now: clock.now, timeoutMs: 5_000 });
      expect(sync.configure({ serverUrl: url, deviceKey: device.key })).toMatchObject({ ok: true });
      expect(sync.status().clockWarning).toBeUndefined();

      const before = Date.now();
      await sync.push();
      const status = sync.status();
      expect(status.lastError).toBeUndefined();
      expect(status.waitingTotal).toBe(0);
      expect(status.clockWarning).toBe(
        "This laptop's clock is 3 hours 5 minutes behind the records server's. The record keeps the times as this laptop recorded them; correct the laptop's clock before the next meeting.",
      );
      // The receipt is in the server's time, not the laptop's; the laptop notes when it arrived by its own clock.
      const issued = Date.parse(status.lastSync!.receipt.issuedAt);
      expect(issued).toBeGreaterThanOrEqual(before - 1_000);
      expect(issued).toBeLessThanOrEqual(Date.now() + 1_000);
      expect(Date.parse(status.lastSync!.at) - issued).toBeLessThan(-3 * HOUR);
      // Every event as the laptop recorded it, its time included.
      for (const stream of core.log.streams()) expect(await storage.events(device.id, stream)).toEqual(core.log.read(stream));
      expect(Date.parse(core.log.read(`meeting:${meetingId}`)[0].at)).toBeLessThan(before - 3 * HOUR);

      // Checking the server's copy works as well, and says the same.
      await sync.verify();
      expect(sync.status()).toMatchObject({ verification: { ok: true }, clockWarning: expect.stringContaining('3 hours 5 minutes behind') });
      sync.stop();
    } finally {
      core.dispose();
    }
  });

  it('takes events whose times go backwards (the clock put right mid-meeting) in the order recorded, and the warning goes', async () => {
    const clock = laptopClock(3 * HOUR);
    const core = openTestCore({ now: clock.now });
    try {
      const { bodyId, meetingId } = core.kccMeeting();
      const device = await registerDevice(storage, 'Clerk laptop, clock ahead');
      const sync = createSyncClient({ db: core.db, now: clock.now, timeoutMs: 5_000 });
      expect(sync.configure({ serverUrl: url, deviceKey: device.key })).toMatchObject({ ok: true });
      const { memberId } = core.send({ type: 'member.add', bodyId, member: { title: 'Mr', initials: [], surname: 'Vye', honours: [], group: '', roles: [], voting: true } });
      core.send({ type: 'apologies.expect', meetingId, memberId, note: 'on council business' });
      await sync.push();
      expect(sync.status()).toMatchObject({ waitingTotal: 0, clockWarning: expect.stringMatching(/^This laptop's clock is 3 hours ahead of the records server's\. /) });

      // The clerk puts the clock right; what is recorded next is three hours "earlier" than what went before.
      clock.offsetMs = 0;
      core.send({ type: 'apologies.expect', meetingId, memberId, note: 'unwell' });
      const meeting = core.log.read(`meeting:${meetingId}`);
      expect(Date.parse(meeting.at(-1)!.at)).toBeLessThan(Date.parse(meeting.at(-2)!.at) - 2 * HOUR);
      await sync.push();
      const status = sync.status();
      expect(status.lastError).toBeUndefined();
      expect(status.waitingTotal).toBe(0);
      expect(status.clockWarning).toBeUndefined();
      expect(await storage.events(device.id, `meeting:${meetingId}`)).toEqual(meeting);
      sync.stop();
    } finally {
      core.dispose();
    }
  });
});
