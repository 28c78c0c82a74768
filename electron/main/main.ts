// The Electron shell: windows, menu, single-instance lock, and the wiring to the core.
// No decisions here: commands are the core's; who may ask what, and what each window receives,
// are relay.ts's and the policies beside it; keeping the core running is coreSupervisor.ts's.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  screen,
  session,
  shell,
  webContents,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { utilityCore } from './coreProcess';
import { CONNECTION_LOST_NOTICE, createCoreSupervisor } from './coreSupervisor';
import { buildMenu } from './menu';
import { devicePermissionGranted, permissionGranted } from './permissions';
import { pdfFileName, withPdfExtension, type PrintToPdfResult } from './printPolicy';
import { createRelay } from './relay';
import { isOurRendererUrl, rendererUrl } from './rendererOrigin';
import { CLERK_WINDOW_ARGUMENT } from './windowArguments';
import type { WindowRole } from './windowPolicy';

app.setName('Chamber');
app.commandLine.appendSwitch('lang', 'en-GB');

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const core = createCoreSupervisor({
  start: (events) => utilityCore(join(__dirname, '..', 'core', 'utility.mjs'), app.getPath('userData'), process.pid)(events),
});
const relay = createRelay({
  core,
  send: (id: number, channel: string, payload: unknown) => {
    const contents = webContents.fromId(id);
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  },
});
const refused = { ok: false, error: { code: 'unauthorised', message: 'Refused.', details: {} } } as const;

/** The window a message came from, if it is our own renderer's top frame (exact address); else undefined. */
const ourWindow = (event: IpcMainInvokeEvent | IpcMainEvent): number | undefined => {
  const frame = event.senderFrame;
  return frame && frame.parent === null && isOurRendererUrl(frame.url, rendererIndex) ? event.sender.id : undefined;
};

/** Tell the relay about a window we open; a page loaded afresh in it starts with nothing watched. */
const track = (window: BrowserWindow, role: WindowRole): void => {
  const id = window.webContents.id;
  relay.opened(id, role);
  window.webContents.on('did-navigate', () => relay.pageLoaded(id));
  window.webContents.once('destroyed', () => relay.closed(id));
};

const createMainWindow = (): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Chamber',
    backgroundColor: '#f3f5f7',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
      // The clerk's own window: its preload offers sync with the records server (the relay still checks).
      additionalArguments: [CLERK_WINDOW_ARGUMENT],
    },
  });
  track(window, { kind: 'clerk' });
  void window.loadURL(rendererUrl(rendererIndex));
  return window;
};

/** The chamber display: full screen on the second screen when there is one, else a window. */
let displayWindow: BrowserWindow | undefined;
const openDisplayWindow = (meetingId: string, screenIndex?: number): void => {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const target = displays[screenIndex ?? -1] ?? displays.find((d) => d.id !== primary.id) ?? primary;
  displayWindow?.close();
  const external = target.id !== primary.id;
  const window = new BrowserWindow({
    x: target.bounds.x,
    y: target.bounds.y,
    width: external ? target.bounds.width : 1280,
    height: external ? target.bounds.height : 720,
    fullscreen: external,
    title: 'Chamber display',
    backgroundColor: '#0d1117',
    webPreferences: { preload: join(__dirname, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  displayWindow = window;
  window.on('closed', () => {
    if (displayWindow === window) displayWindow = undefined;
  });
  // This window shows this meeting's display and nothing else: the relay holds it to that.
  track(window, { kind: 'display', meetingId });
  void window.loadURL(rendererUrl(rendererIndex, `/display/${meetingId}`));
  Menu.setApplicationMenu(buildMenu({ displays: displays.map((d, i) => `Screen ${i + 1}: ${d.size.width}×${d.size.height}${d.id === primary.id ? ' (main)' : ''}`), moveDisplay: (i) => openDisplayWindow(meetingId, i) }));
};

/** The chairman's view: a window of its own on the clerk's computer, acting on the clerk's record. */
const openChairmanWindow = (meetingId: string): void => {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: "Chairman's view",
    backgroundColor: '#f3f5f7',
    webPreferences: { preload: join(__dirname, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  // It acts on the clerk's record, but never reaches sync with the records server.
  track(window, { kind: 'chairman', meetingId });
  void window.loadURL(rendererUrl(rendererIndex, `/chair/${meetingId}`));
};

/** Nothing a page asks Chromium for is granted: no devices, camera, notifications, location… */
const denyPermissions = (): void => {
  const guarded = session.defaultSession;
  guarded.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionGranted(permission, details.requestingUrl, rendererIndex)));
  guarded.setPermissionCheckHandler((_contents, permission, _origin, details) => permissionGranted(permission, details.requestingUrl, rendererIndex));
  guarded.setDevicePermissionHandler((details) => devicePermissionGranted(details));
  guarded.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  guarded.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  guarded.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    const stayOnOurPage = (event: { preventDefault(): void }, url: string) => {
      if (!isOurRendererUrl(url, rendererIndex)) event.preventDefault();
    };
    contents.on('will-navigate', stayOnOurPage);
    contents.on('will-redirect', stayOnOurPage);
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https:')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('select-bluetooth-device', (event, _devices, callback) => {
      event.preventDefault();
      callback('');
    });
  });

  app.whenReady().then(async () => {
    denyPermissions();
    core.onConnectionChange((connected) => {
      if (!connected && Notification.isSupported()) new Notification({ title: 'Chamber', body: CONNECTION_LOST_NOTICE }).show();
    });
    core.onFatal((message) => {
      dialog.showErrorBox('Chamber has stopped', message);
      app.quit();
    });
    try {
      await core.start();
    } catch (error) {
      dialog.showErrorBox('Chamber cannot open its data', (error as Error).message);
      app.quit();
      return;
    }
    ipcMain.handle('chamber:invoke', (event, command) => {
      const id = ourWindow(event);
      return id === undefined ? refused : relay.invoke(id, command);
    });
    ipcMain.handle('chamber:read', (event, topic) => {
      const id = ourWindow(event);
      return id === undefined ? refused : relay.read(id, topic);
    });
    // The clerk's sync with the records server: the clerk's own window only (the relay checks the
    // window, the operation's name and the input's size; the core's table does the rest).
    ipcMain.handle('chamber:sync', (event, operation, input) => {
      const id = ourWindow(event);
      return id === undefined ? refused : relay.sync(id, operation, input);
    });
    ipcMain.on('chamber:watch', (event, topics) => {
      const id = ourWindow(event);
      if (id !== undefined) relay.watch(id, topics);
    });
    ipcMain.handle('chamber:openDisplay', (event, meetingId) => {
      const id = ourWindow(event);
      if (id !== undefined && relay.mayOpenDisplay(id) && typeof meetingId === 'string' && /^[0-9a-f-]{36}$/.test(meetingId)) openDisplayWindow(meetingId);
    });
    ipcMain.handle('chamber:openChairman', (event, meetingId) => {
      const id = ourWindow(event);
      if (id !== undefined && relay.mayOpenDisplay(id) && typeof meetingId === 'string' && /^[0-9a-f-]{36}$/.test(meetingId)) openChairmanWindow(meetingId);
    });
    // The clerk's window saves the page (the minutes, with their print stylesheet) as an A4 PDF where the clerk chooses.
    ipcMain.handle('chamber:printToPdf', async (event, suggestedName): Promise<PrintToPdfResult> => {
      const id = ourWindow(event);
      if (id === undefined || !relay.mayOpenDisplay(id)) return { saved: false, error: 'Refused: only the clerk’s window prints the minutes.' };
      const owner = BrowserWindow.fromWebContents(event.sender);
      const options = { defaultPath: join(app.getPath('documents'), pdfFileName(suggestedName)), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return { saved: false };
      try {
        const path = withPdfExtension(chosen.filePath);
        await writeFile(path, await event.sender.printToPDF({ pageSize: 'A4' }));
        return { saved: true, path };
      } catch (error) {
        return { saved: false, error: (error as Error).message };
      }
    });
    Menu.setApplicationMenu(buildMenu());
    createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => core.stop());
}
