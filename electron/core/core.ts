// The core of an installation: the data file opened and migrated, and the dispatcher over it.
// Plain Node: runs in Electron's utility process and under `npm run web` alike.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DATABASE_FILE } from './dataFolder';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { openDatabase } from './store/database';

export interface Core extends Dispatcher {
  db: Database;
  deviceId: string;
  file: string;
  backupPath?: string;
  close(): void;
}

export interface CoreOptions {
  now?: () => Date;
  newId?: () => string;
}

const deviceIdOf = (db: Database): string => {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = randomUUID();
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(id);
  return id;
};

export const openCore = (dataFolder: string, options: CoreOptions = {}): Core => {
  const file = join(dataFolder, DATABASE_FILE);
  const { db, backupPath } = openDatabase(file, { now: options.now });
  const deviceId = deviceIdOf(db);
  const dispatcher = createDispatcher({ db, deviceId, ...options });
  return {
    ...dispatcher,
    db,
    deviceId,
    file,
    backupPath,
    close: () => db.close(),
  };
};
