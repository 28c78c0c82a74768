// The minutes' export in a real browser: Vite bundles exportMinutes with its module worker, a page
// served under browser mode's Content-Security-Policy runs it, and the Word file comes back from
// the worker (not the page's own thread) with its progress.
import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/host/webHost';

const root = path.resolve(import.meta.dirname, '../..');
let folder: string;
let server: Server;
let address: string;

test.beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'chamber-export-worker-'));
  writeFileSync(path.join(folder, 'index.html'), '<!doctype html><html lang="en-GB"><head><title>Export</title><link rel="icon" href="data:,"><script type="module" src="./main.ts"></script></head><body></body></html>');
  writeFileSync(
    path.join(folder, 'main.ts'),
    [
      `import { exportMinutes } from ${JSON.stringify(path.join(root, 'renderer/src/minutes/exportMinutes.ts'))};`,
      `import { minutesDocument } from ${JSON.stringify(path.join(root, 'tests/support/minutesDocument.ts'))};`,
      'Object.assign(window, {',
      '  runExport: async (format) => {',
      '    const progress = [];',
      '    const { blob, fileName } = await exportMinutes(minutesDocument(), format, (done, total) => progress.push([done, total]));',
      '    const head = Array.from(new Uint8Array(await blob.slice(0, 2).arrayBuffer()));',
      '    return { fileName, type: blob.type, size: blob.size, head, progress };',
      '  },',
      '});',
    ].join('\n'),
  );
  await build({ configFile: false, root: folder, base: './', logLevel: 'warn', build: { outDir: path.join(folder, 'dist'), target: 'es2022' } });
  const dist = path.join(folder, 'dist');
  server = createServer((request, response) => {
    const file = path.join(dist, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/$/, '/index.html'));
    if (!file.startsWith(dist)) return void response.writeHead(404).end();
    try {
      const body = readFileSync(file);
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  address = `http://127.0.0.1:${port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

test('the Word file is made in a worker, with progress, under the app’s Content-Security-Policy', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(address);
  await page.waitForFunction(() => 'runExport' in window);
  const result = await page.evaluate(() => (window as unknown as { runExport(format: string): Promise<Record<string, unknown>> }).runExport('docx'));
  expect(result.fileName).toBe('Minutes 2015-10-22 Kent County Council.docx');
  expect(result.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(result.head).toEqual([0x50, 0x4b]); // "PK": a zip, as a .docx is
  expect(result.size as number).toBeGreaterThan(10_000);
  expect(result.progress).toEqual([
    [1, 4],
    [2, 4],
    [3, 4],
    [4, 4],
  ]);
  expect(workers).toHaveLength(1);
  expect(workers[0]).toMatch(/\/assets\/exportWorker-[\w-]+\.js$/);
  // The page never fell back to making it itself (it would have loaded the exporter's own chunk).
  expect(requests.filter((url) => /renderMinutes/.test(url))).toEqual([]);
  expect(errors).toEqual([]);
});
