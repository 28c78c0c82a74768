// The records server's own stream of resolutions per meeting (`resolutions:<meetingId>`): the same
// suite on SQLite and on PostgreSQL (CHAMBER_TEST_POSTGRES), as records-server-storage.test.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStream } from '../../server/chain';
import { resolutionEvent, type ConflictResolved } from '../../server/conflictResolutions';
import { openSqliteStorage } from '../../server/sqliteStorage';
import { GENESIS_HEAD, resolutionsStream, StorageConflict, type RecordsStorage } from '../../server/storage';
import type { WireEvent } from '../../shared/sync/protocol';
import { tempFolder } from '../support/meeting';
import { postgresTestStorage, recordedMeeting, registerDevice } from '../support/recordsServer';
import { describeWhere } from '../support/skips';

const POSTGRES = process.env.CHAMBER_TEST_POSTGRES;

const payload = (meetingId: string, n: number): ConflictResolved => ({
  meetingId,
  key: `attendance:${randomUUID()}`,
  keep: randomUUID(),
  by: 'Jane Roe, records officer',
  reason: `Checked against the signed attendance sheet (${n})`,
  words: 'Mr Clark: present on Clerk laptop, apologies on Backup laptop',
  values: [{ device: randomUUID(), deviceName: 'Clerk laptop', value: 'present' }],
});

/** `count` resolutions of one meeting, each chained to the one before. */
const chain = (serverId: string, meetingId: string, count: number): WireEvent[] => {
  const events: WireEvent[] = [];
  let head = GENESIS_HEAD;
  for (let n = 1; n <= count; n += 1) {
    const e = resolutionEvent({ serverId }, resolutionsStream(meetingId), head, payload(meetingId, n), `2015-10-23T09:0${n}:00.000Z`);
    events.push(e);
    head = { seq: e.seq, hash: e.hash };
  }
  return events;
};

const resolutionsSuite = (open: () => Promise<{ storage: RecordsStorage; done(): Promise<void> }>) => () => {
  let storage: RecordsStorage;
  let done: () => Promise<void>;
  let serverId: string;
  const at = '2015-10-23T12:00:00.000Z';

  beforeAll(async () => {
    ({ storage, done } = await open());
    serverId = (await storage.identity()).serverId;
  });
  afterAll(async () => done());

  it('keeps a meeting’s resolutions chained, in order, exactly as given; the same one again is a duplicate', async () => {
    const meetingId = randomUUID();
    const events = chain(serverId, meetingId, 3);
    for (const e of events) expect(await storage.appendResolution(e, at)).toEqual({ accepted: 1, duplicates: 0 });
    expect(await storage.appendResolution(events[1], at)).toEqual({ accepted: 0, duplicates: 1 });
    const stored = await storage.resolutions(meetingId);
    expect(stored).toEqual(events);
    expect(checkStream(stored)).toBeUndefined();
    expect(stored.map((e) => [e.type, e.deviceId, e.stream])).toEqual(events.map(() => ['conflict.resolved', serverId, `resolutions:${meetingId}`]));
  });

  it('keeps each meeting’s resolutions apart', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const [ea, eb] = [chain(serverId, a, 2), chain(serverId, b, 1)];
    for (const e of [...ea, ...eb]) await storage.appendResolution(e, at);
    expect(await storage.resolutions(a)).toEqual(ea);
    expect(await storage.resolutions(b)).toEqual(eb);
    expect(await storage.resolutions(randomUUID())).toEqual([]);
  });

  it('refuses, storing nothing, a resolution that does not follow the stream’s head', async () => {
    const meetingId = randomUUID();
    const [first, second, third] = chain(serverId, meetingId, 3);
    await expect(storage.appendResolution(second, at)).rejects.toMatchObject({ kind: 'gap' });
    await storage.appendResolution(first, at);
    await expect(storage.appendResolution(third, at)).rejects.toMatchObject({ kind: 'gap' });
    const unchained = resolutionEvent({ serverId }, resolutionsStream(meetingId), { seq: 1, hash: 'f'.repeat(64) }, payload(meetingId, 8), at);
    await expect(storage.appendResolution(unchained, at)).rejects.toMatchObject({ kind: 'chain_broken' });
    // Another resolution made from the same head as `second` (two officers at once): only one is kept.
    const rival = resolutionEvent({ serverId }, resolutionsStream(meetingId), { seq: first.seq, hash: first.hash }, payload(meetingId, 9), at);
    await storage.appendResolution(second, at);
    await expect(storage.appendResolution(rival, at)).rejects.toBeInstanceOf(StorageConflict);
    expect(await storage.resolutions(meetingId)).toEqual([first, second]);
  });

  it('never touches a device’s copy: the devices’ heads and summary are as pushed', async () => {
    const { meetingId, meeting } = recordedMeeting(2);
    const device = await registerDevice(storage, 'Clerk laptop');
    await storage.append(device.id, meeting, at);
    const before = { heads: await storage.heads(device.id), summary: await storage.summary() };
    for (const e of chain(serverId, meetingId, 2)) await storage.appendResolution(e, at);
    expect(await storage.heads(device.id)).toEqual(before.heads);
    expect(await storage.summary()).toEqual(before.summary);
    expect(await storage.events(device.id, `meeting:${meetingId}`)).toEqual(meeting);
  });
};

describe(
  'resolutions kept by the records server on SQLite',
  resolutionsSuite(async () => {
    const folder = tempFolder('chamber-records-');
    const storage = openSqliteStorage(folder.path);
    return { storage, done: async () => (await storage.close(), folder.remove()) };
  }),
);

describeWhere(
  { met: Boolean(POSTGRES), reason: 'CHAMBER_TEST_POSTGRES is not set (a postgres:// URL for a test database; .ci/run sets it after starting PostgreSQL)', requiredInCi: true },
  'resolutions kept by the records server on PostgreSQL',
  resolutionsSuite(() => postgresTestStorage(POSTGRES!)),
);
