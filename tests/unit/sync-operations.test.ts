// The one table of the clerk's sync operations (electron/core/sync/syncOperations.ts) that browser
// mode's routes and the desktop app's core both run: each operation against a real core and a
// records server on loopback, an unknown operation and input an operation does not take refused in
// words, and the device key never in an answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYNC_OPERATION_NAMES, SYNC_ROUTES, type SyncAnswer, type SyncStatus } from '../../shared/syncApi';
import { createSyncClient, type SyncClient } from '../../electron/core/sync/syncClient';
import { isSyncOperationName, runSyncOperation, syncOperations } from '../../electron/core/sync/syncOperations';
import { startFakeRecordsServer, type FakeRecordsServer } from '../support/fakeRecordsServer';
import { openTestCore, type TestCore } from '../support/meeting';

const waitFor = async (what: string, ready: () => boolean, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
};

const dataOf = <T>(answer: SyncAnswer): T => {
  if (!answer.ok) throw new Error(`refused: ${answer.error.message}`);
  return answer.data as T;
};

describe("the clerk's sync operations", () => {
  let core: TestCore;
  let server: FakeRecordsServer;
  let sync: SyncClient;
  const answers: SyncAnswer[] = [];
  const run = async (operation: unknown, input?: unknown) => {
    const answer = await runSyncOperation(sync, operation, input);
    answers.push(answer);
    return answer;
  };
  const status = async () => dataOf<SyncStatus>(await run('status'));

  beforeEach(async () => {
    server = await startFakeRecordsServer();
    core = openTestCore();
    core.kccMeeting();
    sync = createSyncClient({ db: core.db, timeoutMs: 10_000 });
    answers.length = 0;
  });
  afterEach(async () => {
    // No answer, whatever was asked, ever carried the device key back.
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(server.deviceKey);
    sync.stop();
    await server.close();
    core.dispose();
  });

  it('has a route for each operation, and only those', () => {
    expect(Object.keys(syncOperations).sort()).toEqual([...SYNC_OPERATION_NAMES].sort());
    expect(Object.keys(SYNC_ROUTES).sort()).toEqual(['configure', 'markPackSeen', 'packs', 'publishPack', 'push', 'status', 'takePack', 'verify']);
    answers.push({ ok: true, data: null });
  });

  it('status: how things stand, taking nothing (or an empty object, as browser mode posts)', async () => {
    const fresh = await status();
    expect(fresh).toMatchObject({ serverUrl: null, keySet: false, autoSync: false, waitingTotal: core.eventCount(), divisionOpen: false, meetingSitting: false });
    expect(dataOf<SyncStatus>(await run('status', {}))).toEqual(fresh);
    expect(dataOf<SyncStatus>(await run('status', null))).toEqual(fresh);
  });

  it('configure: keeps the address and the key, answers with whether a key is set, never the key', async () => {
    const answer = await run('configure', { serverUrl: `${server.url}/`, deviceKey: ` ${server.deviceKey} `, autoSync: true });
    expect(answer).toMatchObject({ ok: true, data: { serverUrl: server.url, keySet: true, autoSync: true } });
    expect(await status()).toMatchObject({ serverUrl: server.url, keySet: true, autoSync: true });
    // The key is kept as given (trimmed), beside the record.
    expect(core.db.prepare('SELECT device_key FROM sync_config WHERE id = 1').pluck().get()).toBe(server.deviceKey);
    // Changing one setting leaves the others.
    expect(await run('configure', { autoSync: false })).toMatchObject({ ok: true, data: { serverUrl: server.url, keySet: true, autoSync: false } });
  });

  it('configure: refuses settings it does not understand in words, and changes nothing', async () => {
    const notUnderstood = "The sync settings were not understood: a server address, a device key, whether to sync by itself and the records server's certificate.";
    for (const input of [undefined, null, 'https://records.example.gov.uk', [], { serverUrl: 42 }, { autoSync: 'yes' }, { deviceKey: 'k', password: 'p' }, { serverUrl: 'x'.repeat(501) }]) {
      expect(await run('configure', input)).toEqual({ ok: false, error: { code: 'invalid_command', message: notUnderstood, details: {} } });
    }
    // The client's own checks still speak: an address that is not https, a blank key.
    expect(await run('configure', { serverUrl: 'ftp://records' })).toMatchObject({ ok: false, error: { code: 'invalid_command', details: { field: 'serverUrl' } } });
    // The certificate reaches the client's own check through the operation (once refused here as "not understood").
    expect(await run('configure', { serverCertificate: 'records.kent.test' })).toMatchObject({ ok: false, error: { code: 'invalid_command', details: { field: 'serverCertificate' } } });
    expect(await run('configure', { deviceKey: '   ' })).toEqual({
      ok: false,
      error: { code: 'invalid_command', message: 'The device key must not be blank.', details: { field: 'deviceKey' } },
    });
    expect(await status()).toMatchObject({ serverUrl: null, keySet: false, autoSync: false });
  });

  it('push: refused in words until configured; then starts at once, and the events go up', async () => {
    expect(await run('push')).toEqual({
      ok: false,
      error: {
        code: 'refused',
        message: "Chamber does not know the records server's address and this laptop's device key yet: enter them on the sync screen.",
        details: {},
      },
    });
    dataOf(await run('configure', { serverUrl: server.url, deviceKey: server.deviceKey }));
    server.slowPushes(200);
    expect(await run('push', {})).toEqual({ ok: true, data: { started: true, words: 'Sync started.' } });
    // A second press while it runs starts nothing new.
    expect(await run('push')).toEqual({ ok: true, data: { started: false, words: 'A sync is already under way.' } });
    await waitFor('the push to end', () => !sync.status().pushing && sync.status().lastOutcome !== undefined);
    const now = await status();
    expect(now).toMatchObject({ waitingTotal: 0, lastSync: { signatureVerified: true } });
    expect(now.lastError).toBeUndefined();
    expect(server.storedCount()).toBe(core.eventCount());
    expect(server.pushes.requests).toBe(1);
  });

  it("verify: starts the check of the server's copy at once; the answer arrives in status", async () => {
    dataOf(await run('configure', { serverUrl: server.url, deviceKey: server.deviceKey }));
    await sync.push();
    expect(await run('verify')).toEqual({ ok: true, data: { started: true } });
    await waitFor('the check', () => sync.status().verification !== undefined && !sync.status().verifying);
    const checked = await status();
    expect(checked.verification).toMatchObject({ ok: true });
    expect(checked.verification?.streams.every((s) => s.ok)).toBe(true);
  });

  it('refuses input the status, push and verify operations do not take, doing nothing', async () => {
    dataOf(await run('configure', { serverUrl: server.url, deviceKey: server.deviceKey }));
    const takes = {
      status: 'Reading how sync stands takes nothing: send it without any settings.',
      push: 'Sync now takes nothing: send it without any settings.',
      verify: "Checking the server's copy takes nothing: send it without any settings.",
    };
    for (const [operation, message] of Object.entries(takes)) {
      for (const input of [{ force: true }, 'now', 1, [], { automatic: true }]) {
        expect(await run(operation, input)).toEqual({ ok: false, error: { code: 'invalid_command', message, details: {} } });
      }
    }
    await new Promise((done) => setTimeout(done, 50));
    expect(server.pushes.requests).toBe(0);
    expect(sync.status()).toMatchObject({ verifying: false, waitingTotal: core.eventCount() });
    expect(sync.status().verification).toBeUndefined();
  });

  it('refuses an unknown operation by name, in words, whatever names it', async () => {
    const knows = 'it knows status, configure, push, verify, packs, takePack, markPackSeen and publishPack.';
    expect(await run('pull', { meetingId: 'x' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: `Chamber has no sync operation "pull": ${knows}`, details: { field: 'operation' } },
    });
    // Names an object has by inheritance are not operations.
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'STATUS', ' status']) {
      expect(isSyncOperationName(name)).toBe(false);
      expect(await run(name)).toMatchObject({ ok: false, error: { code: 'not_found', message: `Chamber has no sync operation "${name}": ${knows}` } });
    }
    const long = await run('p'.repeat(1000));
    expect(!long.ok && long.error.message).toBe(`Chamber has no sync operation "${'p'.repeat(40)}": ${knows}`);
    // Not a name at all; one whose toString throws is never called.
    const hostile = { toString: () => { throw new Error('called'); } };
    for (const [name, words] of [[42, 'number'], [null, 'null'], [undefined, 'undefined'], [hostile, 'object']] as const) {
      expect(await run(name)).toEqual({ ok: false, error: { code: 'not_found', message: `Chamber has no sync operation named by a ${words}: ${knows}`, details: { field: 'operation' } } });
    }
    expect(await status()).toMatchObject({ keySet: false });
  });

  it('answers an operation that fails unexpectedly in words, without the input', async () => {
    const broken = { ...sync, configure: () => { throw new Error('the disk is full'); } } as SyncClient;
    const answer = await runSyncOperation(broken, 'configure', { deviceKey: server.deviceKey });
    answers.push(answer);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'Sync could not do that: the disk is full. Nothing has been lost; try again.', details: {} } });
  });
});
