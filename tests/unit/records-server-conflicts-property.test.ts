// Properties of comparing laptops' copies of a meeting, over meetings recorded with random commands
// by the real Chamber core: two identical copies, or one a prefix of the other (the backup stopped
// earlier), never conflict; and two laptops that start from the same prepared record and record
// the same things (under ids of their own for motions and divisions) agree on every fact.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DivisionTimers } from '../../electron/core/divisionCloser';
import { compareCopies, type MeetingCopy } from '../../server/meetingConflicts';
import type { Command } from '../../shared/commands';
import type { WireEvent } from '../../shared/sync/protocol';
import { backupOf, meetingOf, preparedMeeting, type Laptop, type Prepared } from '../support/twoLaptops';

/** Divisions close when the commands say so, never by a timer between them. */
const noTimers: DivisionTimers = { set: () => undefined, clear: () => undefined };

type Step =
  | { kind: 'mark'; member: number; state: 'present' | 'virtual' | 'apologies' | 'absent' }
  | { kind: 'depart'; member: number }
  | { kind: 'start' | 'adjourn' | 'resume' | 'close' | 'endItem' | 'callDivision' | 'closeDivision' }
  | { kind: 'startItem'; item: number }
  | { kind: 'move'; mover: number; seconder: number }
  | { kind: 'resolve'; outcome: 'carried' | 'lost'; for: number; against: number }
  | { kind: 'vote'; member: number; choice: 'for' | 'against' | 'abstain' }
  | { kind: 'wait'; ms: number };

const member = fc.integer({ min: 0, max: 7 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('mark' as const), member, state: fc.constantFrom('present' as const, 'virtual' as const, 'apologies' as const, 'absent' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('depart' as const), member }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('start' as const, 'adjourn' as const, 'resume' as const, 'close' as const, 'endItem' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('callDivision' as const, 'closeDivision' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('startItem' as const), item: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), mover: member, seconder: member }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), outcome: fc.constantFrom('carried' as const, 'lost' as const), for: fc.nat(8), against: fc.nat(8) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('vote' as const), member, choice: fc.constantFrom('for' as const, 'against' as const, 'abstain' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1_000, max: 20 * 60_000 }) }) },
);
/** Every meeting gets going (attendance, the start, the budget taken, a motion and a division on it), then random steps. */
const steps = fc.array(step, { minLength: 5, maxLength: 40 }).map((rest): Step[] => [
  { kind: 'mark', member: 0, state: 'present' },
  { kind: 'mark', member: 1, state: 'present' },
  { kind: 'start' },
  { kind: 'startItem', item: 1 },
  { kind: 'move', mover: 0, seconder: 1 },
  { kind: 'callDivision' },
  { kind: 'vote', member: 0, choice: 'for' },
  ...rest,
]);

/** The step as a command on this laptop's record (its own motion and division ids); refused ones change nothing. */
const commandOf = (laptop: Laptop, w: Prepared, s: Step): Command | undefined => {
  const { meetingId } = w;
  const m = meetingOf(laptop.core, meetingId);
  const motion = m.motions.findLast((x) => x.status === 'open');
  switch (s.kind) {
    case 'mark':
      return { type: 'attendance.mark', meetingId, memberId: w.ids[s.member], state: s.state };
    case 'depart':
      return { type: 'attendance.depart', meetingId, memberId: w.ids[s.member] };
    case 'start':
      return { type: 'meeting.start', meetingId };
    case 'adjourn':
      return { type: 'meeting.adjourn', meetingId, reason: '' };
    case 'resume':
      return { type: 'meeting.resume', meetingId };
    case 'close':
      return { type: 'meeting.close', meetingId };
    case 'startItem':
      return { type: 'item.start', meetingId, itemId: w.itemIds[s.item] };
    case 'endItem':
      return m.currentItemId ? { type: 'item.end', meetingId, itemId: m.currentItemId } : undefined;
    case 'move':
      return m.currentItemId
        ? { type: 'motion.move', meetingId, itemId: m.currentItemId, kind: 'substantive', wording: 'That the report be noted.', moverId: w.ids[s.mover], seconderId: w.ids[s.seconder] }
        : undefined;
    case 'resolve':
      return motion ? { type: 'motion.resolve', meetingId, motionId: motion.id, outcome: s.outcome, how: 'show_of_hands', for: s.for, against: s.against } : undefined;
    case 'callDivision':
      return motion ? { type: 'division.call', meetingId, motionId: motion.id, skipBell: true } : undefined;
    case 'vote':
      return m.openDivisionId ? { type: 'vote.cast', meetingId, divisionId: m.openDivisionId, memberId: w.ids[s.member], choice: s.choice } : undefined;
    case 'closeDivision':
      return m.openDivisionId ? { type: 'division.close', meetingId, divisionId: m.openDivisionId } : undefined;
    case 'wait':
      return undefined;
  }
};

const record = (laptop: Laptop, w: Prepared, plan: readonly Step[]) => {
  for (const s of plan) {
    if (s.kind === 'wait') laptop.clock.advance(s.ms);
    const command = commandOf(laptop, w, s);
    if (command) laptop.core.dispatch(command);
    laptop.clock.advance(1_000);
  }
};

const copyOf = (laptop: Laptop, w: Prepared, device: string, meeting?: readonly WireEvent[]): MeetingCopy => ({
  device,
  deviceName: device === 'a' ? 'Clerk laptop' : 'Backup laptop',
  meeting: meeting ?? (laptop.core.log.read(`meeting:${w.meetingId}`) as unknown as WireEvent[]),
  body: laptop.core.log.read(`body:${w.bodyId}`) as unknown as WireEvent[],
});

describe('comparing copies of a meeting recorded with random commands', () => {
  let w: Prepared;
  beforeAll(() => {
    w = preparedMeeting();
  });
  afterAll(() => w?.clerk.dispose());

  it('finds no conflict between two identical copies, or between a copy and any prefix of it; only the shorter is missing anything', () => {
    fc.assert(
      fc.property(steps, fc.double({ min: 0, max: 1, noNaN: true }), (plan, cut) => {
        const laptop = backupOf(w.clerk, { divisionTimers: noTimers });
        try {
          record(laptop, w, plan);
          const full = copyOf(laptop, w, 'a');
          const prefix = full.meeting.slice(0, Math.max(1, Math.floor(cut * full.meeting.length)));
          const same = compareCopies(w.meetingId, [full, copyOf(laptop, w, 'b', full.meeting)]);
          expect(same.conflicts).toEqual([]);
          expect(same.notRecorded).toEqual([]);
          for (const copies of [
            [full, copyOf(laptop, w, 'b', prefix)],
            [copyOf(laptop, w, 'b', prefix), full],
          ]) {
            const compared = compareCopies(w.meetingId, copies);
            expect(compared.conflicts).toEqual([]);
            for (const n of compared.notRecorded) expect([n.missingFrom, n.recordedBy]).toEqual([['b'], ['a']]);
          }
          // The copy as prepared, before the meeting began, lacks at least the start: the comparison sees what was recorded.
          const prepared = full.meeting.slice(0, w.clerk.core.log.read(`meeting:${w.meetingId}`).length);
          const keys = compareCopies(w.meetingId, [full, copyOf(laptop, w, 'b', prepared)]).notRecorded.map((n) => n.key);
          expect(keys).toContain('meeting:started');
          expect(keys).toContain(`attendance:${w.ids[0]}`);
        } finally {
          laptop.dispose();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('finds nothing between two laptops that record the same things from the same prepared record, though their motions and divisions have ids of their own', () => {
    fc.assert(
      fc.property(steps, (plan) => {
        const a = backupOf(w.clerk, { divisionTimers: noTimers });
        const b = backupOf(w.clerk, { divisionTimers: noTimers });
        try {
          record(a, w, plan);
          record(b, w, plan);
          const [ma, mb] = [meetingOf(a.core, w.meetingId), meetingOf(b.core, w.meetingId)];
          expect(ma.divisions.length).toBeGreaterThan(0);
          expect(ma.divisions.map((d) => d.id).filter((id) => mb.divisions.some((x) => x.id === id))).toEqual([]);
          const compared = compareCopies(w.meetingId, [copyOf(a, w, 'a'), copyOf(b, w, 'b')]);
          expect(compared.conflicts).toEqual([]);
          expect(compared.notRecorded).toEqual([]);
        } finally {
          a.dispose();
          b.dispose();
        }
      }),
      { numRuns: 25 },
    );
  });
});
