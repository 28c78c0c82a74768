// The recorded vote as the minutes print it: minute 43 of 22 October 2015, both votes, rebuilt
// from the members and the way each voted and compared with the minutes character for character
// (after normalising whitespace); the two name styles; and, for any vote, every voter named once
// under the way they voted, the counts adding up and the names in surname order.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MemberDetails } from '../../shared/commands/body';
import { bySurnameForVote, outcomeWords, recordedVoteNames, recordedVoteText, type VoteWay } from '../../shared/procedure/recordedVote';
import type { BodyState } from '../../shared/state/body';
import { councilForVoteLists, minute43, normaliseVoteText, votesInMinutes } from '../support/minute43';
import { openTestCore } from '../support/meeting';
import { itWhere, originalPacks, SEEDS } from '../support/skips';

type Member = MemberDetails & { id: string; knownAs?: string };
const council: Member[] = councilForVoteLists().map((m, i) => ({ ...m, id: `m${i}` }));
const normalise = normaliseVoteText;
const votesIn = (text: string): Record<string, VoteWay> => votesInMinutes(text, council);

describe('minute 43 of 22 October 2015: the recorded votes as the minutes print them', () => {
  it('prints the procedural motion "that the question be put" (64, 4, 4) exactly', () => {
    const votes = votesIn(minute43.procedural.recordedVote);
    expect(Object.keys(votes)).toHaveLength(72);
    const text = recordedVoteText(votes, council, 'title_initial_surname', outcomeWords('procedural', 'carried'));
    expect(normalise(text)).toBe(normalise(minute43.procedural.recordedVote));
    expect(text.split('\n').slice(0, 1)).toEqual(['For (64)']);
  });

  it('prints the motion (62, 3, 1) exactly', () => {
    const votes = votesIn(minute43.vote.recordedVote);
    const text = recordedVoteText(votes, council, 'title_initial_surname', outcomeWords('substantive', 'carried'));
    expect(normalise(text)).toBe(normalise(minute43.vote.recordedVote));
    expect(text.split('\n')).toEqual(['For (62)', expect.stringMatching(/^Mrs A Allen, Mr M Angell, /), 'Against (3)', 'Mr A Bowles, Mr J Elenor, Mrs M Elenor', 'Abstain (1)', 'Mr H Birkby', 'Motion carried']);
  });
});

describe('name styles', () => {
  const cole = (title: string, initial: string, id: string): Member => ({ id, title, initials: [initial], surname: 'Cole', honours: [], group: '', roles: [], voting: true });
  it('title and surname only, with the initial only where the title does not tell two members apart', () => {
    const members = [cole('Mr', 'A', 'a'), cole('Mrs', 'P', 'b'), cole('Mr', 'J', 'c'), { ...cole('Mr', 'R', 'd'), surname: 'Bird', honours: ['OBE'] }];
    expect(recordedVoteNames(members, 'title_surname')).toEqual({ a: 'Mr A Cole', b: 'Mrs Cole', c: 'Mr J Cole', d: 'Mr Bird' });
    expect(recordedVoteNames(members.slice(0, 2), 'title_surname')).toEqual({ a: 'Mr Cole', b: 'Mrs Cole' });
    expect(recordedVoteText({ a: 'for', b: 'for', d: 'against' }, members.slice(0, 2).concat(members[3]), 'title_surname', 'Amendment lost')).toBe(
      'For (2)\nMr Cole, Mrs Cole\nAgainst (1)\nMr Bird\nAbstain (0)\nAmendment lost',
    );
  });

  it('title, first initial and surname, with more initials only where two would read the same; knights by forename', () => {
    const members: Member[] = [
      { id: 'a', title: 'Mr', initials: ['M', 'J'], surname: 'Harrison', honours: [], group: '', roles: [], voting: true },
      { id: 'b', title: 'Mr', initials: ['M', 'A'], surname: 'Harrison', honours: [], group: '', roles: [], voting: true },
      { id: 'c', title: 'Ms', initials: ['A'], surname: 'Harrison', honours: [], group: '', roles: [], voting: true },
      { id: 'd', title: 'Sir', forenames: 'Paul', initials: ['P'], surname: 'Carter', honours: ['CBE'], group: '', roles: [], voting: true },
    ];
    expect(recordedVoteNames(members, 'title_initial_surname')).toEqual({ a: 'Mr M J Harrison', b: 'Mr M A Harrison', c: 'Ms A Harrison', d: 'Sir Paul Carter' });
  });
});

describe('any recorded vote', () => {
  const member = fc.record({
    title: fc.constantFrom('Mr', 'Mrs', 'Ms', 'Miss', 'Dr'),
    initials: fc.array(fc.constantFrom('A', 'B', 'J', 'M'), { minLength: 1, maxLength: 2 }),
    surname: fc.constantFrom('Cole', 'Bird', 'Harrison', 'Vye', 'McKenna', 'Marsh', 'Smith', 'Smyth', 'de Boer'),
  });
  it('names every voter once, under the way they voted, in surname order, with counts that add up', () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 40 }), fc.array(fc.constantFrom<VoteWay | 'none'>('for', 'against', 'abstain', 'none'), { minLength: 40, maxLength: 40 }), fc.constantFrom('title_initial_surname' as const, 'title_surname' as const), (raw, ways, style) => {
        const members: Member[] = raw.map((m, i) => ({ ...m, id: `m${i}`, honours: [], group: '', roles: [], voting: true }));
        const votes: Record<string, VoteWay> = {};
        members.forEach((m, i) => ways[i] !== 'none' && (votes[m.id] = ways[i] as VoteWay));
        const lines = recordedVoteText(votes, members, style, 'Motion carried').split('\n');
        const names = recordedVoteNames(members, style);
        let counted = 0;
        let at = 0;
        for (const way of ['For', 'Against', 'Abstain']) {
          const [, count] = /^(?:For|Against|Abstain) \((\d+)\)$/.exec(lines[at])!;
          expect(lines[at].startsWith(way)).toBe(true);
          const n = Number(count);
          counted += n;
          at += 1;
          if (n === 0) continue;
          const listed = lines[at].split(', ');
          at += 1;
          expect(listed).toHaveLength(n);
          const expected = members.filter((m) => votes[m.id] === way.toLowerCase()).sort(bySurnameForVote).map((m) => names[m.id]);
          expect(listed).toEqual(expected);
        }
        expect(counted).toBe(Object.keys(votes).length);
        expect(lines[at]).toBe('Motion carried');
        expect(lines).toHaveLength(at + 1);
        // Names are unambiguous where the members' details tell them apart.
        const distinct = new Set(members.map((m) => `${m.title}|${m.initials.join('')}|${m.surname}`));
        if (distinct.size === members.length) expect(new Set(Object.values(names)).size).toBe(members.length);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a vote for someone who is not among the members named', () => {
    expect(() => recordedVoteText({ ghost: 'for' }, council, 'title_initial_surname', 'Motion carried')).toThrow(/not among the members named/);
  });
});

itWhere(originalPacks(), 'the recorded votes kept in tests/fixtures are those of the original minutes, as printed', () => {
  const original = readFileSync(path.join(SEEDS, 'kcc-2015-12-10-agenda-and-2015-10-22-minutes.txt'), 'utf8');
  expect(original).toContain(minute43.procedural.recordedVote);
  expect(original).toContain(minute43.vote.recordedVote);
});

describe('the name a member is known by, kept on the member', () => {
  it('is recorded with the member and used in the vote lists: Mr P M Hill, known as Mike, is Mr M Hill', () => {
    const core = openTestCore();
    try {
      const { bodyId } = core.send({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' });
      const { memberId } = core.send({ type: 'member.add', bodyId, member: { title: 'Mr', initials: ['P', 'M'], surname: 'Hill', knownAs: 'Mike', honours: ['OBE'], group: '', roles: [], voting: true } });
      const members = (core.read(`body:${bodyId}`) as { ok: true; data: BodyState }).data.members;
      expect(members.find((m) => m.id === memberId)).toMatchObject({ knownAs: 'Mike' });
      expect(recordedVoteNames(members, 'title_initial_surname')[memberId]).toBe('Mr M Hill');
      expect(recordedVoteNames(members, 'title_surname')[memberId]).toBe('Mr Hill');
    } finally {
      core.dispose();
    }
  });
});
