// The records server's storage in one SQLite file in the data folder (WAL, synchronous=FULL).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { PackListing, StreamHead, WireEvent } from '../shared/sync/protocol';
import { GENESIS_HEAD, meetingIdOf, newIdentity, planAppend, StorageFull, type Device, type RecordsStorage, type ServerIdentity, type StreamSummary } from './storage';
import { PACK_COLUMNS, PACKS_SCHEMA, packOfRow, RESOLUTIONS_TABLE, type PackRow } from './sharedTables';
import { eventOfRow, type EventRow } from '../electron/core/store/eventRows';
import { resolutionsStream, resolvedMeetingOf } from './storage';

export const SQLITE_FILE = 'records.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS server_identity (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  server_id TEXT NOT NULL, public_key TEXT NOT NULL, private_key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS events (
  device TEXT NOT NULL REFERENCES devices(id),
  stream TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL,
  meeting_id TEXT, at TEXT NOT NULL, device_id TEXT NOT NULL, type TEXT NOT NULL,
  payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, received_at TEXT NOT NULL,
  PRIMARY KEY (device, stream, seq),
  UNIQUE (device, id)
);
CREATE TRIGGER IF NOT EXISTS events_never_updated BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are never changed'); END;
CREATE TRIGGER IF NOT EXISTS events_never_deleted BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are never removed'); END;
`;


interface DeviceRow {
  id: string;
  name: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

const toDevice = (r: DeviceRow): Device => ({ id: r.id, name: r.name, keyHash: r.key_hash, createdAt: r.created_at, revokedAt: r.revoked_at });

const full = <T>(work: () => T): T => {
  try {
    return work();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_FULL') throw new StorageFull('The disk holding the records is full.');
    throw error;
  }
};

export interface SqliteStorageOptions {
  /**
   * Called with the storage's own connection once it is open. Tests use it to cap the file's size
   * (PRAGMA max_page_count), which SQLite enforces exactly as it does a full disk (SQLITE_FULL).
   */
  connection?: (db: Database.Database) => void;
}

export const openSqliteStorage = (dataDir: string, options: SqliteStorageOptions = {}): RecordsStorage => {
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  db.exec(PACKS_SCHEMA('INTEGER PRIMARY KEY AUTOINCREMENT'));
  const q = {
    identity: db.prepare('SELECT server_id AS serverId, public_key AS publicKey, private_key AS privateKey FROM server_identity WHERE only = 1'),
    setIdentity: db.prepare('INSERT OR IGNORE INTO server_identity (only, server_id, public_key, private_key) VALUES (1, ?, ?, ?)'),
    addDevice: db.prepare('INSERT INTO devices (id, name, key_hash, created_at) VALUES (?, ?, ?, ?)'),
    revoke: db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    devices: db.prepare('SELECT * FROM devices ORDER BY created_at, id'),
    byKeyHash: db.prepare('SELECT * FROM devices WHERE key_hash = ?'),
    heads: db.prepare(
      'SELECT stream, seq, hash FROM events e WHERE device = ? AND seq = (SELECT max(seq) FROM events WHERE device = e.device AND stream = e.stream)',
    ),
    head: db.prepare('SELECT seq, hash FROM events WHERE device = ? AND stream = ? ORDER BY seq DESC LIMIT 1'),
    hashOf: db.prepare('SELECT hash FROM events WHERE device = ? AND id = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO events (device, stream, seq, id, meeting_id, at, device_id, type, payload, prev_hash, hash, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    events: db.prepare('SELECT * FROM events WHERE device = ? AND stream = ? AND seq > ? ORDER BY seq LIMIT ?'),
    summary: db.prepare(
      `SELECT e.device, d.name AS deviceName, e.stream, count(*) AS events, max(e.seq) AS seq,
              (SELECT hash FROM events h WHERE h.device = e.device AND h.stream = e.stream ORDER BY seq DESC LIMIT 1) AS hash
       FROM events e JOIN devices d ON d.id = e.device GROUP BY e.device, e.stream ORDER BY e.stream, d.created_at`,
    ),
    publishPack: db.prepare(
      `INSERT INTO packs (meeting_id, body_id, body, title, date, published_at, device, body_seq, body_hash, meeting_seq, meeting_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    packs: db.prepare(
      `SELECT ${PACK_COLUMNS} FROM packs p JOIN devices d ON d.id = p.device
       WHERE p.id = (SELECT max(id) FROM packs l WHERE l.meeting_id = p.meeting_id) ORDER BY p.date DESC, p.title`,
    ),
  };
  const append = db.transaction((device: string, events: readonly WireEvent[], receivedAt: string) => {
    const { fresh, duplicates } = planAppend(
      events,
      (stream) => (q.head.get(device, stream) as StreamHead | undefined) ?? GENESIS_HEAD,
      (id) => q.hashOf.get(device, id) as string | undefined,
    );
    for (const e of fresh)
      q.insert.run(device, e.stream, e.seq, e.id, meetingIdOf(e.stream), e.at, e.deviceId, e.type, JSON.stringify(e.payload), e.prevHash, e.hash, receivedAt);
    return { accepted: fresh.length, duplicates };
  });
  options.connection?.(db);

  return {
    identity: async () => {
      let found = q.identity.get() as ServerIdentity | undefined;
      if (!found) {
        const made = newIdentity();
        full(() => q.setIdentity.run(made.serverId, made.publicKey, made.privateKey));
        found = q.identity.get() as ServerIdentity;
      }
      return found;
    },
    addDevice: async (d) => void full(() => q.addDevice.run(d.id, d.name, d.keyHash, d.createdAt)),
    revokeDevice: async (id, at) => q.revoke.run(at, id).changes === 1,
    devices: async () => (q.devices.all() as DeviceRow[]).map(toDevice),
    deviceByKeyHash: async (keyHash) => {
      const row = q.byKeyHash.get(keyHash) as DeviceRow | undefined;
      return row && toDevice(row);
    },
    heads: async (device) =>
      Object.fromEntries((q.heads.all(device) as { stream: string; seq: number; hash: string }[]).map((r) => [r.stream, { seq: r.seq, hash: r.hash }])),
    append: async (device, events, receivedAt) => full(() => append.immediate(device, events, receivedAt)),
    events: async (device, stream, afterSeq = 0, limit = -1) => (q.events.all(device, stream, afterSeq, limit) as EventRow[]).map(eventOfRow),
    summary: async () =>
      (q.summary.all() as (Omit<StreamSummary, 'head'> & StreamHead)[]).map(({ seq, hash, ...rest }) => ({ ...rest, head: { seq, hash } })),
    publishPack: async (p) =>
      void full(() =>
        q.publishPack.run(p.meetingId, p.bodyId, p.body, p.title, p.date, p.publishedAt, p.device, p.heads.body.seq, p.heads.body.hash, p.heads.meeting.seq, p.heads.meeting.hash),
      ),
    packs: async (): Promise<PackListing[]> => (q.packs.all() as PackRow[]).map(packOfRow),
    close: async () => void db.close(),
    ...sqliteResolutions(db),
  };
};

// ---- Resolutions of conflicts between devices' copies ----

const RESOLUTIONS_SCHEMA = `
${RESOLUTIONS_TABLE}CREATE TRIGGER IF NOT EXISTS resolution_events_never_updated BEFORE UPDATE ON resolution_events BEGIN SELECT RAISE(ABORT, 'resolutions are never changed'); END;
CREATE TRIGGER IF NOT EXISTS resolution_events_never_deleted BEFORE DELETE ON resolution_events BEGIN SELECT RAISE(ABORT, 'resolutions are never removed'); END;
`;

const sqliteResolutions = (db: Database.Database): Pick<RecordsStorage, 'resolutions' | 'appendResolution'> => {
  db.exec(RESOLUTIONS_SCHEMA);
  const q = {
    events: db.prepare('SELECT * FROM resolution_events WHERE stream = ? ORDER BY seq'),
    head: db.prepare('SELECT seq, hash FROM resolution_events WHERE stream = ? ORDER BY seq DESC LIMIT 1'),
    hashOf: db.prepare('SELECT hash FROM resolution_events WHERE id = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO resolution_events (stream, seq, id, meeting_id, at, device_id, type, payload, prev_hash, hash, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
  const append = db.transaction((event: WireEvent, recordedAt: string) => {
    const meetingId = resolvedMeetingOf(event.stream);
    const { fresh, duplicates } = planAppend(
      [event],
      (stream) => (q.head.get(stream) as StreamHead | undefined) ?? GENESIS_HEAD,
      (id) => q.hashOf.get(id) as string | undefined,
    );
    for (const e of fresh) q.insert.run(e.stream, e.seq, e.id, meetingId, e.at, e.deviceId, e.type, JSON.stringify(e.payload), e.prevHash, e.hash, recordedAt);
    return { accepted: fresh.length, duplicates };
  });
  return {
    resolutions: async (meetingId) => (q.events.all(resolutionsStream(meetingId)) as EventRow[]).map(eventOfRow),
    appendResolution: async (event, recordedAt) => full(() => append.immediate(event, recordedAt)),
  };
};
