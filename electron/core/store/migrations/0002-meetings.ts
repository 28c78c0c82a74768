// The meetings list as a table, so the list screen never reads every meeting's state.
// Back-fills from the meeting projections already on disk.
import type { Migration } from './types';

export const meetingsList: Migration = {
  version: 2,
  name: 'meetings-list',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id         TEXT PRIMARY KEY,
        body       TEXT NOT NULL,
        title      TEXT NOT NULL,
        date       TEXT NOT NULL,
        start_time TEXT NOT NULL,
        venue      TEXT NOT NULL,
        status     TEXT NOT NULL
      ) STRICT;

      INSERT INTO meetings (id, body, title, date, start_time, venue, status)
      SELECT state ->> '$.id', state ->> '$.body', state ->> '$.title', state ->> '$.date',
             state ->> '$.startTime', state ->> '$.venue', state ->> '$.status'
      FROM projections WHERE stream LIKE 'meeting:%';
    `);
  },
};
