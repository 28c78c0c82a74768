// Property tests over random meetings, run through the real dispatcher on a real SQLite file:
//  - whatever happens, the quorum the record says the meeting has is the quorum recomputed from
//    the state after every command (a departure, an item with members withdrawn, a declaration
//    removed, the meeting starting inquorate, a member leaving the body, the seats changed…);
//  - replaying the whole log rebuilds exactly the stored state, for every kind of command;
//  - every event recorded matches its schema and every hash chain holds (the `verify` check).
import fc from 'fast-check';
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { attendanceStanding, meetingQuorum, recordedQuorate } from '../../shared/procedure/attendance';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { clockTime } from '../../shared/time';
import { decidePairing } from '../../electron/core/handlers/memberDevices';
import { openTestCore, testClock, type TestCore } from '../support/meeting';

const MEMBERS = ['Cole', 'Meade', 'Dean', 'Hook', 'Angell', 'Bird', 'Clark', 'Vye'];

/** One step of a random meeting, in the abstract: which member, item or option, by position. */
const step = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('mark'), who: fc.nat(), state: fc.constantFrom('present', 'present', 'present', 'virtual', 'apologies', 'absent'), typed: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('depart'), who: fc.nat() }) },
  // A member who is not here comes in: the step that regains a lost quorum in a real meeting.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('arrive'), who: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct'), who: fc.nat(), state: fc.constantFrom('present', 'virtual', 'apologies', 'absent'), stays: fc.nat({ max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('declare'), who: fc.nat(), item: fc.nat(), pecuniary: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undeclare'), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('chair'), who: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('start') }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('itemStart'), item: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('itemEnd') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('defer'), item: fc.nat(), withdraw: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('note'), item: fc.nat(), text: fc.string({ maxLength: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('adjourn') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('private') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('memberAdd'), voting: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('memberRemove'), who: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('memberVoting'), who: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('seats'), seats: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('quorum'), fixed: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('officer'), present: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('correction'), item: fc.nat(), text: fc.string({ maxLength: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timeZone'), zone: fc.constantFrom('Europe/London', 'Europe/Dublin', 'America/New_York') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addItem') }) },
  // Members' own devices: voting from them on and off, a device paired (as the core does when a code is redeemed), one withdrawn.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('devicesVoting'), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pair'), who: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke'), which: fc.nat() }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('wait'), minutes: fc.integer({ min: 1, max: 90 }) }) },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

interface World {
  core: TestCore;
  clock: ReturnType<typeof testClock>;
  bodyId: string;
  meetingId: string;
  officerId: string;
}

const setUp = (): World => {
  const clock = testClock('2015-10-22T08:50:00.000Z');
  const core = openTestCore({ now: clock.now });
  const { bodyId } = core.send({ type: 'body.create', name: 'Governance Committee', kind: 'committee' });
  core.send({
    type: 'member.import',
    bodyId,
    source: 'csv',
    members: MEMBERS.map((surname, i) => ({ title: 'Mr', initials: [], surname, honours: [], group: i % 2 ? 'Labour' : 'Conservative', roles: i === 0 ? ['Chairman' as const] : [], voting: true })),
  });
  // Half the members make a quorum, so that it is lost and regained often.
  core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...defaultStandingOrders('committee'), quorum: { kind: 'fraction', numerator: 1, denominator: 2 } } });
  const { officerId } = core.send({ type: 'officer.add', bodyId, officer: { name: 'Mr B Watts', jobTitle: 'General Counsel' } });
  const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: 'Governance Committee', date: '2015-10-22', startTime: '10:00', venue: '' });
  core.send({ type: 'agenda.import', meetingId, replace: true, items: ['Apologies', 'Minutes', 'Budget', 'Property'].map((title, i) => ({ number: String(i + 1), title, kind: 'report' as const })) });
  // Exactly a quorum marked present beforehand: one departure loses it, one arrival regains it.
  const body = (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  for (const m of body.members.slice(0, 4)) core.send({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
  return { core, clock, bodyId, meetingId, officerId };
};

const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** The command a step stands for, given the state now (undefined when it makes no sense now). */
const commandFor = (w: World, s: Step): Command | undefined => {
  const meeting = (w.core.read(`meeting:${w.meetingId}`) as { ok: true; data: MeetingState }).data;
  const body = (w.core.read(`body:${w.bodyId}`) as { ok: true; data: BodyState }).data;
  const tz = (w.core.read('settings') as { ok: true; data: { timeZone: string } }).data.timeZone;
  const members = body.members.filter((m) => m.active);
  const { meetingId } = w;
  const item = (n: number) => pick(meeting.agenda, n)?.itemId ?? '00000000-0000-4000-8000-000000000000';
  switch (s.kind) {
    case 'mark': {
      const m = pick(members, s.who);
      if (!m) return undefined;
      return { type: 'attendance.mark', meetingId, memberId: m.id, state: s.state, ...(s.typed ? { time: clockTime(w.clock.now(), tz) } : {}) };
    }
    case 'depart': {
      const m = pick(members, s.who);
      return m && { type: 'attendance.depart', meetingId, memberId: m.id };
    }
    case 'arrive': {
      const away = members.filter((m) => !['present', 'virtual', 'withdrawn'].includes(attendanceStanding(meeting, m.id)));
      const m = pick(away, s.who);
      return m && { type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' };
    }
    case 'correct': {
      const m = pick(members, s.who);
      if (!m) return undefined;
      const attending = s.state === 'present' || s.state === 'virtual';
      const now = w.clock.now().getTime();
      const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
      const stays = attending ? [{ from: at(40), to: at(30) }, { from: at(20), ...(meeting.status === 'closed' ? { to: at(5) } : {}) }].slice(2 - Math.max(1, s.stays)) : [];
      return { type: 'attendance.correct', meetingId, memberId: m.id, state: s.state, stays, reason: 'Recorded wrongly' };
    }
    case 'declare': {
      const m = pick(members, s.who);
      return m && { type: 'declaration.record', meetingId, memberId: m.id, itemId: item(s.item), kind: s.pecuniary ? 'disclosable_pecuniary' : 'other', description: `Interest ${s.item}` };
    }
    case 'undeclare': {
      const d = pick(meeting.declarations, s.which);
      if (!d) return undefined;
      const remove: Command = { type: 'declaration.remove', meetingId, declarationId: d.id, reason: 'Recorded in error' };
      return meeting.status === 'closed' ? { type: 'correction.record', meetingId, reason: 'Recorded in error', change: remove } : remove;
    }
    case 'chair': {
      const m = pick(members, s.who);
      return m && { type: 'chair.take', meetingId, memberId: m.id, capacity: m.roles.includes('Chairman') ? 'chairman' : 'chosen_member' };
    }
    case 'start':
      return { type: 'meeting.start', meetingId };
    case 'itemStart':
      return { type: 'item.start', meetingId, itemId: item(s.item) };
    case 'itemEnd':
      return meeting.currentItemId ? { type: 'item.end', meetingId, itemId: meeting.currentItemId } : undefined;
    case 'defer':
      return { type: s.withdraw ? 'item.withdraw' : 'item.defer', meetingId, itemId: item(s.item), reason: '' };
    case 'note':
      return { type: 'item.note', meetingId, itemId: item(s.item), text: s.text };
    case 'adjourn':
      return meeting.status === 'adjourned' ? { type: 'meeting.resume', meetingId } : { type: 'meeting.adjourn', meetingId, reason: 'Lunch' };
    case 'private':
      return meeting.privateSessions.some((p) => !p.to) ? { type: 'session.public', meetingId } : { type: 'session.private', meetingId, reason: 'Exempt' };
    case 'close':
      return { type: 'meeting.close', meetingId };
    case 'memberAdd':
      return {
        type: 'member.add',
        bodyId: w.bodyId,
        member: { title: 'Ms', initials: ['A'], surname: `Newcomer${body.members.length}`, honours: [], group: 'Green', roles: [], voting: s.voting },
      };
    case 'memberRemove': {
      const m = pick(members, s.who);
      return m && { type: 'member.remove', bodyId: w.bodyId, memberId: m.id };
    }
    case 'memberVoting': {
      const m = pick(members, s.who);
      if (!m) return undefined;
      const { id: _id, active: _a, addedAt: _at, removedAt: _r, ...details } = m;
      return { type: 'member.update', bodyId: w.bodyId, memberId: m.id, member: { ...details, voting: !m.voting } };
    }
    case 'seats':
      return { type: 'body.update', bodyId: w.bodyId, name: body.name, kind: body.kind, seats: s.seats };
    case 'quorum':
      return {
        type: 'body.setStandingOrders',
        bodyId: w.bodyId,
        standingOrders: { ...defaultStandingOrders('committee'), quorum: s.fixed ? { kind: 'fixed', count: s.fixed } : { kind: 'fraction', numerator: 1, denominator: 2 } },
      };
    case 'officer':
      return { type: 'attendance.officer', meetingId, officerId: w.officerId, present: s.present };
    case 'correction':
      return { type: 'correction.record', meetingId, reason: 'Notes corrected', change: { type: 'item.note', meetingId, itemId: item(s.item), text: s.text } };
    case 'timeZone':
      return { type: 'settings.setTimeZone', timeZone: s.zone };
    case 'addItem':
      return { type: 'agenda.addItem', meetingId, item: { number: String(meeting.agenda.length + 1), title: 'Urgent business', kind: 'urgent_business' } };
    case 'devicesVoting':
      return { type: 'memberVoting.set', meetingId, enabled: s.on };
    case 'pair': {
      const m = pick(members, s.who);
      if (m) {
        const credentialHash = createHash('sha256').update(randomUUID()).digest('hex');
        w.core.dispatchDecision('memberDevice.pair', (view, ctx) => decidePairing(view, ctx, { meetingId, memberId: m.id, credentialId: randomUUID(), credentialHash }));
      }
      return undefined;
    }
    case 'revoke': {
      const d = pick(Object.values(meeting.devices), s.which);
      return d && { type: 'memberDevice.revoke', meetingId, credentialId: d.credentialId, reason: 'Phone lost' };
    }
    case 'wait':
      w.clock.advance(s.minutes * 60_000);
      return undefined;
  }
};

const meetingOf = (w: World) => (w.core.read(`meeting:${w.meetingId}`) as { ok: true; data: MeetingState }).data;
const bodyOf = (w: World) => (w.core.read(`body:${w.bodyId}`) as { ok: true; data: BodyState }).data;

describe('a random meeting, through the dispatcher', () => {
  it('records a change of quorum whenever, and only when, the quorum recomputed from the state changes', () => {
    const seen = { lost: 0, regained: 0, accepted: new Set<string>() };
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), (steps) => {
        const w = setUp();
        try {
          for (const s of steps) {
            const command = commandFor(w, s);
            if (!command) continue;
            const outcome = w.core.dispatch(command);
            if (!outcome.ok) {
              expect(outcome.error.code).not.toBe('internal');
              continue;
            }
            seen.accepted.add(command.type);
            seen.lost += outcome.result.recorded.filter((t) => t === 'quorum.lost').length;
            seen.regained += outcome.result.recorded.filter((t) => t === 'quorum.regained').length;
            const meeting = meetingOf(w);
            if (meeting.status === 'in_progress') expect(recordedQuorate(meeting)).toBe(meetingQuorum(meeting, bodyOf(w)).quorate);
          }
        } finally {
          w.core.dispose();
        }
      }),
      { numRuns: 100 },
    );
    // The walk must reach the cases that matter, or the property proves little. Measured over 12
    // seeds, a hundred walks lose a quorum about 47 times and regain it about 24 times (sd 4.5), so
    // these floors fail only when the generator stops reaching them, not by chance (with sixty
    // walks and no targeted arrival, regaining it was rarer and fell to 5 in one CI run).
    expect(seen.lost).toBeGreaterThan(5);
    expect(seen.regained).toBeGreaterThan(5);
    expect(seen.accepted.size).toBeGreaterThanOrEqual(20);
  });

  it('leaves a log whose replay rebuilds exactly the stored state, for every kind of command', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        let w = setUp();
        try {
          for (const s of steps) {
            const command = commandFor(w, s);
            if (command) w.core.dispatch(command);
          }
          const report = w.core.verify();
          expect(report.differences).toEqual([]);
          expect(report.invalidEvents).toEqual([]);
          expect(report.ok).toBe(true);
          // What the running core holds is what a fresh start reads from disk.
          const before = [meetingOf(w), bodyOf(w)];
          w = { ...w, core: w.core.reopen() };
          expect([meetingOf(w), bodyOf(w)]).toEqual(before);
        } finally {
          w.core.dispose();
        }
      }),
      { numRuns: 40 },
    );
  });
});
