// Sync with the records server: what the core keeps beside the record, never in it. The records
// server's address and this laptop's device key (a secret: it never goes into the event log, to
// a screen once set, to the chamber network or to a log file), whether to sync by itself, and
// every signed receipt the server gave, as it was given, with the time it arrived.
import type { Migration } from './types';

export const syncWithRecordsServer: Migration = {
  version: 6,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS sync_config (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        server_url TEXT,
        device_key TEXT,
        auto_sync  INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE IF NOT EXISTS sync_receipts (
        id          INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,
        server_id   TEXT NOT NULL,
        receipt     TEXT NOT NULL             -- JSON, exactly as the server signed it
      ) STRICT;
    `);
  },
};
