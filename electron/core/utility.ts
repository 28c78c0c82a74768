// The core inside Electron: a utility process, so synchronous SQLite never blocks a window.
// Plain Node: it never imports electron. It talks to its parent through process.parentPort when
// Electron started it (utilityProcess.fork), or through process.send when Node did
// (child_process.fork, as the tests do): the same messages either way (coreProtocol.ts).
//   utility.ts --data-dir FOLDER [--main-pid PID]
// --main-pid is the desktop app's main process, named to anyone else who finds the data in use.
import { parseArgs } from 'node:util';
import type { Topic } from '../../shared/topics';
import { openCore, type Core } from './core';
import type { FromCore, ToCore } from './coreProtocol';
import { DataLockError } from './store/dataLock';
import { StoreError } from './store/database';
import { createSyncClient, type SyncClient } from './sync/syncClient';
import { runSyncOperation } from './sync/syncOperations';

interface Channel {
  onMessage(listener: (message: ToCore) => void): void;
  post(message: FromCore): void;
}

interface ParentPort {
  on(event: 'message', listener: (message: { data: ToCore }) => void): void;
  postMessage(message: FromCore): void;
}

const channelToParent = (): Channel => {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      onMessage: (listener) => parentPort.on('message', ({ data }) => listener(data)),
      post: (message) => parentPort.postMessage(message),
    };
  }
  if (process.send) {
    // Started by Node: when the parent goes, so do we (and the OS releases the data lock).
    process.on('disconnect', () => process.exit(0));
    return {
      onMessage: (listener) => process.on('message', (message) => listener(message as ToCore)),
      post: (message) => void process.send?.(message),
    };
  }
  throw new Error('utility.ts runs only as a child process: an Electron utility process, or Node with an IPC channel');
};

const parent = channelToParent();
const { 'data-dir': dataDir, 'main-pid': mainPid } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'main-pid': { type: 'string' } },
}).values;

let core: Core | undefined;
let sync: SyncClient | undefined;
try {
  if (!dataDir) throw new Error('the core was started without --data-dir');
  const pid = Number(mainPid);
  core = openCore(dataDir, { holder: { kind: 'desktop', ...(Number.isSafeInteger(pid) && pid > 0 ? { pid } : {}) } });
  const opened = core;
  // Sync with the records server, as browser mode has it (web.ts): the clerk's window asks through
  // the main process ('sync' messages, answered from the one table of operations); the automatic
  // sync, if the clerk turned it on, runs here. The device key is read here and sent only to the records server.
  const records = createSyncClient({ db: opened.db, take: opened.takeRecorded });
  sync = records;
  records.startAutoSync();
  opened.subscribe((update) => parent.post({ kind: 'update', update }));
  parent.onMessage((data) => {
    if (data.kind === 'invoke') parent.post({ kind: 'invoked', id: data.id, result: opened.dispatch(data.command) });
    else if (data.kind === 'read') parent.post({ kind: 'read', id: data.id, result: opened.read(data.topic as Topic) });
    else if (data.kind === 'sync') void runSyncOperation(records, data.operation, data.input).then((answer) => parent.post({ kind: 'synced', id: data.id, answer }));
  });
  parent.post({ kind: 'ready' });
} catch (error) {
  // Another Chamber holds the data, or it cannot be opened: say why, and do nothing else.
  const message =
    error instanceof StoreError || error instanceof DataLockError ? error.message : `Chamber could not open its data: ${(error as Error).message}`;
  parent.post({ kind: 'fatal', message });
}

process.on('exit', () => {
  sync?.stop();
  core?.close();
});
// Asked to stop (the app quitting): close the data cleanly. Messages are handled one at a time, so
// no command is half done when this runs.
process.on('SIGTERM', () => process.exit(0));
