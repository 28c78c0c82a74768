// The bridge between the window and the core: invoke, read, watch and the pushed updates; in the
// clerk's own window, sync with the records server too.
// Sandboxed, so this is bundled as CommonJS and may require only 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChamberApi } from '../../shared/api';
import type { SyncAnswer } from '../../shared/syncApi';
import type { StateUpdate } from '../../shared/topics';
import { CLERK_WINDOW_ARGUMENT } from '../main/windowArguments';

const api: ChamberApi = {
  invoke: (command) => ipcRenderer.invoke('chamber:invoke', command),
  read: async (topic) => {
    const result = await ipcRenderer.invoke('chamber:read', topic);
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  },
  watch: (topics) => ipcRenderer.send('chamber:watch', [...topics]),
  subscribe: (listener) => {
    const relay = (_event: IpcRendererEvent, update: StateUpdate) => listener(update);
    ipcRenderer.on('chamber:update', relay);
    return () => void ipcRenderer.removeListener('chamber:update', relay);
  },
  // The core may stop and be restarted by the shell: the window is told, and re-reads on return.
  onConnectionChange: (listener) => {
    const relay = (_event: IpcRendererEvent, connected: boolean) => listener(connected);
    ipcRenderer.on('chamber:connection', relay);
    return () => void ipcRenderer.removeListener('chamber:connection', relay);
  },
};

// Desktop-only, beside the API: the page saved as an A4 PDF (the minutes), where the clerk chooses.
const printToPdf = (suggestedName: string): Promise<{ saved: boolean; path?: string; error?: string }> => ipcRenderer.invoke('chamber:printToPdf', suggestedName);

contextBridge.exposeInMainWorld('chamber', { ...api, printToPdf });

// Desktop-only: open the chamber display in its own window, on the second screen when there is one,
// and the chairman's view in a window of its own.
contextBridge.exposeInMainWorld('chamberShell', {
  openDisplay: (meetingId: string) => void ipcRenderer.invoke('chamber:openDisplay', meetingId),
  openChairman: (meetingId: string) => void ipcRenderer.invoke('chamber:openChairman', meetingId),
});

// Desktop-only, the clerk's own window only (the main process says which window this is, and checks
// again): the clerk's sync operations by name (status, configure, push, verify), answered by the
// core from the same table as browser mode's sync routes. The device key goes up in `configure`;
// no answer carries it back.
if (process.argv.includes(CLERK_WINDOW_ARGUMENT)) {
  contextBridge.exposeInMainWorld('chamberSync', {
    call: (operation: string, input?: unknown): Promise<SyncAnswer> => ipcRenderer.invoke('chamber:sync', operation, input),
  });
}
