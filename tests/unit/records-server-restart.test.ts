// The records server as a real process: killed (SIGKILL) in the middle of a push and started
// again, the laptop resumes from the status heads and the server holds every event exactly once.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/sqliteStorage';
import type { StatusResponse, WireEvent } from '../../shared/sync/protocol';
import { tempFolder } from '../support/meeting';
import { client, pushBody, recordedMeeting } from '../support/recordsServer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'server/cli.ts');
/** node itself with tsx's loader (not the tsx wrapper, which runs node as a child): SIGKILL reaches the server. */
const node = (args: string[]) => [process.execPath, ['--import', 'tsx', cli, ...args]] as const;

const startServer = async (dataDir: string): Promise<{ child: ChildProcess; base: string }> => {
  const child = spawn(...node(['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]), { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server stopped (${code}) before listening: ${out}`)));
  });
  return { child, base };
};

const batches = (events: readonly WireEvent[], size: number): WireEvent[][] =>
  Array.from({ length: Math.ceil(events.length / size) }, (_, i) => events.slice(i * size, (i + 1) * size));

describe('the records server restarted mid-push', () => {
  const folder = tempFolder('chamber-records-restart-');
  let running: ChildProcess | undefined;
  afterAll(() => {
    running?.kill('SIGKILL');
    folder.remove();
  });

  it('resumes from the status heads and holds every event exactly once', async () => {
    const added = spawnSync(...node(['add-device', 'Clerk laptop', '--data-dir', folder.path]), { cwd: root, encoding: 'utf8' });
    expect(added.status).toBe(0);
    const key = /key \(shown this once[^)]*\): (\S+)/.exec(added.stdout)![1];
    const { meetingId, meeting, body } = recordedMeeting(120);
    const all = [...body, ...meeting];

    let server = await startServer(folder.path);
    running = server.child;
    let laptop = client(server.base, key);
    const first = await laptop.push(pushBody(all.slice(0, 40)));
    expect(first.status).toBe(200);
    // The next pushes are in flight when the server is killed.
    const inFlight = batches(all.slice(40), 40).map((batch) => laptop.push(pushBody(batch)).catch(() => undefined));
    server.child.kill('SIGKILL');
    await once(server.child, 'exit');
    await Promise.all(inFlight);

    server = await startServer(folder.path);
    running = server.child;
    laptop = client(server.base, key);
    const status = (await (await laptop.get('/sync/v1/status')).json()) as StatusResponse;
    const rest = all.filter((e) => e.seq > (status.heads[e.stream]?.seq ?? 0));
    for (const batch of batches(rest, 50)) expect((await laptop.push(pushBody(batch))).status).toBe(200);
    // Pushing everything again stores nothing more.
    for (const batch of batches(all, 500)) expect((await (await laptop.push(pushBody(batch))).json()).receipt.accepted).toBe(0);
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    running = undefined;

    const storage = openSqliteStorage(folder.path);
    const [device] = (await storage.devices()).map((d) => d.id);
    for (const stream of [meeting[0].stream, body[0].stream]) {
      const held = await storage.events(device, stream);
      expect(held).toEqual(all.filter((e) => e.stream === stream));
    }
    await storage.close();
    const verified = spawnSync(...node(['verify', meetingId, '--data-dir', folder.path]), { cwd: root, encoding: 'utf8' });
    expect(verified.stdout).toContain(`${meeting.length} events, verifies`);
    expect(verified.status).toBe(0);
  }, 60_000);
});
