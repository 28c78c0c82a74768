// Where the records server is, this laptop's device key, whether to sync by itself, the records
// server's certificate when the council uses its own (migration 0007), and the receipts kept: the
// sync_config and sync_receipts tables (migration 0006), with the highest head acknowledged per
// stream (sync_acknowledged, migration 0009), beside the record, never in it. The key is read only by the sync client; nothing here hands it to anyone else.
import type { Database, Statement } from 'better-sqlite3';
import { Receipt } from '../../../shared/sync/protocol';

export interface SyncConfig {
  serverUrl: string | null;
  deviceKey: string | null;
  autoSync: boolean;
  /** PEM: the records server's certificate (or its authority's), trusted for that server only. */
  serverCertificate: string | null;
}

export interface KeptReceipt {
  receivedAt: string;
  receipt: Receipt;
}

export interface SyncSettings {
  config(): SyncConfig;
  /** Change what is given; leave the rest. A key or a certificate of '' removes it. */
  update(change: { serverUrl?: string; deviceKey?: string; autoSync?: boolean; serverCertificate?: string }, at: string): void;
  keepReceipt(receipt: Receipt, receivedAt: string): void;
  lastReceipt(): KeptReceipt | undefined;
  /** The heads the server has acknowledged, by stream: every receipt's, the later over the earlier. */
  acknowledgedHeads(serverId?: string): Map<string, { seq: number; hash: string }>;
  receiptCount(): number;
}

interface ConfigRow {
  server_url: string | null;
  device_key: string | null;
  auto_sync: number;
  server_certificate: string | null;
}

export const createSyncSettings = (db: Database): SyncSettings => {
  const read: Statement = db.prepare('SELECT server_url, device_key, auto_sync, server_certificate FROM sync_config WHERE id = 1');
  const write: Statement = db.prepare(
    `INSERT INTO sync_config (id, server_url, device_key, auto_sync, server_certificate, updated_at) VALUES (1, @serverUrl, @deviceKey, @autoSync, @serverCertificate, @at)
     ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, device_key = excluded.device_key, auto_sync = excluded.auto_sync,
       server_certificate = excluded.server_certificate, updated_at = excluded.updated_at`,
  );
  const insertReceipt: Statement = db.prepare('INSERT INTO sync_receipts (received_at, server_id, receipt) VALUES (?, ?, ?)');
  const last: Statement = db.prepare('SELECT received_at, receipt FROM sync_receipts ORDER BY id DESC LIMIT 1');
  // The highest head acknowledged per server and stream (migration 0009), kept with each receipt.
  const acknowledge: Statement = db.prepare(
    `INSERT INTO sync_acknowledged (server_id, stream, seq, hash) VALUES (?, ?, ?, ?)
     ON CONFLICT (server_id, stream) DO UPDATE SET seq = excluded.seq, hash = excluded.hash WHERE excluded.seq >= sync_acknowledged.seq`,
  );
  const acknowledgedBy: Statement = db.prepare('SELECT stream, seq, hash FROM sync_acknowledged WHERE server_id = ?');
  const acknowledgedByAny: Statement = db.prepare('SELECT stream, seq, hash FROM sync_acknowledged ORDER BY seq');
  const keep = db.transaction((receipt: Receipt, receivedAt: string) => {
    insertReceipt.run(receivedAt, receipt.serverId, JSON.stringify(receipt));
    for (const [stream, head] of Object.entries(receipt.heads)) acknowledge.run(receipt.serverId, stream, head.seq, head.hash);
  });
  const count = db.prepare('SELECT count(*) FROM sync_receipts').pluck();

  const config = (): SyncConfig => {
    const row = read.get() as ConfigRow | undefined;
    return { serverUrl: row?.server_url ?? null, deviceKey: row?.device_key ?? null, autoSync: row?.auto_sync === 1, serverCertificate: row?.server_certificate ?? null };
  };

  return {
    config,
    update(change, at) {
      const now = config();
      const deviceKey = change.deviceKey === undefined ? now.deviceKey : change.deviceKey === '' ? null : change.deviceKey;
      const serverCertificate = change.serverCertificate === undefined ? now.serverCertificate : change.serverCertificate.trim() === '' ? null : change.serverCertificate;
      write.run({ serverUrl: change.serverUrl ?? now.serverUrl, deviceKey, autoSync: (change.autoSync ?? now.autoSync) ? 1 : 0, serverCertificate, at });
    },
    keepReceipt(receipt, receivedAt) {
      keep(receipt, receivedAt);
    },
    lastReceipt() {
      const row = last.get() as { received_at: string; receipt: string } | undefined;
      return row ? { receivedAt: row.received_at, receipt: Receipt.parse(JSON.parse(row.receipt)) } : undefined;
    },
    acknowledgedHeads(serverId) {
      const heads = new Map<string, { seq: number; hash: string }>();
      // One row per stream (per server): the later over the earlier, as the receipts were kept.
      const rows = (serverId === undefined ? acknowledgedByAny.all() : acknowledgedBy.all(serverId)) as { stream: string; seq: number; hash: string }[];
      for (const row of rows) heads.set(row.stream, { seq: row.seq, hash: row.hash });
      return heads;
    },
    receiptCount: () => count.get() as number,
  };
};
