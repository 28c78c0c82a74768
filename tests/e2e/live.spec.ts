// The clerk runs the 22 October 2015 full council from the live screen, by keyboard, with the
// chamber display open in a second window.
import type { Page } from '@playwright/test';
import { memberDisplayNames, type BodyState } from '../../shared/state/body';
import { findMembers } from '../../shared/state/memberSearch';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { KCC_2015_APOLOGIES } from '../support/kcc2015';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { prepareKcc2015 } from './prepare';

const prepare = (chamber: BrowserMode) => prepareKcc2015(chamber, { ready: true });


/** Counts the keys the clerk presses for each action, and prints them in the test's output. */
class KeyCount {
  private readonly actions: { action: string; keys: number; times: number }[] = [];
  private pending = 0;
  constructor(private readonly page: Page) {}
  async press(key: string) {
    this.pending += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string) {
    this.pending += text.length;
    await this.page.keyboard.type(text);
  }
  /** Ends an action: the keys pressed since the last one are counted against it. */
  done(action: string) {
    const seen = this.actions.find((a) => a.action === action);
    if (seen) {
      seen.keys += this.pending;
      seen.times += 1;
    } else this.actions.push({ action, keys: this.pending, times: 1 });
    this.pending = 0;
  }
  report(title: string): string {
    const lines = this.actions.map((a) => `  ${a.action}: ${a.times === 1 ? a.keys : `${(a.keys / a.times).toFixed(1)} a time (${a.times} times, ${a.keys} in all)`}`);
    return `Keys per action, ${title}:\n${lines.join('\n')}`;
  }
}

/** The page never scrolls: everything fits the window, and only lists scroll inside it. */
const expectNoPageScroll = async (page: Page) => {
  const { scrollHeight, innerHeight, scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollHeight, 'the page scrolls vertically').toBeLessThanOrEqual(innerHeight);
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
};

/** Member rows wholly inside the attendance board's visible area. */
const rowsInView = (page: Page) =>
  page.evaluate(() => {
    const list = document.getElementById('attendance-list');
    if (!list) return 0;
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('[data-testid="attendance-rows"] tr')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.bottom <= window.innerHeight;
    }).length;
  });

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`a whole meeting by keyboard only on a ${width}×${height} screen: attendance, chair, a declaration, items, adjournment, private session, close`, async ({ page, context, chamber }, testInfo) => {
    test.setTimeout(240_000);
    const { bodyId, meetingId } = await prepare(chamber);
    // A quorum of 74 for this test, so that one departure makes the meeting inquorate.
    await chamber.post({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('full_council'), quorum: { kind: 'fixed', count: 74 } } });
    await page.setViewportSize({ width, height });
    await page.goto(`${chamber.url}/#/meetings/${meetingId}`);
    await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeVisible();
    const keys = new KeyCount(page);

    await keys.press('l');
    await expect(page.getByRole('heading', { name: /Kent County Council: Thursday, 22 October 2015/ })).toBeVisible();
    keys.done('open the live screen');
    // Built for the laptop first: 25 members and more in view, the clock and the panels beside them, no page scroll.
    expect(await rowsInView(page)).toBeGreaterThanOrEqual(25);
    await expectNoPageScroll(page);
    await expect(page.getByRole('region', { name: 'Agenda clock' })).toBeInViewport();
    await expect(page.getByRole('tablist', { name: 'Panels' })).toBeInViewport();

    const display = await context.newPage();
    await display.setViewportSize({ width: 1920, height: 1080 });
    await display.goto(`${chamber.url}/#/display/${meetingId}`);
    await expect(display.getByText('The meeting has not started')).toBeVisible();
    await page.bringToFront();

    // Attendance: part of the name, then one key (Enter present, 3 apologies).
    const apologies = new Set(KCC_2015_APOLOGIES.map(([title, surname]) => `${title} ${surname}`));
    await keys.press('/');
    await expect(page.getByLabel('Find member')).toBeFocused();
    keys.done('go to the attendance search');
    // As a clerk does: the fewest letters of the surname that bring the member to the top of the matches.
    const members = ((await chamber.read(`body:${bodyId}`)).data as BodyState).members;
    const names = memberDisplayNames(members);
    for (const member of members) {
      const surname = member.surname.toLowerCase();
      const first = (q: string) => findMembers(members, names, q)[0]?.id === member.id;
      const typed = [...surname].map((_, i) => surname.slice(0, i + 1)).find(first) ?? names[member.id];
      expect(first(typed), `typing "${typed}" finds ${names[member.id]} first`).toBe(true);
      await expect(page.getByLabel('Find member')).toHaveValue('');
      await keys.type(typed);
      await expect(page.getByTestId('attendance-rows').getByRole('row').first()).toContainText(names[member.id]);
      await keys.press(apologies.has(`${member.title} ${member.surname}`) ? '3' : 'Enter');
      await expect(page.getByTestId('attendance-announce')).toContainText(`${names[member.id]}:`);
      keys.done('mark a member');
    }
    const counts = page.getByTestId('attendance-counts');
    await expect(counts).toContainText('Present 74');
    await expect(counts).toContainText('Apologies 9');
    await expect(counts).toContainText('Absent 0');
    const recorded = (await chamber.read(`meeting:${meetingId}`)).data;
    expect(Object.values(recorded.attendance as Record<string, { state: string }>).filter((a) => a.state === 'present')).toHaveLength(74);

    await keys.press('Alt+s');
    await expect(page.getByText(/Started at/)).toBeVisible();
    keys.done('start the meeting');

    // The chair: Alt+H and Enter take the Chairman, who is offered with no name typed.
    await keys.press('Alt+h');
    await expect(page.getByRole('combobox', { name: /Member present/ })).toBeFocused();
    await keys.press('Enter');
    await expect(page.getByTestId('chair')).toContainText('Mr M Harrison (Chairman)');
    keys.done('the Chairman takes the chair');

    await keys.press('Alt+n');
    await expect(page.getByTestId('current-item')).toContainText('Apologies for Absence');
    keys.done('take the next item');
    await expect(display.getByRole('heading', { name: 'Apologies for Absence' })).toBeVisible();
    await expect(page.getByTestId('quorum')).toContainText('Quorate');
    await expect(display.getByTestId('display-quorum')).toContainText('Quorate · 74 present, 74 needed');
    await expectNoPageScroll(page);
    await expectAccessible(page);
    await screenshot(page, `live-meeting-${width}`);
    await screenshot(display, 'chamber-display');

    // A declaration: Alt+I, a few letters of the name, Enter; the item's number; Tab past the kind; the interest; Enter.
    await keys.press('Alt+i');
    await expect(page.getByRole('combobox', { name: /Member/ })).toBeFocused();
    await keys.type('ange');
    await keys.press('Enter');
    await expect(page.getByLabel('Item', { exact: true })).toBeFocused();
    await keys.type('8');
    await keys.press('Tab');
    await keys.press('Tab');
    await expect(page.getByLabel('Interest', { exact: true })).toBeFocused();
    await keys.type('A relative receives the allowance');
    await keys.press('Enter');
    const declarations = page.getByRole('region', { name: 'Declarations of interest' });
    await expect(declarations).toContainText("Mr Angell, item 8. Dependent Carers' Allowance: disclosable pecuniary interest — A relative receives the allowance");
    keys.done('record a declaration');
    // The form is clear for the next declaration.
    await expect(page.getByRole('combobox', { name: /Member/ })).toHaveValue('');
    await expect(page.getByLabel('Interest', { exact: true })).toHaveValue('');

    // A departure makes the meeting inquorate: the clerk sees it at once, and the chamber cannot miss it.
    // Esc, from wherever the clerk is, goes back to the attendance search.
    await keys.press('Escape');
    await expect(page.getByLabel('Find member')).toBeFocused();
    await keys.type('manion');
    await keys.press('5');
    await expect(page.getByTestId('attendance-announce')).toContainText('Mr Manion: left. The meeting is now inquorate.');
    keys.done('a member leaves');
    const quorum = page.getByTestId('quorum');
    await expect(quorum).toContainText('Inquorate');
    await expect(quorum).toHaveAttribute('role', 'alert');
    const inquorate = display.getByTestId('display-inquorate');
    await expect(inquorate).toContainText('Inquorate — business suspended');
    await expect(inquorate).toContainText('73 present · 74 needed');
    const band = await inquorate.boundingBox();
    expect(band!.width).toBeGreaterThan(1800); // the full width of the chamber display
    await screenshot(page, `live-inquorate-${width}`);
    await screenshot(display, 'chamber-display-inquorate');

    await keys.type('manion');
    await keys.press('Enter');
    await expect(page.getByTestId('attendance-announce')).toContainText('The meeting is quorate again');
    keys.done('a member comes back');
    await expect(display.getByTestId('display-inquorate')).toHaveCount(0);
    // The row shows every stay, the return included.
    await expect(page.getByTestId('attendance-rows').getByRole('row').filter({ hasText: 'Manion' })).toContainText(/back \d\d:\d\d/);

    // Adjournment stops the item's clock; resuming starts it again.
    await keys.press('Alt+j');
    await expect(page.getByTestId('current-item')).toContainText('stopped while adjourned');
    keys.done('adjourn');
    await keys.press('Alt+j');
    await expect(page.getByTestId('current-item')).not.toContainText('stopped while adjourned');
    keys.done('resume');

    // Through the agenda to item 8, where the member who declared withdraws.
    for (let n = 2; n <= 8; n += 1) {
      await keys.press('Alt+e');
      await keys.press('Alt+n');
      await expect(page.getByTestId('current-item')).toContainText(`${n}.`);
      keys.done('end the item and take the next');
    }
    const angell = page.getByTestId('attendance-rows').getByRole('row').filter({ hasText: 'Angell' });
    await expect(angell).toContainText('Withdrawn');
    await expect(counts).toContainText('Present 73');
    await expect(counts).toContainText('Withdrawn 1');
    await expect(quorum).toContainText('73 present');

    // Private session: the reason is offered from Schedule 12A; Enter goes private.
    await keys.press('Alt+p');
    await expect(page.getByLabel('Exempt information (Schedule 12A, Part 1)')).toBeFocused();
    await keys.press('Enter');
    await expect(display.getByText('Private session')).toBeVisible();
    keys.done('exclude the press and public');
    await expect(display.getByText("Dependent Carers' Allowance")).toHaveCount(0);
    await expectAccessible(display);
    await screenshot(display, 'chamber-display-private');
    await keys.press('Alt+p');
    await expect(display.getByText('Private session')).toHaveCount(0);
    keys.done('readmit the press and public');

    await keys.press('Alt+e');
    await keys.press('Alt+c');
    await expect(page.getByRole('alertdialog')).toContainText('Close the meeting now?');
    await keys.press('Enter');
    await expect(page.getByText(/Closed at \d\d:\d\d/)).toBeVisible();
    keys.done('end the item and close the meeting');

    // Closed is shown as closed: no alarm, and members who were there read "Attended", not "Left".
    await expect(quorum).toContainText('Closed');
    await expect(quorum).not.toHaveAttribute('role', 'alert');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(counts).toContainText('Attended 74');
    await expect(page.getByTestId('attendance-rows').getByRole('row').filter({ hasText: 'Mr M Harrison' })).toContainText('Attended');
    await expect(page.getByTestId('attendance-rows')).not.toContainText(/\bLeft\b/);
    await expectNoPageScroll(page);
    await expectAccessible(page);
    await screenshot(page, `live-closed-${width}`);

    const report = keys.report(`${width}×${height}`);
    console.log(report);
    await testInfo.attach('keys per action', { body: report, contentType: 'text/plain' });
  });
}

test('after SIGKILL mid-meeting, reopening brings the clerk back to the same item with its clock running', async ({ page, chamber }) => {
  const { meetingId } = await prepare(chamber);
  const meeting = (await chamber.read(`meeting:${meetingId}`)).data;
  const started = new Date(Date.now() - 125_000).toISOString();
  await chamber.post({ type: 'meeting.start', meetingId, time: started });
  await chamber.post({ type: 'item.start', meetingId, itemId: meeting.agenda[2].itemId, time: started });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByTestId('current-item')).toContainText('Minutes of the meeting');
  await page.getByLabel('Notes on this item').fill('Minute 30 corrected: "Residents" to "Refugee".');
  await expect(page.getByText(/Saved at/)).toBeVisible();

  await chamber.kill('SIGKILL');
  const again = await startBrowserMode(chamber.dataDir, { built: true });
  try {
    await page.goto(`${again.url}/#/meetings/${meetingId}/live`);
    const current = page.getByTestId('current-item');
    await expect(current).toContainText('Minutes of the meeting');
    await expect(current).toContainText(/0[2-9]:\d\d/); // two minutes and more: derived from the stored start
    await expect(page.getByLabel('Notes on this item')).toHaveValue('Minute 30 corrected: "Residents" to "Refugee".');
  } finally {
    await again.kill();
  }
});

test('declarations of interest and the chair are recorded from the live screen', async ({ page, chamber }) => {
  const { bodyId, meetingId } = await prepare(chamber);
  const body = (await chamber.read(`body:${bodyId}`)).data as { members: { id: string; surname: string; title: string }[] };
  const harrison = body.members.find((m) => m.surname === 'Harrison' && m.title === 'Mr')!;
  const angell = body.members.find((m) => m.surname === 'Angell')!;
  for (const m of [harrison, angell]) await chamber.post({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();

  // The Chairman is offered first: with no name typed, taking the chair is one button.
  await page.keyboard.press('Alt+h');
  await expect(page.getByText('With no name typed: Mr M Harrison (Chairman).')).toBeVisible();
  await page.getByRole('button', { name: 'Takes the chair' }).click();
  await expect(page.getByTestId('chair')).toContainText('Mr M Harrison (Chairman)');

  await page.keyboard.press('Alt+i');
  const declarations = page.getByRole('region', { name: 'Declarations of interest' });
  await expect(declarations).toContainText('There were no declarations of interest.');
  const member = page.getByRole('combobox', { name: /Member/ });
  await expect(member).toBeFocused();
  await member.fill('ang');
  await page.getByRole('option', { name: /^Mr Angell/ }).click();
  await page.getByLabel('Item', { exact: true }).selectOption({ label: "8. Dependent Carers' Allowance" });
  await page.getByLabel('Interest', { exact: true }).fill('A relative receives the allowance');
  await expect(page.getByLabel('Withdraws for the item')).toBeChecked();
  await expect(page.getByLabel('Withdraws for the item')).toBeDisabled();
  await page.getByRole('button', { name: 'Record declaration' }).click();
  await expect(declarations).toContainText('Mr Angell, item 8. Dependent Carers\' Allowance: disclosable pecuniary interest — A relative receives the allowance');
  // Cleared for the next one, the member chooser focused.
  await expect(member).toHaveValue('');
  await expect(member).toBeFocused();
  await expect(page.getByLabel('Interest', { exact: true })).toHaveValue('');
  await expect(declarations).toContainText('Withdraws');
  await expectAccessible(page);

  await declarations.getByRole('button', { name: /Remove the declaration by Mr Angell/ }).click();
  await page.getByLabel('Why is it removed? (recorded)').fill('Recorded against the wrong member');
  await page.keyboard.press('Enter');
  await expect(declarations).toContainText('There were no declarations of interest.');
  const meeting = (await chamber.read(`meeting:${meetingId}`)).data;
  expect(meeting.declarations).toEqual([]);
  expect(meeting.chair).toEqual([expect.objectContaining({ memberId: harrison.id, capacity: 'chairman' })]);
});
