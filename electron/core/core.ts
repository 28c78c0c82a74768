// The core of an installation: the data file opened and migrated, its projections in today's
// format, and the dispatcher over it. Plain Node: runs in Electron's utility process and under
// `npm run web` alike.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DATABASE_FILE } from './dataFolder';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { startDivisionCloser, type DivisionCloser, type DivisionTimers } from './divisionCloser';
import { acquireDataLock, type DataHolder, type DataLock } from './store/dataLock';
import { openDatabase, StoreError } from './store/database';
import { EventLog } from './store/eventLog';
import { PROJECTION_FORMAT } from './store/projections';
import { ensureProjectionFormat, storedProjectionFormat } from './store/rebuild';

export interface Core extends Dispatcher {
  db: Database;
  /** This process's hold on the data folder (absent when opened read-only). */
  lock?: DataLock;
  deviceId: string;
  file: string;
  backupPath?: string;
  /** True when the projections were rebuilt from the log on opening (a new projection format). */
  rebuilt: boolean;
  /** Closes divisions when their time is up (absent when opened read-only). */
  divisions?: DivisionCloser;
  close(): void;
}

export interface CoreOptions {
  now?: () => Date;
  newId?: () => string;
  /** Open the data without changing it: commands are refused with this reason, and no lock is taken. */
  readOnly?: { reason: string };
  /** Who this process is, for the message another process gets while this one holds the data. */
  holder?: DataHolder;
  /** The timers that close divisions when their time is up; real ones (unref'd) by default. */
  divisionTimers?: DivisionTimers;
}

const deviceIdOf = (db: Database, readOnly: boolean): string => {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = randomUUID();
  if (readOnly) return id;
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(id);
  return id;
};

/**
 * Open an installation's data: take the data folder's lock (one writer at a time, whichever
 * program), then the file. A second process is refused with a message saying who has the data.
 */
export const openCore = (dataFolder: string, options: CoreOptions = {}): Core => {
  const file = join(dataFolder, DATABASE_FILE);
  const readOnly = options.readOnly !== undefined;
  const lock = readOnly ? undefined : acquireDataLock(dataFolder, options.holder ?? { kind: 'tool', name: 'Chamber' });
  let db: Database;
  let backupPath: string | undefined;
  try {
    ({ db, backupPath } = openDatabase(file, { now: options.now, readOnly }));
  } catch (error) {
    lock?.release();
    throw error;
  }
  try {
    if (readOnly && storedProjectionFormat(db) !== PROJECTION_FORMAT) {
      throw new StoreError(
        `The Chamber data file ${file} was last opened by an older version of Chamber; it cannot be opened read-only until this version has opened it once (to bring its stored state up to date). It has not been changed.`,
        'migration_failed',
      );
    }
    const rebuilt = readOnly ? false : ensureProjectionFormat(db, new EventLog(db));
    const deviceId = deviceIdOf(db, readOnly);
    const dispatcher = createDispatcher({ db, deviceId, ...options });
    const now = options.now ?? (() => new Date());
    // Only meetings whose head says a division is open: nothing else is read at start-up.
    const liveMeetings = db
      .prepare(
        `SELECT m.id FROM meetings m JOIN projections p ON p.stream = 'meeting:' || m.id
         WHERE m.status IN ('in_progress', 'adjourned') AND json_extract(p.state, '$.openDivisionId') IS NOT NULL`,
      )
      .pluck();
    // A division's window closes by itself, screens or none; one that expired while Chamber was down closes now, at its time.
    const divisions = readOnly ? undefined : startDivisionCloser(dispatcher, { now, liveMeetingIds: () => liveMeetings.all() as string[], timers: options.divisionTimers });
    const close = () => {
      divisions?.stop();
      if (db.open) db.close();
      lock?.release();
    };
    return { ...dispatcher, db, lock, deviceId, file, backupPath, rebuilt, divisions, close };
  } catch (error) {
    db.close();
    lock?.release();
    throw error;
  }
};
