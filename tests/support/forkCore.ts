// The real core (electron/core/utility.ts) as a Node child process, started as the desktop app's
// supervisor starts it in Electron: the same messages, over Node's IPC channel instead of a
// utility process's port. Runs the TypeScript source through tsx.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromCore } from '../../electron/core/coreProtocol';
import type { StartCore } from '../../electron/main/coreSupervisor';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ForkedCores {
  start: StartCore;
  /** Every process started so far, the current one last. */
  processes: ChildProcess[];
  current(): ChildProcess | undefined;
}

export interface ForkOptions {
  /** Given everything the core writes to stdout and stderr (still passed on to this process's stderr). */
  output?: (text: string) => void;
}

export const forkedCore = (dataDir: string, mainPid = process.pid, options: ForkOptions = {}): ForkedCores => {
  const processes: ChildProcess[] = [];
  const { output } = options;
  const start: StartCore = (events) => {
    const child = fork(join(root, 'electron', 'core', 'utility.ts'), ['--data-dir', dataDir, '--main-pid', String(mainPid)], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', output ? 'pipe' : 'inherit', output ? 'pipe' : 'inherit', 'ipc'],
    });
    processes.push(child);
    if (output) {
      for (const stream of [child.stdout, child.stderr]) {
        stream?.setEncoding('utf8');
        stream?.on('data', (text: string) => {
          output(text);
          process.stderr.write(text);
        });
      }
    }
    child.on('message', (message) => events.message(message as FromCore));
    // 'close', not 'exit': it comes once the IPC channel is closed too, so every message the core sent has been handed over.
    child.on('close', (code, signal) => events.exit(signal ? `signal ${signal}` : `exit code ${code}`));
    return {
      send: (message) => void child.send(message),
      kill: () => void child.kill(),
    };
  };
  return { start, processes, current: () => processes.at(-1) };
};
