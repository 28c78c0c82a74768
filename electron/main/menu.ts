// The application menu: standard roles, plus Chamber's own items as features arrive.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Screens the chamber display can be moved to, when it is open. */
  displays?: string[];
  moveDisplay?(screenIndex: number): void;
}

export const buildMenu = (options: MenuOptions = {}): Menu => {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [{ role: process.platform === 'darwin' ? 'close' : 'quit' }] },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.displays?.length
          ? [
              { type: 'separator' } as MenuItemConstructorOptions,
              {
                label: 'Move the chamber display to',
                submenu: options.displays.map((label, i) => ({ label, click: () => options.moveDisplay?.(i) })),
              },
            ]
          : []),
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `Chamber ${app.getVersion()}`, enabled: false }] },
  ];
  return Menu.buildFromTemplate(template);
};
