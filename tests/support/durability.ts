// Tracing a server's system calls with strace to check that every acknowledgement follows the
// fsync of its commit: the order of write(WAL) → fsync(WAL) → write(HTTP response) on the wire.
// A SIGKILL crash test cannot see this (the page cache survives the process); a trace can.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Requirement } from './skips';

export const TRACED_CALLS = ['fsync', 'fdatasync', 'write', 'writev', 'pwrite64', 'pwritev'] as const;
const WRITES = new Set(['write', 'writev', 'pwrite64', 'pwritev']);
const SYNCS = new Set(['fsync', 'fdatasync']);

/** The strace command that runs a server and writes its trace to `file`: -y names each descriptor's file or socket. */
export const straceCommand = (file: string): string[] => [
  'strace',
  '-f', // every thread and child
  '-y', // fd<path> and fd<socket:[inode]>
  '--seccomp-bpf', // stop only at the traced calls: a few seconds, not a minute
  '-o',
  file,
  '-e',
  `trace=${TRACED_CALLS.join(',')}`,
  '--',
];

/** Whether strace is installed and may trace here; required in CI, where .ci/run installs it. */
export const straceRequirement = (): Requirement => {
  const probe = spawnSync('strace', ['-f', '-e', 'trace=none', '-o', '/dev/null', '--', process.execPath, '-e', '0'], { encoding: 'utf8', timeout: 20_000 });
  const error = probe.error as NodeJS.ErrnoException | undefined;
  const reason =
    error?.code === 'ENOENT'
      ? 'strace is not installed (Debian: apt-get install strace)'
      : error
        ? `strace could not be run: ${error.message}`
        : `strace cannot trace a process here (is ptrace permitted?): ${probe.stderr.trim().split('\n')[0] || `exit code ${probe.status}`}`;
  return { met: !probe.error && probe.status === 0, reason, requiredInCi: true };
};

/** One traced system call: where it started and ended in the trace (a call another thread interrupted spans several lines). */
export interface TracedCall {
  pid: number;
  call: string;
  fd: number;
  /** What -y printed for the descriptor: a path, or socket:[inode]. */
  target: string;
  /** The arguments after the descriptor, as strace printed them (strings cut at 32 characters). */
  args: string;
  result: number;
  start: number;
  end: number;
}

const PID = String.raw`^(?:\[pid\s+)?(\d+)\]?\s+`;
const WHOLE = new RegExp(`${PID}(\\w+)\\((\\d+)<([^>]*)>(.*)\\)\\s+=\\s+(-?\\d+)`);
const UNFINISHED = new RegExp(`${PID}(\\w+)\\((\\d+)<([^>]*)>(.*?)\\s*<unfinished \\.\\.\\.>\\s*$`);
const RESUMED = new RegExp(`${PID}<\\.\\.\\. (\\w+) resumed>(.*)\\)\\s+=\\s+(-?\\d+)`);

/** The calls on file descriptors in an `strace -f -y` trace, in the order they started. */
export const parseTrace = (text: string): TracedCall[] => {
  const calls: TracedCall[] = [];
  const pending = new Map<string, Omit<TracedCall, 'result' | 'end'>>();
  text.split('\n').forEach((line, index) => {
    let match = WHOLE.exec(line);
    if (match) {
      const [, pid, call, fd, target, args, result] = match;
      calls.push({ pid: Number(pid), call, fd: Number(fd), target, args, result: Number(result), start: index, end: index });
      return;
    }
    match = UNFINISHED.exec(line);
    if (match) {
      const [, pid, call, fd, target, args] = match;
      pending.set(`${pid} ${call}`, { pid: Number(pid), call, fd: Number(fd), target, args, start: index });
      return;
    }
    match = RESUMED.exec(line);
    if (match) {
      const [, pid, call, rest, result] = match;
      const started = pending.get(`${pid} ${call}`);
      if (!started) return;
      pending.delete(`${pid} ${call}`);
      calls.push({ ...started, args: started.args + rest, result: Number(result), end: index });
    }
  });
  return calls.sort((a, b) => a.start - b.start);
};

export interface TracedResponse {
  status: number;
  /** The line of the trace where the response started to be written. */
  line: number;
  /** This response's command wrote the WAL, and synced it, since the previous response. */
  wroteWal: boolean;
  syncedWal: boolean;
}

export interface DurabilityReport {
  responses: TracedResponse[];
  /** Each acknowledgement (200) not preceded by an fsync of the WAL after its last write, and each that wrote or synced nothing. */
  violations: string[];
}

/**
 * Check a trace: for every HTTP response with status 200 on a socket, the last write to the WAL
 * before it must be followed by a successful fsync or fdatasync of the WAL that ended before the
 * response started; and its command must have written and synced the WAL since the previous
 * response (requests are sent one at a time).
 */
export const checkAcknowledgements = (trace: string, walName = 'chamber.sqlite-wal'): DurabilityReport => {
  const calls = parseTrace(trace);
  const isWal = (call: TracedCall) => call.target === walName || call.target.endsWith(`/${walName}`);
  const walWrites = calls.filter((call) => WRITES.has(call.call) && isWal(call) && call.result > 0);
  const walSyncs = calls.filter((call) => SYNCS.has(call.call) && isWal(call) && call.result === 0);
  const responses: TracedResponse[] = [];
  const violations: string[] = [];
  let previous = -1;
  for (const call of calls) {
    if (!WRITES.has(call.call) || !/^(socket:|TCP)/.test(call.target)) continue; // -y: socket:[inode]; -yy: TCP:[a->b]
    const status = /"HTTP\/1\.[01] (\d{3}) /.exec(call.args)?.[1];
    if (!status) continue;
    const since = (other: TracedCall) => other.start > previous && other.end < call.start;
    const response: TracedResponse = {
      status: Number(status),
      line: call.start + 1,
      wroteWal: walWrites.some(since),
      syncedWal: walSyncs.some(since),
    };
    responses.push(response);
    previous = call.start;
    if (response.status !== 200) continue;
    const which = `response ${responses.length} (${response.status}, trace line ${response.line})`;
    if (!response.wroteWal) violations.push(`${which}: its command wrote nothing to ${walName}`);
    if (!response.syncedWal) violations.push(`${which}: its command never synced ${walName}`);
    const lastWrite = walWrites.filter((write) => write.start < call.start).at(-1);
    if (lastWrite && !walSyncs.some((sync) => sync.start > lastWrite.end && sync.end < call.start)) {
      violations.push(`${which}: ${walName} was last written at trace line ${lastWrite.end + 1} and not synced before the acknowledgement`);
    }
  }
  return { responses, violations };
};

/** A tiny store with the given synchronous setting, for showing what the check catches. */
export interface SqliteServer {
  url: string;
  post(body: unknown): Promise<number>;
  stop(): Promise<void>;
}

const sqliteServerScript = fileURLToPath(new URL('./sqlite-server.mjs', import.meta.url));

export const startSqliteServer = (dataDir: string, synchronous: 'OFF' | 'NORMAL' | 'FULL', wrap: readonly string[] = []): Promise<SqliteServer> =>
  new Promise((resolve, reject) => {
    const [command, ...args] = [...wrap, process.execPath, sqliteServerScript, join(dataDir, 'chamber.sqlite'), synchronous];
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the SQLite server exited with ${code}:\n${output}`)));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /^listening on (http:\/\/\S+)$/m.exec(output)?.[1];
      if (!url) return;
      child.stdout.removeAllListeners('data');
      resolve({
        url,
        async post(body) {
          const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
          await response.arrayBuffer();
          return response.status;
        },
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.on('exit', () => done());
            // The server itself, not strace, which blocks fatal signals while it traces into a file.
            const server = wrap.length ? Number(/^pid (\d+)$/m.exec(output)?.[1]) : child.pid!;
            process.kill(server, 'SIGTERM');
          }),
      });
    });
  });
