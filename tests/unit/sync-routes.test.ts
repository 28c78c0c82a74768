// The clerk's sync routes in browser mode: token-protected, never on the chamber network, and the
// device key never in an answer once set.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebHost } from '../../electron/core/host/webHost';
import { createSyncClient, type SyncStatus } from '../../electron/core/sync/syncClient';
import { startFakeRecordsServer, type FakeRecordsServer } from '../support/fakeRecordsServer';
import { openTestCore, type TestCore } from '../support/meeting';

const token = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';

describe("the clerk's sync routes", () => {
  let core: TestCore;
  let server: FakeRecordsServer;
  let clerkUrl: string;
  let networkUrl: string;
  const closers: (() => Promise<unknown>)[] = [];
  beforeEach(async () => {
    server = await startFakeRecordsServer();
    core = openTestCore();
    core.kccMeeting();
    const staticDir = join(core.folder, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<html></html>');
    const sync = createSyncClient({ db: core.db });
    const clerk = await createWebHost({ core, role: 'clerk', token, staticDir, hostNames: ['127.0.0.1'], sync });
    const network = await createWebHost({ core, role: 'network', staticDir, hostNames: ['127.0.0.1'], sync });
    clerkUrl = await clerk.listen({ host: '127.0.0.1', port: 0 });
    networkUrl = await network.listen({ host: '127.0.0.1', port: 0 });
    closers.push(() => clerk.close(), () => network.close(), () => server.close());
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    core.dispose();
  });

  const call = (base: string, path: string, method = 'GET', body?: unknown, auth = true) =>
    fetch(`${base}${path}`, {
      method,
      headers: { ...(auth ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  it('sets the server and key, pushes, and never answers with the key', async () => {
    expect((await call(clerkUrl, '/api/sync', 'GET', undefined, false)).status).toBe(401);
    const put = await call(clerkUrl, '/api/sync/config', 'PUT', { serverUrl: server.url, deviceKey: server.deviceKey });
    expect(put.status).toBe(200);
    const putText = await put.text();
    expect(putText).not.toContain(server.deviceKey);
    const push = await call(clerkUrl, '/api/sync/push', 'POST', {});
    expect(push.status).toBe(202);
    let status: SyncStatus;
    for (;;) {
      status = ((await (await call(clerkUrl, '/api/sync')).json()) as { data: SyncStatus }).data;
      if (!status.pushing && status.lastOutcome) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toMatchObject({ keySet: true, serverUrl: server.url, waitingTotal: 0, lastSync: { signatureVerified: true } });
    expect(JSON.stringify(status)).not.toContain(server.deviceKey);
    expect(server.storedCount()).toBe(core.eventCount());
    expect((await call(clerkUrl, '/api/sync/verify', 'POST', {})).status).toBe(202);
  });

  it('refuses a bad address in words, with the field', async () => {
    const put = await call(clerkUrl, '/api/sync/config', 'PUT', { serverUrl: 'ftp://records' });
    expect(put.status).toBe(400);
    expect(await put.json()).toMatchObject({ ok: false, error: { details: { field: 'serverUrl' } } });
  });

  it('has no sync routes on the chamber network', async () => {
    expect((await call(networkUrl, '/api/sync', 'GET', undefined, false)).status).toBe(401);
    expect((await call(networkUrl, '/api/sync/config', 'PUT', { deviceKey: 'x' }, false)).status).toBe(401);
    expect((await call(networkUrl, '/api/sync', 'GET', undefined, true)).status).toBe(401);
  });
});
