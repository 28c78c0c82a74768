// The application menu: standard roles, plus Chamber's own items as features arrive.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export const buildMenu = (): Menu => {
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
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `Chamber ${app.getVersion()}`, enabled: false }] },
  ];
  return Menu.buildFromTemplate(template);
};
