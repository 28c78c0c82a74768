// Opening the one SQLite file of an installation: pragmas, integrity check, migrations.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as allMigrations, type Migration } from './migrations';

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'newer_schema' | 'corrupt' | 'migration_failed',
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenOptions {
  /** Migrations to apply; tests pass a prefix to stop at an earlier version. */
  migrations?: readonly Migration[];
  /** Clock for naming the pre-migration backup. */
  now?: () => Date;
}

export interface OpenedStore {
  db: Database;
  /** Backup file written before migrating an existing database, if any. */
  backupPath?: string;
  version: number;
}

export const schemaVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

export const latestSchemaVersion = allMigrations.length;

/** Durable settings: every acknowledged command survives power loss. */
export const applyPragmas = (db: Database): void => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
};

export const openDatabase = (file: string, options: OpenOptions = {}): OpenedStore => {
  const migrations = options.migrations ?? allMigrations;
  const now = options.now ?? (() => new Date());
  mkdirSync(dirname(file), { recursive: true });
  const isNew = !existsSync(file);
  const db = new BetterSqlite3(file);
  try {
    // Read-only checks first: a file we refuse must be left exactly as it was.
    const known = migrations.length;
    const current = schemaVersion(db);
    if (current > latestSchemaVersion || current > known) {
      throw new StoreError(
        `The Chamber data file ${file} was written by a newer version of Chamber (data version ${current}; ` +
          `this version understands up to ${known}). It has not been changed. Install the newer version of Chamber to open it.`,
        'newer_schema',
      );
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new StoreError(
        `The Chamber data file ${file} failed its integrity check (${String(check)}). ` +
          'It has not been changed. Restore the latest backup from the same folder, or contact support.',
        'corrupt',
      );
    }
    applyPragmas(db);
    let backupPath: string | undefined;
    if (current < known && !isNew && current > 0) {
      backupPath = `${file}.before-v${known}-${now().toISOString().replace(/[:.]/g, '-')}.backup`;
      db.prepare('VACUUM INTO ?').run(backupPath);
    }
    for (const migration of migrations.slice(current)) {
      runMigration(db, migration);
    }
    return { db, backupPath, version: schemaVersion(db) };
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StoreError(
        `The Chamber data file ${file} is damaged or is not a Chamber data file (${(error as Error).message}). ` +
          'It has not been changed. Restore the latest backup from the same folder, or contact support.',
        'corrupt',
      );
    }
    throw error;
  }
};

const runMigration = (db: Database, migration: Migration): void => {
  try {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${Number(migration.version)}`);
    }).immediate();
  } catch (error) {
    throw new StoreError(
      `Could not upgrade the Chamber data file to version ${migration.version} (${migration.name}): ${(error as Error).message}. ` +
        'Nothing was changed; the backup taken before upgrading is beside the data file.',
      'migration_failed',
    );
  }
};
