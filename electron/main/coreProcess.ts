// Starts the core in an Electron utility process, as a child the supervisor (coreSupervisor.ts)
// can watch and restart. Only the wiring to Electron lives here.
import { utilityProcess } from 'electron';
import type { FromCore } from '../core/coreProtocol';
import type { StartCore } from './coreSupervisor';

/** How to start the core on a data folder; `mainPid` is named to anyone else who finds the data in use. */
export const utilityCore =
  (entry: string, dataDir: string, mainPid: number): StartCore =>
  (events) => {
    const child = utilityProcess.fork(entry, ['--data-dir', dataDir, '--main-pid', String(mainPid)], {
      serviceName: 'Chamber core',
      stdio: 'inherit',
    });
    child.on('message', (message: FromCore) => events.message(message));
    child.on('error', (type, location) => process.stderr.write(`Chamber core: ${type} at ${location}\n`));
    child.on('exit', (code) => events.exit(`exit code ${code}`));
    return {
      send: (message) => child.postMessage(message),
      kill: () => void child.kill(),
    };
  };
