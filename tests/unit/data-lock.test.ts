// One writer per data folder: real lock files, real child processes, real SIGKILLs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  acquireDataLock,
  DataLockError,
  formatSince,
  HOLDER_FILE,
  inUseMessage,
  LOCK_FILE,
  parseHolderInfo,
  readHolderInfo,
  type DataLock,
  type DataLockOptions,
} from '../../electron/core/store/dataLock';
import { tempFolder } from '../support/meeting';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'tests', 'support', 'holdDataLock.ts');

/** 24 November 2026, 10:02 in London (GMT). */
const startedAt = new Date('2026-11-24T10:02:00.000Z');
const sameDay: DataLockOptions = { now: () => new Date('2026-11-24T15:30:00.000Z') };

interface Holder {
  child: ChildProcess;
  pid: number;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Start tests/support/holdDataLock.ts; resolves once it says it holds the lock (or was refused). */
const startHolder = (folder: string, args: string[] = [], nodeArgs: string[] = []): Promise<Holder & { refused?: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, '--folder', folder, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the holder did not start:\n${output}`)), 30_000);
    const kill = (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const holding = /^holding (\d+)$/m.exec(output);
      const refused = /^refused: (.*)$/m.exec(output);
      if (!holding && !refused) return;
      clearTimeout(timer);
      resolve({ child, pid: holding ? Number(holding[1]) : child.pid!, kill, refused: refused?.[1] });
    });
    child.on('exit', (code) => {
      if (!/^(holding|refused)/m.test(output)) reject(new Error(`the holder exited with ${code}:\n${output}`));
    });
  });

const refusal = (run: () => unknown): DataLockError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataLockError);
    return error as DataLockError;
  }
  throw new Error('expected the data lock to be refused');
};

describe('the data lock', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  const folder = () => {
    const f = tempFolder('chamber-lock-');
    cleanups.push(() => f.remove());
    return f.path;
  };
  const take = (dir: string, ...args: Parameters<typeof acquireDataLock> extends [string, ...infer R] ? R : never): DataLock => {
    const lock = acquireDataLock(dir, ...args);
    cleanups.unshift(() => lock.release());
    return lock;
  };
  const hold = async (dir: string, args: string[] = [], nodeArgs: string[] = []) => {
    const holder = await startHolder(dir, args, nodeArgs);
    cleanups.unshift(() => holder.kill('SIGKILL'));
    return holder;
  };
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('refuses a second lock in the same process, saying who holds the data', () => {
    const dir = folder();
    take(dir, { kind: 'browser', address: 'http://127.0.0.1:4780/', startedAt });
    const error = refusal(() => acquireDataLock(dir, { kind: 'desktop' }, sameDay));
    expect(error.code).toBe('in_use');
    expect(error.folder).toBe(dir);
    expect(error.holder).toEqual({ kind: 'browser', pid: process.pid, address: 'http://127.0.0.1:4780/', startedAt: startedAt.toISOString() });
    expect(error.message).toBe(
      `The Chamber data in ${dir} is in use by Chamber browser mode (process ${process.pid}, http://127.0.0.1:4780/), ` +
        'running since 10:02. Stop it first (Ctrl+C where it runs), or open the data read-only with --read-only.',
    );
  });

  it('names the desktop app, and a tool, in the clerk’s words', () => {
    const dir = folder();
    const lock = take(dir, { kind: 'desktop', pid: 4242, startedAt });
    expect(refusal(() => acquireDataLock(dir, { kind: 'browser' }, sameDay)).message).toBe(
      `The Chamber data in ${dir} is in use by the Chamber desktop app (process 4242), running since 10:02. ` +
        'Quit it first (close its window), or open the data read-only with --read-only.',
    );
    lock.release();
    take(dir, { kind: 'tool', name: 'restore', startedAt });
    expect(refusal(() => acquireDataLock(dir, { kind: 'browser' }, { ...sameDay, readOnlyHint: false })).message).toBe(
      `The Chamber data in ${dir} is in use by the Chamber tool "restore" (process ${process.pid}), running since 10:02. ` +
        'Let it finish, or stop it first (Ctrl+C where it runs).',
    );
  });

  it('gives times in the clerk’s local time, 24-hour, with the date when it is not today', () => {
    const now = new Date('2026-11-24T15:30:00.000Z');
    expect(formatSince(new Date('2026-11-24T14:05:00.000Z'), now)).toBe('14:05');
    expect(formatSince(new Date('2026-06-01T09:02:00.000Z'), new Date('2026-06-01T12:00:00.000Z'))).toBe('10:02'); // BST
    expect(formatSince(new Date('2026-11-23T10:02:00.000Z'), now)).toBe('10:02 on 23 November');
    expect(formatSince(new Date('2025-12-31T23:59:00.000Z'), now)).toBe('23:59 on 31 December 2025');
    // Just after midnight in London is still the same day there, whatever the UTC date.
    expect(formatSince(new Date('2026-06-01T23:30:00.000Z'), new Date('2026-06-02T08:00:00.000Z'))).toBe('00:30');
    expect(formatSince(new Date('2026-11-24T10:02:00.000Z'), now, 'America/New_York')).toBe('05:02');
    expect(formatSince(new Date('2026-11-24T10:02:00.000Z'), now, 'Not/A_Zone')).toBe('10:02');
  });

  it('is still held against other processes after a refused attempt in the same process', async () => {
    // Closing any descriptor of a file drops a process's POSIX locks on it; SQLite must keep the
    // refused connection's descriptor open while the lock is held.
    const dir = folder();
    take(dir, { kind: 'browser' });
    refusal(() => acquireDataLock(dir, { kind: 'browser' }, { settleMs: 0 }));
    refusal(() => acquireDataLock(dir, { kind: 'browser' }, { settleMs: 0 }));
    const other = await hold(dir);
    expect(other.refused).toMatch(new RegExp(`in use by Chamber browser mode \\(process ${process.pid}\\)`));
  });

  it('refuses the data to this process while a child holds it, naming the child and its address; SIGKILL frees it at once', async () => {
    const dir = folder();
    const child = await hold(dir, ['--kind', 'browser', '--address', 'http://127.0.0.1:4781/']);
    expect(child.refused).toBeUndefined();
    const error = refusal(() => acquireDataLock(dir, { kind: 'desktop' }));
    expect(error.holder).toMatchObject({ kind: 'browser', pid: child.pid, address: 'http://127.0.0.1:4781/' });
    expect(error.message).toMatch(
      new RegExp(`^The Chamber data in .* is in use by Chamber browser mode \\(process ${child.pid}, http://127\\.0\\.0\\.1:4781/\\), running since \\d\\d:\\d\\d\\. `),
    );

    await child.kill('SIGKILL');
    // No waiting and no retrying: the operating system dropped the lock with the process.
    const lock = take(dir, { kind: 'desktop' });
    expect(lock.holder).toMatchObject({ kind: 'desktop', pid: process.pid });
    expect(readHolderInfo(dir)).toMatchObject({ kind: 'desktop', pid: process.pid }); // the dead holder's details replaced
  });

  it('lets exactly one of several processes starting at once on a new folder have it', async () => {
    const dir = join(folder(), 'Chamber'); // not there yet: they race to create it and the lock file
    const at = String(Date.now() + 4000); // all loaded by then, on a busy machine too
    const started = await Promise.all([1, 2, 3].map(() => hold(dir, ['--at', at])));
    const holders = started.filter((s) => s.refused === undefined);
    expect(holders).toHaveLength(1);
    for (const other of started.filter((s) => s.refused !== undefined)) {
      // The loser either read the winner's details or (if it looked before they were written) says it could not.
      expect(other.refused).toMatch(new RegExp(`in use by (Chamber browser mode \\(process ${holders[0].pid}\\)|another Chamber program)`));
    }
  });

  it('keeps the lock when the holder drops its DataLock and garbage is collected', async () => {
    const dir = folder();
    const child = await hold(dir, ['--drop-reference'], ['--expose-gc']);
    expect(child.refused).toBeUndefined();
    expect(refusal(() => acquireDataLock(dir, { kind: 'desktop' })).holder).toMatchObject({ pid: child.pid });
  });

  it('can be taken again after release; release is idempotent and takes the details down', () => {
    const dir = folder();
    const first = acquireDataLock(dir, { kind: 'browser' });
    expect(existsSync(join(dir, HOLDER_FILE))).toBe(true);
    first.release();
    first.release();
    expect(first.released).toBe(true);
    expect(existsSync(join(dir, HOLDER_FILE))).toBe(false);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true); // never deleted: see dataLock.ts
    expect(() => first.describe({ address: 'http://x/' })).toThrowError(/released/);
    const second = take(dir, { kind: 'desktop' });
    expect(second.released).toBe(false);
    expect(readHolderInfo(dir)).toMatchObject({ kind: 'desktop' });
  });

  it('lets browser mode add its address once it listens', () => {
    const dir = folder();
    const lock = take(dir, { kind: 'browser', startedAt });
    expect(readHolderInfo(dir)).toEqual({ kind: 'browser', pid: process.pid, startedAt: startedAt.toISOString() });
    lock.describe({ address: 'http://127.0.0.1:4780/' });
    expect(readHolderInfo(dir)).toEqual({ kind: 'browser', pid: process.pid, startedAt: startedAt.toISOString(), address: 'http://127.0.0.1:4780/' });
    expect(lock.holder.address).toBe('http://127.0.0.1:4780/');
    expect(JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8'))).toMatchObject({ app: 'Chamber' });
  });

  it('still refuses sensibly when the holder’s details are garbage or missing', async () => {
    const dir = folder();
    const child = await hold(dir);
    const expected =
      `The Chamber data in ${dir} is in use by another Chamber program (its details could not be read). ` +
      'Close it first (quit the Chamber desktop app, or press Ctrl+C where browser mode runs), or open the data read-only with --read-only.';
    writeFileSync(join(dir, HOLDER_FILE), Buffer.from([0x7b, 0x22, 0x6b, 0xff, 0x00, 0x1b, 0x5b, 0x32, 0x4a]));
    let error = refusal(() => acquireDataLock(dir, { kind: 'desktop' }, { settleMs: 0 }));
    expect(error.holder).toBeUndefined();
    expect(error.message).toBe(expected);
    writeFileSync(join(dir, HOLDER_FILE), JSON.stringify({ kind: 'browser', pid: 'twelve', address: '\u001b[2Jhttp://evil/', startedAt: 'yesterday' }));
    error = refusal(() => acquireDataLock(dir, { kind: 'desktop' }, { settleMs: 0 }));
    expect(error.message).toBe(
      `The Chamber data in ${dir} is in use by Chamber browser mode. Stop it first (Ctrl+C where it runs), or open the data read-only with --read-only.`,
    );
    await child.kill('SIGKILL');
    take(dir, { kind: 'desktop' });
    refusal(() => acquireDataLock(dir, { kind: 'desktop' }));
    writeFileSync(join(dir, HOLDER_FILE), 'x'.repeat(100_000));
    expect(refusal(() => acquireDataLock(dir, { kind: 'desktop' }, { settleMs: 0 })).message).toBe(expected);
  });

  it('says so plainly when the folder cannot be locked at all', () => {
    const dir = folder();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const error = refusal(() => acquireDataLock(join(dir, 'not-a-folder', 'Chamber'), { kind: 'browser' }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^Chamber could not lock its data folder .*not-a-folder.*Check that/);
  });
});

describe('reading the holder’s details', () => {
  const folder = tempFolder('chamber-lock-fuzz-');
  afterAll(() => folder.remove());
  const CLEAN = /^[\x20-\x7e]+$/;
  const expectSensible = (message: string) => {
    expect(message).toMatch(CLEAN);
    expect(message.startsWith(`The Chamber data in ${folder.path} is in use by `)).toBe(true);
    expect(message).toMatch(/\.$/);
  };

  it('never throws on random bytes, and every refusal it words is clean', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        writeFileSync(join(folder.path, HOLDER_FILE), bytes);
        const info = readHolderInfo(folder.path);
        expectSensible(inUseMessage(folder.path, info));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on JSON of any shape, keeping only the fields that make sense', () => {
    const field = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue());
    const record = fc.record(
      {
        kind: fc.oneof(fc.constantFrom('browser', 'desktop', 'tool', 'Browser', ''), field),
        pid: fc.oneof(fc.integer({ min: -5, max: 2 ** 31 }), field),
        address: fc.oneof(fc.constant('http://127.0.0.1:4780/'), field),
        startedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), field),
        name: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(record.map((r) => JSON.stringify(r)), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string()), (text) => {
        const info = parseHolderInfo(text);
        if (info) {
          expect(['browser', 'desktop', 'tool']).toContain(info.kind);
          if (info.pid !== undefined) expect(Number.isSafeInteger(info.pid) && info.pid > 0).toBe(true);
          for (const value of [info.address, info.name, info.startedAt]) if (value !== undefined) expect(value).toMatch(CLEAN);
        }
        expectSensible(inUseMessage(folder.path, info, { timeZone: 'Europe/London' }));
      }),
      { numRuns: 500 },
    );
  });

  it('words a real refusal cleanly whatever the details file holds', () => {
    const dir = tempFolder('chamber-lock-fuzz-real-');
    const lock = acquireDataLock(dir.path, { kind: 'browser' });
    try {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
          writeFileSync(join(dir.path, HOLDER_FILE), bytes);
          const error = refusal(() => acquireDataLock(dir.path, { kind: 'desktop' }, { settleMs: 0 }));
          expect(error.code).toBe('in_use');
          expect(error.message).toMatch(CLEAN);
        }),
        { numRuns: 100 },
      );
    } finally {
      lock.release();
      dir.remove();
    }
  });
});
