// Members voting from their own devices, as a real phone on the chamber network would: the clerk
// turns members' voting on and shows a member's code (with its QR); the member's page, in a
// browser context of its own at a phone's size and loaded from the network address (no token),
// pairs by typing the code, votes, and shows the receipt of what was recorded.
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import { lanAddress, openPhone, sittingCommittee, startChamberOnNetwork } from './chamberNetwork';
import { expect, expectAccessible, screenshot, test } from './fixtures';

test("a member pairs their phone by the clerk's code, votes, and sees the receipt", async ({ page, browser }) => {
  test.skip(lanAddress === undefined, 'this machine has no network address besides loopback to serve the chamber network on');
  const served = await startChamberOnNetwork('members');
  const { chamber, network, must } = served;
  try {
    const { meetingId, motionId, id } = await sittingCommittee(served, {
      name: 'Planning Committee',
      surnames: ['Cole', 'Meade', 'Dean', 'Hook'],
      standingOrders: { ...defaultStandingOrders('committee'), votingWindowSeconds: 300 },
      venue: 'Committee Room 2',
      item: 'Land at Manor Farm',
      wording: 'That planning permission be granted, subject to the conditions in the report.',
      mover: 'Dean',
      seconder: 'Hook',
    });

    // The clerk: Alt+L, members' voting on, the member's name, Enter: the code, large, with its QR.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
    await expect(page.getByRole('heading', { name: /Planning Committee/ })).toBeVisible();
    await page.keyboard.press('Alt+L');
    await expect(page.locator('#devices-voting')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.locator('#devices-voting')).toBeChecked();
    await page.locator('#device-member').fill('Meade');
    await page.locator('#device-member').press('Enter');
    const shown = page.getByTestId('pairing-code');
    await expect(shown).toContainText('Code for Mr Meade');
    await expect(shown.locator('img')).toBeVisible();
    const code = (await shown.locator('.devices__big').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await screenshot(page, 'members-devices-clerk-code');

    // The member's phone: its own browser context, from the chamber network address.
    const member = await openPhone(browser, `${network}/#/member`);
    await expect(member.locator('meta[name="chamber-token"]')).toHaveAttribute('content', '');
    await expect(member.getByRole('heading', { name: 'Pair this device' })).toBeVisible();
    // A code mistyped: refused in words (and written to the audit the clerk reads).
    await member.getByLabel('Pairing code').fill(code === 'AAAA-AAAA' ? 'BBBB-BBBB' : 'AAAA-AAAA');
    await member.getByRole('button', { name: 'Pair' }).click();
    await expect(member.getByRole('alert')).toHaveText('That code is not one the clerk has given: check it and try again.');
    await member.getByLabel('Pairing code').fill(code.toLowerCase());
    await screenshot(member, 'member-phone-pairing');
    await member.getByRole('button', { name: 'Pair' }).click();
    await expect(member.getByRole('heading', { name: 'Mr Meade' })).toBeVisible();
    expect(member.url()).toBe(`${network}/#/member/${meetingId}`);
    await expect(member.getByText('No vote is being taken.')).toBeVisible();

    // The chairman calls the division (bell skipped): the question and the window's countdown.
    await must({ type: 'division.call', meetingId, motionId, skipBell: true });
    await expect(member.getByText('That planning permission be granted, subject to the conditions in the report.')).toBeVisible();
    await expect(member.getByTestId('member-clock')).toContainText(/Voting closes in \d:\d\d/);
    await member.getByRole('button', { name: 'For', exact: true }).click();
    await expect(member.getByTestId('member-receipt')).toHaveText(/^For — recorded \d\d:\d\d:\d\d$/);
    await expect(member.getByRole('button', { name: 'For', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expectAccessible(member);
    await screenshot(member, 'member-phone-vote-receipt');

    // What was recorded: entered by the member, at the time the receipt gives.
    const state = (await chamber.read(`meeting:${meetingId}`)).data;
    const divisionId = state.openDivisionId as string;
    const vote = state.votes[divisionId][id('Meade')];
    expect(vote).toMatchObject({ choice: 'for', enteredBy: 'member' });
    const receipt = await member.getByTestId('member-receipt').innerText();
    expect(receipt).toBe(`For — recorded ${new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(vote.at))}`);

    // Reloaded, the page keeps its pairing (this meeting's, in localStorage) and the receipt.
    await member.reload();
    await expect(member.getByTestId('member-receipt')).toHaveText(receipt);

    // The clerk sees the member paired, and withdraws the device with a reason: the phone is told
    // at its next request, and asked for a new code; the clerk sees both refused requests.
    await expect(page.getByRole('list', { name: 'Paired devices' })).toContainText('Mr Meade paired');
    await expect(page.getByText('Mr Meade’s device is paired')).toBeVisible();
    await expect(page.getByTestId('pairing-code')).toHaveCount(0);
    await page.getByRole('button', { name: "Withdraw Mr Meade's device" }).click();
    await page.locator('#device-reason').fill('Phone lost');
    await page.locator('#device-reason').press('Enter');
    await expect(page.getByRole('list', { name: 'Paired devices' })).toContainText('withdrawn');
    await expect(page.getByRole('list', { name: 'Paired devices' })).toContainText('Phone lost');
    // The spent code is gone; the member's name is ready for a new one (Enter).
    await expect(page.getByText(code)).toHaveCount(0);
    await expect(page.locator('#device-member')).toHaveValue('Mr Meade');
    await member.getByRole('button', { name: 'Ask to speak' }).click();
    await expect(member.getByRole('heading', { name: 'Pair this device' })).toBeVisible();
    await expect(member.getByRole('alert')).toHaveText("The clerk has withdrawn this device's pairing: ask the clerk for a new code.");
    await expect(page.getByTestId('refusal-count')).toHaveText('2', { timeout: 15_000 });
    await expect(page.getByRole('list', { name: 'Refused requests, the latest first' })).toContainText("Mr Meade");
    await page.getByRole('list', { name: 'Refused requests, the latest first' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'members-devices-clerk-withdrawn');
    await member.context().close();
  } finally {
    await served.stop();
  }
});
