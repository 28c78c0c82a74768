// What the sync client reads from the local record, each with a prepared statement: the heads of
// the streams, a page of a stream's events after a sequence number (so a push reads a few hundred
// events at a time, never the day's), what a stream is called, and whether a meeting is sitting.
import type { Database } from 'better-sqlite3';
import type { WireEvent } from '../../../shared/sync/protocol';
import { eventOfRow, type EventRow } from '../store/eventRows';


export interface LocalRecord {
  /** Every stream's last event, by stream, in order of name. */
  heads(): Map<string, { seq: number; hash: string }>;
  /** Up to `limit` events of a stream after `afterSeq`, in order. */
  page(stream: string, afterSeq: number, limit: number): WireEvent[];
  hashAt(stream: string, seq: number): string | undefined;
  /** "County Council, 22 October 2015"-ish words for a stream: a meeting's title and date, a body's name. */
  describe(stream: string): { kind: 'meeting' | 'body' | 'settings' | 'other'; title: string; date?: string };
  /** A meeting in progress or adjourned (sitting): automatic sync waits. */
  meetingSitting(): boolean;
  /** A division open in any meeting: no push at all. */
  divisionOpen(): boolean;
}

export const openLocalRecord = (db: Database): LocalRecord => {
  // Each stream's head from its projection (one row per stream, written with its events), not a
  // scan of the whole log: the sync screen asks every second.
  const heads = db.prepare('SELECT p.stream, p.seq, e.hash FROM projections p JOIN events e ON e.stream = p.stream AND e.seq = p.seq ORDER BY p.stream');
  const page = db.prepare('SELECT id, stream, seq, at, device_id, type, payload, prev_hash, hash FROM events WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?');
  const hashAt = db.prepare('SELECT hash FROM events WHERE stream = ? AND seq = ?').pluck();
  const meeting = db.prepare('SELECT title, date FROM meetings WHERE id = ?');
  const body = db.prepare('SELECT name FROM bodies WHERE id = ?').pluck();
  const sitting = db.prepare("SELECT 1 FROM meetings WHERE status IN ('in_progress', 'adjourned') LIMIT 1").pluck();
  const division = db
    .prepare(
      `SELECT 1 FROM meetings m JOIN projections p ON p.stream = 'meeting:' || m.id
       WHERE m.status IN ('in_progress', 'adjourned') AND json_extract(p.state, '$.openDivisionId') IS NOT NULL LIMIT 1`,
    )
    .pluck();

  return {
    heads() {
      const result = new Map<string, { seq: number; hash: string }>();
      for (const row of heads.iterate() as IterableIterator<{ stream: string; seq: number; hash: string }>) result.set(row.stream, { seq: row.seq, hash: row.hash });
      return result;
    },
    page: (stream, afterSeq, limit) => (page.all(stream, afterSeq, limit) as EventRow[]).map(eventOfRow),
    hashAt: (stream, seq) => hashAt.get(stream, seq) as string | undefined,
    describe(stream) {
      const [kind, id] = [stream.slice(0, stream.indexOf(':')), stream.slice(stream.indexOf(':') + 1)];
      if (kind === 'meeting') {
        const row = meeting.get(id) as { title: string; date: string } | undefined;
        return { kind, title: row?.title ?? 'A meeting', date: row?.date };
      }
      if (kind === 'body') return { kind, title: (body.get(id) as string | undefined) ?? 'A body' };
      if (kind === 'settings') return { kind, title: "This installation's settings" };
      return { kind: 'other', title: stream };
    },
    meetingSitting: () => sitting.get() !== undefined,
    divisionOpen: () => division.get() !== undefined,
  };
};
