// The records server as a real process (server/cli.ts, as `npm run server` runs it): started on a
// port, killed with SIGKILL and started again on the same port and store; its command line for
// devices and `verify`; and a PostgreSQL schema of its own for one test, given to the command line
// in the connection string (search_path), dropped afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'server/cli.ts');
/** node itself with tsx's loader (not the tsx wrapper, which runs node as a child): SIGKILL reaches the server. */
const node = (args: readonly string[]) => [process.execPath, ['--import', 'tsx', cli, ...args]] as const;

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** SIGKILL, and wait until it has gone. */
  kill(): Promise<void>;
  /** SIGTERM: it closes its store and exits. */
  stop(): Promise<void>;
}

const ended = async (child: ChildProcess, signal: NodeJS.Signals) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, 'exit');
  child.kill(signal);
  await exit;
};

/** `npm run server -- --port PORT --host 127.0.0.1 <storage and other options>`; resolves once it listens. */
export const startServerProcess = async (options: readonly string[], port = 0): Promise<ServerProcess> => {
  const child = spawn(...node(['--port', String(port), '--host', '127.0.0.1', ...options]), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (https?:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the records server stopped (${code}) before listening: ${out}`)));
  });
  return { child, url, port: Number(new URL(url).port), kill: () => ended(child, 'SIGKILL'), stop: () => ended(child, 'SIGTERM') };
};

/** The server's command line, run to its end. */
export const serverCommand = (args: readonly string[]) => spawnSync(...node(args), { cwd: root, encoding: 'utf8' });

/** `add-device NAME`: the device's id and the key printed once. */
export const addDeviceByCommand = (name: string, storage: readonly string[]): { id: string; key: string } => {
  const added = serverCommand(['add-device', name, ...storage]);
  if (added.status !== 0) throw new Error(`add-device failed: ${added.stderr}`);
  return { id: /registered as (\S+)\./.exec(added.stdout)![1], key: /key \(shown this once[^)]*\): (\S+)/.exec(added.stdout)![1] };
};

/** A schema of its own in the test database, as a connection string whose search_path is that schema, and how to drop it. */
export const postgresSchemaForProcess = async (connectionString: string, prefix: string): Promise<{ url: string; schema: string; drop(): Promise<void> }> => {
  const schema = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  const pg = (await import('pg')).default;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA "${schema}"`);
  const url = new URL(connectionString);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.href, schema, drop: () => admin(`DROP SCHEMA "${schema}" CASCADE`) };
};
