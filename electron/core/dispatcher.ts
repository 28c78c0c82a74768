// The one dispatcher: validate a command, decide against current state, then in one transaction
// append its events, record what they imply (a change of quorum, whatever caused it) and write the
// parts of the state they changed; only after the commit acknowledge it and tell subscribers what
// changed. The cost of a command follows what it changed, never the size of the meeting.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ZodError } from 'zod';
import type { InvokeResult } from '../../shared/api';
import { canonicalJson } from '../../shared/canonicalJson';
import { commandSchemaByType, type Command } from '../../shared/commands';
import { chamberError, notFound, refused, type ChamberError } from '../../shared/errors';
import { eventSchemas, isEventType, streams as streamIds, type NewEvent, type RecordedEvent } from '../../shared/events';
import type { WireEvent } from '../../shared/sync/protocol';
import { faultOf } from './store/chainCheck';
import { quorumChange } from '../../shared/procedure/attendance';
import type { BodyState, BodySummary } from '../../shared/state/body';
import { chamberDisplay } from '../../shared/state/display';
import { compareMeetings, type MeetingState, type MeetingSummary } from '../../shared/state/meeting';
import { Draft, type Change } from '../../shared/state/parts';
import { SETTINGS_STREAM, withSettingsDefaults, type SettingsState } from '../../shared/state/settings';
import { eventChanges, replayStream, streamKind, streamKindName } from '../../shared/state/streams';
import { displayTopic, isTopic, type StateUpdate, type Topic, type TopicValue } from '../../shared/topics';
import { validationError } from '../../shared/validationMessages';
import { handlers, type Decision, type Handler, type HandlerContext, type StateView } from './handlers';
import { EventLog } from './store/eventLog';
import { Projections, type ListTopic } from './store/projections';
import { verifyRecord, type VerifyReport } from './store/verify';

export interface DispatcherOptions {
  db: Database;
  deviceId: string;
  now?: () => Date;
  newId?: () => string;
  /** Open without writing: every command is refused with this reason; reads follow other processes' commits. */
  readOnly?: { reason: string };
}

export type ReadResult<T extends Topic> = { ok: true; data: TopicValue<T> } | { ok: false; error: ChamberError };

/** Commands a member's own device may send, for its own member and meeting only. */
export const MEMBER_COMMAND_TYPES = ['vote.cast', 'speaker.add'] as const;

export interface Dispatcher {
  dispatch(input: unknown): InvokeResult;
  /**
   * A command from a member's own device (members' devices, electron/core/memberDevices.ts): only
   * a vote or a request to speak; validated with the command's own schema, its member and meeting
   * forced to the device's, the time the server's now, and decided as entered by the member.
   */
  dispatchAsMember(memberId: string, meetingId: string, input: unknown): InvokeResult;
  /**
   * An internal decision made by the core itself (a device paired), recorded as any command's
   * events are: one transaction, acknowledged after the commit, pushed to subscribers.
   */
  dispatchDecision(what: string, decide: (view: StateView, ctx: HandlerContext) => Decision): InvokeResult;
  read<T extends Topic>(topic: T): ReadResult<T>;
  /** Every update, for every topic; hosts pass on only what each client watches. */
  subscribe(listener: (update: StateUpdate) => void): () => void;
  /**
   * Store events another Chamber recorded, exactly as recorded (a meeting pack taken from the
   * records server): body and meeting streams only, each event valid and continuing this log's
   * chain; the streams' state replayed, all in one transaction, and subscribers told.
   */
  takeRecorded(events: readonly RecordedEvent[]): TakeOutcome;
  /** Check the hash chains and that a replay of the log equals the stored state. */
  verify(): VerifyReport;
  readonly log: EventLog;
}

export type TakeOutcome = { ok: true; streams: string[] } | { ok: false; error: ChamberError };

/**
 * A command that does not match its schema, in the clerk's words ("Item 4's title must not be
 * empty."); details.field and details.issues keep the paths. The command's type (`_what`) is not
 * part of the message: the clerk did not type it. See shared/validationMessages.ts.
 */
export const zodToChamberError = (error: ZodError, _what: string): ChamberError => validationError(error);

/** One stream's work within a command: its state before, the draft of its state after, and the changes. */
interface StreamWork {
  before: object | undefined;
  draft: Draft<object>;
  changes: Change[];
  /** The time (payload `time`) of the last event of this command in this stream, if it had one. */
  lastTime?: string;
}

export const createDispatcher = (options: DispatcherOptions): Dispatcher => {
  const { db, deviceId, readOnly } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const log = new EventLog(db);
  const projections = new Projections(db);
  const listMeetings = db.prepare('SELECT id, body_id AS bodyId, body, title, date, start_time AS startTime, venue, status FROM meetings');
  const listBodies = db.prepare('SELECT id, name, kind, member_count AS memberCount FROM bodies ORDER BY name');
  const liveMeetingsOfBody = db.prepare("SELECT id FROM meetings WHERE body_id = ? AND status IN ('in_progress', 'adjourned')").pluck();
  const liveMeetings = db.prepare("SELECT id FROM meetings WHERE status IN ('in_progress', 'adjourned')").pluck();
  const dataVersion = () => db.pragma('data_version', { simple: true }) as number;
  const listeners = new Set<(update: StateUpdate) => void>();

  /** Current state by stream, loaded from the projections on first use; never mutated, only replaced. */
  const cache = new Map<string, object | undefined>();
  let seenVersion = dataVersion();
  /** Read-only: another process writes the file, so forget what we knew when it has committed. */
  const followOtherWriters = () => {
    if (!readOnly) return;
    const version = dataVersion();
    if (version !== seenVersion) {
      cache.clear();
      seenVersion = version;
    }
  };
  const stateOf = (stream: string): object | undefined => {
    if (!cache.has(stream)) cache.set(stream, projections.load(stream));
    return cache.get(stream);
  };
  const settingsOf = (): SettingsState => withSettingsDefaults(stateOf(SETTINGS_STREAM) as Partial<SettingsState> | undefined);
  const view: StateView = {
    meeting: (meetingId) => stateOf(`meeting:${meetingId}`) as MeetingState | undefined,
    body: (bodyId) => stateOf(`body:${bodyId}`) as BodyState | undefined,
    bodies: () => listBodies.all() as BodySummary[],
    settings: settingsOf,
  };

  const decide = (command: Command, at: string): Decision => {
    const handler = handlers[command.type] as Handler<Command['type']>;
    return handler(view, command as never, { now: at, newId, timeZone: settingsOf().timeZone });
  };

  /** The last chamber display sent for each meeting, so that one is pushed only when it changes. */
  const displaysSent = new Map<string, string>();

  /**
   * Append the events, apply them, record the quorum changes they cause, and write the parts they
   * changed, all in one transaction.
   */
  const commit = db.transaction((events: readonly NewEvent[], at: string) => {
    const batch = log.begin({ at, deviceId, newId });
    const work = new Map<string, StreamWork>();
    const current = (stream: string) => work.get(stream)?.draft.state ?? stateOf(stream);

    const record = (proposed: readonly NewEvent[]) => {
      for (const event of batch.append(proposed)) {
        const kind = streamKind(event.stream);
        if (!kind) throw new Error(`no state is kept for stream ${event.stream}`);
        let entry = work.get(event.stream);
        const changes = eventChanges(kind, entry ? entry.draft.state : stateOf(event.stream), event);
        if (changes.length === 0) continue;
        if (!entry) {
          const before = stateOf(event.stream);
          entry = { before, draft: new Draft(before, kind.shape), changes: [] };
          work.set(event.stream, entry);
        }
        entry.draft.apply(changes);
        entry.changes.push(...changes);
        const time = (event.payload as { time?: unknown }).time;
        if (typeof time === 'string') entry.lastTime = time;
      }
    };
    record(events);

    // Whatever the command was, if a meeting in progress stopped or started being quorate, the
    // change is recorded now, at the time of what caused it.
    const derived: NewEvent[] = [];
    for (const meetingId of meetingsAffected(work)) {
      const meeting = current(`meeting:${meetingId}`) as MeetingState | undefined;
      const body = meeting?.bodyId ? (current(`body:${meeting.bodyId}`) as BodyState | undefined) : undefined;
      if (!meeting || !body) continue;
      const change = quorumChange(meeting, body);
      if (!change) continue;
      const time = work.get(`meeting:${meetingId}`)?.lastTime ?? at;
      const payload = { meetingId, time, present: change.present, required: change.required };
      derived.push({ stream: streamIds.meeting(meetingId), type: change.quorate ? 'quorum.regained' : 'quorum.lost', payload });
    }
    if (derived.length) record(derived);

    const lists = new Set<ListTopic>();
    for (const [stream, entry] of work) {
      const state = entry.draft.state as { seq: number };
      projections.saveChanges(stream, entry.draft, state.seq);
      const list = projections.mirror(stream, state, entry.before);
      if (list) lists.add(list);
    }
    return { recorded: batch.recorded, work, lists };
  });

  /** Meetings whose quorum or display a command may have changed: its own, and the live meetings of a body it changed. */
  const meetingsAffected = (work: ReadonlyMap<string, StreamWork>): Set<string> => {
    const ids = new Set<string>();
    for (const stream of work.keys()) {
      const kindName = streamKindName(stream);
      const id = stream.slice(kindName.length + 1);
      if (kindName === 'meeting') ids.add(id);
      else if (kindName === 'body') for (const meetingId of liveMeetingsOfBody.all(id) as string[]) ids.add(meetingId);
      else if (kindName === 'settings') for (const meetingId of liveMeetings.all() as string[]) ids.add(meetingId);
    }
    return ids;
  };

  /** Tell subscribers what changed: lists whose rows changed, each stream's changes, displays that now read differently. */
  const notify = (work: ReadonlyMap<string, StreamWork>, lists: ReadonlySet<ListTopic>): void => {
    const updates: StateUpdate[] = [];
    for (const list of lists) {
      const value = read(list);
      if (value.ok) updates.push({ topic: list, data: value.data });
    }
    for (const [stream, entry] of work) {
      const state = entry.draft.state as { seq: number };
      if (stream === SETTINGS_STREAM) updates.push({ topic: 'settings', data: withSettingsDefaults(state as Partial<SettingsState>) });
      else if (!entry.before) updates.push({ topic: stream as Topic, data: state });
      else updates.push({ topic: stream as Topic, patch: { fromSeq: (entry.before as { seq: number }).seq, seq: state.seq, changes: entry.changes } });
    }
    for (const meetingId of meetingsAffected(work)) {
      const display = read(displayTopic(meetingId));
      if (!display.ok) continue;
      const text = canonicalJson(display.data);
      if (displaysSent.get(meetingId) === text) continue;
      displaysSent.set(meetingId, text);
      updates.push({ topic: displayTopic(meetingId), data: display.data });
    }
    for (const update of updates) for (const listener of listeners) listener(update);
  };

  const dispatch = (input: unknown): InvokeResult => {
    const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
    if (typeof type !== 'string') {
      return { ok: false, error: chamberError('invalid_command', 'A command must be an object with a "type" naming the command.', { field: 'type' }) };
    }
    const schema = commandSchemaByType.get(type);
    // Quoted as JSON, so a name that itself holds a quotation mark is still read as one quoted name.
    if (!schema) return { ok: false, error: chamberError('unknown_command', `There is no command called ${JSON.stringify(type.slice(0, 80))}.`, { field: 'type' }) };
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: zodToChamberError(parsed.error, type) };
    return decideAndRecord(type, (at) => decide(parsed.data as Command, at));
  };

  /** Decide at the time now and record what was decided (the common end of every way in). */
  const decideAndRecord = (type: string, decideAt: (at: string) => Decision): InvokeResult => {
    if (readOnly) return { ok: false, error: refused(`Chamber has this data open read-only (${readOnly.reason}); nothing was recorded.`) };
    const at = now().toISOString();
    try {
      const decision = decideAt(at);
      if ('error' in decision) return { ok: false, error: decision.error };
      if (decision.events.length === 0) return { ok: true, result: { ids: decision.ids ?? {}, events: 0, recorded: [] } };
      const { recorded, work, lists } = commit(decision.events, at);
      for (const [stream, entry] of work) cache.set(stream, entry.draft.state);
      log.committed(recorded);
      notify(work, lists);
      return { ok: true, result: { ids: decision.ids ?? {}, events: recorded.length, recorded: recorded.map((e) => e.type) } };
    } catch (error) {
      // The transaction rolled back and the cache was not touched: the record is as it was.
      // The command's type goes in the details, not in the sentence the clerk reads.
      return { ok: false, error: chamberError('internal', `Chamber could not record this: ${(error as Error).message}. Nothing was changed.`, { command: type }) };
    }
  };

  const dispatchAsMember = (memberId: string, meetingId: string, input: unknown): InvokeResult => {
    const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !(MEMBER_COMMAND_TYPES as readonly string[]).includes(type)) {
      return { ok: false, error: chamberError('invalid_command', "A member's device may only vote or ask to speak.", { field: 'type' }) };
    }
    // The device's own member and meeting, whatever the request said; the time is the server's now.
    const { time: _time, source: _source, ...rest } = input as Record<string, unknown>;
    const parsed = commandSchemaByType.get(type)!.safeParse({ ...rest, memberId, meetingId });
    if (!parsed.success) return { ok: false, error: zodToChamberError(parsed.error, type) };
    const command = (type === 'vote.cast' ? { ...parsed.data, source: 'member' } : parsed.data) as Command;
    return decideAndRecord(type, (at) => decide(command, at));
  };

  const dispatchDecision = (what: string, decideWith: (view: StateView, ctx: HandlerContext) => Decision): InvokeResult =>
    decideAndRecord(what, (at) => decideWith(view, { now: at, newId, timeZone: settingsOf().timeZone }));

  const missing = (what: string, id?: string): { ok: false; error: ChamberError } => ({ ok: false, error: notFound(what, 'topic', id) });

  const read = <T extends Topic>(topic: T): ReadResult<T> => {
    followOtherWriters();
    if (typeof topic !== 'string' || !isTopic(topic)) return missing(`There is no topic called "${String(topic).slice(0, 80)}".`);
    if (topic === 'meetings') return { ok: true, data: (listMeetings.all() as MeetingSummary[]).sort(compareMeetings) as TopicValue<T> };
    if (topic === 'bodies') return { ok: true, data: view.bodies() as TopicValue<T> };
    if (topic === 'settings') return { ok: true, data: settingsOf() as TopicValue<T> };
    const [kind, id] = [topic.slice(0, topic.indexOf(':')), topic.slice(topic.indexOf(':') + 1)];
    if (kind === 'meeting' || kind === 'display') {
      const meeting = view.meeting(id);
      if (!meeting) return missing('Chamber has no record of that meeting.', id);
      if (kind === 'meeting') return { ok: true, data: meeting as TopicValue<T> };
      const body = meeting.bodyId ? view.body(meeting.bodyId) : undefined;
      const settings = settingsOf();
      return { ok: true, data: chamberDisplay(meeting, body, settings.timeZone, settings.speechWarningSeconds, { volume: settings.bellVolume, muted: settings.bellMuted }) as TopicValue<T> };
    }
    const body = view.body(id);
    return body ? { ok: true, data: body as TopicValue<T> } : missing('Chamber has no record of that body.', id);
  };

  /** Write the taken events and each stream's replayed state, all or nothing. */
  const storeTaken = db.transaction((events: readonly RecordedEvent[], streams: readonly string[]) => {
    log.insertRecorded(events);
    const lists = new Set<ListTopic>();
    const states = new Map<string, object>();
    for (const stream of streams) {
      // The state before, read before it is replaced (the lists are updated only where it changed).
      const previous = stateOf(stream);
      const history = log.read(stream);
      const state = replayStream(stream, history);
      if (!state) throw new Error(`the events of ${stream} hold no state`);
      projections.replaceWhole(stream, state, history[history.length - 1].seq);
      const list = projections.mirror(stream, state, previous);
      if (list) lists.add(list);
      states.set(stream, state);
    }
    return { lists, states };
  });

  const takeRecorded = (events: readonly RecordedEvent[]): TakeOutcome => {
    if (readOnly) return { ok: false, error: refused(`Chamber has this data open read-only (${readOnly.reason}); nothing was taken.`) };
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const event of events) {
      const kind = streamKindName(event.stream);
      if (kind !== 'body' && kind !== 'meeting') return { ok: false, error: refused(`A meeting pack holds only a body and a meeting; it also held ${event.stream}. Nothing was taken.`) };
      if (!isEventType(event.type) || !eventSchemas[event.type].safeParse(event.payload).success)
        return { ok: false, error: refused(`Event ${event.seq} of ${event.stream} is not a fact this version of Chamber records (${event.type.slice(0, 60)}). Nothing was taken.`) };
      const fault = faultOf(event as unknown as WireEvent, heads.get(event.stream) ?? log.headOf(event.stream));
      if (fault) return { ok: false, error: refused(`The pack does not continue this laptop's record: ${fault.message} Nothing was taken.`) };
      heads.set(event.stream, { seq: event.seq, hash: event.hash });
    }
    const streams = [...heads.keys()];
    if (streams.length === 0) return { ok: true, streams };
    let stored;
    try {
      stored = storeTaken(events, streams);
    } catch (error) {
      return { ok: false, error: chamberError('internal', `Chamber could not take the pack: ${(error as Error).message}. Nothing was changed.`) };
    }
    log.committed(events);
    const updates: StateUpdate[] = [];
    for (const list of stored.lists) {
      const value = read(list);
      if (value.ok) updates.push({ topic: list, data: value.data });
    }
    for (const [stream, state] of stored.states) {
      cache.set(stream, state);
      updates.push({ topic: stream as Topic, data: state } as StateUpdate);
    }
    for (const update of updates) for (const listener of listeners) listener(update);
    return { ok: true, streams };
  };

  return {
    dispatch,
    dispatchAsMember,
    dispatchDecision,
    takeRecorded,
    read,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    verify: () => verifyRecord(db),
    log,
  };
};
