// The bridge between the window and the core: invoke, read, watch and the pushed updates.
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

contextBridge.exposeInMainWorld('chamber', api);

// Desktop-only: open the chamber display in its own window, on the second screen when there is one,
// and the chairman's view in a window of its own.
contextBridge.exposeInMainWorld('chamberShell', {
  openDisplay: (meetingId: string) => void ipcRenderer.invoke('chamber:openDisplay', meetingId),
  openChairman: (meetingId: string) => void ipcRenderer.invoke('chamber:openChairman', meetingId),
});
