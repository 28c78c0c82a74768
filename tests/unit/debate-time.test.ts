// Time in debate through the dispatcher on a real SQLite file: more time given by the chairman,
// clocks stopped by an adjournment (and right after a restart), the warning before the limit as a
// setting, the limits of group leaders and Cabinet Members, a standing order suspended for one
// item, and the time each group has spoken.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { currentSpeech, debateElapsedMs, debateLimitFor, debateTimeByGroup, speechClock, speechElapsedMs, speechLimitSeconds } from '../../shared/procedure/debate';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { ChamberDisplay } from '../../shared/state/display';
import type { SettingsState } from '../../shared/state/settings';
import type { BodyState, Member } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { instantAt } from '../../shared/time';
import { openTestCore, testClock, type TestCore } from '../support/meeting';

const DAY = '2026-07-01';
const at = (hhmm: string) => instantAt(DAY, hhmm, 'Europe/London');
const MINUTE = 60_000;

/** A committee of six, two groups and one member of none, with a time-limited motion among its items. */
const MEMBERS = [
  { surname: 'Cole', group: 'Conservative', roles: ['Leader'] },
  { surname: 'Meade', group: 'Conservative', roles: ['Cabinet Member'] },
  { surname: 'Dean', group: 'Labour', roles: ['Group Leader'] },
  { surname: 'Hook', group: 'Labour', roles: [] },
  { surname: 'Bird', group: 'Conservative', roles: [] },
  { surname: 'Vye', group: '', roles: [] },
] as const;

describe('time in debate', () => {
  let core: TestCore;
  let clock = testClock(at('10:00'));
  let bodyId: string;
  let meetingId: string;
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = () => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  const member = (surname: string): Member => body().members.find((m) => m.surname === surname)!;
  const item = (title: string) => meeting().agenda.find((i) => i.title === title)!;
  const now = () => clock.now().getTime();
  const send = (command: Command) => core.send(command);

  beforeEach(() => {
    clock = testClock(at('10:00'));
    core = openTestCore({ now: () => clock.now() });
    bodyId = send({ type: 'body.create', name: 'Planning Committee', kind: 'committee' }).bodyId;
    send({ type: 'body.setStandingOrders', bodyId, standingOrders: defaultStandingOrders('committee') });
    send({
      type: 'member.import',
      bodyId,
      source: 'csv',
      members: MEMBERS.map((m) => ({ title: 'Mr', initials: [], surname: m.surname, honours: [], group: m.group, roles: [...m.roles], voting: true })),
    });
    meetingId = send({ type: 'meeting.create', bodyId, title: 'Planning Committee', date: DAY, startTime: '10:00', venue: '' }).meetingId;
    send({
      type: 'agenda.import',
      meetingId,
      replace: true,
      items: [
        { number: '1', title: 'Report on parking', kind: 'report' as const },
        { number: '2', title: 'Motion on buses', kind: 'time_limited_motion' as const },
      ],
    });
    for (const m of body().members) send({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
    send({ type: 'meeting.start', meetingId });
  });
  afterEach(() => {
    core.dispose();
    rmSync(core.folder, { recursive: true, force: true }); // a reopened core does not own its folder
  });

  /** Take up an item and move a seconded motion on it; returns the motion's id. */
  const takeUp = (title: string, mover = 'Cole', seconder = 'Dean') => {
    const itemId = item(title).itemId;
    send({ type: 'item.start', meetingId, itemId });
    return send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'That the report be agreed.', moverId: member(mover).id, seconderId: member(seconder).id }).motionId;
  };

  describe('more time for a speaker', () => {
    it('adds the seconds to the limit, with the reason and when, and the clock gives the new time left', () => {
      takeUp('Report on parking', 'Hook', 'Bird');
      send({ type: 'speech.start', meetingId, memberId: member('Hook').id, role: 'mover' });
      clock.advance(4 * MINUTE + 50_000); // 10 s left of five minutes: the warning
      expect(speechClock(currentSpeech(meeting())!, now())).toMatchObject({ leftMs: 10_000, state: 'warning' });
      clock.advance(10_000);
      send({ type: 'speech.extend', meetingId, seconds: 90, reason: 'Allowed by the Chairman: the mover was interrupted by the fire alarm' });
      const speech = currentSpeech(meeting())!;
      expect(speech.limitSeconds).toBe(300 + 90);
      expect(speech.extensions).toEqual([{ seconds: 90, reason: 'Allowed by the Chairman: the mover was interrupted by the fire alarm', at: at('10:05') }]);
      expect(speechClock(speech, now())).toEqual({ elapsedMs: 300_000, leftMs: 90_000, state: 'speaking' });
      // A second extension adds to the first, at the time given.
      clock.advance(MINUTE);
      send({ type: 'speech.extend', meetingId, seconds: 30, reason: 'To finish the point', time: '10:06' });
      expect(currentSpeech(meeting())!.limitSeconds).toBe(420);
      expect(currentSpeech(meeting())!.extensions!.map((e) => e.seconds)).toEqual([90, 30]);
      send({ type: 'speech.end', meetingId });
      expect(meeting().speeches[0]).toMatchObject({ limitSeconds: 420, endedAt: at('10:06') });
      expect(core.verify().ok).toBe(true);
    });

    it('refuses when nobody is speaking, when the speech has no limit, and bad seconds or reasons, recording nothing', () => {
      takeUp('Report on parking', 'Hook', 'Bird');
      expect(core.refusal({ type: 'speech.extend', meetingId, seconds: 60, reason: 'More time' })).toMatchObject({
        message: 'Nobody is speaking, so there is no speech to give more time to.',
        details: { field: 'meetingId' },
      });
      send({ type: 'speech.start', meetingId, memberId: member('Hook').id, role: 'mover' });
      expect(core.refusal({ type: 'speech.extend', meetingId, seconds: 0, reason: 'More time' })).toMatchObject({
        code: 'invalid_command',
        message: 'Number of seconds must be at least 1 second.',
        details: { field: 'seconds' },
      });
      expect(core.refusal({ type: 'speech.extend', meetingId, seconds: 3601, reason: 'More time' })).toMatchObject({ message: 'Number of seconds must be at most 3600 seconds (an hour).' });
      expect(core.refusal({ type: 'speech.extend', meetingId, seconds: 1.5, reason: 'More time' })).toMatchObject({ message: 'Number of seconds must be a whole number of seconds.' });
      expect(core.refusal({ type: 'speech.extend', meetingId, seconds: 60, reason: '   ' })).toMatchObject({ message: 'Reason must not be empty.', details: { field: 'reason' } });
      expect(core.refusal({ type: 'speech.extend', meetingId, seconds: 60 })).toMatchObject({ message: 'Reason must be given.', details: { field: 'reason' } });
      expect(core.refusal({ type: 'speech.extend', meetingId, seconds: 60, reason: 'x'.repeat(301) })).toMatchObject({ message: 'Reason must be at most 300 characters.' });
      expect(core.refusal({ type: 'speech.extend', meetingId, seconds: 60, reason: 'Before', time: '09:00' })).toMatchObject({
        message: 'More time cannot be given before the speech began.',
        details: { field: 'time' },
      });
      // A point of order has no limit: the member raising it is the one speaking.
      send({ type: 'speech.start', meetingId, memberId: member('Vye').id, role: 'point_of_order' });
      expect(core.refusal({ type: 'speech.extend', meetingId, seconds: 60, reason: 'More time' })).toMatchObject({ message: 'This speech has no time limit.', details: { field: 'seconds' } });
      expect(meeting().speeches.every((s) => s.extensions === undefined)).toBe(true);
    });
  });

  describe('an adjournment stops the speech clocks', () => {
    it('stops the speaker and the time-limited debate at the adjournment, starts them at the resumption, and a restart shows the same', () => {
      const itemId = item('Motion on buses').itemId;
      takeUp('Motion on buses');
      send({ type: 'speech.start', meetingId, memberId: member('Cole').id, role: 'mover' });
      clock.advance(2 * MINUTE);
      send({ type: 'meeting.adjourn', meetingId, reason: 'Fire alarm' });
      clock.advance(30 * MINUTE);
      const during = meeting();
      expect(currentSpeech(during)!.periods).toEqual([{ from: at('10:00'), to: at('10:02') }]);
      expect(speechElapsedMs(currentSpeech(during)!, now())).toBe(2 * MINUTE);
      expect(debateElapsedMs(during, itemId, now())).toBe(2 * MINUTE);
      expect(speechClock(currentSpeech(during)!, now())).toMatchObject({ elapsedMs: 2 * MINUTE, leftMs: 3 * MINUTE });
      // The speech cannot be ended, nor the debate go on, while the meeting is adjourned.
      expect(core.refusal({ type: 'speech.end', meetingId })).toMatchObject({ message: 'The meeting is adjourned: resume it before ending the speech.', details: { field: 'meetingId' } });
      expect(core.refusal({ type: 'speech.start', meetingId, memberId: member('Vye').id, role: 'point_of_order' })).toMatchObject({ message: 'The meeting is adjourned: resume it first.' });

      send({ type: 'meeting.resume', meetingId });
      clock.advance(MINUTE);
      const after = meeting();
      expect(currentSpeech(after)!.periods).toEqual([{ from: at('10:00'), to: at('10:02') }, { from: at('10:32') }]);
      expect(speechClock(currentSpeech(after)!, now())).toEqual({ elapsedMs: 3 * MINUTE, leftMs: 2 * MINUTE, state: 'speaking' });
      expect(debateElapsedMs(after, itemId, now())).toBe(3 * MINUTE);

      // Reopened on the same file (a restart), the clocks read the same.
      core = core.reopen();
      expect(speechElapsedMs(currentSpeech(meeting())!, now())).toBe(3 * MINUTE);
      expect(debateElapsedMs(meeting(), itemId, now())).toBe(3 * MINUTE);
      // Still speaking: the item cannot end; the speech ends as usual.
      expect(core.refusal({ type: 'item.end', meetingId, itemId })).toMatchObject({ message: 'A member is still speaking: end the speech before ending the item.' });
      send({ type: 'speech.end', meetingId });
      expect(meeting().speeches[0]).toMatchObject({ endedAt: at('10:33'), periods: [{ from: at('10:00'), to: at('10:02') }, { from: at('10:32'), to: at('10:33') }] });
      expect(meeting().currentSpeechId).toBeUndefined();
      expect(core.refusal({ type: 'meeting.close', meetingId })).toMatchObject({ message: expect.stringContaining('before closing the meeting') });
      send({ type: 'item.end', meetingId, itemId });
      send({ type: 'meeting.close', meetingId });
      expect(core.verify().ok).toBe(true);
    });

    it('stops only the point of order under way; the interrupted speaker stays stopped until it ends', () => {
      takeUp('Motion on buses');
      send({ type: 'speech.start', meetingId, memberId: member('Cole').id, role: 'mover' });
      clock.advance(MINUTE);
      send({ type: 'speech.start', meetingId, memberId: member('Vye').id, role: 'point_of_order' });
      clock.advance(MINUTE);
      send({ type: 'meeting.adjourn', meetingId, reason: 'Legal advice' });
      clock.advance(10 * MINUTE);
      send({ type: 'meeting.resume', meetingId });
      clock.advance(MINUTE);
      const [mover, point] = meeting().speeches;
      expect(mover.periods).toEqual([{ from: at('10:00'), to: at('10:01') }]);
      expect(point.periods).toEqual([{ from: at('10:01'), to: at('10:02') }, { from: at('10:12') }]);
      expect(speechElapsedMs(point, now())).toBe(2 * MINUTE);
      send({ type: 'speech.end', meetingId });
      clock.advance(MINUTE);
      expect(meeting().currentSpeechId).toBe(mover.id);
      expect(speechElapsedMs(meeting().speeches[0], now())).toBe(2 * MINUTE);
      expect(core.verify().ok).toBe(true);
    });

    it('refuses an adjournment timed before the speech under way began', () => {
      takeUp('Report on parking');
      clock.advance(5 * MINUTE);
      send({ type: 'speech.start', meetingId, memberId: member('Cole').id, role: 'mover' });
      expect(core.refusal({ type: 'meeting.adjourn', meetingId, reason: 'Lunch', time: '10:02' })).toMatchObject({
        message: 'A member has been speaking since 10:05; the meeting cannot be adjourned before that.',
        details: { field: 'time' },
      });
      expect(meeting().status).toBe('in_progress');
    });
  });

  describe('the warning before the limit, as a setting', () => {
    const settings = () => (core.read('settings') as { ok: true; data: SettingsState }).data;
    const display = () => (core.read(`display:${meetingId}`) as { ok: true; data: ChamberDisplay }).data;

    it('is 30 seconds until set; once set it is kept, survives a restart and reaches the chamber display', () => {
      expect(settings()).toMatchObject({ timeZone: 'Europe/London', speechWarningSeconds: 30 });
      takeUp('Report on parking');
      send({ type: 'speech.start', meetingId, memberId: member('Cole').id, role: 'mover' });
      expect(display().speaker).toMatchObject({ name: 'Mr Cole', limitSeconds: 300, warningSeconds: 30 });
      const pushed: unknown[] = [];
      core.subscribe((update) => {
        if (update.topic === 'settings' && 'data' in update) pushed.push(update.data);
      });
      expect(core.dispatch({ type: 'settings.setSpeechWarning', seconds: 45 })).toMatchObject({ ok: true, result: { recorded: ['settings.speechWarningSet'] } });
      // The time zone, never set, still reads as the default beside the warning set.
      expect(pushed).toEqual([{ timeZone: 'Europe/London', speechWarningSeconds: 45, bellVolume: 80, bellMuted: false, seq: 1 }]);
      expect(settings()).toMatchObject({ timeZone: 'Europe/London', speechWarningSeconds: 45 });
      expect(display().speaker).toMatchObject({ warningSeconds: 45 });
      // The same again records nothing.
      expect(core.dispatch({ type: 'settings.setSpeechWarning', seconds: 45 })).toMatchObject({ ok: true, result: { events: 0 } });
      send({ type: 'settings.setTimeZone', timeZone: 'Europe/Paris' });
      core = core.reopen();
      expect(settings()).toMatchObject({ timeZone: 'Europe/Paris', speechWarningSeconds: 45 });
      send({ type: 'settings.setSpeechWarning', seconds: 0 });
      expect(display().speaker).toMatchObject({ warningSeconds: 0 });
      expect(core.verify().ok).toBe(true);
    });

    it('refuses what is not a whole number of seconds from 0 to 600, in words', () => {
      for (const seconds of [-1, 601, 2.5, '30']) {
        expect(core.refusal({ type: 'settings.setSpeechWarning', seconds })).toMatchObject({
          code: 'invalid_command',
          message: 'Number of seconds must be a whole number of seconds from 0 to 600.',
          details: { field: 'seconds' },
        });
      }
      expect(core.refusal({ type: 'settings.setSpeechWarning' })).toMatchObject({ message: 'Number of seconds must be given.' });
      expect(settings().speechWarningSeconds).toBe(30);
    });
  });

  describe("group leaders' and Cabinet Members' limits", () => {
    const limits = (groupLeader: number, cabinetMember: number) => {
      const so = defaultStandingOrders('committee');
      send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...so, speechLimits: { ...so.speechLimits, groupLeader, cabinetMember } } });
    };
    const limitOf = (surname: string, role: 'mover' | 'seconder' | 'other' | 'right_of_reply' | 'point_of_order', override?: string) => {
      const { speechId } = send({ type: 'speech.start', meetingId, memberId: member(surname).id, role, ...(override ? { override } : {}) });
      const limit = meeting().speeches.find((s) => s.id === speechId)!.limitSeconds;
      send({ type: 'speech.end', meetingId });
      return limit;
    };

    it('gives a leader, a group leader and a Cabinet Member the longer of their special limit and their role\'s', () => {
      limits(600, 420);
      takeUp('Report on parking', 'Cole', 'Dean'); // Cole leads the council, Dean a group
      expect(limitOf('Cole', 'mover')).toBe(600);
      expect(limitOf('Dean', 'seconder')).toBe(600);
      expect(limitOf('Meade', 'other')).toBe(420); // a Cabinet Member
      expect(limitOf('Hook', 'other')).toBe(180); // neither
      // The reply keeps its own limit; a point of order has none.
      expect(limitOf('Cole', 'right_of_reply')).toBe(180);
      send({ type: 'speech.start', meetingId, memberId: member('Hook').id, role: 'other', override: 'Allowed a second speech' });
      expect(limitOf('Vye', 'point_of_order')).toBe(0);
      expect(core.verify().ok).toBe(true);
    });

    it('keeps the role\'s limit when the special one is shorter or not given', () => {
      limits(120, 0);
      takeUp('Report on parking', 'Cole', 'Meade');
      expect(limitOf('Cole', 'mover')).toBe(300); // 2 minutes for leaders is shorter than the mover's 5
      expect(limitOf('Meade', 'seconder')).toBe(180); // no special limit for Cabinet Members
    });

    it('keeps "no limit" for a role without one, and reads a profile saved before these limits existed', () => {
      const so = defaultStandingOrders('committee');
      expect(speechLimitSeconds('other', { speechLimits: { ...so.speechLimits, otherSpeaker: 0, groupLeader: 600 } }, ['Leader'])).toBe(0);
      expect(speechLimitSeconds('other', { speechLimits: { ...so.speechLimits, groupLeader: 600, cabinetMember: 900 } }, ['Group Leader', 'Cabinet Member'])).toBe(900);
      expect(speechLimitSeconds('other', { speechLimits: { ...so.speechLimits, groupLeader: 600 } }, ['Deputy Leader'])).toBe(180);
      expect(speechLimitSeconds('other', { speechLimits: { ...so.speechLimits, groupLeader: 600 } })).toBe(180);
      const { groupLeader: _g, cabinetMember: _c, ...older } = so.speechLimits;
      expect(speechLimitSeconds('mover', { speechLimits: older as typeof so.speechLimits }, ['Leader', 'Cabinet Member'])).toBe(300);
    });
  });

  describe('a standing order suspended for this item only', () => {
    const display = () => (core.read(`display:${meetingId}`) as { ok: true; data: ChamberDisplay }).data;
    const suspend = (itemId: string, suspension: { role: 'mover' | 'seconder' | 'amendment_mover' | 'other' | 'right_of_reply' | 'debate'; seconds: number }, carried = true) => {
      const { motionId } = send({
        type: 'motion.move',
        meetingId,
        itemId,
        kind: 'procedural',
        procedure: 'suspend_standing_order',
        wording: 'That standing order 12 be suspended for this item.',
        moverId: member('Bird').id,
        seconderId: member('Hook').id,
        suspension,
      });
      send({ type: 'motion.resolve', meetingId, motionId, outcome: carried ? 'carried' : 'lost', how: 'without_vote' });
      return motionId;
    };
    const limitOf = (surname: string, role: 'mover' | 'seconder' | 'other') => {
      const { speechId } = send({ type: 'speech.start', meetingId, memberId: member(surname).id, role });
      send({ type: 'speech.end', meetingId });
      return meeting().speeches.find((s) => s.id === speechId)!.limitSeconds;
    };

    it("changes a role's limit for the rest of the item, and only for that item", () => {
      const so = defaultStandingOrders('committee');
      send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...so, speechLimits: { ...so.speechLimits, groupLeader: 900 } } });
      const parking = item('Report on parking').itemId;
      takeUp('Report on parking', 'Hook', 'Bird');
      const lost = suspend(parking, { role: 'other', seconds: 60 }, false);
      expect(meeting().motions.find((m) => m.id === lost)).toMatchObject({ status: 'lost', suspension: { role: 'other', seconds: 60 } });
      expect(meeting().itemLimits).toEqual({});
      suspend(parking, { role: 'other', seconds: 600 });
      suspend(parking, { role: 'mover', seconds: 0 });
      expect(meeting().itemLimits).toEqual({ [parking]: { other: 600, mover: 0 } });
      expect(limitOf('Hook', 'mover')).toBe(0); // no limit
      expect(limitOf('Bird', 'seconder')).toBe(180); // not suspended
      expect(limitOf('Vye', 'other')).toBe(600);
      // The suspension holds for the group leader too (not their 15 minutes): the meeting set the limit for every speaker.
      expect(limitOf('Dean', 'other')).toBe(600);
      send({ type: 'item.end', meetingId, itemId: parking });
      takeUp('Motion on buses', 'Meade', 'Vye');
      expect(limitOf('Hook', 'other')).toBe(180);
      expect(limitOf('Dean', 'other')).toBe(900);
      expect(core.verify().ok).toBe(true);
    });

    it('sets the whole debate\'s limit, making a debate time-limited, as screens and the display read it', () => {
      const parking = item('Report on parking');
      const buses = item('Motion on buses');
      const so = body().standingOrders;
      expect(debateLimitFor(meeting(), parking, so)).toBeUndefined();
      expect(debateLimitFor(meeting(), buses, so)).toBe(30 * 60);
      takeUp('Report on parking', 'Hook', 'Bird');
      expect(display().debate).toBeUndefined();
      suspend(parking.itemId, { role: 'debate', seconds: 20 * 60 });
      expect(debateLimitFor(meeting(), parking, so)).toBe(20 * 60);
      expect(display().debate).toMatchObject({ limitSeconds: 20 * 60 });
      expect(debateLimitFor(meeting(), buses, so)).toBe(30 * 60);
      send({ type: 'item.end', meetingId, itemId: parking.itemId });
      takeUp('Motion on buses', 'Meade', 'Vye');
      suspend(buses.itemId, { role: 'debate', seconds: 0 }); // the limit taken away
      expect(debateLimitFor(meeting(), buses, so)).toBeUndefined();
      expect(display().debate).toBeUndefined();
      core = core.reopen();
      expect(debateLimitFor(meeting(), parking, so)).toBe(20 * 60);
      expect(core.verify().ok).toBe(true);
    });

    it('refuses a limit on any other motion, and a limit out of range, in words', () => {
      const itemId = item('Report on parking').itemId;
      send({ type: 'item.start', meetingId, itemId });
      const moved = { type: 'motion.move', meetingId, itemId, wording: 'That the question be now put.', moverId: member('Bird').id } as const;
      expect(core.refusal({ ...moved, kind: 'procedural', procedure: 'closure', suspension: { role: 'other', seconds: 60 } })).toMatchObject({
        message: 'Only a motion to suspend a standing order sets a limit for the rest of the item.',
        details: { field: 'suspension' },
      });
      expect(core.refusal({ ...moved, kind: 'substantive', suspension: { role: 'other', seconds: 60 } })).toMatchObject({ details: { field: 'suspension' } });
      const suspending = { ...moved, kind: 'procedural', procedure: 'suspend_standing_order' } as const;
      expect(core.refusal({ ...suspending, suspension: { role: 'other', seconds: 7201 } })).toMatchObject({
        code: 'invalid_command',
        message: 'Limit for the rest of the item must be a whole number of seconds from 0 to 7200.',
        details: { field: 'suspension.seconds' },
      });
      expect(core.refusal({ ...suspending, suspension: { role: 'chairman', seconds: 60 } })).toMatchObject({
        message: 'Limit suspended must be mover, seconder, amendment mover, other, right of reply or debate.',
        details: { field: 'suspension.role' },
      });
      expect(meeting().motions).toEqual([]);
    });
  });

  describe('time used by each group', () => {
    it("adds up each group's speeches on the item, the most first, leaving out interruptions, officers' advice and earlier items", () => {
      const byGroup = () => debateTimeByGroup(meeting(), body().members, meeting().currentItemId!, now());
      const speak = (surname: string, role: 'mover' | 'seconder' | 'other', minutes: number) => {
        send({ type: 'speech.start', meetingId, memberId: member(surname).id, role });
        clock.advance(minutes * MINUTE);
        send({ type: 'speech.end', meetingId });
      };
      // An earlier item: Labour speaks at length there, which does not count on the next.
      const parking = item('Report on parking').itemId;
      takeUp('Report on parking', 'Hook', 'Bird');
      speak('Hook', 'mover', 10);
      send({ type: 'item.end', meetingId, itemId: parking });
      const busesId = item('Motion on buses').itemId;
      takeUp('Motion on buses', 'Cole', 'Dean');
      expect(debateTimeByGroup(meeting(), body().members, busesId, now())).toEqual([]);
      speak('Cole', 'mover', 5);
      // Dean seconds for 2 minutes, with a point of order of 1 minute in between (not counted).
      send({ type: 'speech.start', meetingId, memberId: member('Dean').id, role: 'seconder' });
      clock.advance(MINUTE);
      send({ type: 'speech.start', meetingId, memberId: member('Vye').id, role: 'point_of_order' });
      clock.advance(MINUTE);
      send({ type: 'speech.end', meetingId });
      clock.advance(MINUTE);
      send({ type: 'speech.end', meetingId });
      send({ type: 'speech.start', meetingId, officer: 'Mr B Watts, General Counsel', role: 'officer_advice' });
      clock.advance(3 * MINUTE);
      send({ type: 'speech.end', meetingId });
      speak('Vye', 'other', 1);
      // Meade is still speaking: her time counts up to now.
      send({ type: 'speech.start', meetingId, memberId: member('Meade').id, role: 'other' });
      clock.advance(2 * MINUTE);
      expect(byGroup()).toEqual([
        { group: 'Conservative', ms: 7 * MINUTE },
        { group: 'Labour', ms: 2 * MINUTE },
        { group: 'No group', ms: MINUTE },
      ]);
      const total = byGroup().reduce((sum, g) => sum + g.ms, 0);
      expect(total).toBe(debateElapsedMs(meeting(), busesId, now()));
      // A member whose record has no group (or one no longer on the body) is under "No group".
      const regrouped = body().members.map((m) => (m.surname === 'Dean' ? { ...m, group: '  ' } : m));
      expect(debateTimeByGroup(meeting(), regrouped, busesId, now())).toEqual([
        { group: 'Conservative', ms: 7 * MINUTE },
        { group: 'No group', ms: 3 * MINUTE },
      ]);
    });
  });
});
