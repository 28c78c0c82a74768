// The records server's HTTP side (docs/sync.md): laptops push their events in batches, the server
// re-verifies every hash and chain before storing anything, and answers with a signed receipt.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  EVENT_FORMAT_VERSION,
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  PublishPackRequest,
  PushRequest,
  SYNC_PROTOCOL_VERSION,
  SYNC_ROUTES,
  type StatusResponse,
  type SyncError,
  type WireEvent,
} from '../shared/sync/protocol';
import { packWithEvents, publishPack } from './meetingPacks';
import { checkPush } from './pushCheck';
import { bearerKey, hashDeviceKey, sameHash } from './deviceKeys';
import { registerOverview } from './overviewPage';
import { signReceipt } from './receipts';
import { StorageConflict, StorageFull, type Device, type RecordsStorage } from './storage';

export interface SyncServerOptions {
  storage: RecordsStorage;
  /** Serve HTTPS with this certificate. */
  https?: { cert: Buffer; key: Buffer };
  /** The overview page at / asks for this token (HTTP Basic, any user name); without one the page shows nothing. */
  adminToken?: string;
  logger?: boolean;
}

type Code = SyncError['error']['code'];
const STATUS: Record<Code, number> = {
  unauthorised: 401,
  version_mismatch: 426,
  bad_request: 400,
  too_large: 413,
  chain_broken: 409,
  gap: 409,
  storage_full: 507,
  unavailable: 503,
  not_found: 404,
  refused: 409,
};

export const refusal = (code: Code, message: string, event?: WireEvent): SyncError => ({
  error: { code, message, ...(event ? { stream: event.stream, seq: event.seq, eventId: event.id } : {}) },
});

const send = (reply: FastifyReply, body: SyncError) => reply.code(STATUS[body.error.code]).send(body);

const versionsOf = (body: unknown): { protocol?: unknown; eventFormat?: unknown } =>
  typeof body === 'object' && body !== null ? (body as { protocol?: unknown; eventFormat?: unknown }) : {};

const mismatch = (body: unknown): string | undefined => {
  const { protocol, eventFormat } = versionsOf(body);
  if (protocol !== undefined && protocol !== SYNC_PROTOCOL_VERSION)
    return `This laptop speaks sync protocol version ${String(protocol)}; this records server speaks version ${SYNC_PROTOCOL_VERSION}. Update whichever is older.`;
  if (eventFormat !== undefined && eventFormat !== EVENT_FORMAT_VERSION)
    return `This laptop records events in format version ${String(eventFormat)}; this records server accepts format version ${EVENT_FORMAT_VERSION}. Update whichever is older.`;
  return undefined;
};

const StreamParam = z.strictObject({ stream: z.string() });
const MeetingParam = z.strictObject({ meetingId: z.uuid() });
const EventsQuery = z.object({ after: z.coerce.number().int().min(0).optional() });

export const createSyncServer = async (options: SyncServerOptions): Promise<FastifyInstance> => {
  const { storage } = options;
  const identity = await storage.identity();
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_BATCH_BYTES, ...(options.https ? { https: options.https } : {}) });
  const devices = new WeakMap<FastifyRequest, Device>();
  const deviceOf = (request: FastifyRequest): Device => devices.get(request)!;

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return send(reply, refusal('too_large', `A push may be at most ${MAX_BATCH_BYTES} bytes; send fewer events at a time (at most ${MAX_BATCH_EVENTS}).`));
    if (error.statusCode !== undefined && error.statusCode < 500) return send(reply, refusal('bad_request', `The request could not be read: ${error.message}`));
    if (error instanceof StorageFull) return send(reply, refusal('storage_full', `${error.message} Nothing from this push was stored; try again once space is freed.`));
    app.log.error(error);
    return send(reply, refusal('unavailable', 'The records server could not store this push just now; nothing from it was stored. Try again shortly.'));
  });

  // Who is asking, before anything else is read.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/sync/')) return;
    const key = bearerKey(request.headers.authorization);
    const device = key ? await storage.deviceByKeyHash(hashDeviceKey(key)) : undefined;
    if (!key || !device || !sameHash(device.keyHash, hashDeviceKey(key)))
      return send(reply, refusal('unauthorised', 'The records server does not recognise this device’s key. Ask the records officer to register the laptop and enter the key it is given.'));
    if (device.revokedAt)
      return send(reply, refusal('unauthorised', `This device ("${device.name}") was revoked on ${device.revokedAt} and may no longer send records. Ask the records officer for a new key.`));
    devices.set(request, device);
  });

  app.get(SYNC_ROUTES.status, async (request): Promise<StatusResponse> => {
    const device = deviceOf(request);
    return {
      protocol: SYNC_PROTOCOL_VERSION,
      eventFormat: EVENT_FORMAT_VERSION,
      serverId: identity.serverId,
      publicKey: identity.publicKey,
      device: device.id,
      heads: await storage.heads(device.id),
    };
  });

  app.post(SYNC_ROUTES.push, async (request, reply) => {
    const device = deviceOf(request);
    const wrongVersion = mismatch(request.body);
    if (wrongVersion) return send(reply, refusal('version_mismatch', wrongVersion));
    const parsed = PushRequest.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return send(reply, refusal('bad_request', `The push is not in the protocol's shape: ${issue.path.join('.') || 'the body'} ${issue.message}.`));
    }
    const { events } = parsed.data;
    const fault = await checkPush(storage, device.id, events);
    if (fault) return send(reply, refusal(fault.kind, `Nothing from this push was stored: ${fault.message}`, fault.event));
    let outcome;
    try {
      outcome = await storage.append(device.id, events, new Date().toISOString());
    } catch (error) {
      if (error instanceof StorageConflict)
        return send(reply, refusal(error.kind, `Nothing from this push was stored: ${error.message} (another push from this device got there first; ask for the status and continue from it).`, error.event));
      throw error;
    }
    const held = await storage.heads(device.id);
    const streams = new Set(events.map((e) => e.stream));
    const heads = Object.fromEntries(Object.entries(held).filter(([stream]) => streams.has(stream)));
    return { receipt: signReceipt(identity, { device: device.id, issuedAt: new Date().toISOString(), heads, ...outcome }) };
  });

  app.get(SYNC_ROUTES.streamEvents, async (request, reply) => {
    const params = StreamParam.safeParse(request.params);
    const query = EventsQuery.safeParse(request.query);
    if (!params.success || !query.success) return send(reply, refusal('bad_request', 'Ask for a stream such as meeting:<id>, and optionally ?after=<seq>.'));
    return { events: await storage.events(deviceOf(request).id, params.data.stream, query.data.after ?? 0) };
  });

  // Meeting packs: the office publishes a meeting it has pushed; any registered laptop takes it.
  app.post(SYNC_ROUTES.packs, async (request, reply) => {
    const wrongVersion = mismatch(request.body);
    if (wrongVersion) return send(reply, refusal('version_mismatch', wrongVersion));
    const parsed = PublishPackRequest.safeParse(request.body);
    if (!parsed.success) return send(reply, refusal('bad_request', 'Say which meeting to publish: { "protocol": 1, "meetingId": "<uuid>" }.'));
    const outcome = await publishPack(storage, deviceOf(request), parsed.data.meetingId, new Date().toISOString());
    if ('code' in outcome) return send(reply, refusal(outcome.code, outcome.message));
    return { pack: { ...outcome, deviceName: deviceOf(request).name } };
  });

  app.get(SYNC_ROUTES.packs, async () => ({ packs: await storage.packs() }));

  app.get(SYNC_ROUTES.pack, async (request, reply) => {
    const params = MeetingParam.safeParse(request.params);
    if (!params.success) return send(reply, refusal('bad_request', 'Ask for a meeting pack by its meeting id: /sync/v1/packs/<uuid>.'));
    const found = await packWithEvents(storage, params.data.meetingId);
    if (!found) return send(reply, refusal('not_found', `The records office has not published a pack for meeting ${params.data.meetingId}.`));
    return found;
  });

  registerOverview(app, storage, options.adminToken);
  return app;
};
