// The whole journey of a division with members voting from their own phones: the clerk turns
// members' voting on and gives three members their codes (Alt+L); each member's page, in a browser
// context of its own at a phone's size and loaded from the chamber network address (no token),
// pairs by typing the code. The clerk calls the division (Alt+U): the bell on the clerk's screen,
// the chamber display and every phone; the window opens by itself; the members tap their big
// buttons while the clerk's grid counts them live (marked as from the member's own device) and the
// clerk enters two more by name; the window closes by itself; the result on the clerk's screen,
// the display (no names) and each phone, with the receipt of what was recorded.
import type { Page } from '@playwright/test';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { MeetingState } from '../../shared/state/meeting';
import { lanAddress, openPhone, sittingCommittee, startChamberOnNetwork } from './chamberNetwork';
import { expect, expectAccessible, screenshot, test } from './fixtures';

const WORDING = 'That the committee approves the new layout of the council chamber.';
const BELL_SECONDS = 5;
const WINDOW_SECONDS = 20;
/** The committee: the chairman first; every one of them present and entitled to vote. */
const SURNAMES = ['Cole', 'Meade', 'Dean', 'Hook', 'Pike', 'Ross'];
/** The members who vote from their own phones, and how. */
const PHONES = [
  { surname: 'Meade', choice: 'For' },
  { surname: 'Dean', choice: 'Against' },
  { surname: 'Hook', choice: 'Abstain' },
] as const;

const receiptTime = (at: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(at));

test("a division's journey: codes to three phones, the bell everywhere, members' votes counted live on the clerk's grid beside the clerk's own, the window closing by itself, the result on the display and the receipts on the phones", async ({ page, browser }) => {
  test.skip(lanAddress === undefined, 'this machine has no network address besides loopback to serve the chamber network on');
  test.setTimeout(120_000);
  const served = await startChamberOnNetwork('journey');
  const { chamber, network } = served;
  const phones: Page[] = [];
  let display: Page | undefined;
  try {
    // The committee, sitting: six present, a 5-second bell and a 20-second window, a motion moved and seconded.
    const { meetingId, id } = await sittingCommittee(served, {
      name: 'General Purposes Committee',
      surnames: SURNAMES,
      standingOrders: { ...defaultStandingOrders('committee'), divisionBell: { seconds: BELL_SECONDS, chairmanMaySkip: true }, votingWindowSeconds: WINDOW_SECONDS },
      venue: 'Council Chamber',
      item: 'The council chamber',
      wording: WORDING,
      mover: 'Dean',
      seconder: 'Hook',
    });

    // The chamber display, from the chamber network (as a screen in the room would open it).
    const room = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    display = await room.newPage();
    await display.goto(`${network}/#/display/${meetingId}`);
    await expect(display.getByRole('heading', { name: 'The council chamber' })).toBeVisible();

    // The three phones, each its own browser context, open the members' page from the chamber
    // network (opened together: each is a separate device), without the clerk's token.
    phones.push(...(await Promise.all(PHONES.map(() => openPhone(browser, `${network}/#/member`)))));
    for (const phone of phones) {
      await expect(phone.locator('meta[name="chamber-token"]')).toHaveAttribute('content', '');
      await expect(phone.getByRole('heading', { name: 'Pair this device' })).toBeVisible();
    }

    // The clerk, by keyboard: Alt+L, members' voting on, then a code for each of the three.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
    await expect(page.getByRole('heading', { name: /General Purposes Committee/ })).toBeVisible();
    await page.keyboard.press('Alt+L');
    await expect(page.locator('#devices-voting')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.locator('#devices-voting')).toBeChecked();
    for (const [i, { surname }] of PHONES.entries()) {
      await page.locator('#device-member').fill(surname);
      await page.locator('#device-member').press('Enter');
      const shown = page.getByTestId('pairing-code');
      await expect(shown).toContainText(`Code for Mr ${surname}`);
      const code = (await shown.locator('.devices__big').innerText()).trim();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      // The member types the code on their phone.
      const phone = phones[i];
      await phone.getByLabel('Pairing code').fill(code);
      await phone.getByRole('button', { name: 'Pair' }).tap();
      await expect(phone.getByRole('heading', { name: `Mr ${surname}` })).toBeVisible();
      await expect(phone.getByText('No vote is being taken. Item 1: The council chamber.')).toBeVisible();
      await expect(page.getByText(`Mr ${surname}’s device is paired`)).toBeVisible();
    }
    const pairedList = page.getByRole('list', { name: 'Paired devices' });
    for (const { surname } of PHONES) await expect(pairedList).toContainText(`Mr ${surname} paired`);

    // Alt+U: the division panel, at the button that calls it; Enter calls it, and the bell rings.
    await page.keyboard.press('Alt+U');
    await expect(page.getByRole('button', { name: `Call a division (bell ${BELL_SECONDS} s)` })).toBeFocused();
    await page.keyboard.press('Enter');
    const clock = page.getByTestId('division-clock');
    await expect(clock).toHaveAttribute('data-phase', 'bell');
    await expect(page.getByTestId('division-bell')).toContainText('The bell is ringing: voting opens at');
    // The display and the three phones at once (the bell lasts only a few seconds): the question,
    // the bell's countdown, and on the phones the window to follow and no buttons yet.
    await Promise.all([
      (async () => {
        await expect(display.getByTestId('display-division')).toHaveAttribute('data-phase', 'bell');
        await expect(display.getByTestId('display-division-clock')).toContainText('Division bell');
      })(),
      ...phones.map(async (phone) => {
        await expect(phone.getByText(WORDING)).toBeVisible();
        await expect(phone.getByTestId('member-clock')).toContainText(/Division bell: voting opens in 0:0\d/);
        await expect(phone.getByTestId('member-clock')).toContainText(`then 0:${WINDOW_SECONDS} to vote`);
        for (const way of ['For', 'Against', 'Abstain']) await expect(phone.getByRole('button', { name: way, exact: true })).toBeDisabled();
      }),
    ]);
    await screenshot(page, 'journey-1-bell-clerk');
    await screenshot(phones[0], 'journey-1-bell-member');
    // The phone's countdown is the server's: the seconds it shows are those left to the bell's end, rounded up.
    const called = ((await chamber.read(`meeting:${meetingId}`)).data as MeetingState).divisions[0];
    const shownLeft = await phones[0].getByTestId('member-clock').locator('.time').innerText();
    const actualLeft = (Date.parse(called.bellEndsAt) - Date.now()) / 1000;
    // (Read while the bell still rings; on a machine so slow it has stopped, there is nothing to compare.)
    if (actualLeft > 0.5) expect(Number(shownLeft.replace(/^0:/, ''))).toBeGreaterThanOrEqual(Math.floor(actualLeft));
    if (actualLeft > 0.5) expect(Number(shownLeft.replace(/^0:/, ''))).toBeLessThanOrEqual(Math.ceil(actualLeft) + 1);

    // The window opens by itself when the bell stops. The first member taps the moment the phone's
    // buttons come on (the phone's countdown, from the server's instants, must not run ahead of
    // the server's own window); the others once the phones say voting is open.
    const counts = page.getByTestId('division-counts');
    const row = (surname: string) => page.getByTestId('grid-rows').getByRole('row').filter({ hasText: `Mr ${surname}` });
    const expected = { For: 0, Against: 0, Abstain: 0, voted: 0 };
    for (const [i, { surname, choice }] of PHONES.entries()) {
      const phone = phones[i];
      if (i === 1) {
        await expect(clock).toHaveAttribute('data-phase', 'voting');
        await expect(display.getByTestId('display-division')).toHaveAttribute('data-phase', 'voting');
        for (const other of phones.slice(1)) {
          await expect(other.getByTestId('member-clock')).toContainText(/Voting closes in 0:[0-3]\d/);
          await expect(other.getByTestId('member-receipt')).toHaveText('You have not voted in this division.');
        }
        await screenshot(phone, 'journey-2-member-voting');
      }
      // Each tap: the receipt on the phone, then the clerk's counts and the grid's row (from the member's own device).
      await phone.getByRole('button', { name: choice, exact: true }).tap({ timeout: (BELL_SECONDS + 3) * 1000 });
      await expect(phone.getByTestId('member-receipt')).toHaveText(new RegExp(`^${choice} — recorded \\d\\d:\\d\\d:\\d\\d$`));
      await expect(phone.getByRole('alert')).toHaveCount(0);
      await expect(phone.getByRole('button', { name: choice, exact: true })).toHaveAttribute('aria-pressed', 'true');
      expected[choice] += 1;
      expected.voted += 1;
      await expect(counts).toHaveText(`For ${expected.For} Against ${expected.Against} Abstain ${expected.Abstain} · voted ${expected.voted} of ${SURNAMES.length}`);
      await expect(row(surname).getByTestId('grid-vote')).toHaveText(`${choice} own device`);
    }
    await expectAccessible(phones[0]);

    // Meanwhile the clerk enters two more on the grid: a few letters, Enter, then F or N.
    const search = page.getByRole('searchbox', { name: 'Find member voting' });
    await expect(search).toBeFocused();
    await page.keyboard.type('pike');
    await page.keyboard.press('Enter');
    await page.keyboard.press('f');
    await expect(page.getByTestId('grid-announce')).toHaveText('Mr Pike: for.');
    await expect(search).toBeFocused();
    await page.keyboard.type('ross');
    await page.keyboard.press('Enter');
    await page.keyboard.press('n');
    await expect(page.getByTestId('grid-announce')).toHaveText('Mr Ross: abstain.');
    await expect(counts).toHaveText(`For 2 Against 1 Abstain 2 · voted 5 of ${SURNAMES.length}`);
    await expect(row('Pike').getByTestId('grid-vote')).toHaveText('For clerk');
    await expect(row('Ross').getByTestId('grid-vote')).toHaveText('Abstain clerk');
    // Mr Hook asks the clerk to change his vote to For: the grid records it, and his phone's receipt follows.
    await page.keyboard.type('hook');
    await page.keyboard.press('Enter');
    await page.keyboard.press('f');
    await expect(page.getByTestId('grid-announce')).toHaveText('Mr Hook: for.');
    await expect(row('Hook').getByTestId('grid-vote')).toHaveText('For clerk');
    await expect(counts).toHaveText(`For 3 Against 1 Abstain 1 · voted 5 of ${SURNAMES.length}`);
    await expect(phones[2].getByTestId('member-receipt')).toHaveText(/^For — recorded \d\d:\d\d:\d\d$/);
    await expect(page.getByTestId('division-not-voted')).toHaveText('Not voted (1): Mr Cole');
    await expect(display.getByTestId('display-counts')).toContainText(`Voted 5 of ${SURNAMES.length}`);
    await expect(display.getByText(/Mr (Cole|Meade|Dean|Hook|Pike|Ross)/)).toHaveCount(0);
    // All of it inside the window, which is still open and was not closed by hand.
    await expect(clock).toHaveAttribute('data-phase', 'voting');
    await screenshot(page, 'journey-3-clerk-live-counts');

    // The window closes by itself at its time: the result on the clerk's screen...
    await expect(page.getByTestId('division-result')).toContainText('Motion carried', { timeout: (WINDOW_SECONDS + 3) * 1000 });
    await expect(page.getByTestId('division-tally')).toHaveText('For 3 Against 1 Abstain 1 · did not vote 1');
    const meeting = (await chamber.read(`meeting:${meetingId}`)).data as MeetingState;
    const division = meeting.divisions[0];
    expect(division).toMatchObject({ result: 'carried', tally: { for: 3, against: 1, abstain: 1, notVoted: 1 } });
    // Closed by the core at the window's end (no pause, no more time): not by hand, which would be earlier.
    expect(division.closedAt).toBe(new Date(Date.parse(division.bellEndsAt) + WINDOW_SECONDS * 1000).toISOString());
    // ...on the chamber display: the outcome and the tally, no names...
    await expect(display.getByTestId('display-outcome')).toHaveText('Motion carried');
    await expect(display.getByTestId('display-counts')).toHaveText('For 3Against 1Abstain 1');
    await expect(display.getByText(/Mr (Cole|Meade|Dean|Hook|Pike|Ross)/)).toHaveCount(0);
    await expectAccessible(display);
    await screenshot(display, 'journey-4-display-result');
    // ...and on each phone: the division closed with its result, and the receipt of the vote recorded.
    for (const [i, { surname, choice: tapped }] of PHONES.entries()) {
      const phone = phones[i];
      const vote = meeting.votes[division.id][id(surname)];
      // Mr Hook's vote is the one the clerk changed for him.
      const choice = surname === 'Hook' ? 'For' : tapped;
      expect(vote).toMatchObject({ choice: choice.toLowerCase(), enteredBy: surname === 'Hook' ? 'clerk' : 'member' });
      await expect(phone.getByTestId('member-clock')).toHaveText('Voting has closed: Motion carried');
      await expect(phone.getByTestId('member-receipt')).toHaveText(`${choice} — recorded ${receiptTime(vote.at)}`);
      for (const way of ['For', 'Against', 'Abstain']) await expect(phone.getByRole('button', { name: way, exact: true })).toBeDisabled();
    }
    await screenshot(phones[1], 'journey-5-member-receipt');
    await screenshot(page, 'journey-6-clerk-result');
  } finally {
    for (const phone of phones) await phone.context().close();
    await display?.context().close();
    await served.stop();
  }
});
