// Debate through the dispatcher on a real SQLite file: minute 43 of the 22 October 2015 council
// (a motion for time-limited debate, the closure, and the votes) captured field by field; every
// bad input refused with its reason and nothing recorded; and the debate as a state machine under
// random commands: one substantive motion per item, one speaker at a time, clocks never negative,
// replay equal to the stored state.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import { currentSpeech, debateElapsedMs, debateTimeByGroup, motionBeingDebated, motionText, speechClock, speechElapsedMs, substantiveMotion } from '../../shared/procedure/debate';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import { chamberDisplay } from '../../shared/state/display';
import type { BodyState, Member } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { instantAt } from '../../shared/time';
import { kcc2015AgendaItems, kcc2015Membership, KCC_2015_APOLOGIES } from '../support/kcc2015';
import { kccBody, kccMeeting, openTestCore, testClock, type TestCore } from '../support/meeting';
import { itWhere, originalPacks, SEEDS } from '../support/skips';

const FIXTURE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/kcc-2015-minute-43.json');
const minute43 = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  item: string;
  motion: { mover: [string, string]; seconder: [string, string]; wording: string };
  procedural: { mover: [string, string]; seconder: [string, string]; for: number; against: number; abstained: number };
  vote: { for: number; against: number; abstained: number };
};

const at = (hhmm: string) => instantAt('2015-10-22', hhmm, 'Europe/London');

describe('the full council of 22 October 2015 debates minute 43', () => {
  let core: TestCore;
  let clock = testClock(at('14:00'));
  let bodyId: string;
  let meetingId: string;
  const body = () => (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const meeting = () => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
  const member = ([title, surname]: readonly [string, string]): Member => body().members.find((m) => m.title === title && m.surname === surname)!;
  const refusal = (command: Command) => core.refusal(command);

  beforeEach(() => {
    clock = testClock(at('14:00'));
    core = openTestCore({ now: () => clock.now() });
    bodyId = core.send(kccBody).bodyId;
    core.send({ type: 'member.import', bodyId, source: 'present_paragraph', members: kcc2015Membership() });
    meetingId = core.send({ type: 'meeting.create', bodyId, ...kccMeeting }).meetingId;
    core.send({ type: 'agenda.import', meetingId, items: kcc2015AgendaItems(), replace: true });
    const away = new Set(KCC_2015_APOLOGIES.map(([t, s]) => `${t} ${s}`));
    for (const m of body().members) core.send({ type: 'attendance.mark', meetingId, memberId: m.id, state: away.has(`${m.title} ${m.surname}`) ? 'apologies' : 'present', time: at('10:00') });
    core.send({ type: 'meeting.start', meetingId, time: at('10:00') });
    const item = meeting().agenda.find((i) => i.title === minute43.item)!;
    core.send({ type: 'item.start', meetingId, itemId: item.itemId, time: at('14:00') });
  });
  afterEach(() => core.dispose());

  it('captures who moved and seconded what, who spoke and for how long, the closure and the outcomes', () => {
    const itemId = meeting().currentItemId!;
    const vye = member(minute43.motion.mover);
    const bird = member(minute43.motion.seconder);
    const { motionId } = core.send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: minute43.motion.wording, moverId: vye.id, seconderId: bird.id, seconderReserves: true });
    core.send({ type: 'speech.start', meetingId, memberId: vye.id, role: 'mover' });
    clock.advance(5 * 60_000 + 20_000); // 5 min 20 s: 20 s over the mover's five minutes
    expect(speechClock(currentSpeech(meeting())!, clock.now().getTime())).toEqual({ elapsedMs: 320_000, leftMs: -20_000, state: 'over' });
    core.send({ type: 'speech.end', meetingId });
    const others = ['Carter', 'Bowles', 'Whybrow'].map((s) => body().members.find((m) => m.surname === s)!);
    for (const m of others) {
      core.send({ type: 'speaker.add', meetingId, memberId: m.id });
      clock.advance(10_000);
    }
    expect(Object.keys(meeting().speakerQueue)).toHaveLength(3);
    for (const m of others) {
      core.send({ type: 'speech.start', meetingId, memberId: m.id, role: 'other' });
      clock.advance(150_000);
      core.send({ type: 'speech.end', meetingId });
    }
    expect(meeting().speakerQueue).toEqual({});
    // The closure, moved and seconded, and carried on a vote of 64 to 4, 4 abstaining.
    const kite = member(minute43.procedural.mover);
    const parry = member(minute43.procedural.seconder);
    const closure = core.send({ type: 'motion.move', meetingId, itemId, kind: 'procedural', procedure: 'closure', wording: 'That the question be now put.', moverId: kite.id, seconderId: parry.id }).motionId;
    expect(refusal({ type: 'motion.resolve', meetingId, motionId, outcome: 'carried', how: 'without_vote' })).toMatchObject({ message: 'The procedural motion before the meeting must be dealt with first.' });
    const p = minute43.procedural;
    core.send({ type: 'motion.resolve', meetingId, motionId: closure, outcome: 'carried', how: 'show_of_hands', for: p.for, against: p.against, abstained: p.abstained });
    core.send({ type: 'motion.resolve', meetingId, motionId, outcome: 'carried', how: 'show_of_hands', for: minute43.vote.for, against: minute43.vote.against, abstained: minute43.vote.abstained });

    const m = meeting();
    expect(m.motions).toEqual([
      {
        id: motionId,
        itemId,
        kind: 'substantive',
        moverId: vye.id,
        seconderId: bird.id,
        seconderReserves: true,
        movedAt: at('14:00'),
        versions: [{ text: minute43.motion.wording, at: at('14:00') }],
        status: 'carried',
        outcome: { result: 'carried', how: 'show_of_hands', for: 62, against: 3, abstained: 1, time: clock.now().toISOString() },
        spokenBy: [vye.id, ...others.map((o) => o.id)],
      },
      {
        id: closure,
        itemId,
        kind: 'procedural',
        procedure: 'closure',
        moverId: kite.id,
        seconderId: parry.id,
        seconderReserves: false,
        movedAt: clock.now().toISOString(),
        versions: [{ text: 'That the question be now put.', at: clock.now().toISOString() }],
        status: 'carried',
        outcome: { result: 'carried', how: 'show_of_hands', for: 64, against: 4, abstained: 4, time: clock.now().toISOString() },
        spokenBy: [],
      },
    ]);
    expect(m.speeches.map((s) => ({ who: body().members.find((x) => x.id === s.memberId)!.surname, role: s.role, limit: s.limitSeconds, seconds: speechElapsedMs(s, 0) / 1000, motion: s.motionId }))).toEqual([
      { who: 'Vye', role: 'mover', limit: 300, seconds: 320, motion: motionId },
      { who: 'Carter', role: 'other', limit: 180, seconds: 150, motion: motionId },
      { who: 'Bowles', role: 'other', limit: 180, seconds: 150, motion: motionId },
      { who: 'Whybrow', role: 'other', limit: 180, seconds: 150, motion: motionId },
    ]);
    expect(debateElapsedMs(m, itemId, clock.now().getTime())).toBe((320 + 3 * 150) * 1000);
    expect(m.currentSpeechId).toBeUndefined();
    expect(core.verify().ok).toBe(true);
  });

  it('"call the next" calls whoever heads the speakers\' list when it arrives, in the role the motion gives them', () => {
    const itemId = meeting().currentItemId!;
    expect(refusal({ type: 'speaker.callNext', meetingId }).message).toBe("Nobody is waiting on the speakers' list: add a speaker first.");
    const vye = member(minute43.motion.mover);
    const bird = member(minute43.motion.seconder);
    core.send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: minute43.motion.wording, moverId: vye.id, seconderId: bird.id });
    const carter = body().members.find((m) => m.surname === 'Carter')!;
    for (const m of [vye, carter]) core.send({ type: 'speaker.add', meetingId, memberId: m.id });
    const { speechId } = core.send({ type: 'speaker.callNext', meetingId });
    expect(currentSpeech(meeting())).toMatchObject({ id: speechId, memberId: vye.id, role: 'mover' });
    expect(Object.keys(meeting().speakerQueue)).toEqual([carter.id]);
    // While someone speaks, the next waits: refused in the words speech.start uses, nothing recorded.
    const before = meeting();
    expect(refusal({ type: 'speaker.callNext', meetingId }).message).toMatch(/^Someone is already speaking/);
    expect(meeting()).toEqual(before);
    core.send({ type: 'speech.end', meetingId });
    core.send({ type: 'speaker.callNext', meetingId });
    expect(currentSpeech(meeting())).toMatchObject({ memberId: carter.id, role: 'other' });
  });

  it('shows the speaker and the clocks on the chamber display, and nothing of them in private session', () => {
    const itemId = meeting().currentItemId!;
    const vye = member(minute43.motion.mover);
    core.send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: minute43.motion.wording, moverId: vye.id, seconderId: member(minute43.motion.seconder).id });
    core.send({ type: 'speech.start', meetingId, memberId: vye.id, role: 'mover' });
    const shown = chamberDisplay(meeting(), body(), 'Europe/London');
    expect(shown.speaker).toEqual({ name: 'Mr Vye', role: 'Mover', limitSeconds: 300, warningSeconds: 30, elapsedBeforeMs: 0, runningSince: clock.now().toISOString() });
    expect(shown.debate).toEqual({ limitSeconds: 45 * 60, elapsedBeforeMs: 0, runningSince: clock.now().toISOString() });
    core.send({ type: 'session.private', meetingId, reason: 'Exempt information under paragraph 3' });
    const hidden = chamberDisplay(meeting(), body(), 'Europe/London');
    expect(hidden.speaker).toBeUndefined();
    expect(hidden.debate).toBeUndefined();
    expect(JSON.stringify(hidden)).not.toContain('Vye');
  });

  it('refuses what the standing orders do not allow, saying why, and records nothing', () => {
    const itemId = meeting().currentItemId!;
    const vye = member(minute43.motion.mover);
    const bird = member(minute43.motion.seconder);
    const baldock = body().members.find((m) => m.surname === 'Baldock')!; // sent apologies
    const before = core.eventCount();
    expect(refusal({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'x', moverId: vye.id, seconderId: vye.id })).toMatchObject({ message: 'The seconder cannot be the mover.', details: { field: 'seconderId' } });
    expect(refusal({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'x', moverId: baldock.id })).toMatchObject({ message: 'Mr Baldock is not recorded as present.', details: { field: 'moverId' } });
    expect(refusal({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'x'.repeat(100_000), moverId: vye.id })).toMatchObject({ code: 'invalid_command', message: 'Wording must be at most 20,000 characters.', details: { field: 'wording' } });
    expect(refusal({ type: 'motion.move', meetingId, itemId, kind: 'amendment', amends: meetingId, wording: 'x', moverId: vye.id })).toMatchObject({ message: 'An amendment must amend the motion before the meeting.' });
    expect(core.eventCount()).toBe(before);

    const { motionId } = core.send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: minute43.motion.wording, moverId: vye.id });
    expect(refusal({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'Another', moverId: bird.id })).toMatchObject({ message: 'A motion is already before the meeting on this item: deal with it first.' });
    expect(refusal({ type: 'motion.resolve', meetingId, motionId, outcome: 'carried', how: 'without_vote' })).toMatchObject({ message: 'The motion has not been seconded, so it cannot be put.' });
    expect(refusal({ type: 'motion.second', meetingId, motionId, seconderId: vye.id })).toMatchObject({ message: 'The seconder cannot be the mover.' });
    core.send({ type: 'motion.second', meetingId, motionId, seconderId: bird.id });
    expect(refusal({ type: 'motion.resolve', meetingId, motionId, outcome: 'lost', how: 'show_of_hands', for: 40, against: 20 })).toMatchObject({ message: '40 for and 20 against: the motion is carried.', details: { field: 'outcome' } });

    core.send({ type: 'speech.start', meetingId, memberId: vye.id, role: 'mover' });
    expect(refusal({ type: 'speech.start', meetingId, memberId: bird.id, role: 'seconder' })).toMatchObject({ details: { field: 'role' }, message: expect.stringContaining('Someone is already speaking') });
    expect(refusal({ type: 'item.end', meetingId, itemId })).toMatchObject({ message: 'A member is still speaking: end the speech before ending the item.' });
    // A point of order interrupts: the mover's clock stops until it ends, then runs on.
    clock.advance(60_000);
    const carter = body().members.find((m) => m.surname === 'Carter')!;
    core.send({ type: 'speech.start', meetingId, memberId: carter.id, role: 'point_of_order' });
    clock.advance(30_000);
    const moverSpeech = meeting().speeches[0];
    expect(speechClock(moverSpeech, clock.now().getTime()).state).toBe('interrupted');
    expect(speechElapsedMs(moverSpeech, clock.now().getTime())).toBe(60_000);
    core.send({ type: 'speech.end', meetingId });
    expect(meeting().currentSpeechId).toBe(moverSpeech.id);
    clock.advance(20_000);
    expect(speechElapsedMs(meeting().speeches[0], clock.now().getTime())).toBe(80_000);
    core.send({ type: 'speech.end', meetingId });

    // One speech each, unless the chairman allows another, with the reason recorded.
    expect(refusal({ type: 'speech.start', meetingId, memberId: vye.id, role: 'other' })).toMatchObject({ message: expect.stringContaining('Mr Vye has already spoken on this motion') });
    const { speechId } = core.send({ type: 'speech.start', meetingId, memberId: vye.id, role: 'other', override: 'The Chairman allowed Mr Vye to clarify a figure' });
    expect(meeting().speeches.find((s) => s.id === speechId)).toMatchObject({ override: 'The Chairman allowed Mr Vye to clarify a figure' });
    core.send({ type: 'speech.end', meetingId });

    // A member withdrawn for an interest, or gone, cannot speak.
    core.send({ type: 'declaration.record', meetingId, memberId: carter.id, itemId, kind: 'disclosable_pecuniary', description: 'Governor of a school', withdraws: true });
    expect(refusal({ type: 'speech.start', meetingId, memberId: carter.id, role: 'other' })).toMatchObject({ message: 'Mr Carter has withdrawn from this item after declaring an interest.' });
    const bowles = body().members.find((m) => m.surname === 'Bowles')!;
    core.send({ type: 'attendance.depart', meetingId, memberId: bowles.id });
    expect(refusal({ type: 'speaker.add', meetingId, memberId: bowles.id })).toMatchObject({ message: 'Mr Bowles has left the meeting.' });

    // An amendment, carried: the amended words become the substantive motion's, as a new version.
    const amendment = core.send({
      type: 'motion.move',
      meetingId,
      itemId,
      kind: 'amendment',
      amends: motionId,
      wording: 'Add "2015" after "25th of November".',
      resultingWording: minute43.motion.wording.replace('25th of November', '25th of November 2015'),
      moverId: bird.id,
      seconderId: body().members.find((m) => m.surname === 'Clark')!.id,
    }).motionId;
    expect(refusal({ type: 'motion.move', meetingId, itemId, kind: 'amendment', amends: motionId, wording: 'Another', moverId: vye.id })).toMatchObject({ message: expect.stringContaining('An amendment is already before the meeting') });
    // The mover of an amendment has no right of reply (the mover of the motion has).
    core.send({ type: 'speech.start', meetingId, memberId: bird.id, role: 'amendment_mover' });
    core.send({ type: 'speech.end', meetingId });
    expect(refusal({ type: 'speech.start', meetingId, memberId: bird.id, role: 'right_of_reply' })).toMatchObject({
      message: 'Only the mover of the motion has a right of reply, not the mover of an amendment.',
      details: { field: 'role' },
    });
    core.send({ type: 'motion.resolve', meetingId, motionId: amendment, outcome: 'carried', how: 'without_vote' });
    const substantive = substantiveMotion(meeting(), itemId)!;
    expect(substantive.versions).toHaveLength(2);
    expect(motionText(substantive)).toContain('25th of November 2015');
    expect(substantive.versions[1]).toMatchObject({ reason: 'Amendment carried' });
  });
});

itWhere(originalPacks(), 'the facts of minute 43 kept in tests/fixtures are those of the original minutes', () => {
  const original = readFileSync(path.join(SEEDS, 'kcc-2015-12-10-agenda-and-2015-10-22-minutes.txt'), 'utf8');
  expect(original).toContain(minute43.motion.wording);
  expect(original).toContain('Mr Vye moved and Mr Bird seconded the following motion');
  expect(original).toContain('Mr Kite moved and Mr Parry seconded the procedural motion “that the question be put”');
  expect(original).toMatch(/For \(64\)[\s\S]*Against \(4\)[\s\S]*Abstain \(4\)[\s\S]*Procedural motion carried[\s\S]*For \(62\)[\s\S]*Against \(3\)[\s\S]*Abstain \(1\)[\s\S]*Motion carried/);
});

describe('the debate as a state machine, under any sequence of commands', () => {
  const SURNAMES = ['Cole', 'Meade', 'Dean', 'Hook', 'Bird', 'Vye'];
  const GROUPS = ['Conservative', 'Conservative', 'Labour', 'Labour', 'Liberal Democrat', ''];
  const ROLES = [['Leader'], ['Cabinet Member'], ['Group Leader'], [], [], []] as const;
  const step = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('move' as const),
        mover: fc.nat(),
        seconder: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
        motion: fc.constantFrom('substantive', 'amendment', 'procedural'),
        // A procedural motion: the closure, or a suspension of standing orders setting a limit for the item (or, wrongly, a closure carrying one).
        suspension: fc.option(fc.record({ role: fc.constantFrom('mover', 'seconder', 'amendment_mover', 'other', 'right_of_reply', 'debate'), seconds: fc.integer({ min: 0, max: 7200 }) }), { nil: undefined }),
        closureWithLimit: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('extend' as const), seconds: fc.integer({ min: 1, max: 600 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('adjourn' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('resume' as const) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('second' as const), which: fc.nat(), who: fc.nat() }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('resolve' as const), which: fc.nat(), carried: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), which: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('alter' as const), which: fc.nat(), text: fc.string({ minLength: 1, maxLength: 30 }) }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('speak' as const), who: fc.nat(), role: fc.constantFrom('mover', 'seconder', 'amendment_mover', 'other', 'right_of_reply', 'point_of_order', 'personal_explanation'), override: fc.boolean() }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('end' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('queue' as const), who: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('next' as const), who: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('depart' as const), who: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('item' as const), which: fc.nat({ max: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('itemEnd' as const) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 400 }) }) },
  );

  it('keeps one substantive motion per item, one speaker at a time, clocks never negative, and replay equal to the record', () => {
    const accepted = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        const clock = testClock('2026-07-01T09:00:00.000Z');
        const core = openTestCore({ now: clock.now });
        try {
          const { bodyId } = core.send({ type: 'body.create', name: 'Planning Committee', kind: 'committee' });
          // Leaders and a Cabinet Member with their own limits, members of three groups and one of none.
          const standingOrders = defaultStandingOrders('committee');
          core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...standingOrders, speechLimits: { ...standingOrders.speechLimits, groupLeader: 600, cabinetMember: 240 } } });
          core.send({ type: 'member.import', bodyId, source: 'csv', members: SURNAMES.map((surname, i) => ({ title: 'Mr', initials: [], surname, honours: [], group: GROUPS[i], roles: [...ROLES[i]], voting: true })) });
          const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: 'Planning Committee', date: '2026-07-01', startTime: '10:00', venue: '' });
          core.send({ type: 'agenda.import', meetingId, replace: true, items: ['A', 'B', 'C'].map((title, i) => ({ number: String(i + 1), title, kind: 'report' as const })) });
          const members = (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data.members;
          for (const m of members) core.send({ type: 'attendance.mark', meetingId, memberId: m.id, state: 'present' });
          core.send({ type: 'meeting.start', meetingId });
          const read = () => (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data;
          const who = (n: number) => members[n % members.length].id;
          for (const s of steps) {
            const m = read();
            const open = m.motions.filter((x) => x.status === 'open');
            // Mostly a motion still open (the interesting case), sometimes any motion on the record.
            const pool = open.length && s.kind !== 'alter' ? open : m.motions;
            const motion = (n: number) => (pool.length ? pool[n % pool.length].id : meetingId);
            let command: Command | undefined;
            if (s.kind === 'move') {
              const substantive = m.currentItemId ? substantiveMotion(m, m.currentItemId) : undefined;
              command = {
                type: 'motion.move',
                meetingId,
                itemId: m.currentItemId ?? m.agenda[0].itemId,
                kind: s.motion,
                ...(s.motion === 'procedural' ? { procedure: s.suspension && !s.closureWithLimit ? ('suspend_standing_order' as const) : ('closure' as const) } : {}),
                ...(s.suspension ? { suspension: s.suspension } : {}),
                ...(s.motion === 'amendment' ? { amends: substantive?.id ?? meetingId } : {}),
                wording: `Motion ${m.motions.length + 1}`,
                moverId: who(s.mover),
                ...(s.seconder === undefined ? {} : { seconderId: who(s.seconder) }),
              };
            } else if (s.kind === 'second') command = { type: 'motion.second', meetingId, motionId: motion(s.which), seconderId: who(s.who) };
            else if (s.kind === 'resolve') {
              // Usually the motion the meeting is debating (which may be put), sometimes another (which may not).
              // As a chairman does, the speech under way is ended before the question is put.
              const debated = m.currentItemId && s.which % 3 !== 0 ? motionBeingDebated(m, m.currentItemId) : undefined;
              command =
                m.currentSpeechId && debated
                  ? { type: 'speech.end', meetingId }
                  : { type: 'motion.resolve', meetingId, motionId: debated?.id ?? motion(s.which), outcome: s.carried ? 'carried' : 'lost', how: 'without_vote' };
            }
            else if (s.kind === 'withdraw') command = { type: 'motion.withdraw', meetingId, motionId: motion(s.which), reason: '' };
            else if (s.kind === 'alter') command = { type: 'motion.alter', meetingId, motionId: motion(s.which), wording: s.text.trim() || 'x', reason: '' };
            else if (s.kind === 'speak') command = { type: 'speech.start', meetingId, memberId: who(s.who), role: s.role, ...(s.override ? { override: 'Allowed by the Chairman' } : {}) };
            else if (s.kind === 'end') command = { type: 'speech.end', meetingId };
            else if (s.kind === 'queue') command = { type: 'speaker.add', meetingId, memberId: who(s.who) };
            // "Call the next", as the chairman does it: the speech under way ended first, someone on the list to call.
            else if (s.kind === 'next')
              command = m.currentSpeechId ? { type: 'speech.end', meetingId } : Object.keys(m.speakerQueue).length === 0 ? { type: 'speaker.add', meetingId, memberId: who(s.who) } : { type: 'speaker.callNext', meetingId };
            else if (s.kind === 'depart') command = { type: 'attendance.depart', meetingId, memberId: who(s.who) };
            else if (s.kind === 'item') command = { type: 'item.start', meetingId, itemId: m.agenda[s.which].itemId };
            else if (s.kind === 'itemEnd') command = m.currentItemId ? { type: 'item.end', meetingId, itemId: m.currentItemId } : undefined;
            else if (s.kind === 'extend') command = { type: 'speech.extend', meetingId, seconds: s.seconds, reason: 'Allowed by the Chairman' };
            else if (s.kind === 'adjourn') command = { type: 'meeting.adjourn', meetingId, reason: 'Short adjournment' };
            else if (s.kind === 'resume') command = { type: 'meeting.resume', meetingId };
            else clock.advance(s.seconds * 1000);
            if (command) {
              const events = core.eventCount();
              const outcome = core.dispatch(command);
              if (!outcome.ok) expect(core.eventCount()).toBe(events);
              else if (outcome.result.events > 0) {
                accepted.add(command.type === 'speech.start' && 'role' in command ? `${command.type}:${command.role}` : command.type);
                if (command.type === 'meeting.adjourn' && m.currentSpeechId) accepted.add('meeting.adjourn:speaking');
                if (command.type === 'motion.move' && command.suspension) accepted.add('motion.move:suspension');
                if (command.type === 'motion.resolve' && command.outcome === 'carried' && m.motions.find((x) => x.id === command.motionId)?.suspension) accepted.add('motion.resolve:suspension');
              }
            }
            const after = read();
            const now = clock.now().getTime();
            for (const item of after.agenda) {
              const openOn = after.motions.filter((x) => x.itemId === item.itemId && x.status === 'open');
              expect(openOn.filter((x) => x.kind === 'substantive').length).toBeLessThanOrEqual(1);
              expect(openOn.filter((x) => x.kind === 'amendment').length).toBeLessThanOrEqual(1);
              for (const amendment of openOn.filter((x) => x.kind === 'amendment')) expect(openOn.some((x) => x.id === amendment.amends)).toBe(true);
            }
            // One speaker at a time: exactly the current speech has an open spell, and none while the meeting is adjourned.
            const adjourned = after.status === 'adjourned';
            const speaking = after.speeches.filter((x) => x.periods[x.periods.length - 1].to === undefined);
            expect(speaking.map((x) => x.id)).toEqual(after.currentSpeechId && !adjourned ? [after.currentSpeechId] : []);
            for (const speech of after.speeches) {
              expect(speechElapsedMs(speech, now)).toBeGreaterThanOrEqual(0);
              for (const p of speech.periods) if (p.to) expect(p.to >= p.from).toBe(true);
              // While adjourned no clock runs: an hour later each reads the same.
              if (adjourned) expect(speechElapsedMs(speech, now + 3_600_000)).toBe(speechElapsedMs(speech, now));
              // A limit is the role's (never negative) plus the time the chairman gave.
              const given = (speech.extensions ?? []).reduce((sum, e) => sum + e.seconds, 0);
              expect(speech.limitSeconds - given).toBeGreaterThanOrEqual(0);
              if (given > 0) expect(speech.limitSeconds - given).toBeGreaterThan(0);
            }
            if (after.currentItemId) {
              const debated = debateElapsedMs(after, after.currentItemId, now);
              expect(debated).toBeGreaterThanOrEqual(0);
              // The groups' times add up to the debate's, from the same speeches.
              expect(debateTimeByGroup(after, members, after.currentItemId, now).reduce((sum, g) => sum + g.ms, 0)).toBe(debated);
              if (adjourned) expect(debateElapsedMs(after, after.currentItemId, now + 3_600_000)).toBe(debated);
            }
            // An item's limits are those of the last suspension carried on it, role by role; nothing else sets them.
            const expectedLimits: Record<string, Record<string, number>> = {};
            for (const x of after.motions) {
              if (x.status === 'carried' && x.procedure === 'suspend_standing_order' && x.suspension) (expectedLimits[x.itemId] ??= {})[x.suspension.role] = x.suspension.seconds;
              if (x.suspension) expect(x.procedure).toBe('suspend_standing_order');
            }
            expect(after.itemLimits).toEqual(expectedLimits);
            // An outcome exactly for the motions carried or lost; every motion keeps its first words.
            for (const x of after.motions) {
              expect(x.outcome !== undefined).toBe(x.status === 'carried' || x.status === 'lost');
              expect(x.versions.length).toBeGreaterThanOrEqual(1);
            }
          }
          const report = core.verify();
          expect(report.differences).toEqual([]);
          expect(report.ok).toBe(true);
        } finally {
          core.dispose();
        }
      }),
      {
        numRuns: 80,
        // Besides the random sequences, one that surely reaches every kind of command.
        examples: [
          [
            [
              { kind: 'item', which: 0 },
              { kind: 'move', mover: 0, seconder: undefined, motion: 'substantive', suspension: undefined, closureWithLimit: false },
              { kind: 'second', which: 0, who: 1 },
              { kind: 'alter', which: 0, text: 'Altered with consent' },
              { kind: 'queue', who: 3 },
              { kind: 'speak', who: 0, role: 'mover', override: false },
              { kind: 'wait', seconds: 30 },
              { kind: 'speak', who: 2, role: 'point_of_order', override: false },
              { kind: 'end' },
              { kind: 'end' },
              { kind: 'speak', who: 3, role: 'other', override: false },
              { kind: 'end' },
              { kind: 'move', mover: 4, seconder: 5, motion: 'procedural', suspension: undefined, closureWithLimit: false },
              { kind: 'withdraw', which: 1 },
              { kind: 'resolve', which: 1, carried: true },
            ],
          ],
          [
            [
              { kind: 'item', which: 1 },
              { kind: 'move', mover: 0, seconder: 1, motion: 'substantive', suspension: undefined, closureWithLimit: false },
              { kind: 'move', mover: 2, seconder: 3, motion: 'procedural', suspension: { role: 'other', seconds: 90 }, closureWithLimit: false },
              { kind: 'resolve', which: 1, carried: true },
              { kind: 'speak', who: 0, role: 'mover', override: false },
              { kind: 'wait', seconds: 200 },
              { kind: 'extend', seconds: 60 },
              { kind: 'adjourn' },
              { kind: 'wait', seconds: 300 },
              { kind: 'resume' },
              { kind: 'wait', seconds: 30 },
              { kind: 'end' },
              { kind: 'speak', who: 3, role: 'other', override: false },
              { kind: 'end' },
            ],
          ],
        ],
      },
    );
    // The generator must reach the states that matter, or the property proves little.
    for (const type of [
      'motion.move',
      'motion.second',
      'motion.resolve',
      'motion.withdraw',
      'motion.alter',
      'speech.start:mover',
      'speech.start:other',
      'speech.start:point_of_order',
      'speech.end',
      'speaker.add',
      'speaker.callNext',
      'speech.extend',
      'meeting.adjourn:speaking',
      'meeting.resume',
      'motion.move:suspension',
      'motion.resolve:suspension',
    ]) {
      expect([...accepted]).toContain(type);
    }
  });
});
