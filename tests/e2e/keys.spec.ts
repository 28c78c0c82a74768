// Every key the clerk presses counts, however slow the machine and whenever the screen re-renders.
// These tests press keys the instant the screen shows something (a status, a notice), on a
// CPU slowed down twentyfold, with the core's update arriving after its reply, or with several
// keys in one task: the moments where a key used to be spent on nothing.
import type { CDPSession, Page } from '@playwright/test';
import { memberFullName } from '../../shared/state/body';
import type { BrowserMode } from '../support/browserMode';
import { kcc2015Membership } from '../support/kcc2015';
import { expect, test } from './fixtures';
import { createAgendaMeeting, prepareKcc2015 } from './prepare';

test.describe.configure({ timeout: 120_000 });

const PACK_2021 = 'tests/fixtures/packs/kcc-2021-agenda.txt';

/** A laptop much slower than this one: Chromium runs the page's scripts twenty times slower. */
const slowDown = async (page: Page): Promise<CDPSession> => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  return cdp;
};

/**
 * Resolves the moment the page shows `text` (from a MutationObserver, so within the task that
 * changed the page), not at Playwright's next poll: the clerk's next key can come that soon.
 */
const theMomentItShows = (page: Page, text: string) =>
  page.evaluate(
    (wanted) =>
      new Promise<void>((resolve) => {
        const shown = () => document.body.innerText.includes(wanted);
        if (shown()) return resolve();
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    text,
  );

/** Keys delivered in one task, as fast as anything can deliver them: faster than React re-renders. */
const pressAllAtOnce = (page: Page, keys: { key: string; altKey?: boolean }[]) =>
  page.evaluate((keys) => {
    for (const { key, altKey = false } of keys)
      (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, code: key, altKey, bubbles: true, cancelable: true }));
  }, keys);

const createMeeting = createAgendaMeeting;

const openAgenda = async (page: Page, chamber: BrowserMode, meetingId: string) => {
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/agenda`);
  await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeFocused();
};

const selectedItem = (page: Page) => page.locator('.agenda-list > li[aria-current="true"]');

/** Opens the import panel and reads the 2021 pack, ready for Alt+L. */
const readThePack = async (page: Page) => {
  await page.keyboard.press('i');
  await page.getByLabel('Or open the summons as a .txt file').setInputFiles(PACK_2021);
  await expect(page.getByRole('heading', { name: '12 items read from kcc-2021-agenda.txt' })).toBeFocused();
};

/** Down nine times from item 1 of the 2021 agenda: item 10, with the focus on it. */
const downToItem10 = async (page: Page) => {
  for (let press = 0; press < 9; press += 1) await page.keyboard.press('ArrowDown');
  await expect(selectedItem(page)).toContainText('Strategic Statement Update');
  await expect(selectedItem(page)).toBeFocused();
};

test('on a slow machine, ↓ pressed the moment the agenda is loaded moves, and every press after it moves one item', async ({ page, chamber }) => {
  const meetingId = await createMeeting(chamber);
  await openAgenda(page, chamber, meetingId);
  await readThePack(page);
  await slowDown(page);
  await page.keyboard.press('Alt+l');
  await theMomentItShows(page, '12 items loaded.');
  await downToItem10(page);

  // Up three, down one, End, Home, down two: each press moves exactly one item.
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp']) await page.keyboard.press(key);
  await expect(selectedItem(page).locator('.agenda-entry__number')).toHaveText('7');
  await page.keyboard.press('ArrowDown');
  await expect(selectedItem(page).locator('.agenda-entry__number')).toHaveText('8');
  await page.keyboard.press('End');
  await expect(selectedItem(page).locator('.agenda-entry__number')).toHaveText('12');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(selectedItem(page).locator('.agenda-entry__number')).toHaveText('3');
  await expect(selectedItem(page)).toBeFocused();
});

test('when the core’s update arrives after its reply, the loaded agenda still takes the first ↓', async ({ page, chamber }) => {
  // The update is pushed over the WebSocket and the reply comes over HTTP: nothing orders the two.
  await page.routeWebSocket(/\/api\/live/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => setTimeout(() => socket.send(message), 500));
  });
  const meetingId = await createMeeting(chamber);
  await openAgenda(page, chamber, meetingId);
  await readThePack(page);
  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('status')).toHaveText('12 items loaded.');
  await expect(selectedItem(page)).toContainText('Apologies for Absence');
  await downToItem10(page);
});

test('keys handled before the agenda re-renders each start from where the one before left the selection', async ({ page, chamber }) => {
  const meetingId = await createMeeting(chamber);
  const items = Array.from({ length: 12 }, (_, i) => ({ number: String(i + 1), title: `Item ${i + 1} of the test agenda`, kind: 'other' }));
  expect((await chamber.post({ type: 'agenda.import', meetingId, items, replace: true })).status).toBe(200);
  await openAgenda(page, chamber, meetingId);
  const number = selectedItem(page).locator('.agenda-entry__number');

  // From the heading: the first ↓ goes to item 1, the next four move.
  await pressAllAtOnce(page, Array.from({ length: 5 }, () => ({ key: 'ArrowDown' })));
  await expect(number).toHaveText('5');
  await expect(selectedItem(page)).toBeFocused();
  await pressAllAtOnce(page, [{ key: 'End' }, { key: 'ArrowUp' }, { key: 'ArrowUp' }]);
  await expect(number).toHaveText('10');
  await pressAllAtOnce(page, [{ key: 'Home' }, { key: 'ArrowDown' }, { key: 'ArrowDown' }, { key: 'ArrowDown' }]);
  await expect(number).toHaveText('4');

  // Alt+↓ straight after ↑ moves the item ↑ selected (item 3), not the one selected before it.
  await pressAllAtOnce(page, [{ key: 'ArrowUp' }, { key: 'ArrowDown', altKey: true }]);
  await expect(page.getByRole('status')).toHaveText('Item 3 moved down: now 4 of 12.');
  await expect(number).toHaveText('3');
  await expect(selectedItem(page)).toBeFocused();
  const stored = (await chamber.read(`meeting:${meetingId}`)).data.agenda as { number: string }[];
  expect(stored.map((item) => item.number)).toEqual(['1', '2', '4', '3', '5', '6', '7', '8', '9', '10', '11', '12']);

  // Enter straight after ↓ edits the item ↓ selected.
  await pressAllAtOnce(page, [{ key: 'ArrowDown' }, { key: 'Enter' }]);
  await expect(page.getByLabel('Number', { exact: true })).toHaveValue('5');
});

test('on a slow machine, ↓ pressed the moment a member is saved moves on from that member', async ({ page, chamber }) => {
  const { bodyId } = (await chamber.post({ type: 'body.create', name: 'Planning Applications Committee', kind: 'committee' })).body.result.ids;
  for (const surname of ['Adams', 'Baker', 'Clark', 'Dean', 'Evans'])
    await chamber.post({ type: 'member.add', bodyId, member: { title: 'Mr', initials: ['A'], surname, honours: [], group: '', roles: [], voting: true } });
  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await expect(page.getByRole('heading', { name: 'Planning Applications Committee', level: 1 })).toBeFocused();
  await page.keyboard.press('/');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Mr Adams, edit' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit Mr A Adams' })).toBeVisible();
  await page.getByLabel('Honours').focus();

  await slowDown(page);
  await page.keyboard.press('Enter');
  await theMomentItShows(page, 'Mr A Adams saved.');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Mr Clark, edit' })).toBeFocused();
});

test('on a slow machine, Enter pressed the moment a CSV file is read imports its members', async ({ page, chamber }) => {
  const { bodyId } = (await chamber.post({ type: 'body.create', name: 'Planning Applications Committee', kind: 'committee' })).body.result.ids;
  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await expect(page.getByRole('heading', { name: 'Planning Applications Committee', level: 1 })).toBeFocused();
  await page.keyboard.press('i');
  await page.getByLabel('Spreadsheet saved as CSV').check();
  const csv = ['title,initials,surname,group,roles,voting', 'Mr,M,Balfour,Conservative,Chairman,yes', 'Mrs,J,Meade,Labour,,no', 'Ms,J,Meade,Labour,,yes', ''].join('\n');

  await slowDown(page);
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'committee.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await theMomentItShows(page, '3 members read from committee.csv');
  await page.keyboard.press('Enter');
  await expect(page.getByText('3 members imported from the CSV.')).toBeVisible({ timeout: 20_000 });
  expect((await chamber.read(`body:${bodyId}`)).data.members).toHaveLength(3);
});

test('R pressed twice before the first is acknowledged marks the meeting ready, then back to draft', async ({ page, chamber }) => {
  const { meetingId } = await prepareKcc2015(chamber);
  await page.goto(`${chamber.url}/#/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeFocused();
  await expect(page.locator('.status').first()).toHaveText('Draft');
  // Each change of status is one event; asking for the status the meeting already has records none.
  const recorded = async () => (await chamber.read(`meeting:${meetingId}`)).data as { seq: number; status: string };
  const start = (await recorded()).seq;

  await page.keyboard.press('r');
  await page.keyboard.press('r');
  await expect.poll(async () => (await recorded()).seq).toBe(start + 2);
  expect((await recorded()).status).toBe('draft');
  await expect(page.locator('.status').first()).toHaveText('Draft');
  await expect(page.getByRole('button', { name: /Mark ready/ })).toBeVisible();

  // Three presses: ready, draft, ready.
  for (let press = 0; press < 3; press += 1) await page.keyboard.press('r');
  await expect.poll(async () => (await recorded()).seq).toBe(start + 5);
  expect((await recorded()).status).toBe('ready');
  await expect(page.locator('.status').first()).toHaveText('Ready');
  await expect(page.getByRole('button', { name: /Back to draft/ })).toBeVisible();
});

test('names typed while the last mark is still being saved are kept, and every member typed is marked', async ({ page, chamber }) => {
  const { meetingId } = await prepareKcc2015(chamber);
  // A slow disk: each command takes 400 ms to be written and acknowledged.
  await page.route('**/api/commands', async (route) => {
    await new Promise((done) => setTimeout(done, 400));
    await route.continue();
  });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByRole('heading', { name: /Kent County Council/, level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Find member')).toBeFocused();

  // The clerk types on without waiting for each mark to be acknowledged.
  const members = kcc2015Membership().slice(0, 4);
  const typed = members.map((member) => memberFullName(member).replace(/, [A-Z]+$/, ''));
  for (const [index, name] of typed.entries()) {
    await page.keyboard.type(name);
    await page.keyboard.press(index === 3 ? '3' : 'Enter');
  }
  await expect(page.getByTestId('attendance-counts')).toContainText('Present 3');
  await expect(page.getByTestId('attendance-counts')).toContainText('Apologies 1');
  await expect(page.getByLabel('Find member')).toHaveValue('');
  await expect(page.getByTestId('attendance-announce')).toContainText(`${members[3].surname}: apologies.`);
  const recorded = (await chamber.read(`meeting:${meetingId}`)).data.attendance as Record<string, { state: string }>;
  expect(Object.values(recorded).map((a) => a.state).sort()).toEqual(['apologies', 'present', 'present', 'present']);
});

test('Alt+E then Alt+N at once, on a slow disk: the item ends and the next is taken', async ({ page, chamber }) => {
  const { meetingId } = await prepareKcc2015(chamber, { members: 30 });
  await chamber.post({ type: 'meeting.start', meetingId });
  const agenda = (await chamber.read(`meeting:${meetingId}`)).data.agenda as { itemId: string }[];
  await chamber.post({ type: 'item.start', meetingId, itemId: agenda[0].itemId });
  await page.route('**/api/commands', async (route) => {
    await new Promise((done) => setTimeout(done, 400));
    await route.continue();
  });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByTestId('current-item')).toContainText('Apologies for Absence');
  await page.keyboard.press('Alt+e');
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('current-item')).toContainText('Declarations of Disclosable Pecuniary Interests');
  const meeting = (await chamber.read(`meeting:${meetingId}`)).data;
  expect(meeting.currentItemId).toBe(agenda[1].itemId);
  expect(meeting.progress[agenda[0].itemId].state).toBe('done');
});

/** Three meetings of the council; the list shows them latest first. */
const threeMeetings = async (chamber: BrowserMode) => {
  const { bodyId } = (await chamber.post({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' })).body.result.ids;
  for (const [title, date] of [
    ['County Council', '2015-10-22'],
    ['County Council (budget)', '2016-02-11'],
    ['Annual Meeting of the County Council', '2021-05-27'],
  ])
    expect((await chamber.post({ type: 'meeting.create', bodyId, title, date, startTime: '10:00', venue: 'Council Chamber' })).status).toBe(200);
};

test('keys delivered in one task on the meetings list each move from where the one before left, and Enter opens that meeting', async ({ page, chamber }) => {
  await threeMeetings(chamber);
  await page.goto(chamber.url);
  const links = page.getByRole('list', { name: 'Meetings, latest first' }).getByRole('link');
  await expect(links).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeFocused();

  // From the heading: ↓ to the latest, two more down (the last stops at the end), one up.
  await pressAllAtOnce(page, [{ key: 'ArrowDown' }, { key: 'ArrowDown' }, { key: 'ArrowDown' }, { key: 'ArrowDown' }, { key: 'ArrowUp' }]);
  await expect(links.nth(1)).toBeFocused();
  await pressAllAtOnce(page, [{ key: 'ArrowUp' }, { key: 'ArrowDown' }, { key: 'ArrowDown' }, { key: 'Enter' }]);
  await expect(page.getByRole('heading', { name: 'County Council', exact: true, level: 1 })).toBeFocused();
  await expect(page.getByText('Thursday, 22 October 2015')).toBeVisible();
});

test('↓ and Enter pressed before the meetings list has arrived open the meeting they chose', async ({ page, chamber }) => {
  // The list comes over the WebSocket; here it comes late, after the clerk's keys.
  await page.routeWebSocket(/\/api\/live/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => setTimeout(() => socket.send(message), 1000));
  });
  await threeMeetings(chamber);
  await page.goto(chamber.url);
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeFocused();
  await expect(page.getByText('Loading meetings…')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'County Council (budget)', level: 1 })).toBeVisible();
  await expect(page.getByText('Thursday, 11 February 2016')).toBeVisible();
});
