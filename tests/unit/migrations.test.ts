// One test per migration: migrate to n-1, insert, migrate to n, assert.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/store/database';
import { EventLog } from '../../electron/core/store/eventLog';
import { migrations } from '../../electron/core/store/migrations';
import { tempFolder } from '../support/meeting';

const upTo = (version: number) => migrations.slice(0, version);

describe('migrations', () => {
  const folder = tempFolder();
  afterEach(() => folder.remove());

  it('are numbered 1, 2, 3 … in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('0001 creates an append-only event log', () => {
    const { db } = openDatabase(join(folder.path, 'a.sqlite'), { migrations: upTo(0) });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
    const { db: migrated } = openDatabase(join(folder.path, 'a.sqlite'), { migrations: upTo(1) });
    const log = new EventLog(migrated);
    migrated.transaction(() =>
      log.append(
        [{ stream: 'meeting:m1', type: 'meeting.created', payload: { meetingId: '00000000-0000-4000-8000-000000000001', body: 'B', title: 'T', date: '2015-10-22', startTime: '10:00', venue: '' } }],
        { at: '2015-10-22T09:00:00.000Z', deviceId: 'd', newId: () => 'e1' },
      ),
    )();
    expect(() => migrated.prepare("UPDATE events SET type = 'x'").run()).toThrowError(/append-only/);
    expect(() => migrated.prepare('DELETE FROM events').run()).toThrowError(/append-only/);
    expect(log.verify()).toEqual({ ok: true, events: 1 });
    migrated.close();
  });

  it('0002 adds the meetings list and fills it from meetings already recorded', () => {
    const file = join(folder.path, 'b.sqlite');
    const { db } = openDatabase(file, { migrations: upTo(1) });
    db.prepare('INSERT INTO projections (stream, seq, state) VALUES (?, ?, ?)').run(
      'meeting:m1',
      1,
      JSON.stringify({ id: 'm1', body: 'Kent County Council', title: 'County Council', date: '2015-10-22', startTime: '10:00', venue: 'Sessions House', status: 'draft', createdAt: 'x', updatedAt: '2015-10-22T09:00:00.000Z', seq: 1 }),
    );
    db.close();
    const { db: migrated, backupPath } = openDatabase(file, { migrations: upTo(2) });
    expect(backupPath).toBeDefined();
    expect(migrated.prepare('SELECT * FROM meetings').all()).toEqual([
      { id: 'm1', body: 'Kent County Council', title: 'County Council', date: '2015-10-22', start_time: '10:00', venue: 'Sessions House', status: 'draft' },
    ]);
    migrated.close();
  });
});

describe('migration 0003', () => {
  const folder = tempFolder();
  afterEach(() => folder.remove());

  it('adds the bodies list and a body for each meeting, leaving older meetings unlinked', () => {
    const file = join(folder.path, 'c.sqlite');
    const { db } = openDatabase(file, { migrations: upTo(2) });
    db.prepare("INSERT INTO meetings (id, body, title, date, start_time, venue, status) VALUES ('m1', 'Kent County Council', 'County Council', '2015-10-22', '10:00', '', 'draft')").run();
    db.close();
    const { db: migrated } = openDatabase(file, { migrations: upTo(3) });
    expect(migrated.prepare('SELECT id, body, body_id FROM meetings').all()).toEqual([{ id: 'm1', body: 'Kent County Council', body_id: null }]);
    migrated.prepare("INSERT INTO bodies (id, name, kind, member_count) VALUES ('b1', 'Kent County Council', 'full_council', 81)").run();
    expect(migrated.prepare('SELECT * FROM bodies').get()).toEqual({ id: 'b1', name: 'Kent County Council', kind: 'full_council', member_count: 81 });
    migrated.close();
  });
  it('0005 adds the pairing codes, the device requests and the audit of refused requests, none of them in the event log', () => {
    const file = join(folder.path, 'e.sqlite');
    const { db } = openDatabase(file, { migrations: upTo(4) });
    db.close();
    const { db: migrated } = openDatabase(file, { migrations: upTo(5) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(5);
    migrated.prepare("INSERT INTO member_pairing_codes (code_hash, meeting_id, member_id, issued_at, expires_at) VALUES ('h', 'm', 'p', 'a', 'b')").run();
    expect(() => migrated.prepare("INSERT INTO member_pairing_codes (code_hash, meeting_id, member_id, issued_at, expires_at) VALUES ('h', 'm', 'p', 'a', 'b')").run()).toThrowError(/UNIQUE/);
    migrated.prepare("INSERT INTO member_requests (credential_id, request_id, status, answer, at) VALUES ('c', 'r', 200, '{}', 'a')").run();
    migrated.prepare("INSERT INTO member_refusals (at, meeting_id, client, attempted, reason, status) VALUES ('a', NULL, '127.0.0.1', 'pair with a code', 'Wrong code', 404)").run();
    expect(migrated.prepare('SELECT * FROM member_refusals').get()).toMatchObject({ id: 1, meeting_id: null, member_id: null, credential_id: null, status: 404 });
    expect(migrated.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
    migrated.close();
  });
  it('0006 adds the sync configuration (one row: the device key is never in the event log) and the receipts kept', () => {
    const file = join(folder.path, 'f.sqlite');
    const { db } = openDatabase(file, { migrations: upTo(5) });
    db.close();
    const { db: migrated } = openDatabase(file, { migrations: upTo(6) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(6);
    migrated.prepare("INSERT INTO sync_config (id, server_url, device_key, updated_at) VALUES (1, 'https://records.example', 'secret', 'a')").run();
    expect(() => migrated.prepare("INSERT INTO sync_config (id, server_url, device_key, updated_at) VALUES (2, 'x', 'y', 'a')").run()).toThrowError(/CHECK/);
    expect(migrated.prepare('SELECT auto_sync FROM sync_config').get()).toEqual({ auto_sync: 0 });
    migrated.prepare("INSERT INTO sync_receipts (received_at, server_id, receipt) VALUES ('a', 's', '{}')").run();
    expect(migrated.prepare('SELECT id, server_id FROM sync_receipts').all()).toEqual([{ id: 1, server_id: 's' }]);
    expect(migrated.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
    migrated.close();
  });
  it("0007 adds the records server's certificate to the sync configuration, keeping what was set", () => {
    const file = join(folder.path, 'g.sqlite');
    const { db } = openDatabase(file, { migrations: upTo(6) });
    db.prepare("INSERT INTO sync_config (id, server_url, device_key, updated_at) VALUES (1, 'https://records.example', 'secret', 'a')").run();
    db.close();
    const { db: migrated } = openDatabase(file, { migrations: upTo(7) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(7);
    expect(migrated.prepare('SELECT server_url, device_key, server_certificate FROM sync_config').get()).toEqual({ server_url: 'https://records.example', device_key: 'secret', server_certificate: null });
    expect(migrated.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
    migrated.close();
  });
  it('0008 adds the meeting packs the clerk has seen, beside a record it leaves alone', () => {
    const file = join(folder.path, 'h.sqlite');
    const { db } = openDatabase(file, { migrations: upTo(7) });
    db.prepare("INSERT INTO sync_config (id, server_url, device_key, updated_at) VALUES (1, 'https://records.example', 'secret', 'a')").run();
    db.close();
    const { db: migrated } = openDatabase(file, { migrations: upTo(8) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(8);
    migrated.prepare("INSERT INTO meeting_packs_seen (meeting_id, heads, seen_at) VALUES ('m', '{}', 'a')").run();
    expect(() => migrated.prepare("INSERT INTO meeting_packs_seen (meeting_id, heads, seen_at) VALUES ('m', '{}', 'b')").run()).toThrow(/UNIQUE/);
    expect(migrated.prepare('SELECT server_url FROM sync_config').get()).toEqual({ server_url: 'https://records.example' });
    migrated.close();
  });
  it('0009 keeps the highest head acknowledged per server and stream, filled from the receipts already kept', () => {
    const file = join(folder.path, 'i.sqlite');
    const { db } = openDatabase(file, { migrations: upTo(8) });
    const receipt = (serverId: string, heads: Record<string, { seq: number; hash: string }>) => JSON.stringify({ serverId, heads });
    const keep = db.prepare('INSERT INTO sync_receipts (received_at, server_id, receipt) VALUES (?, ?, ?)');
    keep.run('a', 'office', receipt('office', { 'meeting:m': { seq: 5, hash: 'h5' }, 'body:b': { seq: 2, hash: 'b2' } }));
    keep.run('b', 'office', receipt('office', { 'meeting:m': { seq: 9, hash: 'h9' } }));
    keep.run('c', 'office', receipt('office', { 'meeting:m': { seq: 7, hash: 'h7' } }));
    keep.run('d', 'other', receipt('other', { 'meeting:m': { seq: 1, hash: 'h1' } }));
    db.close();
    const { db: migrated } = openDatabase(file, { migrations: upTo(9) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(9);
    expect(migrated.prepare('SELECT server_id, stream, seq, hash FROM sync_acknowledged ORDER BY server_id, stream').all()).toEqual([
      { server_id: 'office', stream: 'body:b', seq: 2, hash: 'b2' },
      { server_id: 'office', stream: 'meeting:m', seq: 9, hash: 'h9' },
      { server_id: 'other', stream: 'meeting:m', seq: 1, hash: 'h1' },
    ]);
    expect(migrated.prepare('SELECT count(*) AS n FROM sync_receipts').get()).toEqual({ n: 4 });
    migrated.close();
  });
});
