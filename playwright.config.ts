import { chromium, defineConfig } from '@playwright/test';
import { chromiumOrExit } from './scripts/chromium';

// CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download (which cannot be
// fetched on the offline build machine); if there is none, say how to get one and stop here.
export const chromiumLaunchOptions = {
  executablePath: chromiumOrExit({ playwrightChromium: () => chromium.executablePath() }),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
    '--lang=en-GB',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 860 },
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
  },
});
