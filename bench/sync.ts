// Pushing a 20,000-event meeting to the records server over loopback, in batches of the protocol's
// size, from the real event log (built through the API): the server re-verifies every hash and the
// chain, stores each event once and signs a receipt per batch. Then pushing it all again (every
// event a duplicate: the server stores nothing). Beside it, the bare transport: the same bytes
// posted to a route that only parses them. SQLite always; PostgreSQL where CHAMBER_TEST_POSTGRES
// says where one is. Goals: the push ≤ 3 s, the push again ≤ 300 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import type { Command } from '../shared/commands';
import { EVENT_FORMAT_VERSION, MAX_BATCH_EVENTS, SYNC_PROTOCOL_VERSION, type StatusResponse, type WireEvent } from '../shared/sync/protocol';
import { openPostgresStorage } from '../server/postgresStorage';
import { openSqliteStorage } from '../server/sqliteStorage';
import type { RecordsStorage } from '../server/storage';
import { createSyncServer } from '../server/syncServer';
import { openTestCore } from '../tests/support/meeting';
import { registerDevice } from '../tests/support/recordsServer';
import { startDay } from './meetingDay';
import { median, ms, type Row } from './stats';

const EVENTS = 20_000;
const RUNS = 3;

/** A meeting whose log holds 20,000 events, through the API; its events as stored. */
const meetingOf20000 = (): WireEvent[] => {
  const core = openTestCore();
  core.db.pragma('synchronous = OFF'); // set-up speed only
  const day = startDay(core);
  const send = (command: Command) => {
    const outcome = core.dispatch(command);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.error.message}`);
  };
  const stream = `meeting:${day.meetingId}`;
  let i = 0;
  while (core.log.read(stream).length < EVENTS) {
    for (let n = 0; n < 200; n += 1, i += 1) {
      const member = day.members[i % day.members.length];
      send({ type: 'attendance.depart', meetingId: day.meetingId, memberId: member });
      send({ type: 'attendance.mark', meetingId: day.meetingId, memberId: member, state: 'present' });
    }
  }
  const events = core.log.read(stream).slice(0, EVENTS).map((e) => ({ ...e }) as unknown as WireEvent);
  core.dispose();
  return events;
};

const batches = (events: readonly WireEvent[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < events.length; i += MAX_BATCH_EVENTS) out.push(JSON.stringify({ protocol: SYNC_PROTOCOL_VERSION, eventFormat: EVENT_FORMAT_VERSION, events: events.slice(i, i + MAX_BATCH_EVENTS) }));
  return out;
};

const postAll = async (url: string, key: string, bodies: readonly string[]): Promise<number> => {
  const started = performance.now();
  for (const body of bodies) {
    const reply = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
    if (!reply.ok) throw new Error(`push refused: ${reply.status} ${await reply.text()}`);
    await reply.arrayBuffer();
  }
  return performance.now() - started;
};

const measure = async (name: string, open: () => Promise<RecordsStorage>, events: readonly WireEvent[], bodies: readonly string[], bare: number): Promise<Row[]> => {
  const pushes: number[] = [];
  const again: number[] = [];
  const duplicates: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const storage = await open();
    const { key } = await registerDevice(storage, `Bench laptop ${run}`);
    const app = await createSyncServer({ storage });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    pushes.push(await postAll(`${address}/sync/v1/push`, key, bodies));
    duplicates.push(await postAll(`${address}/sync/v1/push`, key, bodies));
    // The push again as the laptop makes it: it asks for the heads the server holds, and has nothing after them to send.
    const started = performance.now();
    const status = (await (await fetch(`${address}/sync/v1/status`, { headers: { authorization: `Bearer ${key}` } })).json()) as StatusResponse;
    const waiting = events.filter((e) => e.seq > (status.heads[e.stream]?.seq ?? 0));
    if (waiting.length !== 0) throw new Error(`${waiting.length} events still to send after the push`);
    again.push(performance.now() - started);
    await app.close();
    await storage.close();
  }
  const push = median(pushes);
  const repush = median(again);
  return [
    {
      measure: `Push a ${EVENTS.toLocaleString('en-GB')}-event meeting to the records server (${name}), ${bodies.length} batches; ${Math.round(EVENTS / (push / 1000)).toLocaleString('en-GB')} events/s`,
      p50: ms(push),
      p99: ms(Math.max(...pushes)),
      baseline: ms(bare),
      ratio: `${(push / bare).toFixed(1)}×`,
      goal: `≤ 3 s ${push <= 3000 ? '✓' : '✗'}`,
    },
    {
      measure: `Push it again (${name}): the heads asked for, nothing left to send`,
      p50: ms(repush),
      p99: ms(Math.max(...again)),
      baseline: '',
      ratio: '',
      goal: `≤ 300 ms ${repush <= 300 ? '✓' : '✗'}`,
    },
    {
      measure: `Every batch sent again regardless (${name}): each event found a duplicate, nothing stored`,
      p50: ms(median(duplicates)),
      p99: ms(Math.max(...duplicates)),
      baseline: ms(bare),
      ratio: `${(median(duplicates) / bare).toFixed(1)}×`,
      goal: 'report',
    },
  ];
};

export const benchSync = async (): Promise<Row[]> => {
  const events = meetingOf20000();
  const bodies = batches(events);
  // The bare transport: the same bytes posted over loopback to a route that parses them and answers.
  const bareApp = Fastify({ bodyLimit: 16 * 1024 * 1024 });
  bareApp.post('/bare', async (request) => ({ received: (request.body as { events: unknown[] }).events.length }));
  const bareAddress = await bareApp.listen({ host: '127.0.0.1', port: 0 });
  const bareRuns: number[] = [];
  for (let run = 0; run < RUNS; run += 1) bareRuns.push(await postAll(`${bareAddress}/bare`, 'none', bodies));
  await bareApp.close();
  const bare = median(bareRuns);

  const folders: string[] = [];
  const rows = await measure(
    'SQLite',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'chamber-records-bench-'));
      folders.push(folder);
      return openSqliteStorage(folder);
    },
    events,
    bodies,
    bare,
  );
  const postgres = process.env.CHAMBER_TEST_POSTGRES;
  if (postgres) {
    let n = 0;
    rows.push(...(await measure('PostgreSQL', () => openPostgresStorage({ connectionString: postgres, schema: `bench_${process.pid}_${Date.now()}_${n++}` }), events, bodies, bare)));
  } else {
    rows.push({ measure: 'Push to the records server (PostgreSQL): skipped, CHAMBER_TEST_POSTGRES is not set', p50: '', p99: '', baseline: '', ratio: '', goal: '' });
  }
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  return rows;
};
