// Each stream's state kept in parts (see shared/state/parts.ts): the head stays in `projections`,
// every single and every collection entry gets a row here, so a command writes only the parts it
// changed. The projections themselves are rebuilt from the log when their format changes (see
// store/rebuild.ts), so this migration only makes the table and leaves the rebuild to the core.
import type { Migration } from './types';

export const statesInParts: Migration = {
  version: 4,
  name: 'states-in-parts',
  up(db) {
    db.exec(`
      CREATE TABLE parts (
        stream TEXT NOT NULL,
        key    TEXT NOT NULL,             -- a single's name, or collection/entry key
        ord    INTEGER NOT NULL,          -- order of first writing: a list's order
        value  TEXT NOT NULL,             -- JSON
        PRIMARY KEY (stream, key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
