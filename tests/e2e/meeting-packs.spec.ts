// Meeting packs down, from the clerk's sync screen: the records office (a real Chamber core in this
// test process, with its own device) prepares a committee meeting, sends it and publishes it on the
// real records server; the clerk's laptop (browser mode, an empty data folder) presses P, sees the
// pack and what it holds, and takes it with Enter; the office then changes the start time, which the
// clerk sees and takes; then both change the meeting, and the office's change is listed for the
// clerk, never applied over the clerk's own, until marked as seen.
import type { FastifyInstance } from 'fastify';
import { createSyncClient, type SyncClient } from '../../electron/core/sync/syncClient';
import { openSqliteStorage } from '../../server/sqliteStorage';
import type { RecordsStorage } from '../../server/storage';
import { createSyncServer } from '../../server/syncServer';
import { tempFolder } from '../support/meeting';
import { registerDevice } from '../support/recordsServer';
import { preparedMeeting, type Prepared } from '../support/twoLaptops';
import { expect, expectAccessible, screenshot, test } from './fixtures';

let folder: ReturnType<typeof tempFolder>;
let storage: RecordsStorage;
let app: FastifyInstance;
let url: string;
let office: Prepared;
let officeSync: SyncClient;

test.beforeEach(async () => {
  folder = tempFolder('chamber-e2e-records-');
  storage = openSqliteStorage(folder.path);
  app = await createSyncServer({ storage });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  office = preparedMeeting();
  officeSync = createSyncClient({ db: office.clerk.core.db, take: office.clerk.core.takeRecorded, timeoutMs: 10_000 });
  const device = await registerDevice(storage, 'Democratic Services office');
  officeSync.configure({ serverUrl: url, deviceKey: device.key });
});
test.afterEach(async () => {
  officeSync.stop();
  office.clerk.dispose();
  await app.close();
  await storage.close();
  folder.remove();
});

/** The office sends what it has recorded and publishes the meeting (again). */
const publish = async () => {
  await officeSync.push();
  const answer = await officeSync.publishPack({ meetingId: office.meetingId });
  expect(answer.ok).toBe(true);
};

test('the clerk takes the office\'s meeting pack by keyboard, then its changes; changes on both sides are listed, never applied', async ({ page, chamber }) => {
  test.setTimeout(90_000);
  await publish();
  const clerkDevice = await registerDevice(storage, 'Clerk laptop');
  await page.goto(`${chamber.url}/#/sync`);
  await page.getByLabel('Records server address').fill(url);
  await page.getByLabel('Device key').fill(clerkDevice.key);
  await page.getByLabel('Device key').press('Enter');
  await expect(page.getByText('Saved: the address and the new device key.')).toBeVisible();

  // P: the packs, the first thing to do focused.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  const packs = page.getByRole('region', { name: 'Meeting packs from the records office' });
  const pack = packs.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Governance Committee, 22 October 2015' }) });
  await expect(pack).toContainText('Not on this laptop yet. Published by Democratic Services office at');
  await expect(pack).toContainText('The body "Governance Committee": 8 members, 0 officers.');
  await expect(pack).toContainText('The meeting "Governance Committee" on 22 October 2015 at 10:00: 2 agenda items.');
  await expect(pack.getByRole('button', { name: 'Take this pack' })).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, 'sync-packs');
  await page.keyboard.press('Enter');
  await expect(packs.getByText(/^Took the meeting pack for "Governance Committee" on 22 October 2015 \(\d+ events\)\.$/)).toBeVisible();
  await expect(pack).toContainText('On this laptop, as the office published it.');
  // The meeting is this laptop's now, exactly as the office had it.
  const meeting = (await chamber.read(`meeting:${office.meetingId}`)) as { ok: true; data: { startTime: string; agenda: unknown[] } };
  expect(meeting.data).toMatchObject({ startTime: '10:00' });
  expect(meeting.data.agenda).toHaveLength(2);

  // The office moves the start: listed on the next look, and taken.
  office.clerk.core.send({ type: 'meeting.updateDetails', meetingId: office.meetingId, bodyId: office.bodyId, title: 'Governance Committee', date: '2015-10-22', startTime: '14:00', venue: 'Committee Room 2' });
  await publish();
  await page.keyboard.press('p');
  await expect(pack).toContainText('Changed by the office since you took it.');
  await expect(pack).toContainText('It now starts at 14:00.');
  await expect(pack.getByRole('button', { name: "Take the office's changes" })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(packs.getByText('Took the office\'s changes to "Governance Committee" on 22 October 2015 (1 event).')).toBeVisible();
  expect(((await chamber.read(`meeting:${office.meetingId}`)) as { data: { startTime: string } }).data.startTime).toBe('14:00');

  // Both change it: the clerk's venue stands; the office's new title for item 2 is listed, not applied.
  expect((await chamber.post({ type: 'meeting.updateDetails', meetingId: office.meetingId, bodyId: office.bodyId, title: 'Governance Committee', date: '2015-10-22', startTime: '14:00', venue: 'Council Chamber' })).status).toBe(200);
  office.clerk.core.send({ type: 'agenda.updateItem', meetingId: office.meetingId, itemId: office.itemIds[1], item: { number: '2', title: 'Budget 2016/17', kind: 'report' } });
  await publish();
  await page.keyboard.press('p');
  await expect(pack).toContainText('Changed by the office and on this laptop.');
  await expect(pack).toContainText('This laptop has 1 change of its own to it.');
  await expect(pack).toContainText('Agenda item 2 "Budget": retitled "Budget 2016/17".');
  await expect(pack.getByRole('button', { name: /Take/ })).toHaveCount(0);
  await expect(pack.getByRole('button', { name: 'I have seen these changes' })).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, 'sync-packs-changed');
  await page.keyboard.press('Enter');
  await expect(packs.getByText('The office\'s changes to "Governance Committee" are marked as seen.')).toBeVisible();
  await expect(pack).toContainText("The office's changes (seen):");
  await expect(pack.getByRole('button', { name: 'I have seen these changes' })).toHaveCount(0);
  const after = (await chamber.read(`meeting:${office.meetingId}`)) as { data: { venue: string; agenda: { title: string }[] } };
  expect(after.data.venue).toBe('Council Chamber');
  expect(after.data.agenda[1].title).toBe('Budget');
});
