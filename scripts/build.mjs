// Builds everything into dist/: the renderer with Vite, the core, the Electron main process and
// the (CommonJS, sandboxed) preload with esbuild.
import { build as esbuild } from 'esbuild';
import { rmSync } from 'node:fs';
import { build as vite } from 'vite';

// CHAMBER_OUT lets two builds run side by side (e.g. parallel test runs); dist/ by default.
const out = process.env.CHAMBER_OUT ?? 'dist';
rmSync(out, { recursive: true, force: true });

await vite({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: `../${out}/renderer` } });

const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning', sourcemap: true };
// The core's entries carry their dependencies (fastify, zod, …) in one minified file: Node then
// reads and compiles one file instead of resolving hundreds, which is most of browser mode's
// start-up. better-sqlite3 is native and stays in node_modules; `require` is provided for the
// CommonJS packages bundled into an ES module.
const core = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['better-sqlite3'],
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  sourcemap: true,
  banner: { js: "import { createRequire as __chamberRequire } from 'node:module'; const require = __chamberRequire(import.meta.url);" },
};
await Promise.all([
  esbuild({ ...core, entryPoints: ['electron/core/web.ts'], outfile: `${out}/core/web.mjs` }),
  esbuild({ ...core, entryPoints: ['electron/core/utility.ts'], outfile: `${out}/core/utility.mjs` }),
  esbuild({ ...node, entryPoints: ['electron/main/main.ts'], outfile: `${out}/electron/main.cjs`, format: 'cjs' }),
  // A sandboxed preload can require only 'electron': bundle everything else into it.
  esbuild({
    entryPoints: ['electron/preload/preload.ts'],
    outfile: `${out}/electron/preload.cjs`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    target: 'chrome130',
    logLevel: 'warning',
  }),
]);
console.log(`Built ${out}/ (renderer, core, electron main and preload).`);
