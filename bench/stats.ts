// Small helpers for the benchmarks: timing samples, percentiles, the printed table.
import { performance } from 'node:perf_hooks';

export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** Time `fn` `count` times after `warmup` untimed runs; milliseconds per call. */
export const sample = (count: number, fn: (i: number) => void, warmup = 50): number[] => {
  for (let i = 0; i < warmup; i += 1) fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    fn(i);
    out.push(performance.now() - start);
  }
  return out;
};

export interface Row {
  measure: string;
  p50: string;
  p99: string;
  baseline: string;
  ratio: string;
  goal: string;
}

export const ms = (value: number): string => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

export const printTable = (rows: readonly Row[]): void => {
  const headers: Row = { measure: 'Measure', p50: 'p50 / median', p99: 'p99', baseline: 'Baseline p50', ratio: 'Ratio', goal: 'Goal' };
  const keys = Object.keys(headers) as (keyof Row)[];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(headers[k].length, ...rows.map((r) => r[k].length))]));
  const line = (r: Row) => `| ${keys.map((k) => r[k].padEnd(width[k])).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${keys.map((k) => '-'.repeat(width[k] + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
};
