// A division taken from the live screen by keyboard, with the chamber display and the chairman's
// view open beside it: the motion before the meeting put to the vote, the bell rung (and heard:
// each page tries to play it) for its few seconds, the voting window's countdown, votes entered on
// the grid by name then F/A/N and for the rest of a group, the live counts everywhere, the window
// closing by itself, and the result with the recorded vote as the minutes print it.
import type { Page } from '@playwright/test';
import { divisionRecordedVote } from '../../shared/procedure/divisionRecord';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import type { BrowserMode } from '../support/browserMode';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { prepareKcc2015 } from './prepare';

const WORDING = 'That this Council supports the Universal Infant Free School Meals initiative.';
const BELL_SECONDS = 5;
const WINDOW_SECONDS = 25;

const GROUPS: Record<string, string> = {
  Harrison: 'Conservative',
  Gates: 'Conservative',
  Allen: 'Conservative',
  Angell: 'Conservative',
  Bowles: 'Conservative',
  Carter: 'Conservative',
  Kite: 'Conservative',
  Vye: 'Liberal Democrat',
  Bird: 'Liberal Democrat',
  Birkby: 'UKIP',
};

/** The 2015 council sitting with ten members present in three groups, item 13 taken, a motion moved and seconded; a 5-second bell and a 25-second window. */
const prepare = async (chamber: BrowserMode) => {
  const { bodyId, meetingId } = await prepareKcc2015(chamber, { ready: true });
  await chamber.post({
    type: 'body.setStandingOrders',
    bodyId,
    standingOrders: { ...defaultStandingOrders('full_council'), quorum: { kind: 'fixed', count: 3 }, divisionBell: { seconds: BELL_SECONDS, chairmanMaySkip: true }, votingWindowSeconds: WINDOW_SECONDS },
  });
  const members = ((await chamber.read(`body:${bodyId}`)).data as BodyState).members;
  const member = (surname: string) => members.find((m) => m.surname === surname && (surname !== 'Harrison' || m.title === 'Mr'))!;
  for (const [surname, group] of Object.entries(GROUPS)) {
    const { id, addedAt: _a, active: _b, ...details } = member(surname);
    await chamber.post({ type: 'member.update', bodyId, memberId: id, member: { ...details, group } });
    await chamber.post({ type: 'attendance.mark', meetingId, memberId: id, state: 'present' });
  }
  await chamber.post({ type: 'meeting.start', meetingId });
  const meeting = (await chamber.read(`meeting:${meetingId}`)).data as MeetingState;
  const itemId = meeting.agenda.find((i) => i.number === '13')!.itemId;
  await chamber.post({ type: 'item.start', meetingId, itemId });
  await chamber.post({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: WORDING, moverId: member('Vye').id, seconderId: member('Bird').id });
  return { bodyId, meetingId };
};

/**
 * Counts each time the page asks to play a sound, and each refusal. On a page opened with
 * `#refuse-first-sound` in its address the first is refused as a browser refuses sound before any
 * click on the page (Chromium here lets every page play).
 */
const COUNT_PLAYS = () => {
  const seen = { plays: 0, refused: 0 };
  (window as unknown as { __bell: typeof seen }).__bell = seen;
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    seen.plays += 1;
    if (seen.plays === 1 && sessionStorage.getItem('refuse-first-sound') === 'yes') {
      seen.refused += 1;
      return Promise.reject(new DOMException('play() can only be initiated by a user gesture.', 'NotAllowedError'));
    }
    const playing = play.call(this);
    playing.catch(() => (seen.refused += 1));
    return playing;
  };
};
const plays = (page: Page) => page.evaluate(() => (window as unknown as { __bell: { plays: number; refused: number } }).__bell);

test('a division by keyboard: the bell on every screen, votes on the grid by name and by group, live counts, the window closing by itself, the result and the recorded vote', async ({ page, context, chamber }) => {
  test.setTimeout(120_000);
  const { bodyId, meetingId } = await prepare(chamber);
  await context.addInitScript(COUNT_PLAYS);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();
  const display = await context.newPage();
  await display.setViewportSize({ width: 1920, height: 1080 });
  // The display refuses the bell's first sound, as a browser does on a page nobody has clicked.
  await display.addInitScript(() => sessionStorage.setItem('refuse-first-sound', 'yes'));
  await display.goto(`${chamber.url}/#/display/${meetingId}`);
  await expect(display.getByText('Motion for Time Limited Debate')).toBeVisible();
  await page.bringToFront();
  const [chair] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Alt+w')]);
  await chair.setViewportSize({ width: 1280, height: 800 });
  await expect(chair.getByTestId('chair-motion')).toContainText('Motion: moved by Mr Vye, seconded by Mr Bird');
  await page.bringToFront();

  // Alt+U: the division panel, at the button that calls it on the motion before the meeting; Enter calls it.
  await page.keyboard.press('Alt+u');
  const callButton = page.getByRole('button', { name: /Call a division \(bell 5 s\)/ });
  await expect(callButton).toBeFocused();
  await expect(page.getByTestId('division')).toContainText(WORDING);
  await page.keyboard.press('Enter');

  // The bell: its countdown on the clerk's screen, the display and the chairman's view.
  const clock = page.getByTestId('division-clock');
  await expect(clock).toHaveAttribute('data-phase', 'bell');
  await expect(clock).toContainText('Division bell');
  await expect(page.getByTestId('division-bell')).toContainText('The bell is ringing: voting opens at');
  await expect(display.getByTestId('display-division')).toHaveAttribute('data-phase', 'bell');
  await expect(display.getByTestId('display-division-clock')).toContainText('Division bell');
  await expect(chair.getByTestId('chair-division-clock')).toHaveAttribute('data-phase', 'bell');
  // The display is open on this same computer, so it rings the bell and the clerk's screen leaves
  // it to it: one bell in the room, not two a moment apart.
  await expect.poll(async () => (await plays(display)).plays).toBeGreaterThan(0);
  await expect(page.getByTestId('division-bell')).toContainText('The chamber display on this computer rings it.');
  expect(await plays(page)).toEqual({ plays: 0, refused: 0 });
  // Refused the sound, the display offers a click to hear it; the click rings it.
  const enable = display.getByRole('button', { name: 'Click to enable the bell’s sound' });
  await expect(enable).toBeVisible();
  await screenshot(display, 'chamber-display-division-bell');
  expect(await display.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
  await screenshot(page, 'live-division-bell');
  await enable.click();
  await expect.poll(async () => (await plays(display)).plays).toBe(2);
  await expect(enable).toHaveCount(0);

  // The voting opens by itself when the bell stops.
  await expect(clock).toHaveAttribute('data-phase', 'voting', { timeout: (BELL_SECONDS + 2) * 1000 });
  await expect(clock).toContainText('Voting open');
  await expect(display.getByTestId('display-division')).toHaveAttribute('data-phase', 'voting');
  await expect(display.getByRole('button', { name: 'Click to enable the bell’s sound' })).toHaveCount(0);

  // By name: a few letters, Enter to the member, then A (against) or N (abstain); the search comes back each time.
  const search = page.getByRole('searchbox', { name: 'Find member voting' });
  await expect(search).toBeFocused();
  await page.keyboard.type('vye');
  await page.keyboard.press('Enter');
  await page.keyboard.press('a');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await page.keyboard.type('bird');
  await page.keyboard.press('Enter');
  await page.keyboard.press('n');
  await expect(page.getByTestId('grid-announce')).toHaveText('Mr Bird: abstain.');
  // The rest of a group: Tab to the group (Conservative comes first), Enter records For for each of its members who has not voted.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/Rest of group/)).toBeFocused();
  await expect(page.getByLabel(/Rest of group/)).toHaveValue('Conservative');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grid-announce')).toHaveText('For: the rest of Conservative, 7 members.');
  // An exception, changed by name: Mr Kite votes against.
  await search.focus();
  await page.keyboard.type('kite');
  await page.keyboard.press('Enter');
  await page.keyboard.press('a');
  await expect(page.getByTestId('grid-announce')).toHaveText('Mr Kite: against.');

  // The live counts, on every screen; who has not voted yet; each vote entered by the clerk.
  await expect(page.getByTestId('division-counts')).toContainText('For 6 Against 2 Abstain 1 · voted 9 of 10');
  await expect(page.getByTestId('division-not-voted')).toHaveText('Not voted (1): Mr Birkby');
  const kiteRow = page.getByTestId('grid-rows').getByRole('row').filter({ hasText: 'Mr Kite' });
  await expect(kiteRow.getByTestId('grid-vote')).toHaveText('Against clerk');
  await expect(display.getByTestId('display-counts')).toContainText('For 6');
  await expect(display.getByTestId('display-counts')).toContainText('Voted 9 of 10');
  await expect(chair.getByTestId('chair-division-counts')).toContainText('For 6 · Against 2 · Abstain 1');
  await expect(display.getByText(/Mr Kite|Mr Vye|Mr Birkby/)).toHaveCount(0);
  // Not everyone has voted: the division cannot close early (the core says why).
  await expect(page.getByRole('button', { name: /Close now/ })).toBeDisabled();
  await screenshot(page, 'live-division-voting');
  await screenshot(display, 'chamber-display-division-voting');
  await screenshot(chair, 'chairmans-view-division');
  await expect(clock).toHaveAttribute('data-phase', 'voting');
  expect(await display.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
  await expectAccessible(page);
  await expectAccessible(display);
  await expectAccessible(chair);

  // The window closes by itself at its time: the result, the tally, the recorded vote.
  const outcome = page.getByTestId('division-result');
  await expect(outcome).toContainText('Motion carried', { timeout: (WINDOW_SECONDS + 3) * 1000 });
  await expect(page.getByTestId('division-tally')).toHaveText('For 6 Against 2 Abstain 1 · did not vote 1');
  const meeting = (await chamber.read(`meeting:${meetingId}`)).data as MeetingState;
  const body = (await chamber.read(`body:${bodyId}`)).data as BodyState;
  const expected = divisionRecordedVote(meeting, body, meeting.divisions[0].id)!;
  expect(expected.split('\n')).toEqual([
    'For (6)',
    expect.stringMatching(/^Mrs \w+ Allen, Mr \w+ Angell, Mr \w+ Bowles, Mr \w+ Carter, Mr \w+ Gates, Mr \w+ Harrison$/),
    'Against (2)',
    expect.stringMatching(/^Mr \w+ Kite, Mr \w+ Vye$/),
    'Abstain (1)',
    expect.stringMatching(/^Mr \w+ Bird$/),
    'Motion carried',
  ]);
  await expect(page.getByTestId('division-recorded')).toHaveText(expected);
  await expect(display.getByTestId('display-outcome')).toHaveText('Motion carried');
  await expect(display.getByTestId('display-counts')).toContainText('Against 2');
  await expect(chair.getByTestId('chair-division')).toContainText('Motion carried');
  expect(meeting.motions[0]).toMatchObject({ status: 'carried' });
  await expectAccessible(page);
  await expectAccessible(display);
  await screenshot(page, 'live-division-result');
  expect(await display.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
  await screenshot(display, 'chamber-display-division-result');
  await screenshot(chair, 'chairmans-view-division-result');

  // Mr Birkby's console failed: the clerk corrects his vote after the close, with the reason; the
  // original stays in the division's record, and the recorded vote follows the correction.
  await page.getByRole('button', { name: 'Correct a vote…' }).click();
  await expect(page.locator('#correct-vote-member')).toBeFocused();
  await page.keyboard.type('Birk');
  await page.keyboard.press('Enter');
  await expect(page.locator('#correct-vote-choice')).toBeFocused();
  await page.locator('#correct-vote-choice').selectOption('against');
  await page.locator('#correct-vote-reason').fill('His console failed; he voted against by a show of hands');
  await page.locator('#correct-vote-reason').press('Enter');
  await expect(page.getByTestId('division-corrections')).toContainText(/Mr Birkby: No vote → Against, at \d\d:\d\d:\d\d \(His console failed; he voted against by a show of hands\)/);
  await expect(page.getByTestId('division-tally')).toHaveText('For 6 Against 3 Abstain 1 · did not vote 0');
  await expect(page.getByTestId('division-recorded')).toContainText('Against (3)');
  await expectAccessible(page);
});
