// `npm run verify`: the product's own check of a data file, run as a clerk or support engineer
// would (a separate process), on a real record; then on records damaged in each way it must catch.
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserMode } from '../support/browserMode';
import { kccBody, kccMeeting, openTestCore, tempFolder, type TestCore } from '../support/meeting';

const root = fileURLToPath(new URL('../../', import.meta.url));

const verify = (folder: string, ...extra: string[]) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron', 'core', 'verifyCli.ts'), '--data-dir', folder, ...extra], { cwd: root, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
};

/** A small real record: a body, members, a meeting run for a while. */
const record = (core: TestCore) => {
  const { bodyId, meetingId } = core.kccMeeting();
  const members = ['Cole', 'Meade', 'Dean'].map((surname) => core.send({ type: 'member.add', bodyId, member: { title: 'Mr', initials: [], surname, honours: [], group: '', roles: [], voting: true } }).memberId);
  core.send({ type: 'agenda.addItem', meetingId, item: { number: '1', title: 'Apologies for Absence', kind: 'apologies' } });
  for (const memberId of members) core.send({ type: 'attendance.mark', meetingId, memberId, state: 'present' });
  core.send({ type: 'meeting.start', meetingId });
  core.send({ type: 'attendance.depart', meetingId, memberId: members[0] });
  return { bodyId, meetingId, members };
};

describe('npm run verify', () => {
  const folders: { remove(): void }[] = [];
  afterEach(() => folders.splice(0).forEach((f) => f.remove()));
  const folder = () => {
    const f = tempFolder();
    folders.push(f);
    return f.path;
  };

  it('says a sound record verifies: chains intact, every event valid, replay equal to the stored state', () => {
    const dir = folder();
    const core = openTestCore({ folder: dir });
    record(core);
    core.close();
    const result = verify(dir);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^The record verifies: \d+ events in 2 streams/);
    const json = JSON.parse(verify(dir, '--json').out);
    expect(json).toMatchObject({ ok: true, differences: [], invalidEvents: [], chain: { ok: true } });
  });

  it('reports stored state that differs from the log, naming the stream and the part', () => {
    const dir = folder();
    const core = openTestCore({ folder: dir });
    const { meetingId, members } = record(core);
    core.close();
    const db = new BetterSqlite3(join(dir, 'chamber.sqlite'));
    // Someone edits the stored attendance by hand: the log says otherwise.
    db.prepare("UPDATE parts SET value = json_set(value, '$.state', 'absent') WHERE stream = ? AND key = ?").run(`meeting:${meetingId}`, `attendance/${members[1]}`);
    db.close();
    const result = verify(dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain('The record does NOT verify.');
    expect(result.out).toContain(`meeting:${meetingId} attendance/${members[1]}`);
    expect(result.out).toMatch(/stored: +\{"state":"absent"/);
  });

  it('reports a broken hash chain and an event that does not match its schema', () => {
    const dir = folder();
    const core = openTestCore({ folder: dir });
    const { meetingId } = record(core);
    core.close();
    const db = new BetterSqlite3(join(dir, 'chamber.sqlite'));
    db.exec('DROP TRIGGER events_are_never_updated');
    db.prepare("UPDATE events SET payload = json_set(payload, '$.state', 'asleep') WHERE stream = ? AND type = 'attendance.marked' AND seq = (SELECT min(seq) FROM events WHERE stream = ? AND type = 'attendance.marked')").run(`meeting:${meetingId}`, `meeting:${meetingId}`);
    db.close();
    const result = verify(dir);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`Hash chains: broken at meeting:${meetingId} event \\d+: hash does not match the event`));
    expect(result.out).toMatch(/attendance\.marked: state: /);
  });

  it('checks a record while browser mode has it open (it only reads)', async () => {
    const dir = folder();
    const running = await startBrowserMode(dir);
    try {
      const { bodyId } = (await running.post(kccBody)).body.result.ids;
      await running.post({ type: 'meeting.create', bodyId, ...kccMeeting });
      const result = verify(dir);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^The record verifies: 2 events in 2 streams/);
    } finally {
      await running.kill();
    }
  });

  it('is refused clearly where there is no data', () => {
    const result = verify(folder());
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/There is no Chamber data file in/);
  });
});
