// Projections: the current state of each stream, kept beside the log and written in the same
// transaction as its events. A stream's head is one row of `projections`; each of its parts (see
// shared/state/parts.ts) is one row of `parts`. A command writes the head and the parts it changed:
// its cost follows what it changed, never how much the stream holds. The list screens' tables
// (`meetings`, `bodies`) are kept in step when what they show changes.
import type { Database, Statement } from 'better-sqlite3';
import { summariseBody, type BodyState, type BodySummary } from '../../../shared/state/body';
import { summariseMeeting, type MeetingState, type MeetingSummary } from '../../../shared/state/meeting';
import { assemble, headOf, partsOf, type Draft } from '../../../shared/state/parts';
import { streamKind, streamKindName } from '../../../shared/state/streams';

/** The list screens' topics, each kept as a table. */
export type ListTopic = 'meetings' | 'bodies';

/**
 * The format of the stored projections. When it changes (a new part, a new field derived from the
 * log), the core rebuilds every projection from the log on opening: the log is the record.
 */
export const PROJECTION_FORMAT = 6;

const sameSummary = <T extends object>(a: T, b: T): boolean => (Object.keys(a) as (keyof T)[]).every((key) => a[key] === b[key]);

export class Projections {
  private readonly selectHead: Statement;
  private readonly selectParts: Statement;
  private readonly upsertHead: Statement;
  private readonly upsertPart: Statement;
  private readonly deletePart: Statement;
  private readonly deleteParts: Statement;
  private readonly upsertMeeting: Statement;
  private readonly upsertBody: Statement;

  constructor(db: Database) {
    this.selectHead = db.prepare('SELECT state FROM projections WHERE stream = ?').pluck();
    this.selectParts = db.prepare('SELECT key, ord, value FROM parts WHERE stream = ?');
    this.upsertHead = db.prepare(
      `INSERT INTO projections (stream, seq, state) VALUES (?, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET seq = excluded.seq, state = excluded.state`,
    );
    this.upsertPart = db.prepare(
      `INSERT INTO parts (stream, key, ord, value) VALUES (?, ?, ?, ?)
       ON CONFLICT (stream, key) DO UPDATE SET value = excluded.value`,
    );
    this.deletePart = db.prepare('DELETE FROM parts WHERE stream = ? AND key = ?');
    this.deleteParts = db.prepare('DELETE FROM parts WHERE stream = ?');
    this.upsertMeeting = db.prepare(
      `INSERT INTO meetings (id, body_id, body, title, date, start_time, venue, status)
       VALUES (@id, @bodyId, @body, @title, @date, @startTime, @venue, @status)
       ON CONFLICT (id) DO UPDATE SET body_id = excluded.body_id, body = excluded.body, title = excluded.title,
         date = excluded.date, start_time = excluded.start_time, venue = excluded.venue, status = excluded.status`,
    );
    this.upsertBody = db.prepare(
      `INSERT INTO bodies (id, name, kind, member_count) VALUES (@id, @name, @kind, @memberCount)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, member_count = excluded.member_count`,
    );
  }

  /** A stream's state: its head and its parts put together; undefined if it has none. */
  load(stream: string): object | undefined {
    const kind = streamKind(stream);
    const headJson = this.selectHead.get(stream) as string | undefined;
    if (!kind || headJson === undefined) return undefined;
    const rows = (this.selectParts.all(stream) as { key: string; ord: number; value: string }[]).sort((a, b) => a.ord - b.ord);
    return assemble(
      JSON.parse(headJson),
      rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) })),
      kind.shape,
    );
  }

  /** Write what a draft changed (inside the caller's transaction): the head, and each part it wrote. */
  saveChanges(stream: string, draft: Draft<object>, seq: number): void {
    const kind = streamKind(stream)!;
    const state = draft.state as Record<string, unknown>;
    this.upsertHead.run(stream, seq, JSON.stringify(headOf(state, kind.shape)));
    let n = 0;
    for (const [key, write] of draft.writes) {
      if (write === null) this.deletePart.run(stream, key);
      else this.upsertPart.run(stream, key, seq * 1000 + n++, JSON.stringify(write.value));
    }
  }

  /** Write a whole state (rebuilding from the log): the head and every part, in order. */
  saveWhole(stream: string, state: object, seq: number): void {
    const kind = streamKind(stream)!;
    this.upsertHead.run(stream, seq, JSON.stringify(headOf(state as Record<string, unknown>, kind.shape)));
    partsOf(state as Record<string, unknown>, kind.shape).forEach((part, i) => this.upsertPart.run(stream, part.key, i, JSON.stringify(part.value)));
  }

  /** Replace a stream's stored state by a whole new one (events taken from elsewhere, replayed). */
  replaceWhole(stream: string, state: object, seq: number): void {
    this.deleteParts.run(stream);
    this.saveWhole(stream, state, seq);
  }

  /** Keep the list tables in step with a stream's new state; says which list changed, if any. */
  mirror(stream: string, state: object, previous: object | undefined): ListTopic | undefined {
    const kindName = streamKindName(stream);
    if (kindName === 'meeting') {
      const summary = summariseMeeting(state as MeetingState);
      if (previous && sameSummary<MeetingSummary>(summariseMeeting(previous as MeetingState), summary)) return undefined;
      this.upsertMeeting.run({ ...summary, bodyId: summary.bodyId ?? null });
      return 'meetings';
    }
    if (kindName === 'body') {
      const summary = summariseBody(state as BodyState);
      if (previous && sameSummary<BodySummary>(summariseBody(previous as BodyState), summary)) return undefined;
      this.upsertBody.run(summary);
      return 'bodies';
    }
    return undefined;
  }
}
