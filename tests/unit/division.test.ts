// Divisions through the dispatcher on a real SQLite file, with a test clock: the full council of
// 22 October 2015 votes electronically on minute 43's motion. The bell, the window, 72 votes, the
// close at exactly its time and the motion resolved; every refusal in the clerk's words with
// nothing recorded; a vote one millisecond late; a change of vote; the extension; a power cut; the
// casting vote; the core closing the window by itself, and after a crash at the time it closed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import type { RecordedEvent } from '../../shared/events';
import { bellLeftMs, closesAtMs, divisionCounts, divisionPhase, eligibleToVote, notYetVoted, openDivision, windowLeftMs } from '../../shared/procedure/division';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState, Member } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import type { Division } from '../../shared/state/meetingDivision';
import { instantAt } from '../../shared/time';
import type { DivisionTimers } from '../../electron/core/divisionCloser';
import { divisionHandlers } from '../../electron/core/handlers/division';
import type { StateView } from '../../electron/core/handlers';
import type { Change } from '../../shared/state/parts';
import { withSettingsDefaults } from '../../shared/state/settings';
import type { ChamberDisplay } from '../../shared/state/display';
import { kcc2015AgendaItems, kcc2015Membership, KCC_2015_APOLOGIES } from '../support/kcc2015';
import { kccBody, kccMeeting, openTestCore, testClock, type TestCore } from '../support/meeting';

const at = (hhmm: string) => instantAt('2015-10-22', hhmm, 'Europe/London');
const iso = (ms: number) => new Date(ms).toISOString();

/** Timers the test fires by hand: what the core asked for, and when. */
const handTimers = () => {
  const set = new Map<number, { callback: () => void; delayMs: number }>();
  let next = 1;
  const timers: DivisionTimers = {
    set: (callback, delayMs) => {
      set.set(next, { callback, delayMs });
      return next++;
    },
    clear: (handle) => set.delete(handle as number),
  };
  return { timers, pending: () => [...set.values()], fireAll: () => [...set.entries()].forEach(([h, t]) => (set.delete(h), t.callback())) };
};

describe('a division at the full council of 22 October 2015', () => {
  let core: TestCore;
  let clock = testClock(at('14:00'));
  let bodyId: string;
  let meetingId: string;
  let itemId: string;
  let motionId: string;
  let hand = handTimers();
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = () => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  const member = (surname: string): Member => body().members.find((m) => m.surname === surname)!;
  const present = () => {
    const away = new Set<string>(KCC_2015_APOLOGIES.map(([, s]) => s));
    return body().members.filter((m) => !away.has(m.surname));
  };
  const division = (id: string): Division => meeting().divisions.find((d) => d.id === id)!;
  const events = (): RecordedEvent[] => core.log.read(`meeting:${meetingId}`);
  const nowMs = () => clock.now().getTime();
  const call = (extra: Partial<Extract<Command, { type: 'division.call' }>> = {}) => core.send({ type: 'division.call', meetingId, motionId, ...extra }).divisionId;
  const vote = (divisionId: string, memberId: string, choice: 'for' | 'against' | 'abstain', time?: string) =>
    core.send({ type: 'vote.cast', meetingId, divisionId, memberId, choice, ...(time ? { time } : {}) });
  const refusal = (command: Command) => core.refusal(command);

  /** Hand timers unless told `timers: null` (real ones). */
  const open = (options: { timers?: null; clock?: ReturnType<typeof testClock> } = {}) => {
    clock = options.clock ?? testClock(at('14:00'));
    hand = handTimers();
    core = openTestCore({ now: () => clock.now(), ...(options.timers === null ? {} : { divisionTimers: hand.timers }) });
    bodyId = core.send(kccBody).bodyId;
    core.send({ type: 'member.import', bodyId, source: 'present_paragraph', members: kcc2015Membership() });
    meetingId = core.send({ type: 'meeting.create', bodyId, ...kccMeeting }).meetingId;
    core.send({ type: 'agenda.import', meetingId, items: kcc2015AgendaItems(), replace: true });
    const here = new Set(present().map((m) => m.id));
    for (const m of body().members) core.send({ type: 'attendance.mark', meetingId, memberId: m.id, state: here.has(m.id) ? 'present' : 'apologies', time: at('10:00') });
    core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
    itemId = meeting().agenda[5].itemId;
    core.send({ type: 'item.start', meetingId, itemId, time: at('14:00') });
    motionId = core.send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'That the report be agreed.', moverId: member('Vye').id, seconderId: member('Bird').id }).motionId;
  };

  beforeEach(() => open());
  afterEach(() => core.dispose());

  it('rings the bell, opens the window by itself, takes 72 votes, closes at its time, and resolves the motion', () => {
    expect(present()).toHaveLength(74);
    const calledAt = clock.now().toISOString();
    const divisionId = call();
    const d = division(divisionId);
    expect(d).toMatchObject({ id: divisionId, motionId, itemId, calledAt, bellEndsAt: iso(nowMs() + 60_000), bellSkipped: false, windowSeconds: 20, pauses: [] });
    expect(new Set(d.attendanceAtBell)).toEqual(new Set(present().map((m) => m.id)));
    expect(meeting().openDivisionId).toBe(divisionId);
    expect(divisionPhase(d, nowMs())).toBe('bell');
    expect(bellLeftMs(d, nowMs())).toBe(60_000);
    expect(windowLeftMs(d, nowMs())).toBe(20_000);
    const closesAt = closesAtMs(d);
    expect(closesAt).toBe(nowMs() + 80_000);

    clock.advance(60_000);
    expect(divisionPhase(division(divisionId), nowMs())).toBe('voting');
    expect(bellLeftMs(d, nowMs())).toBe(0);
    const voters = present().slice(0, 72);
    voters.forEach((m, i) => {
      vote(divisionId, m.id, i < 60 ? 'for' : i < 70 ? 'against' : 'abstain');
      clock.advance(200);
    });
    expect(windowLeftMs(division(divisionId), nowMs())).toBe(20_000 - 72 * 200);
    expect(divisionCounts(meeting(), divisionId)).toEqual({ for: 60, against: 10, abstain: 2, voted: 72 });
    expect(notYetVoted(meeting(), body(), divisionId)).toEqual(present().slice(72).map((m) => m.id));
    // Two have not voted: it cannot close early.
    expect(refusal({ type: 'division.close', meetingId, divisionId })).toMatchObject({
      code: 'refused',
      message: 'The voting is open until 14:01:20 and 2 members have not voted: it can close early only once every member who may vote has voted.',
      details: { field: 'time' },
    });
    clock.advance(closesAt - nowMs());
    expect(divisionPhase(division(divisionId), nowMs())).toBe('closed');
    core.send({ type: 'division.close', meetingId, divisionId });
    const closed = division(divisionId);
    expect(closed).toMatchObject({ closedAt: iso(closesAt), tally: { for: 60, against: 10, abstain: 2, notVoted: 2 }, result: 'carried' });
    expect(closed.attendanceAtClose).toHaveLength(74);
    expect(meeting().openDivisionId).toBeUndefined();
    expect(meeting().motions[0]).toMatchObject({ status: 'carried', outcome: { result: 'carried', how: 'division', for: 60, against: 10, abstained: 2, divisionId, time: iso(closesAt) } });
    const types = events().map((e) => e.type);
    expect(types.filter((t) => t === 'vote.recorded')).toHaveLength(72);
    expect(types.slice(-2)).toEqual(['division.closed', 'motion.resolved']);
    expect(core.verify().ok).toBe(true);
  });

  it('closes early once every member who may vote has voted, at the time it is closed', () => {
    const divisionId = call({ skipBell: true });
    expect(division(divisionId).bellEndsAt).toBe(division(divisionId).calledAt);
    for (const m of present()) vote(divisionId, m.id, 'against');
    clock.advance(5_000);
    expect(notYetVoted(meeting(), body(), divisionId)).toEqual([]);
    core.send({ type: 'division.close', meetingId, divisionId });
    expect(division(divisionId)).toMatchObject({ closedAt: clock.now().toISOString(), result: 'lost', tally: { for: 0, against: 74, abstain: 0, notVoted: 0 } });
    expect(meeting().motions[0].status).toBe('lost');
  });

  it('refuses to call a division that cannot be called, saying why, and records nothing', () => {
    const speak = () => core.send({ type: 'speech.start', meetingId, memberId: member('Vye').id, role: 'mover' });
    speak();
    expect(refusal({ type: 'division.call', meetingId, motionId })).toMatchObject({ message: 'A member is still speaking: end the speech before the question is put.', details: { field: 'motionId' } });
    core.send({ type: 'speech.end', meetingId });
    const amendment = core.send({ type: 'motion.move', meetingId, itemId, kind: 'amendment', amends: motionId, wording: 'Add "subject to review".', moverId: member('Carter').id }).motionId;
    expect(refusal({ type: 'division.call', meetingId, motionId })).toMatchObject({ message: 'The amendment before the meeting must be put first.', details: { field: 'motionId' } });
    expect(refusal({ type: 'division.call', meetingId, motionId: amendment })).toMatchObject({ message: 'The amendment has not been seconded, so it cannot be put.', details: { field: 'motionId' } });
    core.send({ type: 'motion.withdraw', meetingId, motionId: amendment, reason: '' });
    core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('full_council'), divisionBell: { seconds: 60, chairmanMaySkip: false } } });
    expect(refusal({ type: 'division.call', meetingId, motionId, skipBell: true })).toMatchObject({ message: 'These standing orders do not let the chairman skip the division bell.', details: { field: 'skipBell' } });
    const divisionId = call();
    expect(refusal({ type: 'division.call', meetingId, motionId })).toMatchObject({ message: 'A division is already being taken: close it first.', details: { field: 'motionId' } });
    expect(refusal({ type: 'motion.resolve', meetingId, motionId, outcome: 'carried', how: 'without_vote' })).toMatchObject({ message: 'A division is being taken: its result is recorded when it closes.' });
    expect(refusal({ type: 'motion.withdraw', meetingId, motionId, reason: '' })).toMatchObject({ message: 'A division is being taken on this motion: it cannot be withdrawn until the division closes.', details: { field: 'motionId' } });
    expect(refusal({ type: 'division.close', meetingId, divisionId })).toMatchObject({ message: 'The bell is still ringing: voting opens at 14:01:00.', details: { field: 'time' } });
    // The division holds the item and the sitting until it closes; an adjournment waits for a pause.
    expect(refusal({ type: 'item.end', meetingId, itemId })).toMatchObject({ message: 'A division is being taken on this item: close it before ending the item.', details: { field: 'itemId' } });
    expect(refusal({ type: 'meeting.adjourn', meetingId, reason: 'Fire alarm' })).toMatchObject({ message: 'A division is being taken: pause it before adjourning (its closing waits), or close it.' });
    clock.advance(61_000);
    core.send({ type: 'division.pause', meetingId, reason: 'Fire alarm' });
    core.send({ type: 'meeting.adjourn', meetingId, reason: 'Fire alarm' });
    expect(refusal({ type: 'division.resume', meetingId, reason: 'All clear' }).message).toBe('The meeting is adjourned: resume it before resuming the division.');
    expect(refusal({ type: 'division.call', meetingId, motionId }).message).toBe('The meeting is adjourned: resume it first.');
    core.send({ type: 'meeting.resume', meetingId });
    core.send({ type: 'division.resume', meetingId, reason: 'All clear' });
    expect(divisionPhase(division(divisionId), nowMs())).toBe('voting');
  });

  it('refuses a vote before the window opens, while paused, one millisecond late, and from a member who may not vote; none is counted', () => {
    const divisionId = call();
    const cole = present()[0].id;
    const refuseVote = (memberId: string, time?: string) => refusal({ type: 'vote.cast', meetingId, divisionId, memberId, choice: 'for', ...(time ? { time } : {}) });
    expect(refuseVote(cole)).toMatchObject({ code: 'refused', message: 'The bell is still ringing: voting opens at 14:01:00. The vote was not counted.', details: { field: 'time' } });
    clock.advance(60_000);
    // Members who may not vote.
    const baldock = member('Baldock').id; // sent apologies
    expect(refuseVote(baldock)).toMatchObject({ message: 'Mr Baldock is not recorded as present. The vote was not counted.', details: { field: 'memberId' } });
    expect(eligibleToVote(meeting(), body(), baldock, itemId)).toBe('Mr Baldock is not recorded as present.');
    const carter = member('Carter').id;
    core.send({ type: 'declaration.record', meetingId, memberId: carter, itemId, kind: 'disclosable_pecuniary', description: 'Governor of a school', withdraws: true });
    expect(refuseVote(carter).message).toBe('Mr Carter has withdrawn from this item after declaring an interest. The vote was not counted.');
    const { memberId: coopted } = core.send({ type: 'member.add', bodyId, member: { title: 'Mrs', initials: ['A'], surname: 'Coopted', honours: [], group: '', roles: [], voting: false } });
    core.send({ type: 'attendance.mark', meetingId, memberId: coopted, state: 'present' });
    expect(refuseVote(coopted).message).toBe('Mrs Coopted is not a voting member of this body. The vote was not counted.');
    const { memberId: remote } = core.send({ type: 'member.add', bodyId, member: { title: 'Mr', initials: ['R'], surname: 'Remote', honours: [], group: '', roles: [], voting: true } });
    core.send({ type: 'attendance.mark', meetingId, memberId: remote, state: 'virtual' });
    expect(refuseVote(remote).message).toBe('Mr Remote is attending virtually, and these standing orders do not let members attending virtually vote. The vote was not counted.');
    expect(refusal({ type: 'vote.cast', meetingId, divisionId: '00000000-0000-4000-8000-000000000000', memberId: cole, choice: 'for' })).toMatchObject({ code: 'not_found', details: { field: 'divisionId' } });
    // A power cut: no vote while paused.
    core.send({ type: 'division.pause', meetingId, reason: 'Power cut in the chamber' });
    expect(refuseVote(cole)).toMatchObject({ message: 'The division is paused: no vote is taken until it resumes. The vote was not counted.' });
    clock.advance(30_000);
    core.send({ type: 'division.resume', meetingId, reason: 'Power restored' });
    const closesAt = closesAtMs(division(divisionId));
    expect(closesAt).toBe(Date.parse(at('14:01')) + 50_000);
    // The last millisecond counts; the closing instant and one millisecond after do not.
    clock.advance(closesAt + 1 - nowMs());
    vote(divisionId, cole, 'for', iso(closesAt - 1));
    expect(refuseVote(present()[1].id, iso(closesAt))).toMatchObject({ message: 'The voting closed at 14:01:50; the vote was not counted.', details: { field: 'time' } });
    expect(refuseVote(present()[1].id, iso(closesAt + 1)).message).toBe('The voting closed at 14:01:50; the vote was not counted.');
    expect(divisionCounts(meeting(), divisionId)).toEqual({ for: 1, against: 0, abstain: 0, voted: 1 });
    core.send({ type: 'division.close', meetingId, divisionId });
    expect(refuseVote(present()[1].id).message).toBe('This division closed at 14:01:50; the vote was not counted.');
  });

  it('counts the last of a member\'s votes, keeping every change in the log', () => {
    const divisionId = call({ skipBell: true });
    const cole = present()[0].id;
    vote(divisionId, cole, 'for');
    clock.advance(1_000);
    vote(divisionId, cole, 'against');
    clock.advance(1_000);
    vote(divisionId, cole, 'abstain');
    expect(meeting().votes[divisionId][cole]).toEqual({ divisionId, memberId: cole, choice: 'abstain', at: clock.now().toISOString(), enteredBy: 'clerk', changes: 2 });
    expect(divisionCounts(meeting(), divisionId)).toEqual({ for: 0, against: 0, abstain: 1, voted: 1 });
    expect(events().filter((e) => e.type === 'vote.recorded').map((e) => (e.payload as { choice: string }).choice)).toEqual(['for', 'against', 'abstain']);
    // The same vote again records nothing; a change cannot predate the vote it changes.
    expect(core.dispatch({ type: 'vote.cast', meetingId, divisionId, memberId: cole, choice: 'abstain' })).toMatchObject({ ok: true, result: { events: 0 } });
    expect(refusal({ type: 'vote.cast', meetingId, divisionId, memberId: cole, choice: 'for', time: iso(nowMs() - 1_500) }).message).toBe('A change of vote cannot be earlier than the vote it changes.');
    expect(refusal({ type: 'vote.cast', meetingId, divisionId, memberId: cole, choice: 'for', source: 'member' } as unknown as Command)).toMatchObject({ code: 'invalid_command', details: { field: 'source' } });
  });

  it('writes and pushes one small part for a vote, however many votes the day has', () => {
    const divisionId = call({ skipBell: true });
    present().slice(0, 40).forEach((m) => vote(divisionId, m.id, 'for'));
    const pushed: Change[][] = [];
    const stop = core.subscribe((update) => {
      if (update.topic === `meeting:${meetingId}` && 'patch' in update) pushed.push(update.patch.changes);
    });
    vote(divisionId, present()[40].id, 'against');
    stop();
    expect(pushed).toHaveLength(1);
    expect(pushed[0].map((c) => (c.op === 'head' ? 'head' : `${c.op} ${'collection' in c ? c.collection : ''}`))).toEqual(['put votes', 'head']);
    expect(JSON.stringify(pushed[0]).length).toBeLessThan(600);
  });

  it("takes a member's vote from their own device only from an internal caller, recorded as entered by the member", () => {
    const divisionId = call({ skipBell: true });
    const cole = present()[0].id;
    const view: StateView = {
      meeting: (id) => (core.read(`meeting:${id}`) as { ok: true; data: MeetingState }).data,
      body: (id) => (core.read(`body:${id}`) as { ok: true; data: BodyState }).data,
      bodies: () => [],
      settings: () => withSettingsDefaults(undefined),
    };
    const internal = { type: 'vote.cast', meetingId, divisionId, memberId: cole, choice: 'for', source: 'member' } as unknown as Extract<Command, { type: 'vote.cast' }>;
    const decision = divisionHandlers['vote.cast'](view, internal, { now: clock.now().toISOString(), newId: () => 'x', timeZone: 'Europe/London' });
    expect(decision).toMatchObject({ events: [{ type: 'vote.recorded', payload: { memberId: cole, choice: 'for', enteredBy: 'member' } }] });
  });

  it('extends the window once, with the reason', () => {
    const divisionId = call();
    const before = closesAtMs(division(divisionId));
    core.send({ type: 'division.extend', meetingId, seconds: 30, reason: "A member's console did not respond" });
    expect(division(divisionId).extension).toEqual({ seconds: 30, reason: "A member's console did not respond", at: clock.now().toISOString() });
    expect(closesAtMs(division(divisionId))).toBe(before + 30_000);
    expect(refusal({ type: 'division.extend', meetingId, seconds: 10, reason: 'Again' })).toMatchObject({ message: 'This division has already been extended once; it cannot be extended again.', details: { field: 'seconds' } });
    expect(refusal({ type: 'division.extend', meetingId, seconds: 301, reason: 'Long' } as Command)).toMatchObject({ code: 'invalid_command', details: { field: 'seconds' } });
  });

  it('moves the closing later by the time paused, and does not run the window down while paused', () => {
    const divisionId = call({ skipBell: true });
    const before = closesAtMs(division(divisionId));
    expect(refusal({ type: 'division.resume', meetingId, reason: 'x' }).message).toBe('The division is not paused.');
    clock.advance(5_000);
    core.send({ type: 'division.pause', meetingId, reason: 'Power cut in the chamber' });
    expect(refusal({ type: 'division.pause', meetingId, reason: 'again' }).message).toBe('The division is already paused.');
    const left = windowLeftMs(division(divisionId), nowMs());
    expect(left).toBe(15_000);
    clock.advance(120_000);
    expect(divisionPhase(division(divisionId), nowMs())).toBe('paused');
    expect(windowLeftMs(division(divisionId), nowMs())).toBe(15_000);
    expect(refusal({ type: 'division.close', meetingId, divisionId }).message).toBe('The division is paused: resume it before closing it.');
    core.send({ type: 'division.resume', meetingId, reason: 'Power restored' });
    expect(division(divisionId).pauses).toEqual([{ from: iso(nowMs() - 120_000), to: clock.now().toISOString(), reason: 'Power cut in the chamber', resumeReason: 'Power restored' }]);
    expect(closesAtMs(division(divisionId))).toBe(before + 120_000);
    expect(divisionPhase(division(divisionId), nowMs())).toBe('voting');
  });

  it('records the chairman\'s casting vote after an equality, which decides the motion', () => {
    const divisionId = call({ skipBell: true });
    present().slice(0, 10).forEach((m, i) => vote(divisionId, m.id, i % 2 ? 'for' : 'against'));
    expect(refusal({ type: 'division.castingVote', meetingId, divisionId, choice: 'for' }).message).toBe('The division is still open: the casting vote is given after it closes on an equality of votes.');
    clock.advance(20_000);
    core.send({ type: 'division.close', meetingId, divisionId });
    expect(division(divisionId)).toMatchObject({ result: 'tied_no_casting_vote', tally: { for: 5, against: 5, abstain: 0, notVoted: 64 } });
    expect(meeting().motions[0].status).toBe('open');
    core.send({ type: 'division.castingVote', meetingId, divisionId, choice: 'for' });
    expect(division(divisionId)).toMatchObject({ result: 'carried', castingVote: { choice: 'for', at: clock.now().toISOString() } });
    expect(meeting().motions[0]).toMatchObject({ status: 'carried', outcome: { how: 'division', for: 5, against: 5, divisionId } });
    expect(refusal({ type: 'division.castingVote', meetingId, divisionId, choice: 'against' }).message).toBe('The chairman has already given the casting vote in this division.');
  });

  it('treats an equality as lost where the standing orders give no casting vote', () => {
    core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('full_council'), castingVote: false } });
    const divisionId = call({ skipBell: true });
    vote(divisionId, present()[0].id, 'for');
    vote(divisionId, present()[1].id, 'against');
    clock.advance(20_000);
    core.send({ type: 'division.close', meetingId, divisionId });
    expect(division(divisionId).result).toBe('lost');
    expect(meeting().motions[0].status).toBe('lost');
    expect(refusal({ type: 'division.castingVote', meetingId, divisionId, choice: 'for' }).message).toBe('These standing orders give the chairman no casting vote: an equality of votes means the motion is lost.');
  });

  it('closes the window by itself at exactly its closing time, whenever the timer fires', () => {
    const divisionId = call();
    const closesAt = closesAtMs(division(divisionId));
    expect(core.divisions!.scheduled()).toEqual(new Map([[meetingId, closesAt]]));
    expect(hand.pending().map((t) => t.delayMs)).toEqual([80_000]);
    clock.advance(60_000);
    vote(divisionId, present()[0].id, 'for');
    // The extension moves the timer.
    core.send({ type: 'division.extend', meetingId, seconds: 10, reason: 'Consoles slow' });
    expect(hand.pending().map((t) => t.delayMs)).toEqual([30_000]);
    // A timer that fires early (a clock behind) waits again; one that fires late still closes at the time.
    clock.advance(10_000);
    hand.fireAll();
    expect(division(divisionId).closedAt).toBeUndefined();
    expect(hand.pending().map((t) => t.delayMs)).toEqual([20_000]);
    clock.advance(25_000);
    hand.fireAll();
    expect(division(divisionId)).toMatchObject({ closedAt: iso(closesAt + 10_000), result: 'carried', tally: { for: 1, against: 0, abstain: 0, notVoted: 73 } });
    expect(hand.pending()).toEqual([]);
    expect(core.divisions!.scheduled().size).toBe(0);
    // A pause takes the timer away; the resumption sets it again.
  });

  it('has no timer while paused, and one again on resuming', () => {
    call({ skipBell: true });
    clock.advance(1_000);
    core.send({ type: 'division.pause', meetingId, reason: 'Power cut' });
    expect(hand.pending()).toEqual([]);
    clock.advance(60_000);
    core.send({ type: 'division.resume', meetingId, reason: 'Power restored' });
    expect(hand.pending().map((t) => t.delayMs)).toEqual([19_000]);
  });

  it('closes by itself on real timers', async () => {
    core.dispose();
    // A clock that moves with real time, from the meeting's afternoon.
    const start = Date.now();
    const base = Date.parse(at('14:00'));
    open({ timers: null, clock: { now: () => new Date(base + (Date.now() - start)), advance: () => {} } });
    // Called 19.9 s ago with the bell skipped: 100 ms of its 20 s window are left.
    const divisionId = call({ skipBell: true, time: iso(nowMs() - 19_900) });
    const closesAt = closesAtMs(division(divisionId));
    for (let i = 0; i < 100 && division(divisionId).closedAt === undefined; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(division(divisionId).closedAt).toBe(iso(closesAt));
  });

  it('closes on opening a division that expired while Chamber was down, at the time it closed', () => {
    const divisionId = call();
    clock.advance(60_000);
    present().slice(0, 3).forEach((m) => vote(divisionId, m.id, 'for'));
    const closesAt = closesAtMs(division(divisionId));
    // Killed: nothing more is done; the data is as committed. Opened again ten minutes later.
    clock.advance(10 * 60_000);
    core = core.reopen();
    expect(division(divisionId)).toMatchObject({ closedAt: iso(closesAt), result: 'carried', tally: { for: 3, against: 0, abstain: 0, notVoted: 71 } });
    expect(meeting().motions[0]).toMatchObject({ status: 'carried', outcome: { how: 'division', time: iso(closesAt) } });
    expect(openDivision(meeting())).toBeUndefined();
    expect(core.verify().ok).toBe(true);
  });

  const setOrders = (change: Partial<ReturnType<typeof defaultStandingOrders>>) =>
    core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('full_council'), ...change } });

  it('refuses a change of vote where votes are final once cast, counting the first', () => {
    setOrders({ divisionResults: { countsShownLive: true, votesFinalOnceCast: true, closeWhenAllVoted: false } });
    const divisionId = call({ skipBell: true });
    const angell = member('Angell');
    vote(divisionId, angell.id, 'for');
    clock.advance(2_000);
    const before = events().length;
    expect(refusal({ type: 'vote.cast', meetingId, divisionId, memberId: angell.id, choice: 'against' })).toMatchObject({
      code: 'refused',
      message: 'Mr Angell voted for at 14:00:00, and these standing orders make a vote final once cast. The change was not counted.',
      details: { field: 'choice' },
    });
    expect(events()).toHaveLength(before);
    expect(divisionCounts(meeting(), divisionId)).toMatchObject({ for: 1, against: 0 });
  });

  it('closes by itself on the last vote where the standing orders say so, at the time of that vote', () => {
    setOrders({ divisionResults: { countsShownLive: true, votesFinalOnceCast: false, closeWhenAllVoted: true } });
    const divisionId = call({ skipBell: true });
    const voters = present();
    voters.slice(0, -1).forEach((m) => vote(divisionId, m.id, 'for'));
    expect(meeting().openDivisionId).toBe(divisionId);
    clock.advance(3_000);
    vote(divisionId, voters.at(-1)!.id, 'against');
    expect(division(divisionId)).toMatchObject({ closedAt: clock.now().toISOString(), tally: { for: 73, against: 1, abstain: 0, notVoted: 0 }, result: 'carried' });
    expect(meeting().openDivisionId).toBeUndefined();
    expect(meeting().motions[0].status).toBe('carried');
  });

  it('applies a special majority named in the standing orders, against each base', () => {
    setOrders({
      specialMajorities: [
        { name: 'Suspension of standing orders', fraction: 'two_thirds', of: 'present' },
        { name: 'Change to the constitution', fraction: 'three_quarters', of: 'membership' },
      ],
    });
    expect(refusal({ type: 'division.call', meetingId, motionId, specialMajority: 'Budget' })).toMatchObject({
      message: 'These standing orders have no special majority called "Budget": they have "Suspension of standing orders", "Change to the constitution".',
      details: { field: 'specialMajority' },
    });
    // 74 present: two-thirds of those present is 49.34, so 49 for is short and 50 is enough; those voting do not matter.
    const divisionId = call({ skipBell: true, specialMajority: 'suspension of STANDING orders' });
    expect(division(divisionId).majority).toEqual({ name: 'Suspension of standing orders', fraction: 'two_thirds', of: 'present' });
    present().slice(0, 49).forEach((m) => vote(divisionId, m.id, 'for'));
    clock.advance(20_000);
    core.send({ type: 'division.close', meetingId, divisionId });
    expect(division(divisionId)).toMatchObject({ result: 'lost', bases: { present: 74, membership: 83 }, tally: { for: 49, against: 0 } });
    expect(meeting().motions[0].status).toBe('lost');
  });

  it('records why the names go in the minutes: always, a budget decision, or members who asked', () => {
    const asking = present().slice(0, 5).map((m) => m.id);
    expect(refusal({ type: 'division.call', meetingId, motionId, recordedVoteRequestedBy: asking.slice(0, 4) })).toMatchObject({
      message: 'A recorded vote needs 5 members to ask for it; 4 have.',
      details: { field: 'recordedVoteRequestedBy' },
    });
    const apologised = body().members.find((m) => !present().includes(m))!;
    expect(refusal({ type: 'division.call', meetingId, motionId, recordedVoteRequestedBy: [...asking.slice(0, 4), apologised.id] }).message).toMatch(/may not vote on this item, so cannot ask for a recorded vote\.$/);
    const divisionId = call({ skipBell: true, recordedVoteRequestedBy: asking, budget: false });
    expect(division(divisionId)).toMatchObject({ recorded: 'requested', recordedVoteRequestedBy: asking });
    const own = present()[10].id;
    core.send({ type: 'vote.recordOwn', meetingId, divisionId, memberId: own });
    expect(division(divisionId).ownVotesRecorded).toEqual([own]);
    expect(refusal({ type: 'vote.recordOwn', meetingId, divisionId, memberId: own }).message).toMatch(/vote is already to be recorded\.$/);
  });

  it('refuses members\' request for a recorded vote where the standing orders let none ask, and names the budget and "always" reasons', () => {
    const asking = present().slice(0, 5).map((m) => m.id);
    setOrders({ recordedVote: { always: false, onRequestOf: null, forBudget: true, nameStyle: 'title_initial_surname' } });
    expect(refusal({ type: 'division.call', meetingId, motionId, recordedVoteRequestedBy: asking })).toMatchObject({
      message: 'These standing orders do not let members ask for a recorded vote.',
      details: { field: 'recordedVoteRequestedBy' },
    });
    const budgetVote = call({ skipBell: true, budget: true });
    expect(division(budgetVote).recorded).toBe('budget');
    vote(budgetVote, present()[0].id, 'for');
    clock.advance(20_000);
    core.send({ type: 'division.close', meetingId, divisionId: meeting().divisions[0].id });
    setOrders({ recordedVote: { always: true, onRequestOf: 5, forBudget: true, nameStyle: 'title_initial_surname' } });
    const { motionId: next } = core.send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'That the report be noted.', moverId: member('Vye').id, seconderId: member('Bird').id });
    expect(division(core.send({ type: 'division.call', meetingId, motionId: next, skipBell: true }).divisionId).recorded).toBe('always');
  });

  it("corrects a vote after the close with the reason, keeping the original in the division's record, and refuses one that would change the result", () => {
    const divisionId = call({ skipBell: true });
    const [a, b, c, d, e, f] = present();
    for (const m of [a, b, e, f]) vote(divisionId, m.id, 'for');
    vote(divisionId, c.id, 'against');
    expect(refusal({ type: 'vote.correct', meetingId, divisionId, memberId: c.id, choice: 'for', reason: 'Console failed' }).message).toBe(
      'The division is still open: a vote is changed by voting again, and corrected only after the close.',
    );
    clock.advance(20_000);
    core.send({ type: 'division.close', meetingId, divisionId });
    expect(division(divisionId).tally).toEqual({ for: 4, against: 1, abstain: 0, notVoted: 69 });
    clock.advance(60_000);
    core.send({ type: 'vote.correct', meetingId, divisionId, memberId: d.id, choice: 'against', reason: 'Her console failed; she voted against by a show of hands' });
    const corrected = division(divisionId);
    expect(corrected.tally).toEqual({ for: 4, against: 2, abstain: 0, notVoted: 68 });
    expect(corrected.result).toBe('carried');
    expect(corrected.corrections).toEqual([{ memberId: d.id, from: 'none', to: 'against', reason: 'Her console failed; she voted against by a show of hands', at: clock.now().toISOString() }]);
    expect(meeting().votes[divisionId][d.id]).toMatchObject({ choice: 'against', enteredBy: 'clerk', corrected: { from: 'none' } });
    // Another against would make an equality: the declared result is not changed by a correction.
    const before = events().length;
    expect(refusal({ type: 'vote.correct', meetingId, divisionId, memberId: b.id, choice: 'against', reason: 'Pressed the wrong button' })).toMatchObject({
      message: 'This correction would change the result declared at 14:00:20; a declared result is not changed by correcting a vote. Record what happened in the minutes instead.',
      details: { field: 'choice' },
    });
    expect(events()).toHaveLength(before);
    core.send({ type: 'vote.correct', meetingId, divisionId, memberId: a.id, choice: 'none', reason: 'Was out of the room' });
    expect(meeting().votes[divisionId][a.id]).toBeUndefined();
    expect(division(divisionId).tally).toEqual({ for: 3, against: 2, abstain: 0, notVoted: 69 });
    expect(division(divisionId).result).toBe('carried');
    expect(events().filter((e) => e.type === 'vote.corrected')).toHaveLength(2);
    expect(core.verify().ok).toBe(true);
  });

  it('shows the division on the chamber display: instants, counts only where shown live, the outcome, the bell as set, never a name', () => {
    setOrders({ divisionResults: { countsShownLive: false, votesFinalOnceCast: false, closeWhenAllVoted: false } });
    const divisionId = call();
    const display = () => (core.read(`display:${meetingId}`) as { ok: true; data: ChamberDisplay }).data;
    const shown = display().division!;
    expect(shown).toMatchObject({ divisionId, kind: 'Motion', question: 'That the report be agreed.', bellSkipped: false, extended: false, eligible: 74, bell: { volume: 80, muted: false } });
    expect(shown.counts).toBeUndefined();
    core.send({ type: 'settings.setBellMuted', muted: true });
    expect(display().division!.bell).toEqual({ volume: 80, muted: true });
    clock.advance(60_000);
    present().slice(0, 3).forEach((m) => vote(divisionId, m.id, 'for'));
    expect(display().division!.counts).toBeUndefined();
    clock.advance(20_000);
    core.send({ type: 'division.close', meetingId, divisionId });
    expect(display().division).toMatchObject({ counts: { for: 3, against: 0, abstain: 0, voted: 3 }, outcome: 'Motion carried', closedAt: clock.now().toISOString() });
    const text = JSON.stringify(display());
    for (const m of present().slice(0, 3)) expect(text).not.toContain(m.surname);
  });

  it('ends the bell early at the chairman\'s word, where the standing orders allow: the voting opens then, and closes a window later', () => {
    const divisionId = call();
    const scheduled = division(divisionId).bellEndsAt;
    clock.advance(15_000);
    const before = events().length;
    setOrders({ divisionBell: { seconds: 60, chairmanMaySkip: false } });
    expect(refusal({ type: 'division.endBell', meetingId })).toMatchObject({ message: 'These standing orders do not let the chairman end the division bell early.' });
    expect(events()).toHaveLength(before);
    setOrders({});
    core.send({ type: 'division.endBell', meetingId });
    const d = division(divisionId);
    expect(d).toMatchObject({ bellEndsAt: clock.now().toISOString(), bellScheduledEnd: scheduled });
    expect(divisionPhase(d, nowMs())).toBe('voting');
    expect(closesAtMs(d)).toBe(nowMs() + 20_000);
    vote(divisionId, present()[0].id, 'for');
    expect(refusal({ type: 'division.endBell', meetingId }).message).toBe('The bell stopped at 14:00:15: the voting is already open.');
    // The core's timer follows the new closing.
    expect(core.divisions!.scheduled().get(meetingId)).toBe(nowMs() + 20_000);
  });
});
