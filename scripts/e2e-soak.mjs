// `npm run test:e2e:soak [-- --runs N] [--no-build] [playwright args…]`: the whole end-to-end
// suite N times in a row (5 by default) while a CPU-heavy Node process runs alongside, to catch
// tests (and screens) that only fail when the machine is busy. A developer tool, not part of
// `npm test`. One line per run, then a summary; the exit code is 1 if any run failed.
// Each run's Playwright output is kept in a log file, named at the start. The suite refreshes
// docs/screenshots: `git checkout docs/screenshots` afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const usage = 'usage: node scripts/e2e-soak.mjs [--runs N] [--no-build] [playwright test arguments…]';

const parse = (argv) => {
  const options = { runs: 5, build: true, playwright: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[(i += 1)] : arg.slice('--runs='.length);
      options.runs = Number(value);
      if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error(`--runs needs a whole number of at least 1, not "${value ?? ''}"`);
    } else if (arg === '--no-build') options.build = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    } else options.playwright.push(arg);
  }
  return options;
};

let options;
try {
  options = parse(process.argv.slice(2));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const playwrightCli = join(require.resolve('@playwright/test/package.json'), '..', 'cli.js');
const logs = mkdtempSync(join(tmpdir(), 'chamber-soak-'));

const seconds = (ms) => {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
};

/** The tests of a Playwright JSON report that failed, or passed only on a retry, as "file › title". */
const troubles = (report) => {
  const found = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected' || test.status === 'flaky') found.push({ name: `${spec.file} › ${spec.title}`, flaky: test.status === 'flaky' });
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return found;
};

// The hog and the run under way, so that they are stopped however the soak ends.
let hog;
let current;
const running = (child) => child !== undefined && child.exitCode === null && child.signalCode === null;
const stopAll = () => {
  // Playwright closes its browsers and servers on SIGTERM; the hog has nothing to close.
  if (running(current)) current.kill('SIGTERM');
  if (running(hog)) hog.kill('SIGKILL');
};
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the run and the CPU hog.`);
    stopAll();
    process.exit(130);
  });

const runOnce = (index) =>
  new Promise((resolve) => {
    const log = join(logs, `run-${index}.log`);
    const json = join(logs, `run-${index}.json`);
    const out = openSync(log, 'w');
    const started = Date.now();
    current = spawn(process.execPath, [playwrightCli, 'test', '--reporter=list,json', ...options.playwright], {
      stdio: ['ignore', out, out],
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: json, FORCE_COLOR: '0' },
    });
    current.on('error', (error) => {
      closeSync(out);
      resolve({ code: 1, ms: Date.now() - started, log, error: error.message });
    });
    current.on('exit', (code, signal) => {
      closeSync(out);
      let report;
      try {
        report = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined;
      } catch {
        report = undefined;
      }
      resolve({ code: code ?? (signal ? 1 : 0), ms: Date.now() - started, log, report });
    });
  });

if (options.build) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

hog = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
console.log(`Soak: the end-to-end suite ${options.runs} times with a CPU hog alongside (pid ${hog.pid}); logs in ${logs}`);

const results = [];
try {
  for (let index = 1; index <= options.runs; index += 1) {
    const result = await runOnce(index);
    current = undefined;
    const stats = result.report?.stats;
    const failed = troubles(result.report ?? {});
    const passed = result.code === 0 && failed.length === 0;
    const counts = stats
      ? [`${stats.expected} passed`, stats.unexpected ? `${stats.unexpected} failed` : '', stats.flaky ? `${stats.flaky} flaky` : '', stats.skipped ? `${stats.skipped} skipped` : '']
          .filter(Boolean)
          .join(', ')
      : `no report (exit code ${result.code}${result.error ? `: ${result.error}` : ''})`;
    const names = failed.map((f) => `${f.flaky ? '(flaky) ' : ''}${f.name}`).join('; ');
    console.log(`run ${index}/${options.runs}: ${passed ? 'PASS' : 'FAIL'}  ${counts}  in ${seconds(result.ms)}${names ? `  ✘ ${names}` : ''}${passed ? '' : `  (log: ${result.log})`}`);
    results.push({ index, passed, failed });
  }
} finally {
  stopAll();
  hog = undefined;
}

const failedRuns = results.filter((r) => !r.passed);
const byTest = new Map();
for (const run of failedRuns) for (const f of run.failed) byTest.set(f.name, [...(byTest.get(f.name) ?? []), run.index]);
console.log(
  `Soak: ${results.length - failedRuns.length} of ${results.length} runs passed` +
    (byTest.size ? `; failing: ${[...byTest].map(([name, runs]) => `${name} (run ${runs.join(', ')})`).join('; ')}` : '') +
    '. The CPU hog is stopped.',
);
process.exit(failedRuns.length ? 1 : 0);
