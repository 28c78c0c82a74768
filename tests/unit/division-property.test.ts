// Divisions under random calls, votes, extensions, pauses, closes, corrections, arrivals and departures, on a
// real SQLite file with a test clock and the core's closing timers fired by hand. After every
// step: the counts add up to the votes cast, no member is counted twice, each division's phase
// agrees with its instants, at most one is open; every vote counted was cast inside its window
// and not while paused; the last vote of each member is the one counted; and at the end, the
// log's replay equals the stored state, and a fresh start reads what the running core held.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { closesAtMs, divisionCounts, divisionPhase } from '../../shared/procedure/division';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import type { DivisionTimers } from '../../electron/core/divisionCloser';
import { openTestCore, testClock, type TestCore } from '../support/meeting';

const MEMBERS = ['Cole', 'Meade', 'Dean', 'Hook', 'Angell', 'Bird', 'Clark', 'Vye'];

const step = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('call'), skipBell: fc.boolean() }) },
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('vote'), who: fc.nat(), choice: fc.constantFrom('for', 'against', 'abstain'), back: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('endBell') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('extend'), seconds: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pause') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('resume') }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('close') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('casting'), choice: fc.constantFrom('for', 'against') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('depart'), who: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('arrive'), who: fc.nat(), virtual: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('timers') }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('correct'), who: fc.nat(), choice: fc.constantFrom('for', 'against', 'abstain', 'none') }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('wait'), ms: fc.integer({ min: 1, max: 20_000 }) }) },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

interface World {
  core: TestCore;
  clock: ReturnType<typeof testClock>;
  bodyId: string;
  meetingId: string;
  itemId: string;
  fire(): void;
}

const setUp = (): World => {
  const clock = testClock('2015-10-22T09:00:00.000Z');
  const handles = new Map<number, () => void>();
  let next = 1;
  const timers: DivisionTimers = { set: (callback) => (handles.set(next, callback), next++), clear: (h) => handles.delete(h as number) };
  const core = openTestCore({ now: clock.now, divisionTimers: timers });
  const { bodyId } = core.send({ type: 'body.create', name: 'Governance Committee', kind: 'committee' });
  core.send({
    type: 'member.import',
    bodyId,
    source: 'csv',
    members: MEMBERS.map((surname, i) => ({ title: 'Mr', initials: [], surname, honours: [], group: i % 2 ? 'Labour' : 'Conservative', roles: [], voting: i !== 7 })),
  });
  core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('committee'), divisionBell: { seconds: 5, chairmanMaySkip: true }, castingVote: true } });
  const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: 'Governance Committee', date: '2015-10-22', startTime: '10:00', venue: '' });
  core.send({ type: 'agenda.import', meetingId, replace: true, items: [{ number: '1', title: 'Budget', kind: 'report' }] });
  const meeting = (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  const body = (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  for (const m of body.members.slice(0, 6)) core.send({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
  core.send({ type: 'meeting.start', meetingId });
  const itemId = meeting.agenda[0].itemId;
  core.send({ type: 'item.start', meetingId, itemId });
  core.send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'That the budget be agreed.', moverId: body.members[0].id, seconderId: body.members[1].id });
  const fire = () => {
    for (const [h, callback] of [...handles]) {
      handles.delete(h);
      callback();
    }
  };
  return { core, clock, bodyId, meetingId, itemId, fire };
};

const meetingOf = (w: World) => (w.core.read(`meeting:${w.meetingId}`) as { ok: true; data: MeetingState }).data;
const bodyOf = (w: World) => (w.core.read(`body:${w.bodyId}`) as { ok: true; data: BodyState }).data;
const pick = <T,>(list: readonly T[], n: number): T => list[n % list.length];

const commandFor = (w: World, s: Step): Command | undefined => {
  const meeting = meetingOf(w);
  const members = bodyOf(w).members;
  const { meetingId } = w;
  const open = meeting.openDivisionId;
  const latest = meeting.divisions[meeting.divisions.length - 1];
  const motion = meeting.motions.findLast((m) => m.status === 'open');
  const now = w.clock.now().getTime();
  switch (s.kind) {
    case 'call':
      return motion ? { type: 'division.call', meetingId, motionId: motion.id, skipBell: s.skipBell } : undefined;
    case 'vote':
      return latest ? { type: 'vote.cast', meetingId, divisionId: latest.id, memberId: pick(members, s.who).id, choice: s.choice, ...(s.back === undefined ? {} : { time: new Date(now - s.back).toISOString() }) } : undefined;
    case 'endBell':
      return { type: 'division.endBell', meetingId };
    case 'extend':
      return { type: 'division.extend', meetingId, seconds: s.seconds, reason: 'Consoles slow' };
    case 'pause':
      return { type: 'division.pause', meetingId, reason: 'Power cut' };
    case 'resume':
      return { type: 'division.resume', meetingId, reason: 'Power restored' };
    case 'close':
      return open ? { type: 'division.close', meetingId, divisionId: open } : undefined;
    case 'correct': {
      const closed = meeting.divisions.findLast((d) => d.closedAt !== undefined);
      return closed ? { type: 'vote.correct', meetingId, divisionId: closed.id, memberId: pick(members, s.who).id, choice: s.choice, reason: 'Console failed' } : undefined;
    }
    case 'casting':
      return latest ? { type: 'division.castingVote', meetingId, divisionId: latest.id, choice: s.choice } : undefined;
    case 'move':
      return { type: 'motion.move', meetingId, itemId: w.itemId, kind: 'substantive', wording: 'That the budget be agreed.', moverId: members[0].id, seconderId: members[1].id };
    case 'depart':
      return { type: 'attendance.depart', meetingId, memberId: pick(members, s.who).id };
    case 'arrive':
      return { type: 'attendance.mark', meetingId, memberId: pick(members, s.who).id, state: s.virtual ? 'virtual' : 'present' };
    default:
      return undefined;
  }
};

/** What the record says must hold, whatever happened. */
const checkInvariants = (w: World, lastVotes: ReadonlyMap<string, string>) => {
  const meeting = meetingOf(w);
  const now = w.clock.now().getTime();
  const open = meeting.divisions.filter((d) => d.closedAt === undefined);
  expect(open.length).toBeLessThanOrEqual(1);
  expect(meeting.openDivisionId).toBe(open[0]?.id);
  for (const d of meeting.divisions) {
    // Votes are held by division, then member; every entry is that member's, in that division.
    const inDivision = meeting.votes[d.id] ?? {};
    for (const [memberId, v] of Object.entries(inDivision)) expect([v.divisionId, v.memberId]).toEqual([d.id, memberId]);
    const keys = Object.keys(inDivision).map((memberId) => `${d.id}:${memberId}`);
    const counts = divisionCounts(meeting, d.id);
    // Every vote cast is counted once: one entry per member, and the counts add up to them.
    expect(counts.voted).toBe(keys.length);
    expect(counts.for + counts.against + counts.abstain).toBe(counts.voted);
    expect(new Set(Object.values(inDivision).map((v) => v.memberId)).size).toBe(keys.length);
    const closes = closesAtMs(d, now);
    for (const k of keys) {
      const v = inDivision[k.slice(d.id.length + 1)];
      expect(lastVotes.get(k)).toBe(v.choice);
      // A vote the clerk corrected after the close keeps its correction, not a time in the window.
      if (v.corrected) {
        expect(d.corrections?.at(-1 - [...(d.corrections ?? [])].reverse().findIndex((c) => c.memberId === v.memberId))).toMatchObject({ memberId: v.memberId, to: v.choice });
        continue;
      }
      const t = Date.parse(v.at);
      expect(t).toBeGreaterThanOrEqual(Date.parse(d.bellEndsAt));
      expect(t).toBeLessThan(closes);
      // A vote at the very instant a pause began was taken before it.
      expect(d.pauses.some((p) => Date.parse(p.from) < t && (p.to === undefined || t < Date.parse(p.to)))).toBe(false);
      if (d.closedAt) expect(t).toBeLessThanOrEqual(Date.parse(d.closedAt));
    }
    const phase = divisionPhase(d, now);
    if (d.closedAt) {
      expect(phase).toBe('closed');
      expect(Date.parse(d.closedAt)).toBeLessThanOrEqual(closesAtMs(d));
      expect(d.tally).toMatchObject({ for: counts.for, against: counts.against, abstain: counts.abstain });
      expect(d.tally!.notVoted).toBe(d.attendanceAtClose!.filter((id) => !meeting.votes[d.id]?.[id]).length);
    } else if (now < Date.parse(d.bellEndsAt)) expect(phase).toBe('bell');
    else if (d.pauses.some((p) => p.to === undefined)) expect(phase).toBe('paused');
    else expect(phase).toBe(now < closes ? 'voting' : 'closed');
  }
};

describe('divisions under any sequence of calls, votes, extensions, pauses and closes', () => {
  it('keeps the counts, the phases and the record consistent, and the replay equal to the stored state', () => {
    const seen = { closed: 0, votes: 0, changes: 0, corrections: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 40, maxLength: 100 }), (steps) => {
        let w = setUp();
        const lastVotes = new Map<string, string>();
        try {
          for (const s of steps) {
            if (s.kind === 'wait') w.clock.advance(s.ms);
            else if (s.kind === 'timers') w.fire();
            else {
              const command = commandFor(w, s);
              if (!command) continue;
              const outcome = w.core.dispatch(command);
              if (!outcome.ok) expect(outcome.error.code).not.toBe('internal');
              else {
                if (command.type === 'vote.cast' && outcome.result.events > 0) {
                  const key = `${command.divisionId}:${command.memberId}`;
                  if (lastVotes.has(key)) seen.changes += 1;
                  lastVotes.set(key, command.choice);
                  seen.votes += 1;
                }
                if (command.type === 'vote.correct') {
                  const key = `${command.divisionId}:${command.memberId}`;
                  if (command.choice === 'none') lastVotes.delete(key);
                  else lastVotes.set(key, command.choice);
                  seen.corrections += 1;
                }
                seen.closed += outcome.result.recorded.filter((t) => t === 'division.closed').length;
              }
            }
            checkInvariants(w, lastVotes);
          }
          w.core.divisions!.closeDue();
          checkInvariants(w, lastVotes);
          const report = w.core.verify();
          expect(report.differences).toEqual([]);
          expect(report.ok).toBe(true);
          const before = meetingOf(w);
          w = { ...w, core: w.core.reopen() };
          expect(meetingOf(w)).toEqual(before);
        } finally {
          w.core.dispose();
        }
      }),
      { numRuns: 40 },
    );
    // The walk must reach what matters: over a few seeds, forty walks record about 100 votes, 12 to
    // 30 changes of vote and 18 to 26 closes; these floors fail only if the generator stops reaching them.
    expect(seen.votes).toBeGreaterThan(40);
    expect(seen.changes).toBeGreaterThan(3);
    expect(seen.closed).toBeGreaterThan(6);
    // Corrections after the close: 17 to 26 accepted over six seeds.
    expect(seen.corrections).toBeGreaterThan(3);
  });
});
