// No test is skipped silently: a suite that needs something missing here says so and why, and
// nothing calls vitest's conditional skips directly.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { originalPacks, SEEDS, skipNotice, type Requirement } from '../support/skips';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const testSources = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return testSources(full);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [full] : [];
  });

describe('skipping, never silently', () => {
  const missing: Requirement = { met: false, reason: 'the thing is not here' };

  it('runs where the requirement is met, under its own name', () => {
    expect(skipNotice('reads the pack', { met: true, reason: 'unused' })).toEqual({ action: 'run', name: 'reads the pack' });
  });

  it('elsewhere skips with the reason in the name and a line on the output', () => {
    expect(skipNotice('reads the pack', missing, {})).toEqual({
      action: 'skip',
      name: 'reads the pack [skipped: the thing is not here]',
      line: 'Skipped "reads the pack": the thing is not here',
    });
  });

  it('fails instead in CI when the tests must run there', () => {
    expect(skipNotice('traces', { ...missing, requiredInCi: true }, { CI: 'true' })).toEqual({
      action: 'fail',
      name: 'traces',
      message: 'traces must run in CI, but cannot: the thing is not here',
    });
    expect(skipNotice('traces', { ...missing, requiredInCi: true }, { CI: 'false' })).toMatchObject({ action: 'skip' });
    expect(skipNotice('reads the pack', missing, { CI: 'true' })).toMatchObject({ action: 'skip' });
  });

  it('looks for the original packs beside the repository, and says where the same checks run without them', () => {
    expect(SEEDS).toBe(path.resolve(root, '..', 'shared', 'fixtures', 'seeds'));
    const absent = originalPacks('/nowhere/shared/fixtures/seeds', () => false);
    expect(absent.met).toBe(false);
    expect(absent.reason).toContain('/nowhere/shared/fixtures/seeds');
    expect(absent.reason).toContain("../shared/fixtures/seeds exists only in the developers' workspace");
    expect(absent.reason).toContain('tests/fixtures/packs carry the same checks');
    expect(originalPacks('/here', (folder) => folder === '/here').met).toBe(true);
  });

  it('no test calls vitest’s skips directly, and every Playwright skip gives its reason', () => {
    const allowed = new Set([path.join(root, 'tests/support/skips.ts'), fileURLToPath(import.meta.url)]);
    const offences: string[] = [];
    for (const file of testSources(path.join(root, 'tests')).filter((file) => !allowed.has(file))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const where = `${path.relative(root, file)}:${index + 1}: ${line.trim()}`;
          const e2e = file.includes(`${path.sep}e2e${path.sep}`);
          if (/\b(describe|suite|it|test|bench)\.(runIf|skipIf|todo)\b/.test(line)) offences.push(where);
          else if (!e2e && /\b(describe|suite|it|test|bench)\.skip\b|\b(ctx|context|task)\.skip\(/.test(line)) offences.push(where);
          else if (e2e && /\btest\.(skip|fixme)\(/.test(line) && !/\btest\.(skip|fixme)\([^,]+,\s*['"`]/.test(line)) offences.push(where);
        });
    }
    expect(offences, 'use describeWhere/itWhere from tests/support/skips.ts, which say why they skip').toEqual([]);
  });
});
