// Sync with the records server from the clerk's screen: the clerk enters the server's address and
// this laptop's key, presses Sync now, sees the progress and then the signed receipt; the key is
// never shown back. The records server is the faithful fake (tests/support/fakeRecordsServer.ts),
// on loopback, started here.
import { startFakeRecordsServer, type FakeRecordsServer } from '../support/fakeRecordsServer';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { prepareKcc2015 } from './prepare';

let records: FakeRecordsServer;
test.beforeEach(async () => {
  records = await startFakeRecordsServer();
});
test.afterEach(async () => {
  await records.close();
});

test('the clerk sets the records server and key, presses Sync now, and sees the progress and then the receipt', async ({ page, chamber }) => {
  await prepareKcc2015(chamber, { members: 12 });
  await page.goto(`${chamber.url}/`);
  await expect(page.getByRole('link', { name: /Sync/ })).toBeVisible();
  await page.keyboard.press('Alt+Shift+S');
  await expect(page.getByRole('heading', { name: 'Sync with the records server', level: 1 })).toBeVisible();
  const waiting = page.getByRole('region', { name: 'Waiting to go up' });
  await expect(waiting.getByRole('listitem').filter({ hasText: 'County Council, 22 October 2015' })).toContainText(/\d+ events/);
  await expect(page.getByText('No key is set yet')).toBeVisible();

  // Sync now before there is anywhere to sync to: said in words.
  await page.keyboard.press('s');
  await expect(page.getByRole('alert')).toHaveText("Chamber does not know the records server's address and this laptop's device key yet: enter them on the sync screen.");

  await page.getByLabel('Records server address').fill(records.url);
  await page.getByLabel('Device key').fill(records.deviceKey);
  await page.getByLabel('Device key').press('Enter');
  await expect(page.getByText('Saved: the address and the new device key.')).toBeVisible();
  await expect(page.getByLabel('Device key')).toHaveValue('');
  await expect(page.getByText('A key is set (it is never shown).')).toBeVisible();
  expect(await page.content()).not.toContain(records.deviceKey);

  records.slowPushes(2_500);
  await page.getByRole('button', { name: /Sync now/ }).click();
  const progress = page.getByRole('progressbar', { name: /Sending: 0 of \d+ events/ });
  await expect(progress).toBeVisible();
  // The screen stays usable while it pushes.
  await page.getByLabel('Records server address').focus();
  await expectAccessible(page);
  await screenshot(page, 'sync-pushing');

  await expect(progress).toBeHidden({ timeout: 15_000 });
  await expect(page.getByText(/Sent \d+ events in 1 batch; every receipt's signature verified\./)).toBeVisible();
  const last = page.getByRole('region', { name: 'Last successful sync' });
  await expect(last).toContainText('records-test');
  await expect(last).toContainText('Signature verified');
  await expect(last).toContainText(/County Council: up to event \d+/);
  await expect(waiting).toContainText('Nothing is waiting');
  expect(records.storedCount()).toBeGreaterThan(0);

  // From the button, by keyboard (C on the screen does the same when the focus is not in a field).
  await page.getByRole('button', { name: /Check the server/ }).press('Enter');
  await expect(page.getByText(/The server's copy matches this laptop's record event for event/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'sync');
  expect(await page.content()).not.toContain(records.deviceKey);
});

test('a refused device key is said in words', async ({ page, chamber }) => {
  await prepareKcc2015(chamber, { members: 3 });
  await page.goto(`${chamber.url}/#/sync`);
  await page.getByLabel('Records server address').fill(records.url);
  await page.getByLabel('Device key').fill('not-the-key');
  await page.getByLabel('Device key').press('Enter');
  await expect(page.getByText('Saved: the address and the new device key.')).toBeVisible();
  await page.getByRole('button', { name: /Sync now/ }).click();
  await expect(page.getByRole('alert')).toHaveText('The records server refused the device key: ask the records office for a new one, and enter it on the sync screen.');
  await expectAccessible(page);
});
