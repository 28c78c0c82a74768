// The records server's storage in PostgreSQL: the same tables as SQLite, a transaction per batch,
// a lock per device while its batch is checked against the stored heads and written.
import pg from 'pg';
import type { StreamHead } from '../shared/sync/protocol';
import { GENESIS_HEAD, meetingIdOf, newIdentity, planAppend, StorageFull, type Device, type RecordsStorage, type ServerIdentity } from './storage';
import { eventOfRow, type EventRow } from '../electron/core/store/eventRows';
import { PACK_COLUMNS, PACKS_SCHEMA, packOfRow, RESOLUTIONS_TABLE, type PackRow } from './sharedTables';
import type { WireEvent } from '../shared/sync/protocol';
import { resolutionsStream, resolvedMeetingOf, type AppendOutcome } from './storage';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS server_identity (
  only_one INTEGER PRIMARY KEY CHECK (only_one = 1),
  server_id TEXT NOT NULL, public_key TEXT NOT NULL, private_key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS events (
  device TEXT NOT NULL REFERENCES devices(id),
  stream TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL,
  meeting_id TEXT, at TEXT NOT NULL, device_id TEXT NOT NULL, type TEXT NOT NULL,
  payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, received_at TEXT NOT NULL,
  PRIMARY KEY (device, stream, seq),
  UNIQUE (device, id)
);
`;


const DEVICE_COLUMNS = 'id, name, key_hash AS "keyHash", created_at AS "createdAt", revoked_at AS "revokedAt"';

const full = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === '53100') throw new StorageFull('The disk holding the records database is full.');
    throw error;
  }
};

export interface PostgresOptions {
  connectionString: string;
  /** A schema of its own (tests); created if missing. Letters, digits and underscores only. */
  schema?: string;
}

export const openPostgresStorage = async ({ connectionString, schema }: PostgresOptions): Promise<RecordsStorage> => {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`"${schema}" is not a schema name this server uses.`);
  if (schema) {
    const setup = new pg.Client({ connectionString });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({ connectionString, max: 8, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await pool.query(SCHEMA);
  await pool.query(PACKS_SCHEMA('BIGSERIAL PRIMARY KEY'));

  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const resolutions = await postgresResolutions(pool, transaction);
  return {
    identity: async () => {
      const select = 'SELECT server_id AS "serverId", public_key AS "publicKey", private_key AS "privateKey" FROM server_identity';
      const found = await pool.query<ServerIdentity>(select);
      if (found.rows[0]) return found.rows[0];
      const made = newIdentity();
      await full(() =>
        pool.query('INSERT INTO server_identity (only_one, server_id, public_key, private_key) VALUES (1, $1, $2, $3) ON CONFLICT DO NOTHING', [
          made.serverId,
          made.publicKey,
          made.privateKey,
        ]),
      );
      return (await pool.query<ServerIdentity>(select)).rows[0];
    },
    addDevice: async (d) =>
      void (await full(() => pool.query('INSERT INTO devices (id, name, key_hash, created_at) VALUES ($1, $2, $3, $4)', [d.id, d.name, d.keyHash, d.createdAt]))),
    revokeDevice: async (id, at) => ((await pool.query('UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount ?? 0) === 1,
    devices: async () => (await pool.query<Device>(`SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY created_at, id`)).rows,
    deviceByKeyHash: async (keyHash) => (await pool.query<Device>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE key_hash = $1`, [keyHash])).rows[0],
    heads: async (device) => {
      const rows = (
        await pool.query<{ stream: string } & StreamHead>('SELECT DISTINCT ON (stream) stream, seq, hash FROM events WHERE device = $1 ORDER BY stream, seq DESC', [device])
      ).rows;
      return Object.fromEntries(rows.map((r) => [r.stream, { seq: r.seq, hash: r.hash }]));
    },
    append: (device, events, receivedAt) =>
      full(() =>
        transaction(async (client) => {
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [device]);
          const streams = [...new Set(events.map((e) => e.stream))];
          const heads = await client.query<{ stream: string } & StreamHead>(
            'SELECT DISTINCT ON (stream) stream, seq, hash FROM events WHERE device = $1 AND stream = ANY($2) ORDER BY stream, seq DESC',
            [device, streams],
          );
          const held = await client.query<{ id: string; hash: string }>('SELECT id, hash FROM events WHERE device = $1 AND id = ANY($2)', [
            device,
            events.map((e) => e.id),
          ]);
          const headOf = new Map(heads.rows.map((r) => [r.stream, { seq: r.seq, hash: r.hash }]));
          const hashOf = new Map(held.rows.map((r) => [r.id, r.hash]));
          const { fresh, duplicates } = planAppend(events, (s) => headOf.get(s) ?? GENESIS_HEAD, (id) => hashOf.get(id));
          if (fresh.length > 0) {
            await client.query(
              `INSERT INTO events (device, stream, seq, id, meeting_id, at, device_id, type, payload, prev_hash, hash, received_at)
               SELECT $1::text, *, $12::text FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
               ON CONFLICT (device, id) DO NOTHING`,
              [
                device,
                fresh.map((e) => e.stream),
                fresh.map((e) => e.seq),
                fresh.map((e) => e.id),
                fresh.map((e) => meetingIdOf(e.stream)),
                fresh.map((e) => e.at),
                fresh.map((e) => e.deviceId),
                fresh.map((e) => e.type),
                fresh.map((e) => JSON.stringify(e.payload)),
                fresh.map((e) => e.prevHash),
                fresh.map((e) => e.hash),
                receivedAt,
              ],
            );
          }
          return { accepted: fresh.length, duplicates };
        }),
      ),
    events: async (device, stream, afterSeq = 0, limit) =>
      (
        await pool.query<EventRow>('SELECT * FROM events WHERE device = $1 AND stream = $2 AND seq > $3 ORDER BY seq LIMIT $4', [
          device,
          stream,
          afterSeq,
          limit ?? null,
        ])
      ).rows.map(eventOfRow),
    summary: async () => {
      const rows = await pool.query<{ device: string; deviceName: string; stream: string; events: number; seq: number; hash: string }>(
        `SELECT e.device, d.name AS "deviceName", e.stream, count(*)::int AS events, max(e.seq) AS seq,
                (SELECT hash FROM events h WHERE h.device = e.device AND h.stream = e.stream ORDER BY seq DESC LIMIT 1) AS hash
         FROM events e JOIN devices d ON d.id = e.device GROUP BY e.device, e.stream, d.name, d.created_at ORDER BY e.stream, d.created_at`,
      );
      return rows.rows.map(({ seq, hash, ...rest }) => ({ ...rest, head: { seq, hash } }));
    },
    publishPack: (p) =>
      full(async () => {
        await pool.query(
          `INSERT INTO packs (meeting_id, body_id, body, title, date, published_at, device, body_seq, body_hash, meeting_seq, meeting_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [p.meetingId, p.bodyId, p.body, p.title, p.date, p.publishedAt, p.device, p.heads.body.seq, p.heads.body.hash, p.heads.meeting.seq, p.heads.meeting.hash],
        );
      }),
    packs: async () => {
      const rows = await pool.query<PackRow>(
        `SELECT ${PACK_COLUMNS} FROM packs p JOIN devices d ON d.id = p.device
         WHERE p.id = (SELECT max(id) FROM packs l WHERE l.meeting_id = p.meeting_id) ORDER BY p.date DESC, p.title`,
      );
      return rows.rows.map(packOfRow);
    },
    close: () => pool.end(),
    ...resolutions,
  };
};

// ---- Resolutions of conflicts between devices' copies ----

const RESOLUTIONS_SCHEMA = `
${RESOLUTIONS_TABLE}`;

const postgresResolutions = async (
  pool: pg.Pool,
  transaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
): Promise<Pick<RecordsStorage, 'resolutions' | 'appendResolution'>> => {
  await pool.query(RESOLUTIONS_SCHEMA);
  return {
    resolutions: async (meetingId) =>
      (await pool.query<EventRow>('SELECT * FROM resolution_events WHERE stream = $1 ORDER BY seq', [resolutionsStream(meetingId)])).rows.map(eventOfRow),
    appendResolution: (event: WireEvent, recordedAt: string): Promise<AppendOutcome> =>
      full(() =>
        transaction(async (client) => {
          const meetingId = resolvedMeetingOf(event.stream);
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [event.stream]);
          const head = await client.query<StreamHead>('SELECT seq, hash FROM resolution_events WHERE stream = $1 ORDER BY seq DESC LIMIT 1', [event.stream]);
          const held = await client.query<{ hash: string }>('SELECT hash FROM resolution_events WHERE id = $1', [event.id]);
          const { fresh, duplicates } = planAppend([event], () => head.rows[0] ?? GENESIS_HEAD, () => held.rows[0]?.hash);
          for (const e of fresh)
            await client.query(
              `INSERT INTO resolution_events (stream, seq, id, meeting_id, at, device_id, type, payload, prev_hash, hash, recorded_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
              [e.stream, e.seq, e.id, meetingId, e.at, e.deviceId, e.type, JSON.stringify(e.payload), e.prevHash, e.hash, recordedAt],
            );
          return { accepted: fresh.length, duplicates };
        }),
      ),
  };
};
