// The tables both storages make alike: the records officer's resolutions of conflicts
// (server/conflictResolutions.ts), and meeting packs: one row per publication (a meeting's latest is its
// pack), the same table and columns in SQLite and PostgreSQL.
import type { PackListing } from '../shared/sync/protocol';

/** The table, with the id column's type of each database (it orders the publications). */
export const PACKS_SCHEMA = (idColumn: string): string => `
CREATE TABLE IF NOT EXISTS packs (
  id ${idColumn},
  meeting_id TEXT NOT NULL, body_id TEXT NOT NULL, body TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL,
  published_at TEXT NOT NULL, device TEXT NOT NULL REFERENCES devices(id),
  body_seq INTEGER NOT NULL, body_hash TEXT NOT NULL, meeting_seq INTEGER NOT NULL, meeting_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS packs_by_meeting ON packs (meeting_id, id);
`;

export const PACK_COLUMNS = `p.meeting_id AS "meetingId", p.body_id AS "bodyId", p.body, p.title, p.date, p.published_at AS "publishedAt",
  p.device, d.name AS "deviceName", p.body_seq AS "bodySeq", p.body_hash AS "bodyHash", p.meeting_seq AS "meetingSeq", p.meeting_hash AS "meetingHash"`;

export type PackRow = Omit<PackListing, 'heads'> & { bodySeq: number; bodyHash: string; meetingSeq: number; meetingHash: string };

export const packOfRow = ({ bodySeq, bodyHash, meetingSeq, meetingHash, ...rest }: PackRow): PackListing => ({
  ...rest,
  heads: { body: { seq: Number(bodySeq), hash: bodyHash }, meeting: { seq: Number(meetingSeq), hash: meetingHash } },
});

/** The records officer's resolutions, a hash-chained stream per meeting (the same columns in both databases). */
export const RESOLUTIONS_TABLE = `CREATE TABLE IF NOT EXISTS resolution_events (
  stream TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL UNIQUE,
  meeting_id TEXT NOT NULL, at TEXT NOT NULL, device_id TEXT NOT NULL, type TEXT NOT NULL,
  payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, recorded_at TEXT NOT NULL,
  PRIMARY KEY (stream, seq)
);
`;
