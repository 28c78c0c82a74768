// Preparing the next meeting from the documents the clerk already has, through the dispatcher
// and a real SQLite file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAgenda } from '../../shared/import/agenda';
import { agendaItemFromDraft } from '../../shared/import/agendaItems';
import { memberFromPresentName } from '../../shared/import/membersCsv';
import { parsePresentParagraph } from '../../shared/import/presentParagraph';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import { memberDisplayNames } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { KCC_2015_PRESENT_COUNT } from '../fixtures/kcc-2015-present';
import { kcc2021Agenda } from '../fixtures/kcc-2021-agenda';
import { instantAt } from '../../shared/time';
import { kcc2015AgendaItems } from '../support/kcc2015';
import { createMeetingCommand, kccBody, kccMeeting, openTestCore, testClock, type TestCore } from '../support/meeting';

const meetingOf = (core: TestCore, id: string) => (core.read(`meeting:${id}`) as { ok: true; data: MeetingState }).data;

const pack = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'packs', name), 'utf8');

const presentMembers = () => {
  const parsed = parsePresentParagraph(pack('kcc-2015-present.txt'));
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.members.map(memberFromPresentName);
};

const agendaItems = () => {
  const parsed = parseAgenda(pack('kcc-2021-agenda.txt'));
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.items.map(agendaItemFromDraft);
};

describe('preparing a meeting', () => {
  let core: TestCore;
  let bodyId: string;
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = (id: string) => (core.read(`meeting:${id}`) as { ok: true; data: MeetingState }).data;

  beforeEach(() => {
    core = openTestCore();
    bodyId = core.send(kccBody).bodyId;
  });
  afterEach(() => core.dispose());

  it('gives a new body the default standing orders for its kind', () => {
    expect(body()).toMatchObject({ name: 'Kent County Council', kind: 'full_council', nextMinuteNumber: 1, members: [], officers: [] });
    expect(body().standingOrders).toEqual(defaultStandingOrders('full_council'));
    expect(core.dispatch(kccBody)).toMatchObject({ ok: false, error: { code: 'refused', details: { field: 'name' } } });
  });

  it('imports the 2015 PRESENT paragraph: every member, Chairman and Vice-Chairman recognised', () => {
    core.send({ type: 'member.import', bodyId, source: 'present_paragraph', members: presentMembers() });
    const { members } = body();
    expect(members).toHaveLength(KCC_2015_PRESENT_COUNT);
    expect(members.filter((m) => m.roles.includes('Chairman')).map((m) => m.surname)).toEqual(['Harrison']);
    expect(members.filter((m) => m.roles.includes('Vice-Chairman')).map((m) => m.surname)).toEqual(['Gates']);
    expect(members.find((m) => m.surname === 'Allen')).toMatchObject({ title: 'Mrs', initials: ['A', 'D'], honours: ['MBE'] });
    expect(core.read('bodies')).toMatchObject({ ok: true, data: [{ name: 'Kent County Council', memberCount: KCC_2015_PRESENT_COUNT }] });
  });

  it('keeps display names unambiguous when surnames are shared', () => {
    core.send({ type: 'member.import', bodyId, source: 'present_paragraph', members: presentMembers() });
    const names = Object.values(memberDisplayNames(body().members));
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses a second import of the same people whole, naming the first duplicate', () => {
    core.send({ type: 'member.import', bodyId, source: 'present_paragraph', members: presentMembers() });
    const before = core.eventCount();
    const again = core.dispatch({ type: 'member.import', bodyId, source: 'present_paragraph', members: presentMembers() });
    expect(again).toMatchObject({ ok: false, error: { code: 'refused', details: { field: 'members.0' } } });
    expect(core.eventCount()).toBe(before);
  });

  it('refuses a list with the same member twice, and a second Chairman, importing nothing', () => {
    const harrison = { title: 'Mr', initials: ['M', 'J'], surname: 'Harrison', honours: [], group: '', roles: [], voting: true };
    const list = [harrison, { ...harrison, surname: 'Meade' }, harrison];
    expect(core.dispatch({ type: 'member.import', bodyId, source: 'csv', members: list })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('appears twice in the list (entries 1 and 3)'), details: { field: 'members.2' } },
    });
    const chairs = [
      { ...harrison, roles: ['Chairman'] as const },
      { ...harrison, surname: 'Gates', roles: ['Chairman'] as const },
    ];
    expect(core.dispatch({ type: 'member.import', bodyId, source: 'csv', members: chairs.map((m) => ({ ...m, roles: [...m.roles] })) })).toMatchObject({
      ok: false,
      error: { details: { field: 'members.1.roles' } },
    });
    expect(body().members).toEqual([]);
  });

  it('keeps officers apart from members', () => {
    core.send({ type: 'officer.add', bodyId, officer: { name: 'Mr B Watts', jobTitle: 'General Counsel' } });
    expect(body().officers).toMatchObject([{ name: 'Mr B Watts', jobTitle: 'General Counsel', active: true }]);
    expect(body().members).toEqual([]);
  });

  it('validates standing orders and keeps the next minute number', () => {
    const bad = { ...defaultStandingOrders('full_council'), quorum: { kind: 'fraction', numerator: 5, denominator: 4 } };
    expect(core.dispatch({ type: 'body.setStandingOrders', bodyId, standingOrders: bad })).toMatchObject({
      ok: false,
      error: { code: 'invalid_command', details: { field: 'standingOrders.quorum.numerator' } },
    });
    const good = { ...defaultStandingOrders('full_council'), votingWindowSeconds: 30, castingVote: false };
    core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: good });
    core.send({ type: 'body.setNextMinuteNumber', bodyId, next: 219 });
    expect(body()).toMatchObject({ nextMinuteNumber: 219, standingOrders: { votingWindowSeconds: 30, castingVote: false } });
  });

  it('loads the 2021 agenda from the pack and lets the clerk correct it', () => {
    const { meetingId } = core.send(createMeetingCommand(bodyId, { date: '2021-12-16' }));
    core.send({ type: 'agenda.import', meetingId, items: agendaItems(), replace: true });
    let agenda = meeting(meetingId).agenda;
    expect(agenda.map((i) => i.number)).toEqual(kcc2021Agenda.map((i) => i.number));
    expect(agenda.map((i) => i.title)).toEqual(kcc2021Agenda.map((i) => i.title));
    expect(agenda[9]).toMatchObject({ number: '10', title: 'Strategic Statement Update', pages: { from: 15, to: 22 }, kind: 'report' });
    expect(agenda[11]).toMatchObject({ proposer: 'Richard Streatfeild', seconder: 'Trudy Dean', kind: 'time_limited_motion' });

    const { itemId: governanceId, ...governance } = agenda[10];
    core.send({ type: 'agenda.updateItem', meetingId, itemId: governanceId, item: { ...governance, title: 'Governance Refresh Plan (revised)' } });
    core.send({ type: 'agenda.moveItem', meetingId, itemId: governanceId, toIndex: 8 });
    const { itemId: urgent } = core.send({ type: 'agenda.addItem', meetingId, item: { number: '13', title: 'Urgent business', kind: 'urgent_business' } });
    core.send({ type: 'agenda.splitItem', meetingId, itemId: agenda[1].itemId, firstTitle: 'Election of Chairman', second: { number: '2a', title: 'Chairman’s declaration of acceptance', kind: 'other' } });
    core.send({ type: 'agenda.removeItem', meetingId, itemId: urgent });
    agenda = meeting(meetingId).agenda;
    expect(agenda.map((i) => i.number)).toEqual(['1', '2', '2a', '3', '4', '5', '6', '7', '8', '11', '9', '10', '12']);
    expect(agenda[9].title).toBe('Governance Refresh Plan (revised)');

    expect(core.dispatch({ type: 'agenda.moveItem', meetingId, itemId: urgent, toIndex: 0 })).toMatchObject({ ok: false, error: { code: 'not_found', details: { field: 'itemId' } } });
    expect(core.dispatch({ type: 'agenda.moveItem', meetingId, itemId: agenda[0].itemId, toIndex: 13 })).toMatchObject({ ok: false, error: { details: { field: 'toIndex' } } });
    expect(
      core.dispatch({ type: 'agenda.addItem', meetingId, item: { number: '14', title: 'Papers', kind: 'report', pages: { from: 9, to: 3 } } }),
    ).toMatchObject({ ok: false, error: { details: { field: 'item.pages.to' } } });
  });

  it('marks a meeting ready only once it has members and an agenda, and copies it for next time', () => {
    const { meetingId } = core.send(createMeetingCommand(bodyId));
    expect(core.dispatch({ type: 'meeting.setReady', meetingId, ready: true })).toMatchObject({ ok: false, error: { message: expect.stringContaining('no members') } });
    core.send({ type: 'member.import', bodyId, source: 'present_paragraph', members: presentMembers() });
    expect(core.dispatch({ type: 'meeting.setReady', meetingId, ready: true })).toMatchObject({ ok: false, error: { message: expect.stringContaining('agenda is empty') } });
    core.send({ type: 'agenda.import', meetingId, items: agendaItems(), replace: true });
    const baldock = body().members[3];
    core.send({ type: 'apologies.expect', meetingId, memberId: baldock.id, note: 'unwell' });
    core.send({ type: 'meeting.setReady', meetingId, ready: true });
    expect(meeting(meetingId)).toMatchObject({ status: 'ready', expectedApologies: [{ memberId: baldock.id, note: 'unwell' }] });

    const { meetingId: next } = core.send({ type: 'meeting.copy', fromMeetingId: meetingId, date: '2021-12-16', startTime: '10:00' });
    const copy = meeting(next);
    expect(copy).toMatchObject({ bodyId, body: 'Kent County Council', title: kccMeeting.title, venue: kccMeeting.venue, date: '2021-12-16', status: 'draft', copiedFrom: meetingId, expectedApologies: [] });
    // Nothing was taken at a meeting not yet held: every item comes forward, in order, the minutes
    // now of the meeting copied (22 October 2015, as kccMeeting is dated).
    const titles = meeting(meetingId).agenda.map((i) => i.title);
    expect(copy.agenda.map((i) => i.title)).toEqual(
      titles.map((t) => t.replace('Minutes of the meeting held on 4 November 2021', 'Minutes of the meeting held on 22 October 2015')),
    );
    expect(copy.agenda.map((i) => i.number)).toEqual(meeting(meetingId).agenda.map((i) => i.number));
    const originalIds = new Set(meeting(meetingId).agenda.map((i) => i.itemId));
    expect(copy.agenda.filter((i) => originalIds.has(i.itemId))).toEqual([]);
  });
});

describe('copying a meeting that was held, as the next meeting', () => {
  let core: TestCore;
  afterEach(() => core.dispose());

  /** The 10 December 2015 council (the 2015 pack's agenda), held: some business taken, some not. */
  const holdDecember2015 = () => {
    const at = (hhmm: string) => instantAt('2015-12-10', hhmm, 'Europe/London');
    const clock = testClock(at('09:55'));
    core = openTestCore({ now: () => clock.now() });
    const { bodyId } = core.send(kccBody);
    core.send({ type: 'member.import', bodyId, source: 'present_paragraph', members: presentMembers().slice(0, 30) });
    const { meetingId } = core.send(createMeetingCommand(bodyId, { date: '2015-12-10' }));
    core.send({ type: 'agenda.import', meetingId, items: kcc2015AgendaItems(), replace: true });
    const item = (number: string) => meetingOf(core, meetingId).agenda.find((i) => i.number === number)!.itemId;
    core.send({ type: 'meeting.setReady', meetingId, ready: true });
    clock.advance(60 * 60_000); // 10:55: the clerk records the morning's business as it happened
    core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
    let minute = 0;
    const take = (number: string) => {
      core.send({ type: 'item.start', meetingId, itemId: item(number), time: at(`10:${String(minute).padStart(2, '0')}`) });
      minute += 5;
      core.send({ type: 'item.end', meetingId, itemId: item(number), time: at(`10:${String(minute).padStart(2, '0')}`) });
    };
    for (const number of ['1', '2', '3', '4', '5', '6', '7']) take(number);
    core.send({ type: 'item.defer', meetingId, itemId: item('8'), reason: 'Report to come back with the revised costs' });
    core.send({ type: 'item.withdraw', meetingId, itemId: item('9'), reason: 'Withdrawn by the Corporate Director' });
    take('10');
    core.send({ type: 'meeting.close', meetingId, time: at('10:45') });
    return { bodyId, meetingId };
  };

  it('repeats the standing items, carries forward business deferred or not reached, and leaves off what was taken or withdrawn', () => {
    const { meetingId } = holdDecember2015();
    const held = meetingOf(core, meetingId);
    expect(held.status).toBe('closed');
    const { meetingId: next } = core.send({ type: 'meeting.copy', fromMeetingId: meetingId, date: '2016-02-11', startTime: '10:00' });
    const agenda = meetingOf(core, next).agenda;
    expect(agenda.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Apologies for Absence'],
      ['2', 'Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the agenda'],
      ['3', 'Minutes of the meeting held on 10 December 2015 and, if in order, to be approved as a correct record'],
      ['4', "Chairman's Announcements"],
      ['5', 'Questions'],
      ['6', 'Report by Leader of the Council (Oral)'],
      // Item 8, deferred; item 7 and item 10 were taken, item 9 withdrawn.
      ['7', "Dependent Carers' Allowance"],
      // Not reached before the meeting closed: still business for the council.
      ['8', 'Health and Wellbeing Board - Annual Report'],
      ['9', 'Embedding strategic commissioning as business as usual'],
      ['10', 'Motion for Time Limited Debate'],
    ]);
    // Page ranges belonged to the last pack; the motion keeps its mover, seconder and words.
    expect(agenda.filter((i) => i.pages)).toEqual([]);
    expect(agenda[9]).toMatchObject({ kind: 'time_limited_motion', proposer: 'Dr Eddy', seconder: 'Ms Harrison', motionTitle: 'Retaining and recruiting GPs' });
    expect(agenda[9].motionText).toContain('retaining and recruiting GPs in Kent');
    // Each deferred item is there once, as a new item of the new meeting, with nothing taken yet.
    expect(agenda.filter((i) => i.title === "Dependent Carers' Allowance")).toHaveLength(1);
    const heldIds = new Set(held.agenda.map((i) => i.itemId));
    expect(agenda.some((i) => heldIds.has(i.itemId))).toBe(false);
    expect(meetingOf(core, next)).toMatchObject({ status: 'draft', progress: {}, notes: {}, declarations: [], copiedFrom: meetingId });
    // The copy is ready to be marked ready: its numbers say which item is which.
    core.send({ type: 'meeting.setReady', meetingId: next, ready: true });
  });

  it('keeps a standing item even when it was withdrawn, and rewrites only the first minutes item', () => {
    core = openTestCore();
    const { bodyId } = core.send(kccBody);
    const { meetingId } = core.send(createMeetingCommand(bodyId, { date: '2021-12-16' }));
    const items = [
      { number: '1', title: 'Apologies for Absence', kind: 'apologies' },
      { number: '2', title: 'Minutes of the meeting held on Thursday, 4th November 2021', kind: 'minutes' },
      { number: '3', title: 'Minutes of the special meeting held on 18 November 2021', kind: 'minutes' },
      { number: '4', title: 'Questions', kind: 'questions' },
      { number: '4a', title: 'Questions to the Leader', kind: 'questions' },
      { number: '5', title: 'Urgent business', kind: 'urgent_business' },
    ] as const;
    core.send({ type: 'agenda.import', meetingId, items: items.map((i) => ({ ...i })), replace: true });
    const item = (number: string) => meetingOf(core, meetingId).agenda.find((i) => i.number === number)!.itemId;
    core.send({ type: 'item.withdraw', meetingId, itemId: item('4'), reason: 'No questions were received' });
    const { meetingId: next } = core.send({ type: 'meeting.copy', fromMeetingId: meetingId, date: '2022-01-13', startTime: '10:00' });
    expect(meetingOf(core, next).agenda.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Apologies for Absence'],
      ['2', 'Minutes of the meeting held on 16 December 2021'],
      ['3', 'Minutes of the special meeting held on 18 November 2021'],
      ['4', 'Questions'],
      ['4a', 'Questions to the Leader'],
      ['5', 'Urgent business'],
    ]);
  });
});

describe('editing a body', () => {
  it('renames it and sets the next minute number in one transaction, or neither', () => {
    const core = openTestCore();
    try {
      const { bodyId } = core.send(kccBody);
      core.send({ type: 'body.create', name: 'Planning Committee', kind: 'committee' });
      const before = core.eventCount();
      expect(core.dispatch({ type: 'body.update', bodyId, name: 'Planning Committee', kind: 'full_council', nextMinuteNumber: 219 })).toMatchObject({
        ok: false,
        error: { details: { field: 'name' } },
      });
      expect(core.eventCount()).toBe(before);
      core.send({ type: 'body.update', bodyId, name: 'Kent County Council (Full Council)', kind: 'full_council', nextMinuteNumber: 219 });
      expect((core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data).toMatchObject({ name: 'Kent County Council (Full Council)', nextMinuteNumber: 219 });
      expect(core.eventCount()).toBe(before + 2);
    } finally {
      core.dispose();
    }
  });
});

describe('officers from the IN ATTENDANCE paragraph', () => {
  it('reads each name and job title from the 2015 minutes and imports them all or none', async () => {
    const { parseInAttendance } = await import('../../shared/import/inAttendance');
    const read = parseInAttendance(readFileSync(join(__dirname, '..', 'fixtures', 'packs', 'kcc-2015-present.txt'), 'utf8'));
    expect(read).toEqual({
      officers: [
        { name: 'David Cockburn', jobTitle: 'Corporate Director Strategic & Corporate Services' },
        { name: 'Geoff Wild', jobTitle: 'Director of Governance and Law' },
        { name: 'Peter Sass', jobTitle: 'Head of Democratic Services' },
      ],
    });
    expect(parseInAttendance('PRESENT: Mr M J Harrison')).toMatchObject({ error: { message: expect.stringContaining('No "IN ATTENDANCE"') } });
    expect(parseInAttendance('IN ATTENDANCE: nobody in particular')).toMatchObject({ error: { message: expect.stringContaining('names nobody') } });

    const core = openTestCore();
    try {
      const { bodyId } = core.send(kccBody);
      const officers = 'officers' in read ? read.officers : [];
      core.send({ type: 'officer.import', bodyId, officers });
      const before = core.eventCount();
      expect(core.dispatch({ type: 'officer.import', bodyId, officers })).toMatchObject({ ok: false, error: { details: { field: 'officers.0' } } });
      expect(core.eventCount()).toBe(before);
      expect((core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data.officers.map((o) => o.name)).toEqual(['David Cockburn', 'Geoff Wild', 'Peter Sass']);
    } finally {
      core.dispose();
    }
  });
});
