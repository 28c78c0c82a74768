// Where an installation keeps its data: Electron's userData folder for "Chamber", so the desktop
// app and browser mode share one record unless --data-dir says otherwise.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Chamber';
export const DATABASE_FILE = 'chamber.sqlite';
const TOKEN_FILE = 'clerk-token';

/** The same folder Electron's app.getPath('userData') gives for an app named Chamber. */
export const defaultDataFolder = (env: NodeJS.ProcessEnv = process.env, platform = process.platform): string => {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
};

/** The clerk's token for the local API: made on first start, readable only by this user. */
export const clerkToken = (folder: string): string => {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, TOKEN_FILE);
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(token)) return token;
  }
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
};
