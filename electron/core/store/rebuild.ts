// Rebuilding every projection from the log: what the record says, replayed with today's reducers.
// Done when the stored projections were written in an older format (see PROJECTION_FORMAT), so
// that a new version of Chamber shows old meetings exactly as their events say.
import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../../../shared/events';
import { replayStream } from '../../../shared/state/streams';
import type { EventLog } from './eventLog';
import { PROJECTION_FORMAT, Projections } from './projections';

const FORMAT_KEY = 'projection_format';

export const storedProjectionFormat = (db: Database): number => {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(FORMAT_KEY) as string | undefined;
  return row === undefined ? 0 : Number(row);
};

/**
 * Each stream's events in turn, in order: one stream read at a time (so the connection is free
 * for writing between them, and memory holds one stream's history, not the whole log).
 */
export function* streamsOf(log: EventLog): Generator<{ stream: string; events: RecordedEvent[] }> {
  for (const stream of log.streams()) yield { stream, events: log.read(stream) };
}

/** Replace every projection and list row by a replay of the log, in one transaction. */
export const rebuildProjections = (db: Database, log: EventLog): { streams: number; events: number } => {
  const projections = new Projections(db);
  let streams = 0;
  let events = 0;
  db.transaction(() => {
    db.exec('DELETE FROM projections; DELETE FROM parts; DELETE FROM meetings; DELETE FROM bodies;');
    for (const { stream, events: history } of streamsOf(log)) {
      events += history.length;
      const state = replayStream(stream, history);
      if (!state) continue;
      streams += 1;
      projections.saveWhole(stream, state, history[history.length - 1].seq);
      projections.mirror(stream, state, undefined);
    }
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(FORMAT_KEY, String(PROJECTION_FORMAT));
  }).immediate();
  return { streams, events };
};

/** Rebuild if the stored projections are of another format than this version writes. */
export const ensureProjectionFormat = (db: Database, log: EventLog): boolean => {
  if (storedProjectionFormat(db) === PROJECTION_FORMAT) return false;
  rebuildProjections(db, log);
  return true;
};
