// A records server for tests, in process on loopback, speaking shared/sync/protocol.ts faithfully:
// the device key as a bearer token, each stream's chain re-verified with hashEvent as it is
// stored, an event stored once however often it is sent (by id), receipts signed with a real
// Ed25519 key over JCS of the receipt without its signature. It can be told to fail: answer 500
// (before or after storing a batch), drop the connection, go down and come back on the same port,
// speak another protocol version, or tamper with its receipts. The real server replaces it in a
// few tests after the merge.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GENESIS_HASH } from '../../shared/canonicalJson';
import { EVENT_FORMAT_VERSION, MAX_BATCH_BYTES, PushRequest, type Receipt, SYNC_PROTOCOL_VERSION, type SyncError, type WireEvent } from '../../shared/sync/protocol';
import { hashEvent } from '../../electron/core/store/eventLog';
import { receiptSigningBytes } from '../../electron/core/sync/receiptSignature';

export type Failure =
  /** Answer 500 without storing the batch. */
  | '500-before-storing'
  /** Store the batch, then answer 500 (the laptop never gets the receipt). */
  | '500-after-storing'
  /** Store the batch, then drop the connection without an answer. */
  | 'drop-after-storing'
  /** Drop the connection before reading the batch. */
  | 'drop-before-storing'
  /** Answer with a receipt whose heads were changed after signing. */
  | 'tamper-receipt';

export interface FakeRecordsServer {
  url: string;
  serverId: string;
  /** The device key it accepts, and the device id it gives that key. */
  deviceKey: string;
  /** Every event it holds for the device, by stream, in order. */
  stored(stream: string): WireEvent[];
  storedCount(): number;
  /** How many push requests it has answered (or failed), and how many events they carried. */
  pushes: { requests: number; events: number };
  /** Fail the n-th push from now (1 = the next one) in this way. */
  failPush(failure: Failure, nth?: number): void;
  /** Wait this long before answering each push (so a screen can be seen mid-push). */
  slowPushes(ms: number): void;
  /** Speak another protocol version from now on. */
  speakProtocol(version: number): void;
  /** Answer with a Date header this far from the real time (so the laptop's clock looks that far off). */
  offsetClock(ms: number): void;
  /** Stop listening (connections refused), then listen again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Change what it holds behind the laptop's back (for "check the server's copy"). */
  corrupt(stream: string, seq: number): void;
  close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

const refuse = (response: ServerResponse, status: number, code: SyncError['error']['code'], message: string, extra: Partial<SyncError['error']> = {}) =>
  json(response, status, { error: { code, message, ...extra } } satisfies SyncError);

const readBody = (request: IncomingMessage, limit: number): Promise<string | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

export const startFakeRecordsServer = async (options: { deviceKey?: string; port?: number } = {}): Promise<FakeRecordsServer> => {
  const deviceKey = options.deviceKey ?? 'device-key-for-the-test-laptop-0123456789';
  const device = 'laptop-1';
  const serverId = 'records-test';
  const keys: { publicKey: KeyObject; privateKey: KeyObject } = generateKeyPairSync('ed25519');
  const publicKey = keys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const streams = new Map<string, WireEvent[]>();
  const ids = new Map<string, WireEvent>();
  const failures = new Map<number, Failure>();
  let protocol = SYNC_PROTOCOL_VERSION;
  let pushDelayMs = 0;
  let clockOffsetMs = 0;
  const pushes = { requests: 0, events: 0 };

  const headsOf = (names: Iterable<string>) =>
    Object.fromEntries([...names].map((name) => {
      const events = streams.get(name) ?? [];
      const last = events[events.length - 1];
      return [name, last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH }];
    }));

  const signed = (receipt: Omit<Receipt, 'signature'>): Receipt => ({ ...receipt, signature: sign(null, receiptSigningBytes(receipt), keys.privateKey).toString('base64') });

  /** Check and store a batch; a refusal in the protocol's words, or the counts. */
  const store = (events: WireEvent[]): { accepted: number; duplicates: number } | { status: number; code: SyncError['error']['code']; message: string; event?: WireEvent } => {
    // Check the whole batch before storing any of it: all or nothing.
    const pending = new Map<string, { seq: number; hash: string }>();
    const fresh: WireEvent[] = [];
    let duplicates = 0;
    for (const event of events) {
      const known = ids.get(event.id);
      if (known) {
        if (known.hash !== event.hash || known.stream !== event.stream || known.seq !== event.seq) return { status: 409, code: 'chain_broken', message: `Event ${event.id} was stored before with different contents.`, event };
        duplicates += 1;
        continue;
      }
      const held = streams.get(event.stream) ?? [];
      const head = pending.get(event.stream) ?? (held.length ? { seq: held[held.length - 1].seq, hash: held[held.length - 1].hash } : { seq: 0, hash: GENESIS_HASH });
      if (event.seq !== head.seq + 1) return { status: 409, code: 'gap', message: `Event ${event.seq} of ${event.stream} does not follow ${head.seq}.`, event };
      if (event.prevHash !== head.hash || hashEvent(event.prevHash, event as unknown as Parameters<typeof hashEvent>[1]) !== event.hash) return { status: 409, code: 'chain_broken', message: `Event ${event.seq} of ${event.stream} does not follow from the one before.`, event };
      pending.set(event.stream, { seq: event.seq, hash: event.hash });
      fresh.push(event);
    }
    for (const event of fresh) {
      streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
      ids.set(event.id, event);
    }
    return { accepted: fresh.length, duplicates };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://records.invalid');
    if (clockOffsetMs !== 0) response.setHeader('date', new Date(Date.now() + clockOffsetMs).toUTCString());
    if (request.headers.authorization !== `Bearer ${deviceKey}`) return refuse(response, 401, 'unauthorised', 'This device key is not registered.');
    if (request.method === 'GET' && url.pathname === '/sync/v1/status') {
      return json(response, 200, { protocol, eventFormat: EVENT_FORMAT_VERSION, serverId, publicKey, device, heads: headsOf(streams.keys()) });
    }
    const streamPath = /^\/sync\/v1\/streams\/([^/]+)\/events$/.exec(url.pathname);
    if (request.method === 'GET' && streamPath) return json(response, 200, { events: streams.get(decodeURIComponent(streamPath[1])) ?? [] });
    if (request.method === 'POST' && url.pathname === '/sync/v1/push') {
      pushes.requests += 1;
      const failure = failures.get(pushes.requests);
      failures.delete(pushes.requests);
      if (failure === 'drop-before-storing') return request.socket.destroy();
      const text = await readBody(request, MAX_BATCH_BYTES);
      if (text === undefined) return refuse(response, 413, 'too_large', `A push may be at most ${MAX_BATCH_BYTES} bytes.`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return refuse(response, 400, 'bad_request', 'The body is not JSON.');
      }
      const parsed = PushRequest.safeParse(body);
      if (!parsed.success) return refuse(response, 400, 'bad_request', parsed.error.message.slice(0, 300));
      if (parsed.data.protocol !== protocol || protocol !== SYNC_PROTOCOL_VERSION) {
        return refuse(response, 426, 'version_mismatch', `This server speaks sync protocol ${protocol}.`);
      }
      pushes.events += parsed.data.events.length;
      if (pushDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, pushDelayMs));
      if (failure === '500-before-storing') return refuse(response, 500, 'unavailable', 'Something went wrong.');
      const outcome = store(parsed.data.events);
      if ('status' in outcome) return refuse(response, outcome.status, outcome.code, outcome.message, outcome.event ? { stream: outcome.event.stream, seq: outcome.event.seq, eventId: outcome.event.id } : {});
      if (failure === '500-after-storing') return refuse(response, 500, 'unavailable', 'Something went wrong after storing.');
      if (failure === 'drop-after-storing') return request.socket.destroy();
      const receipt = signed({
        serverId,
        publicKey,
        device,
        issuedAt: new Date().toISOString(),
        heads: headsOf(new Set(parsed.data.events.map((e) => e.stream))),
        accepted: outcome.accepted,
        duplicates: outcome.duplicates,
      });
      if (failure === 'tamper-receipt') {
        const [stream] = Object.keys(receipt.heads);
        receipt.heads[stream] = { ...receipt.heads[stream], seq: receipt.heads[stream].seq + 1 };
      }
      return json(response, 200, { receipt });
    }
    return refuse(response, 400, 'bad_request', `No such route: ${request.method} ${url.pathname}`);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => refuse(response, 500, 'unavailable', error.message));
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (port: number) => new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const port = await listen(options.port ?? 0);
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}`,
    serverId,
    deviceKey,
    stored: (stream) => [...(streams.get(stream) ?? [])],
    storedCount: () => [...streams.values()].reduce((sum, events) => sum + events.length, 0),
    pushes,
    failPush(failure, nth = 1) {
      failures.set(pushes.requests + nth, failure);
    },
    slowPushes(ms) {
      pushDelayMs = ms;
    },
    speakProtocol(version) {
      protocol = version;
    },
    offsetClock(ms) {
      clockOffsetMs = ms;
    },
    down: stop,
    async up() {
      await listen(port);
    },
    corrupt(stream, seq) {
      const events = streams.get(stream)!;
      events[seq - 1] = { ...events[seq - 1], payload: { ...events[seq - 1].payload, altered: true } };
    },
    close: stop,
  };
};
