// A panel that says "Chair" and "Vice-Chair" (the Corporate Parenting Panel,
// tests/fixtures/terms/corporate-parenting-panel.json, set up through the API with its house
// style): the live screen uses its words, not the council's: the attendance board's role tags,
// the chairman's view button, the debate panel's "the Chair's reason".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MINUTES_STYLE } from '../../shared/minutes/style';
import { expect, expectAccessible, screenshot, sent, test } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const cpp = JSON.parse(readFileSync(path.join(here, '../fixtures/terms/corporate-parenting-panel.json'), 'utf8')) as {
  body: { name: string; kind: string };
  quorum: unknown;
  minutesStyle: { chairman: string; viceChairman: string };
  members: { forenames: string; surname: string; roles: string[]; voting: boolean }[];
};

test('the Corporate Parenting Panel: the live screen says Chair and Vice-Chair, as the panel does', async ({ page, chamber }) => {
  test.setTimeout(60_000);
  const ok = (command: Record<string, unknown>) => sent(chamber, command);
  const { bodyId } = await ok({ type: 'body.create', name: cpp.body.name, kind: cpp.body.kind });
  await ok({ type: 'member.import', bodyId, source: 'csv', members: cpp.members });
  await ok({ type: 'body.setMinutesStyle', bodyId, style: { ...DEFAULT_MINUTES_STYLE, ...cpp.minutesStyle } });
  const body = (await chamber.read(`body:${bodyId}`)) as { data: { members: { id: string; surname: string; voting: boolean }[] } };
  const { meetingId } = await ok({ type: 'meeting.create', bodyId, title: cpp.body.name, date: '2026-12-10', startTime: '10:00', venue: 'Darent Room, Sessions House' });
  await ok({ type: 'agenda.import', meetingId, replace: true, items: [{ number: '1', title: 'Annual report of the Virtual School Kent', kind: 'report' }] });
  for (const member of body.data.members.filter((m) => m.voting).slice(0, 4)) await ok({ type: 'attendance.mark', meetingId, memberId: member.id, state: 'present' });
  await ok({ type: 'meeting.start', meetingId });

  await page.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
  const allen = page.getByRole('row', { name: /Ann Allen/ });
  await expect(allen).toContainText('(Chair)');
  await expect(allen).not.toContainText('Chairman');
  await expect(page.getByRole('row', { name: /Karen Webb/ })).toContainText('(Vice-Chair)');
  await expect(page.getByRole('button', { name: /Chair’s view/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Chairman’s view/ })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'terms-cpp-live');
});
