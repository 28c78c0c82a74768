// The records server's sync protocol, version 1: the shapes both sides speak (docs/sync.md). The
// laptop pushes its events in bounded batches, exactly as recorded (the hash chain is the proof);
// the server re-verifies each stream's chain as it stores it, stores an event once whatever the
// number of times it is sent, and answers each accepted batch with a receipt: the stream heads it
// now holds for that device, signed with its own Ed25519 key. Pure: no Node, no DOM.
import { z } from 'zod';

/** The protocol's version: a laptop and a server that differ say so, in words, and stop. */
export const SYNC_PROTOCOL_VERSION = 1;
/** The event format's version (docs/record-format.md): how events are hashed and what they hold. */
export const EVENT_FORMAT_VERSION = 1;

/** At most this many events in one push; a large meeting goes up in several. */
export const MAX_BATCH_EVENTS = 1_000;
/** At most this many bytes in one push's body. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

const Hash = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hexadecimal characters' });
const StreamName = z.string().regex(/^(meeting|body):[0-9a-f-]{36}$|^settings:installation$/, { error: 'must be a stream such as meeting:<uuid>' });

/** An event as stored and sent: every field the hash covers, and the hashes. */
export const WireEvent = z.strictObject({
  id: z.uuid(),
  stream: StreamName,
  seq: z.int().min(1),
  at: z.iso.datetime(),
  deviceId: z.uuid(),
  type: z.string().min(1).max(100),
  payload: z.record(z.string(), z.unknown()),
  prevHash: Hash,
  hash: Hash,
});
export type WireEvent = z.infer<typeof WireEvent>;

export const PushRequest = z.strictObject({
  protocol: z.int(),
  eventFormat: z.int(),
  /** Events in stream order: within each stream, each seq one more than the last (after what the server holds). */
  events: z.array(WireEvent).min(1).max(MAX_BATCH_EVENTS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const StreamHead = z.strictObject({ seq: z.int().min(0), hash: Hash });
export type StreamHead = z.infer<typeof StreamHead>;

/** What the server holds, signed: the laptop keeps every receipt, so either side can prove what was acknowledged. */
export const Receipt = z.strictObject({
  serverId: z.string(),
  /** The server's Ed25519 public key, SPKI DER, base64. */
  publicKey: z.string(),
  /** The device the receipt is for (the server's id of the registered device). */
  device: z.string(),
  issuedAt: z.iso.datetime(),
  /** The heads the server holds for the streams of this push, after it. */
  heads: z.record(StreamName, StreamHead),
  accepted: z.int().min(0),
  duplicates: z.int().min(0),
  /** Ed25519 signature, base64, over the UTF-8 bytes of JCS(the receipt without `signature`). */
  signature: z.string(),
});
export type Receipt = z.infer<typeof Receipt>;

export const StatusResponse = z.strictObject({
  protocol: z.int(),
  eventFormat: z.int(),
  serverId: z.string(),
  publicKey: z.string(),
  device: z.string(),
  /** The heads the server holds for this device, by stream. */
  heads: z.record(StreamName, StreamHead),
});
export type StatusResponse = z.infer<typeof StatusResponse>;

/** A refusal: a code a program can act on, and a sentence for the clerk. */
export const SyncError = z.strictObject({
  error: z.strictObject({
    code: z.enum(['unauthorised', 'version_mismatch', 'bad_request', 'too_large', 'chain_broken', 'gap', 'storage_full', 'unavailable', 'not_found', 'refused']),
    message: z.string(),
    /** For chain_broken and gap: the event refused. */
    stream: z.string().optional(),
    seq: z.int().optional(),
    eventId: z.string().optional(),
  }),
});
export type SyncError = z.infer<typeof SyncError>;

/**
 * A meeting pack the records office published: a prepared meeting (its body, standing orders,
 * members and agenda) as one device (the office's copy of Chamber) pushed it, up to these heads.
 * A laptop takes the events exactly as recorded, so its own record continues the office's chains.
 */
export const PackListing = z.strictObject({
  meetingId: z.uuid(),
  bodyId: z.uuid(),
  /** The body's name, the meeting's title and date, as published. */
  body: z.string(),
  title: z.string(),
  date: z.string(),
  publishedAt: z.iso.datetime(),
  /** The server's id and name of the device whose copy was published. */
  device: z.string(),
  deviceName: z.string(),
  heads: z.strictObject({ body: StreamHead, meeting: StreamHead }),
});
export type PackListing = z.infer<typeof PackListing>;

export const PacksResponse = z.strictObject({ packs: z.array(PackListing) });
export type PacksResponse = z.infer<typeof PacksResponse>;

/** A pack's events: the body's and the meeting's streams, from the first event to the published heads. */
export const PackResponse = z.strictObject({ pack: PackListing, body: z.array(WireEvent), meeting: z.array(WireEvent) });
export type PackResponse = z.infer<typeof PackResponse>;

/** Publish the meeting as this device has pushed it. */
export const PublishPackRequest = z.strictObject({ protocol: z.int(), meetingId: z.uuid() });
export type PublishPackRequest = z.infer<typeof PublishPackRequest>;

/** A pack is a prepared meeting: at most this many events in either of its streams. */
export const MAX_PACK_EVENTS = 20_000;

/** The routes, under the server's address. */
export const SYNC_ROUTES = {
  status: '/sync/v1/status',
  push: '/sync/v1/push',
  streamEvents: '/sync/v1/streams/:stream/events',
  packs: '/sync/v1/packs',
  pack: '/sync/v1/packs/:meetingId',
} as const;
