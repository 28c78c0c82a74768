// Verifying a data file: every stream's hash chain, every event against its schema, and that a
// replay of the whole log gives exactly the state stored (heads, parts and list rows). Read-only.
import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../shared/canonicalJson';
import { eventSchemas, isEventType } from '../../../shared/events';
import { summariseBody, type BodyState } from '../../../shared/state/body';
import { summariseMeeting, type MeetingState } from '../../../shared/state/meeting';
import { headOf, partsOf } from '../../../shared/state/parts';
import { replayStream, streamKind, streamKindName } from '../../../shared/state/streams';
import { EventLog, type ChainCheck } from './eventLog';
import { Projections } from './projections';
import { streamsOf } from './rebuild';

export interface Difference {
  stream: string;
  /** Which part differs: "head.status", "attendance/<member id>", "declarations (order)", "meetings list row"… */
  part: string;
  stored: string;
  replayed: string;
}

export interface VerifyReport {
  ok: boolean;
  streams: number;
  events: number;
  chain: ChainCheck;
  /** Events whose type is unknown or whose payload does not match its schema. */
  invalidEvents: { stream: string; seq: number; type: string; problem: string }[];
  differences: Difference[];
}

const MAX_REPORTED = 200;

const json = (value: unknown): string => (value === undefined ? '(absent)' : canonicalJson(value));

/** The differences between two states of one stream, part by part. */
const compareStates = (stream: string, stored: object | undefined, replayed: object | undefined): Difference[] => {
  const kind = streamKind(stream);
  if (!kind) return [{ stream, part: 'stream', stored: 'unknown kind of stream', replayed: '' }];
  if (!stored || !replayed) return stored === replayed ? [] : [{ stream, part: 'state', stored: stored ? 'present' : '(absent)', replayed: replayed ? 'present' : '(absent)' }];
  const out: Difference[] = [];
  const storedHead = headOf(stored as Record<string, unknown>, kind.shape);
  const replayedHead = headOf(replayed as Record<string, unknown>, kind.shape);
  for (const field of new Set([...Object.keys(storedHead), ...Object.keys(replayedHead)])) {
    const a = json(storedHead[field]);
    const b = json(replayedHead[field]);
    if (a !== b) out.push({ stream, part: `head.${field}`, stored: a, replayed: b });
  }
  const storedParts = new Map(partsOf(stored as Record<string, unknown>, kind.shape).map((p) => [p.key, json(p.value)]));
  const replayedParts = new Map(partsOf(replayed as Record<string, unknown>, kind.shape).map((p) => [p.key, json(p.value)]));
  for (const key of new Set([...storedParts.keys(), ...replayedParts.keys()])) {
    const a = storedParts.get(key) ?? '(absent)';
    const b = replayedParts.get(key) ?? '(absent)';
    if (a !== b) out.push({ stream, part: key, stored: a, replayed: b });
  }
  for (const list of kind.shape.lists) {
    const order = (state: object) => ((state as Record<string, { id: string }[]>)[list] ?? []).map((e) => e.id).join(',');
    if (order(stored) !== order(replayed)) out.push({ stream, part: `${list} (order)`, stored: order(stored), replayed: order(replayed) });
  }
  return out;
};

export const verifyRecord = (db: Database): VerifyReport => {
  const log = new EventLog(db);
  const projections = new Projections(db);
  const chain = log.verify();
  const invalidEvents: VerifyReport['invalidEvents'] = [];
  const differences: Difference[] = [];
  const seen = new Set<string>();
  let streams = 0;
  let events = 0;
  const meetingRow = db.prepare('SELECT id, body_id AS bodyId, body, title, date, start_time AS startTime, venue, status FROM meetings WHERE id = ?');
  const bodyRow = db.prepare('SELECT id, name, kind, member_count AS memberCount FROM bodies WHERE id = ?');

  for (const { stream, events: history } of streamsOf(log)) {
    streams += 1;
    events += history.length;
    seen.add(stream);
    for (const event of history) {
      if (invalidEvents.length >= MAX_REPORTED) break;
      if (!isEventType(event.type)) {
        invalidEvents.push({ stream, seq: event.seq, type: event.type, problem: 'unknown event type' });
        continue;
      }
      const parsed = eventSchemas[event.type].safeParse(event.payload);
      if (!parsed.success) invalidEvents.push({ stream, seq: event.seq, type: event.type, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
    if (!streamKind(stream)) {
      differences.push({ stream, part: 'stream', stored: 'unknown kind of stream', replayed: '' });
      continue;
    }
    const replayed = replayStream(stream, history);
    const stored = projections.load(stream);
    if (differences.length < MAX_REPORTED) differences.push(...compareStates(stream, stored, replayed));
    const kindName = streamKindName(stream);
    if (replayed && kindName === 'meeting') {
      const expected = summariseMeeting(replayed as MeetingState);
      const row = meetingRow.get(expected.id) as Record<string, unknown> | undefined;
      const normalised = row ? { ...row, bodyId: row.bodyId ?? undefined } : undefined;
      if (json(normalised) !== json(expected)) differences.push({ stream, part: 'meetings list row', stored: json(normalised), replayed: json(expected) });
    }
    if (replayed && kindName === 'body') {
      const expected = summariseBody(replayed as BodyState);
      const row = bodyRow.get(expected.id);
      if (json(row) !== json(expected)) differences.push({ stream, part: 'bodies list row', stored: json(row), replayed: json(expected) });
    }
  }
  // Stored state for which the log holds no events at all.
  for (const stream of db.prepare('SELECT stream FROM projections UNION SELECT DISTINCT stream FROM parts').pluck().all() as string[]) {
    if (!seen.has(stream)) differences.push({ stream, part: 'state', stored: 'present', replayed: '(no events)' });
  }
  const listed = (table: 'meetings' | 'bodies', kind: string) =>
    (db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]).filter((id) => !seen.has(`${kind}:${id}`));
  for (const id of listed('meetings', 'meeting')) differences.push({ stream: `meeting:${id}`, part: 'meetings list row', stored: 'present', replayed: '(no events)' });
  for (const id of listed('bodies', 'body')) differences.push({ stream: `body:${id}`, part: 'bodies list row', stored: 'present', replayed: '(no events)' });

  return {
    ok: chain.ok && invalidEvents.length === 0 && differences.length === 0,
    streams,
    events,
    chain,
    invalidEvents,
    differences: differences.slice(0, MAX_REPORTED),
  };
};

/** The report as the clerk (or a support engineer) reads it. */
export const describeVerifyReport = (report: VerifyReport): string => {
  const lines = [
    report.ok
      ? `The record verifies: ${report.events} events in ${report.streams} streams; every hash chain is intact and a replay of the log gives exactly the state stored.`
      : 'The record does NOT verify.',
    `Hash chains: ${report.chain.ok ? `intact (${report.chain.events} events)` : `broken at ${report.chain.brokenAt?.stream} event ${report.chain.brokenAt?.seq}: ${report.chain.brokenAt?.reason}`}.`,
  ];
  if (report.invalidEvents.length) {
    lines.push(`Events that do not match their schema (${report.invalidEvents.length}):`);
    for (const e of report.invalidEvents) lines.push(`  ${e.stream} #${e.seq} ${e.type}: ${e.problem}`);
  }
  if (report.differences.length) {
    lines.push(`Stored state that differs from a replay of the log (${report.differences.length}${report.differences.length >= MAX_REPORTED ? '+' : ''}):`);
    for (const d of report.differences) lines.push(`  ${d.stream} ${d.part}\n    stored:   ${d.stored.slice(0, 300)}\n    replayed: ${d.replayed.slice(0, 300)}`);
  }
  return lines.join('\n');
};
