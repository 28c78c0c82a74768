// The core inside Electron: a utility process, so synchronous SQLite never blocks a window.
// Plain Node: it talks to the main process through process.parentPort and never imports electron.
import { parseArgs } from 'node:util';
import type { Topic } from '../../shared/topics';
import { openCore, type Core } from './core';
import type { FromCore, ToCore } from './coreProtocol';
import { StoreError } from './store/database';

interface ParentPort {
  on(event: 'message', listener: (message: { data: ToCore }) => void): void;
  postMessage(message: FromCore): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('utility.ts runs only as an Electron utility process');

const { 'data-dir': dataDir } = parseArgs({ options: { 'data-dir': { type: 'string' } } }).values;

let core: Core | undefined;
try {
  if (!dataDir) throw new Error('the core was started without --data-dir');
  core = openCore(dataDir);
  const opened = core;
  opened.subscribe((update) => parentPort.postMessage({ kind: 'update', update }));
  parentPort.on('message', ({ data }) => {
    if (data.kind === 'invoke') parentPort.postMessage({ kind: 'invoked', id: data.id, result: opened.dispatch(data.command) });
    else if (data.kind === 'read') parentPort.postMessage({ kind: 'read', id: data.id, result: opened.read(data.topic as Topic) });
  });
  parentPort.postMessage({ kind: 'ready' });
} catch (error) {
  const message = error instanceof StoreError ? error.message : `Chamber could not open its data: ${(error as Error).message}`;
  parentPort.postMessage({ kind: 'fatal', message });
}

process.on('exit', () => core?.close());
