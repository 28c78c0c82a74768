// The live screen's design, defect by defect, as a clerk met each one: every test here failed
// before the live screen was redesigned for the laptop and the keyboard.
import type { Page } from '@playwright/test';
import { exemptReason, SCHEDULE_12A_PARAGRAPHS } from '../../shared/procedure/exemptInformation';
import type { BodyState } from '../../shared/state/body';
import { clockTime } from '../../shared/time';
import type { BrowserMode } from '../support/browserMode';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { prepareKcc2015 } from './prepare';

/** The 22 October 2015 council, ready, with the Chairman and Mr Angell present; started if asked. */
const prepare = async (chamber: BrowserMode, options: { started?: boolean } = {}) => {
  const { bodyId, meetingId } = await prepareKcc2015(chamber, { ready: true });
  const members = ((await chamber.read(`body:${bodyId}`)).data as BodyState).members;
  const bySurname = (surname: string, title = 'Mr') => members.find((m) => m.surname === surname && m.title === title)!;
  for (const m of [bySurname('Harrison'), bySurname('Angell')]) await chamber.post({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
  if (options.started) await chamber.post({ type: 'meeting.start', meetingId });
  return { bodyId, meetingId, bySurname };
};

const liveScreen = async (page: Page, chamber: BrowserMode, meetingId: string) => {
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByRole('heading', { name: /Kent County Council/ })).toBeVisible();
  await expect(page.getByLabel('Find member')).toBeVisible();
};

test('Esc never leaves the live screen while the meeting sits: it clears the search, closes the list, and comes back to the search', async ({ page, chamber }) => {
  const { meetingId } = await prepare(chamber, { started: true });
  await liveScreen(page, chamber, meetingId);
  const search = page.getByLabel('Find member');
  await page.keyboard.press('/');
  await page.keyboard.type('ange');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/live$/);

  // From a panel's member chooser: Esc closes its matches, then comes back to the attendance search.
  await page.keyboard.press('Alt+i');
  await page.keyboard.type('ang');
  await expect(page.getByRole('listbox', { name: /matches/ }).filter({ visible: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: /matches/ }).filter({ visible: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();
  await expect(page).toHaveURL(/\/live$/);

  // Leaving is deliberate: the breadcrumb, or Alt+M for the meetings list.
  await page.keyboard.press('Alt+m');
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();

  // Once the meeting has closed, Esc goes back to the meeting's page, as on every other screen.
  await chamber.post({ type: 'meeting.close', meetingId });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByRole('heading', { name: /Kent County Council/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeVisible();
});

test('defer and withdraw ask first, with a reason, and Alt+Z undoes them with an event on the record', async ({ page, chamber }) => {
  const { meetingId } = await prepare(chamber, { started: true });
  await liveScreen(page, chamber, meetingId);
  const list = page.getByRole('listbox', { name: 'Agenda items' });
  await page.keyboard.press('Alt+a');
  await expect(list).toBeFocused();
  for (let i = 0; i < 7; i += 1) await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toContainText("Dependent Carers' Allowance");

  // D asks; Esc cancels and nothing is recorded.
  await page.keyboard.press('d');
  const reason = page.getByLabel('Defer item 8: why? (recorded)');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reason).toHaveCount(0);
  await expect(list).toBeFocused();
  let meeting = (await chamber.read(`meeting:${meetingId}`)).data;
  expect(meeting.progress[meeting.agenda[7].itemId]).toBeUndefined();

  // D, a reason, Enter: deferred. The button is no quicker: it asks too.
  await page.keyboard.press('d');
  await page.keyboard.type('Report to come back with the revised costs');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agenda-status')).toHaveText('Item 8 deferred.');
  await expect(list.getByRole('option', { selected: true })).toContainText('Deferred (Report to come back with the revised costs)');
  await screenshot(page, 'live-agenda-deferred');

  // Alt+Z undoes it: the item is back, and both the deferral and its undoing stay on the record.
  await page.keyboard.press('Alt+z');
  await expect(page.getByTestId('agenda-status')).toHaveText('Item 8 is back on the agenda (the undo is recorded).');
  await expect(list.getByRole('option', { selected: true })).not.toContainText('Deferred');
  meeting = (await chamber.read(`meeting:${meetingId}`)).data;
  expect(meeting.progress[meeting.agenda[7].itemId]).toBeUndefined();

  // Withdrawn the same way, by the button; U puts it back.
  await page.getByRole('button', { name: /^Withdraw/ }).click();
  await expect(page.getByLabel('Withdraw item 8: why? (recorded)')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('option', { selected: true })).toContainText('Withdrawn');
  await list.focus();
  await page.keyboard.press('u');
  await page.keyboard.type('Withdrawn in error');
  await page.keyboard.press('Enter');
  await expect(list.getByRole('option', { selected: true })).not.toContainText('Withdrawn');
  await expectAccessible(page);
});

test('the private-session reason is shown whole, selected on focus, and offered from the paragraphs of Schedule 12A', async ({ page, chamber }) => {
  const { meetingId } = await prepare(chamber, { started: true });
  await liveScreen(page, chamber, meetingId);
  await page.keyboard.press('Alt+p');
  const paragraph = page.getByLabel('Exempt information (Schedule 12A, Part 1)');
  await expect(paragraph).toBeFocused();
  await expect(paragraph.getByRole('option')).toHaveCount(SCHEDULE_12A_PARAGRAPHS.length + 1);
  await paragraph.selectOption({ label: `Paragraph 1: ${SCHEDULE_12A_PARAGRAPHS[0].text}` });
  const reason = page.getByLabel(/Reason for excluding/);
  await expect(reason).toHaveValue(exemptReason(1));
  await page.keyboard.press('Tab');
  await expect(reason).toBeFocused();
  // The whole reason is in view, and selected: typing replaces it rather than running on from its hidden end.
  const { start, end, length, fits } = await reason.evaluate((el: HTMLTextAreaElement) => ({ start: el.selectionStart, end: el.selectionEnd, length: el.value.length, fits: el.scrollHeight <= el.clientHeight + 1 }));
  expect({ start, end, fits }).toEqual({ start: 0, end: length, fits: true });
  await page.keyboard.type('Exempt information: the tender prices of named contractors.');
  await expect(reason).toHaveValue('Exempt information: the tender prices of named contractors.');
  await expectAccessible(page);
  await screenshot(page, 'live-private-session-form');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Private session: press and public excluded.')).toBeVisible();
  const meeting = (await chamber.read(`meeting:${meetingId}`)).data;
  expect(Object.values(meeting.privateSessions as Record<string, { reason: string }>)[0].reason).toBe('Exempt information: the tender prices of named contractors.');
});

test('the time box shows the time now, in the meeting’s time zone, not a fixed example', async ({ page, chamber }) => {
  const { meetingId } = await prepare(chamber);
  await liveScreen(page, chamber, meetingId);
  const now = Date.now();
  const either = [now - 60_000, now, now + 60_000].map((t) => `now ${clockTime(new Date(t).toISOString(), 'Europe/London')}`);
  expect(either).toContain(await page.getByLabel('Time', { exact: true }).getAttribute('placeholder'));
});

test('members are listed in surname order, a member added later included; apologies received beforehand count before the start', async ({ page, chamber }) => {
  const { bodyId, meetingId } = await prepare(chamber);
  await chamber.post({ type: 'member.add', bodyId, member: { title: 'Mrs', initials: ['A'], surname: 'Aaronson', honours: [], group: 'Labour', roles: [], voting: true } });
  await chamber.post({ type: 'member.add', bodyId, member: { title: 'Mr', initials: ['Z'], surname: 'Zeal', honours: [], group: 'Labour', roles: [], voting: true } });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}`);
  // Apologies received before the meeting, on the meeting's page: P, a few letters, Enter, Enter; the next.
  await expect(page.getByRole('heading', { name: 'Apologies received' })).toBeVisible();
  await page.keyboard.press('p');
  for (const name of ['baldo', 'brivi']) {
    await expect(page.getByRole('combobox', { name: /Member/ })).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Note (optional)')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Apologies received' })).toContainText(new RegExp(name, 'i'));
  }
  await liveScreen(page, chamber, meetingId);
  const rows = page.getByTestId('attendance-rows').getByRole('row');
  await expect(rows.first()).toContainText('Mrs Aaronson');
  await expect(rows.last()).toContainText('Mr Zeal');
  const surnames = await rows.locator('th').allInnerTexts();
  const plain = surnames.map((s) => s.replace(/\s*\(.*$/, '').split(' ').at(-1)!);
  expect(plain).toEqual([...plain].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })));
  await expect(page.getByTestId('attendance-counts')).toContainText('Apologies 2');
  await expect(rows.filter({ hasText: 'Mr Baldock' })).toContainText('Apologies');
  // Typing finds surname starts first.
  await page.getByLabel('Find member').fill('kin');
  await expect(rows.first()).toContainText('Mr King');
});

test('"could not be reached" stays only until Chamber answers again', async ({ page, chamber }) => {
  const { meetingId } = await prepare(chamber, { started: true });
  await liveScreen(page, chamber, meetingId);
  await page.route('**/api/commands', (route) => route.abort('connectionrefused'));
  await page.keyboard.press('/');
  await page.keyboard.type('cooke');
  await page.keyboard.press('Enter');
  const banner = page.getByRole('alert').filter({ hasText: 'Chamber could not be reached' });
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('attendance-announce')).toContainText('not recorded');
  await page.unroute('**/api/commands');
  // Chamber answers again: the next action, whichever it is, clears the warning everywhere.
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('current-item')).toContainText('Apologies for Absence');
  await expect(page.getByText('Chamber could not be reached')).toHaveCount(0);
  // The search came back as it was: Enter again, and this time it is recorded.
  await page.keyboard.press('Escape');
  await page.keyboard.type('cooke');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attendance-announce')).toContainText('Mr Cooke: present');
  await expect(banner).toHaveCount(0);
});

test('corrections: the member is found by typing, with Alt+R, and Enter chooses', async ({ page, chamber }) => {
  const { meetingId } = await prepare(chamber, { started: true });
  await liveScreen(page, chamber, meetingId);
  await page.keyboard.press('Alt+r');
  const member = page.getByRole('combobox', { name: /Member/ }).filter({ visible: true });
  await expect(member).toBeFocused();
  await page.keyboard.type('angell');
  await page.keyboard.press('Enter');
  await expect(member).toHaveValue('Mr Angell');
  await expect(page.getByRole('tabpanel', { name: /Corrections/ })).toContainText(/Mr Angell/);
  await expectAccessible(page);
});
