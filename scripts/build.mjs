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
await Promise.all([
  esbuild({ ...node, entryPoints: ['electron/core/web.ts'], outfile: `${out}/core/web.mjs`, format: 'esm' }),
  esbuild({ ...node, entryPoints: ['electron/core/utility.ts'], outfile: `${out}/core/utility.mjs`, format: 'esm' }),
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
