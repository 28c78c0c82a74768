// The records server's storage: registered devices, each device's own copy of the event log
// (never merged with another device's), and the server's identity. Two implementations with the
// same behaviour: SQLite (sqliteStorage.ts) and PostgreSQL (postgresStorage.ts).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { PackListing, StreamHead, WireEvent } from '../shared/sync/protocol';

export interface Device {
  id: string;
  name: string;
  /** SHA-256 of the device's key, lowercase hex. The key itself is never stored. */
  keyHash: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The server's own identity: its id and the Ed25519 key pair that signs receipts. */
export interface ServerIdentity {
  serverId: string;
  /** SPKI DER, base64. */
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
}

export interface AppendOutcome {
  accepted: number;
  duplicates: number;
}

/** One device's copy of one stream, for the overview and `verify`. */
export interface StreamSummary {
  device: string;
  deviceName: string;
  stream: string;
  events: number;
  head: StreamHead;
}

/** A meeting pack as the storage keeps it: the listing without the device's name. */
export type PackPublication = Omit<PackListing, 'deviceName'>;

/** A batch that no longer follows what is stored (another push got there first): nothing was stored. */
export class StorageConflict extends Error {
  constructor(
    message: string,
    readonly event: WireEvent,
    readonly kind: 'gap' | 'chain_broken',
  ) {
    super(message);
  }
}

/** The disk (or the database) is full: nothing was stored. */
export class StorageFull extends Error {}

export interface RecordsStorage {
  /** The server's identity, made on first use and kept. */
  identity(): Promise<ServerIdentity>;
  addDevice(device: Omit<Device, 'revokedAt'>): Promise<void>;
  /** Marks the device revoked; false when there is no such device (or it was already revoked). */
  revokeDevice(id: string, at: string): Promise<boolean>;
  devices(): Promise<Device[]>;
  deviceByKeyHash(keyHash: string): Promise<Device | undefined>;
  /** The last seq and hash held for each of the device's streams. */
  heads(device: string): Promise<Record<string, StreamHead>>;
  /**
   * Stores a verified batch, all or nothing. An event whose id this device's log already holds
   * with the same hash is a duplicate and stores nothing; otherwise each event must follow the
   * stored head of its stream (seq one more, prevHash its hash), or StorageConflict is thrown.
   */
  append(device: string, events: readonly WireEvent[], receivedAt: string): Promise<AppendOutcome>;
  /** The device's events of one stream in order, after `afterSeq`, at most `limit`. */
  events(device: string, stream: string, afterSeq?: number, limit?: number): Promise<WireEvent[]>;
  /** Every device's streams with their counts and heads. */
  summary(): Promise<StreamSummary[]>;
  /** Keeps a meeting pack's publication (every one is kept; a meeting's latest is its pack). */
  publishPack(pack: PackPublication): Promise<void>;
  /** Each meeting's latest publication, newest meeting date first. */
  packs(): Promise<PackListing[]>;
  close(): Promise<void>;

  // ---- Resolutions of conflicts between devices' copies (server/conflictResolutions.ts) ----
  // The server's own hash-chained stream per meeting, `resolutions:<meetingId>`, apart from every
  // device's log: the records officer's decisions, never the laptops' events.
  /** The resolutions recorded for a meeting, in order. */
  resolutions(meetingId: string): Promise<WireEvent[]>;
  /**
   * Stores one resolution event, which must follow the stream's head (seq one more, prevHash its
   * hash), or StorageConflict is thrown and nothing is stored; the same event again is a duplicate.
   */
  appendResolution(event: WireEvent, recordedAt: string): Promise<AppendOutcome>;
}

export const newIdentity = (): ServerIdentity => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    serverId: randomUUID(),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
};

export const GENESIS_HEAD: StreamHead = { seq: 0, hash: '0'.repeat(64) };

/** The meeting id of a `meeting:<id>` stream, or null. */
export const meetingIdOf = (stream: string): string | null => (stream.startsWith('meeting:') ? stream.slice(8) : null);

/**
 * Walks a batch against the stored heads: which events are duplicates (already held with the same
 * hash) and which are new; throws StorageConflict when a new event does not follow. Used by both
 * implementations inside their transaction.
 */
export const planAppend = (
  events: readonly WireEvent[],
  stored: (stream: string) => StreamHead,
  storedHashOf: (id: string) => string | undefined,
): { fresh: WireEvent[]; duplicates: number } => {
  const heads = new Map<string, StreamHead>();
  const fresh: WireEvent[] = [];
  let duplicates = 0;
  for (const e of events) {
    const held = storedHashOf(e.id);
    if (held !== undefined) {
      if (held !== e.hash) throw new StorageConflict(`event ${e.id} is already held with another hash`, e, 'chain_broken');
      duplicates += 1;
      continue;
    }
    const head = heads.get(e.stream) ?? stored(e.stream);
    if (e.seq !== head.seq + 1)
      throw new StorageConflict(`event ${e.seq} of ${e.stream} does not follow the ${head.seq} events held`, e, e.seq > head.seq + 1 ? 'gap' : 'chain_broken');
    if (e.prevHash !== head.hash) throw new StorageConflict(`event ${e.seq} of ${e.stream} does not chain to the event held before it`, e, 'chain_broken');
    heads.set(e.stream, { seq: e.seq, hash: e.hash });
    fresh.push(e);
  }
  return { fresh, duplicates };
};

// ---- Resolutions of conflicts between devices' copies ----

/** The server's stream of resolutions for one meeting. */
export const resolutionsStream = (meetingId: string): string => `resolutions:${meetingId}`;

/** The meeting id of a `resolutions:<id>` stream; throws for any other stream (only resolutions are kept there). */
export const resolvedMeetingOf = (stream: string): string => {
  if (!stream.startsWith('resolutions:')) throw new Error(`${stream} is not a stream of resolutions`);
  return stream.slice('resolutions:'.length);
};
