// The append-only event log, the projection rows derived from it, and installation metadata.
import type { Migration } from './types';

export const eventLog: Migration = {
  version: 1,
  name: 'event-log',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE events (
        position   INTEGER PRIMARY KEY,       -- order across all streams; the sync cursor
        id         TEXT NOT NULL,             -- random UUID: the records server recognises a resend by it
        stream     TEXT NOT NULL,             -- e.g. meeting:<uuid>
        seq        INTEGER NOT NULL,          -- 1, 2, 3 … within the stream
        meeting_id TEXT,                      -- for reading one meeting's record; stream covers its order
        at         TEXT NOT NULL,             -- wall time recorded, ISO instant
        device_id  TEXT NOT NULL,
        type       TEXT NOT NULL,
        payload    TEXT NOT NULL,             -- JSON
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL,             -- sha256(prev_hash, this event)
        UNIQUE (stream, seq)
      ) STRICT;

      CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: corrections are new events'); END;
      CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: corrections are new events'); END;

      -- The current state of each stream, written in the same transaction as its events.
      CREATE TABLE projections (
        stream TEXT PRIMARY KEY,
        seq    INTEGER NOT NULL,
        state  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
