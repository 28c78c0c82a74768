// A scripted full council meeting through the dispatcher and a real SQLite file: attendance,
// apologies, late arrivals, an early departure, a declaration with withdrawal, an adjournment,
// a private session; then the state checked field by field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendanceCounts, meetingQuorum, votingEligibility } from '../../shared/procedure/attendance';
import type { BodyState, Member } from '../../shared/state/body';
import { chamberDisplay } from '../../shared/state/display';
import type { MeetingState } from '../../shared/state/meeting';
import { arrivedAt, departedAt, isHere } from '../../shared/state/meetingLive';
import { instantAt } from '../../shared/time';
import { kcc2015AgendaItems, kcc2015Membership, KCC_2015_APOLOGIES } from '../support/kcc2015';
import { kccBody, kccMeeting, openTestCore, testClock, type TestCore } from '../support/meeting';

/** A time on the day of the meeting, in Kent (British Summer Time in October 2015). */
const at = (hhmm: string) => instantAt('2015-10-22', hhmm, 'Europe/London');

describe('running the full council meeting of 22 October 2015', () => {
  let core: TestCore;
  let bodyId: string;
  let meetingId: string;
  let clock = testClock(at('09:58'));
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = () => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  const member = (surname: string, title?: string): Member => {
    const found = body().members.filter((m) => m.surname === surname && (!title || m.title === title));
    if (found.length !== 1) throw new Error(`${found.length} members called ${surname}`);
    return found[0];
  };
  const item = (number: string) => meeting().agenda.find((i) => i.number === number)!;
  const m0 = () => meeting();
  const refusal = (command: Parameters<TestCore['dispatch']>[0]) => core.refusal(command);

  beforeEach(() => {
    clock = testClock(at('09:58'));
    core = openTestCore({ now: () => clock.now() });
    bodyId = core.send(kccBody).bodyId;
    core.send({ type: 'member.import', bodyId, source: 'present_paragraph', members: kcc2015Membership() });
    meetingId = core.send({ type: 'meeting.create', bodyId, ...kccMeeting }).meetingId;
    core.send({ type: 'agenda.import', meetingId, items: kcc2015AgendaItems(), replace: true });
    core.send({ type: 'agenda.addItem', meetingId, item: { number: '14', title: 'Property acquisition (exempt)', kind: 'exempt' } });
    core.send({ type: 'officer.add', bodyId, officer: { name: 'Mr G Wild', jobTitle: 'Director of Governance and Law' } });
  });
  afterEach(() => core.dispose());

  it('records the meeting and its state is right, field by field', () => {
    const members = body().members;
    expect(members).toHaveLength(83);
    const late = [member('Vye'), member('Wedgbury')];
    const apologies = KCC_2015_APOLOGIES.map(([title, surname]) => member(surname, title));
    const onTime = members.filter((m) => !late.includes(m) && !apologies.includes(m));
    expect(onTime).toHaveLength(72);

    for (const m of apologies) core.send({ type: 'apologies.expect', meetingId, memberId: m.id, note: '' });
    core.send({ type: 'meeting.setReady', meetingId, ready: true });
    for (const m of onTime) core.send({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present', time: at('09:55') });
    // The apologies received in advance are recorded when the meeting starts.
    core.send({ type: 'attendance.officer', meetingId, officerId: body().officers[0].id, present: true });

    clock.advance(2 * 60_000); // 10:00
    core.send({ type: 'meeting.start', meetingId });
    expect(apologies.map((m) => meeting().attendance[m.id]?.state)).toEqual(apologies.map(() => 'apologies'));
    core.send({ type: 'chair.take', meetingId, memberId: member('Harrison', 'Mr').id, capacity: 'chairman' });
    core.send({ type: 'item.start', meetingId, itemId: item('1').itemId });
    clock.advance(5 * 60_000); // 10:05: the clerk records what happened a moment ago
    core.send({ type: 'item.end', meetingId, itemId: item('1').itemId, time: at('10:03') });
    core.send({ type: 'item.start', meetingId, itemId: item('2').itemId, time: at('10:03') });
    const declarant = member('Angell');
    core.send({ type: 'declaration.record', meetingId, memberId: declarant.id, itemId: item('8').itemId, kind: 'disclosable_pecuniary', description: 'A relative is paid the allowance' });
    core.send({ type: 'item.end', meetingId, itemId: item('2').itemId, time: at('10:05') });

    clock.advance(37 * 60_000); // 10:42
    core.send({ type: 'attendance.mark', meetingId, memberId: late[0].id, state: 'present' });
    clock.advance(30 * 60_000); // 11:12
    core.send({ type: 'attendance.mark', meetingId, memberId: late[1].id, state: 'present', time: at('11:05') });

    core.send({ type: 'item.start', meetingId, itemId: item('8').itemId, time: at('11:10') });
    expect(votingEligibility(meeting(), body(), declarant.id, item('8').itemId)).toEqual({
      eligible: false,
      reason: 'withdrawn from this item after declaring an interest',
    });
    expect(votingEligibility(meeting(), body(), declarant.id, item('7').itemId)).toEqual({ eligible: true });
    expect(meetingQuorum(meeting(), body())).toMatchObject({ quorate: true, required: 21, counted: 73 });
    clock.advance(30 * 60_000); // 11:42
    core.send({ type: 'item.end', meetingId, itemId: item('8').itemId, time: at('11:40') });

    clock.advance(48 * 60_000); // 12:30
    core.send({ type: 'meeting.adjourn', meetingId, reason: 'Lunch' });
    clock.advance(60 * 60_000); // 13:30
    core.send({ type: 'meeting.resume', meetingId });
    const leaver = member('Manion');
    clock.advance(32 * 60_000); // 14:02
    core.send({ type: 'attendance.depart', meetingId, memberId: leaver.id, time: at('14:00') });
    core.send({ type: 'item.withdraw', meetingId, itemId: item('12').itemId, reason: 'Report not ready' });

    clock.advance(13 * 60_000); // 14:15
    core.send({ type: 'session.private', meetingId, reason: 'Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972' });
    core.send({ type: 'item.start', meetingId, itemId: item('14').itemId });
    const display = chamberDisplay(meeting(), body(), 'Europe/London');
    expect(display.privateSession).toBe(true);
    expect(display.currentItem).toBeUndefined();
    expect(JSON.stringify(display)).not.toContain('Property acquisition');
    clock.advance(10 * 60_000); // 14:25
    core.send({ type: 'item.end', meetingId, itemId: item('14').itemId });
    core.send({ type: 'session.public', meetingId });
    clock.advance(5 * 60_000); // 14:30
    core.send({ type: 'meeting.close', meetingId });

    const m = meeting();
    expect(m.status).toBe('closed');
    expect(m.startedAt).toBe(at('10:00'));
    expect(m.closedAt).toBe(at('14:30'));
    expect(m.chair).toEqual([{ id: expect.any(String), memberId: member('Harrison', 'Mr').id, capacity: 'chairman', since: at('10:00') }]);
    expect(m.officersPresent).toEqual([body().officers[0].id]);

    const counts = attendanceCounts(m, body()).total;
    expect(counts).toEqual({ present: 0, virtual: 0, withdrawn: 0, left: 0, attended: 74, apologies: 9, absent: 0, unmarked: 0 }); // closed: everyone who came attended
    const attended = members.filter((x) => m.attendance[x.id]?.stays.length);
    expect(attended).toHaveLength(74);
    expect(members.filter((x) => m.attendance[x.id]?.state === 'apologies').map((x) => x.surname)).toEqual(KCC_2015_APOLOGIES.map(([, s]) => s));
    expect(arrivedAt(m.attendance[late[0].id])).toBe(at('10:42'));
    expect(arrivedAt(m.attendance[late[1].id])).toBe(at('11:05'));
    expect(members.filter((x) => (arrivedAt(m.attendance[x.id]) ?? '') > m.startedAt!).map((x) => x.surname)).toEqual(['Vye', 'Wedgbury']);
    expect(departedAt(m.attendance[leaver.id])).toBe(at('14:00'));
    expect(members.filter((x) => (departedAt(m.attendance[x.id]) ?? 'z') < m.closedAt!).map((x) => x.surname)).toEqual(['Manion']);
    expect(isHere(m.attendance[leaver.id])).toBe(false);

    expect(m.declarations).toEqual([
      expect.objectContaining({ memberId: declarant.id, itemId: item('8').itemId, kind: 'disclosable_pecuniary', withdraws: true }),
    ]);
    expect(m.progress[item('1').itemId]).toEqual({ state: 'done', periods: [{ from: at('10:00'), to: at('10:03') }] });
    expect(m.progress[item('8').itemId]).toEqual({ state: 'done', periods: [{ from: at('11:10'), to: at('11:40') }] });
    expect(m.progress[item('12').itemId]).toEqual({ state: 'withdrawn', periods: [], reason: 'Report not ready' });
    expect(m.progress[item('14').itemId]).toEqual({ state: 'done', periods: [{ from: at('14:15'), to: at('14:25') }] });
    expect(m.adjournments).toEqual([{ id: expect.any(String), from: at('12:30'), to: at('13:30'), reason: 'Lunch' }]);
    expect(m.privateSessions).toEqual([{ id: expect.any(String), from: at('14:15'), to: at('14:25'), reason: expect.stringContaining('Schedule 12A') }]);
    expect(m.quorumChanges).toEqual([]);
    expect(core.log.verify().ok).toBe(true);
  });

  it('refuses what cannot happen, with a clear message, changing nothing', () => {
    const harrison = member('Harrison', 'Mr');
    const stranger = '00000000-0000-4000-8000-00000000beef';
    expect(refusal({ type: 'attendance.mark', meetingId, memberId: stranger, state: 'present' })).toMatchObject({ code: 'not_found', details: { field: 'memberId' } });
    core.send({ type: 'attendance.mark', meetingId, memberId: harrison.id, state: 'present', time: at('09:50') });
    expect(refusal({ type: 'attendance.depart', meetingId, memberId: harrison.id, time: at('09:40') })).toMatchObject({
      message: "A departure at 09:40 would be before Mr M Harrison's arrival at 09:50.",
      details: { field: 'time' },
    });
    expect(refusal({ type: 'attendance.mark', meetingId, memberId: harrison.id, state: 'present', time: at('23:00') })).toMatchObject({ details: { field: 'time' } });
    expect(refusal({ type: 'item.start', meetingId, itemId: item('1').itemId })).toMatchObject({ message: 'Start the meeting first.' });
    core.send({ type: 'meeting.start', meetingId });
    expect(refusal({ type: 'item.end', meetingId, itemId: item('1').itemId })).toMatchObject({ code: 'refused', details: { field: 'itemId' } });
    core.send({ type: 'item.start', meetingId, itemId: item('1').itemId });
    expect(refusal({ type: 'item.start', meetingId, itemId: item('2').itemId })).toMatchObject({
      message: 'Item 1 (Apologies for Absence) is still being taken: end it first.',
    });
    expect(refusal({ type: 'meeting.close', meetingId })).toMatchObject({ message: expect.stringContaining('End item 1') });
    expect(refusal({ type: 'chair.take', meetingId, memberId: member('Gates').id, capacity: 'chairman' })).toMatchObject({ code: 'refused' });
    expect(refusal({ type: 'declaration.record', meetingId, memberId: harrison.id, itemId: item('8').itemId, kind: 'disclosable_pecuniary', description: 'x', withdraws: false })).toMatchObject({
      details: { field: 'withdraws' },
    });
    core.send({ type: 'item.end', meetingId, itemId: item('1').itemId });
    core.send({ type: 'meeting.close', meetingId });

    expect(refusal({ type: 'attendance.mark', meetingId, memberId: member('Gates').id, state: 'present' })).toMatchObject({ message: expect.stringContaining('closed') });
    expect(refusal({ type: 'attendance.correct', meetingId, memberId: harrison.id, state: 'present', stays: [{ from: at('09:55'), to: at('09:50') }], reason: 'typo' })).toMatchObject({
      details: { field: 'stays.0.to' },
    });
    core.send({ type: 'attendance.correct', meetingId, memberId: member('Gates').id, state: 'present', stays: [{ from: at('09:51'), to: m0().closedAt! }], reason: 'Mr Gates arrived at 09:51; missed at the time' });
    const m = meeting();
    expect(m.attendance[member('Gates').id]).toEqual({ state: 'present', stays: [{ from: at('09:51'), to: m.closedAt }] });
    expect(m.corrections).toEqual([
      { id: expect.any(String), recordedAt: clock.now().toISOString(), what: 'attendance', memberId: member('Gates').id, reason: 'Mr Gates arrived at 09:51; missed at the time' },
    ]);
  });

  it('undoes a deferral or a withdrawal by a new event, with its reason: the item is back as it was', () => {
    core.send({ type: 'meeting.start', meetingId });
    core.send({ type: 'item.start', meetingId, itemId: item('1').itemId });
    core.send({ type: 'item.end', meetingId, itemId: item('1').itemId });
    expect(refusal({ type: 'item.reinstate', meetingId, itemId: item('8').itemId, reason: '' })).toMatchObject({
      code: 'refused',
      message: expect.stringContaining('is not deferred or withdrawn, so there is nothing to undo'),
    });
    core.send({ type: 'item.defer', meetingId, itemId: item('8').itemId, reason: '' });
    core.send({ type: 'item.withdraw', meetingId, itemId: item('1').itemId, reason: '' });
    expect(meeting().progress[item('8').itemId]).toMatchObject({ state: 'deferred' });
    const before = core.eventCount();
    core.send({ type: 'item.reinstate', meetingId, itemId: item('8').itemId, reason: 'Deferred in error' });
    core.send({ type: 'item.reinstate', meetingId, itemId: item('1').itemId, reason: 'Withdrawn in error' });
    expect(core.eventCount()).toBe(before + 2); // the deferral stays on the record; the undo is a new fact
    // Not yet taken: back to come. Taken before it was withdrawn: back as taken, its time kept.
    expect(meeting().progress[item('8').itemId]).toBeUndefined();
    expect(meeting().progress[item('1').itemId]).toMatchObject({ state: 'done', periods: [expect.objectContaining({ from: expect.any(String), to: expect.any(String) })] });
    expect(refusal({ type: 'item.reinstate', meetingId, itemId: '00000000-0000-4000-8000-00000000beef', reason: '' })).toMatchObject({
      code: 'not_found',
      message: 'That item is not on the agenda.',
    });
  });

  it('restores the running clocks from stored times after a restart', () => {
    clock.advance(60 * 60_000);
    core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
    core.send({ type: 'item.start', meetingId, itemId: item('3').itemId, time: at('10:07') });
    core = core.reopen();
    expect(meeting()).toMatchObject({ status: 'in_progress', startedAt: at('10:00'), currentItemId: item('3').itemId });
    expect(meeting().progress[item('3').itemId].periods).toEqual([{ from: at('10:07') }]);
  });
});

describe('quorum during a committee meeting', () => {
  it('records the moment a departure makes the meeting inquorate, and when it is quorate again', () => {
    const clock = testClock(at('10:00'));
    const core = openTestCore({ now: clock.now });
    try {
      const { bodyId } = core.send({ type: 'body.create', name: 'Governance and Audit Committee', kind: 'committee' });
      const members = ['Cole', 'Meade', 'Dean', 'Hook'].map((surname) => ({ title: 'Mr', initials: [], surname, honours: [], group: '', roles: [], voting: true }));
      core.send({ type: 'member.import', bodyId, source: 'csv', members });
      const body = (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
      const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: 'Governance and Audit Committee', date: '2015-10-22', startTime: '10:00', venue: '' });
      core.send({ type: 'agenda.addItem', meetingId, item: { number: '1', title: 'Apologies for Absence', kind: 'apologies' } });
      for (const m of body.members.slice(0, 3)) core.send({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
      core.send({ type: 'meeting.start', meetingId });
      clock.advance(20 * 60_000);
      core.send({ type: 'attendance.depart', meetingId, memberId: body.members[0].id });
      clock.advance(5 * 60_000);
      core.send({ type: 'attendance.mark', meetingId, memberId: body.members[3].id, state: 'present' });
      const meeting = (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
      expect(meeting.quorumChanges).toEqual([
        { id: expect.any(String), time: at('10:20'), quorate: false, present: 2, required: 3 },
        { id: expect.any(String), time: at('10:25'), quorate: true, present: 3, required: 3 },
      ]);
      const display = (core.read(`display:${meetingId}`) as { ok: true; data: { quorum: unknown } }).data;
      expect(display.quorum).toEqual({ quorate: true, present: 3, required: 3 });
    } finally {
      core.dispose();
    }
  });
});
