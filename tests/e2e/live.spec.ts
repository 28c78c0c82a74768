// The clerk runs the 22 October 2015 full council from the live screen, by keyboard, with the
// chamber display open in a second window.
import type { Page } from '@playwright/test';
import { memberFullName } from '../../shared/state/body';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { kcc2015Membership, KCC_2015_APOLOGIES } from '../support/kcc2015';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { prepareKcc2015 } from './prepare';

const prepare = (chamber: BrowserMode) => prepareKcc2015(chamber, { ready: true });

const markByKeyboard = async (page: Page, name: string, key: string) => {
  const search = page.getByLabel('Find member');
  await expect(search).toHaveValue('');
  await page.keyboard.type(name);
  await page.keyboard.press(key);
  await expect(page.getByTestId('attendance-announce')).toContainText(':');
};

test('the clerk marks the whole membership by keyboard; quorum and the chamber display follow live', async ({ page, context, chamber }) => {
  test.setTimeout(180_000);
  const { bodyId, meetingId } = await prepare(chamber);
  // A quorum of 74 for this test, so that one departure makes the meeting inquorate.
  await chamber.post({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('full_council'), quorum: { kind: 'fixed', count: 74 } } });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeVisible();
  await page.keyboard.press('l');
  await expect(page.getByRole('heading', { name: /Kent County Council: Thursday, 22 October 2015/ })).toBeVisible();

  const display = await context.newPage();
  await display.setViewportSize({ width: 1920, height: 1080 });
  await display.goto(`${chamber.url}/#/display/${meetingId}`);
  await expect(display.getByText('The meeting has not started')).toBeVisible();
  await page.bringToFront();

  const apologies = new Set(KCC_2015_APOLOGIES.map(([title, surname]) => `${title} ${surname}`));
  await page.keyboard.press('/');
  await expect(page.getByLabel('Find member')).toBeFocused();
  for (const member of kcc2015Membership()) {
    const name = memberFullName(member).replace(/, [A-Z]+$/, '');
    await markByKeyboard(page, name, apologies.has(name) ? '3' : 'Enter');
  }
  const counts = page.getByTestId('attendance-counts');
  await expect(counts).toContainText('Present 74');
  await expect(counts).toContainText('Apologies 9');
  await expect(counts).toContainText('Absent 0');
  const recorded = (await chamber.read(`meeting:${meetingId}`)).data;
  expect(Object.values(recorded.attendance as Record<string, { state: string }>).filter((a) => a.state === 'present')).toHaveLength(74);

  await page.keyboard.press('Alt+s');
  await expect(page.getByText(/Started at/)).toBeVisible();
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('current-item')).toContainText('Apologies for Absence');
  await expect(display.getByRole('heading', { name: 'Apologies for Absence' })).toBeVisible();
  await expect(display.getByText('Item 1')).toBeVisible();
  await expect(page.getByTestId('quorum')).toContainText('Quorate');
  await expect(display.getByTestId('display-quorum')).toContainText('Quorate · 74 present, 74 needed');
  await expectAccessible(page);
  await screenshot(page, 'live-meeting');
  await screenshot(display, 'chamber-display');

  // A departure makes the meeting inquorate: the clerk sees it at once, and so does the chamber.
  await expect(page.getByLabel('Find member')).toBeFocused(); // still there after the last mark
  await markByKeyboard(page, 'Mr S C Manion', '5');
  const quorum = page.getByTestId('quorum');
  await expect(quorum).toContainText('Inquorate');
  await expect(quorum).toHaveAttribute('role', 'alert');
  await expect(display.getByTestId('display-quorum')).toContainText('Not quorate · 73 present, 74 needed');
  await screenshot(page, 'live-inquorate');
  const afterDeparture = (await chamber.read(`meeting:${meetingId}`)).data;
  expect(afterDeparture.quorumChanges).toEqual([expect.objectContaining({ quorate: false, present: 73, required: 74 })]);

  // Private session: the display shows nothing but that.
  await page.keyboard.press('Alt+e');
  await page.keyboard.press('Alt+p');
  await expect(page.getByLabel(/Reason for excluding/)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(display.getByText('Private session')).toBeVisible();
  await expect(display.getByText('Apologies for Absence')).toHaveCount(0);
  await expectAccessible(display);
  await screenshot(display, 'chamber-display-private');
});

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

  // The Chairman is offered first; taking the chair is one button.
  await page.getByRole('button', { name: 'Takes the chair' }).click();
  await expect(page.getByTestId('chair')).toContainText('Mr M Harrison (Chairman)');

  const declarations = page.getByRole('region', { name: 'Declarations of interest' });
  await expect(declarations).toContainText('There were no declarations of interest.');
  await page.getByLabel('Member', { exact: true }).first().selectOption({ label: 'Mr Angell' });
  await page.getByLabel('Item', { exact: true }).selectOption({ label: "8. Dependent Carers' Allowance" });
  await page.getByLabel('Interest', { exact: true }).fill('A relative receives the allowance');
  await expect(page.getByLabel('Withdraws for the item')).toBeChecked();
  await expect(page.getByLabel('Withdraws for the item')).toBeDisabled();
  await page.getByRole('button', { name: 'Record declaration' }).click();
  await expect(declarations).toContainText('Mr Angell, item 8. Dependent Carers\' Allowance: disclosable pecuniary interest — A relative receives the allowance');
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
