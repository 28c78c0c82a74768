// The records server in tests: a real meeting's events from the real Chamber core, device keys,
// and a server on loopback.
import type { WireEvent } from '../../shared/sync/protocol';
import { EVENT_FORMAT_VERSION, SYNC_PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { hashDeviceKey, newDeviceKey } from '../../server/deviceKeys';
import { randomUUID } from 'node:crypto';
import { openPostgresStorage } from '../../server/postgresStorage';
import type { RecordsStorage } from '../../server/storage';
import { openTestCore } from './meeting';

/** A real meeting: Kent County Council with `members` members, each with apologies expected at the meeting. */
export const recordedMeeting = (members = 5): { meetingId: string; body: WireEvent[]; meeting: WireEvent[] } => {
  const core = openTestCore();
  try {
    const { bodyId, meetingId } = core.kccMeeting();
    for (let i = 0; i < members; i += 1) {
      const { memberId } = core.send({
        type: 'member.add',
        bodyId,
        member: { title: 'Mr', initials: [], surname: `Member ${i + 1}`, honours: [], group: '', roles: [], voting: true },
      });
      core.send({ type: 'apologies.expect', meetingId, memberId, note: 'on council business' });
    }
    const read = (stream: string) => core.log.read(stream).map((e) => ({ ...e }) as unknown as WireEvent);
    return { meetingId, body: read(`body:${bodyId}`), meeting: read(`meeting:${meetingId}`) };
  } finally {
    core.dispose();
  }
};

export const registerDevice = async (storage: RecordsStorage, name: string): Promise<{ id: string; key: string }> => {
  const key = newDeviceKey();
  const id = crypto.randomUUID();
  await storage.addDevice({ id, name, keyHash: hashDeviceKey(key), createdAt: new Date().toISOString() });
  return { id, key };
};

export const pushBody = (events: readonly WireEvent[]) => ({ protocol: SYNC_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT_VERSION, events });

export const client = (base: string, key: string) => ({
  get: (path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } }),
  push: (body: unknown) =>
    fetch(`${base}/sync/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
});

/** The records server's PostgreSQL storage in a schema of its own, and how to drop it afterwards. */
export const postgresTestStorage = async (connectionString: string, prefix = 'records_test'): Promise<{ storage: RecordsStorage; done: () => Promise<void> }> => {
  const schema = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  const storage = await openPostgresStorage({ connectionString, schema });
  return {
    storage,
    done: async () => {
      await storage.close();
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
};
