// Browser mode as a real child process, as `npm run web` starts it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test replies are checked with toMatchObject
type Json = any;

export interface BrowserMode {
  process: ChildProcess;
  url: string;
  /** Everything it has printed so far. */
  output(): string;
  token: string;
  dataDir: string;
  post(body: unknown): Promise<{ status: number; body: Json }>;
  read(topic: string): Promise<Json>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The clerk's address in what browser mode prints on starting ("Clerk, on this computer:  http://…/"). */
export const clerkAddressIn = (output: string): RegExpExecArray | null => /Clerk, on this computer:\s+(https?:\/\/\S+?)\/?\s/.exec(output);

/** The arguments that run browser mode on a free port: the built host, or the source through tsx. */
const browserModeCommand = (dataDir: string, built = false): string[] =>
  built
    ? [join(root, process.env.CHAMBER_OUT ?? 'dist', 'core', 'web.mjs'), '--data-dir', dataDir, '--port', '0']
    : ['--import', 'tsx', join(root, 'electron', 'core', 'web.ts'), '--data-dir', dataDir, '--port', '0'];

/** Run browser mode expecting it to stop by itself (refused to start): its exit code and output. */
export const browserModeRefusal = (dataDir: string, args: string[] = []): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [...browserModeCommand(dataDir), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });

/**
 * Start browser mode on a free port. Uses the built host (dist/) when `built` is set, as the
 * e2e tests do; otherwise runs the TypeScript source through tsx, so unit runs need no build.
 */
export const startBrowserMode = (dataDir: string, options: { built?: boolean; args?: string[] } = {}): Promise<BrowserMode> =>
  new Promise((resolve, reject) => {
    const built = join(root, process.env.CHAMBER_OUT ?? 'dist', 'core', 'web.mjs');
    const args = [...browserModeCommand(dataDir, options.built), ...(options.args ?? [])];
    if (options.built && !existsSync(built)) reject(new Error('dist/ is not built: run npm run build first'));
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = clerkAddressIn(output);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1];
      const token = readFileSync(join(dataDir, 'clerk-token'), 'utf8').trim();
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      resolve({
        process: child,
        url,
        output: () => output,
        token,
        dataDir,
        async post(body) {
          const response = await fetch(`${url}/api/commands`, { method: 'POST', headers, body: JSON.stringify(body) });
          return { status: response.status, body: await response.json() };
        },
        async read(topic) {
          const response = await fetch(`${url}/api/topics/${encodeURIComponent(topic)}`, { headers });
          return response.json();
        },
        kill(signal = 'SIGTERM') {
          return new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.removeAllListeners('exit');
            child.on('exit', () => done());
            child.kill(signal);
          });
        },
      });
    });
  });
