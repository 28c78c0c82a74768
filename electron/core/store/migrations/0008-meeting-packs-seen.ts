// Meeting packs whose office changes the clerk has seen (the office and the clerk both changed
// the pack, so the changes are listed, never applied): the office's heads when the clerk marked
// them. Beside the record, never in it; a newer publication of the pack is new again.
import type { Migration } from './types';

export const meetingPacksSeen: Migration = {
  version: 8,
  name: 'meeting-packs-seen',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS meeting_packs_seen (
        meeting_id TEXT PRIMARY KEY,
        heads TEXT NOT NULL,
        seen_at TEXT NOT NULL
      )
    `);
  },
};
