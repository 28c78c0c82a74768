// One push: ask the records server what it holds for this laptop, then send every event after
// that, stream by stream, in batches of at most MAX_BATCH_EVENTS events and MAX_BATCH_BYTES bytes,
// and keep each batch's receipt once its signature verifies. Resumable by construction: nothing
// is remembered between pushes but the receipts, so a push cut short (network, server, the app
// closed) starts again from what the server holds; the server stores an event once however many
// times it is sent. Where the server holds events no kept receipt covers (it stored a batch and
// then failed to answer), those are sent again, as duplicates, for a signed receipt.
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, type Receipt, type StatusResponse, type WireEvent } from '../../../shared/sync/protocol';
import type { PushProgress } from '../../../shared/syncApi';
import type { LocalRecord } from './localRecord';
import { receiptSignatureVerifies } from './receiptSignature';
import type { RecordsServer } from './recordsServer';
import { SyncFailure } from './syncErrors';
import type { SyncSettings } from './syncSettings';

/** Events read from the disk at a time. */
const PAGE = 200;
/** The request's envelope around the events: {"protocol":1,"eventFormat":1,"events":[…]}, generously. */
const ENVELOPE_BYTES = 100;


export interface PushContext {
  record: LocalRecord;
  server: RecordsServer;
  settings: SyncSettings;
  now: () => Date;
  /** Called after each batch is acknowledged, and once with the total before the first. */
  progress(progress: PushProgress): void;
  /** Throws (a SyncFailure in words) when the push must stop before its next batch. */
  mayContinue(): void;
  /** Smaller batches than the protocol allows (tests); never larger. */
  limits?: BatchLimits;
}

export interface BatchLimits {
  events: number;
  bytes: number;
}

export interface PushResult {
  sent: number;
  receipts: Receipt[];
}

/** Let the meeting's commands run between batches: the push never holds the core for long. */
const yieldToMeeting = () => new Promise<void>((resolve) => setImmediate(resolve));

const describe = (record: LocalRecord, stream: string): string => {
  const what = record.describe(stream);
  return what.kind === 'meeting' ? `the meeting "${what.title}"${what.date ? ` of ${what.date}` : ''}` : what.kind === 'body' ? `the body "${what.title}"` : what.title;
};

/** Where each stream's push starts: after what the server holds and a kept receipt acknowledges. */
export const startingPoints = (record: LocalRecord, status: StatusResponse, acknowledged: Map<string, { seq: number }>): Map<string, { from: number; to: number }> => {
  const plan = new Map<string, { from: number; to: number }>();
  const local = record.heads();
  for (const [stream, held] of Object.entries(status.heads)) {
    const mine = local.get(stream);
    if (!mine || mine.seq < held.seq || record.hashAt(stream, held.seq) !== held.hash) {
      throw new SyncFailure(
        `The records server holds a record of ${describe(record, stream)} that differs from this laptop's (it has ${held.seq} events; this laptop has ${mine?.seq ?? 0}). Nothing was sent: tell the records office.`,
        'diverged',
      );
    }
  }
  for (const [stream, mine] of local) {
    const held = status.heads[stream]?.seq ?? 0;
    const from = Math.min(held, acknowledged.get(stream)?.seq ?? 0);
    if (mine.seq > from) plan.set(stream, { from, to: mine.seq });
  }
  return plan;
};

const checkReceipt = (receipt: Receipt, status: StatusResponse, batch: WireEvent[]): void => {
  if (!receiptSignatureVerifies(receipt)) {
    throw new SyncFailure("The records server's receipt did not verify (its signature does not match what it says), so it was not kept. Tell the records office; the events are still here.", 'receipt_unverified');
  }
  if (receipt.publicKey !== status.publicKey || receipt.serverId !== status.serverId) {
    throw new SyncFailure("The receipt was signed by a different records server from the one Chamber asked, so it was not kept. Tell the records office.", 'receipt_unverified');
  }
  const last = new Map(batch.map((e) => [e.stream, e]));
  for (const [stream, event] of last) {
    const head = receipt.heads[stream];
    if (!head || head.seq < event.seq || (head.seq === event.seq && head.hash !== event.hash)) {
      throw new SyncFailure(`The records server's receipt does not acknowledge the events sent (${stream} up to ${event.seq}), so it was not kept. Press Sync now to try again.`, 'receipt_short');
    }
  }
};

export const pushEvents = async (context: PushContext): Promise<PushResult> => {
  const { record, server, settings } = context;
  const maxEvents = Math.min(context.limits?.events ?? MAX_BATCH_EVENTS, MAX_BATCH_EVENTS);
  const maxBytes = Math.min(context.limits?.bytes ?? MAX_BATCH_BYTES, MAX_BATCH_BYTES);
  const status = await server.status();
  const plan = startingPoints(record, status, settings.acknowledgedHeads(status.serverId));
  const total = [...plan.values()].reduce((sum, { from, to }) => sum + to - from, 0);
  const progress = { sent: 0, total };
  context.progress({ ...progress });
  const receipts: Receipt[] = [];
  let batch: WireEvent[] = [];
  let bytes = ENVELOPE_BYTES;

  const send = async () => {
    context.mayContinue();
    const receipt = await server.push(batch);
    checkReceipt(receipt, status, batch);
    settings.keepReceipt(receipt, context.now().toISOString());
    receipts.push(receipt);
    progress.sent += batch.length;
    context.progress({ ...progress });
    batch = [];
    bytes = ENVELOPE_BYTES;
    await yieldToMeeting();
  };

  for (const [stream, { from, to }] of plan) {
    // Up to the head counted at the start: what is recorded meanwhile goes up with the next push.
    for (let after = from; after < to; ) {
      const page = record.page(stream, after, Math.min(PAGE, to - after));
      if (page.length === 0) break;
      for (const event of page) {
        const size = Buffer.byteLength(JSON.stringify(event)) + 1;
        if (size + ENVELOPE_BYTES > maxBytes) {
          throw new SyncFailure(`Event ${event.seq} of ${describe(record, stream)} is larger than the records server accepts in one push (${MAX_BATCH_BYTES} bytes). Tell whoever supports Chamber.`, 'too_large');
        }
        if (batch.length === maxEvents || bytes + size > maxBytes) await send();
        batch.push(event);
        bytes += size;
      }
      after = page[page.length - 1].seq;
      await yieldToMeeting();
    }
  }
  if (batch.length > 0) await send();
  return { sent: progress.sent, receipts };
};
