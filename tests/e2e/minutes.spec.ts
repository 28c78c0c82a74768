// The minutes screen: a meeting recorded through the API (attendance with apologies, the apologies
// item, a motion moved, seconded and carried without a vote), closed; its draft minutes opened
// from the meeting's page, a paragraph edited by keyboard, then the record corrected under the
// edit, and the clerk shown Chamber's words then and now beside their own; exported as Markdown.
import { readFileSync } from 'node:fs';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import type { BrowserMode } from '../support/browserMode';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { prepareKcc2015 } from './prepare';

const WORDING = 'That this Council supports the Universal Infant Free School Meals initiative.';
const EDITED = 'The Democratic Services Manager reported apologies from Mr Bowles and Mr Kite, who were both on council business.';

/** The 2015 council: four present, two apologies; the apologies item, then a motion carried without a vote; closed. */
const recordMeeting = async (chamber: BrowserMode) => {
  const post = chamber.post.bind(chamber);
  chamber = {
    ...chamber,
    post: async (command: unknown) => {
      const reply = await post(command);
      expect(reply.status, `${(command as { type: string }).type}: ${JSON.stringify(reply.body)}`).toBe(200);
      return reply;
    },
  };
  const { bodyId, meetingId } = await prepareKcc2015(chamber, { ready: true });
  await chamber.post({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('full_council'), quorum: { kind: 'fixed', count: 3 } } });
  const members = ((await chamber.read(`body:${bodyId}`)).data as BodyState).members;
  const id = (surname: string) => members.find((m) => m.surname === surname && m.title === 'Mr')!.id;
  for (const surname of ['Harrison', 'Vye', 'Bird', 'Carter']) await chamber.post({ type: 'attendance.mark', meetingId, memberId: id(surname), state: 'present' });
  for (const surname of ['Bowles', 'Kite']) await chamber.post({ type: 'attendance.mark', meetingId, memberId: id(surname), state: 'apologies' });
  await chamber.post({ type: 'meeting.start', meetingId });
  const { agenda } = (await chamber.read(`meeting:${meetingId}`)).data as MeetingState;
  const apologies = agenda.find((i) => i.kind === 'apologies')!.itemId;
  const motionItem = agenda.find((i) => i.number === '13')!.itemId;
  const previous = agenda.find((i) => i.kind === 'minutes')!.itemId;
  for (const itemId of [apologies, previous]) {
    await chamber.post({ type: 'item.start', meetingId, itemId });
    await chamber.post({ type: 'item.end', meetingId, itemId });
  }
  await chamber.post({ type: 'item.start', meetingId, itemId: motionItem });
  const moved = await chamber.post({ type: 'motion.move', meetingId, itemId: motionItem, kind: 'substantive', wording: WORDING, moverId: id('Vye'), seconderId: id('Bird') });
  await chamber.post({ type: 'motion.resolve', meetingId, motionId: moved.body.result.ids.motionId, outcome: 'carried', how: 'without_vote' });
  await chamber.post({ type: 'item.end', meetingId, itemId: motionItem });
  await chamber.post({ type: 'meeting.close', meetingId });
  return { meetingId, id, previous };
};

test('the draft minutes: a paragraph edited by keyboard, the record corrected under it, the edit kept; exported as Markdown', async ({ page, chamber }) => {
  test.setTimeout(90_000);
  const { meetingId, id } = await recordMeeting(chamber);
  await page.setViewportSize({ width: 1366, height: 900 });

  // From the meeting's page, M.
  await page.goto(`${chamber.url}/#/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'County Council' })).toBeFocused();
  await page.keyboard.press('m');
  await expect(page).toHaveURL(new RegExp(`#/minutes/${meetingId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Minutes: Kent County Council');

  const paper = page.getByRole('region', { name: 'The minutes' });
  await expect(paper.getByRole('heading', { level: 2 })).toHaveText(/^MINUTES of a meeting of the Kent County Council/);
  await expect(paper.locator('.mblock').filter({ hasText: /moved and .+ seconded the following motion:/ })).toHaveCount(1);
  await expect(paper.getByText(WORDING.replace(/^That /, ''), { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'minutes-draft');

  // The apologies paragraph, by keyboard: focus it, Enter, the clerk's words, Ctrl+Enter.
  const apologies = paper.locator('.mblock').filter({ hasText: /apologies from/ }).first();
  await expect(apologies).toHaveAttribute('data-status', 'generated');
  await apologies.focus();
  await page.keyboard.press('Enter');
  const editor = apologies.getByLabel('The paragraph in your words');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(EDITED);
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  await expect(apologies).toHaveAttribute('data-status', 'edited');
  await expect(apologies.locator('.badge')).toHaveText('edited');
  await expect(apologies).toContainText(EDITED);
  await expect(apologies).toBeFocused();
  // ↓ and ↑ move between paragraphs.
  await page.keyboard.press('ArrowDown');
  await expect(apologies).not.toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(apologies).toBeFocused();

  // The record changes under the edit: Mr Kite sent no apologies after all.
  await chamber.post({ type: 'attendance.correct', meetingId, memberId: id('Kite'), state: 'absent', reason: 'Mr Kite sent no apologies' });
  await expect(apologies).toHaveAttribute('data-status', 'changed');
  await expect(apologies.locator('.badge')).toHaveText('record changed since edited');
  const compare = apologies.getByRole('group', { name: 'The record changed since you edited this paragraph' });
  await expect(compare).toContainText('Chamber wrote, when you edited');
  await expect(compare).toContainText('Chamber writes now');
  await expect(compare).toContainText(EDITED);
  await expect(page.getByRole('heading', { name: /1 paragraph needs your attention|paragraphs need your attention/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'minutes-record-changed');
  await apologies.getByRole('button', { name: 'Keep my edit' }).click();
  await expect(apologies).toHaveAttribute('data-status', 'edited');
  await expect(apologies).toContainText(EDITED);

  // A paragraph of the clerk's own after the mover's (Ctrl+Shift+Enter), then struck out (Delete): shown struck, never printed.
  const mover = paper.locator('.mblock').filter({ hasText: /seconded the following motion:/ });
  await mover.focus();
  await page.keyboard.press('Control+Shift+Enter');
  await expect(mover.getByLabel('A new paragraph after this one')).toBeFocused();
  await page.keyboard.type('Mr Vye spoke of the schools in his division.');
  await page.keyboard.press('Control+Enter');
  const added = paper.locator('.mblock[data-key*=":clerk:"]');
  await expect(added).toContainText('Mr Vye spoke of the schools in his division.');
  await expect(added).toHaveAttribute('data-status', 'added');
  await expect(added).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(added).toHaveAttribute('data-status', 'struck');
  await expect(added.locator('.badge')).toHaveText('struck');

  // Printed: only the minutes' words; no buttons, badges, notes for the clerk or struck paragraphs.
  await page.emulateMedia({ media: 'print' });
  await expect(paper.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(apologies).toContainText(EDITED);
  await expect(added).toBeHidden();
  await expect(page.locator('.badge').first()).toBeHidden();
  await expect(page.getByRole('button', { name: 'Markdown' })).toBeHidden();
  await screenshot(page, 'minutes-print');
  await page.emulateMedia({ media: 'screen' });

  // Exported as Markdown: the file carries the heading and the clerk's words.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.getByRole('button', { name: 'Markdown' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const markdown = readFileSync(await download.path(), 'utf8');
  expect(markdown).toContain('MINUTES of a meeting of the Kent County Council');
  expect(markdown).toContain(EDITED);
});

test('the minutes follow the meeting live, and are reached from the live screen by Alt+Shift+M', async ({ page, chamber }) => {
  const { bodyId, meetingId } = await prepareKcc2015(chamber, { ready: true });
  await chamber.post({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('full_council'), quorum: { kind: 'fixed', count: 1 } } });
  const members = ((await chamber.read(`body:${bodyId}`)).data as BodyState).members;
  await chamber.post({ type: 'attendance.mark', meetingId, memberId: members[0].id, state: 'present' });
  await chamber.post({ type: 'meeting.start', meetingId });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();
  await page.keyboard.press('Alt+Shift+M');
  await expect(page).toHaveURL(new RegExp(`#/minutes/${meetingId}$`));
  await expect(page.getByText('The meeting is sitting: the draft follows the record as it is made.')).toBeVisible();
  // Not confirmed while the meeting sits.
  await expect(page.getByRole('button', { name: 'Confirm minute numbers' })).toHaveCount(0);
  await expectAccessible(page);
});

test('the body’s minutes house style: each sentence with how it reads, a warning for a placeholder it does not offer, saved, and restored', async ({ page, chamber }) => {
  const { bodyId } = await prepareKcc2015(chamber, { members: 3 });
  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kent County Council' })).toBeFocused();
  await page.keyboard.press('h');
  await expect(page.getByRole('heading', { name: 'The sentences of Kent County Council’s minutes' })).toBeFocused();
  const moved = page.getByLabel('A motion moved and seconded', { exact: true });
  await expect(moved).toHaveValue('{mover} moved and {seconder} seconded the following motion:');
  await moved.fill('{mover} proposed and {seconder} seconded the motion on {day}:');
  await expect(page.locator('#style-moved-preview')).toHaveText('Reads: Mr Vye proposed and Mr Bird seconded the motion on {day}:');
  await expect(page.locator('#style-moved-unknown')).toHaveText('{day} is not offered by this sentence and would be printed as typed.');
  await moved.fill('{mover} proposed and {seconder} seconded the following motion:');
  await expect(page.locator('#style-moved-unknown')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'minutes-house-style');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'House style saved.' })).toBeVisible();
  const saved = (await chamber.read(`body:${bodyId}`)).data as BodyState;
  expect(saved.minutesStyle?.moved).toBe('{mover} proposed and {seconder} seconded the following motion:');

  // Restore the house style: back in the form, kept when saved.
  await page.keyboard.press('h');
  await page.getByRole('button', { name: 'Restore the house style' }).click();
  await expect(page.getByLabel('A motion moved and seconded', { exact: true })).toHaveValue('{mover} moved and {seconder} seconded the following motion:');
  await page.getByRole('button', { name: /Save the house style/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'House style saved.' })).toBeVisible();
  expect(((await chamber.read(`body:${bodyId}`)).data as BodyState).minutesStyle?.moved).toBe('{mover} moved and {seconder} seconded the following motion:');
});

test('the previous minutes approved on the minutes item, then the minute numbers confirmed: read-only after', async ({ page, chamber }) => {
  const { meetingId } = await recordMeeting(chamber);
  await page.goto(`${chamber.url}/#/minutes/${meetingId}`);
  const paper = page.getByRole('region', { name: 'The minutes' });
  await expect(paper.getByRole('heading', { level: 2 })).toHaveText(/^MINUTES of a meeting of the Kent County Council/);
  await page.getByRole('textbox', { name: 'Held on' }).fill('17/09/2015');
  await page.getByRole('textbox', { name: 'Corrections (optional)' }).fill('the word “Residents” being replaced by “Refugee” in minute 207');
  await page.getByRole('button', { name: 'Record the approval' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded: the minutes of Thursday, 17 September 2015 approved, with corrections.' })).toBeVisible();
  await expect(paper.locator('.mblock').filter({ hasText: /17 September 2015 be approved as a correct record subject to the word “Residents”/ })).toHaveCount(1);

  // Confirming asks first, then the minutes are read-only.
  await page.getByRole('button', { name: 'Confirm minute numbers' }).click();
  await expect(page.getByText(/^Confirm minutes \d+ to \d+\? Kent County Council’s next minute number becomes \d+/)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm the numbers' }).click();
  await expect(page.getByRole('note')).toContainText('were confirmed');
  await expect(page.getByRole('note')).toContainText('read-only');
  const first = paper.locator('.mblock').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('The paragraph in your words')).toHaveCount(0);
  await expect(paper.getByRole('button', { name: /Edit/ })).toHaveCount(0);
  await expectAccessible(page);
});
