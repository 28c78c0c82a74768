// A property test of the PRESENT reader: random paragraphs of random people, in every style the
// minutes of English councils use (titles or none, initials or forenames, honours, roles in
// brackets, commas, semicolons, full stops or one name a line, "and" before the last, lines
// wrapped anywhere in a name), read back as the same people, in order, none merged or dropped,
// flagged exactly where the rules say (no title; more than four initials).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMemberName, type MemberRole } from '../../shared/import/memberNames';
import { parsePresentParagraph } from '../../shared/import/presentParagraph';

interface Person {
  title: string;
  forenames: string[];
  initials: string[];
  initialsStyle: 'spaced' | 'dotted' | 'dotted-spaced';
  surname: string;
  honours: string[];
  honoursWithComma: boolean;
  role?: { written: string; office: MemberRole; asWritten?: string };
  roleAfterHonours: boolean;
}

const TITLES = ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Sir', 'Cllr', 'Councillor', 'Lord', 'Lady', 'Cllr Mrs', 'Councillor Dr', 'Rev', 'Professor'];
const FORENAMES = ['Paul', 'Jane', 'Amara', 'Sean', 'Priya', 'Tomasz', 'Ruth', 'Kit', 'Jo', 'Ana', 'Mary', 'Ann', 'Bashir', 'Eleanor', 'Dilys'];
const SURNAMES = [
  'Harrison', 'Allen', 'Hale', 'Jones', 'Brown', 'Marsh', 'Rowe', 'Bright', "O'Brien", 'O’Neill', 'McKenna', 'MacDowall', 'Kemp-Lawrence',
  'Prendergast-Smith', 'de Souza', 'van der Berg', 'St John', 'Major', 'Lord', 'Canon', 'Okonjo', 'Nowak', 'Fitzwilliam-Hart', 'Levy',
  'Natarajan', 'Whitcombe', 'Ashworth', 'Tolley', 'Pengelly', 'Quayle', 'Vickers', 'Abel', 'Yelland', 'Daintree', 'Gupta', 'Ellwood',
];
const HONOURS = ['MBE', 'OBE', 'CBE', 'JP', 'DL', 'TD', 'KBE', 'QPM'];
const ROLES: { written: string; office: MemberRole; asWritten?: string }[] = [
  { written: 'Chairman', office: 'Chairman' },
  { written: 'Chair', office: 'Chairman', asWritten: 'Chair' },
  { written: 'Vice-Chairman', office: 'Vice-Chairman' },
  { written: 'Vice Chairman', office: 'Vice-Chairman' },
  { written: 'Vice-Chair', office: 'Vice-Chairman', asWritten: 'Vice-Chair' },
  { written: 'Vice Chair', office: 'Vice-Chairman', asWritten: 'Vice-Chair' },
  { written: 'Deputy Chairman', office: 'Vice-Chairman', asWritten: 'Deputy Chairman' },
  { written: 'Deputy Chair', office: 'Vice-Chairman', asWritten: 'Deputy Chair' },
  { written: 'Mayor', office: 'Chairman', asWritten: 'Mayor' },
  { written: 'Deputy Mayor', office: 'Vice-Chairman', asWritten: 'Deputy Mayor' },
  { written: 'Leader', office: 'Leader' },
  { written: 'Deputy Leader', office: 'Deputy Leader' },
];
const LETTERS = 'ABCDEFGHIJKLMNOPRSTWY'.split('');

const person: fc.Arbitrary<Person> = fc
  .record({
    title: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TITLES) }, { weight: 1, arbitrary: fc.constant('') }),
    given: fc.oneof(
      fc.array(fc.constantFrom(...LETTERS), { minLength: 0, maxLength: 4 }).map((initials) => ({ forenames: [] as string[], initials })),
      fc.array(fc.constantFrom(...LETTERS), { minLength: 5, maxLength: 6 }).map((initials) => ({ forenames: [] as string[], initials })),
      fc.array(fc.constantFrom(...FORENAMES), { minLength: 1, maxLength: 2 }).map((forenames) => ({ forenames, initials: forenames.map((name) => name[0]) })),
    ),
    initialsStyle: fc.constantFrom('spaced', 'dotted', 'dotted-spaced') as fc.Arbitrary<Person['initialsStyle']>,
    honours: fc.uniqueArray(fc.constantFrom(...HONOURS), { maxLength: 2 }),
    honoursWithComma: fc.boolean(),
    role: fc.option(fc.constantFrom(...ROLES), { freq: 3 }),
    roleAfterHonours: fc.boolean(),
  })
  // A person with no title is written with forenames ("Jo Marsh"): a bare "A Smith" is not minutes' style.
  .filter(({ title, given }) => title !== '' || given.forenames.length > 0)
  .map(({ title, given, initialsStyle, honours, honoursWithComma, role, roleAfterHonours }) => ({
    title,
    ...given,
    // "M.R." is written run together; five initials never are.
    initialsStyle: initialsStyle === 'dotted' && given.initials.length > 3 ? 'dotted-spaced' : initialsStyle,
    surname: '',
    honours,
    honoursWithComma,
    ...(role === null ? {} : { role }),
    roleAfterHonours,
  }));

/** The words of one name, in order; a word ending "," is followed by honours. */
const wordsOf = (p: Person): string[] => {
  const given =
    p.forenames.length > 0
      ? p.forenames
      : p.initialsStyle === 'spaced'
        ? p.initials
        : p.initialsStyle === 'dotted-spaced'
          ? p.initials.map((initial) => `${initial}.`)
          : p.initials.length > 0
            ? [p.initials.map((initial) => `${initial}.`).join('')]
            : [];
  const role = p.role === undefined ? [] : [`(${p.role.written})`];
  const honours = p.honours.length === 0 ? [] : p.honoursWithComma ? p.honours.map((honour, index) => (index < p.honours.length - 1 ? `${honour},` : honour)) : p.honours;
  const surname = p.surname.split(' ');
  if (p.honours.length > 0 && p.honoursWithComma) surname[surname.length - 1] += ',';
  const words = [...p.title.split(' ').filter(Boolean), ...given, ...surname];
  return p.roleAfterHonours ? [...words, ...honours, ...role] : p.honoursWithComma && p.honours.length > 0 ? [...words.slice(0, -1), words[words.length - 1].replace(/,$/, ''), ...role.map((r) => `${r},`), ...honours] : [...words, ...role, ...honours];
};

interface Style {
  separator: ', ' | '; ' | '. ' | '\n';
  and: boolean;
  heading: boolean;
  finalStop: boolean;
}

const style: fc.Arbitrary<Style> = fc.record({
  separator: fc.constantFrom(', ', '; ', '. ', '\n') as fc.Arbitrary<Style['separator']>,
  and: fc.boolean(),
  heading: fc.boolean(),
  finalStop: fc.boolean(),
});

/**
 * Builds the paragraph; `wraps` chooses gaps (between words of a name, or after a separator) to
 * break the line at, as running text does (names one a line are short and never wrap). Returns
 * the text and, for each person, whether their name was broken across lines.
 */
const paragraph = (people: readonly Person[], s: Style, wraps: readonly number[]): { text: string; wrapped: boolean[] } => {
  const gaps: string[] = [];
  const words: string[] = [];
  const owner: number[] = [];
  people.forEach((p, index) => {
    const own = wordsOf(p);
    own.forEach((word, wordIndex) => {
      words.push(word);
      if (wordIndex < own.length - 1) {
        gaps.push(' ');
        owner.push(index);
      }
    });
    if (index < people.length - 1) {
      const last = s.and && index === people.length - 2;
      gaps.push(last ? (s.separator === '\n' ? ' and\n' : ' and ') : s.separator);
      owner.push(-1);
    }
  });
  const wrapped = people.map(() => false);
  // Running text has several names a line: fewer breaks than names keeps it so (two names alone on
  // their lines, "Mr Paul / Paul Nowak", could be one name or two, even to a reader).
  if (s.separator !== '\n') {
    wraps.slice(0, Math.max(0, people.length - 2)).forEach((at) => {
      const gap = at % Math.max(1, gaps.length);
      if (gaps[gap] === ' ') {
        gaps[gap] = '\n';
        wrapped[owner[gap]] = true;
      } else if (!gaps[gap].includes('\n')) gaps[gap] = `${gaps[gap].trimEnd()}\n`;
    });
  }
  const text = words.map((word, index) => word + (gaps[index] ?? '')).join('');
  return { text: `${s.heading ? 'PRESENT: ' : ''}${text}${s.finalStop ? '.' : ''}`, wrapped };
};

const expectedFlagged = (p: Person): boolean => p.title === '' || p.initials.length > 4;

const expectedName = (p: Person): string =>
  formatMemberName(
    {
      title: p.title,
      ...(p.forenames.length > 0 ? { forenames: p.forenames.join(' ') } : {}),
      initials: p.initials,
      surname: p.surname,
      honours: p.honours,
      ...(p.role === undefined ? {} : { role: p.role.office }),
    },
    { role: true },
  );

const people = fc
  .uniqueArray(fc.constantFrom(...SURNAMES), { minLength: 1, maxLength: 14 })
  .chain((surnames) =>
    fc.tuple(
      ...surnames.map((surname) =>
        person
          // Lord, Major and Canon as surnames follow a plain title ("Mr Major", "Cllr Lord"); "Rev Canon" is two titles.
          .filter((p) => !['Lord', 'Major', 'Canon'].includes(surname) || /^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cllr Mrs|Councillor Dr)$/.test(p.title) || (p.title === '' && p.forenames.length > 0))
          .map((p) => ({ ...p, surname })),
      ),
    ),
  );

describe('the PRESENT reader on random paragraphs', () => {
  it('reads the same people in order, none merged or dropped, flagged where the rules say', () => {
    fc.assert(
      fc.property(people, style, fc.array(fc.nat(), { maxLength: 6 }), (listed, s, wraps) => {
        const { text, wrapped } = paragraph(listed, s, wraps);
        const read = parsePresentParagraph(text);
        if ('error' in read) throw new Error(`${read.error.message}\n${text}`);
        expect(read.members.map((member) => formatMemberName(member, { role: true })), text).toEqual(listed.map(expectedName));
        expect(read.entries.map((entry) => entry.roleAsWritten), text).toEqual(listed.map((p) => p.role?.asWritten));
        // Flagged where the rules say; a name broken across lines may also be flagged as possibly two.
        const flagged = read.entries.map((entry) => entry.checks.length > 0);
        expect(flagged, `${text}\n${JSON.stringify(read.entries.map((entry) => entry.checks))}`).toEqual(
          listed.map((p, index) => expectedFlagged(p) || (wrapped[index] && flagged[index])),
        );
        expect(read.warnings.filter((warning) => warning.member === undefined), text).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1500) },
    );
  });
});
