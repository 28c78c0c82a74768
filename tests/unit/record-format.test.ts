// docs/record-format.md, checked: every hash of a real record recomputed with nothing but Node's
// crypto and a canonical JSON written here from RFC 8785's rules (not Chamber's), a fixed example
// against its known hash, and the store's own format changes (migration 0004, the rebuild).
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/store/database';
import { hashEvent } from '../../electron/core/store/eventLog';
import { migrations } from '../../electron/core/store/migrations';
import { canonicalJson } from '../../shared/canonicalJson';
import { openTestCore, tempFolder, testClock } from '../support/meeting';

/** RFC 8785 for the values a record holds (objects, arrays, strings, finite numbers, booleans, null). */
const jcs = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    // Sorted by UTF-16 code units: JavaScript's default string order.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jcs(v)}`).join(',')}}`;
};

const documentedHash = (prevHash: string, body: object): string => createHash('sha256').update(Buffer.from(`${prevHash}\n${jcs(body)}`, 'utf8')).digest('hex');

describe('the record format', () => {
  const folders: { remove(): void }[] = [];
  afterEach(() => folders.splice(0).forEach((f) => f.remove()));

  it('hashes the documented example to its known value', () => {
    const body = { id: 'e1', stream: 'meeting:m', seq: 1, at: '2015-10-22T09:00:00.000Z', deviceId: 'd', type: 'meeting.created', payload: { meetingId: 'm' } };
    // The value in docs/record-format.md's example, fixed here so that any change to the algorithm is seen.
    const known = '5188b0cfed85290475287370b9bbd21d6ac76f7d9ed14ab56182677b3e45d057';
    expect(documentedHash('0'.repeat(64), body)).toBe(known);
    expect(hashEvent('0'.repeat(64), body as never)).toBe(known);
  });

  it('writes canonical JSON as RFC 8785 says, for the text a record holds', () => {
    const value = { z: 1, a: [true, null, 0.5, 1e21, -0], é: 'Sir Paul Carter, CBE — “quoted” \u0007', A: { b: '\\', a: '"' }, '\u20ac': 2, '\ud83d\ude00': 3 };
    expect(canonicalJson(value)).toBe(jcs(value));
    expect(canonicalJson(value)).toBe('{"A":{"a":"\\"","b":"\\\\"},"a":[true,null,0.5,1e+21,0],"z":1,"é":"Sir Paul Carter, CBE — “quoted” \\u0007","€":2,"😀":3}');
  });

  it('lets anyone recompute every hash of a real record from the documented rule', () => {
    const core = openTestCore({ now: testClock('2015-10-22T09:00:00.000Z').now });
    const { bodyId, meetingId } = core.kccMeeting();
    const { memberId } = core.send({ type: 'member.add', bodyId, member: { title: 'Sir', forenames: 'Paul', initials: ['P'], surname: 'Carter', honours: ['CBE'], group: 'Conservative', roles: ['Leader'], voting: true } });
    core.send({ type: 'agenda.addItem', meetingId, item: { number: '1', title: 'Apologies for Absence', kind: 'apologies' } });
    core.send({ type: 'attendance.mark', meetingId, memberId, state: 'present', time: '09:55' });
    core.send({ type: 'meeting.start', meetingId });
    const db = new BetterSqlite3(core.file, { readonly: true });
    const rows = db.prepare('SELECT * FROM events ORDER BY stream, seq').all() as Record<string, string | number>[];
    db.close();
    core.dispose();
    expect(rows.length).toBeGreaterThan(5);
    const heads = new Map<string, string>();
    for (const row of rows) {
      const prev = heads.get(row.stream as string) ?? '0'.repeat(64);
      expect(row.prev_hash).toBe(prev);
      const body = { id: row.id, stream: row.stream, seq: row.seq, at: row.at, deviceId: row.device_id, type: row.type, payload: JSON.parse(row.payload as string) };
      expect(row.hash).toBe(documentedHash(prev, body));
      heads.set(row.stream as string, row.hash as string);
    }
  });

  it('0004 adds the parts table; a file from before it is rebuilt from its log on opening', () => {
    const folder = tempFolder();
    folders.push(folder);
    // A record written by the previous version: events and whole-state projections, no parts.
    const core = openTestCore({ folder: folder.path });
    const { bodyId, meetingId } = core.kccMeeting();
    core.send({ type: 'member.add', bodyId, member: { title: 'Mr', initials: [], surname: 'Cole', honours: [], group: '', roles: [], voting: true } });
    const expected = core.read(`meeting:${meetingId}`);
    core.close();
    const file = join(folder.path, 'chamber.sqlite');
    const old = new BetterSqlite3(file);
    old.exec("DROP TABLE parts; DELETE FROM projections; DELETE FROM meta WHERE key = 'projection_format'; PRAGMA user_version = 3;");
    old.prepare('INSERT INTO projections (stream, seq, state) VALUES (?, 1, ?)').run(`meeting:${meetingId}`, JSON.stringify({ id: meetingId, old: 'whole state' }));
    old.close();

    const { db, backupPath } = openDatabase(file, { migrations: migrations.slice(0, 4) });
    expect(backupPath).toBeDefined();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'parts'").pluck().get()).toBe('parts');
    db.close();

    const reopened = openTestCore({ folder: folder.path });
    expect(reopened.rebuilt).toBe(true);
    expect(reopened.read(`meeting:${meetingId}`)).toEqual(expected);
    expect(reopened.verify()).toMatchObject({ ok: true });
    reopened.close();
    const again = openTestCore({ folder: folder.path });
    expect(again.rebuilt).toBe(false); // once only
    again.close();
  });
});
