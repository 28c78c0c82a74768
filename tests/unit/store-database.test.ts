import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
