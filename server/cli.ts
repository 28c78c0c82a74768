// The records server's command line (docs/sync.md):
//   npm run server -- --port 8443 --host 127.0.0.1 --data-dir DIR [--database postgres://…] [--cert C --key K] [--admin-token T]
//   npm run server -- add-device "Clerk laptop 2" --data-dir DIR     prints the device's key once
//   npm run server -- revoke-device ID --data-dir DIR
//   npm run server -- list-devices --data-dir DIR
//   npm run server -- verify MEETING_ID --data-dir DIR                exit 0 when every copy verifies, 1 otherwise (says if conflicts are open)
//   npm run server -- conflicts MEETING_ID --data-dir DIR             the copies' conflicts, open and resolved; exit 0 when none is open, 1 otherwise
//   npm run server -- resolve MEETING_ID KEY (--keep DEVICE_ID | --agreed "…") --by "Name" --reason "…" --data-dir DIR
//                                                                     records the resolution as an event (conflict.resolved); exit 0, or 2 if refused
//   npm run server -- publish MEETING_ID --device DEVICE_ID --data-dir DIR   publishes that device's copy as the meeting's pack
//   npm run server -- packs --data-dir DIR                            lists the published meeting packs
// Every command takes --database postgres://… instead of --data-dir. Exit 2: the command could not be run as given.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkStream } from './chain';
import { publishPack } from './meetingPacks';
import { meetingConflicts, recordResolution, ResolutionRefused, resolutionWords, type MeetingConflicts } from './conflictResolutions';
import { hashDeviceKey, newDeviceKey } from './deviceKeys';
import { openPostgresStorage } from './postgresStorage';
import { openSqliteStorage } from './sqliteStorage';
import type { RecordsStorage } from './storage';
import { createSyncServer } from './syncServer';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8443' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    database: { type: 'string', default: process.env.CHAMBER_SERVER_DATABASE },
    cert: { type: 'string' },
    key: { type: 'string' },
    'admin-token': { type: 'string', default: process.env.CHAMBER_SERVER_ADMIN_TOKEN },
    device: { type: 'string' },
    keep: { type: 'string' },
    agreed: { type: 'string' },
    by: { type: 'string' },
    reason: { type: 'string' },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const openStorage = async (): Promise<RecordsStorage> => {
  if (values.database) return openPostgresStorage({ connectionString: values.database });
  const dir = values['data-dir'] ?? fail('Give the data folder: --data-dir DIR (or a PostgreSQL database: --database postgres://…).');
  mkdirSync(dir, { recursive: true });
  return openSqliteStorage(dir);
};

const serve = async (storage: RecordsStorage): Promise<void> => {
  if (Boolean(values.cert) !== Boolean(values.key)) fail('Give both --cert and --key for HTTPS, or neither.');
  const https = values.cert && values.key ? { cert: readFileSync(values.cert), key: readFileSync(values.key) } : undefined;
  const app = await createSyncServer({ storage, https, adminToken: values['admin-token'] });
  await app.listen({ port: Number(values.port), host: values.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  const identity = await storage.identity();
  console.log(`Chamber records server ${identity.serverId} listening on ${https ? 'https' : 'http'}://${values.host}:${port}`);
  console.log(`Its public key (check receipts against it): ${identity.publicKey}`);
  const stop = () => void app.close().then(() => storage.close()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

const verifyMeeting = async (storage: RecordsStorage, meetingId: string): Promise<number> => {
  const stream = `meeting:${meetingId}`;
  const copies = (await storage.summary()).filter((s) => s.stream === stream);
  if (copies.length === 0) {
    console.log(`No device has sent meeting ${meetingId}.`);
    return 1;
  }
  let ok = true;
  for (const copy of copies) {
    const fault = checkStream(await storage.events(copy.device, stream));
    ok &&= !fault;
    console.log(`${copy.deviceName} (${copy.device}): ${copy.events} events, ${fault ? `does not verify: ${fault.message}` : `verifies (head ${copy.head.seq}, ${copy.head.hash})`}`);
  }
  const found = await meetingConflicts(storage, meetingId);
  if (found && found.resolutions.length > 0) {
    const fault = checkStream(found.resolutions);
    ok &&= !fault;
    console.log(`Resolutions (kept by this server): ${found.resolutions.length} events, ${fault ? `do not verify: ${fault.message}` : 'verify'}`);
  }
  const open = found?.conflicts.filter((c) => c.open).length ?? 0;
  if (open > 0) console.log(`${open === 1 ? '1 conflict' : `${open} conflicts`} between the copies ${open === 1 ? 'is' : 'are'} open: see them with: conflicts ${meetingId}`);
  return ok ? 0 : 1;
};

const noMeeting = (meetingId: string): never => fail(`No device has sent meeting ${meetingId}. Check the meeting id (the overview page lists the meetings received).`);

const printConflicts = ({ comparison, conflicts }: MeetingConflicts): number => {
  const { meetingId, copies } = comparison;
  console.log(`Meeting ${meetingId}: ${copies.map((c) => `${c.deviceName} (${c.device}), ${c.events} events`).join('; ')}.`);
  if (copies.length < 2) {
    console.log('Only one device has sent this meeting: there is nothing to compare it with.');
    return 0;
  }
  const open = conflicts.filter((c) => c.open);
  console.log(`${conflicts.length === 0 ? 'No conflicts' : `${open.length} open, ${conflicts.length - open.length} resolved`} between the copies.`);
  for (const c of conflicts) {
    console.log('');
    console.log(`${c.open ? 'OPEN' : 'RESOLVED'}  ${c.key}`);
    console.log(`  ${c.words}`);
    for (const v of c.values) console.log(`    ${v.deviceName} (${v.device}): ${v.value}`);
    if (c.resolution) console.log(`  Resolved: ${resolutionWords(c.resolution)}`);
    if (c.outdated) console.log(`  Resolved earlier (${resolutionWords(c.outdated)}), but the copies have changed since: resolve it again.`);
  }
  if (comparison.notRecorded.length > 0) {
    console.log('');
    console.log('Recorded by some copies only (not conflicts):');
    for (const n of comparison.notRecorded) console.log(`  ${n.key}  ${n.words}`);
  }
  return open.length === 0 ? 0 : 1;
};

const resolve = async (storage: RecordsStorage, meetingId: string, key: string): Promise<number> => {
  try {
    const before = (await meetingConflicts(storage, meetingId))?.conflicts.find((c) => c.key === key)?.resolution;
    const event = await recordResolution(storage, meetingId, { key, keep: values.keep, agreed: values.agreed, by: values.by, reason: values.reason });
    console.log(`Recorded: ${key} resolved (event ${event.seq} of ${event.stream}, hash ${event.hash}).`);
    if (before) console.log(`It replaces the resolution recorded before (${resolutionWords(before)}), which stays on the record.`);
    const found = await meetingConflicts(storage, meetingId);
    const open = found?.conflicts.filter((c) => c.open).length ?? 0;
    console.log(open === 0 ? 'No conflicts are open for this meeting now.' : `${open} still open: see them with: conflicts ${meetingId}`);
    return 0;
  } catch (error) {
    if (error instanceof ResolutionRefused) {
      console.error(`Not recorded: ${error.message}`);
      return 2;
    }
    throw error;
  }
};

const main = async (): Promise<void> => {
  const [command, argument] = positionals;
  const storage = await openStorage();
  if (command === undefined || command === 'serve') return serve(storage);
  let code = 0;
  if (command === 'add-device') {
    const name = argument ?? fail('Give the device a name: add-device "Clerk laptop 2".');
    const key = newDeviceKey();
    const id = randomUUID();
    await storage.addDevice({ id, name, keyHash: hashDeviceKey(key), createdAt: new Date().toISOString() });
    console.log(`Device "${name}" registered as ${id}.`);
    console.log(`Its key (shown this once; enter it on the laptop, it is not stored here): ${key}`);
  } else if (command === 'revoke-device') {
    const id = argument ?? fail('Give the device id: revoke-device ID (see list-devices).');
    code = (await storage.revokeDevice(id, new Date().toISOString())) ? 0 : 1;
    console.log(code === 0 ? `Device ${id} revoked: its key no longer works.` : `No device ${id} that is not already revoked.`);
  } else if (command === 'list-devices') {
    for (const d of await storage.devices()) console.log(`${d.id}  ${d.name}  added ${d.createdAt}${d.revokedAt ? `  revoked ${d.revokedAt}` : ''}`);
  } else if (command === 'verify') {
    code = await verifyMeeting(storage, argument ?? fail('Give the meeting id: verify MEETING_ID.'));
  } else if (command === 'publish') {
    const meetingId = argument ?? fail('Give the meeting id: publish MEETING_ID --device DEVICE_ID.');
    const deviceId = values.device ?? fail('Say whose copy to publish: --device DEVICE_ID (the office copy of Chamber that pushed it; see list-devices).');
    const device = (await storage.devices()).find((d) => d.id === deviceId) ?? fail(`No device ${deviceId}: see list-devices.`);
    const outcome = await publishPack(storage, device, meetingId, new Date().toISOString());
    code = 'code' in outcome ? 1 : 0;
    console.log('code' in outcome ? outcome.message : `Published "${outcome.title}" (${outcome.body}, ${outcome.date}) from ${device.name}: ${outcome.heads.body.seq} body events, ${outcome.heads.meeting.seq} meeting events.`);
  } else if (command === 'packs') {
    for (const p of await storage.packs()) console.log(`${p.meetingId}  ${p.date}  ${p.body}: ${p.title}  from ${p.deviceName}, published ${p.publishedAt}`);
  } else if (command === 'conflicts') {
    const meetingId = argument ?? fail('Give the meeting id: conflicts MEETING_ID.');
    code = printConflicts((await meetingConflicts(storage, meetingId)) ?? noMeeting(meetingId));
  } else if (command === 'resolve') {
    const meetingId = argument ?? fail('Give the meeting id and the conflict\'s key: resolve MEETING_ID KEY --keep DEVICE_ID --by "Name" --reason "…".');
    code = await resolve(storage, meetingId, positionals[2] ?? fail(`Give the conflict's key after the meeting id (see: conflicts ${meetingId}).`));
  } else {
    fail(`Unknown command "${command}": use add-device, revoke-device, list-devices, verify, conflicts, resolve, publish, packs, or no command to serve.`);
  }
  await storage.close();
  process.exit(code);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
