// The desktop app's core supervisor over the real core (electron/core/utility.ts, forked as a Node
// child process as Electron forks it as a utility process). SIGKILL the core straight after an
// acknowledgement: the supervisor restarts it, every acknowledged command is there, the command in
// flight got a clear error, the windows were told and got their topics whole again; and a core
// that finds the data taken by another Chamber is not restarted.
import BetterSqlite3 from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../shared/api';
import type { Command } from '../../shared/commands';
import { meetingTopic, type StateUpdate } from '../../shared/topics';
import { acquireDataLock, readHolderInfo, type DataLock } from '../../electron/core/store/dataLock';
import { EventLog } from '../../electron/core/store/eventLog';
import { createCoreSupervisor, STOPPED_BEFORE_CONFIRMING, type CoreSupervisor } from '../../electron/main/coreSupervisor';
import { createRelay } from '../../electron/main/relay';
import { forkedCore } from '../support/forkCore';
import { createMeetingCommand, kccBody, kccMeeting, tempFolder } from '../support/meeting';

const waitFor = async (what: string, ready: () => boolean, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
};

const exited = (child: ChildProcess | undefined) =>
  new Promise<void>((done) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
  });

const idsOf = (result: InvokeResult): Record<string, string> => {
  if (!result.ok) throw new Error(result.error.message);
  return result.result.ids;
};

describe('the core supervisor, over the real core', () => {
  let folder = tempFolder('chamber-restart-');
  let supervisor: CoreSupervisor | undefined;
  let processes: ChildProcess[] = [];
  let lock: DataLock | undefined;
  afterEach(async () => {
    supervisor?.stop();
    await Promise.all(processes.map(exited));
    lock?.release();
    lock = undefined;
    folder.remove();
    folder = tempFolder('chamber-restart-');
  });
  afterAll(() => folder.remove());

  it('restarts a core killed straight after an acknowledgement, without losing an acknowledged command', { timeout: 180_000 }, async () => {
    const cores = forkedCore(folder.path);
    processes = cores.processes;
    const logs: string[] = [];
    const running = createCoreSupervisor({ start: cores.start, backoffMs: () => 100, log: (line) => void logs.push(line) });
    supervisor = running;
    const connection: boolean[] = [];
    running.onConnectionChange((connected) => connection.push(connected));
    const fatal: string[] = [];
    running.onFatal((message) => fatal.push(message));

    await running.start();
    // The core holds the data for the desktop app, named by the main process's id.
    expect(readHolderInfo(folder.path)).toMatchObject({ kind: 'desktop', pid: process.pid });

    const { bodyId } = idsOf(await running.invoke(kccBody));
    const { meetingId } = idsOf(await running.invoke(createMeetingCommand(bodyId)));
    const topic = meetingTopic(meetingId);
    const edit = (title: string): Command => ({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, title });

    // A window watching the meeting, through the relay main uses.
    const received: { channel: string; payload: unknown }[] = [];
    const relay = createRelay({ core: running, send: (_id: number, channel: string, payload: unknown) => void received.push({ channel, payload }) });
    relay.opened(1, { kind: 'clerk' });
    relay.watch(1, [topic]);
    await waitFor('the first snapshot', () => received.length > 0);
    expect(received[0]).toMatchObject({ channel: 'chamber:update', payload: { topic, data: { id: meetingId, seq: 1 } } });

    const acknowledged: string[] = [kccMeeting.title];
    const inFlightTitles: string[] = [];
    for (let round = 1; round <= 3; round += 1) {
      for (let i = 1; i <= 4; i += 1) {
        const title = `County Council, round ${round}, edit ${i}`;
        expect(await running.invoke(edit(title))).toMatchObject({ ok: true });
        acknowledged.push(title);
      }
      const before = connection.length;
      const child = cores.current()!;
      received.length = 0;
      // One more command on its way, and the core killed the moment it was sent: no clean shutdown.
      const inFlightTitle = `County Council, round ${round}, in flight`;
      inFlightTitles.push(inFlightTitle);
      const inFlight = running.invoke(edit(inFlightTitle));
      child.kill('SIGKILL');

      expect(await inFlight).toEqual({ ok: false, error: { code: 'internal', message: STOPPED_BEFORE_CONFIRMING, details: {} } });
      await waitFor('the restarted core', () => connection.length === before + 2);
      expect(connection.slice(before)).toEqual([false, true]);
      expect(cores.processes).toHaveLength(round + 1);
      expect(readHolderInfo(folder.path)).toMatchObject({ kind: 'desktop', pid: process.pid });

      // The window was told, then got the meeting whole again from the new core.
      await waitFor('the snapshot after the restart', () => received.some((r) => r.channel === 'chamber:update'));
      expect(received[0]).toEqual({ channel: 'chamber:connection', payload: false });
      expect(received[1]).toEqual({ channel: 'chamber:connection', payload: true });
      const snapshot = (received[2].payload as StateUpdate & { data: { title: string; seq: number } }).data;
      const meeting = await running.read(topic);
      expect(meeting).toMatchObject({ ok: true, data: { seq: snapshot.seq, title: snapshot.title } });
      // Every acknowledged edit is there; the one in flight may or may not be (it was not confirmed).
      if (snapshot.title === inFlightTitle) acknowledged.push(inFlightTitle);
      else expect(snapshot.title).toBe(acknowledged.at(-1));
      expect(snapshot.seq).toBe(acknowledged.length);

      // And it takes commands again, the window receiving their changes.
      const next = `County Council, round ${round}, after the restart`;
      expect(await running.invoke(edit(next))).toMatchObject({ ok: true });
      acknowledged.push(next);
      await waitFor('the change pushed to the window', () => received.length > 3);
      expect(received[3]).toMatchObject({ channel: 'chamber:update', payload: { topic, patch: { fromSeq: acknowledged.length - 1, seq: acknowledged.length } } });
    }
    expect(fatal).toEqual([]);
    expect(logs.filter((line) => line.includes('stopped unexpectedly (signal SIGKILL)'))).toHaveLength(3);

    running.stop();
    await Promise.all(processes.map(exited));
    const db = new BetterSqlite3(join(folder.path, 'chamber.sqlite'), { readonly: true });
    try {
      const log = new EventLog(db);
      const titles = log.read(topic).map((event) => (event.payload as { title: string }).title);
      expect(titles).toEqual(acknowledged);
      expect(log.verify()).toEqual({ ok: true, events: 1 + acknowledged.length });
      expect(titles.filter((title) => inFlightTitles.includes(title)).length).toBeLessThanOrEqual(3);
    } finally {
      db.close();
    }
  });

  it('does not restart a core that finds the data taken by another Chamber: that is fatal, with the lock\'s message', { timeout: 120_000 }, async () => {
    const cores = forkedCore(folder.path);
    processes = cores.processes;
    const running = createCoreSupervisor({ start: cores.start, backoffMs: () => 300, log: () => undefined });
    supervisor = running;
    const fatal: string[] = [];
    running.onFatal((message) => fatal.push(message));
    // The moment the core is lost, browser mode takes the data (before the restart).
    running.onConnectionChange((connected) => {
      if (!connected) lock = acquireDataLock(folder.path, { kind: 'browser', address: 'http://127.0.0.1:4780/' });
    });
    await running.start();
    cores.current()!.kill('SIGKILL');
    await waitFor('the fatal report', () => fatal.length > 0);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatch(/is in use by Chamber browser mode \(process \d+, http:\/\/127\.0\.0\.1:4780\/\)/);
    expect(cores.processes).toHaveLength(2);
    await exited(cores.current());
    await new Promise((done) => setTimeout(done, 1000));
    expect(cores.processes).toHaveLength(2);
    expect(running.connected).toBe(false);
  });

  it('refuses to start when another Chamber holds the data, saying who', { timeout: 120_000 }, async () => {
    lock = acquireDataLock(folder.path, { kind: 'browser', address: 'http://127.0.0.1:4780/' });
    const cores = forkedCore(folder.path);
    processes = cores.processes;
    const running = createCoreSupervisor({ start: cores.start, log: () => undefined });
    supervisor = running;
    await expect(running.start()).rejects.toThrow(/in use by Chamber browser mode/);
    await exited(cores.current());
    expect(cores.processes).toHaveLength(1);
  });
});
