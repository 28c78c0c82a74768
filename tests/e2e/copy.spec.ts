// "Copy as next meeting": the form proposes the body's usual next date, and the new meeting's
// agenda repeats the standing items, names the meeting copied in its minutes item and carries
// forward the business deferred, not what was taken or withdrawn.
import type { BrowserMode } from '../support/browserMode';
import { kcc2015AgendaItems, kcc2015Membership } from '../support/kcc2015';
import { expect, expectAccessible, sent, test } from './fixtures';

/** Kent County Council, its meeting of 22 October 2015 and that of 10 December 2015, held. */
const holdDecember2015 = async (chamber: BrowserMode) => {
  const ok = (command: Record<string, unknown>) => sent(chamber, command);
  const { bodyId } = await ok({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' });
  await ok({ type: 'member.import', bodyId, source: 'present_paragraph', members: kcc2015Membership().slice(0, 10) });
  const details = { type: 'meeting.create', bodyId, title: 'County Council', startTime: '10:00', venue: 'Council Chamber, Sessions House' };
  const { meetingId: october } = await ok({ ...details, date: '2015-10-22' });
  const { meetingId: december } = await ok({ ...details, date: '2015-12-10', startTime: '10:30' });
  await ok({ type: 'agenda.import', meetingId: december, items: kcc2015AgendaItems(), replace: true });
  const agenda = (await chamber.read(`meeting:${december}`)).data.agenda as { itemId: string; number: string }[];
  const item = (number: string) => agenda.find((i) => i.number === number)!.itemId;
  await ok({ type: 'meeting.start', meetingId: december });
  await ok({ type: 'item.start', meetingId: december, itemId: item('7') });
  await ok({ type: 'item.end', meetingId: december, itemId: item('7') });
  await ok({ type: 'item.defer', meetingId: december, itemId: item('8'), reason: 'To come back with the revised costs' });
  await ok({ type: 'item.withdraw', meetingId: december, itemId: item('9'), reason: 'Withdrawn by the Corporate Director' });
  await ok({ type: 'meeting.close', meetingId: december });
  return { october, december };
};

test('copying a held meeting proposes the usual next date and carries forward the business deferred', async ({ page, chamber }) => {
  const { october, december } = await holdDecember2015(chamber);
  await page.goto(`${chamber.url}/#/meetings/${december}`);
  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeFocused();
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { name: 'Next meeting of Kent County Council' })).toBeVisible();

  // Seven weeks after 10 December 2015, as 10 December was seven weeks after 22 October; same time.
  await expect(page.getByLabel('Date')).toHaveValue('28/01/2016');
  await expect(page.getByLabel('Start time (24-hour)')).toHaveValue('10:30');
  await expect(page.getByText('Proposed for Thursday, 28 January 2016: 7 weeks after this meeting, as this meeting was after the one on Thursday, 22 October 2015.')).toBeVisible();
  await expectAccessible(page);

  // The clerk moves it a week, typing the year in two digits.
  await page.getByLabel('Date').fill('4/2/16');
  await page.getByLabel('Date').press('Enter');
  await expect(page.getByText('Thursday, 4 February 2016')).toBeVisible();
  const copied = /#\/meetings\/([0-9a-f-]{36})$/.exec(page.url())![1];
  expect(copied).not.toBe(december);

  const summary = page.locator('.agenda-summary > li');
  await expect(summary).toHaveText([
    '1. Apologies for Absence',
    '2. Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the agenda',
    '3. Minutes of the meeting held on 10 December 2015 and, if in order, to be approved as a correct record',
    "4. Chairman's Announcements",
    '5. Questions',
    '6. Report by Leader of the Council (Oral)',
    "7. Dependent Carers' Allowance",
    '8. Select Committee - Corporate Parenting',
    '9. Health and Wellbeing Board - Annual Report',
    '10. Embedding strategic commissioning as business as usual',
    '11. Motion for Time Limited Debate',
  ]);
  const meeting = (await chamber.read(`meeting:${copied}`)).data;
  expect(meeting).toMatchObject({ date: '2016-02-04', startTime: '10:30', status: 'draft', copiedFrom: december });

  // A body's meeting with no earlier one: four weeks later.
  await page.goto(`${chamber.url}/#/meetings/${october}`);
  await expect(page.getByRole('heading', { name: 'County Council', level: 1 })).toBeFocused();
  await page.keyboard.press('c');
  await expect(page.getByLabel('Date')).toHaveValue('19/11/2015');
  await expect(page.getByText('Proposed for Thursday, 19 November 2015: 4 weeks after this meeting, as Kent County Council has no earlier meeting here.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /Copy as next meeting/ })).toBeVisible();
});
