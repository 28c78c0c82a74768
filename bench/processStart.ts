// Whole process: browser mode from launch to serving its first API answer, and its memory,
// beside a bare Node HTTP server measured the same way.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tempFolder } from '../tests/support/meeting';
import { median, ms, type Row } from './stats';

const RUNS = 5;
const root = join(import.meta.dirname ?? __dirname, '..');

const bareServer = `require('node:http').createServer((q, s) => s.end('{}')).listen(0, '127.0.0.1', function () {
  console.log('Clerk, on this computer: http://127.0.0.1:' + this.address().port + '/');
});`;

const rssKb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

const startOnce = (args: string[], probe: (url: string) => Promise<void>): Promise<{ ms: number; rssMb: number }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', async (chunk) => {
      out += chunk;
      const url = /Clerk, on this computer:\s+(http:\/\/\S+?)\/?\s/.exec(out)?.[1];
      if (!url || child.killed) return;
      await probe(url);
      const elapsed = performance.now() - started;
      const rss = rssKb(child.pid!);
      child.kill('SIGKILL');
      resolve({ ms: elapsed, rssMb: rss / 1024 });
    });
    child.on('error', reject);
  });

export const benchProcessStart = async (): Promise<Row[]> => {
  const web = join(root, 'dist', 'core', 'web.mjs');
  if (!existsSync(web)) {
    return [{ measure: 'Browser mode start (skipped: run npm run build first)', p50: '', p99: '', baseline: '', ratio: '', goal: '' }];
  }
  const bare: { ms: number; rssMb: number }[] = [];
  const chamber: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    bare.push(await startOnce(['-e', bareServer], async (url) => void (await fetch(url)).text()));
    const folder = tempFolder('chamber-bench-start-');
    chamber.push(
      await startOnce([web, '--data-dir', folder.path, '--port', '0'], async (url) => {
        const token = readFileSync(join(folder.path, 'clerk-token'), 'utf8').trim();
        await (await fetch(`${url}/api/topics/meetings`, { headers: { authorization: `Bearer ${token}` } })).json();
      }),
    );
    folder.remove();
  }
  const m = (xs: { ms: number; rssMb: number }[], k: 'ms' | 'rssMb') => median(xs.map((x) => x[k]));
  return [
    {
      measure: 'Browser mode: launch → first API answer',
      p50: ms(m(chamber, 'ms')),
      p99: '',
      baseline: ms(m(bare, 'ms')),
      ratio: `${(m(chamber, 'ms') / m(bare, 'ms')).toFixed(2)}× bare node http`,
      goal: '',
    },
    {
      measure: 'Browser mode: resident memory when ready',
      p50: `${m(chamber, 'rssMb').toFixed(0)} MB`,
      p99: '',
      baseline: `${m(bare, 'rssMb').toFixed(0)} MB`,
      ratio: `${(m(chamber, 'rssMb') / m(bare, 'rssMb')).toFixed(2)}× bare node http`,
      goal: '',
    },
  ];
};
