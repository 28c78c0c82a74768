// The laptop's sync client against a faithful fake records server on loopback (real HTTP, real
// SQLite, real Ed25519): a real meeting goes up, a second push sends nothing, every receipt is
// kept and verified, a tampered one is refused, an interrupted push resumes with every event
// stored once, and the refusals read in the clerk's words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BATCH_EVENTS } from '../../shared/sync/protocol';
import { createSyncClient, type SyncClient } from '../../electron/core/sync/syncClient';
import { openLocalRecord } from '../../electron/core/sync/localRecord';
import { committee } from '../support/committee';
import { startFakeRecordsServer, type FakeRecordsServer } from '../support/fakeRecordsServer';
import type { TestCore } from '../support/meeting';

/** A committee meeting held: attendance, started, items, a division called and closed. */
const heldMeeting = () => {
  const c = committee();
  const { core, at, meetingId, body, member, item, clock } = c;
  clock.advance(90 * 60_000);
  for (const m of body().members) core.send({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present', time: at('10:00') });
  core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
  core.send({ type: 'item.start', meetingId, itemId: item('2'), time: at('10:05') });
  const { motionId } = core.send({ type: 'motion.move', meetingId, itemId: item('2'), kind: 'substantive', wording: 'That permission be granted.', moverId: member('Vye').id, seconderId: member('Bird').id });
  return { ...c, motionId };
};

const allEvents = (core: TestCore) => core.log.streams().flatMap((stream) => core.log.read(stream));

describe('the sync client', () => {
  let server: FakeRecordsServer;
  let meeting: ReturnType<typeof heldMeeting>;
  let sync: SyncClient;
  beforeEach(async () => {
    server = await startFakeRecordsServer();
    meeting = heldMeeting();
    sync = createSyncClient({ db: meeting.core.db, now: meeting.clock.now, timeoutMs: 5_000 });
    expect(sync.configure({ serverUrl: server.url, deviceKey: server.deviceKey }).ok).toBe(true);
  });
  afterEach(async () => {
    sync?.stop();
    meeting?.core.dispose();
    await server.close();
  });

  it('pushes a real meeting, every stream in order, and keeps the verified receipt; a second push sends nothing', async () => {
    const local = allEvents(meeting.core);
    expect(sync.status()).toMatchObject({ keySet: true, waitingTotal: local.length });
    expect(sync.status().waiting.find((w) => w.kind === 'meeting')).toMatchObject({ title: 'Planning Committee', date: '2026-07-01', acknowledgedSeq: 0 });
    await sync.push();
    const status = sync.status();
    expect(status.lastError).toBeUndefined();
    expect(status.lastOutcome?.words).toBe(`Sent ${local.length} events in 1 batch; every receipt's signature verified.`);
    for (const stream of meeting.core.log.streams()) expect(server.stored(stream)).toEqual(meeting.core.log.read(stream));
    expect(status).toMatchObject({ waitingTotal: 0, waiting: [], lastSync: { signatureVerified: true, receipt: { serverId: 'records-test', accepted: local.length, duplicates: 0 } } });
    expect(JSON.stringify(status)).not.toContain(server.deviceKey);

    const requests = server.pushes.requests;
    await sync.push();
    expect(server.pushes.requests).toBe(requests);
    expect(sync.status().lastOutcome?.words).toBe('Nothing to send: the records server holds everything recorded here.');
    expect(meeting.core.db.prepare('SELECT count(*) FROM sync_receipts').pluck().get()).toBe(1);

    // What is recorded after goes up with the next push, continuing the chain.
    meeting.core.send({ type: 'motion.resolve', meetingId: meeting.meetingId, motionId: meeting.motionId, outcome: 'carried', how: 'without_vote' });
    expect(sync.status().waiting).toMatchObject([{ kind: 'meeting', waiting: expect.any(Number) }]);
    await sync.push();
    expect(server.storedCount()).toBe(allEvents(meeting.core).length);
    expect(sync.status().waitingTotal).toBe(0);

    // The heads read from the projections (one row per stream) are the log's own, stream for stream;
    // what is acknowledged is kept per stream, the same as every receipt read again.
    const scanned = meeting.core.db.prepare('SELECT e.stream, e.seq, e.hash FROM events e WHERE e.seq = (SELECT max(seq) FROM events WHERE stream = e.stream) ORDER BY e.stream').all();
    expect([...openLocalRecord(meeting.core.db).heads()].map(([stream, head]) => ({ stream, ...head }))).toEqual(scanned);
    const fromReceipts = new Map<string, number>();
    for (const text of meeting.core.db.prepare('SELECT receipt FROM sync_receipts ORDER BY id').pluck().all() as string[]) {
      for (const [stream, head] of Object.entries((JSON.parse(text) as { heads: Record<string, { seq: number }> }).heads)) fromReceipts.set(stream, Math.max(fromReceipts.get(stream) ?? 0, head.seq));
    }
    const kept = meeting.core.db.prepare("SELECT stream, seq FROM sync_acknowledged WHERE server_id = 'records-test' ORDER BY stream").all() as { stream: string; seq: number }[];
    expect(new Map(kept.map((k) => [k.stream, k.seq]))).toEqual(fromReceipts);
  });

  it('refuses a receipt whose signature does not verify, keeps nothing, and gets a true one on the next push', async () => {
    server.failPush('tamper-receipt');
    await sync.push();
    expect(sync.status().lastError?.words).toBe("The records server's receipt did not verify (its signature does not match what it says), so it was not kept. Tell the records office; the events are still here.");
    expect(meeting.core.db.prepare('SELECT count(*) FROM sync_receipts').pluck().get()).toBe(0);
    expect(sync.status().lastSync).toBeUndefined();
    await sync.push();
    expect(sync.status()).toMatchObject({ waitingTotal: 0, lastSync: { signatureVerified: true, receipt: { accepted: 0, duplicates: allEvents(meeting.core).length } } });
    expect(server.storedCount()).toBe(allEvents(meeting.core).length);
  });

  it.each(['500-before-storing', '500-after-storing', 'drop-after-storing', 'drop-before-storing'] as const)(
    'resumes after the server fails mid-push (%s): every event stored exactly once, none lost',
    async (failure) => {
      // Enough events for several batches: a long day of attendance corrections.
      const { core, meetingId, body, at } = meeting;
      const members = body().members;
      for (let i = 0; i < 60; i += 1) core.send({ type: 'attendance.mark', meetingId, memberId: members[i % members.length].id, state: i % 2 ? 'present' : 'virtual', time: at('10:30') });
      sync = createSyncClient({ db: core.db, now: meeting.clock.now, timeoutMs: 5_000, limits: { events: 25, bytes: 8_000 } });
      server.failPush(failure, 2);
      await sync.push();
      expect(sync.status().lastError?.words).toMatch(failure.startsWith('500') ? /had a problem \(HTTP 500\).*Nothing has been lost/ : /could not be reached at http:\/\/127\.0\.0\.1:\d+.*Nothing has been lost/);
      expect(sync.status().waitingTotal).toBeGreaterThan(0);
      // As if Chamber had been closed and opened again: a new client knows only what is on disk.
      sync = createSyncClient({ db: core.db, now: meeting.clock.now, timeoutMs: 5_000, limits: { events: 25, bytes: 8_000 } });
      await sync.push();
      expect(sync.status().lastError).toBeUndefined();
      const local = allEvents(core);
      expect(server.storedCount()).toBe(local.length);
      for (const stream of core.log.streams()) expect(server.stored(stream).map((e) => e.id)).toEqual(core.log.read(stream).map((e) => e.id));
      expect(sync.status().waitingTotal).toBe(0);
    },
  );

  it('shows progress while it pushes, batch by batch, within the limits of events and bytes', async () => {
    const { core, meetingId, body, at } = meeting;
    const members = body().members;
    for (let i = 0; i < 40; i += 1) core.send({ type: 'attendance.mark', meetingId, memberId: members[i % members.length].id, state: i % 2 ? 'present' : 'virtual', time: at('10:30') });
    const total = allEvents(core).length;
    sync = createSyncClient({ db: core.db, now: meeting.clock.now, timeoutMs: 5_000, limits: { events: 10, bytes: 4_000 } });
    const seen = new Set<string>();
    const pushed = sync.push();
    const watch = setInterval(() => {
      const pushing = sync.status().pushing;
      if (pushing) seen.add(`${pushing.sent}/${pushing.total}`);
    });
    await pushed;
    clearInterval(watch);
    expect(server.pushes.requests).toBeGreaterThanOrEqual(Math.ceil(total / 10));
    expect(server.pushes.events).toBe(total);
    expect([...seen].some((s) => s !== `0/${total}` && s !== `${total}/${total}`)).toBe(true);
    expect(sync.status().pushing).toBeUndefined();
    expect(MAX_BATCH_EVENTS).toBe(1000);
  });

  it('says in words when the device key is refused, the protocol differs, or the server is down', async () => {
    sync.configure({ deviceKey: 'a-wrong-key' });
    await sync.push();
    expect(sync.status().lastError?.words).toBe('The records server refused the device key: ask the records office for a new one, and enter it on the sync screen.');
    sync.configure({ deviceKey: server.deviceKey });
    server.speakProtocol(2);
    await sync.push();
    expect(sync.status().lastError?.words).toBe('The records server speaks sync protocol 2; this Chamber speaks 1: update Chamber, then sync again.');
    server.speakProtocol(1);
    await server.down();
    await sync.push();
    expect(sync.status().lastError?.words).toBe(`The records server could not be reached at ${server.url}: check this laptop's network connection and the address, then press Sync now again. Nothing has been lost.`);
    await server.up();
    await sync.push();
    expect(sync.status()).toMatchObject({ waitingTotal: 0 });
    expect(server.pushes.requests).toBe(1);
    expect(sync.status().lastError).toBeUndefined();
  });

  it('refuses a server address that would send the key unencrypted, and a blank key', () => {
    expect(sync.configure({ serverUrl: 'http://records.example.gov.uk' })).toMatchObject({ ok: false, error: { details: { field: 'serverUrl' } } });
    expect(sync.configure({ deviceKey: '  ' })).toMatchObject({ ok: false, error: { message: 'The device key must not be blank.' } });
    expect(sync.configure({ serverUrl: 'https://records.example.gov.uk/' })).toMatchObject({ ok: true, data: { serverUrl: 'https://records.example.gov.uk', keySet: true } });
  });

  it('never pushes by itself while a meeting is sitting, nor at all while a division is open', async () => {
    const { core, meetingId, motionId } = meeting;
    sync.configure({ autoSync: true });
    sync.startAutoSync(5);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(server.pushes.requests).toBe(0);
    expect(sync.startPush({ automatic: true })).toMatchObject({ ok: false, error: { code: 'refused' } });
    const { divisionId } = core.send({ type: 'division.call', meetingId, motionId });
    expect(sync.status().divisionOpen).toBe(true);
    expect(sync.startPush()).toMatchObject({ ok: false, error: { message: 'A division is open: Chamber syncs once it has closed.' } });
    await sync.push();
    expect(server.pushes.requests).toBe(0);
    meeting.clock.advance(30 * 60_000);
    core.send({ type: 'division.close', meetingId, divisionId });
    // The clerk's own "Sync now" runs between divisions.
    const started = sync.startPush();
    expect(started).toMatchObject({ ok: true, data: { started: true } });
    await started.done;
    expect(server.storedCount()).toBe(allEvents(core).length);
  });

  it("checks the server's copy event for event, and says where it differs", async () => {
    await sync.push();
    await sync.verify();
    expect(sync.status().verification).toMatchObject({ ok: true, words: expect.stringMatching(/^The server's copy matches this laptop's record event for event \(\d+ records\)\.$/) });
    server.corrupt(`meeting:${meeting.meetingId}`, 3);
    await sync.verify();
    expect(sync.status().verification).toMatchObject({ ok: false, streams: expect.arrayContaining([expect.objectContaining({ ok: false, words: "Event 3 differs from this laptop's." })]) });
  });
});
