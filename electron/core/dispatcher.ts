// The one dispatcher: validate a command, decide against current state, append events and
// update projections in one transaction, then tell subscribers. A command is acknowledged only
// after its transaction has committed.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ZodError } from 'zod';
import type { InvokeResult } from '../../shared/api';
import { commandSchemaByType, type Command } from '../../shared/commands';
import { chamberError, notFound, type ChamberError } from '../../shared/errors';
import type { NewEvent, RecordedEvent } from '../../shared/events';
import type { BodyState, BodySummary } from '../../shared/state/body';
import { compareMeetings, type MeetingState, type MeetingSummary } from '../../shared/state/meeting';
import { chamberDisplay } from '../../shared/state/display';
import { displayTopic, type StateUpdate, type Topic, type TopicValue } from '../../shared/topics';
import { handlers, type Decision, type Handler, type StateView } from './handlers';
import { EventLog } from './store/eventLog';
import { Projections, reduceStream, type ListTopic } from './store/projections';

export interface DispatcherOptions {
  db: Database;
  deviceId: string;
  now?: () => Date;
  newId?: () => string;
}

export type ReadResult<T extends Topic> = { ok: true; data: TopicValue<T> } | { ok: false; error: ChamberError };

export interface Dispatcher {
  dispatch(input: unknown): InvokeResult;
  read<T extends Topic>(topic: T): ReadResult<T>;
  subscribe(listener: (update: StateUpdate) => void): () => void;
  readonly log: EventLog;
}

const fieldOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

export const zodToChamberError = (error: ZodError, what: string): ChamberError => {
  const issues = error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message }));
  const first = issues[0];
  const where = first.field ? `${first.field} ${first.message}` : first.message;
  return chamberError('invalid_command', `${what}: ${where}.`, { field: first.field, issues });
};

export const createDispatcher = (options: DispatcherOptions): Dispatcher => {
  const { db, deviceId } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const log = new EventLog(db);
  const projections = new Projections(db);
  const listMeetings = db.prepare(
    'SELECT id, body_id AS bodyId, body, title, date, start_time AS startTime, venue, status FROM meetings',
  );
  const listBodies = db.prepare('SELECT id, name, kind, member_count AS memberCount FROM bodies ORDER BY name');
  const listeners = new Set<(update: StateUpdate) => void>();

  /** Current state by stream, loaded from the projections on first use. */
  const cache = new Map<string, unknown>();
  const stateOf = (stream: string): unknown => {
    if (!cache.has(stream)) cache.set(stream, projections.load(stream));
    return cache.get(stream);
  };
  const view: StateView = {
    meeting: (meetingId) => stateOf(`meeting:${meetingId}`) as MeetingState | undefined,
    body: (bodyId) => stateOf(`body:${bodyId}`) as BodyState | undefined,
    bodies: () => listBodies.all() as BodySummary[],
  };

  const decide = (command: Command, at: string): Decision => {
    const handler = handlers[command.type] as Handler<Command['type']>;
    return handler(view, command as never, { now: at, newId });
  };

  /** Append the events and write the projections they change, all in one transaction. */
  const commit = db.transaction((events: readonly NewEvent[], at: string) => {
    const recorded = log.append(events, { at, deviceId, newId });
    const byStream = new Map<string, RecordedEvent[]>();
    for (const e of recorded) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
    const next = new Map<string, unknown>();
    const lists = new Set<ListTopic>();
    for (const [stream, events] of byStream) {
      const previous = stateOf(stream);
      const state = reduceStream(stream, previous, events);
      const list = projections.save(stream, events[events.length - 1].seq, state, previous);
      if (list) lists.add(list);
      next.set(stream, state);
    }
    return { recorded, next, lists };
  });

  /** Tell subscribers what changed: each stream, the displays it affects, and a list only if its rows changed. */
  const notify = (recorded: readonly RecordedEvent[], lists: ReadonlySet<ListTopic>): void => {
    if (listeners.size === 0) return;
    const updates: StateUpdate[] = [];
    const changed = new Set(recorded.map((e) => e.stream));
    for (const stream of changed) updates.push({ topic: stream as Topic, data: cache.get(stream) });
    // The chamber display of every meeting whose own record, or whose body, changed.
    const displayed = new Set([...changed].filter((s) => s.startsWith('meeting:')).map((s) => s.slice(8)));
    for (const [stream, state] of cache) {
      if (stream.startsWith('meeting:') && changed.has(`body:${(state as MeetingState | undefined)?.bodyId}`)) displayed.add(stream.slice(8));
    }
    for (const meetingId of displayed) {
      const display = read(displayTopic(meetingId));
      if (display.ok) updates.push({ topic: displayTopic(meetingId), data: display.data });
    }
    for (const list of lists) {
      const value = read(list);
      if (value.ok) updates.unshift({ topic: list, data: value.data });
    }
    for (const update of updates) for (const listener of listeners) listener(update);
  };

  const dispatch = (input: unknown): InvokeResult => {
    const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
    if (typeof type !== 'string') {
      return {
        ok: false,
        error: chamberError('invalid_command', 'A command must be an object with a "type" naming the command.', {
          field: 'type',
        }),
      };
    }
    const schema = commandSchemaByType.get(type);
    if (!schema) {
      return {
        ok: false,
        error: chamberError('unknown_command', `There is no command called "${type.slice(0, 80)}".`, { field: 'type' }),
      };
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: zodToChamberError(parsed.error, type) };
    const command = parsed.data as Command;
    const at = now().toISOString();
    try {
      const decision = decide(command, at);
      if ('error' in decision) return { ok: false, error: decision.error };
      const { recorded, next, lists } = commit(decision.events, at);
      for (const [stream, state] of next) cache.set(stream, state);
      log.committed(recorded);
      notify(recorded, lists);
      return { ok: true, result: { ids: decision.ids ?? {}, events: recorded.length } };
    } catch (error) {
      // The transaction rolled back and the cache was not touched: the record is as it was.
      return {
        ok: false,
        error: chamberError('internal', `Chamber could not record "${type}": ${(error as Error).message}. Nothing was changed.`),
      };
    }
  };

  const read = <T extends Topic>(topic: T): ReadResult<T> => {
    if (topic === 'meetings') {
      const rows = (listMeetings.all() as MeetingSummary[]).sort(compareMeetings);
      return { ok: true, data: rows as TopicValue<T> };
    }
    if (topic === 'bodies') return { ok: true, data: view.bodies() as TopicValue<T> };
    if (topic.startsWith('meeting:')) {
      const meeting = view.meeting(topic.slice(8));
      if (meeting) return { ok: true, data: meeting as TopicValue<T> };
      return { ok: false, error: notFound(`There is no meeting with id ${topic.slice(8)}.`, 'topic') };
    }
    if (topic.startsWith('display:')) {
      const meeting = view.meeting(topic.slice(8));
      if (meeting) return { ok: true, data: chamberDisplay(meeting, meeting.bodyId ? view.body(meeting.bodyId) : undefined) as TopicValue<T> };
      return { ok: false, error: notFound(`There is no meeting with id ${topic.slice(8)}.`, 'topic') };
    }
    if (topic.startsWith('body:')) {
      const body = view.body(topic.slice(5));
      if (body) return { ok: true, data: body as TopicValue<T> };
      return { ok: false, error: notFound(`There is no body with id ${topic.slice(5)}.`, 'topic') };
    }
    return { ok: false, error: notFound(`There is no topic called "${String(topic).slice(0, 80)}".`, 'topic') };
  };

  return {
    dispatch,
    read,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    log,
  };
};
