// Bodies (the council, its committees and panels) as a list table, and each meeting's body.
// Meetings recorded before bodies existed keep body_id NULL until the clerk links them.
import type { Migration } from './types';

export const bodiesList: Migration = {
  version: 3,
  name: 'bodies-list',
  up(db) {
    db.exec(`
      CREATE TABLE bodies (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        kind         TEXT NOT NULL,
        member_count INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE meetings ADD COLUMN body_id TEXT;
    `);
  },
};
