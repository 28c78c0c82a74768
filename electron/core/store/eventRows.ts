// An event as a row of an `events` table (the laptop's log, and the records server's SQLite and
// PostgreSQL copies, which keep the same columns) and as the event it stores: one mapping for all.
import type { WireEvent } from '../../../shared/sync/protocol';

export interface EventRow {
  id: string;
  stream: string;
  seq: number;
  at: string;
  device_id: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** The event a row holds, exactly as recorded and hashed (docs/record-format.md). */
export const eventOfRow = (row: EventRow): WireEvent => ({
  id: row.id,
  stream: row.stream,
  seq: row.seq,
  at: row.at,
  deviceId: row.device_id,
  type: row.type,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
  prevHash: row.prev_hash,
  hash: row.hash,
});
