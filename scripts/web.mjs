// `npm run web`: browser mode. Builds first only when the build is missing or older than the
// sources (a build takes seconds; starting takes a fraction of one), then runs it in this process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, process.env.CHAMBER_OUT ?? 'dist', 'core', 'web.mjs');

/** The newest modification time of any file under these folders. */
const newest = (folders) => {
  let latest = 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else latest = Math.max(latest, statSync(path).mtimeMs);
    }
  };
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    if (statSync(folder).isDirectory()) walk(folder);
    else latest = Math.max(latest, statSync(folder).mtimeMs);
  }
  return latest;
};

const sources = ['electron', 'shared', 'renderer'].map((f) => join(root, f));
const stale = !existsSync(built) || newest([...sources, join(root, 'package-lock.json')]) > statSync(built).mtimeMs;
if (stale) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(pathToFileURL(built).href);
