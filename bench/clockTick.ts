// React commits while a speech clock runs, on the chairman's view and on the clerk's live screen
// (debate panel open): over ten seconds of a speech in a time-limited debate, how many commits a
// second, and which components render in them. Goal: only the clock components (SpeechClock and
// the DebateClock around it), once a second each, never the screen around them. Then the same
// while a division's voting window runs down, on the live screen's division panel, the chairman's
// view and the chamber display: only the DivisionClock (and the time of day) each second. Counted in the
// built renderer in Chromium, through React's own commit hook (the one its devtools use).
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveChromium } from '../scripts/chromium';
import { startBrowserMode } from '../tests/support/browserMode';
import { prepareKcc2015 } from '../tests/e2e/prepare';
import { defaultStandingOrders } from '../shared/procedure/standingOrders';
import type { Row } from './stats';

const SECONDS = 10;
// The clock components: each keeps its own tick (the time of day, the item's time, the speech, the
// debate, the groups' time, the time field's "now").
const CLOCKS = new Set(['SpeechClock', 'DebateClock', 'ElapsedTime', 'TimeOfDay', 'GroupTimes', 'TimeField', 'DivisionClock']);

/**
 * Installed before the page loads: React calls it on every commit; it notes each component that
 * rendered. Plain JavaScript in a string, as the page receives it (a function here would carry the
 * TypeScript runner's helpers with it).
 */
const COMMIT_HOOK = `(() => {
  const seen = { commits: 0, rendered: {} };
  window.__commits = seen;
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const walk = (fiber) => {
    if (COMPONENT_TAGS.has(fiber.tag) && (fiber.flags & 1) === 1 && typeof fiber.type !== 'string') {
      const name = (fiber.type && (fiber.type.displayName || fiber.type.name)) || '?';
      seen.rendered[name] = (seen.rendered[name] || 0) + 1;
    }
    // A subtree React did not visit keeps its children: nothing under it rendered.
    if (fiber.alternate && fiber.child === fiber.alternate.child) return;
    for (let child = fiber.child; child; child = child.sibling) walk(child);
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: (_id, root) => {
      seen.commits += 1;
      walk(root.current);
    },
  };
})();`;

const measure = async (page: Page) => {
  await page.evaluate(() => {
    const c = (window as unknown as { __commits: { commits: number; rendered: Record<string, number> } }).__commits;
    c.commits = 0;
    c.rendered = {};
  });
  await page.waitForTimeout(SECONDS * 1000);
  return page.evaluate(() => (window as unknown as { __commits: { commits: number; rendered: Record<string, number> } }).__commits);
};

const row = (where: string, seen: { commits: number; rendered: Record<string, number> }, what = 'Speech clock running'): Row => {
  const others = Object.entries(seen.rendered).filter(([name]) => !CLOCKS.has(name));
  const clocks = Object.entries(seen.rendered).filter(([name]) => CLOCKS.has(name));
  return {
    measure: `${what}, ${where}: React commits a second (components rendered)`,
    p50: (seen.commits / SECONDS).toFixed(1),
    p99: '',
    baseline: '1 a second',
    ratio: clocks.map(([n, c]) => `${n} ${(c / SECONDS).toFixed(1)}/s`).join(', ') + (others.length ? `; others: ${others.map(([n, c]) => `${n} ${c}`).join(', ')}` : '; nothing else'),
    goal: `the clocks only ${others.length === 0 ? '✓' : '✗'}`,
  };
};

export const benchClockTick = async (): Promise<Row[]> => {
  const found = resolveChromium({ playwrightChromium: () => chromium.executablePath() });
  const skipped = (why: string): Row[] => [{ measure: 'Speech clock running: React commits a second', p50: '', p99: '', baseline: '', ratio: '', goal: `skipped: ${why}` }];
  if (!existsSync(join('dist', 'core', 'web.mjs'))) return skipped('dist/ is not built (npm run build)');
  if (!found.found) return skipped('no Chromium here');
  const executable = found.path;
  const dataDir = mkdtempSync(join(tmpdir(), 'chamber-bench-clock-'));
  const chamber = await startBrowserMode(dataDir, { built: true });
  const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
  try {
    const { bodyId, meetingId } = await prepareKcc2015(chamber, { ready: true });
    const members = (await chamber.read(`body:${bodyId}`)).data.members as { id: string; surname: string; title: string }[];
    const id = (surname: string) => members.find((m) => m.surname === surname && m.title === 'Mr')!.id;
    // A voting window of ten minutes, so that it runs down through the measure.
    await chamber.post({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('full_council'), quorum: { kind: 'fixed', count: 3 }, votingWindowSeconds: 600 } });
    for (const surname of ['Vye', 'Bird', 'Carter', 'Bowles', 'Kite']) await chamber.post({ type: 'attendance.mark', meetingId, memberId: id(surname), state: 'present' });
    await chamber.post({ type: 'meeting.start', meetingId });
    const agenda = (await chamber.read(`meeting:${meetingId}`)).data.agenda as { itemId: string; number: string }[];
    const itemId = agenda.find((i) => i.number === '13')!.itemId;
    await chamber.post({ type: 'item.start', meetingId, itemId });
    await chamber.post({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'That this Council supports the motion.', moverId: id('Vye'), seconderId: id('Bird') });
    for (const surname of ['Bird', 'Carter', 'Bowles']) await chamber.post({ type: 'speaker.add', meetingId, memberId: id(surname) });
    await chamber.post({ type: 'speech.start', meetingId, memberId: id('Vye'), role: 'mover' });

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript({ content: COMMIT_HOOK });
    const chair = await context.newPage();
    await chair.goto(`${chamber.url}/#/chair/${meetingId}`);
    await chair.getByTestId('chair-speech-clock').waitFor();
    await chair.waitForTimeout(1500);
    const onChair = await measure(chair);
    await chair.close();

    const live = await context.newPage();
    await live.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
    await live.getByRole('tablist', { name: 'Panels' }).waitFor();
    await live.keyboard.press('Alt+f');
    await live.getByTestId('speech-clock').waitFor();
    await live.waitForTimeout(1500);
    const onLive = await measure(live);
    await live.close();

    // A division on the motion, the bell skipped: its voting window runs down on every screen.
    await chamber.post({ type: 'speech.end', meetingId });
    const motion = ((await chamber.read(`meeting:${meetingId}`)).data.motions as { id: string }[])[0].id;
    await chamber.post({ type: 'division.call', meetingId, motionId: motion, skipBell: true });
    const divisionLive = await context.newPage();
    await divisionLive.goto(`${chamber.url}/#/meetings/${meetingId}/live`);
    await divisionLive.getByRole('tablist', { name: 'Panels' }).waitFor();
    await divisionLive.keyboard.press('Alt+u');
    await divisionLive.getByTestId('division-clock').waitFor();
    await divisionLive.waitForTimeout(1500);
    const onDivisionLive = await measure(divisionLive);
    await divisionLive.close();
    const divisionChair = await context.newPage();
    await divisionChair.goto(`${chamber.url}/#/chair/${meetingId}`);
    await divisionChair.getByTestId('chair-division-clock').waitFor();
    await divisionChair.waitForTimeout(1500);
    const onDivisionChair = await measure(divisionChair);
    await divisionChair.close();
    const display = await context.newPage();
    await display.goto(`${chamber.url}/#/display/${meetingId}`);
    await display.getByTestId('display-division-clock').waitFor();
    await display.waitForTimeout(1500);
    const onDisplay = await measure(display);
    return [
      row("the chairman's view", onChair),
      row('the live screen, debate panel', onLive),
      row('the live screen, division panel', onDivisionLive, 'Division clock running'),
      row("the chairman's view", onDivisionChair, 'Division clock running'),
      row('the chamber display', onDisplay, 'Division clock running'),
    ];
  } finally {
    await browser.close();
    await chamber.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
