// What the records server has acknowledged, by server and stream: the highest head any kept receipt
// gave. Kept as each receipt is (electron/core/sync/syncSettings.ts), so the sync screen's status,
// asked every second, reads one row per stream instead of every receipt of every sync there has
// been. Filled here from the receipts already kept. Beside the record, never in it.
import type { Migration } from './types';

export const syncAcknowledged: Migration = {
  version: 9,
  name: 'sync-acknowledged',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS sync_acknowledged (
        server_id TEXT NOT NULL,
        stream    TEXT NOT NULL,
        seq       INTEGER NOT NULL,
        hash      TEXT NOT NULL,
        PRIMARY KEY (server_id, stream)
      )
    `);
    const acknowledge = db.prepare(
      `INSERT INTO sync_acknowledged (server_id, stream, seq, hash) VALUES (?, ?, ?, ?)
       ON CONFLICT (server_id, stream) DO UPDATE SET seq = excluded.seq, hash = excluded.hash WHERE excluded.seq >= sync_acknowledged.seq`,
    );
    for (const row of db.prepare('SELECT server_id, receipt FROM sync_receipts ORDER BY id').all() as { server_id: string; receipt: string }[]) {
      const heads = (JSON.parse(row.receipt) as { heads?: Record<string, { seq: number; hash: string }> }).heads ?? {};
      for (const [stream, head] of Object.entries(heads)) acknowledge.run(row.server_id, stream, head.seq, head.hash);
    }
  },
};
