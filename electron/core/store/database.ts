// Opening the one SQLite file of an installation: pragmas, integrity check, migrations; or, for a
// second Chamber while another holds the data, read-only: nothing written, nothing migrated.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as allMigrations, type Migration } from './migrations';

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'newer_schema' | 'corrupt' | 'migration_failed' | 'missing' | 'older_schema',
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
  /**
   * Open the existing file without writing to it: no migrations, no pragmas that write, no backup.
   * Refuses a missing file and one at any other schema version than the migrations give. Sees
   * what a writer in another process commits (WAL), for as long as it stays open.
   */
  readOnly?: boolean;
}

export interface OpenedStore {
  db: Database;
  /** Backup file written before migrating an existing database, if any. */
  backupPath?: string;
  version: number;
  /** Opened with readOnly: every write on db fails with SQLITE_READONLY. */
  readOnly: boolean;
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

/** Refuse a file from a newer Chamber; reads only. */
const checkNotNewer = (db: Database, file: string, known: number): number => {
  const current = schemaVersion(db);
  if (current > latestSchemaVersion || current > known) {
    throw new StoreError(
      `The Chamber data file ${file} was written by a newer version of Chamber (data version ${current}; ` +
        `this version understands up to ${known}). It has not been changed. Install the newer version of Chamber to open it.`,
      'newer_schema',
    );
  }
  return current;
};

/** Refuse a damaged file; reads only. */
const checkIntegrity = (db: Database, file: string): void => {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    throw new StoreError(
      `The Chamber data file ${file} failed its integrity check (${String(check)}). ` +
        'It has not been changed. Restore the latest backup from the same folder, or contact support.',
      'corrupt',
    );
  }
};

/** Close after a refusal, saying "damaged" for SQLite's not-a-database and corruption errors. */
const refuse = (db: Database, file: string, error: unknown): never => {
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
};

export const openDatabase = (file: string, options: OpenOptions = {}): OpenedStore => {
  if (options.readOnly) return openReadOnly(file, options.migrations ?? allMigrations);
  const migrations = options.migrations ?? allMigrations;
  const now = options.now ?? (() => new Date());
  mkdirSync(dirname(file), { recursive: true });
  const isNew = !existsSync(file);
  const db = new BetterSqlite3(file);
  try {
    // Read-only checks first: a file we refuse must be left exactly as it was.
    const known = migrations.length;
    const current = checkNotNewer(db, file, known);
    checkIntegrity(db, file);
    applyPragmas(db);
    let backupPath: string | undefined;
    if (current < known && !isNew && current > 0) {
      backupPath = `${file}.before-v${known}-${now().toISOString().replace(/[:.]/g, '-')}.backup`;
      db.prepare('VACUUM INTO ?').run(backupPath);
    }
    for (const migration of migrations.slice(current)) {
      runMigration(db, migration);
    }
    return { db, backupPath, version: schemaVersion(db), readOnly: false };
  } catch (error) {
    return refuse(db, file, error);
  }
};

/**
 * The file as it is, for reading while another Chamber holds the data. SQLite opens it with
 * SQLITE_OPEN_READONLY: the main file is never written. In WAL mode a reader needs the WAL index,
 * so if no other connection has the file open SQLite creates the companion files -wal (empty) and
 * -shm beside it and leaves them there; they are what any connection would make, and the next
 * writer uses them. A read-only connection never checkpoints, so a WAL left by a writer that died
 * or closed while this was open stays for the next normal open to fold in.
 */
const openReadOnly = (file: string, migrations: readonly Migration[]): OpenedStore => {
  if (!existsSync(file)) {
    throw new StoreError(
      `There is no Chamber data file at ${file}, so there is nothing to open read-only. ` +
        'Start Chamber normally (not read-only) to create it.',
      'missing',
    );
  }
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('query_only = ON'); // a connection setting: nothing is written to open it
    const known = migrations.length;
    const current = checkNotNewer(db, file, known);
    if (current === 0) {
      throw new StoreError(
        `The file ${file} holds no Chamber data yet (it is empty). It has not been changed. ` +
          'Start Chamber normally (not read-only) to set it up.',
        'missing',
      );
    }
    if (current < known) {
      throw new StoreError(
        `The Chamber data file ${file} was written by an older version of Chamber (data version ${current}; ` +
          `this version reads ${known}) and must be upgraded before it can be read. It has not been changed. ` +
          'Open it once normally (not read-only), when no other Chamber is using it, to upgrade it.',
        'older_schema',
      );
    }
    checkIntegrity(db, file);
    return { db, version: current, readOnly: true };
  } catch (error) {
    return refuse(db, file, error);
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
