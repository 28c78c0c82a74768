// The Electron shell: windows, menu, single-instance lock, and the relay to the core.
// No business logic here: every decision is the core's.
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, shell, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCoreProcess, type CoreProcess } from './coreProcess';
import { buildMenu } from './menu';

app.setName('Chamber');
app.commandLine.appendSwitch('lang', 'en-GB');

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererRoot = pathToFileURL(join(__dirname, '..', 'renderer')).href;
let core: CoreProcess | undefined;

/** Only our own renderer, loaded from our own files, may talk to the core. */
const fromOurRenderer = (event: IpcMainInvokeEvent): boolean => (event.senderFrame?.url ?? '').startsWith(rendererRoot);

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
    },
  });
  void window.loadFile(rendererIndex);
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
  displayWindow = new BrowserWindow({
    x: target.bounds.x,
    y: target.bounds.y,
    width: external ? target.bounds.width : 1280,
    height: external ? target.bounds.height : 720,
    fullscreen: external,
    title: 'Chamber display',
    backgroundColor: '#0d1117',
    webPreferences: { preload: join(__dirname, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  displayWindow.on('closed', () => (displayWindow = undefined));
  void displayWindow.loadFile(rendererIndex, { hash: `/display/${meetingId}` });
  Menu.setApplicationMenu(buildMenu({ displays: displays.map((d, i) => `Screen ${i + 1}: ${d.size.width}×${d.size.height}${d.id === primary.id ? ' (main)' : ''}`), moveDisplay: (i) => openDisplayWindow(meetingId, i) }));
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
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(rendererRoot)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https:')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(async () => {
    try {
      core = await startCoreProcess(join(__dirname, '..', 'core', 'utility.mjs'), app.getPath('userData'));
    } catch (error) {
      dialog.showErrorBox('Chamber cannot open its data', (error as Error).message);
      app.quit();
      return;
    }
    const running = core;
    ipcMain.handle('chamber:invoke', (event, command) =>
      fromOurRenderer(event) ? running.invoke(command) : { ok: false, error: { code: 'unauthorised', message: 'Refused.', details: {} } },
    );
    ipcMain.handle('chamber:read', (event, topic) =>
      fromOurRenderer(event) && typeof topic === 'string'
        ? running.read(topic)
        : { ok: false, error: { code: 'unauthorised', message: 'Refused.', details: {} } },
    );
    ipcMain.handle('chamber:openDisplay', (event, meetingId) => {
      if (fromOurRenderer(event) && typeof meetingId === 'string' && /^[0-9a-f-]{36}$/.test(meetingId)) openDisplayWindow(meetingId);
    });
    running.onUpdate((update) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send('chamber:update', update);
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
  app.on('will-quit', () => core?.stop());
}
