// The records server over HTTP, as shared/sync/protocol.ts says: status, push, a stream's events.
// Every answer is checked against the protocol's shapes; every failure is a SyncFailure in words.
// Over node:http(s), so that a council's own certificate (or its authority's) can be trusted for
// this server only, beside the usual authorities; verification is never turned off. Each answer's
// Date header says what the server's clock reads, for the clerk to be told when the laptop's is off.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { z } from 'zod';
import {
  EVENT_FORMAT_VERSION,
  PackListing,
  PackResponse,
  PacksResponse,
  type PublishPackRequest,
  type PushRequest,
  Receipt,
  StatusResponse,
  SYNC_PROTOCOL_VERSION,
  SYNC_ROUTES,
  WireEvent,
} from '../../../shared/sync/protocol';
import { certificateNotTrusted, protocolMismatch, refusalInWords, SyncFailure, unreachable } from './syncErrors';

/** How long to wait for one answer before calling the server unreachable. */
const ANSWER_WITHIN_MS = 60_000;

const StreamEvents = z.object({ events: z.array(WireEvent) });

/** What the records server's clock read when it answered (its Date header), and this laptop's when the answer arrived. */
export interface ClockReading {
  serverMs: number;
  laptopMs: number;
}

export interface RecordsServer {
  status(): Promise<StatusResponse>;
  push(events: WireEvent[]): Promise<Receipt>;
  streamEvents(stream: string): Promise<WireEvent[]>;
  /** The meeting packs the records office published. */
  packs(): Promise<PackListing[]>;
  /** One pack with its events up to the published heads. */
  pack(meetingId: string): Promise<PackResponse>;
  /** Publish a meeting this device has pushed, as a pack (the office's copy). */
  publishPack(meetingId: string): Promise<PackListing>;
  /** The clocks at the last answer that carried a Date header. */
  lastClockReading?(): ClockReading | undefined;
}

export interface ConnectOptions {
  timeoutMs?: number;
  /** PEM: the records server's own certificate or its authority's, trusted for this server beside the usual authorities. */
  certificate?: string | null;
  /** This laptop's clock. */
  now?: () => Date;
}

interface Answer {
  status: number;
  date: string | undefined;
  text: string;
}

/** One request and its whole answer; rejects with the transport's error (a refused connection, a certificate not trusted, a timeout). */
const exchange = (url: URL, method: 'GET' | 'POST', headers: Record<string, string>, body: string | undefined, options: { timeoutMs: number; ca?: string[] }): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const bytes = body === undefined ? undefined : Buffer.from(body, 'utf8');
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method,
        headers: { ...headers, ...(bytes ? { 'content-length': String(bytes.length) } : {}) },
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.ca && url.protocol === 'https:' ? { ca: options.ca } : {}),
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('close', () => {
          if (!response.complete) reject(new Error('The answer was cut short.'));
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, date: response.headers.date, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(bytes);
  });

export const connectRecordsServer = (serverUrl: string, deviceKey: string, options: ConnectOptions = {}): RecordsServer => {
  const base = serverUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? ANSWER_WITHIN_MS;
  const ca = options.certificate ? [...rootCertificates, options.certificate] : undefined;
  const now = options.now ?? (() => new Date());
  let clock: ClockReading | undefined;
  const call = async <T>(path: string, shape: z.ZodType<T>, body?: string): Promise<T> => {
    let response: Answer;
    try {
      response = await exchange(
        new URL(`${base}${path}`),
        body === undefined ? 'GET' : 'POST',
        { authorization: `Bearer ${deviceKey}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body,
        { timeoutMs, ca },
      );
    } catch (error) {
      throw certificateNotTrusted(error, base) ?? unreachable(base);
    }
    const serverMs = response.date === undefined ? NaN : Date.parse(response.date);
    if (Number.isFinite(serverMs)) clock = { serverMs, laptopMs: now().getTime() };
    const { text } = response;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.status !== 200) throw refusalInWords(response.status, json, base);
    const parsed = shape.safeParse(json);
    if (!parsed.success) {
      throw new SyncFailure(`The records server at ${base} answered in a form this Chamber does not understand; is that the records server's address?`, 'bad_answer');
    }
    return parsed.data;
  };

  return {
    async status() {
      const status = await call(SYNC_ROUTES.status, StatusResponse);
      if (status.protocol !== SYNC_PROTOCOL_VERSION) throw protocolMismatch(status.protocol);
      if (status.eventFormat !== EVENT_FORMAT_VERSION) {
        throw new SyncFailure(`The records server stores events in format ${status.eventFormat}; this Chamber records format ${EVENT_FORMAT_VERSION}: update ${status.eventFormat > EVENT_FORMAT_VERSION ? 'Chamber' : 'the records server (tell the records office)'}.`, 'version_mismatch');
      }
      return status;
    },
    async push(events) {
      const request: PushRequest = { protocol: SYNC_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT_VERSION, events };
      const { receipt } = await call(SYNC_ROUTES.push, z.object({ receipt: Receipt }), JSON.stringify(request));
      return receipt;
    },
    async streamEvents(stream) {
      const path = SYNC_ROUTES.streamEvents.replace(':stream', encodeURIComponent(stream));
      return (await call(path, StreamEvents)).events;
    },
    packs: async () => (await call(SYNC_ROUTES.packs, PacksResponse)).packs,
    pack: (meetingId) => call(SYNC_ROUTES.pack.replace(':meetingId', encodeURIComponent(meetingId)), PackResponse),
    async publishPack(meetingId) {
      const request: PublishPackRequest = { protocol: SYNC_PROTOCOL_VERSION, meetingId };
      return (await call(SYNC_ROUTES.packs, z.object({ pack: PackListing }), JSON.stringify(request))).pack;
    },
    lastClockReading: () => clock,
  };
};
