// The Health and Wellbeing Board by its terms, from the clerk's screens: each Clinical
// Commissioning Group casts one vote whoever of its representatives attends
// (tests/fixtures/terms/hwb.json, set up through the API); the body's screen says the rule in
// words; the debate panel offers its usual way (consensus first, a show of hands); after a
// division the panel shows how each organisation voted, and the counts are the organisations'.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, screenshot, sent, test } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const hwb = JSON.parse(readFileSync(path.join(here, '../fixtures/terms/hwb.json'), 'utf8')) as {
  body: { name: string; kind: string };
  quorum: unknown;
  presidingOrder: string[];
  castingVote: boolean;
  simpleMajorityOf: string;
  usualDecision: unknown;
  organisationVotes: unknown;
  members: { surname: string }[];
};

test('the Health and Wellbeing Board: two representatives of one CCG cast one vote, and the screens say so', async ({ page, chamber }) => {
  test.setTimeout(90_000);
  const ok = (command: Record<string, unknown>) => sent(chamber, command);
  const { bodyId } = await ok({ type: 'body.create', name: hwb.body.name, kind: hwb.body.kind });
  await ok({ type: 'member.import', bodyId, source: 'csv', members: hwb.members });
  const body = (await chamber.read(`body:${bodyId}`)) as { data: { standingOrders: object; members: { id: string; surname: string }[] } };
  const { quorum, presidingOrder, castingVote, simpleMajorityOf, usualDecision, organisationVotes } = hwb;
  await ok({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...body.data.standingOrders, quorum, presidingOrder, castingVote, simpleMajorityOf, usualDecision, organisationVotes } });
  const id = (surname: string) => body.data.members.find((m) => m.surname === surname)!.id;

  // The body's screen says the rule in words.
  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await expect(page.getByTestId('body-organisation-votes')).toHaveText(
    'West Kent CCG and Swale CCG each cast one vote, whoever of their representatives attends; when its representatives vote differently, it abstains.',
  );
  await expect(page.getByText('decides by consensus first, then a show of hands')).toBeVisible();

  const { meetingId } = await ok({ type: 'meeting.create', bodyId, title: hwb.body.name, date: '2026-12-10', startTime: '10:00', venue: 'Sessions House, Maidstone' });
  await ok({ type: 'agenda.import', meetingId, replace: true, items: [{ number: '1', title: 'Better Care Fund plan', kind: 'report' }] });
  for (const surname of ['Carter', 'Gough', 'Bowes', 'Ayres']) await ok({ type: 'attendance.mark', meetingId, memberId: id(surname), state: 'present' });
  await ok({ type: 'meeting.start', meetingId });
  const meeting = (await chamber.read(`meeting:${meetingId}`)) as { data: { agenda: { itemId: string }[] } };
  const itemId = meeting.data.agenda[0].itemId;
  await ok({ type: 'item.start', meetingId, itemId });
  const { motionId } = await ok({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'That the Better Care Fund plan be agreed.', moverId: id('Carter'), seconderId: id('Gough') });

  // The debate panel offers the Board's usual way.
  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  await page.keyboard.press('Alt+F');
  await expect(page.getByTestId('usual-decision')).toContainText('This body seeks consensus first');
  await expect(page.getByTestId('usual-decision')).toContainText('Votes are usually by a show of hands');
  await expect(page.getByRole('button', { name: 'Agreed by consensus' })).toBeVisible();

  // A division (the Chairman decided otherwise): both West Kent CCG representatives for, one vote.
  const { divisionId } = await ok({ type: 'division.call', meetingId, motionId, skipBell: true });
  for (const [surname, choice] of [['Bowes', 'for'], ['Ayres', 'for'], ['Carter', 'against'], ['Gough', 'abstain']]) await ok({ type: 'vote.cast', meetingId, divisionId, memberId: id(surname), choice });
  await page.keyboard.press('Alt+U');
  await expect(page.getByTestId('division-counts')).toContainText('For 1');
  await expect(page.getByTestId('division-counts')).toContainText('voted 4 of 4');
  await ok({ type: 'division.close', meetingId, divisionId });
  await expect(page.getByTestId('division-tally')).toContainText('For 1');
  await expect(page.getByTestId('division-tally')).toContainText('Against 1');
  await expect(page.getByTestId('division-organisations')).toHaveText('West Kent CCG: for (2 representatives)');
  await expectAccessible(page);
  await screenshot(page, 'terms-hwb-organisation-votes');
});
