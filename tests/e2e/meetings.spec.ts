import { startBrowserMode } from '../support/browserMode';
import { expect, expectAccessible, screenshot, test } from './fixtures';

const kccBody = { type: 'body.create', name: 'Kent County Council', kind: 'full_council' };

test('a clerk creates a meeting with the keyboard, and it is still there after a restart', async ({ page, chamber }) => {
  await chamber.post(kccBody);
  await page.goto(chamber.url);
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
  await expect(page.getByText('No meetings yet')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'meetings-empty');

  await page.keyboard.press('n');
  await expect(page.getByLabel('Body')).toBeFocused();
  await expect(page.getByLabel('Body')).toHaveValue(/.+/); // the only body is chosen
  await page.keyboard.press('Tab');
  await page.keyboard.type('County Council');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('22/10/2015');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10:00');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Council Chamber, Sessions House, County Hall, Maidstone');
  await expectAccessible(page);
  await screenshot(page, 'meeting-new');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeVisible();
  await expect(page.getByText('Thursday, 22 October 2015')).toBeVisible();
  await expect(page.getByText('10:00')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'meeting-overview');

  await page.keyboard.press('Escape');
  const row = page.getByRole('link', { name: /County Council/ });
  await expect(row).toContainText('Thu 22 Oct 2015');
  await expect(row).toContainText('Draft');
  await screenshot(page, 'meetings-list');

  // Stop browser mode and start it again on the same data folder: the meeting is on disk.
  await chamber.kill();
  const again = await startBrowserMode(chamber.dataDir, { built: true });
  try {
    await page.goto(again.url);
    await expect(page.getByRole('link', { name: /County Council/ })).toContainText('Sessions House');
  } finally {
    await again.kill();
  }
});

test('mistakes are shown beside the field, and nothing is created', async ({ page, chamber }) => {
  await chamber.post(kccBody);
  await page.goto(chamber.url);
  await expect(page.getByText('No meetings yet')).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Body')).toBeFocused();
  await page.getByLabel('Meeting title').fill('   ');
  await page.getByLabel('Date').fill('31/06/2021');
  await page.getByLabel('Meeting title').press('Enter');
  const error = page.getByText('Meeting title must not be empty');
  await expect(error).toBeVisible();
  await expect(page.getByText('Date must be a real date, written day first, such as 22/10/2015')).toBeVisible();
  await expect(page.getByLabel('Meeting title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Meeting title')).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, 'meeting-new-error');
  await page.keyboard.press('Escape');
  await expect(page.getByText('No meetings yet')).toBeVisible();
  expect((await chamber.read('meetings')).data).toEqual([]);
});

test('a second window sees changes live, and edits save', async ({ page, context, chamber }) => {
  const body = await chamber.post(kccBody);
  const created = await chamber.post({
    type: 'meeting.create',
    bodyId: body.body.result.ids.bodyId,
    title: 'County Council',
    date: '2021-12-16',
    startTime: '10:00',
    venue: 'Council Chamber, Sessions House',
  });
  const { meetingId } = created.body.result.ids;
  await page.goto(`${chamber.url}/#/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeVisible();

  const other = await context.newPage();
  await other.goto(chamber.url);
  await expect(other.getByRole('link', { name: /County Council/ })).toBeVisible();

  await page.bringToFront();
  await page.keyboard.press('e');
  await expect(page.getByLabel('Body')).toBeFocused();
  await expect(page.getByLabel('Body')).toHaveValue(body.body.result.ids.bodyId);
  await page.getByLabel('Meeting title').fill('Annual Meeting of the County Council');
  await page.getByLabel('Start time (24-hour)').fill('14:30');
  await page.getByLabel('Start time (24-hour)').press('Enter');
  await expect(page.getByRole('heading', { name: 'Annual Meeting of the County Council' })).toBeVisible();
  await expect(page.getByText('14:30')).toBeVisible();

  // The other window was told over the live connection, without a reload.
  await expect(other.getByRole('link', { name: /Annual Meeting of the County Council/ })).toContainText('14:30');
});

test('the meetings list: ↑/↓ move, Enter opens, as the footer says', async ({ page, chamber }) => {
  const { bodyId } = (await chamber.post(kccBody)).body.result.ids;
  for (const [title, date] of [
    ['County Council', '2015-10-22'],
    ['County Council (budget)', '2016-02-11'],
    ['Annual Meeting of the County Council', '2021-05-27'],
  ])
    await chamber.post({ type: 'meeting.create', bodyId, title, date, startTime: '10:00', venue: 'Council Chamber' });
  await page.goto(chamber.url);
  const links = page.getByRole('list', { name: 'Meetings, latest first' }).getByRole('link');
  await expect(links).toHaveCount(3);
  await expect(links.nth(0)).toContainText('Annual Meeting of the County Council');
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeFocused();

  // The first ↓ goes to the latest meeting; each press after it moves one, stopping at either end.
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'County Council (budget)', level: 1 })).toBeFocused();
  await expect(page.getByText('Thursday, 11 February 2016')).toBeVisible();

  // Back to the list: the keys work again, and N still makes a meeting.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeFocused();
  await expect(page.getByText('Thursday, 22 October 2015')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.getByLabel('Body')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeFocused();
  await expectAccessible(page);
});
