// A time-limited debate run from the live screen by keyboard, with the chamber display open in
// another page: the motion moved and seconded, four speakers and the mover's reply, the warning and
// the overrun shown, the debate's own clock running out and prompting the reply; then the outcome.
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { prepareKcc2015 } from './prepare';

const WORDING = 'That this Council supports the Universal Infant Free School Meals initiative.';
/** The motion for time-limited debate as the December 2015 agenda prints it (item 13), which the clerk is offered. */
const AGENDA_MOTION = /^This Council is increasingly concerned by the problem of retaining and recruiting GPs in Kent/;

/** The 2015 council sitting, item 13 (Motion for Time Limited Debate) being taken, with short limits so the clocks run out in a test. */
const prepare = async (chamber: BrowserMode) => {
  const { bodyId, meetingId } = await prepareKcc2015(chamber, { ready: true });
  await chamber.post({
    type: 'body.setStandingOrders',
    bodyId,
    standingOrders: { ...defaultStandingOrders('full_council'), quorum: { kind: 'fixed', count: 3 }, speechLimits: { mover: 6, seconder: 3, otherSpeaker: 3, amendmentMover: 3, rightOfReply: 3 }, timeLimitedDebateMinutes: 1 },
  });
  const members = ((await chamber.read(`body:${bodyId}`)).data as BodyState).members;
  const id = (surname: string, title = 'Mr') => members.find((m) => m.surname === surname && m.title === title)!.id;
  for (const surname of ['Harrison', 'Vye', 'Bird', 'Carter', 'Bowles', 'Kite']) await chamber.post({ type: 'attendance.mark', meetingId, memberId: id(surname), state: 'present' });
  await chamber.post({ type: 'meeting.start', meetingId });
  const meeting = (await chamber.read(`meeting:${meetingId}`)).data as { agenda: { itemId: string; number: string }[] };
  const itemId = meeting.agenda.find((i) => i.number === '13')!.itemId;
  await chamber.post({ type: 'item.start', meetingId, itemId });
  return { meetingId, itemId, id };
};

test('a time-limited debate by keyboard: four speakers and the reply, the warning, the overrun, the debate clock running out', async ({ page, context, chamber }) => {
  test.setTimeout(120_000);
  const { meetingId, id } = await prepare(chamber);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();
  const display = await context.newPage();
  await display.setViewportSize({ width: 1920, height: 1080 });
  await display.goto(`${chamber.url}/#/display/${meetingId}`);
  await expect(display.getByText('Motion for Time Limited Debate')).toBeVisible();
  await page.bringToFront();

  // The motion: Alt+F, its words as the agenda printed them, the mover and the seconder by a few letters each, Enter.
  await page.keyboard.press('Alt+f');
  const wording = page.getByLabel('Motion', { exact: true });
  await expect(wording).toBeFocused();
  await expect(wording).toHaveValue(AGENDA_MOTION);
  // The agenda printed a proposer and a seconder who are not here today: the clerk is told, and chooses.
  await expect(page.getByTestId('unmatched-proposer')).toHaveText('The agenda names Dr Eddy as proposer, but no member present matches: choose the mover.');
  await expect(page.getByTestId('unmatched-seconder')).toHaveText('The agenda names Ms Harrison as seconder, but no member present matches: choose the seconder.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('vye');
  await page.keyboard.press('Enter');
  await page.keyboard.type('bird');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const motion = page.getByTestId('motion');
  await expect(motion).toContainText('Motion moved by Mr Vye, seconded by Mr Bird');
  await expect(motion.getByLabel('Wording')).toHaveText(AGENDA_MOTION);

  // 55 seconds of the hour's debate already spoken (recorded earlier by the clerk), so that the debate clock runs out during the test.
  const earlier = new Date(Date.now() - 55_000).toISOString();
  await chamber.post({ type: 'speech.start', meetingId, memberId: id('Kite'), role: 'other', time: earlier });
  await chamber.post({ type: 'speech.end', meetingId });

  // Members ask to speak: Alt+F, a few letters, Enter, for each.
  await page.keyboard.press('Alt+f');
  await expect(page.getByRole('combobox', { name: /Asks to speak/ })).toBeFocused();
  for (const name of ['vye', 'bird', 'carter', 'bowles']) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('combobox', { name: /Asks to speak/ })).toHaveValue('');
  }
  const speakers = page.getByTestId('speakers');
  await expect(speakers.getByRole('listitem')).toHaveCount(4);
  await expect(speakers.getByRole('listitem').first()).toContainText('Mr Vye (mover)');

  // The mover: the warning at once (six seconds is under the warning), then the overrun.
  await page.keyboard.press('Alt+k');
  const clock = page.getByTestId('speech-clock');
  await expect(page.getByTestId('floor')).toContainText('Mover Mr Vye');
  await expect(display.getByTestId('display-speaker')).toContainText('Mr Vye');
  await expect(clock).toHaveAttribute('data-state', 'warning');
  await expect(clock).toHaveAttribute('data-state', 'over', { timeout: 12_000 });
  await expect(clock).toContainText('over time');
  await expect(display.getByTestId('display-speaker').locator('.speech-clock')).toHaveAttribute('data-state', 'over');
  await expectAccessible(page);
  await screenshot(page, 'live-debate-1366');
  await screenshot(display, 'chamber-display-speaker');
  await page.keyboard.press('Alt+x');
  await expect(page.getByTestId('floor')).toContainText('Nobody has the floor');

  for (const [name, role] of [
    ['Mr Bird', 'Seconder'],
    ['Mr Carter', 'Speaking'],
    ['Mr Bowles', 'Speaking'],
  ]) {
    await page.keyboard.press('Alt+k');
    await expect(page.getByTestId('floor')).toContainText(`${role} ${name}`);
    await page.keyboard.press('Alt+x');
    await expect(page.getByTestId('floor')).toContainText('Nobody has the floor');
  }

  // The debate's hour (a minute here) has run out: the clerk and the chairman are told to move to the reply.
  await expect(page.getByTestId('debate-expired')).toContainText('call the mover’s right of reply, then put the motion', { timeout: 10_000 });
  await expect(display.getByTestId('display-debate').locator('.speech-clock')).toHaveAttribute('data-state', 'over');
  await page.keyboard.press('Alt+f');
  await page.keyboard.type('vye');
  await page.keyboard.press('Enter');
  await expect(speakers).toContainText('Mr Vye (right of reply)');
  await page.keyboard.press('Alt+k');
  await expect(page.getByTestId('floor')).toContainText('Right of reply Mr Vye');
  await page.keyboard.press('Alt+x');
  await screenshot(display, 'chamber-display-debate');

  await page.getByRole('button', { name: 'Carried' }).click();
  await expect(page.getByTestId('motion')).toHaveCount(0);
  const meeting = (await chamber.read(`meeting:${meetingId}`)).data as { motions: { status: string; spokenBy: string[]; replied?: boolean }[]; speeches: { role: string }[] };
  expect(meeting.motions[0]).toMatchObject({ status: 'carried', spokenBy: [id('Kite'), id('Vye'), id('Bird'), id('Carter'), id('Bowles')], replied: true });
  expect(meeting.speeches.map((s) => s.role)).toEqual(['other', 'mover', 'seconder', 'other', 'other', 'right_of_reply']);
});

test('after SIGKILL during a speech, the speaker, their clock and the debate clock are right on restart', async ({ page, chamber }) => {
  const { meetingId, itemId, id } = await prepare(chamber);
  await chamber.post({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: WORDING, moverId: id('Vye'), seconderId: id('Bird') });
  await chamber.post({ type: 'speech.start', meetingId, memberId: id('Vye'), role: 'mover', time: new Date(Date.now() - 20_000).toISOString() });
  await chamber.kill('SIGKILL');
  const again = await startBrowserMode(chamber.dataDir, { built: true });
  try {
    await page.goto(`${again.url}/#/meetings/${meetingId}/live`);
    await page.keyboard.press('Alt+f');
    await expect(page.getByTestId('floor')).toContainText('Mover Mr Vye');
    // Four seconds allowed, twenty and more spoken: over by sixteen seconds and more, from the stored start.
    await expect(page.getByTestId('speech-clock')).toHaveAttribute('data-state', 'over');
    await expect(page.getByTestId('speech-clock')).toContainText(/\+00:(1[6-9]|[2-5]\d)/);
    await expect(page.getByTestId('debate-clock')).toContainText(/00:(3\d|[0-3]\d)/);
  } finally {
    await again.kill();
  }
});
