// Meeting packs down, end to end: the office's copy of Chamber prepares a meeting, sends it and
// publishes it on the real records server (over HTTP on loopback); the clerk's laptop, a real core
// on its own SQLite file, lists the packs, takes one exactly as recorded (the same events, the same
// hashes), takes the office's later changes, and, when the clerk has changed the pack too, is shown
// the office's changes in words and never has them applied over its own. A pack tampered with on
// the way is refused and nothing is taken. SQLite, and PostgreSQL where CHAMBER_TEST_POSTGRES is set.
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { connectRecordsServer } from '../../electron/core/sync/recordsServer';
import { createSyncClient, type SyncClient } from '../../electron/core/sync/syncClient';
import { openSqliteStorage } from '../../server/sqliteStorage';
import type { RecordsStorage } from '../../server/storage';
import { createSyncServer } from '../../server/syncServer';
import type { RecordedEvent } from '../../shared/events';
import type { MeetingState } from '../../shared/state/meeting';
import type { PackOffer } from '../../shared/syncApi';
import { openTestCore, tempFolder, type TestCore } from '../support/meeting';
import { postgresTestStorage, registerDevice } from '../support/recordsServer';
import { describeWhere } from '../support/skips';
import { meetingOf, preparedMeeting } from '../support/twoLaptops';

const POSTGRES = process.env.CHAMBER_TEST_POSTGRES;
type Open = () => Promise<{ storage: RecordsStorage; done: () => Promise<void> }>;

const sqlite: Open = async () => {
  const folder = tempFolder('chamber-records-packs-');
  const storage = openSqliteStorage(folder.path);
  return { storage, done: async () => { await storage.close(); folder.remove(); } };
};

interface World {
  office: { core: TestCore; sync: SyncClient; bodyId: string; meetingId: string; itemIds: string[]; ids: string[] };
  clerk: { core: TestCore; sync: SyncClient };
  storage: RecordsStorage;
  url: string;
  clerkKey: string;
}

/** The office's laptop with the prepared meeting, the clerk's empty laptop, both registered on a records server. */
const world = async (open: Open, run: (w: World) => Promise<void>, clerkSync?: (core: TestCore, url: string, key: string) => SyncClient) => {
  const { storage, done } = await open();
  const app: FastifyInstance = await createSyncServer({ storage });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const prepared = preparedMeeting();
  const clerkCore = openTestCore();
  const syncs: SyncClient[] = [];
  try {
    const officeDevice = await registerDevice(storage, 'Democratic Services office');
    const clerkDevice = await registerDevice(storage, 'Clerk laptop');
    const officeSync = createSyncClient({ db: prepared.clerk.core.db, take: prepared.clerk.core.takeRecorded, timeoutMs: 10_000 });
    const clerk = clerkSync ? clerkSync(clerkCore, url, clerkDevice.key) : createSyncClient({ db: clerkCore.db, take: clerkCore.takeRecorded, timeoutMs: 10_000 });
    syncs.push(officeSync, clerk);
    expect(officeSync.configure({ serverUrl: url, deviceKey: officeDevice.key })).toMatchObject({ ok: true });
    expect(clerk.configure({ serverUrl: url, deviceKey: clerkDevice.key })).toMatchObject({ ok: true });
    await run({
      office: { core: prepared.clerk.core, sync: officeSync, bodyId: prepared.bodyId, meetingId: prepared.meetingId, itemIds: prepared.itemIds, ids: prepared.ids },
      clerk: { core: clerkCore, sync: clerk },
      storage,
      url,
      clerkKey: clerkDevice.key,
    });
  } finally {
    for (const sync of syncs) sync.stop();
    await app.close();
    prepared.clerk.dispose();
    clerkCore.dispose();
    await done();
  }
};

const ok = <T>(answer: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!answer.ok) throw new Error(`refused: ${answer.error.message}`);
  return answer.data;
};

/** The office sends what it has and publishes the meeting again. */
const publish = async ({ office }: World) => {
  await office.sync.push();
  expect(office.sync.status().lastError).toBeUndefined();
  return ok(await office.sync.publishPack({ meetingId: office.meetingId }));
};

const onlyPack = async (sync: SyncClient): Promise<PackOffer> => {
  const offers = ok(await sync.packs());
  expect(offers).toHaveLength(1);
  return offers[0];
};

const streamsOf = (w: World) => [`body:${w.office.bodyId}`, `meeting:${w.office.meetingId}`];

const packs = (open: Open) => async () =>
  world(open, async (w) => {
    const { office, clerk } = w;
    // Published before it was sent: refused in words, nothing published.
    const early = await office.sync.publishPack({ meetingId: office.meetingId });
    expect(early).toMatchObject({ ok: false, error: { code: 'refused', message: 'The records server does not yet hold all of "Governance Committee" as this laptop has it: sync now, then publish.' } });
    expect(ok(await clerk.sync.packs())).toEqual([]);
    expect((await publish(w)).words).toBe('Published "Governance Committee" on 22 October 2015 as a meeting pack: the clerks\' laptops can take it now.');

    // The clerk's laptop sees it as new, with what it holds in words.
    const offer = await onlyPack(clerk.sync);
    expect(offer).toMatchObject({ meetingId: office.meetingId, bodyId: office.bodyId, body: 'Governance Committee', title: 'Governance Committee', date: '2015-10-22', deviceName: 'Democratic Services office', state: 'new', seen: false, ownChanges: 0, sitting: false });
    expect(offer.changes).toEqual(['The body "Governance Committee": 8 members, 0 officers.', 'The meeting "Governance Committee" on 22 October 2015 at 10:00: 2 agenda items.']);

    // Taken exactly as the office recorded it: the same events, the same hashes, the same state.
    const taken = ok(await clerk.sync.takePack({ meetingId: office.meetingId }));
    const officeEvents = streamsOf(w).flatMap((s) => office.core.log.read(s));
    expect(taken).toEqual({ meetingId: office.meetingId, events: officeEvents.length, words: `Took the meeting pack for "Governance Committee" on 22 October 2015 (${officeEvents.length} events).` });
    for (const s of streamsOf(w)) expect(clerk.core.log.read(s)).toEqual(office.core.log.read(s));
    expect(meetingOf(clerk.core, office.meetingId)).toEqual(meetingOf(office.core, office.meetingId));
    expect(clerk.core.read('meetings')).toMatchObject({ ok: true, data: [{ id: office.meetingId, title: 'Governance Committee' }] });
    expect(clerk.core.verify()).toMatchObject({ ok: true });
    expect(await onlyPack(clerk.sync)).toMatchObject({ state: 'taken', changes: [], seen: true });
    expect(ok(await clerk.sync.takePack({ meetingId: office.meetingId })).words).toBe('This laptop already holds the office\'s copy of "Governance Committee" on 22 October 2015: nothing to take.');

    // The office changes the time, adds an item and a member: shown on the next look, then taken.
    office.core.send({ type: 'meeting.updateDetails', meetingId: office.meetingId, bodyId: office.bodyId, title: 'Governance Committee', date: '2015-10-22', startTime: '14:00', venue: 'Committee Room 2' });
    office.core.send({ type: 'agenda.addItem', meetingId: office.meetingId, item: { number: '3', title: 'Urgent business', kind: 'report' } });
    office.core.send({ type: 'member.add', bodyId: office.bodyId, member: { title: 'Ms', initials: ['J'], surname: 'Marsh', honours: [], group: 'Green', roles: [], voting: true } });
    await publish(w);
    const changed = await onlyPack(clerk.sync);
    expect(changed).toMatchObject({ state: 'office_changed', seen: false, ownChanges: 0 });
    expect(changed.changes).toEqual(['Ms Marsh added as a member.', 'It now starts at 14:00.', 'Agenda item 3 "Urgent business" added.']);
    expect(ok(await clerk.sync.takePack({ meetingId: office.meetingId })).words).toBe('Took the office\'s changes to "Governance Committee" on 22 October 2015 (3 events).');
    for (const s of streamsOf(w)) expect(clerk.core.log.read(s)).toEqual(office.core.log.read(s));

    // Both change it: the clerk moves the venue, the office renames an item. The office's change is
    // listed, never applied over the clerk's; the clerk marks it as seen.
    clerk.core.send({ type: 'meeting.updateDetails', meetingId: office.meetingId, bodyId: office.bodyId, title: 'Governance Committee', date: '2015-10-22', startTime: '14:00', venue: 'Council Chamber' });
    office.core.send({ type: 'agenda.updateItem', meetingId: office.meetingId, itemId: office.itemIds[1], item: { number: '2', title: 'Budget 2016/17', kind: 'report' } });
    await publish(w);
    const both = await onlyPack(clerk.sync);
    expect(both).toMatchObject({ state: 'both_changed', seen: false, ownChanges: 1, changes: ['Agenda item 2 "Budget": retitled "Budget 2016/17".'] });
    const before = clerk.core.eventCount();
    const refused = await clerk.sync.takePack({ meetingId: office.meetingId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: 'The office and this laptop have both changed "Governance Committee" on 22 October 2015: the office\'s changes are listed for you to enter yourself; nothing was taken over your own.' } });
    expect(clerk.core.eventCount()).toBe(before);
    expect(meetingOf(clerk.core, office.meetingId).venue).toBe('Council Chamber');
    expect(ok(await clerk.sync.markPackSeen({ meetingId: office.meetingId }))).toMatchObject({ state: 'both_changed', seen: true });
    expect(await onlyPack(clerk.sync)).toMatchObject({ seen: true });
    // A later publication is new again, and lists everything since the two copies parted.
    office.core.send({ type: 'agenda.removeItem', meetingId: office.meetingId, itemId: office.itemIds[0] });
    await publish(w);
    expect(await onlyPack(clerk.sync)).toMatchObject({ seen: false, changes: ['Agenda item 2 "Budget": retitled "Budget 2016/17".', 'Agenda item 1 "Apologies" removed.'] });
  });

const sitting = (open: Open) => async () =>
  world(open, async (w) => {
    const { office, clerk } = w;
    await publish(w);
    ok(await clerk.sync.takePack({ meetingId: office.meetingId }));
    // The clerk opens the meeting; the office then adds a member to the body.
    clerk.core.send({ type: 'attendance.mark', meetingId: office.meetingId, memberId: office.ids[0], state: 'present' });
    clerk.core.send({ type: 'meeting.start', meetingId: office.meetingId });
    office.core.send({ type: 'member.add', bodyId: office.bodyId, member: { title: 'Ms', initials: ['J'], surname: 'Marsh', honours: [], group: '', roles: [], voting: true } });
    await publish(w);
    const offer = await onlyPack(clerk.sync);
    expect(offer).toMatchObject({ state: 'office_changed', sitting: true, changes: ['Ms Marsh added as a member.'] });
    expect(offer.ownChanges).toBeGreaterThan(0);
    const before = clerk.core.eventCount();
    expect(await clerk.sync.takePack({ meetingId: office.meetingId })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'A meeting of Governance Committee is sitting on this laptop: take the pack for "Governance Committee" on 22 October 2015 once it has ended.' },
    });
    expect(clerk.core.eventCount()).toBe(before);
    // Closed, the office's change to the body is taken; the meeting, the clerk's own, is left as it is.
    clerk.core.send({ type: 'meeting.close', meetingId: office.meetingId });
    const meeting = clerk.core.log.read(`meeting:${office.meetingId}`);
    expect(ok(await clerk.sync.takePack({ meetingId: office.meetingId })).events).toBe(1);
    expect(clerk.core.log.read(`body:${office.bodyId}`)).toEqual(office.core.log.read(`body:${office.bodyId}`));
    expect(clerk.core.log.read(`meeting:${office.meetingId}`)).toEqual(meeting);
    expect((clerk.core.read(`meeting:${office.meetingId}`) as { ok: true; data: MeetingState }).data.status).toBe('closed');
  });

/** A pack altered on the way (a title changed, the hash left): refused by the chain, nothing taken. */
const tampered = (open: Open) => async () => {
  let tamper = false;
  await world(
    open,
    async (w) => {
      const { office, clerk } = w;
      await publish(w);
      tamper = true;
      const before = clerk.core.eventCount();
      const answer = await clerk.sync.takePack({ meetingId: office.meetingId });
      expect(answer).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(!answer.ok && answer.error.message).toMatch(/^The pack does not continue this laptop's record: .*event 1 of meeting:.*Nothing was taken\.$/);
      expect(clerk.core.eventCount()).toBe(before);
      expect(clerk.core.read('meetings')).toEqual({ ok: true, data: [] });
      tamper = false;
      expect(ok(await clerk.sync.takePack({ meetingId: office.meetingId })).events).toBeGreaterThan(0);
    },
    (core) =>
      createSyncClient({
        db: core.db,
        take: core.takeRecorded,
        connect: (serverUrl, deviceKey) => {
          const real = connectRecordsServer(serverUrl, deviceKey, { timeoutMs: 10_000 });
          return {
            ...real,
            async pack(meetingId) {
              const found = await real.pack(meetingId);
              if (!tamper) return found;
              const [first, ...rest] = found.meeting;
              return { ...found, meeting: [{ ...first, payload: { ...(first.payload as object), title: 'Planning Committee' } }, ...rest] };
            },
          };
        },
      }),
  );
};

const badInput = (open: Open) => async () =>
  world(open, async (w) => {
    const { clerk } = w;
    for (const input of [undefined, {}, { meetingId: 'not-a-uuid' }, { meetingId: w.office.meetingId, extra: 1 }, 'x']) {
      expect(await clerk.sync.takePack(input)).toMatchObject({ ok: false, error: { code: 'invalid_command', message: 'Say which meeting pack: { "meetingId": "<the meeting\'s id>" }.', details: { field: 'meetingId' } } });
    }
    expect(await clerk.sync.takePack({ meetingId: '6f1c2d9e-8a4b-4c3d-9e2f-1a2b3c4d5e6f' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await clerk.sync.publishPack({ meetingId: '6f1c2d9e-8a4b-4c3d-9e2f-1a2b3c4d5e6f' })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'This laptop has no record of that meeting.' } });
    // Not configured: said in words.
    const bare = createSyncClient({ db: openTestCore().db });
    expect(await bare.packs()).toMatchObject({ ok: false, error: { code: 'refused' } });
    bare.stop();
  });

describe('meeting packs from the records server (SQLite)', () => {
  it('a pack is published, taken exactly as recorded, its later changes taken, and changes on both sides listed and never applied', packs(sqlite), 60_000);
  it('nothing is taken while a meeting of the body sits; afterwards the body is, and the clerk\'s meeting is left as it is', sitting(sqlite), 60_000);
  it('a pack altered on the way is refused and nothing is taken', tampered(sqlite), 60_000);
  it('a choice that is not a pack is refused in words', badInput(sqlite), 60_000);
});

describeWhere(
  { met: Boolean(POSTGRES), reason: 'CHAMBER_TEST_POSTGRES is not set (a postgres:// URL for a test database; .ci/run sets it after starting PostgreSQL)', requiredInCi: true },
  'meeting packs from the records server (PostgreSQL)',
  () => {
    const open: Open = () => postgresTestStorage(POSTGRES!, 'records_packs');
    it('a pack is published, taken exactly as recorded, its later changes taken, and changes on both sides listed and never applied', packs(open), 60_000);
    it('nothing is taken while a meeting of the body sits', sitting(open), 60_000);
  },
);

// The core's own door for events recorded elsewhere: only a body and a meeting, only facts this
// version records, only events that continue the chains here; all or nothing.
describe('Dispatcher.takeRecorded', () => {
  it('refuses what is not a pack, saying why, and takes nothing', () => {
    const office = preparedMeeting();
    const laptop = openTestCore();
    try {
      const meeting = office.clerk.core.log.read(`meeting:${office.meetingId}`);
      const cases: [readonly RecordedEvent[], RegExp][] = [
        [[{ ...meeting[0], stream: 'settings' }], /^A meeting pack holds only a body and a meeting; it also held settings\. Nothing was taken\.$/],
        [[{ ...meeting[0], type: 'meeting.vanished' as never }], /^Event 1 of meeting:.* is not a fact this version of Chamber records \(meeting\.vanished\)\. Nothing was taken\.$/],
        [[{ ...meeting[0], payload: { title: 42 } } as unknown as RecordedEvent], /is not a fact this version of Chamber records/],
        [meeting.slice(1), /^The pack does not continue this laptop's record: /],
        [[meeting[0], meeting[0]], /^The pack does not continue this laptop's record: /],
      ];
      const updates: string[] = [];
      laptop.subscribe((update) => updates.push(update.topic));
      for (const [events, message] of cases) {
        const outcome = laptop.takeRecorded(events);
        expect(outcome.ok).toBe(false);
        expect(!outcome.ok && outcome.error.message).toMatch(message);
        expect(laptop.eventCount()).toBe(0);
      }
      expect(updates).toEqual([]);
      // The whole meeting: taken, its subscribers told, the meetings list updated, and taking it again is refused (it would break the chain).
      expect(laptop.takeRecorded(meeting)).toEqual({ ok: true, streams: [`meeting:${office.meetingId}`] });
      expect(updates).toContain(`meeting:${office.meetingId}`);
      expect(updates).toContain('meetings');
      expect(laptop.log.read(`meeting:${office.meetingId}`)).toEqual(meeting);
      expect(laptop.takeRecorded(meeting)).toMatchObject({ ok: false });
      expect(laptop.takeRecorded([])).toEqual({ ok: true, streams: [] });
    } finally {
      office.clerk.dispose();
      laptop.dispose();
    }
  });
});
