// Members' own devices: what the core keeps beside the record, never in it. The pairing codes the
// clerk shows (only their SHA-256; single use; they expire), each device request's answer by its
// request id (a replay gets the same answer and counts once), and the audit of refused requests
// from the chamber network (time, meeting, member and credential where known, client address,
// what was attempted and why). None of this is part of the hash-chained event log. (IF NOT
// EXISTS: a file set back to an earlier version by hand, as a test of 0004 does, keeps its tables.)
import type { Migration } from './types';

export const memberDevices: Migration = {
  version: 5,
  name: 'member-devices',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS member_pairing_codes (
        code_hash  TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL,
        member_id  TEXT NOT NULL,
        issued_at  TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at    TEXT
      ) STRICT;
      CREATE INDEX IF NOT EXISTS member_pairing_codes_member ON member_pairing_codes (meeting_id, member_id);

      CREATE TABLE IF NOT EXISTS member_requests (
        credential_id TEXT NOT NULL,
        request_id    TEXT NOT NULL,
        status        INTEGER NOT NULL,
        answer        TEXT NOT NULL,
        at            TEXT NOT NULL,
        PRIMARY KEY (credential_id, request_id)
      ) STRICT;

      CREATE TABLE IF NOT EXISTS member_refusals (
        id            INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        meeting_id    TEXT,
        member_id     TEXT,
        credential_id TEXT,
        client        TEXT NOT NULL,
        attempted     TEXT NOT NULL,
        reason        TEXT NOT NULL,
        status        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS member_refusals_meeting ON member_refusals (meeting_id, id);
    `);
  },
};
