// Tests that need something not every machine has run only where it is there, and are never
// skipped silently: a skipped suite says why in its name and in a line on the test output. Use
// these instead of vitest's describe.runIf / it.skipIf (a unit test checks that).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export interface Requirement {
  /** Whether the tests can run here. */
  met: boolean;
  /** Why they cannot, when they cannot: "skipped: <reason>". */
  reason: string;
  /** In CI (CI=true) the tests must run: an unmet requirement fails instead of skipping. */
  requiredInCi?: boolean;
}

const inCi = (env: Readonly<Record<string, string | undefined>> = process.env) => Boolean(env.CI) && env.CI !== 'false';

/** What happens to tests under an unmet requirement: the line printed, the suite's name, or a failure in CI. */
export const skipNotice = (name: string, requirement: Requirement, env?: Readonly<Record<string, string | undefined>>) =>
  requirement.met
    ? { action: 'run' as const, name }
    : requirement.requiredInCi && inCi(env)
      ? { action: 'fail' as const, name, message: `${name} must run in CI, but cannot: ${requirement.reason}` }
      : { action: 'skip' as const, name: `${name} [skipped: ${requirement.reason}]`, line: `Skipped "${name}": ${requirement.reason}` };

/** Registers the suite or test, a skipped one that says why, or in CI a failing one. */
const guarded = (name: string, requirement: Requirement, run: (name: string) => void, skip: (name: string) => void): void => {
  const notice = skipNotice(name, requirement);
  if (notice.action === 'run') {
    run(name);
  } else if (notice.action === 'fail') {
    describe(name, () =>
      it('has what it needs', () => {
        throw new Error(notice.message);
      }),
    );
  } else {
    console.warn(notice.line);
    skip(notice.name);
  }
};

/** describe(name, body) where the requirement is met; elsewhere a skipped suite that says why. */
export const describeWhere = (requirement: Requirement, name: string, body: () => void): void =>
  guarded(
    name,
    requirement,
    (title) => void describe(title, body),
    (title) => void describe.skip(title, body),
  );

/** it(name, body) where the requirement is met; elsewhere a skipped test that says why. `timeout` in ms, as vitest's it takes it. */
export const itWhere = (requirement: Requirement, name: string, body: () => unknown, timeout?: number): void =>
  guarded(name, requirement, (title) => it(title, body, timeout), (title) => it.skip(title, body));

/** The full original packs: only in the developers' workspace, beside the repository in ../shared. */
export const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/seeds');

export const originalPacks = (folder = SEEDS, exists: (path: string) => boolean = existsSync): Requirement => ({
  met: exists(folder),
  reason:
    `the full original packs are not here (${folder}: ../shared/fixtures/seeds exists only in the developers' workspace); ` +
    'the copies in tests/fixtures/packs carry the same checks',
});
