// Two laptops record the same meeting with the real Chamber core: the backup starts from the clerk's
// prepared record, then each clerk records the meeting as they saw it. Both push to the real records
// server over HTTP. The server keeps both logs, merges nothing, shows exactly the facts on which they
// disagree (for a person to resolve), and records each resolution as a chained event of its own.
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEvent } from '../../electron/core/store/eventLog';
import { checkStream } from '../../server/chain';
import { meetingConflicts, recordResolution } from '../../server/conflictResolutions';
import { openSqliteStorage } from '../../server/sqliteStorage';
import type { RecordsStorage } from '../../server/storage';
import { createSyncServer } from '../../server/syncServer';
import type { WireEvent } from '../../shared/sync/protocol';
import { tempFolder } from '../support/meeting';
import { client, pushBody, registerDevice } from '../support/recordsServer';
import { backupOf, laptopEvents, meetingOf, preparedMeeting, recordMeeting, type Laptop, type Prepared } from '../support/twoLaptops';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'server/cli.ts');

describe('two laptops recording the same meeting', () => {
  const folder = tempFolder('chamber-records-conflicts-');
  const adminToken = 'admin-secret';
  let storage: RecordsStorage;
  let app: FastifyInstance;
  let base: string;
  let w: Prepared;
  let backup: Laptop;
  let clerkDevice: { id: string; key: string };
  let backupDevice: { id: string; key: string };
  let attendanceKey: string;
  let divisionKey: string;

  const server = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args, '--data-dir', folder.path], { cwd: root, encoding: 'utf8' });
    return { code: run.status, out: run.stdout, err: run.stderr };
  };
  /** The same, several at once (each is a process of its own). */
  const servers = (runs: string[][]) =>
    Promise.all(
      runs.map(
        (args) =>
          new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
            const child = execFile(process.execPath, ['--import', 'tsx', cli, ...args, '--data-dir', folder.path], { cwd: root, encoding: 'utf8' }, (_error, out, err) =>
              resolve({ code: child.exitCode, out, err }),
            );
          }),
      ),
    );
  const push = async (laptop: Laptop, device: { key: string }) => {
    const answer = await client(base, device.key).push(pushBody(laptopEvents(laptop.core)));
    expect(answer.status).toBe(200);
  };
  const copyOnServer = async (device: { key: string }, stream: string) =>
    ((await (await client(base, device.key).get(`/sync/v1/streams/${stream}/events`)).json()) as { events: WireEvent[] }).events;

  beforeAll(async () => {
    w = preparedMeeting();
    backup = backupOf(w.clerk);
    // The clerk marks Mr O'Brien present and Mr Vye present; the backup has Mr O'Brien's apologies and never marks Mr Vye.
    recordMeeting(w.clerk, w, {
      marks: { 0: 'present', 1: 'present', 2: 'present', 3: 'present', 4: 'present', 5: 'present', 6: 'present' },
      votes: { 0: 'for', 1: 'for', 2: 'for', 3: 'for', 4: 'against', 5: 'against' },
    });
    recordMeeting(backup, w, {
      marks: { 0: 'present', 1: 'present', 2: 'apologies', 3: 'present', 4: 'present', 5: 'present' },
      votes: { 0: 'for', 1: 'for', 3: 'for', 4: 'against', 5: 'against' },
    });
    attendanceKey = `attendance:${w.ids[2]}`;
    divisionKey = `division:${w.itemIds[1]}#1`;

    storage = openSqliteStorage(folder.path);
    app = await createSyncServer({ storage, adminToken });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    clerkDevice = await registerDevice(storage, 'Clerk laptop');
    backupDevice = await registerDevice(storage, 'Backup laptop');
    await push(w.clerk, clerkDevice);
    await push(backup, backupDevice);
  });
  afterAll(async () => {
    await app?.close();
    await storage?.close();
    w?.clerk.dispose();
    backup?.dispose();
    folder.remove();
  });

  it('shows exactly the attendance and the division they disagree on, in words; a member marked on one laptop only is not a conflict', async () => {
    const found = (await meetingConflicts(storage, w.meetingId))!;
    expect(found.comparison.copies.map((c) => c.deviceName)).toEqual(['Clerk laptop', 'Backup laptop']);
    expect(found.conflicts.map((c) => [c.key, c.words, c.open])).toEqual([
      [attendanceKey, "Mr O'Brien: present on Clerk laptop, apologies on Backup laptop", true],
      [
        divisionKey,
        "Item 2 (Budget), division 1: For: 4 on Clerk laptop, 3 on Backup laptop; Mr O'Brien's vote: for on Clerk laptop, not recorded on Backup laptop; Mr Vye's vote: did not vote on Clerk laptop, not recorded on Backup laptop",
        true,
      ],
    ]);
    expect(found.conflicts[0].values).toEqual([
      { device: clerkDevice.id, deviceName: 'Clerk laptop', value: 'present' },
      { device: backupDevice.id, deviceName: 'Backup laptop', value: 'apologies' },
    ]);
    expect(found.conflicts[1].values.map((v) => v.value)).toEqual([
      "For: 4; Mr O'Brien's vote: for; Mr Vye's vote: did not vote",
      "For: 3; Mr O'Brien's vote: not recorded; Mr Vye's vote: not recorded",
    ]);
    // The motion (carried on both), the start and the close agree; Mr Vye is recorded by the clerk only.
    expect(found.comparison.notRecorded.map((n) => [n.key, n.words, n.recordedBy, n.missingFrom])).toEqual([
      [`attendance:${w.ids[6]}`, 'Mr Vye (present on Clerk laptop): not recorded by Backup laptop', [clerkDevice.id], [backupDevice.id]],
    ]);
  });

  it('lists them on the command line, exiting 1 while any is open; verify says so too', async () => {
    const [listed, verified] = await servers([
      ['conflicts', w.meetingId],
      ['verify', w.meetingId],
    ]);
    expect(listed.err).toBe('');
    expect(listed.code).toBe(1);
    expect(listed.out).toContain('2 open, 0 resolved between the copies.');
    expect(listed.out).toContain(`OPEN  ${attendanceKey}\n  Mr O'Brien: present on Clerk laptop, apologies on Backup laptop\n    Clerk laptop (${clerkDevice.id}): present\n    Backup laptop (${backupDevice.id}): apologies`);
    expect(listed.out).toContain(`OPEN  ${divisionKey}`);
    expect(listed.out).toContain(`attendance:${w.ids[6]}  Mr Vye (present on Clerk laptop): not recorded by Backup laptop`);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(`2 conflicts between the copies are open: see them with: conflicts ${w.meetingId}`);
  });

  it('refuses in words an unknown key, an unknown device, a missing reason or name, and records nothing', async () => {
    const choices = `Clerk laptop (${clerkDevice.id}), Backup laptop (${backupDevice.id})`;
    const runs = await servers([
      ['resolve', w.meetingId, 'attendance:nobody', '--keep', clerkDevice.id, '--by', 'Jane Roe', '--reason', 'Sheet'],
      ['resolve', w.meetingId, attendanceKey, '--keep', '00000000-0000-4000-8000-000000000000', '--by', 'Jane Roe', '--reason', 'Sheet'],
      ['resolve', w.meetingId, attendanceKey, '--keep', clerkDevice.id, '--by', 'Jane Roe'],
    ]);
    expect(runs.map((r) => [r.code, r.out, r.err.trim()])).toEqual([
      [2, '', `Not recorded: Meeting ${w.meetingId} has no conflict attendance:nobody. Its conflicts are: ${attendanceKey}, ${divisionKey}. List them with: conflicts ${w.meetingId}.`],
      [2, '', `Not recorded: No device 00000000-0000-4000-8000-000000000000 has sent this meeting. Keep one of: ${choices}.`],
      [2, '', 'Not recorded: Give the reason for this resolution: --reason "…" (it is kept with the record).'],
    ]);
    const refusal = (request: Parameters<typeof recordResolution>[2]) => recordResolution(storage, w.meetingId, request).then(() => 'recorded', (error: Error) => error.message);
    const sheet = { by: 'Jane Roe', reason: 'Sheet' };
    expect(await refusal({ key: `attendance:${w.ids[6]}`, keep: clerkDevice.id, ...sheet })).toBe(
      `attendance:${w.ids[6]} is not a conflict: one copy records it and another does not, which contradicts nothing. There is nothing to resolve.`,
    );
    expect(await refusal({ key: attendanceKey, ...sheet })).toBe(
      `Say which version is the record: --keep DEVICE_ID (one of ${choices}), or give the agreed value in words with --agreed "…".`,
    );
    expect(await refusal({ key: attendanceKey, keep: clerkDevice.id, agreed: 'present', ...sheet })).toBe('Give either --keep DEVICE_ID or --agreed "…", not both.');
    expect(await refusal({ key: attendanceKey, keep: clerkDevice.id, by: 'Jane Roe', reason: '   ' })).toContain('Give the reason for this resolution');
    expect(await refusal({ key: attendanceKey, keep: clerkDevice.id, reason: 'Sheet' })).toBe('Say who is resolving the conflict: --by "Your name".');
    expect(await storage.resolutions(w.meetingId)).toEqual([]);
  });

  it('records a resolution as a chained event that verifies; the conflict then shows as resolved', async () => {
    const reason = "Checked against the <signed> attendance sheet & the clerk's notes";
    const kept = server('resolve', w.meetingId, attendanceKey, '--keep', clerkDevice.id, '--by', 'Jane Roe, records officer', '--reason', reason);
    expect(kept.err).toBe('');
    expect(kept.code).toBe(0);
    expect(kept.out).toContain(`Recorded: ${attendanceKey} resolved (event 1 of resolutions:${w.meetingId}`);
    expect(kept.out).toContain('1 still open');

    const [event] = await storage.resolutions(w.meetingId);
    const { serverId } = await storage.identity();
    expect(event).toMatchObject({ stream: `resolutions:${w.meetingId}`, seq: 1, type: 'conflict.resolved', deviceId: serverId, prevHash: '0'.repeat(64) });
    expect(event.payload).toEqual({
      meetingId: w.meetingId,
      key: attendanceKey,
      keep: clerkDevice.id,
      by: 'Jane Roe, records officer',
      reason,
      words: "Mr O'Brien: present on Clerk laptop, apologies on Backup laptop",
      values: [
        { device: clerkDevice.id, deviceName: 'Clerk laptop', value: 'present' },
        { device: backupDevice.id, deviceName: 'Backup laptop', value: 'apologies' },
      ],
    });
    expect(event.hash).toBe(hashEvent(event.prevHash, event as unknown as Parameters<typeof hashEvent>[1]));

    const found = (await meetingConflicts(storage, w.meetingId))!;
    expect(found.conflicts.map((c) => [c.key, c.open])).toEqual([
      [attendanceKey, false],
      [divisionKey, true],
    ]);
    expect(found.conflicts[0].resolution).toMatchObject({ keep: clerkDevice.id, by: 'Jane Roe, records officer', reason, eventId: event.id });
    expect(server('conflicts', w.meetingId).code).toBe(1);

    const agreed = server('resolve', w.meetingId, divisionKey, '--agreed', "For 4, Against 2: Mr O'Brien was present and voted for", '--by', 'Jane Roe, records officer', '--reason', 'The signed sheet');
    expect(agreed.code).toBe(0);
    expect(agreed.out).toContain('No conflicts are open for this meeting now.');
    const stored = await storage.resolutions(w.meetingId);
    expect(stored.map((e) => [e.seq, e.payload.key])).toEqual([
      [1, attendanceKey],
      [2, divisionKey],
    ]);
    expect(stored[1].prevHash).toBe(stored[0].hash);
    expect(checkStream(stored)).toBeUndefined();

    const [listed, verified] = await servers([
      ['conflicts', w.meetingId],
      ['verify', w.meetingId],
    ]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('0 open, 2 resolved between the copies.');
    expect(listed.out).toContain(`RESOLVED  ${attendanceKey}`);
    expect(listed.out).toContain(`Resolved: kept Clerk laptop's version (present), by Jane Roe, records officer on ${event.at}, because: ${reason}`);
    expect(listed.out).toContain(`Resolved: agreed: For 4, Against 2: Mr O'Brien was present and voted for, by Jane Roe, records officer on ${stored[1].at}, because: The signed sheet`);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('Resolutions (kept by this server): 2 events, verify');
    expect(verified.out).not.toContain('open');
  });

  it('shows each conflict on the overview page, escaped, with nothing else of the events', async () => {
    const page = await fetch(`${base}/`, { headers: { authorization: `Basic ${Buffer.from(`officer:${adminToken}`).toString('base64')}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Conflicts between copies');
    expect(html).toContain('2 copies: 0 open, 2 resolved; 1 fact recorded by some copies only (not conflicts).');
    expect(html).toContain('Mr O&#39;Brien: present on Clerk laptop, apologies on Backup laptop');
    expect(html).toContain('Checked against the &lt;signed&gt; attendance sheet &amp; the clerk&#39;s notes');
    expect(html).not.toContain('<signed>');
    expect(html).not.toContain("O'Brien");
    // The motion's words, the venue and the body's name are events' contents, not conflicting facts.
    expect(html).not.toContain('That the budget be agreed');
    expect(html).not.toContain('Committee Room 2');
    expect(html).not.toContain('Governance Committee');
    expect((await fetch(`${base}/`)).status).toBe(401);
  });

  it('merges nothing into either laptop’s copy: each is exactly as its laptop recorded it', async () => {
    for (const [laptop, device] of [
      [w.clerk, clerkDevice],
      [backup, backupDevice],
    ] as const) {
      for (const stream of laptop.core.log.streams()) {
        const own = laptop.core.log.read(stream) as unknown as WireEvent[];
        expect(await copyOnServer(device, stream)).toEqual(own);
        expect(await storage.events(device.id, stream)).toEqual(own);
        expect(checkStream(own)).toBeUndefined();
      }
    }
  });

  it('opens a resolved conflict again when a later push changes it, and drops it when the copies come to agree', async () => {
    backup.core.send({ type: 'attendance.correct', meetingId: w.meetingId, memberId: w.ids[2], state: 'absent', reason: 'Not apologies: he sent none' });
    await push(backup, backupDevice);
    let found = (await meetingConflicts(storage, w.meetingId))!;
    const reopened = found.conflicts.find((c) => c.key === attendanceKey)!;
    expect(reopened).toMatchObject({ open: true, words: "Mr O'Brien: present on Clerk laptop, absent on Backup laptop" });
    expect(reopened.outdated?.keep).toBe(clerkDevice.id);
    const listed = server('conflicts', w.meetingId);
    expect(listed.code).toBe(1);
    expect(listed.out).toContain('but the copies have changed since: resolve it again.');

    const stays = meetingOf(w.clerk.core, w.meetingId).attendance[w.ids[2]].stays;
    backup.core.send({ type: 'attendance.correct', meetingId: w.meetingId, memberId: w.ids[2], state: 'present', stays, reason: 'He was there after all' });
    await push(backup, backupDevice);
    found = (await meetingConflicts(storage, w.meetingId))!;
    expect(found.conflicts.map((c) => [c.key, c.open])).toEqual([[divisionKey, false]]);
    expect(found.comparison.notRecorded.map((n) => n.key)).toEqual([`attendance:${w.ids[6]}`]);
  });
});
