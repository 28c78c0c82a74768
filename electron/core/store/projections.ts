// Projections: the current state of each stream, kept beside the log and written in the same
// transaction, so opening a meeting reads one row however long its history.
import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '../../../shared/events';
import { reduceBody, summariseBody, type BodyState, type BodySummary } from '../../../shared/state/body';
import { reduceMeeting, summariseMeeting, type MeetingState, type MeetingSummary } from '../../../shared/state/meeting';

/** The list screens' topics, each kept as a table. */
export type ListTopic = 'meetings' | 'bodies';

const sameSummary = <T extends object>(a: T, b: T): boolean => (Object.keys(a) as (keyof T)[]).every((key) => a[key] === b[key]);

/** How one kind of stream turns events into state, and which tables mirror that state. */
interface StreamKind<S> {
  reduce(state: S | undefined, event: RecordedEvent): S | undefined;
  /**
   * Keep list tables in step with the new state (same transaction), when what they show changed.
   * Returns the list topic it changed, if any.
   */
  mirror?(statements: MirrorStatements, state: S, previous: S | undefined): ListTopic | undefined;
}

interface MirrorStatements {
  upsertMeeting: Statement;
  upsertBody: Statement;
}

const meetingKind: StreamKind<MeetingState> = {
  reduce: reduceMeeting,
  mirror: (s, m, previous) => {
    if (previous && sameSummary<MeetingSummary>(summariseMeeting(previous), summariseMeeting(m))) return undefined;
    s.upsertMeeting.run({
      id: m.id,
      bodyId: m.bodyId ?? null,
      body: m.body,
      title: m.title,
      date: m.date,
      startTime: m.startTime,
      venue: m.venue,
      status: m.status,
    });
    return 'meetings';
  },
};

const bodyKind: StreamKind<BodyState> = {
  reduce: reduceBody,
  mirror: (s, b, previous) => {
    const summary = summariseBody(b);
    if (previous && sameSummary<BodySummary>(summariseBody(previous), summary)) return undefined;
    s.upsertBody.run(summary);
    return 'bodies';
  },
};

const kinds: Record<string, StreamKind<never>> = {
  meeting: meetingKind as StreamKind<never>,
  body: bodyKind as StreamKind<never>,
};

const kindOf = (stream: string): StreamKind<unknown> => {
  const kind = kinds[stream.slice(0, stream.indexOf(':'))];
  if (!kind) throw new Error(`no projection for stream ${stream}`);
  return kind as StreamKind<unknown>;
};

export const reduceStream = (stream: string, state: unknown, events: readonly RecordedEvent[]): unknown =>
  events.reduce((s, e) => kindOf(stream).reduce(s, e), state);

export class Projections {
  private readonly select: Statement;
  private readonly upsert: Statement;
  private readonly mirrors: MirrorStatements;

  constructor(db: Database) {
    this.select = db.prepare('SELECT state FROM projections WHERE stream = ?');
    this.upsert = db.prepare(
      `INSERT INTO projections (stream, seq, state) VALUES (?, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET seq = excluded.seq, state = excluded.state`,
    );
    this.mirrors = {
      upsertMeeting: db.prepare(
        `INSERT INTO meetings (id, body_id, body, title, date, start_time, venue, status)
         VALUES (@id, @bodyId, @body, @title, @date, @startTime, @venue, @status)
         ON CONFLICT (id) DO UPDATE SET body_id = excluded.body_id, body = excluded.body, title = excluded.title,
           date = excluded.date, start_time = excluded.start_time, venue = excluded.venue, status = excluded.status`,
      ),
      upsertBody: db.prepare(
        `INSERT INTO bodies (id, name, kind, member_count) VALUES (@id, @name, @kind, @memberCount)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, member_count = excluded.member_count`,
      ),
    };
  }

  load(stream: string): unknown {
    const row = this.select.get(stream) as { state: string } | undefined;
    return row ? JSON.parse(row.state) : undefined;
  }

  /** Write a stream's new state (inside the caller's transaction); says which list it changed, if any. */
  save(stream: string, seq: number, state: unknown, previous: unknown): ListTopic | undefined {
    this.upsert.run(stream, seq, JSON.stringify(state));
    return kindOf(stream).mirror?.(this.mirrors, state as never, previous as never);
  }
}
