// The chamber display on the chamber network, as a real device sees it: the page is loaded from the
// network address (not from this computer), carries no token, and updates live while the clerk
// runs the meeting from the clerk's own address.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserMode } from '../support/browserMode';
import { lanAddress } from './chamberNetwork';
import { expect, expectAccessible, screenshot, test } from './fixtures';

test('a display opened from the chamber network address shows the meeting live, and nothing from a private session', async ({ page }) => {
  test.skip(lanAddress === undefined, 'this machine has no network address besides loopback to serve the chamber network on');
  const dataDir = mkdtempSync(join(tmpdir(), 'chamber-e2e-network-'));
  const chamber = await startBrowserMode(dataDir, { built: true, args: ['--host', lanAddress!, '--allow-network'] });
  try {
    const network = new RegExp(`Chamber network:\\s+(http://${lanAddress!.replace(/\./g, '\\.')}:\\d+)/`).exec(chamber.output())![1];
    const { bodyId } = (await chamber.post({ type: 'body.create', name: 'Planning Committee', kind: 'committee' })).body.result.ids;
    const members = ['Cole', 'Meade', 'Dean', 'Hook'].map((surname, i) => ({ title: 'Mr', initials: [], surname, honours: [], group: '', roles: i === 0 ? ['Chairman'] : [], voting: true }));
    await chamber.post({ type: 'member.import', bodyId, source: 'csv', members });
    const body = (await chamber.read(`body:${bodyId}`)).data as { members: { id: string }[] };
    const { meetingId } = (await chamber.post({ type: 'meeting.create', bodyId, title: 'Planning Committee', date: '2026-07-01', startTime: '10:00', venue: 'Committee Room 2' })).body.result.ids;
    await chamber.post({
      type: 'agenda.import',
      meetingId,
      replace: true,
      items: [
        { number: '1', title: 'Land at Manor Farm', kind: 'report' },
        { number: '2', title: 'Acquisition of the Old Depot', kind: 'exempt' },
      ],
    });

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${network}/#/display/${meetingId}`);
    // The page from the network carries no token.
    await expect(page.locator('meta[name="chamber-token"]')).toHaveAttribute('content', '');
    await expect(page.getByText('That meeting is not being shown on the chamber network (it is not in progress).')).toBeVisible();

    for (const m of body.members.slice(0, 3)) await chamber.post({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
    await chamber.post({ type: 'meeting.start', meetingId });
    await expect(page.getByText('The meeting is in progress')).toBeVisible();
    const agenda = (await chamber.read(`meeting:${meetingId}`)).data.agenda as { itemId: string }[];
    await chamber.post({ type: 'item.start', meetingId, itemId: agenda[0].itemId });
    await expect(page.getByRole('heading', { name: 'Land at Manor Farm' })).toBeVisible();
    await expect(page.getByTestId('display-quorum')).toContainText('Quorate · 3 present, 3 needed');
    await expectAccessible(page);
    await screenshot(page, 'chamber-display-network');

    // Private session: the display says so, and nothing on it changes as members come and go.
    await chamber.post({ type: 'item.end', meetingId, itemId: agenda[0].itemId });
    await chamber.post({ type: 'session.private', meetingId, reason: 'Exempt under paragraph 3 of Part 1 of Schedule 12A' });
    await chamber.post({ type: 'item.start', meetingId, itemId: agenda[1].itemId });
    await expect(page.getByText('Private session')).toBeVisible();
    await expect(page.getByTestId('display-quorum')).toHaveCount(0);
    const before = await page.locator('main').innerText();
    await chamber.post({ type: 'attendance.depart', meetingId, memberId: body.members[0].id });
    await chamber.post({ type: 'attendance.mark', meetingId, memberId: body.members[3].id, state: 'present' });
    await page.waitForTimeout(500);
    expect((await page.locator('main').innerText()).replace(/\d\d:\d\d/g, '')).toBe(before.replace(/\d\d:\d\d/g, ''));
    await expect(page.getByText('Old Depot')).toHaveCount(0);

    // The root of the network address says what it is for, and reads nothing else.
    await page.goto(`${network}/`);
    await expect(page.getByRole('heading', { name: 'Chamber on the chamber network' })).toBeVisible();
    await expectAccessible(page);
    // Nor is the chairman's view there: it acts on the clerk's record, so it is the clerk's computer's only.
    await page.goto(`${network}/#/chair/${meetingId}`);
    await expect(page.getByRole('heading', { name: 'Chamber on the chamber network' })).toBeVisible();
    await expect(page.getByText("Chairman's view")).toHaveCount(0);
    await expect(page.getByText('Chairman’s view')).toHaveCount(0);
  } finally {
    await chamber.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
