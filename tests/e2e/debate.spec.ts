// A time-limited debate run by keyboard, the clerk on the live screen and the chairman from the
// chairman's view, with the chamber display open in another page: the motion moved and seconded,
// four speakers and the mover's reply, the warning and the overrun shown, the debate's own clock
// running out and prompting the reply; then the outcome. Amendments, a procedural motion, a point
// of order and the chairman's discretion, recorded from the live screen.
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

test('a time-limited debate from the chairman’s view by keyboard: four speakers and the reply, the warning, the overrun, the debate clock running out', async ({ page, context, chamber }) => {
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
  await expect(motion).toContainText('Motion: moved by Mr Vye, seconded by Mr Bird');
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

  // The chairman's view opens beside the clerk's screen (Alt+W); the chairman runs the debate from it.
  const [chair] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Alt+w')]);
  await chair.setViewportSize({ width: 1280, height: 800 });
  await expect(chair.getByRole('heading', { level: 1 })).toContainText('Motion for Time Limited Debate');
  await expect(chair.getByTestId('chair-motion')).toContainText('Motion: moved by Mr Vye, seconded by Mr Bird');
  await expect(chair.getByTestId('chair-speakers').getByRole('listitem')).toHaveCount(4);
  await expect(chair.getByTestId('chair-spoken')).toContainText('Have spoken on this motion: Mr Kite');

  // The mover (N): the warning at once (six seconds is under the warning), then the overrun, on the
  // chairman's view, the clerk's screen and the chamber display alike.
  await chair.keyboard.press('n');
  const clock = chair.getByTestId('chair-speech-clock');
  await expect(chair.getByTestId('chair-floor')).toContainText('MoverMr Vye');
  await expect(page.getByTestId('floor')).toContainText('Mover Mr Vye');
  await expect(display.getByTestId('display-speaker')).toContainText('Mr Vye');
  await expect(clock).toHaveAttribute('data-state', 'warning');
  await expect(clock).toHaveAttribute('data-state', 'over', { timeout: 12_000 });
  await expect(clock).toContainText('over time');
  await expect(page.getByTestId('speech-clock')).toHaveAttribute('data-state', 'over');
  await expect(display.getByTestId('display-speaker').locator('.speech-clock')).toHaveAttribute('data-state', 'over');
  await expectAccessible(chair);
  await expectAccessible(page);
  await screenshot(chair, 'chairmans-view');
  await screenshot(page, 'live-debate-1366');
  // The display with the speaker and both clocks still fits a 1080-line screen: nothing below the fold.
  expect(await display.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
  await screenshot(display, 'chamber-display-speaker');
  // M: a minute more for the mover, at the chairman's discretion: back under the limit, and recorded.
  await chair.keyboard.press('m');
  await expect(clock).toHaveAttribute('data-state', 'running');
  await expect(chair.getByTestId('chair-floor')).toContainText('More time allowed: 1 min');
  await chair.keyboard.press('x');
  await expect(chair.getByTestId('chair-floor')).toContainText('Nobody has the floor');

  // The seconder by number (1: Mr Bird is first on the list now Mr Vye has spoken), then the rest in turn.
  await expect(chair.getByTestId('chair-speakers').getByRole('listitem').first()).toContainText('Mr Bird');
  await chair.keyboard.press('1');
  await expect(chair.getByTestId('chair-floor')).toContainText('SeconderMr Bird');
  await chair.keyboard.press('x');
  for (const [name, role] of [
    ['Mr Carter', 'Speaking'],
    ['Mr Bowles', 'Speaking'],
  ]) {
    await chair.keyboard.press('n');
    await expect(chair.getByTestId('chair-floor')).toContainText(`${role}${name}`);
    await chair.keyboard.press('x');
    await expect(chair.getByTestId('chair-floor')).toContainText('Nobody has the floor');
  }

  // The debate's hour (a minute here) has run out: the chairman is told to move to the reply, and R calls it.
  await expect(chair.getByTestId('debate-expired')).toContainText('call the mover’s right of reply (R), then put the motion', { timeout: 10_000 });
  await expect(page.getByTestId('debate-expired')).toContainText('call the mover’s right of reply, then put the motion');
  await expect(display.getByTestId('display-debate').locator('.speech-clock')).toHaveAttribute('data-state', 'over');
  await screenshot(chair, 'chairmans-view-debate-over');
  await chair.keyboard.press('r');
  await expect(chair.getByTestId('chair-floor')).toContainText('Right of replyMr Vye');
  await expect(page.getByTestId('floor')).toContainText('Right of reply Mr Vye');
  await chair.keyboard.press('x');
  await expect(chair.getByTestId('chair-floor')).toContainText('Nobody has the floor');
  await screenshot(display, 'chamber-display-debate');
  await page.bringToFront();

  await page.getByRole('button', { name: 'Carried', exact: true }).click();
  await expect(page.getByTestId('motion')).toHaveCount(0);
  const meeting = (await chamber.read(`meeting:${meetingId}`)).data as { motions: { status: string; spokenBy: string[]; replied?: boolean }[]; speeches: { role: string; limitSeconds: number }[] };
  expect(meeting.motions[0]).toMatchObject({ status: 'carried', spokenBy: [id('Kite'), id('Vye'), id('Bird'), id('Carter'), id('Bowles')], replied: true });
  expect(meeting.speeches.map((s) => s.role)).toEqual(['other', 'mover', 'seconder', 'other', 'other', 'right_of_reply']);
  expect(meeting.speeches[1]).toMatchObject({ limitSeconds: 66, extensions: [{ seconds: 60, reason: 'The chairman allowed a minute more' }] });
});

test('an amendment, the closure, a point of order and a second speech allowed by the chairman, recorded from the live screen', async ({ page, chamber }) => {
  test.setTimeout(90_000);
  const { meetingId, itemId, id } = await prepare(chamber);
  await chamber.post({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: WORDING, moverId: id('Vye'), seconderId: id('Bird') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByTestId('motion')).toContainText('Motion: moved by Mr Vye, seconded by Mr Bird');

  // An amendment (Alt+V, from whichever panel is open): its words, the motion as it would read (offered as the motion stands), mover and seconder.
  await page.keyboard.press('Alt+v');
  await expect(page.getByLabel('Record Alt+V')).toBeFocused();
  await page.getByLabel('Record Alt+V').selectOption({ label: 'An amendment is moved' });
  await page.getByLabel('The amendment').fill('Add at the end "and asks the Cabinet Member to report back".');
  const resulting = page.getByLabel('The motion as amended would read');
  await expect(resulting).toHaveValue(WORDING);
  await resulting.fill(`${WORDING.slice(0, -1)} and asks the Cabinet Member to report back.`);
  await page.getByRole('combobox', { name: /^Moved by/ }).fill('carter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('bowles');
  await page.keyboard.press('Enter');
  await page.getByLabel('Reserves their speech').check();
  await page.getByRole('button', { name: /^Record Enter/ }).click();
  const motion = page.getByTestId('motion');
  await expect(motion).toContainText('Amendment: moved by Mr Carter, seconded by Mr Bowles (reserving their speech)');
  await expect(page.getByTestId('substantive')).toContainText('The motion: That this Council supports');

  // Mr Carter moves it; a point of order from Mr Kite pauses him (Alt+Q), and he resumes.
  await chamber.post({ type: 'speaker.add', meetingId, memberId: id('Carter') });
  await page.keyboard.press('Alt+k');
  await expect(page.getByTestId('floor')).toContainText('Mover of the amendment Mr Carter');
  await page.keyboard.press('Alt+q');
  await expect(page.getByLabel('Interrupt Alt+Q')).toBeFocused();
  await page.getByRole('combobox', { name: 'By' }).fill('kite');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByTestId('floor')).toContainText('Point of order Mr Kite');
  await expect(page.getByTestId('interrupted')).toHaveText('Mr Carter’s speech is paused');
  await page.keyboard.press('Alt+x');
  await expect(page.getByTestId('floor')).toContainText('Mover of the amendment Mr Carter');
  await page.keyboard.press('Alt+x');

  // Mr Carter asks again: he has spoken, so the chairman must allow it, with a reason that is recorded.
  await chamber.post({ type: 'speaker.add', meetingId, memberId: id('Carter') });
  await expect(page.getByTestId('speakers')).toContainText('has spoken');
  await page.getByRole('button', { name: 'Allow another speech' }).click();
  await expect(page.getByLabel('The chairman’s reason')).toBeFocused();
  await page.getByLabel('The chairman’s reason').fill('To answer a question of fact');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('floor')).toContainText('Mr Carter');
  await page.keyboard.press('Alt+x');

  // The closure, moved by Mr Kite and seconded by Mr Harrison, carried; then the amendment carried on a show of hands.
  await page.keyboard.press('Alt+v');
  await page.getByLabel('Record Alt+V').selectOption({ label: 'A procedural motion is moved' });
  await expect(page.getByLabel('Words')).toHaveValue('That the question be now put.');
  await page.getByRole('combobox', { name: /^Moved by/ }).fill('kite');
  await page.keyboard.press('Enter');
  await page.keyboard.type('harrison');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /^Record Enter/ }).click();
  await expect(motion).toContainText('That the question be now put: moved by Mr Kite, seconded by Mr M Harrison');
  await expect(page.getByTestId('amendment')).toContainText('The amendment: Add at the end');
  await page.getByRole('button', { name: 'Carried', exact: true }).click();
  await expect(motion).toContainText('Amendment: moved by Mr Carter');
  await page.getByRole('textbox', { name: 'For', exact: true }).fill('5');
  await page.getByRole('textbox', { name: 'Against', exact: true }).fill('1');
  await page.getByRole('button', { name: 'Carried', exact: true }).click();
  // The amended motion is now the motion before the meeting, in its new words.
  await expect(motion).toContainText('Motion: moved by Mr Vye, seconded by Mr Bird');
  await expect(motion.getByLabel('Wording')).toHaveText(/and asks the Cabinet Member to report back\.$/);
  await expect(page.getByTestId('decided')).toContainText('That the question be now put (Mr Kite): Carried');
  await expect(page.getByTestId('decided')).toContainText('Amendment (Mr Carter): Carried 5–1');

  // A ruling of the chairman, for the minutes.
  await page.keyboard.press('Alt+v');
  await page.getByLabel('Record Alt+V').selectOption({ label: 'The chairman’s ruling' });
  await page.getByLabel('Ruling, in short').fill('The amendment is relevant to the motion and in order.');
  await page.keyboard.press('Enter');
  await expectAccessible(page);
  await screenshot(page, 'live-debate-amendment-1366');

  const meeting = (await chamber.read(`meeting:${meetingId}`)).data as {
    motions: { kind: string; procedure?: string; status: string; versions: { text: string }[]; outcome?: { how: string; for?: number }; seconderReserves: boolean }[];
    speeches: { role: string; override?: string; memberId?: string }[];
    rulings: { text: string }[];
  };
  expect(meeting.motions.map((m) => [m.kind, m.procedure, m.status])).toEqual([
    ['substantive', undefined, 'open'],
    ['amendment', undefined, 'carried'],
    ['procedural', 'closure', 'carried'],
  ]);
  expect(meeting.motions[0].versions.map((v) => v.text)).toEqual([WORDING, `${WORDING.slice(0, -1)} and asks the Cabinet Member to report back.`]);
  expect(meeting.motions[1].outcome).toMatchObject({ how: 'show_of_hands', for: 5 });
  expect(meeting.motions[1].seconderReserves).toBe(true);
  // The mover of an amendment has no right of reply: speaking again, with the chairman's leave, he speaks as any member.
  expect(meeting.speeches.map((s) => s.role)).toEqual(['amendment_mover', 'point_of_order', 'other']);
  expect(meeting.speeches[2]).toMatchObject({ memberId: id('Carter'), override: 'To answer a question of fact' });
  expect(meeting.rulings.map((r) => r.text)).toEqual(['The amendment is relevant to the motion and in order.']);
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
