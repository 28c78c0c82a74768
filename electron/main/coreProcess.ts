// Starts the core in a utility process and relays requests to it.
import { utilityProcess, type UtilityProcess } from 'electron';
import type { FromCore, ToCore } from '../core/coreProtocol';

type Pending = (message: FromCore) => void;

export interface CoreProcess {
  invoke(command: unknown): Promise<unknown>;
  read(topic: string): Promise<unknown>;
  onUpdate(listener: (update: unknown) => void): void;
  stop(): void;
}

export const startCoreProcess = (entry: string, dataDir: string): Promise<CoreProcess> =>
  new Promise((resolve, reject) => {
    const child: UtilityProcess = utilityProcess.fork(entry, ['--data-dir', dataDir], {
      serviceName: 'Chamber core',
      stdio: 'inherit',
    });
    const pending = new Map<number, Pending>();
    const updateListeners: ((update: unknown) => void)[] = [];
    let nextId = 1;
    let ready = false;

    const request = (message: Omit<ToCore, 'id'>): Promise<unknown> =>
      new Promise((done) => {
        const id = nextId++;
        pending.set(id, (reply) => done('result' in reply ? reply.result : undefined));
        child.postMessage({ ...message, id });
      });

    child.on('message', (message: FromCore) => {
      if (message.kind === 'ready') {
        ready = true;
        resolve({
          invoke: (command) => request({ kind: 'invoke', command } as Omit<ToCore, 'id'>),
          read: (topic) => request({ kind: 'read', topic } as Omit<ToCore, 'id'>),
          onUpdate: (listener) => void updateListeners.push(listener),
          stop: () => void child.kill(),
        });
      } else if (message.kind === 'fatal') {
        reject(new Error(message.message));
      } else if (message.kind === 'update') {
        for (const listener of updateListeners) listener(message.update);
      } else {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
    child.on('exit', (code) => {
      if (!ready) reject(new Error(`The Chamber core stopped before it was ready (exit code ${code}).`));
    });
  });
