// One writer per data folder. Every process that writes the Chamber data (the desktop app's core,
// browser mode, a maintenance tool) holds this lock for as long as it runs; a second one is refused
// with a message saying which process has the data, or opens the data read-only instead.
//
// The lock is SQLite's own file lock on a tiny empty database, `chamber.lock`, beside the data:
// an EXCLUSIVE transaction begun and never committed. On Linux and macOS that is a POSIX record
// lock (fcntl), on Windows LockFileEx; the operating system drops either the moment the process
// dies, however it dies (SIGKILL, a crash, power loss), so a stale lock can never block the clerk,
// and no process ids are guessed at. SQLite also keeps its own table of the locks held on each
// file (by device and inode) in a process, so a second connection in the same process is refused
// too, which plain POSIX locks would not do.
//
// Who holds the lock is written beside it in `chamber.lock.json` (temp file + rename), read only to
// word the refusal: a missing, stale or garbage file still gives a sensible message.
//
// Two rules keep the POSIX lock sound:
//  - nothing in a holding process may open and close `chamber.lock` other than through this module
//    (closing any descriptor of a file drops every POSIX lock the process has on it), so a copy
//    of the data folder made in-process must skip it;
//  - `chamber.lock` is never deleted, not even on release (a deleted lock file lets two processes
//    lock two different files of the same name).
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'chamber.lock';
export const HOLDER_FILE = 'chamber.lock.json';

export type HolderKind = 'browser' | 'desktop' | 'tool';

/** What a process says about itself when it takes the lock. */
export interface DataHolder {
  kind: HolderKind;
  /** Defaults to process.pid. The desktop app should give the main (window) process's id. */
  pid?: number;
  /** Browser mode's address, e.g. http://127.0.0.1:4780/ (known only once it listens: see describe). */
  address?: string;
  /** When it started; defaults to the moment the lock is taken. */
  startedAt?: Date;
  /** For a tool, what it is ("the restore tool"); unused for the app itself. */
  name?: string;
}

/** The holder as recorded in chamber.lock.json. Read back from disk, any field but kind may be missing. */
export interface HolderInfo {
  kind: HolderKind;
  pid?: number;
  address?: string;
  /** ISO 8601 instant. */
  startedAt?: string;
  name?: string;
}

export interface DataLock {
  readonly folder: string;
  /** The holder as recorded now. */
  readonly holder: HolderInfo;
  readonly released: boolean;
  /** Update what is recorded about this holder (browser mode: its address once it listens). */
  describe(update: { address?: string; name?: string }): void;
  /** Let go of the data folder. Idempotent. */
  release(): void;
}

export interface DataLockOptions {
  /** The clerk's time zone, for "running since 10:02". Default Europe/London. */
  timeZone?: string;
  /**
   * The end of the refusal's last sentence, after "…first, or ". Default
   * "open the data read-only with --read-only"; false leaves the read-only advice out.
   */
  readOnlyHint?: string | false;
  /** Clock, for the message's "since 10:02" against "since 10:02 on 23 November". */
  now?: () => Date;
  /**
   * When the holder's details are missing or unreadable, wait this long and read them once more:
   * a holder that has only just taken the lock may not have written them yet. Default 50 ms.
   */
  settleMs?: number;
}

export class DataLockError extends Error {
  constructor(
    message: string,
    /** in_use: another process (or another lock in this one) holds the folder. unavailable: the lock file could not be opened. */
    readonly code: 'in_use' | 'unavailable',
    readonly folder: string,
    /** The holder as far as its details could be read; undefined when they could not. */
    readonly holder?: HolderInfo,
  ) {
    super(message);
    this.name = 'DataLockError';
  }
}

// ---------------------------------------------------------------------------------------------
// The holder's details: written atomically, read defensively.

const KINDS: readonly HolderKind[] = ['browser', 'desktop', 'tool'];
const MAX_INFO_BYTES = 16 * 1024;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Printable ASCII only: the text ends up in a terminal or a dialog, so no control characters. */
const PRINTABLE = /^[\x20-\x7e]+$/;

const printable = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length <= max && PRINTABLE.test(value) && value.trim() !== '' ? value : undefined;

/** The holder's details from the text of chamber.lock.json, or undefined when they make no sense. Never throws. */
export const parseHolderInfo = (text: string): HolderInfo | undefined => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const kind = KINDS.find((k) => k === record.kind);
  if (!kind) return undefined;
  const info: HolderInfo = { kind };
  if (typeof record.pid === 'number' && Number.isSafeInteger(record.pid) && record.pid > 0) info.pid = record.pid;
  const address = printable(record.address, 200);
  if (address) info.address = address;
  const startedAt = printable(record.startedAt, 40);
  if (startedAt && ISO_INSTANT.test(startedAt) && Number.isFinite(Date.parse(startedAt))) info.startedAt = startedAt;
  const name = printable(record.name, 80);
  if (name) info.name = name;
  return info;
};

/** The recorded holder of a data folder, or undefined when there is none or it cannot be read. Never throws. */
export const readHolderInfo = (folder: string): HolderInfo | undefined => {
  let fd: number | undefined;
  try {
    fd = openSync(join(folder, HOLDER_FILE), 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_INFO_BYTES) return undefined;
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return parseHolderInfo(buffer.subarray(0, read).toString('utf8'));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // nothing to do: it was only read
      }
    }
  }
};

const sleep = (ms: number): void => {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** Write chamber.lock.json so that a reader sees the old whole file or the new whole file, never half of one. */
const writeHolderInfo = (folder: string, info: HolderInfo): void => {
  const file = join(folder, HOLDER_FILE);
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ app: 'Chamber', ...info }, null, 2)}\n`);
  // On Windows a rename over a file another process is reading fails for a moment: try again briefly.
  for (let attempt = 0; ; attempt += 1) {
    try {
      renameSync(temp, file);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 20 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      sleep(10);
    }
  }
};

const removeHolderInfo = (folder: string): void => {
  try {
    unlinkSync(join(folder, HOLDER_FILE));
  } catch {
    // already gone, or the folder went away: either way nobody is described wrongly
  }
};

// ---------------------------------------------------------------------------------------------
// The refusal, in the clerk's words.

const DEFAULT_TIME_ZONE = 'Europe/London';

const formatter = (timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: DEFAULT_TIME_ZONE });
  }
};

/** "10:02", "10:02 on 23 November" or "10:02 on 23 November 2025", in the clerk's time zone. */
export const formatSince = (startedAt: Date, now: Date, timeZone = DEFAULT_TIME_ZONE): string => {
  const time = formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startedAt);
  const day = formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (day.format(startedAt) === day.format(now)) return time;
  const sameYear = formatter(timeZone, { year: 'numeric' });
  const withYear = sameYear.format(startedAt) !== sameYear.format(now);
  const date = formatter(timeZone, { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(startedAt);
  return `${time} on ${date}`;
};

const whoHolds = (info: HolderInfo): { who: string; advice: string } => {
  const pid = info.pid === undefined ? undefined : `process ${info.pid}`;
  const details = (parts: (string | undefined)[]) => {
    const present = parts.filter((part): part is string => part !== undefined);
    return present.length > 0 ? ` (${present.join(', ')})` : '';
  };
  switch (info.kind) {
    case 'browser':
      return { who: `Chamber browser mode${details([pid, info.address])}`, advice: 'Stop it first (Ctrl+C where it runs)' };
    case 'desktop':
      return { who: `the Chamber desktop app${details([pid])}`, advice: 'Quit it first (close its window)' };
    case 'tool':
      return {
        who: `${info.name ? `the Chamber tool "${info.name}"` : 'a Chamber tool'}${details([pid])}`,
        advice: 'Let it finish, or stop it first (Ctrl+C where it runs)',
      };
  }
};

/** The refusal a second process gives, given what could be read about the holder. */
export const inUseMessage = (folder: string, info: HolderInfo | undefined, options: DataLockOptions = {}): string => {
  const hint = options.readOnlyHint ?? 'open the data read-only with --read-only';
  const ending = (advice: string) => (hint === false ? `${advice}.` : `${advice}, or ${hint}.`);
  if (!info) {
    return (
      `The Chamber data in ${folder} is in use by another Chamber program (its details could not be read). ` +
      ending('Close it first (quit the Chamber desktop app, or press Ctrl+C where browser mode runs)')
    );
  }
  const { who, advice } = whoHolds(info);
  const since = info.startedAt
    ? `, running since ${formatSince(new Date(info.startedAt), (options.now ?? (() => new Date()))(), options.timeZone)}`
    : '';
  return `The Chamber data in ${folder} is in use by ${who}${since}. ${ending(advice)}`;
};

// ---------------------------------------------------------------------------------------------
// The lock itself.

/**
 * Locks held by this process. The strong reference matters: a better-sqlite3 connection that is
 * garbage-collected is closed, and closing it would silently drop the lock.
 */
const held = new Set<{ folder: string; db: Database }>();
let exitHookInstalled = false;

const installExitHook = () => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // On a normal exit, take the details down; the OS drops the lock itself a moment later.
  process.on('exit', () => {
    for (const lock of held) removeHolderInfo(lock.folder);
  });
};

/**
 * Take the data folder for this process, or throw DataLockError saying who has it. The folder is
 * created if need be. Synchronous, and refuses at once: it never waits for the holder.
 */
export const acquireDataLock = (folder: string, holder: DataHolder, options: DataLockOptions = {}): DataLock => {
  let db: Database;
  try {
    mkdirSync(folder, { recursive: true });
    db = new BetterSqlite3(join(folder, LOCK_FILE), { timeout: 0 });
  } catch (error) {
    throw new DataLockError(
      `Chamber could not lock its data folder ${folder} (${(error as Error).message}). ` +
        'Check that the folder exists and that you can write to it.',
      'unavailable',
      folder,
    );
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close(); // safe: SQLite keeps the descriptor open while another connection here holds the lock
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      let info = readHolderInfo(folder);
      if (!info) {
        sleep(options.settleMs ?? 50);
        info = readHolderInfo(folder);
      }
      throw new DataLockError(inUseMessage(folder, info, options), 'in_use', folder, info);
    }
    throw new DataLockError(
      `Chamber could not lock its data folder ${folder} (${(error as Error).message}). ` +
        'Check that the folder is on this computer and that you can write to it.',
      'unavailable',
      folder,
    );
  }

  const entry = { folder, db };
  held.add(entry);
  installExitHook();
  let info: HolderInfo = {
    kind: holder.kind,
    pid: holder.pid ?? process.pid,
    ...(holder.address !== undefined ? { address: holder.address } : {}),
    startedAt: (holder.startedAt ?? new Date()).toISOString(),
    ...(holder.name !== undefined ? { name: holder.name } : {}),
  };
  const record = () => {
    try {
      writeHolderInfo(folder, info);
    } catch {
      // The lock is what matters; without its details a refusal says "another Chamber program".
      removeHolderInfo(folder);
    }
  };
  record();
  let released = false;
  return {
    folder,
    get holder() {
      return info;
    },
    get released() {
      return released;
    },
    describe(update) {
      if (released) throw new Error('The data lock has been released: there is nothing to describe.');
      info = { ...info, ...update };
      record();
    },
    release() {
      if (released) return;
      released = true;
      // Details first, while still holding the lock, so we never remove the next holder's.
      removeHolderInfo(folder);
      held.delete(entry);
      db.close();
    },
  };
};
