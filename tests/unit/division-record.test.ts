// What the screens say of a division, from the record: the result in words, the recorded vote as
// the minutes print it (names in the body's style, in surname order, the outcome last), nothing
// while it is open or awaits the casting vote; and "the rest of group X" on the clerk's grid: for
// any attendance, groups and votes already cast, exactly the members of that group who may vote
// and have not voted, so that recording their votes leaves every other vote as it was.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { eligibleMembers, notYetVoted } from '../../shared/procedure/division';
import { divisionOutcome, divisionRecordedVote, restOfGroup, votingGroups } from '../../shared/procedure/divisionRecord';
import { defaultStandingOrders } from '../../shared/procedure/standingOrders';
import type { BodyState } from '../../shared/state/body';
import type { MeetingState } from '../../shared/state/meeting';
import { openTestCore, testClock, type TestCore } from '../support/meeting';

const PEOPLE = [
  { title: 'Mr', initials: ['M'], surname: 'Angell', group: 'Conservative' },
  { title: 'Mrs', initials: ['A'], surname: 'Allen', group: 'Conservative' },
  { title: 'Mr', initials: ['R'], surname: 'Bird', group: 'Liberal Democrat' },
  { title: 'Mr', initials: ['B'], surname: 'Clark', group: 'Liberal Democrat' },
  { title: 'Mr', initials: ['J'], surname: 'Elenor', group: 'Labour' },
  { title: 'Mrs', initials: ['M'], surname: 'Elenor', group: 'Labour' },
  { title: 'Mr', initials: ['M'], surname: 'Vye', group: 'Liberal Democrat' },
  { title: 'Mr', initials: ['H'], surname: 'Birkby', group: 'UKIP' },
];

interface World {
  core: TestCore;
  clock: ReturnType<typeof testClock>;
  bodyId: string;
  meetingId: string;
  itemId: string;
  motionId: string;
  ids: string[];
}

const setUp = (options: { nameStyle?: 'title_initial_surname' | 'title_surname'; present?: readonly boolean[]; groups?: readonly string[] } = {}): World => {
  const clock = testClock('2015-10-22T09:00:00.000Z');
  const core = openTestCore({ now: clock.now });
  const { bodyId } = core.send({ type: 'body.create', name: 'Governance Committee', kind: 'committee' });
  core.send({
    type: 'member.import',
    bodyId,
    source: 'csv',
    members: PEOPLE.map((p, i) => ({ ...p, group: options.groups?.[i] ?? p.group, honours: [], roles: [], voting: true })),
  });
  const so = defaultStandingOrders('committee');
  core.send({ type: 'body.setStandingOrders', bodyId, standingOrders: { ...so, quorum: { kind: 'fixed', count: 1 }, recordedVote: { ...so.recordedVote, nameStyle: options.nameStyle ?? 'title_initial_surname' } } });
  const { meetingId } = core.send({ type: 'meeting.create', bodyId, title: 'Governance Committee', date: '2015-10-22', startTime: '10:00', venue: '' });
  core.send({ type: 'agenda.import', meetingId, replace: true, items: [{ number: '1', title: 'Budget', kind: 'report' }] });
  const body = (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data;
  const ids = body.members.map((m) => m.id);
  // The first two are always present: the mover and the seconder.
  const present = (options.present ?? ids.map(() => true)).map((here, i) => here || i < 2);
  ids.forEach((memberId, i) => {
    if (present[i]) core.send({ type: 'attendance.mark', meetingId, memberId, state: 'present' });
  });
  core.send({ type: 'meeting.start', meetingId });
  const itemId = (core.read(`meeting:${meetingId}`) as { ok: true; data: MeetingState }).data.agenda[0].itemId;
  core.send({ type: 'item.start', meetingId, itemId });
  const { motionId } = core.send({ type: 'motion.move', meetingId, itemId, kind: 'substantive', wording: 'That the budget be agreed.', moverId: ids[0], seconderId: ids[1] });
  return { core, clock, bodyId, meetingId, itemId, motionId, ids };
};

const meetingOf = (w: World) => (w.core.read(`meeting:${w.meetingId}`) as { ok: true; data: MeetingState }).data;
const bodyOf = (w: World) => (w.core.read(`body:${w.bodyId}`) as { ok: true; data: BodyState }).data;

let world: World | undefined;
afterEach(() => {
  world?.core.dispose();
  world = undefined;
});

const divide = (w: World, ways: Record<number, 'for' | 'against' | 'abstain'>) => {
  const { divisionId } = w.core.send({ type: 'division.call', meetingId: w.meetingId, motionId: w.motionId, skipBell: true });
  for (const [i, choice] of Object.entries(ways)) {
    w.clock.advance(500);
    w.core.send({ type: 'vote.cast', meetingId: w.meetingId, divisionId, memberId: w.ids[Number(i)], choice });
  }
  return divisionId;
};

describe('the recorded vote of a division', () => {
  it('is the minutes’ text: each way with its count and the names in surname order, then the outcome', () => {
    const w = (world = setUp());
    const divisionId = divide(w, { 0: 'for', 1: 'for', 6: 'for', 4: 'for', 2: 'against', 3: 'against', 5: 'abstain' });
    // Not yet closed: no outcome, no recorded vote.
    expect(divisionOutcome(meetingOf(w), divisionId)).toBeUndefined();
    expect(divisionRecordedVote(meetingOf(w), bodyOf(w), divisionId)).toBeUndefined();
    w.clock.advance(60_000);
    w.core.send({ type: 'division.close', meetingId: w.meetingId, divisionId });
    expect(divisionOutcome(meetingOf(w), divisionId)).toBe('Motion carried');
    expect(divisionRecordedVote(meetingOf(w), bodyOf(w), divisionId)).toBe(
      ['For (4)', 'Mrs A Allen, Mr M Angell, Mr J Elenor, Mr M Vye', 'Against (2)', 'Mr R Bird, Mr B Clark', 'Abstain (1)', 'Mrs M Elenor', 'Motion carried'].join('\n'),
    );
  });

  it('names members in the body’s style: title and surname, with the initial only where the title does not tell them apart', () => {
    const w = (world = setUp({ nameStyle: 'title_surname' }));
    const divisionId = divide(w, { 4: 'against', 5: 'against', 0: 'for' });
    w.clock.advance(60_000);
    w.core.send({ type: 'division.close', meetingId: w.meetingId, divisionId });
    expect(divisionRecordedVote(meetingOf(w), bodyOf(w), divisionId)).toBe(['For (1)', 'Mr Angell', 'Against (2)', 'Mr Elenor, Mrs Elenor', 'Abstain (0)', 'Motion lost'].join('\n'));
  });

  it('waits for the casting vote after an equality, then prints the outcome it decided', () => {
    const w = (world = setUp());
    const divisionId = divide(w, { 0: 'for', 2: 'against' });
    w.clock.advance(60_000);
    w.core.send({ type: 'division.close', meetingId: w.meetingId, divisionId });
    expect(divisionOutcome(meetingOf(w), divisionId)).toBe('Equality of votes');
    expect(divisionRecordedVote(meetingOf(w), bodyOf(w), divisionId)).toBeUndefined();
    w.core.send({ type: 'division.castingVote', meetingId: w.meetingId, divisionId, choice: 'against' });
    expect(divisionOutcome(meetingOf(w), divisionId)).toBe('Motion lost');
    expect(divisionRecordedVote(meetingOf(w), bodyOf(w), divisionId)).toBe(['For (1)', 'Mr M Angell', 'Against (1)', 'Mr R Bird', 'Abstain (0)', 'Motion lost'].join('\n'));
  });

  it('is undefined for a division not on the record', () => {
    const w = (world = setUp());
    expect(divisionRecordedVote(meetingOf(w), bodyOf(w), '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(restOfGroup(meetingOf(w), bodyOf(w), '00000000-0000-4000-8000-000000000000', 'Labour')).toEqual([]);
  });
});

const GROUPS = ['Conservative', 'Labour', 'Liberal Democrat'];

describe('the rest of a group, on the clerk’s grid', () => {
  it('picks exactly the members of the group who may vote and have not voted; voting them leaves every other vote alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
        fc.array(fc.constantFrom(...GROUPS), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
        fc.array(fc.option(fc.constantFrom('for' as const, 'against' as const, 'abstain' as const), { nil: undefined }), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
        fc.constantFrom(...GROUPS),
        fc.constantFrom('for' as const, 'against' as const, 'abstain' as const),
        (present, groups, earlier, group, way) => {
          const w = setUp({ present, groups });
          try {
            const meeting0 = meetingOf(w);
            const ways: Record<number, 'for' | 'against' | 'abstain'> = {};
            const eligible0 = new Set(eligibleMembers(meeting0, bodyOf(w), w.itemId));
            earlier.forEach((choice, i) => {
              if (choice && eligible0.has(w.ids[i])) ways[i] = choice;
            });
            const divisionId = divide(w, ways);
            const meeting = meetingOf(w);
            const body = bodyOf(w);
            const picked = restOfGroup(meeting, body, divisionId, group);
            const eligible = eligibleMembers(meeting, body, w.itemId);
            const expected = eligible.filter((id) => groups[w.ids.indexOf(id)] === group && ways[w.ids.indexOf(id)] === undefined);
            expect(picked).toEqual(expected);
            // The group is among the groups offered exactly when one of its members may vote.
            expect(votingGroups(meeting, body, w.itemId).includes(group)).toBe(eligible.some((id) => groups[w.ids.indexOf(id)] === group));
            const before = meeting.votes[divisionId] ?? {};
            for (const memberId of picked) w.core.send({ type: 'vote.cast', meetingId: w.meetingId, divisionId, memberId, choice: way });
            const after = meetingOf(w);
            // Nobody of the group is left to vote; every earlier vote stands as it was.
            expect(restOfGroup(after, body, divisionId, group)).toEqual([]);
            expect(notYetVoted(after, body, divisionId).every((id) => groups[w.ids.indexOf(id)] !== group)).toBe(true);
            for (const [memberId, vote] of Object.entries(before)) expect(after.votes[divisionId][memberId]).toEqual(vote);
            for (const memberId of picked) expect(after.votes[divisionId][memberId].choice).toBe(way);
          } finally {
            w.core.dispose();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
