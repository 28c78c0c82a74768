// Browser mode as a real child process, as `npm run web` starts it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
 * The address browser mode serves, from what it has printed so far (undefined until it has
 * printed it), without a trailing slash. The one place that reads browser mode's start-up output.
 */
export const browserModeUrl = (output: string): string | undefined => /Clerk, on this computer:\s+(https?:\/\/\S+?)\/?\s/.exec(output)?.[1];

/** The process a wrapper (such as strace) started: its child. Linux only (reads /proc). */
const wrappedProcess = (wrapper: number): number | undefined => {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "PID (command) STATE PPID ..."; the command may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === wrapper) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
};

export interface StartOptions {
  /** Run the built host (dist/), as the e2e tests do; otherwise the TypeScript source through tsx, so unit runs need no build. */
  built?: boolean;
  /**
   * A command that runs browser mode for us, such as ['strace', '-f', '-o', FILE, '--']: it is
   * given the node command line after its own arguments. kill() then signals the process it
   * started (its first child) and waits for the wrapper to exit.
   */
  wrap?: readonly string[];
  /** More arguments for browser mode (e.g. --read-only, --host ADDRESS --allow-network). */
  args?: readonly string[];
}

/** Start browser mode on a free port, in its own child process. */
export const startBrowserMode = (dataDir: string, options: StartOptions = {}): Promise<BrowserMode> =>
  new Promise((resolve, reject) => {
    const built = join(root, process.env.CHAMBER_OUT ?? 'dist', 'core', 'web.mjs');
    const args = [...browserModeCommand(dataDir, options.built), ...(options.args ?? [])];
    if (options.built && !existsSync(built)) reject(new Error('dist/ is not built: run npm run build first'));
    const [command, ...commandArgs] = options.wrap?.length ? [...options.wrap, process.execPath, ...args] : [process.execPath, ...args];
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    child.on('error', (error) => reject(error));
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = browserModeUrl(output);
      if (!url) return;
      clearTimeout(timer);
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
            const wrapped = options.wrap?.length ? wrappedProcess(child.pid!) : undefined;
            if (wrapped) process.kill(wrapped, signal);
            else child.kill(signal);
          });
        },
      });
    });
  });
