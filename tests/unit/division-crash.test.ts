// SIGKILL during the voting window, through browser mode as a real process on real time: on
// restart every acknowledged vote is there, the window closes at the time it always would have
// (its remaining time is reckoned from stored instants), and a window that expired while Chamber
// was down is closed on opening, at its closing time, with the result recorded.
import { afterAll, describe, expect, it } from 'vitest';
import { closesAtMs, divisionPhase, windowLeftMs } from '../../shared/procedure/division';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { startBrowserMode, type BrowserMode } from '../support/browserMode';
import { tempFolder } from '../support/meeting';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a division through a SIGKILL', () => {
  const folder = tempFolder();
  let running: BrowserMode | undefined;
  afterAll(async () => {
    await running?.kill();
    folder.remove();
  });

  const send = async (command: Record<string, unknown>) => {
    const reply = await running!.post(command);
    if (reply.status !== 200) throw new Error(`${String(command.type)}: ${JSON.stringify(reply.body)}`);
    return reply.body.result.ids ?? {};
  };
  const meetingOf = async (meetingId: string): Promise<MeetingState> => (await running!.read(`meeting:${meetingId}`)).data;

  /** A committee of five, all present, with a seconded motion before it; no bell. */
  const sitting = async (name: string, votingWindowSeconds: number) => {
    const { bodyId } = await send({ type: 'body.create', name, kind: 'committee' });
    await send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('committee'), votingWindowSeconds, divisionBell: { seconds: 0, chairmanMaySkip: true } } });
    const members = ['Cole', 'Meade', 'Dean', 'Hook', 'Bird'].map((surname) => ({ title: 'Mr', initials: [], surname, honours: [], group: '', roles: [], voting: true }));
    await send({ type: 'member.import', bodyId, source: 'csv', members });
    const body: BodyState = (await running!.read(`body:${bodyId}`)).data;
    const today = new Date().toISOString().slice(0, 10);
    const { meetingId } = await send({ type: 'meeting.create', bodyId, title: name, date: today, startTime: '00:00', venue: '' });
    await send({ type: 'agenda.import', meetingId, replace: true, items: [{ number: '1', title: 'Land at Manor Farm', kind: 'report' }] });
    for (const m of body.members) await send({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
    await send({ type: 'meeting.start', meetingId });
    const itemId = (await meetingOf(meetingId)).agenda[0].itemId;
    await send({ type: 'item.start', meetingId, itemId });
    const { motionId } = await send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'That permission be granted.', moverId: body.members[0].id, seconderId: body.members[1].id });
    return { meetingId, motionId, members: body.members.map((m) => m.id) };
  };

  it('keeps every acknowledged vote, and closes at the same instant after a restart within the window', async () => {
    running = await startBrowserMode(folder.path);
    const { meetingId, motionId, members } = await sitting('Planning Committee', 10);
    const { divisionId } = await send({ type: 'division.call', meetingId, motionId, skipBell: true });
    const choices = ['for', 'for', 'against'] as const;
    for (const [i, choice] of choices.entries()) await send({ type: 'vote.cast', meetingId, divisionId, memberId: members[i], choice });
    const before = (await meetingOf(meetingId)).divisions[0];
    const closesAt = closesAtMs(before);

    await running.kill('SIGKILL');
    running = await startBrowserMode(folder.path);
    const after = await meetingOf(meetingId);
    expect(Object.fromEntries(Object.entries(after.votes[divisionId]).map(([id, v]) => [id, v.choice]))).toEqual({ [members[0]]: 'for', [members[1]]: 'for', [members[2]]: 'against' });
    const division = after.divisions[0];
    expect(closesAtMs(division)).toBe(closesAt);
    // Still open (a restart takes a second or two of the ten): the time left is what was left, less the time Chamber was down.
    const now = Date.now();
    expect(divisionPhase(division, now)).toBe('voting');
    expect(windowLeftMs(division, now)).toBe(closesAt - now);
    expect(after.openDivisionId).toBe(divisionId);
    // The restarted core closes it by itself at its closing time, with no screen open.
    await sleep(Math.max(0, closesAt - Date.now()) + 400);
    const closed = (await meetingOf(meetingId)).divisions[0];
    expect(closed).toMatchObject({ closedAt: new Date(closesAt).toISOString(), tally: { for: 2, against: 1, abstain: 0, notVoted: 2 }, result: 'carried' });
  });

  it('closes a window that expired while Chamber was down, at its closing time', async () => {
    const { meetingId, motionId, members } = await sitting('Licensing Committee', 5);
    const { divisionId } = await send({ type: 'division.call', meetingId, motionId, skipBell: true });
    await send({ type: 'vote.cast', meetingId, divisionId, memberId: members[3], choice: 'against' });
    const closesAt = closesAtMs((await meetingOf(meetingId)).divisions[0]);
    await running!.kill('SIGKILL');
    await sleep(Math.max(0, closesAt - Date.now()) + 200);
    running = await startBrowserMode(folder.path);
    const after = await meetingOf(meetingId);
    expect(after.openDivisionId).toBeUndefined();
    expect(after.divisions[0]).toMatchObject({ closedAt: new Date(closesAt).toISOString(), tally: { for: 0, against: 1, abstain: 0, notVoted: 4 }, result: 'lost' });
    expect(after.motions[0]).toMatchObject({ status: 'lost', outcome: { how: 'division', time: new Date(closesAt).toISOString() } });
    expect(Object.keys(after.votes[divisionId])).toEqual([members[3]]);
  });
});
