// A real browser-mode host on an ephemeral loopback port, over a real core.
import type { FastifyInstance } from 'fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWebHost, type WebHostOptions } from '../../electron/core/host/webHost';
import { openTestCore, type TestCore } from './meeting';

export interface RunningHost {
  core: TestCore;
  app: FastifyInstance;
  url: string;
  token: string;
  staticDir: string;
  /** A topic's value from the core (failing the test if it cannot be read). */
  read(topic: string): unknown;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: unknown; headers: Headers }>;
  stop(): Promise<void>;
}

export const startHost = async (options: Partial<WebHostOptions> = {}): Promise<RunningHost> => {
  const core = openTestCore();
  const staticDir = join(core.folder, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<html><head><meta name="chamber-token" content="" /></head><body>Chamber</body></html>');
  const token = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
  const app = await createWebHost({ core, role: 'clerk', token, staticDir, hostNames: ['127.0.0.1'], ...options });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const auth = { authorization: `Bearer ${token}` };
  return {
    core,
    app,
    url: address,
    token,
    staticDir,
    read(topic) {
      const value = core.read(topic as never);
      if (!value.ok) throw new Error(value.error.message);
      return value.data;
    },
    async post(body, headers = auth) {
      const response = await fetch(`${address}/api/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    async get(path, headers = auth) {
      const response = await fetch(`${address}${path}`, { headers });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // HTML and assets stay text
      }
      return { status: response.status, body, headers: response.headers };
    },
    async stop() {
      await app.close();
      core.dispose();
    },
  };
};
