// The sync screen when things are not as they should be: the laptop's clock hours off the records
// server's (said in one line, the sync not held back), and the records server's certificate when
// the council uses its own (checked as it is entered, then described). The records server is the
// faithful fake (tests/support/fakeRecordsServer.ts), on loopback, its clock set ahead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeRecordsServer, type FakeRecordsServer } from '../support/fakeRecordsServer';
import { expect, expectAccessible, test } from './fixtures';
import { prepareKcc2015 } from './prepare';

let records: FakeRecordsServer;
test.beforeEach(async () => {
  records = await startFakeRecordsServer();
});
test.afterEach(async () => {
  await records.close();
});

test("the clerk is told in one line that the laptop's clock is behind the server's, and the sync still goes up", async ({ page, chamber }) => {
  await prepareKcc2015(chamber, { members: 3 });
  records.offsetClock((3 * 60 + 5) * 60_000);
  await page.goto(`${chamber.url}/#/sync`);
  await page.getByLabel('Records server address').fill(records.url);
  await page.getByLabel('Device key').fill(records.deviceKey);
  await page.getByLabel('Device key').press('Enter');
  await expect(page.getByText('Saved: the address and the new device key.')).toBeVisible();
  await page.getByRole('button', { name: /Sync now/ }).click();
  await expect(page.getByText(/Sent \d+ events in 1 batch; every receipt's signature verified\./)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    "This laptop's clock is 3 hours 5 minutes behind the records server's. The record keeps the times as this laptop recorded them; correct the laptop's clock before the next meeting.",
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);

  // The clock put right (here: the server's), the line goes with the next exchange.
  records.offsetClock(0);
  await page.getByRole('button', { name: /Check the server/ }).click();
  await expect(page.getByText(/The server's copy matches this laptop's record event for event/)).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
});

test("the records server's own certificate is checked as it is entered, then described", async ({ page, chamber }) => {
  const dir = mkdtempSync(join(tmpdir(), 'chamber-e2e-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', '/CN=records.kent.test'], { cwd: dir, stdio: 'pipe' });
    const pem = readFileSync(join(dir, 'cert.pem'), 'utf8');
    await prepareKcc2015(chamber, { members: 3 });
    await page.goto(`${chamber.url}/#/sync`);
    await page.getByLabel('Records server address').fill('https://records.kent.test');
    const field = page.getByLabel(/^Records server.s certificate \(PEM\), if the council uses its own$/);
    await expect(page.getByText('Leave empty unless the records office gives one')).toBeVisible();
    await field.fill('records.kent.test');
    await page.getByRole('button', { name: /Save/ }).click();
    await expect(page.getByRole('alert')).toHaveText(
      "The records server's certificate must be the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, as the records office gave it (a PEM file).",
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    await field.fill(pem);
    await page.getByRole('button', { name: /Save/ }).click();
    await expect(page.getByText("Saved: the address (the device key is as it was). The records server's certificate is kept.")).toBeVisible();
    await expect(page.getByText(/^Trusted for this records server only: "records\.kent\.test", signed by itself, valid until/)).toBeVisible();
    await expect(field).toHaveValue(pem);
    await expectAccessible(page);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
