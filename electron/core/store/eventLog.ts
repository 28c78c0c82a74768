// The append-only event log: every fact recorded, chained by hash within its stream.
import type { Database, Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH } from '../../../shared/canonicalJson';
import type { NewEvent, RecordedEvent } from '../../../shared/events';
import { eventOfRow, type EventRow } from './eventRows';

const toEvent = (row: EventRow): RecordedEvent => eventOfRow(row) as RecordedEvent;

/** The hash of an event: sha256 over the previous hash and the event's canonical form. */
export const hashEvent = (prevHash: string, e: Omit<RecordedEvent, 'hash' | 'prevHash'>): string =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({ id: e.id, stream: e.stream, seq: e.seq, at: e.at, deviceId: e.deviceId, type: e.type, payload: e.payload }),
    )
    .digest('hex');

const meetingIdOf = (stream: string): string | null => (stream.startsWith('meeting:') ? stream.slice(8) : null);

export interface AppendBatch {
  append(events: readonly NewEvent[]): RecordedEvent[];
  /** Everything appended by this batch so far. */
  readonly recorded: RecordedEvent[];
}

export interface ChainCheck {
  ok: boolean;
  events: number;
  /** The first event whose hash or sequence does not follow from the one before. */
  brokenAt?: { stream: string; seq: number; reason: string };
}

export class EventLog {
  private readonly insert: Statement;
  private readonly head: Statement;
  private readonly byStream: Statement;
  private readonly all: Statement;
  private readonly hashBySeq: Statement;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO events (id, stream, seq, meeting_id, at, device_id, type, payload, prev_hash, hash)
       VALUES (@id, @stream, @seq, @meetingId, @at, @deviceId, @type, @payload, @prevHash, @hash)`,
    );
    this.head = db.prepare('SELECT seq, hash FROM events WHERE stream = ? ORDER BY seq DESC LIMIT 1');
    this.byStream = db.prepare('SELECT * FROM events WHERE stream = ? ORDER BY seq');
    this.all = db.prepare('SELECT * FROM events ORDER BY stream, seq');
    this.hashBySeq = db.prepare('SELECT hash FROM events WHERE stream = ? AND seq = ?').pluck();
  }

  /** Committed heads, so an append need not ask the disk for the stream's last event. */
  private readonly heads = new Map<string, { seq: number; hash: string }>();

  /** The last sequence number and hash of a stream (0 and the genesis hash when empty). */
  headOf(stream: string): { seq: number; hash: string } {
    const known = this.heads.get(stream);
    if (known) return known;
    const row = this.head.get(stream) as { seq: number; hash: string } | undefined;
    return row ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** Record the heads of events that have committed (call after the transaction, never inside). */
  committed(events: readonly RecordedEvent[]): void {
    for (const e of events) this.heads.set(e.stream, { seq: e.seq, hash: e.hash });
  }

  /**
   * Start appending for one transaction: each call to the batch's `append` continues the chains
   * from where the batch left them. Must be used inside the caller's transaction, so that the
   * events and the projections they change are written together or not at all; call
   * `committed(batch.recorded)` after the commit.
   */
  begin(meta: { at: string; deviceId: string; newId: () => string }): AppendBatch {
    const pending = new Map<string, { seq: number; hash: string }>();
    const recorded: RecordedEvent[] = [];
    const append = (events: readonly NewEvent[]): RecordedEvent[] =>
      events.map((event) => {
        const head = pending.get(event.stream) ?? this.headOf(event.stream);
        const unhashed = { ...event, id: meta.newId(), seq: head.seq + 1, at: meta.at, deviceId: meta.deviceId };
        const hashed = { ...unhashed, prevHash: head.hash, hash: hashEvent(head.hash, unhashed) } as RecordedEvent;
        this.insertRow(hashed);
        pending.set(event.stream, { seq: hashed.seq, hash: hashed.hash });
        recorded.push(hashed);
        return hashed;
      });
    return { append, recorded };
  }

  private insertRow(e: RecordedEvent): void {
    this.insert.run({
      id: e.id,
      stream: e.stream,
      seq: e.seq,
      meetingId: meetingIdOf(e.stream),
      at: e.at,
      deviceId: e.deviceId,
      type: e.type,
      payload: JSON.stringify(e.payload),
      prevHash: e.prevHash,
      hash: e.hash,
    });
  }

  /**
   * Store events recorded by another Chamber exactly as they were (a meeting pack taken from the
   * records server), inside the caller's transaction. The caller has checked that they continue
   * this log's chains; call `committed` after the commit.
   */
  insertRecorded(events: readonly RecordedEvent[]): void {
    for (const e of events) this.insertRow(e);
  }

  /** The hash of a stream's event at `seq`, if the log holds it. */
  hashAt(stream: string, seq: number): string | undefined {
    return this.hashBySeq.get(stream, seq) as string | undefined;
  }

  /** Append events in one go (inside the caller's transaction). */
  append(events: readonly NewEvent[], meta: { at: string; deviceId: string; newId: () => string }): RecordedEvent[] {
    return this.begin(meta).append(events);
  }

  /** Every stream that has events, in order of name. */
  streams(): string[] {
    return this.db.prepare('SELECT DISTINCT stream FROM events ORDER BY stream').pluck().all() as string[];
  }

  read(stream: string): RecordedEvent[] {
    return (this.byStream.all(stream) as EventRow[]).map(toEvent);
  }

  /** Walk every stream and check that each event's hash follows from the one before. */
  verify(): ChainCheck {
    let count = 0;
    let stream = '';
    let prev = { seq: 0, hash: GENESIS_HASH };
    for (const row of this.all.iterate() as IterableIterator<EventRow>) {
      if (row.stream !== stream) {
        stream = row.stream;
        prev = { seq: 0, hash: GENESIS_HASH };
      }
      const event = toEvent(row);
      const reason =
        event.seq !== prev.seq + 1
          ? `sequence ${event.seq} follows ${prev.seq}`
          : event.prevHash !== prev.hash
            ? 'previous hash does not match'
            : hashEvent(prev.hash, event) !== event.hash
              ? 'hash does not match the event'
              : undefined;
      if (reason) return { ok: false, events: count, brokenAt: { stream, seq: event.seq, reason } };
      prev = { seq: event.seq, hash: event.hash };
      count += 1;
    }
    return { ok: true, events: count };
  }
}
