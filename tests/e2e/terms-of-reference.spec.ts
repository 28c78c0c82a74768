// A joint committee run by its own terms of reference, from the clerk's screens: the Kent and
// Medway Integrated Care Partnership (tests/fixtures/terms/icp.json) set up through the API; its
// quorum explained on the body's screen; inquorate with nobody from the ICB, and said so on the
// live screen and the chamber display; the Chair withdrawn from an item and the other Leader
// presiding for it, by the presiding list; the public excluded for the reason its own terms give.
// Then video attendance at the Chair's discretion: the Chair's ruling recorded by Alt+Shift+V, the
// quorum following it; and a non-voting member listed apart from the voting members.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MINUTES_STYLE } from '../../shared/minutes/style';
import { expect, expectAccessible, screenshot, sent, test } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const icp = JSON.parse(readFileSync(path.join(here, '../fixtures/terms/icp.json'), 'utf8')) as {
  body: { name: string; kind: string };
  quorum: unknown;
  presidingOrder: string[];
  castingVote: boolean;
  simpleMajorityOf: string;
  virtualAttendanceCounts: object;
  deputies: object;
  members: { surname: string }[];
};
const REASON = 'Publicity would be prejudicial to the public interest by reason of the confidential nature of the business (Public Bodies (Admission to Meetings) Act 1960, section 1(2)).';

test('the Integrated Care Partnership by its terms: quorum conditions, who presides, and its own reason for excluding the public', async ({ page, chamber }) => {
  test.setTimeout(90_000);
  const ok = (command: Record<string, unknown>) => sent(chamber, command);
  const { bodyId } = await ok({ type: 'body.create', name: icp.body.name, kind: icp.body.kind });
  await ok({ type: 'member.import', bodyId, source: 'csv', members: icp.members });
  const body = (await chamber.read(`body:${bodyId}`)) as { data: { standingOrders: object; members: { id: string; surname: string }[] } };
  await ok({
    type: 'body.setStandingOrders',
    bodyId,
    standingOrders: { ...body.data.standingOrders, quorum: icp.quorum, presidingOrder: icp.presidingOrder, castingVote: icp.castingVote, simpleMajorityOf: icp.simpleMajorityOf, exclusionReasons: [REASON] },
  });
  const id = (surname: string) => body.data.members.find((m) => m.surname === surname)!.id;
  const { meetingId } = await ok({ type: 'meeting.create', bodyId, title: icp.body.name, date: '2026-12-10', startTime: '14:00', venue: 'Sessions House, Maidstone' });
  await ok({ type: 'agenda.import', meetingId, replace: true, items: ['Apologies', 'Strategy refresh', 'Joint forward plan'].map((title, i) => ({ number: String(i + 1), title, kind: 'report' })) });
  for (const surname of ['Gough', 'Watts', 'Bell', 'Jarrett', 'Wildey', 'Hall', 'Smith', 'Ward', 'Allen']) await ok({ type: 'attendance.mark', meetingId, memberId: id(surname), state: 'present' });

  // The body's screen says the rule in words.
  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await expect(page.getByText(/9 members, with at least 1 member from each of Kent County Council, Medway Council and Kent and Medway ICB; and at least 1 of the members who are Statutory System Leader/)).toBeVisible();

  // Nine present, nobody from the ICB: inquorate, and why, on the live screen and the chamber display.
  await ok({ type: 'meeting.start', meetingId });
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  const quorum = page.getByTestId('quorum');
  await expect(quorum).toContainText('Inquorate');
  await expect(page.getByTestId('quorum-missing')).toHaveText('No member from Kent and Medway ICB present');
  const display = await page.context().newPage();
  await display.goto(`${chamber.url}/#/display/${meetingId}`);
  await expect(display.getByTestId('display-inquorate')).toContainText('Inquorate — business suspended');
  await expect(display.getByTestId('display-quorum-missing')).toHaveText('No member from Kent and Medway ICB present');
  await expectAccessible(display);
  await screenshot(display, 'terms-icp-display-inquorate');
  await expectAccessible(page);
  await screenshot(page, 'terms-icp-inquorate');

  // The ICB Chair arrives: quorate everywhere.
  await ok({ type: 'attendance.mark', meetingId, memberId: id('Gutteridge'), state: 'present' });
  await expect(quorum).toContainText('Quorate');
  await expect(display.getByTestId('display-quorum')).toContainText('Quorate · 10 present, 9 needed');
  await display.close();

  // The Chair declares an interest in item 2 and withdraws: taking it up, the other Leader presides, by the list.
  const meeting = (await chamber.read(`meeting:${meetingId}`)) as { data: { agenda: { itemId: string }[] } };
  const [first, second] = meeting.data.agenda.map((i) => i.itemId);
  await ok({ type: 'chair.take', meetingId, memberId: id('Gough'), capacity: 'chairman' });
  await ok({ type: 'declaration.record', meetingId, memberId: id('Gough'), itemId: second, kind: 'disclosable_pecuniary', withdraws: true, description: 'A director of a provider bidding for the contract' });
  await ok({ type: 'item.start', meetingId, itemId: first });
  await ok({ type: 'item.end', meetingId, itemId: first });
  await ok({ type: 'item.start', meetingId, itemId: second });
  await expect(page.getByTestId('chair')).toContainText('Mr Jarrett');
  await expect(page.getByTestId('chair')).toContainText('Next on the presiding list');
  await expect(page.getByTestId('presiding-list')).toHaveText('By the presiding list: Mr Jarrett presides (Leader of Medway Council): Mr Gough (Chairman) has withdrawn from the item.');

  // Alt+P: the public excluded for the reason the body's own terms give, by keyboard.
  await page.keyboard.press('Alt+p');
  const form = page.getByRole('form', { name: 'Exclude the press and public' });
  await expect(form.getByLabel('Reason, from the body’s terms of reference')).toBeFocused();
  await expect(form.getByLabel('Reason for excluding the press and public (recorded in the minutes)')).toHaveValue(REASON);
  await expectAccessible(page);
  await screenshot(page, 'terms-icp-private');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  const after = (await chamber.read(`meeting:${meetingId}`)) as { data: { privateSessions: { reason: string; to?: string }[] } };
  expect(after.data.privateSessions).toMatchObject([{ reason: REASON }]);
});

test("the Integrated Care Partnership's Chair rules on video attendance, by Alt+Shift+V, and the quorum follows; non-voting members listed apart", async ({ page, chamber }) => {
  test.setTimeout(90_000);
  const ok = (command: Record<string, unknown>) => sent(chamber, command);
  const { bodyId } = await ok({ type: 'body.create', name: icp.body.name, kind: icp.body.kind });
  await ok({ type: 'member.import', bodyId, source: 'csv', members: icp.members });
  // A non-voting participant, as the partnership's terms allow (Healthwatch).
  await ok({ type: 'member.add', bodyId, member: { title: 'Mr', initials: ['S'], surname: 'Inett', honours: [], group: '', roles: [], voting: false, sitsFor: ['Healthwatch Kent'] } });
  const body = (await chamber.read(`body:${bodyId}`)) as { data: { standingOrders: object; members: { id: string; surname: string }[] } };
  await ok({
    type: 'body.setStandingOrders',
    bodyId,
    standingOrders: { ...body.data.standingOrders, quorum: icp.quorum, virtualAttendanceCounts: icp.virtualAttendanceCounts, deputies: icp.deputies },
  });
  // The partnership calls the one presiding its Chair.
  await ok({ type: 'body.setMinutesStyle', bodyId, style: { ...DEFAULT_MINUTES_STYLE, chairman: 'Chair', viceChairman: 'Vice-Chair' } });
  const id = (surname: string) => body.data.members.find((m) => m.surname === surname)!.id;
  const { meetingId } = await ok({ type: 'meeting.create', bodyId, title: icp.body.name, date: '2026-12-10', startTime: '14:00', venue: 'Sessions House, Maidstone' });
  await ok({ type: 'agenda.import', meetingId, replace: true, items: [{ number: '1', title: 'Joint forward plan', kind: 'report' }] });
  // Nine in the room, the ICB Chair on video (the only one from the ICB), and the Healthwatch member.
  for (const surname of ['Gough', 'Watts', 'Bell', 'Jarrett', 'Wildey', 'Hall', 'Smith', 'Ward', 'Allen', 'Inett']) await ok({ type: 'attendance.mark', meetingId, memberId: id(surname), state: 'present' });
  await ok({ type: 'attendance.mark', meetingId, memberId: id('Gutteridge'), state: 'virtual' });
  await ok({ type: 'meeting.start', meetingId });

  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  const quorum = page.getByTestId('quorum');
  const ruling = page.getByTestId('virtual-ruling');
  await expect(quorum).toContainText('Inquorate');
  await expect(ruling).toContainText("Virtual attendance does not count: it is at the Chair's discretion and the Chair has not ruled at this meeting.");

  // The non-voting member is listed in a section of their own, after the voting members, and not among them.
  await expect(page.getByTestId('attendance-rows')).not.toContainText('Inett');
  const nonVoting = page.getByTestId('attendance-rows-non-voting');
  await expect(nonVoting.getByRole('row')).toHaveCount(2);
  await expect(nonVoting.getByRole('row').first()).toHaveText('Non-voting members');
  await expect(nonVoting.getByRole('row').last().getByRole('rowheader')).toHaveText('Mr Inett');
  await expect(page.getByTestId('attendance-rows').getByRole('row')).toHaveCount(17);

  // Alt+Shift+V: the Chair rules that it counts (offered first while nothing counts); Enter records it.
  await page.keyboard.press('Alt+Shift+V');
  const form = page.getByRole('form', { name: 'The Chair’s ruling on virtual attendance' });
  const choice = form.getByLabel('The Chair rules that virtual attendance');
  await expect(choice).toBeFocused();
  await expect(choice).toHaveValue('counts');
  // Alt+Shift+V is not Alt+V: the debate panel's key did not fire with it.
  await expect(page.getByRole('tab', { name: /^Agenda/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await page.keyboard.type('The ICB Chair is joining by video from Maidstone');
  await expectAccessible(page);
  await screenshot(page, 'terms-icp-virtual-ruling-form');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('virtual-ruling-announce')).toHaveText('The Chair’s ruling is recorded: virtual attendance counts. The meeting is quorate again.');
  await expect(quorum).toContainText('Quorate');
  await expect(ruling).toContainText("Virtual attendance counts, by the Chair's ruling.");
  await expect(ruling).toContainText('The ICB Chair is joining by video from Maidstone');
  await expectAccessible(page);
  await screenshot(page, 'terms-icp-virtual-ruling');

  // A later ruling that it does not count: inquorate again, and recorded.
  await page.keyboard.press('Alt+Shift+V');
  await expect(choice).toHaveValue('not');
  await page.keyboard.press('Enter');
  await expect(quorum).toContainText('Inquorate');
  await expect(page.getByTestId('virtual-ruling-announce')).toHaveText('The Chair’s ruling is recorded: virtual attendance does not count. The meeting is now inquorate.');
  await expect(ruling).toContainText("Virtual attendance does not count, by the Chair's ruling.");
  await expect(ruling).toContainText('replacing an earlier ruling');
  const after = (await chamber.read(`meeting:${meetingId}`)) as { data: { quorumChanges: { quorate: boolean }[]; virtualAttendanceRulings: { counts: boolean }[] } };
  expect(after.data.quorumChanges.map((q) => q.quorate)).toEqual([false, true, false]);
  expect(after.data.virtualAttendanceRulings.map((r) => r.counts)).toEqual([true, false]);
});

test("the Health and Wellbeing Board's alternate: the notice date asked before the mark, too little notice refused in words, enough recorded", async ({ page, chamber }) => {
  test.setTimeout(90_000);
  const hwb = JSON.parse(readFileSync(path.join(here, '../fixtures/terms/hwb.json'), 'utf8')) as { body: { name: string; kind: string }; quorum: unknown; deputies: object; members: { surname: string }[] };
  const ok = (command: Record<string, unknown>) => sent(chamber, command);
  const { bodyId } = await ok({ type: 'body.create', name: hwb.body.name, kind: hwb.body.kind });
  await ok({ type: 'member.import', bodyId, source: 'csv', members: hwb.members });
  const read = async () => (await chamber.read(`body:${bodyId}`)) as { data: { standingOrders: object; members: { id: string; surname: string }[] } };
  const body = await read();
  const carter = body.data.members.find((m) => m.surname === 'Carter')!.id;
  await ok({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...body.data.standingOrders, quorum: hwb.quorum, deputies: hwb.deputies } });
  await ok({ type: 'member.add', bodyId, member: { title: 'Mr', initials: ['M'], surname: 'Whiting', honours: [], group: '', roles: [], voting: true, substituteFor: carter } });
  const { meetingId } = await ok({ type: 'meeting.create', bodyId, title: hwb.body.name, date: '2026-12-10', startTime: '10:00', venue: 'Darent Room, Sessions House' });
  await ok({ type: 'agenda.import', meetingId, replace: true, items: [{ number: '1', title: 'Joint Health and Wellbeing Strategy', kind: 'report' }] });
  await ok({ type: 'meeting.start', meetingId });

  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await page.getByLabel('Find member').fill('Whiting');
  await page.keyboard.press('Enter');
  const notice = page.getByRole('form', { name: 'Notice of an alternate' });
  const date = notice.getByLabel('Notice that Mr Whiting attends for Mr Carter received on');
  await expect(date).toBeFocused();
  await expect(notice).toContainText('at least 5 working days before the meeting');
  await expectAccessible(page);
  await screenshot(page, 'terms-hwb-alternate-notice');
  // Monday 7 December for Thursday 10 December: three working days, refused.
  await date.fill('07/12/2026');
  await page.keyboard.press('Enter');
  await expect(page.locator('.attendance .form-error')).toHaveText(
    'The Kent Health and Wellbeing Board accepts an alternate only with notice at least five working days before the meeting; notice received on Monday, 7 December 2026 is three working days before it.',
  );
  await expect(page.getByTestId('attendance-announce')).toHaveText('Mr Whiting: not recorded.');
  // Wednesday 2 December: six working days, recorded in Mr Carter's place.
  await page.getByLabel('Find member').focus();
  await page.keyboard.press('Enter');
  await date.fill('2/12/26');
  await page.keyboard.press('Enter');
  await expect(notice).toBeHidden();
  await expect(page.getByTestId('attendance-rows').getByRole('row').filter({ hasText: 'Whiting' })).toContainText('for Mr Carter');
  await expect(page.getByTestId('attendance-rows').getByRole('row').filter({ hasText: 'Whiting' })).toContainText('Present');
});

test("the standing-orders form: virtual attendance at the Chair's discretion and alternates with notice, saved and read back", async ({ page, chamber }) => {
  const created = await chamber.post({ type: 'body.create', name: 'Kent Health and Wellbeing Board', kind: 'committee' });
  const bodyId = (created.body as { result: { ids: { bodyId: string } } }).result.ids.bodyId;
  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await expect(page.getByRole('heading', { name: 'Kent Health and Wellbeing Board', level: 1 })).toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { name: 'Standing orders: Kent Health and Wellbeing Board' })).toBeFocused();
  const discretion = page.getByLabel('Virtual attendance counts at the Chair’s discretion (ruled at each meeting)');
  const deputies = page.getByLabel('Someone may attend in a member’s place');
  await expect(discretion).not.toBeChecked();
  await expect(deputies).toHaveValue('substitutes');

  // The Chair's discretion with virtual members always counting is refused beside its box.
  await page.getByLabel('Members attending virtually count towards the quorum').check();
  await discretion.check();
  await discretion.press('Enter');
  await expect(discretion).toHaveAccessibleDescription(/the Chair's ruling at each meeting decides the quorum and voting: it cannot also always count/);
  await page.getByLabel('Members attending virtually count towards the quorum').uncheck();

  // Alternates, with a notice that is not a number, then five working days.
  await deputies.selectOption('alternates');
  const notice = page.getByLabel('Notice of an alternate (working days before the meeting)');
  await notice.fill('five');
  await notice.press('Enter');
  await expect(notice).toHaveAccessibleDescription(/must be a whole number/);
  await notice.fill('5');
  await notice.press('Enter');
  await expect(page.getByText(/Standing orders saved at/)).toBeVisible();
  expect(((await chamber.read(`body:${bodyId}`)) as { data: { standingOrders: object } }).data.standingOrders).toMatchObject({
    virtualAttendanceCounts: { quorum: false, voting: false, atChairsDiscretion: true },
    deputies: { kind: 'alternates', noticeWorkingDays: 5 },
  });
  await expectAccessible(page);

  await page.reload();
  await expect(discretion).toBeChecked();
  await expect(deputies).toHaveValue('alternates');
  await expect(notice).toHaveValue('5');
  // No deputies: the notice is no longer asked.
  await deputies.selectOption('none');
  await expect(notice).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Standing orders saved at/)).toBeVisible();
  expect(((await chamber.read(`body:${bodyId}`)) as { data: { standingOrders: { deputies: object } } }).data.standingOrders.deputies).toEqual({ kind: 'none' });
  // The body's screen says the rules in words.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('body-attendance-rules')).toHaveText("Virtual attendance counts at the Chairman's discretion, ruled at each meeting; no deputies: a member cannot be replaced");
});
