// Browser mode as `npm run web` starts it: one writer per data folder, read-only beside it, and
// the chamber network served apart from the clerk's screen.
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openCore } from '../../electron/core/core';
import { DataLockError } from '../../electron/core/store/dataLock';
import { browserModeRefusal, startBrowserMode, type BrowserMode } from '../support/browserMode';
import { kccBody, kccMeeting, tempFolder } from '../support/meeting';
import { itWhere } from '../support/skips';

const running: BrowserMode[] = [];
const folders: { remove(): void }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.kill()));
  folders.splice(0).forEach((f) => f.remove());
});
const folder = () => {
  const f = tempFolder();
  folders.push(f);
  return f.path;
};
const start = async (dir: string, args: string[] = []) => {
  const r = await startBrowserMode(dir, { args });
  running.push(r);
  return r;
};

describe('one data folder, one writer', () => {
  it('refuses a second browser mode on the same data, saying which process has it and where', async () => {
    const dir = folder();
    const first = await start(dir);
    const second = await browserModeRefusal(dir);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`is in use by Chamber browser mode (process ${first.process.pid}, ${first.url}/)`);
    expect(second.output).toContain('--read-only');
    // The first is untouched and still records.
    expect((await first.post(kccBody)).status).toBe(200);
  });

  it('refuses a second core in the same process too', async () => {
    const dir = folder();
    const core = openCore(dir);
    try {
      expect(() => openCore(dir)).toThrowError(DataLockError);
    } finally {
      core.close();
    }
    openCore(dir).close(); // released on close
  });

  it('opens read-only beside the writer: reads what it records, refuses to record anything itself', async () => {
    const dir = folder();
    const writer = await start(dir);
    const { bodyId } = (await writer.post(kccBody)).body.result.ids;
    const reader = await start(dir, ['--read-only']);
    expect(reader.output()).toContain('(read-only)');
    const refused = await reader.post({ type: 'meeting.create', bodyId, ...kccMeeting });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'refused', message: expect.stringContaining('read-only') } } });
    const created = await writer.post({ type: 'meeting.create', bodyId, ...kccMeeting });
    const { meetingId } = created.body.result.ids;
    expect(await reader.read('meetings')).toMatchObject({ ok: true, data: [{ id: meetingId }] });
    await writer.post({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, title: 'Extraordinary meeting' });
    expect(await reader.read(`meeting:${meetingId}`)).toMatchObject({ ok: true, data: { title: 'Extraordinary meeting' } });
  });
});

describe('the chamber network', () => {
  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && !a.internal && a.family === 'IPv4')?.address;

  it('refuses to serve another address unless told, and explains each wrong combination', async () => {
    const dir = folder();
    expect(await browserModeRefusal(dir, ['--host', '192.0.2.99'])).toMatchObject({ code: 2, output: expect.stringContaining('add --allow-network') });
    expect(await browserModeRefusal(dir, ['--allow-network'])).toMatchObject({ code: 2, output: expect.stringContaining('--allow-network needs --host') });
    expect(await browserModeRefusal(dir, ['--cert', 'a.pem'])).toMatchObject({ code: 2, output: expect.stringContaining('both --cert and --key') });
  });

  const lan = { met: lanAddress !== undefined, reason: 'this machine has no network address besides loopback to serve the chamber network on', requiredInCi: true };

  itWhere(lan, 'serves the clerk on 127.0.0.1 and the chamber network apart, printing both; the network never takes the token', async () => {
    const dir = folder();
    const chamber = await start(dir, ['--host', lanAddress!, '--allow-network']);
    const network = new RegExp(`Chamber network:\\s+(http://${lanAddress!.replace(/\./g, '\\.')}:\\d+)/`).exec(chamber.output())?.[1];
    expect(chamber.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(network).toBeDefined();
    // (The pages themselves, with and without the token, are checked in Chromium by the e2e suite.)
    const { bodyId } = (await chamber.post(kccBody)).body.result.ids;
    const viaNetwork = await fetch(`${network}/api/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chamber.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'meeting.create', bodyId, ...kccMeeting }),
    });
    expect(viaNetwork.status).toBe(401);
    // A device on the network connects to the live channel with no token, and is welcome.
    const socket = new WebSocket(`${network!.replace('http', 'ws')}/api/live`);
    const welcome = await new Promise<unknown>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ kind: 'hello' })));
      socket.on('message', (data) => resolve(JSON.parse(String(data))));
      socket.on('error', reject);
    });
    expect(welcome).toEqual({ kind: 'welcome', clerk: false });
    socket.close();
  });
});
