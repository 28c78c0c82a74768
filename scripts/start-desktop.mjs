// `npm start`: build, then open the desktop app. If Electron's binary is missing, try its own
// installer once; if that fails (no internet), explain and point to browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

const binaryPath = () => {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
};

const run = (command, args, options = {}) => spawnSync(command, args, { stdio: 'inherit', ...options });

if (run(process.execPath, ['scripts/build.mjs']).status !== 0) process.exit(1);

let binary = binaryPath();
if (!binary) {
  console.log('The Electron runtime is not installed yet; fetching it once…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  run(process.execPath, [join(electronDir, 'install.js')], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  binary = binaryPath();
}
if (!binary) {
  console.log(
    [
      '',
      'Chamber could not start the desktop app: the Electron runtime is not installed and could not be',
      'downloaded (this computer appears to be offline, or downloads are blocked). Nothing has been',
      'changed. You can use Chamber in browser mode instead: run "npm run web" and open the address it',
      'prints. It uses the same data folder as the desktop app. To install the desktop runtime later, run',
      '"npm start" again when online.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
const result = run(binary, ['.', ...process.argv.slice(2)]);
process.exit(result.status ?? 0);
