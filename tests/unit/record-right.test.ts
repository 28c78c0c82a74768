// The record must be complete and right: each case a clerk would hit, through the dispatcher on a
// real SQLite file, with times as a clerk in Kent types and reads them (Europe/London).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { meetingQuorum } from '../../shared/procedure/attendance';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import { itemElapsedMs } from '../../shared/state/meetingLive';
import { clockTime, instantAt } from '../../shared/time';
import { committee, TZ } from '../support/committee';

type Committee = ReturnType<typeof committee>;

describe('quorum, whatever changes it', () => {
  let c: Committee;
  beforeEach(() => (c = committee()));
  afterEach(() => c.core.dispose());

  const marked = (...surnames: string[]) => {
    for (const s of surnames) c.core.send({ type: 'attendance.mark', meetingId: c.meetingId, memberId: c.member(s).id, state: 'present' });
  };
  const changes = () => c.meeting().quorumChanges.map(({ quorate, present, required }) => ({ quorate, present, required }));

  it('a meeting that starts inquorate records so at its start', () => {
    marked('Cole', 'Meade');
    expect(c.recorded({ type: 'meeting.start', meetingId: c.meetingId })).toEqual(['meeting.started', 'quorum.lost']);
    expect(c.meeting().quorumChanges).toEqual([expect.objectContaining({ time: c.at('09:30'), quorate: false, present: 2, required: 3 })]);
  });

  it('taking up an item from which members have withdrawn for an interest, and ending it', () => {
    marked('Cole', 'Meade', 'Dean');
    c.core.send({ type: 'meeting.start', meetingId: c.meetingId });
    c.core.send({ type: 'declaration.record', meetingId: c.meetingId, memberId: c.member('Dean').id, itemId: c.item('2'), kind: 'disclosable_pecuniary', description: 'Owns the land' });
    expect(changes()).toEqual([]); // not yet: the item is not being taken
    expect(c.recorded({ type: 'item.start', meetingId: c.meetingId, itemId: c.item('2') })).toEqual(['item.started', 'quorum.lost']);
    expect(c.recorded({ type: 'item.end', meetingId: c.meetingId, itemId: c.item('2') })).toEqual(['item.ended', 'quorum.regained']);
    expect(changes()).toEqual([
      { quorate: false, present: 2, required: 3 },
      { quorate: true, present: 3, required: 3 },
    ]);
  });

  it('removing a declaration recorded in error', () => {
    marked('Cole', 'Meade', 'Dean');
    c.core.send({ type: 'meeting.start', meetingId: c.meetingId });
    c.core.send({ type: 'item.start', meetingId: c.meetingId, itemId: c.item('2') });
    const { declarationId } = c.core.send({ type: 'declaration.record', meetingId: c.meetingId, memberId: c.member('Dean').id, itemId: c.item('2'), kind: 'disclosable_pecuniary', description: 'Owns the land' });
    expect(c.meeting().quorumChanges.at(-1)).toMatchObject({ quorate: false });
    expect(c.recorded({ type: 'declaration.remove', meetingId: c.meetingId, declarationId, reason: 'It was Mr Bird who declared' })).toEqual(['declaration.removed', 'quorum.regained']);
  });

  it('a member leaving the body, and the seats changed', () => {
    marked('Cole', 'Meade', 'Dean');
    c.core.send({ type: 'meeting.start', meetingId: c.meetingId });
    expect(c.recorded({ type: 'member.remove', bodyId: c.bodyId, memberId: c.member('Dean').id })).toEqual(['member.removed', 'quorum.lost']);
    expect(c.meeting().quorumChanges.at(-1)).toMatchObject({ quorate: false, present: 2 });
    // A quorum of a half of the seats: six seats, so three.
    c.core.send({ type: 'body.setStandingOrders', bodyId: c.bodyId, standingOrders: { ...defaultStandingOrders('committee'), quorum: { kind: 'fraction', numerator: 1, denominator: 2 } } });
    expect(c.meeting().quorumChanges.at(-1)).toMatchObject({ quorate: false, present: 2, required: 3 });
  });

  it('is reckoned on the whole number of seats: a vacancy does not lower it', () => {
    c.core.send({ type: 'body.setStandingOrders', bodyId: c.bodyId, standingOrders: { ...defaultStandingOrders('committee'), quorum: { kind: 'fraction', numerator: 1, denominator: 2 } } });
    c.core.send({ type: 'body.update', bodyId: c.bodyId, name: 'Planning Committee', kind: 'committee', seats: 8 });
    expect(meetingQuorum(c.meeting(), c.body())).toMatchObject({ required: 4 }); // half of 8 seats, with 6 members listed
    c.core.send({ type: 'member.remove', bodyId: c.bodyId, memberId: c.member('Vye').id });
    expect(meetingQuorum(c.meeting(), c.body())).toMatchObject({ required: 4 }); // a second vacancy: still 4
    expect(c.body().seats).toBe(8);
    expect(c.refusal({ type: 'body.update', bodyId: c.bodyId, name: 'Planning Committee', kind: 'committee', seats: 4 })).toMatchObject({
      details: { field: 'seats' },
      message: expect.stringContaining('cannot have fewer than 5 seats'),
    });
    // Five members in eight seats: three more fill them, a fourth is one too many.
    for (const surname of ['Ames', 'Ball', 'Cray', 'Dunn']) {
      const add: Command = { type: 'member.add', bodyId: c.bodyId, member: { title: 'Ms', initials: [], surname, honours: [], group: '', roles: [], voting: true } };
      if (surname === 'Dunn') expect(c.refusal(add)).toMatchObject({ message: expect.stringContaining('has 8 seats; this would list 9 voting members') });
      else c.core.send(add);
    }
  });
});

describe('attendance: every stay on the record', () => {
  let c: Committee;
  beforeEach(() => (c = committee()));
  afterEach(() => c.core.dispose());

  it('marking a member who was here as absent keeps their stays; so do corrections after the close', () => {
    const cole = c.member('Cole').id;
    c.core.send({ type: 'attendance.mark', meetingId: c.meetingId, memberId: cole, state: 'present', time: '09:30' });
    c.core.send({ type: 'meeting.start', meetingId: c.meetingId });
    c.clock.advance(30 * 60_000); // 10:00
    c.core.send({ type: 'attendance.depart', meetingId: c.meetingId, memberId: cole });
    c.clock.advance(20 * 60_000); // 10:20
    c.core.send({ type: 'attendance.mark', meetingId: c.meetingId, memberId: cole, state: 'present' });
    c.clock.advance(10 * 60_000); // 10:30
    c.core.send({ type: 'attendance.mark', meetingId: c.meetingId, memberId: cole, state: 'absent' });
    expect(c.meeting().attendance[cole]).toEqual({ state: 'absent', stays: [{ from: c.at('09:30'), to: c.at('10:00') }, { from: c.at('10:20'), to: c.at('10:30') }] });

    c.clock.advance(10 * 60_000); // 10:40
    c.core.send({ type: 'meeting.close', meetingId: c.meetingId });
    // After the close, a correction of the mark alone keeps every stay.
    c.core.send({ type: 'attendance.correct', meetingId: c.meetingId, memberId: cole, state: 'present', reason: 'He left, he was not absent' });
    expect(c.meeting().attendance[cole].stays).toEqual([{ from: c.at('09:30'), to: c.at('10:00') }, { from: c.at('10:20'), to: c.at('10:30') }]);
    // And one giving the stays changes exactly them.
    c.core.send({
      type: 'attendance.correct',
      meetingId: c.meetingId,
      memberId: cole,
      state: 'present',
      stays: [{ from: '09:30', to: '10:00' }, { from: '10:25', to: '10:30' }],
      reason: 'He came back at 10:25',
    });
    expect(c.meeting().attendance[cole].stays).toEqual([{ from: c.at('09:30'), to: c.at('10:00') }, { from: c.at('10:25'), to: c.at('10:30') }]);
    expect(c.meeting().corrections.map((x) => x.reason)).toEqual(['He left, he was not absent', 'He came back at 10:25']);
  });

  it('re-marking a member present with another time corrects the arrival, on the record as a correction', () => {
    const cole = c.member('Cole').id;
    c.clock.advance(35 * 60_000); // 10:05
    c.core.send({ type: 'meeting.start', meetingId: c.meetingId, time: '10:00' });
    expect(c.recorded({ type: 'attendance.mark', meetingId: c.meetingId, memberId: cole, state: 'present' })).toEqual(['attendance.marked', 'quorum.lost'].slice(0, 1));
    // Typed again with the time he really came in.
    expect(c.recorded({ type: 'attendance.mark', meetingId: c.meetingId, memberId: cole, state: 'present', time: '10:02' })).toEqual(['attendance.corrected']);
    expect(c.meeting().attendance[cole].stays).toEqual([{ from: c.at('10:02') }]);
    expect(c.meeting().corrections).toEqual([expect.objectContaining({ memberId: cole, reason: 'Arrival time corrected during the meeting: 10:02, not 10:05.' })]);
    // The same again changes nothing, and says so (no events).
    expect(c.recorded({ type: 'attendance.mark', meetingId: c.meetingId, memberId: cole, state: 'present', time: '10:02' })).toEqual([]);
    expect(c.recorded({ type: 'attendance.mark', meetingId: c.meetingId, memberId: cole, state: 'present' })).toEqual([]);
  });

  it('a member removed from the body before the meeting cannot be put into its record; one removed during it can be corrected', () => {
    const { member, meetingId, bodyId } = c;
    const vye = member('Vye').id;
    const bird = member('Bird').id;
    c.core.send({ type: 'member.remove', bodyId, memberId: vye });
    c.clock.advance(60_000);
    c.core.send({ type: 'attendance.mark', meetingId, memberId: bird, state: 'present' });
    c.core.send({ type: 'meeting.start', meetingId });
    c.clock.advance(60_000);
    c.core.send({ type: 'member.remove', bodyId, memberId: bird });
    c.core.send({ type: 'meeting.close', meetingId });
    expect(c.refusal({ type: 'attendance.correct', meetingId, memberId: vye, state: 'present', stays: [{ from: '09:30', to: '09:31' }], reason: 'x' })).toMatchObject({
      code: 'refused',
      message: 'Vye was no longer a member of Planning Committee when this meeting sat, so their attendance cannot be recorded here.',
    });
    c.core.send({ type: 'attendance.correct', meetingId, memberId: bird, state: 'apologies', stays: [], reason: 'Sent apologies; marked present in error' });
    expect(c.meeting().attendance[bird]).toEqual({ state: 'apologies', stays: [] });
  });
});

describe('times are the day the meeting sits, in local time', () => {
  it('a meeting scheduled for another day gets typed times on the day it actually sits', () => {
    const c = committee('2026-06-24'); // scheduled a week earlier; run on 1 July (the clock)
    try {
      c.clock.advance(-c.clock.now().getTime() + Date.parse(instantAt('2026-07-01', '10:05', TZ)));
      c.core.send({ type: 'meeting.start', meetingId: c.meetingId, time: '10:00' });
      c.core.send({ type: 'attendance.mark', meetingId: c.meetingId, memberId: c.member('Cole').id, state: 'present', time: '10:02' });
      expect(c.meeting().startedAt).toBe(instantAt('2026-07-01', '10:00', TZ));
      expect(c.meeting().attendance[c.member('Cole').id].stays).toEqual([{ from: instantAt('2026-07-01', '10:02', TZ) }]);
    } finally {
      c.core.dispose();
    }
  });

  it('a clerk who types 10:40 in British Summer Time reads 10:40 back, in the record and in messages', () => {
    const c = committee();
    try {
      c.clock.advance(80 * 60_000); // 10:50 BST
      c.core.send({ type: 'meeting.start', meetingId: c.meetingId, time: '10:00' });
      c.core.send({ type: 'attendance.mark', meetingId: c.meetingId, memberId: c.member('Cole').id, state: 'present', time: '10:40' });
      const arrival = c.meeting().attendance[c.member('Cole').id].stays[0].from;
      expect(arrival).toBe('2026-07-01T09:40:00.000Z'); // stored as the instant it was
      expect(clockTime(arrival, TZ)).toBe('10:40');
      expect(c.refusal({ type: 'attendance.depart', meetingId: c.meetingId, memberId: c.member('Cole').id, time: '10:30' }).message).toBe(
        "A departure at 10:30 would be before Mr Cole's arrival at 10:40.",
      );
      expect(c.refusal({ type: 'attendance.depart', meetingId: c.meetingId, memberId: c.member('Cole').id, time: '11:30' }).message).toBe(
        '11:30 on that day is still to come: give a time that has passed.',
      );
      // In another time zone the same instant reads differently, and typed times follow it.
      c.core.send({ type: 'settings.setTimeZone', timeZone: 'America/New_York' });
      c.core.send({ type: 'attendance.mark', meetingId: c.meetingId, memberId: c.member('Meade').id, state: 'present', time: '05:45' });
      expect(c.meeting().attendance[c.member('Meade').id].stays[0].from).toBe('2026-07-01T09:45:00.000Z');
    } finally {
      c.core.dispose();
    }
  });
});

describe('the agenda clock', () => {
  it('stops while the meeting is adjourned', () => {
    const c = committee();
    try {
      c.core.send({ type: 'meeting.start', meetingId: c.meetingId });
      c.core.send({ type: 'item.start', meetingId: c.meetingId, itemId: c.item('2') });
      c.clock.advance(10 * 60_000);
      c.core.send({ type: 'meeting.adjourn', meetingId: c.meetingId, reason: 'Comfort break' });
      c.clock.advance(45 * 60_000);
      const whileAdjourned = c.meeting().progress[c.item('2')];
      expect(itemElapsedMs(whileAdjourned, c.clock.now().getTime())).toBe(10 * 60_000);
      c.core.send({ type: 'meeting.resume', meetingId: c.meetingId });
      c.clock.advance(5 * 60_000);
      expect(itemElapsedMs(c.meeting().progress[c.item('2')], c.clock.now().getTime())).toBe(15 * 60_000);
      expect(c.refusal({ type: 'meeting.adjourn', meetingId: c.meetingId, reason: '', time: '10:20' })).toMatchObject({ message: 'The meeting resumed at 10:25; this cannot be earlier.' });
      const display = c.core.read(`display:${c.meetingId}`) as { ok: true; data: { currentItem: { elapsedBeforeMs: number; runningSince: string } } };
      expect(display.data.currentItem).toMatchObject({ elapsedBeforeMs: 10 * 60_000, runningSince: c.at('10:25') });
    } finally {
      c.core.dispose();
    }
  });
});

describe('refused with a clear reason, the record untouched', () => {
  let c: Committee;
  beforeEach(() => (c = committee()));
  afterEach(() => c.core.dispose());

  it('the same declaration twice', () => {
    const declare = { type: 'declaration.record', meetingId: c.meetingId, memberId: c.member('Dean').id, itemId: c.item('2'), kind: 'other', description: 'Lives nearby' } as const;
    c.core.send(declare);
    expect(c.refusal({ ...declare, description: '  lives   NEARBY ' })).toMatchObject({ message: "Mr Dean's declaration of this interest in item 2 (Land at Manor Farm) is already recorded." });
    c.core.send({ ...declare, description: 'Knows the applicant' }); // another interest is another declaration
  });

  it('an item number used twice, at "ready" and at the start', () => {
    c.core.send({ type: 'agenda.addItem', meetingId: c.meetingId, item: { number: '2', title: 'Land at Mill Lane', kind: 'report' } });
    const message = 'Item number 2 is used twice ("Land at Manor Farm" and "Land at Mill Lane"): number each item once, so the minutes say which is which.';
    expect(c.refusal({ type: 'meeting.setReady', meetingId: c.meetingId, ready: true })).toMatchObject({ message });
    expect(c.refusal({ type: 'meeting.start', meetingId: c.meetingId })).toMatchObject({ message: `The meeting cannot start yet. ${message}` });
  });

  it('a draft meeting with an empty agenda', () => {
    const { meetingId } = c.core.send({ type: 'meeting.create', bodyId: c.bodyId, title: 'Extraordinary meeting', date: '2026-07-01', startTime: '14:00', venue: '' });
    expect(c.refusal({ type: 'meeting.start', meetingId })).toMatchObject({ message: 'The meeting cannot start yet. The agenda is empty: import or add its items first.' });
  });

  it('any change after the close except by correction with a reason', () => {
    c.core.send({ type: 'meeting.start', meetingId: c.meetingId });
    c.core.send({ type: 'item.note', meetingId: c.meetingId, itemId: c.item('2'), text: 'Deferred to July.' });
    c.core.send({ type: 'meeting.close', meetingId: c.meetingId });
    const closed = c.refusal({ type: 'item.note', meetingId: c.meetingId, itemId: c.item('2'), text: 'Refused.' });
    expect(closed).toMatchObject({ message: expect.stringContaining('can only be corrected, with a reason') });
    expect(closed.message).not.toContain('correction.record');
    expect(c.refusal({ type: 'attendance.officer', meetingId: c.meetingId, officerId: c.member('Cole').id, present: true })).toMatchObject({ code: 'refused' });
    const { correctionId } = c.core.send({
      type: 'correction.record',
      meetingId: c.meetingId,
      reason: 'The item was refused, not deferred',
      change: { type: 'item.note', meetingId: c.meetingId, itemId: c.item('2'), text: 'Refused.' },
    });
    expect(c.meeting().notes[c.item('2')]).toBe('Refused.');
    expect(c.meeting().corrections).toEqual([expect.objectContaining({ id: correctionId, what: 'notes on item 2', reason: 'The item was refused, not deferred' })]);
    expect(
      c.refusal({ type: 'correction.record', meetingId: c.meetingId, reason: 'x', change: { type: 'item.note', meetingId: '00000000-0000-4000-8000-000000000000', itemId: c.item('2'), text: 'y' } }),
    ).toMatchObject({ details: { field: 'change.meetingId' } });
  });
});
