import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { replayStream } from '../../shared/state/streams';
import type { StateUpdate } from '../../shared/topics';
import { createMeetingCommand, kccBody, kccMeeting, openTestCore, testClock, type TestCore } from '../support/meeting';

describe('the dispatcher', () => {
  let core: TestCore;
  afterEach(() => core?.dispose());

  it('creates a meeting, acknowledged only once it is on disk', () => {
    const clock = testClock('2015-10-15T14:30:00.000Z');
    core = openTestCore({ now: clock.now });
    const { bodyId } = core.send(kccBody);
    const outcome = core.dispatch(createMeetingCommand(bodyId));
    expect(outcome).toMatchObject({ ok: true, result: { events: 1 } });
    const { meetingId } = (outcome as { ok: true; result: { ids: Record<string, string> } }).result.ids;

    // A second connection to the same file sees the event and the projection: it has committed.
    const other = new BetterSqlite3(core.file, { readonly: true });
    const row = other.prepare("SELECT * FROM events WHERE stream LIKE 'meeting:%'").get() as Record<string, unknown>;
    expect(row).toMatchObject({
      stream: `meeting:${meetingId}`,
      seq: 1,
      meeting_id: meetingId,
      at: '2015-10-15T14:30:00.000Z',
      device_id: core.deviceId,
      type: 'meeting.created',
      prev_hash: '0'.repeat(64),
    });
    expect(JSON.parse(row.payload as string)).toEqual({ meetingId, bodyId, body: 'Kent County Council', ...kccMeeting });
    expect(other.prepare('SELECT title, status FROM meetings').all()).toEqual([{ title: 'County Council', status: 'draft' }]);
    other.close();

    expect(core.read('meetings')).toEqual({ ok: true, data: [{ id: meetingId, bodyId, body: 'Kent County Council', ...kccMeeting, status: 'draft' }] });
    expect(core.read(`meeting:${meetingId}`)).toMatchObject({ ok: true, data: { id: meetingId, status: 'draft', seq: 1 } });
  });

  it('edits the details, chaining each event to the one before', () => {
    core = openTestCore();
    const { bodyId, meetingId } = core.kccMeeting();
    core.send({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, startTime: '10:30', venue: 'Council Chamber' });
    const [created, changed] = core.log.read(`meeting:${meetingId}`);
    expect(changed.seq).toBe(2);
    expect(changed.prevHash).toBe(created.hash);
    expect(core.log.verify()).toEqual({ ok: true, events: 3 });
    expect(core.read(`meeting:${meetingId}`)).toMatchObject({ ok: true, data: { startTime: '10:30', venue: 'Council Chamber', seq: 2 } });
  });

  it('names the field that is wrong and records nothing', () => {
    core = openTestCore();
    const { bodyId } = core.send(kccBody);
    const before = core.eventCount();
    const outcome = core.dispatch({ ...createMeetingCommand(bodyId), date: '2015-02-29' });
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'invalid_command',
        message: 'Date is not a real calendar date.',
        details: { field: 'date', issues: [{ field: 'date', message: 'is not a real calendar date' }] },
      },
    });
    expect(core.dispatch({ ...createMeetingCommand(bodyId), extra: 1 })).toEqual({
      ok: false,
      error: {
        code: 'invalid_command',
        message: 'Chamber does not recognise "extra".',
        details: { field: '', issues: [{ field: '', message: 'Chamber does not recognise "extra"' }] },
      },
    });
    expect(core.dispatch({ type: 'meeting.explode' })).toMatchObject({ ok: false, error: { code: 'unknown_command', details: { field: 'type' } } });
    expect(core.dispatch('meeting.create')).toMatchObject({ ok: false, error: { code: 'invalid_command', details: { field: 'type' } } });
    expect(core.dispatch(null)).toMatchObject({ ok: false, error: { code: 'invalid_command' } });
    expect(core.eventCount()).toBe(before);
  });

  it('refuses to edit a meeting that does not exist, in words: the id is in the details, not the message', () => {
    core = openTestCore();
    const meetingId = '00000000-0000-4000-8000-000000000000';
    expect(core.dispatch({ type: 'meeting.updateDetails', meetingId, bodyId: meetingId, ...kccMeeting })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Chamber has no record of that meeting.', details: { field: 'meetingId', id: meetingId } },
    });
    const { bodyId } = core.send(kccBody);
    expect(core.refusal({ type: 'member.remove', bodyId, memberId: meetingId })).toEqual({
      code: 'not_found',
      message: 'That person is not a current member of Kent County Council.',
      details: { field: 'memberId', id: meetingId },
    });
    // The same on the live commands, and when a screen reads a meeting or body that is not there.
    const { meetingId: realMeeting } = core.send(createMeetingCommand(bodyId));
    expect(core.refusal({ type: 'attendance.mark', meetingId: realMeeting, memberId: meetingId, state: 'present' })).toEqual({
      code: 'not_found',
      message: 'That person is not a current member of Kent County Council.',
      details: { field: 'memberId', id: meetingId },
    });
    expect(core.refusal({ type: 'item.note', meetingId: realMeeting, itemId: meetingId, text: 'Agreed.' })).toEqual({
      code: 'not_found',
      message: 'That item is not on the agenda.',
      details: { field: 'itemId', id: meetingId },
    });
    expect(core.read(`meeting:${meetingId}`)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Chamber has no record of that meeting.', details: { field: 'topic', id: meetingId } },
    });
    expect(core.read(`body:${meetingId}`)).toMatchObject({ ok: false, error: { message: 'Chamber has no record of that body.', details: { id: meetingId } } });
    expect(core.eventCount()).toBe(2);
  });

  it('leaves the record and its state untouched when writing fails', () => {
    const bodyId = '33333333-3333-4333-8333-333333333333';
    const ids: (string | null)[] = [bodyId, 'body-event-id', '11111111-1111-4111-8111-111111111111', 'event-id', '22222222-2222-4222-8222-222222222222', null];
    core = openTestCore({ newId: () => ids.shift() as string });
    // newId gives the new entity's id first, then the event id; the last event gets no id, so its
    // insert fails inside the transaction (NOT NULL), after the handler has decided.
    core.send(kccBody);
    core.send(createMeetingCommand(bodyId, { title: 'First' }));
    const before = core.read('meetings');
    const outcome = core.dispatch(createMeetingCommand(bodyId, { title: 'Second' }));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(core.eventCount()).toBe(2);
    expect(core.read('meetings')).toEqual(before);
  });

  it('tells subscribers the new state after each command', () => {
    core = openTestCore();
    const { bodyId } = core.send(kccBody);
    const updates: StateUpdate[] = [];
    const unsubscribe = core.subscribe((u) => updates.push(u));
    const { meetingId } = core.send(createMeetingCommand(bodyId));
    expect(updates.map((u) => u.topic)).toEqual(['meetings', `meeting:${meetingId}`, `display:${meetingId}`]);
    // A new stream is sent whole.
    expect(updates[1]).toMatchObject({ data: { id: meetingId, title: 'County Council' } });
    // A change to it is sent as the changes alone, from the sequence the subscriber holds.
    core.send({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, venue: 'Council Chamber' });
    expect(updates[4]).toEqual({
      topic: `meeting:${meetingId}`,
      patch: { fromSeq: 1, seq: 2, changes: [expect.objectContaining({ op: 'head', fields: expect.objectContaining({ venue: 'Council Chamber' }) }), expect.objectContaining({ op: 'head' })] },
    });
    expect(updates).toHaveLength(5); // the list (its venue shows) and the patch; the display reads the same, so it is not sent
    unsubscribe();
    core.send(createMeetingCommand(bodyId));
    expect(updates).toHaveLength(5);
  });

  it('pushes a list only when its rows change, not on every event of a meeting', () => {
    core = openTestCore();
    const { bodyId, meetingId } = core.kccMeeting();
    const { memberId } = core.send({
      type: 'member.add',
      bodyId,
      member: { title: 'Mr', initials: ['M', 'J'], surname: 'Harrison', honours: [], group: '', roles: [], voting: true },
    });
    core.send({ type: 'agenda.addItem', meetingId, item: { number: '1', title: 'Apologies for Absence', kind: 'apologies' } });
    const topics: string[] = [];
    core.subscribe((u) => topics.push(u.topic));
    core.send({ type: 'attendance.mark', meetingId, memberId, state: 'present' });
    expect(topics).toEqual([`meeting:${meetingId}`, `display:${meetingId}`]);
    topics.length = 0;
    core.send({ type: 'meeting.start', meetingId });
    expect(topics).toEqual(['meetings', `meeting:${meetingId}`, `display:${meetingId}`]); // its status shows in the list
  });

  it('keeps projections equal to a replay of the log, across a restart', () => {
    core = openTestCore();
    const { bodyId, meetingId } = core.kccMeeting();
    for (let i = 0; i < 5; i += 1) core.send({ type: 'meeting.updateDetails', meetingId, bodyId, ...kccMeeting, title: `Council ${i}` });
    core = core.reopen();
    const stream = `meeting:${meetingId}`;
    const replayed = replayStream(stream, core.log.read(stream));
    expect(core.read(`meeting:${meetingId}`)).toEqual({ ok: true, data: replayed });
    expect(replayed).toMatchObject({ title: 'Council 4', seq: 6 });
  });
});
