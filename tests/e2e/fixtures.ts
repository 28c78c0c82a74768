// Each test gets its own browser-mode process, on its own data folder, on a free port.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';

export const test = base.extend<{ chamber: BrowserMode }>({
  // eslint-disable-next-line no-empty-pattern
  chamber: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chamber-e2e-'));
    const chamber = await startBrowserMode(dataDir, { built: true });
    await use(chamber);
    await chamber.kill();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Fail on any accessibility violation axe can find (WCAG 2.1 A and AA). */
export const expectAccessible = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
};

/** Screenshots go to docs/screenshots, where the README shows them. */
export const screenshot = (page: Page, name: string) => page.screenshot({ path: join('docs', 'screenshots', `${name}.png`), fullPage: true });

/** Send a command that must be taken (set-up through the API); its new ids. Fails the test with the core's refusal otherwise. */
export const sent = async (chamber: BrowserMode, command: Record<string, unknown>): Promise<Record<string, string>> => {
  const reply = await chamber.post(command);
  expect(reply.status, `${String(command.type)}: ${JSON.stringify(reply.body)}`).toBe(200);
  return (reply.body as { result: { ids: Record<string, string> } }).result.ids;
};
