// The whole of preparing a meeting, as a new user would: create the body, import its members from
// the PRESENT paragraph of earlier minutes, create the meeting, load the 2021 agenda from the
// summons file, fix one item, reload: everything is there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, screenshot, test } from './fixtures';

const presentParagraph = readFileSync(join('tests', 'fixtures', 'packs', 'kcc-2015-present.txt'), 'utf8');

test('a new user prepares the December 2021 full council from the documents they have', async ({ page, chamber }) => {
  test.setTimeout(180_000);
  await page.goto(chamber.url);
  await expect(page.getByText('No meetings yet')).toBeVisible();

  // The body, with the keyboard.
  await page.keyboard.press('Alt+b');
  await expect(page.getByRole('heading', { name: 'Bodies and members', level: 1 })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Kent County Council');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kent County Council', level: 1 })).toBeVisible();
  const bodyId = /#\/bodies\/([0-9a-f-]{36})$/.exec(page.url())![1];

  // Its members, from the PRESENT paragraph of the October 2015 minutes.
  await page.keyboard.press('i');
  await page.getByLabel('Paste the PRESENT paragraph').fill(presentParagraph);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: '74 members read from the PRESENT paragraph' })).toBeVisible();
  await page.getByRole('button', { name: /Import 74 members into Kent County Council/ }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Members (74)' })).toBeVisible();

  // The meeting.
  await page.keyboard.press('Alt+m');
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Body')).toBeFocused();
  await page.getByLabel('Meeting title').fill('County Council');
  await page.getByLabel('Date').fill('16/12/2021');
  await page.getByLabel('Start time (24-hour)').fill('10:00');
  await page.getByLabel('Venue').fill('Council Chamber, Sessions House, County Hall, Maidstone');
  await page.getByLabel('Venue').press('Enter');
  await expect(page.getByText('Thursday, 16 December 2021')).toBeVisible();
  const meetingId = /#\/meetings\/([0-9a-f-]{36})$/.exec(page.url())![1];

  // The agenda, from the summons as a .txt file; one title corrected.
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeVisible();
  await page.keyboard.press('i');
  await page.getByLabel('Or open the summons as a .txt file').setInputFiles(join('tests', 'fixtures', 'packs', 'kcc-2021-agenda.txt'));
  // The preview takes the focus once it is ready for the keyboard.
  await expect(page.getByRole('heading', { name: '12 items read from kcc-2021-agenda.txt' })).toBeFocused();
  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('status')).toHaveText('12 items loaded.');
  for (let step = 0; step < 9; step += 1) await page.keyboard.press('ArrowDown');
  await expect(page.locator('.agenda-list > li[aria-current="true"]')).toContainText('Strategic Statement Update');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Strategic Statement Update: Framing Kent’s Future');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Item 10 saved.');

  // Reload: everything is there, on screen and in the record.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Agenda items' }).locator(':scope > li')).toHaveCount(12);
  await expect(page.getByText('Strategic Statement Update: Framing Kent’s Future')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeVisible();
  await expect(page.getByText('74 members of Kent County Council')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.locator('.status').first()).toHaveText('Ready');
  await expectAccessible(page);
  await screenshot(page, 'meeting-ready');

  const meeting = (await chamber.read(`meeting:${meetingId}`)).data;
  expect(meeting).toMatchObject({ status: 'ready', date: '2021-12-16', startTime: '10:00', bodyId });
  expect(meeting.agenda.map((i: { number: string }) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  expect(meeting.agenda[9]).toMatchObject({ title: 'Strategic Statement Update: Framing Kent’s Future', pages: { from: 15, to: 22 } });
  expect((await chamber.read(`body:${bodyId}`)).data.members).toHaveLength(74);
});

test('officers in attendance are imported from the IN ATTENDANCE paragraph of earlier minutes', async ({ page, chamber }) => {
  const { bodyId } = (await chamber.post({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' })).body.result.ids;
  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await page.getByRole('button', { name: 'Import from minutes (IN ATTENDANCE)' }).click();
  await page.getByLabel('Paste the IN ATTENDANCE paragraph').fill(presentParagraph);
  await page.keyboard.press('Control+Enter');
  const list = page.getByRole('list', { name: 'Officers to import' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('Geoff Wild (Director of Governance and Law)');
  await expectAccessible(page);
  await expect(page.getByRole('button', { name: 'Import 3 officers' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('rowheader', { name: 'Peter Sass' })).toBeVisible();
  expect((await chamber.read(`body:${bodyId}`)).data.officers.map((o: { name: string }) => o.name)).toEqual(['David Cockburn', 'Geoff Wild', 'Peter Sass']);
});
