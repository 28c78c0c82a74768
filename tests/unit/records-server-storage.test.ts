// The records server's storage: the same suite on SQLite and on PostgreSQL (CHAMBER_TEST_POSTGRES).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/sqliteStorage';
import { StorageConflict, type RecordsStorage } from '../../server/storage';
import type { WireEvent } from '../../shared/sync/protocol';
import { tempFolder } from '../support/meeting';
import { postgresTestStorage, recordedMeeting, registerDevice } from '../support/recordsServer';
import { describeWhere } from '../support/skips';

const POSTGRES = process.env.CHAMBER_TEST_POSTGRES;

const storageSuite = (open: () => Promise<{ storage: RecordsStorage; done(): Promise<void> }>) => () => {
  let storage: RecordsStorage;
  let done: () => Promise<void>;
  const { meetingId, meeting, body } = recordedMeeting(5);
  const stream = `meeting:${meetingId}`;
  const at = '2015-10-22T12:00:00.000Z';

  beforeAll(async () => {
    ({ storage, done } = await open());
  });
  afterAll(async () => done());

  it('makes its identity once and keeps it', async () => {
    const first = await storage.identity();
    expect(first.serverId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await storage.identity()).toEqual(first);
  });

  it('registers, finds by key hash, lists and revokes devices', async () => {
    const { id } = await registerDevice(storage, 'Clerk laptop 1');
    const [listed] = (await storage.devices()).filter((d) => d.id === id);
    expect(listed).toMatchObject({ name: 'Clerk laptop 1', revokedAt: null });
    expect(await storage.deviceByKeyHash(listed.keyHash)).toEqual(listed);
    expect(await storage.revokeDevice(id, at)).toBe(true);
    expect(await storage.revokeDevice(id, at)).toBe(false);
    expect((await storage.deviceByKeyHash(listed.keyHash))?.revokedAt).toBe(at);
  });

  it('appends a batch, then the same batch again stores nothing and counts duplicates', async () => {
    const { id } = await registerDevice(storage, 'Clerk laptop 2');
    expect(await storage.append(id, [...meeting, ...body], at)).toEqual({ accepted: meeting.length + body.length, duplicates: 0 });
    expect(await storage.append(id, meeting, at)).toEqual({ accepted: 0, duplicates: meeting.length });
    expect(await storage.events(id, stream)).toEqual(meeting);
    expect(await storage.events(id, stream, 2, 2)).toEqual(meeting.slice(2, 4));
    const last = meeting[meeting.length - 1];
    expect((await storage.heads(id))[stream]).toEqual({ seq: last.seq, hash: last.hash });
  });

  it('refuses, storing nothing, a batch that does not follow the stored head', async () => {
    const { id } = await registerDevice(storage, 'Clerk laptop 3');
    await storage.append(id, meeting.slice(0, 2), at);
    await expect(storage.append(id, [meeting[2], meeting[4]], at)).rejects.toBeInstanceOf(StorageConflict);
    const changed: WireEvent = { ...meeting[0], hash: 'f'.repeat(64) };
    await expect(storage.append(id, [changed], at)).rejects.toMatchObject({ kind: 'chain_broken' });
    expect(await storage.events(id, stream)).toEqual(meeting.slice(0, 2));
  });

  it('keeps each device’s copy of the same meeting apart', async () => {
    const a = await registerDevice(storage, 'Laptop A');
    const b = await registerDevice(storage, 'Laptop B');
    await Promise.all([storage.append(a.id, meeting, at), storage.append(b.id, meeting.slice(0, 3), at)]);
    const copies = (await storage.summary()).filter((s) => s.stream === stream && [a.id, b.id].includes(s.device));
    expect(copies.map((c) => [c.deviceName, c.events]).sort()).toEqual([
      ['Laptop A', meeting.length],
      ['Laptop B', 3],
    ]);
  });
};

describe(
  'records server storage on SQLite',
  storageSuite(async () => {
    const folder = tempFolder('chamber-records-');
    const storage = openSqliteStorage(folder.path);
    return { storage, done: async () => (await storage.close(), folder.remove()) };
  }),
);

describeWhere(
  { met: Boolean(POSTGRES), reason: 'CHAMBER_TEST_POSTGRES is not set (a postgres:// URL for a test database; .ci/run sets it after starting PostgreSQL)', requiredInCi: true },
  'records server storage on PostgreSQL',
  storageSuite(() => postgresTestStorage(POSTGRES!)),
);
