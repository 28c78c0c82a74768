// The desktop app's sync with the records server, without Electron: the real core
// (electron/core/utility.ts, forked by Node as Electron forks it as a utility process) answering
// 'sync' messages from the operations table, through the supervisor and the relay main uses, to
// the real records server (server/syncServer.ts, SQLite) on loopback. The clerk's window sets the
// server and key, pushes, checks the server's copy; the chairman's view and the chamber display
// are refused; a core that is killed is answered for in words and, restarted, still knows the
// settings; and the device key is in no answer and no line the core or the shell writes.
import BetterSqlite3 from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../shared/api';
import type { SyncAnswer, SyncStatus } from '../../shared/syncApi';
import { EventLog } from '../../electron/core/store/eventLog';
import {
  createCoreSupervisor,
  SYNC_RESTARTING,
  SYNC_STOPPED_BEFORE_ANSWERING,
  type CoreSupervisor,
} from '../../electron/main/coreSupervisor';
import { createRelay } from '../../electron/main/relay';
import { openSqliteStorage } from '../../server/sqliteStorage';
import { createSyncServer } from '../../server/syncServer';
import { forkedCore } from '../support/forkCore';
import { createMeetingCommand, kccBody, tempFolder } from '../support/meeting';
import { registerDevice } from '../support/recordsServer';

const CLERK = 1;
const CHAIRMAN = 2;
const DISPLAY = 3;

const waitFor = async (what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
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

describe("the desktop app's core answering the clerk's sync operations", () => {
  const cleanUp: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanUp.splice(0).reverse()) await step();
  });

  it('sets the server and key, pushes to the real records server, checks its copy, and survives a restart, never giving the key back', { timeout: 120_000 }, async () => {
    const laptop = tempFolder('chamber-desktop-sync-');
    cleanUp.push(() => laptop.remove());
    const office = tempFolder('chamber-records-');
    cleanUp.push(() => office.remove());
    const storage = openSqliteStorage(office.path);
    cleanUp.push(() => storage.close());
    const server = await createSyncServer({ storage });
    cleanUp.push(() => server.close());
    const serverUrl = (await server.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
    const { id: device, key } = await registerDevice(storage, 'Clerk laptop');

    // The core, as the desktop app runs it, with everything it writes kept to look for the key.
    const written: string[] = [];
    const cores = forkedCore(laptop.path, process.pid, { output: (text) => void written.push(text) });
    const logs: string[] = [];
    const supervisor: CoreSupervisor = createCoreSupervisor({ start: cores.start, backoffMs: () => 100, log: (line) => void logs.push(line) });
    cleanUp.push(async () => {
      supervisor.stop();
      await Promise.all(cores.processes.map(exited));
    });
    await supervisor.start();
    const connection: boolean[] = [];
    supervisor.onConnectionChange((connected) => connection.push(connected));

    const { bodyId } = idsOf(await supervisor.invoke(kccBody));
    const { meetingId } = idsOf(await supervisor.invoke(createMeetingCommand(bodyId)));

    // The windows, through the relay main uses.
    const relay = createRelay({ core: supervisor, send: () => undefined, log: (line) => void logs.push(line) });
    relay.opened(CLERK, { kind: 'clerk' });
    relay.opened(CHAIRMAN, { kind: 'chairman', meetingId });
    relay.opened(DISPLAY, { kind: 'display', meetingId });
    const answers: SyncAnswer[] = [];
    const ask = async (operation: unknown, input?: unknown, window = CLERK) => {
      const answer = await relay.sync(window, operation, input);
      answers.push(answer);
      return answer;
    };
    const status = async (): Promise<SyncStatus> => {
      const answer = await ask('status');
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data as SyncStatus;
    };

    expect(await status()).toMatchObject({ serverUrl: null, keySet: false, autoSync: false, waitingTotal: 2, verifying: false });

    // Only the clerk's own window reaches sync: not the chairman's view, not the chamber display.
    for (const window of [CHAIRMAN, DISPLAY]) {
      for (const operation of ['status', 'configure', 'push', 'verify']) {
        expect(await ask(operation, operation === 'configure' ? { serverUrl, deviceKey: key } : undefined, window)).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
      }
    }
    expect(await status()).toMatchObject({ keySet: false });

    // The clerk sets the server and key: the answer says a key is set, never which.
    expect(await ask('configure', { serverUrl, deviceKey: key })).toMatchObject({ ok: true, data: { serverUrl, keySet: true, autoSync: false } });

    // Sync now: started at once, followed through status until it ends.
    expect(await ask('push')).toEqual({ ok: true, data: { started: true, words: 'Sync started.' } });
    let now = await status();
    await waitFor('the push to end', async () => {
      now = await status();
      return !now.pushing && now.lastOutcome !== undefined;
    });
    expect(now.lastError).toBeUndefined();
    expect(now).toMatchObject({ waitingTotal: 0, lastSync: { signatureVerified: true, receipt: { accepted: 2, duplicates: 0 } } });
    expect(now.lastOutcome?.words).toBe("Sent 2 events in 1 batch; every receipt's signature verified.");

    // Check the server's copy.
    expect(await ask('verify')).toEqual({ ok: true, data: { started: true } });
    await waitFor('the check', async () => {
      now = await status();
      return now.verification !== undefined && !now.verifying;
    });
    expect(now.verification).toMatchObject({ ok: true });

    // Refusals from the table, in words.
    expect(await ask('pull', { meetingId })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Chamber has no sync operation "pull": it knows status, configure, push, verify, packs, takePack, markPackSeen and publishPack.' } });
    expect(await ask('push', { force: true })).toMatchObject({ ok: false, error: { code: 'invalid_command', message: 'Sync now takes nothing: send it without any settings.' } });
    expect(await ask('configure', { serverUrl: 'ftp://records' })).toMatchObject({ ok: false, error: { code: 'invalid_command', details: { field: 'serverUrl' } } });

    // The core is killed: one asked at that moment is told it may not have been done; one asked
    // while it restarts is told so at once; the restarted core still has the settings and receipts.
    cores.current()!.kill('SIGKILL');
    const caught = await ask('status');
    expect(caught).toEqual({ ok: false, error: { code: 'internal', message: SYNC_STOPPED_BEFORE_ANSWERING, details: {} } });
    expect(connection).toEqual([false]);
    expect(await ask('push')).toEqual({ ok: false, error: { code: 'internal', message: SYNC_RESTARTING, details: {} } });
    await waitFor('the restarted core', () => supervisor.connected);
    expect(cores.processes).toHaveLength(2);
    expect(await status()).toMatchObject({ serverUrl, keySet: true, waitingTotal: 0, lastSync: { signatureVerified: true } });
    expect(await ask('push')).toEqual({ ok: true, data: { started: true, words: 'Sync started.' } });
    await waitFor('the second push to end', async () => {
      now = await status();
      return !now.pushing && now.lastOutcome !== undefined;
    });
    expect(now.lastOutcome?.words).toBe('Nothing to send: the records server holds everything recorded here.');

    // The server holds exactly the laptop's log.
    supervisor.stop();
    await Promise.all(cores.processes.map(exited));
    const db = new BetterSqlite3(join(laptop.path, 'chamber.sqlite'), { readonly: true });
    try {
      const log = new EventLog(db);
      const streams = log.streams();
      expect(streams.sort()).toEqual([`body:${bodyId}`, `meeting:${meetingId}`].sort());
      for (const stream of streams) {
        expect((await storage.events(device, stream)).map((e) => e.hash)).toEqual(log.read(stream).map((e) => e.hash));
      }
    } finally {
      db.close();
    }

    // The key went in once, in configure; it came back in no answer and was written nowhere.
    expect(answers.length).toBeGreaterThan(20);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(key);
    expect(written.join('')).not.toContain(key);
    expect(logs.join('\n')).not.toContain(key);
    expect(logs.join('\n')).toMatch(/the core stopped unexpectedly \(signal SIGKILL\)/);
  });
});
