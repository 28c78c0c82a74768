import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, openDatabase, StoreError } from '../../electron/core/store/database';
import { migrations } from '../../electron/core/store/migrations';
import { tempFolder } from '../support/meeting';

describe('opening the data file', () => {
  const folders: { remove(): void }[] = [];
  const folder = () => {
    const f = tempFolder();
    folders.push(f);
    return f.path;
  };
  afterEach(() => folders.splice(0).forEach((f) => f.remove()));

  it('uses WAL, full synchronous writes and foreign keys, at the latest version', () => {
    const { db, version, backupPath } = openDatabase(join(folder(), 'chamber.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(version).toBe(latestSchemaVersion);
    expect(backupPath).toBeUndefined(); // a new file has nothing to back up
    db.close();
  });

  it('refuses a file written by a newer Chamber, and leaves it untouched', () => {
    const file = join(folder(), 'chamber.sqlite');
    const newer = new BetterSqlite3(file);
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrowError(/written by a newer version of Chamber/);
    try {
      openDatabase(file);
    } catch (error) {
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('newer_schema');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('takes a backup copy before migrating an existing file', () => {
    const dir = folder();
    const file = join(dir, 'chamber.sqlite');
    openDatabase(file, { migrations: migrations.slice(0, 1) }).db.close();
    const { db, backupPath } = openDatabase(file, { now: () => new Date('2026-11-24T10:00:00Z') });
    db.close();
    expect(backupPath).toBeDefined();
    expect(existsSync(backupPath!)).toBe(true);
    const backup = new BetterSqlite3(backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.backup'))).toHaveLength(1);
  });

  it('refuses a file that is not a database, with a clear message', () => {
    const file = join(folder(), 'chamber.sqlite');
    writeFileSync(file, 'this is not a database, it is a shopping list: milk, eggs, bread, '.repeat(200));
    expect(() => openDatabase(file)).toThrowError(/damaged or is not a Chamber data file/);
  });

  it('fails its integrity check when a page is damaged', () => {
    const file = join(folder(), 'chamber.sqlite');
    const { db } = openDatabase(file);
    const insert = db.prepare(
      "INSERT INTO projections (stream, seq, state) VALUES (?, 1, ?)",
    );
    for (let i = 0; i < 300; i += 1) insert.run(`meeting:${i}`, JSON.stringify({ filler: 'x'.repeat(200) }));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    // Scribble over the middle of the file (table pages), keeping the header intact.
    bytes.fill(0xff, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrowError(StoreError);
  });
});

/** The main data file exactly as it is on disk: bytes and modification time. */
const snapshot = (file: string) => ({ bytes: readFileSync(file), mtimeNs: statSync(file, { bigint: true }).mtimeNs });
const expectUnchanged = (file: string, before: ReturnType<typeof snapshot>) => {
  const after = snapshot(file);
  expect(after.bytes.equals(before.bytes)).toBe(true);
  expect(after.mtimeNs).toBe(before.mtimeNs);
};

const root = fileURLToPath(new URL('../../', import.meta.url));

/** tests/support/writeData.ts: another process writing the file as the core does. */
const startWriter = async (file: string) => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests', 'support', 'writeData.ts'), file], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { pattern: RegExp; done: () => void }[] = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(output)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done();
      }
    }
  };
  child.stdout.on('data', (chunk) => {
    output += chunk;
    settle();
  });
  child.stderr.on('data', (chunk) => (output += chunk));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the writer did not say ${pattern}:\n${output}`)), 30_000);
      waiters.push({ pattern, done: () => (clearTimeout(timer), resolve()) });
      settle();
    });
  await waitFor(/^ready$/m);
  return {
    async commit(n: number) {
      child.stdin.write(`commit ${n}\n`);
      await waitFor(new RegExp(`^committed ${n}$`, 'm'));
    },
    async close() {
      child.stdin.write('close\n');
      await new Promise((done) => child.once('exit', done));
    },
    kill: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
};

describe('opening the data file read-only', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  const folder = () => {
    const f = tempFolder();
    cleanups.push(() => f.remove());
    return f.path;
  };
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const countRows = (db: BetterSqlite3.Database) => (db.prepare("SELECT count(*) AS n FROM projections WHERE stream LIKE 'meeting:%'").get() as { n: number }).n;

  it('reads the file as it is, writes nothing to it, and refuses every write', () => {
    const dir = folder();
    const file = join(dir, 'chamber.sqlite');
    const { db: writer } = openDatabase(file);
    writer.prepare("INSERT INTO projections (stream, seq, state) VALUES ('meeting:1', 1, '{}')").run();
    writer.close(); // the last connection: checkpointed, the WAL removed
    const before = snapshot(file);
    expect(readdirSync(dir)).toEqual(['chamber.sqlite']);

    const { db, version, readOnly, backupPath } = openDatabase(file, { readOnly: true });
    expect({ version, readOnly, backupPath }).toEqual({ version: latestSchemaVersion, readOnly: true, backupPath: undefined });
    expect(countRows(db)).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal'); // asked, not set
    expect(() => db.prepare("INSERT INTO projections (stream, seq, state) VALUES ('meeting:2', 1, '{}')").run()).toThrowError(/readonly|read-only/i);
    expect(() => db.pragma('user_version = 99')).toThrowError(/readonly|read-only/i);
    db.close();

    expectUnchanged(file, before);
    // What SQLite does beside it: a WAL reader needs the WAL index, so with no other connection open
    // it creates an empty -wal and the -shm index, and (never checkpointing) leaves them.
    const companions = readdirSync(dir).filter((f) => f !== 'chamber.sqlite').sort();
    expect(companions.every((f) => f === 'chamber.sqlite-wal' || f === 'chamber.sqlite-shm')).toBe(true);
    if (companions.includes('chamber.sqlite-wal')) expect(statSync(join(dir, 'chamber.sqlite-wal')).size).toBe(0);
    // A later normal open is none the worse for them.
    const again = openDatabase(file);
    expect(countRows(again.db)).toBe(1);
    again.db.close();
  });

  it('sees each commit another process makes while it writes, and never writes the main file', async () => {
    const dir = folder();
    const file = join(dir, 'chamber.sqlite');
    openDatabase(file).db.close();
    const writer = await startWriter(file);
    cleanups.unshift(() => writer.kill());
    const { db } = openDatabase(file, { readOnly: true });
    cleanups.unshift(() => {
      db.close();
    });
    expect(countRows(db)).toBe(0);
    for (let n = 1; n <= 5; n += 1) {
      await writer.commit(n);
      expect(countRows(db)).toBe(n); // the same connection, no reopening
    }
    const whileOpen = snapshot(file);
    // The writer closes while the reader is still open: not the last connection, so it does not
    // checkpoint, and the commits stay in the WAL, where the reader still sees them.
    await writer.close();
    expect(countRows(db)).toBe(5);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    db.close();
    expectUnchanged(file, whileOpen); // the reader, closing last, did not checkpoint either
    const after = openDatabase(file);
    expect(countRows(after.db)).toBe(5);
    after.db.close();
  });

  it('reads everything a writer committed before it was killed', async () => {
    const dir = folder();
    const file = join(dir, 'chamber.sqlite');
    openDatabase(file).db.close();
    const writer = await startWriter(file);
    for (let n = 1; n <= 3; n += 1) await writer.commit(n);
    await writer.kill();
    const before = snapshot(file);
    const { db } = openDatabase(file, { readOnly: true });
    expect(countRows(db)).toBe(3);
    db.close();
    expectUnchanged(file, before);
  });

  it('refuses a file that does not exist, creating nothing', () => {
    const dir = folder();
    const file = join(dir, 'Chamber', 'chamber.sqlite');
    let error: unknown;
    try {
      openDatabase(file, { readOnly: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('missing');
    expect((error as StoreError).message).toBe(
      `There is no Chamber data file at ${file}, so there is nothing to open read-only. Start Chamber normally (not read-only) to create it.`,
    );
    expect(existsSync(join(dir, 'Chamber'))).toBe(false);
  });

  it('refuses a file at an older schema version, leaving it untouched and taking no backup', () => {
    const dir = folder();
    const file = join(dir, 'chamber.sqlite');
    openDatabase(file, { migrations: migrations.slice(0, 1) }).db.close();
    const before = snapshot(file);
    expect(() => openDatabase(file, { readOnly: true })).toThrowError(
      new RegExp(`written by an older version of Chamber \\(data version 1; this version reads ${latestSchemaVersion}\\) and must be upgraded`),
    );
    try {
      openDatabase(file, { readOnly: true });
    } catch (error) {
      expect((error as StoreError).code).toBe('older_schema');
    }
    expectUnchanged(file, before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.backup'))).toEqual([]);
  });

  it('refuses a file from a newer Chamber, an empty file and a file that is not a database', () => {
    const dir = folder();
    const newer = join(dir, 'newer.sqlite');
    const db = new BetterSqlite3(newer);
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.close();
    const before = snapshot(newer);
    const codeOf = (file: string) => {
      try {
        openDatabase(file, { readOnly: true }).db.close();
      } catch (error) {
        expect(error).toBeInstanceOf(StoreError);
        return (error as StoreError).code;
      }
      return 'opened';
    };
    expect(codeOf(newer)).toBe('newer_schema');
    expectUnchanged(newer, before);

    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    expect(() => openDatabase(empty, { readOnly: true })).toThrowError(/holds no Chamber data yet/);
    expect(codeOf(empty)).toBe('missing');
    expect(statSync(empty).size).toBe(0);

    const list = join(dir, 'list.sqlite');
    writeFileSync(list, 'milk, eggs, bread. '.repeat(300));
    expect(codeOf(list)).toBe('corrupt');
  });
});
