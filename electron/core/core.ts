// The core of an installation: the data file opened and migrated, its projections in today's
// format, and the dispatcher over it. Plain Node: runs in Electron's utility process and under
// `npm run web` alike.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DATABASE_FILE } from './dataFolder';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { openDatabase, StoreError } from './store/database';
import { EventLog } from './store/eventLog';
import { PROJECTION_FORMAT } from './store/projections';
import { ensureProjectionFormat, storedProjectionFormat } from './store/rebuild';

export interface Core extends Dispatcher {
  db: Database;
  deviceId: string;
  file: string;
  backupPath?: string;
  /** True when the projections were rebuilt from the log on opening (a new projection format). */
  rebuilt: boolean;
  close(): void;
}

export interface CoreOptions {
  now?: () => Date;
  newId?: () => string;
  /** Open the data without changing it: commands are refused with this reason. */
  readOnly?: { reason: string };
}

const deviceIdOf = (db: Database, readOnly: boolean): string => {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = randomUUID();
  if (readOnly) return id;
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(id);
  return id;
};

export const openCore = (dataFolder: string, options: CoreOptions = {}): Core => {
  const file = join(dataFolder, DATABASE_FILE);
  const readOnly = options.readOnly !== undefined;
  const { db, backupPath } = openDatabase(file, { now: options.now, readOnly });
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
    return { ...dispatcher, db, deviceId, file, backupPath, rebuilt, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
};
