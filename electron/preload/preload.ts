// The bridge between the window and the core: one invoke channel, one read, one subscription.
// Sandboxed, so this is bundled as CommonJS and may require only 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChamberApi } from '../../shared/api';
import type { StateUpdate } from '../../shared/topics';

const api: ChamberApi = {
  invoke: (command) => ipcRenderer.invoke('chamber:invoke', command),
  read: async (topic) => {
    const result = await ipcRenderer.invoke('chamber:read', topic);
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  },
  subscribe: (listener) => {
    const relay = (_event: IpcRendererEvent, update: StateUpdate) => listener(update);
    ipcRenderer.on('chamber:update', relay);
    return () => void ipcRenderer.removeListener('chamber:update', relay);
  },
  // IPC to the main process does not drop; the core's own failures come back as errors.
  onConnectionChange: () => () => undefined,
};

contextBridge.exposeInMainWorld('chamber', api);

// Desktop-only: open the chamber display in its own window, on the second screen when there is one.
contextBridge.exposeInMainWorld('chamberShell', {
  openDisplay: (meetingId: string) => void ipcRenderer.invoke('chamber:openDisplay', meetingId),
});
