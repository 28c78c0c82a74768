// A joint committee run by its own terms of reference, from the clerk's screens: the Kent and
// Medway Integrated Care Partnership (tests/fixtures/terms/icp.json) set up through the API; its
// quorum explained on the body's screen; inquorate with nobody from the ICB, and said so on the
// live screen and the chamber display; the Chair withdrawn from an item and the other Leader
// presiding for it, by the presiding list; the public excluded for the reason its own terms give.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, screenshot, test } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const icp = JSON.parse(readFileSync(path.join(here, '../fixtures/terms/icp.json'), 'utf8')) as {
  body: { name: string; kind: string };
  quorum: unknown;
  presidingOrder: string[];
  castingVote: boolean;
  simpleMajorityOf: string;
  members: { surname: string }[];
};
const REASON = 'Publicity would be prejudicial to the public interest by reason of the confidential nature of the business (Public Bodies (Admission to Meetings) Act 1960, section 1(2)).';

test('the Integrated Care Partnership by its terms: quorum conditions, who presides, and its own reason for excluding the public', async ({ page, chamber }) => {
  test.setTimeout(90_000);
  const ok = async (command: unknown) => {
    const reply = await chamber.post(command);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return (reply.body as { result: { ids: Record<string, string> } }).result.ids;
  };
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
