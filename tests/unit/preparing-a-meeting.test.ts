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
import { createMeetingCommand, kccBody, kccMeeting, openTestCore, type TestCore } from '../support/meeting';

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
    expect(copy.agenda.map((i) => i.title)).toEqual(meeting(meetingId).agenda.map((i) => i.title));
    const originalIds = new Set(meeting(meetingId).agenda.map((i) => i.itemId));
    expect(copy.agenda.filter((i) => originalIds.has(i.itemId))).toEqual([]);
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
