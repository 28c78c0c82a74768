// The laptop's side of sync with the records server: its settings, the push under way and its
// progress, the last outcome and error in words, "check the server's copy", and the automatic
// sync (off by default; only when no meeting is sitting). Plain Node, never imports electron.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { chamberError, type ChamberError, type ErrorCode } from '../../../shared/errors';
import type { PackChoice, PackOffer, PackTaken, StreamWaiting, SyncConfigInput, SyncStatus } from '../../../shared/syncApi';
import type { RecordedEvent } from '../../../shared/events';
import type { TakeOutcome } from '../dispatcher';
import { createMeetingPacks } from './meetingPacks';
import { openLocalRecord, type LocalRecord } from './localRecord';
import { pushEvents, type BatchLimits } from './pushEvents';
import { receiptSignatureVerifies } from './receiptSignature';
import { connectRecordsServer, type RecordsServer } from './recordsServer';
import { notConfigured, SyncFailure } from './syncErrors';
import { createSyncSettings, type SyncSettings } from './syncSettings';
import type { SyncVerification } from '../../../shared/syncApi';
import { verifySync } from './verifySync';
import { clockWarningFor } from './clockCheck';
import { checkedCertificate, describeCertificate } from './serverCertificate';

export type { StreamWaiting, SyncStatus };

export type Answer<T> = { ok: true; data: T } | { ok: false; error: ChamberError };

export interface SyncClient {
  status(): SyncStatus;
  configure(input: unknown): Answer<SyncStatus>;
  /** Start a push and return at once; `done` settles when it ends (never rejects). */
  startPush(options?: { automatic?: boolean }): Answer<{ started: boolean; words: string }> & { done: Promise<void> };
  push(options?: { automatic?: boolean }): Promise<void>;
  verify(): Promise<void>;
  /** Meeting packs: the office's, each against this laptop's copy; take one; mark its changes seen; publish one (docs/sync.md). */
  packs(): Promise<Answer<PackOffer[]>>;
  takePack(input: unknown): Promise<Answer<PackTaken>>;
  markPackSeen(input: unknown): Promise<Answer<PackOffer>>;
  publishPack(input: unknown): Promise<Answer<{ words: string }>>;
  /** Check now and then whether to sync by itself (unref'd: never keeps the process alive). */
  startAutoSync(everyMs?: number): void;
  stop(): void;
}

export interface SyncClientOptions {
  db: Database;
  /** This laptop's clock (tests: a laptop whose clock is wrong). */
  now?: () => Date;
  /** How long to wait for the records server's answer. */
  timeoutMs?: number;
  /** The records server, for tests; otherwise over HTTP at the configured address. */
  connect?: (serverUrl: string, deviceKey: string, certificate: string | null) => RecordsServer;
  /** Smaller batches than the protocol's limits (tests). */
  limits?: BatchLimits;
  /** How the core takes events recorded elsewhere (a meeting pack): Dispatcher.takeRecorded. Without it, packs are listed but not taken. */
  take?: (events: readonly RecordedEvent[]) => TakeOutcome;
}

/** Which pack: a meeting's id. */
const PackChoiceInput = z.strictObject({ meetingId: z.uuid() }) satisfies z.ZodType<PackChoice>;

const isLoopbackUrl = (url: URL) => url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);

/** The settings the clerk may change: the one check, whichever way they arrive (browser route or the desktop core). */
const ConfigInput = z.strictObject({
  serverUrl: z.string().trim().max(500).optional(),
  deviceKey: z.string().trim().max(1000).optional(),
  autoSync: z.boolean().optional(),
  serverCertificate: z.string().max(100_000).optional(),
}) satisfies z.ZodType<SyncConfigInput>;

const refusal = (message: string, field?: string, code: ErrorCode = 'invalid_command'): Answer<never> => ({ ok: false, error: chamberError(code, message, field ? { field } : {}) });

const checkedUrl = (text: string): string | { message: string } => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { message: "The records server's address must be a full web address, such as https://records.example.gov.uk." };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
    return { message: "The records server's address must start with https:// (the device key is never sent unencrypted; http:// only for this computer)." };
  }
  if (url.username || url.password || url.search || url.hash) return { message: "The records server's address must not carry a name, password, query or fragment." };
  return url.href.replace(/\/+$/, '');
};

export const createSyncClient = (options: SyncClientOptions): SyncClient => {
  const now = options.now ?? (() => new Date());
  const settings: SyncSettings = createSyncSettings(options.db);
  const record: LocalRecord = openLocalRecord(options.db);
  const connect = options.connect ?? ((url, key, certificate) => connectRecordsServer(url, key, { timeoutMs: options.timeoutMs, certificate, now }));
  let pushing: SyncStatus['pushing'];
  let running: Promise<void> | undefined;
  let verifying = false;
  let lastOutcome: SyncStatus['lastOutcome'];
  let lastError: SyncStatus['lastError'];
  let verification: SyncVerification | undefined;
  let timer: NodeJS.Timeout | undefined;
  let clockWarning: string | undefined;
  let described: { pem: string; words: string } | undefined;
  const certificateWords = (pem: string): string => {
    if (described?.pem !== pem) described = { pem, words: describeCertificate(pem) };
    return described.words;
  };
  /** After every exchange with the server: what its clock said of this laptop's. */
  const noteClock = (connection: RecordsServer | undefined) => {
    const reading = connection?.lastClockReading?.();
    if (reading) clockWarning = clockWarningFor(reading);
  };

  const waiting = (): StreamWaiting[] => {
    const last = settings.lastReceipt();
    const acknowledged = settings.acknowledgedHeads(last?.receipt.serverId);
    const result: StreamWaiting[] = [];
    for (const [stream, head] of record.heads()) {
      const acked = Math.min(acknowledged.get(stream)?.seq ?? 0, head.seq);
      if (head.seq > acked) result.push({ stream, ...record.describe(stream), localSeq: head.seq, acknowledgedSeq: acked, waiting: head.seq - acked });
    }
    return result;
  };

  const status = (): SyncStatus => {
    const config = settings.config();
    const last = settings.lastReceipt();
    const list = waiting();
    return {
      serverUrl: config.serverUrl,
      keySet: config.deviceKey !== null,
      autoSync: config.autoSync,
      waiting: list,
      waitingTotal: list.reduce((sum, w) => sum + w.waiting, 0),
      ...(last
        ? {
            lastSync: {
              at: last.receivedAt,
              receipt: last.receipt,
              signatureVerified: receiptSignatureVerifies(last.receipt),
              titles: Object.fromEntries(Object.keys(last.receipt.heads).map((stream) => [stream, record.describe(stream).title])),
            },
          }
        : {}),
      ...(pushing ? { pushing: { ...pushing } } : {}),
      verifying,
      ...(lastOutcome ? { lastOutcome } : {}),
      ...(lastError ? { lastError } : {}),
      ...(verification ? { verification } : {}),
      divisionOpen: record.divisionOpen(),
      meetingSitting: record.meetingSitting(),
      ...(config.serverCertificate ? { serverCertificate: { pem: config.serverCertificate, words: certificateWords(config.serverCertificate) } } : {}),
      ...(clockWarning ? { clockWarning } : {}),
    };
  };

  const fail = (error: unknown) => {
    const failure = error instanceof SyncFailure ? error : new SyncFailure(`The sync stopped on an unexpected error: ${(error as Error).message}. Nothing has been lost; try again.`, 'internal');
    lastError = { at: now().toISOString(), code: failure.code, words: failure.message };
  };

  const server = (): RecordsServer => {
    const config = settings.config();
    if (!config.serverUrl || !config.deviceKey) throw notConfigured();
    return connect(config.serverUrl, config.deviceKey, config.serverCertificate);
  };

  const packs = createMeetingPacks({
    db: options.db,
    take: options.take ?? (() => ({ ok: false, error: chamberError('refused', 'This Chamber cannot take meeting packs (it has its data open read-only).') })),
    now,
  });
  /** A meeting-pack operation against the records server, its failure in words (never thrown). */
  const withServer = async <T>(work: (connection: RecordsServer) => Promise<T>): Promise<Answer<T>> => {
    let connection: RecordsServer | undefined;
    try {
      connection = server();
      return { ok: true, data: await work(connection) };
    } catch (error) {
      if (!(error instanceof SyncFailure)) return refusal(`Chamber stopped on an unexpected error: ${(error as Error).message}. Nothing was changed.`, undefined, 'internal');
      return refusal(error.message, undefined, error.code === 'not_found' ? 'not_found' : 'refused');
    } finally {
      noteClock(connection);
    }
  };
  const choosingPack = <T>(input: unknown, work: (connection: RecordsServer, meetingId: string) => Promise<T>): Promise<Answer<T>> => {
    const parsed = PackChoiceInput.safeParse(input);
    if (!parsed.success) return Promise.resolve(refusal('Say which meeting pack: { "meetingId": "<the meeting\'s id>" }.', 'meetingId'));
    return withServer((connection) => work(connection, parsed.data.meetingId));
  };

  /** Why a push may not start (or go on) now, in words; undefined when it may. */
  const heldBack = (automatic: boolean): string | undefined => {
    if (record.divisionOpen()) return 'A division is open: Chamber syncs once it has closed.';
    if (automatic && record.meetingSitting()) return 'A meeting is in progress: Chamber syncs by itself once it has closed (Sync now works between divisions).';
    return undefined;
  };

  const runPush = async (automatic: boolean): Promise<void> => {
    const startedAt = now().toISOString();
    let connection: RecordsServer | undefined;
    try {
      const held = heldBack(automatic);
      if (held) throw new SyncFailure(held, automatic ? 'meeting_sitting' : 'division_open');
      connection = server();
      const result = await pushEvents({
        record,
        server: connection,
        settings,
        now,
        limits: options.limits,
        progress: (progress) => (pushing = { ...progress, automatic, startedAt }),
        mayContinue: () => {
          const stop = heldBack(automatic);
          if (stop) throw new SyncFailure(`${stop} The sync stopped after the last batch acknowledged; it carries on from there.`, 'paused');
        },
      });
      lastError = undefined;
      lastOutcome = {
        at: now().toISOString(),
        words: result.sent === 0 ? 'Nothing to send: the records server holds everything recorded here.' : `Sent ${result.sent} event${result.sent === 1 ? '' : 's'} in ${result.receipts.length} batch${result.receipts.length === 1 ? '' : 'es'}; every receipt's signature verified.`,
      };
    } catch (error) {
      fail(error);
    } finally {
      pushing = undefined;
      noteClock(connection);
    }
  };

  const push = (automatic: boolean): Promise<void> => {
    if (running) return running;
    const run = runPush(automatic).finally(() => {
      if (running === run) running = undefined;
    });
    running = run;
    return run;
  };

  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  return {
    status,
    configure(input) {
      const parsed = ConfigInput.safeParse(input);
      if (!parsed.success) return refusal("The sync settings were not understood: a server address, a device key, whether to sync by itself and the records server's certificate.");
      const change = { ...parsed.data };
      if (change.serverUrl !== undefined) {
        const url = checkedUrl(change.serverUrl);
        if (typeof url !== 'string') return refusal(url.message, 'serverUrl');
        change.serverUrl = url;
      }
      if (change.deviceKey === '') {
        return refusal('The device key must not be blank.', 'deviceKey');
      }
      if (change.serverCertificate !== undefined && change.serverCertificate.trim() !== '') {
        const pem = checkedCertificate(change.serverCertificate, now());
        if (typeof pem !== 'string') return refusal(pem.message, 'serverCertificate');
        change.serverCertificate = pem;
      }
      settings.update(change, now().toISOString());
      lastError = undefined;
      return { ok: true, data: status() };
    },
    startPush(options = {}) {
      const automatic = options.automatic ?? false;
      if (running) return { ok: true, data: { started: false, words: 'A sync is already under way.' }, done: running };
      const config = settings.config();
      if (!config.serverUrl || !config.deviceKey) return { ...refusal(notConfigured().message, undefined, 'refused'), done: Promise.resolve() };
      const held = heldBack(automatic);
      if (held) return { ...refusal(held, undefined, 'refused'), done: Promise.resolve() };
      const done = push(automatic);
      return { ok: true, data: { started: true, words: 'Sync started.' }, done };
    },
    push: (options = {}) => push(options.automatic ?? false),
    async verify() {
      if (verifying) return;
      verifying = true;
      let connection: RecordsServer | undefined;
      try {
        connection = server();
        verification = await verifySync(record, connection, settings, now);
        lastError = undefined;
      } catch (error) {
        fail(error);
      } finally {
        verifying = false;
        noteClock(connection);
      }
    },
    packs: () => withServer((connection) => packs.list(connection)),
    takePack: (input) => choosingPack(input, (connection, meetingId) => packs.take(connection, meetingId)),
    markPackSeen: (input) => choosingPack(input, (connection, meetingId) => packs.markSeen(connection, meetingId)),
    publishPack: (input) => choosingPack(input, (connection, meetingId) => packs.publish(connection, meetingId)),
    startAutoSync(everyMs = 60_000) {
      stopTimer();
      timer = setInterval(() => {
        const config = settings.config();
        if (!config.autoSync || !config.serverUrl || !config.deviceKey || running || heldBack(true)) return;
        if (waiting().length === 0) return;
        void push(true);
      }, everyMs);
      timer.unref();
    },
    stop: stopTimer,
  };
};
