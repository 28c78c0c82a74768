// The importers take whatever a clerk pastes. Whatever it is, they must not throw, must answer
// with items or an error value, and must answer quickly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgendaItemDraft, MAX_IMPORT_CHARACTERS, parseAgenda, type AgendaImport } from '../../shared/import/agenda';
import { displayNames, formatMemberName, ParsedMemberName, parseMemberName } from '../../shared/import/memberNames';
import { parsePresentParagraph, type PresentImport } from '../../shared/import/presentParagraph';
import { itWhere, originalPacks, SEEDS } from '../support/skips';

const here = path.dirname(fileURLToPath(import.meta.url));
const packs = path.resolve(here, '../fixtures/packs');
const readPack = (name: string): string => readFileSync(path.join(packs, name), 'utf8');

const agendaPacks = [readPack('kcc-2015-agenda.txt'), readPack('kcc-2021-agenda.txt')];
const presentPack = readPack('kcc-2015-present.txt');

const NUM_RUNS = 300;
/** Each input must be answered within this many milliseconds: a bound that catches a hang (runaway
 * backtracking takes seconds or minutes), generous enough for a busy shared machine. Speed itself is
 * measured in npm run bench, not here. */
const TIME_LIMIT_MS = 1_000;

const timed = <T>(run: () => T): T => {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
  return result;
};

const expectWellFormedAgenda = (result: AgendaImport): void => {
  if ('error' in result) {
    expect(result.error.message).toMatch(/\w/);
    return;
  }
  expect(result.items.length).toBeGreaterThan(0);
  for (const item of result.items) expect(AgendaItemDraft.safeParse(item).success).toBe(true);
  for (const warning of result.warnings) expect(warning.message).toMatch(/\w/);
};

const expectWellFormedPresent = (result: PresentImport): void => {
  if ('error' in result) {
    expect(result.error.message).toMatch(/\w/);
    return;
  }
  expect(result.members.length).toBeGreaterThan(0);
  for (const member of result.members) expect(ParsedMemberName.safeParse(member).success).toBe(true);
};

const readBoth = (text: string): void => {
  expectWellFormedAgenda(timed(() => parseAgenda(text)));
  expectWellFormedPresent(timed(() => parsePresentParagraph(text)));
};

/** Lines that mean something to the parsers, mixed with noise. */
const meaningfulLine = fc.oneof(
  fc.constantFrom(
    'AGENDA',
    '## **A G E N D A**',
    '1. Apologies for Absence',
    '2. Election of Vice-',
    'Chairman',
    '3. Minutes of the meeting held on 4 November 2021 and, if in order, to **(Pages 5 - 14)** be approved',
    '(Pages 1 - 14)',
    '(Pages 14 - 1)',
    '12. Motion(s) for Time Limited Debate',
    'Motion for Time Limited Debate – Opposing mandatory Voter',
    'Proposer: Richard Streatfeild',
    'Seconder: Trudy Dean',
    'Dr Eddy will propose and Ms Harrison will second.',
    'Motion',
    '"This Council resolves:',
    'to do something."',
    '“Curly quotes',
    'Background information',
    'EXEMPT ITEMS',
    'Peter Sass',
    'Head of Democratic Services',
    'From: Roger Gough',
    'PRESENT:',
    'Mr M J Harrison (Chairman)',
    'Mrs A D Allen, MBE, Mr M J',
    'Angell, MBE, CBE,',
    'and Mrs Z Wiltshire.',
    'IN ATTENDANCE: Peter Sass',
    '9a. Sub-item',
    '9(b) Another',
    'Page 2',
    '',
    ' ',
  ),
  fc.string({ maxLength: 60 }),
  fc.nat({ max: 200 }).map((n) => `${n}. ${'Item '.repeat(n % 5)}`),
);

const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(meaningfulLine, fc.string({ maxLength: 200, unit: 'grapheme' })) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const mutate = (text: string, mutations: readonly Mutation[]): string => {
  let lines = text.split('\n');
  for (const change of mutations) {
    const at = lines.length === 0 ? 0 : change.at % lines.length;
    if (change.op === 'delete') lines.splice(at, 1);
    else if (change.op === 'duplicate' && lines.length > 0) lines.splice(at, 0, lines[at]);
    else if (change.op === 'insert') lines.splice(at, 0, change.text);
    else if (change.op === 'truncate') {
      const joined = lines.join('\n');
      lines = joined.slice(0, change.at % (joined.length + 1)).split('\n');
    } else if (change.op === 'swap' && lines.length > 0) {
      const other = change.other % lines.length;
      [lines[at], lines[other]] = [lines[other], lines[at]];
    }
  }
  return lines.join('\n');
};

describe('the importers never throw and answer quickly', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ maxLength: 1000, unit: 'grapheme' }), fc.string({ maxLength: 500, unit: 'binary' })), readBoth),
      { numRuns: NUM_RUNS },
    );
  });

  it('on random arrangements of lines that mean something to them', () => {
    fc.assert(
      fc.property(fc.array(meaningfulLine, { maxLength: 120 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n'), (lines, newline) => readBoth(lines.join(newline))),
      { numRuns: NUM_RUNS },
    );
  });

  it('on the agenda packs with lines deleted, repeated, inserted, swapped and the text cut short', () => {
    fc.assert(
      fc.property(fc.constantFrom(...agendaPacks), fc.array(mutation, { minLength: 1, maxLength: 10 }), (pack, mutations) => readBoth(mutate(pack, mutations))),
      { numRuns: NUM_RUNS },
    );
  });

  it('on the PRESENT paragraph with lines deleted, repeated, inserted, swapped and the text cut short', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 10 }), (mutations) => readBoth(mutate(presentPack, mutations))),
      { numRuns: NUM_RUNS },
    );
  });

  itWhere(originalPacks(), 'on the full original packs, mutated', () => {
    const originals = ['kcc-2015-12-10-agenda-and-2015-10-22-minutes.txt', 'kcc-2021-12-16-agenda.txt'].map((name) =>
      readFileSync(path.join(SEEDS, name), 'utf8'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...originals), fc.array(mutation, { minLength: 1, maxLength: 10 }), (pack, mutations) => readBoth(mutate(pack, mutations))),
      { numRuns: 100 },
    );
  });

  it('on binary junk, refusing anything with a NUL byte as binary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4000 }), (bytes) => {
        const text = Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
        readBoth(text);
        if (bytes.includes(0)) {
          expect(parseAgenda(text)).toMatchObject({ error: { message: expect.stringMatching(/binary data/) } });
          expect(parsePresentParagraph(text)).toMatchObject({ error: { message: expect.stringMatching(/binary data/) } });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('on random member names, and display names stay one per member', () => {
    const nameLike = fc.array(fc.oneof(meaningfulLine, fc.constantFrom('Mr', 'Mrs', 'Sir', 'Dame', 'J', 'M.J.', 'Cole', 'Meade', 'MBE', ',', '(Chairman)', "O'Neill", 'de')), { maxLength: 8 });
    fc.assert(
      fc.property(fc.array(nameLike, { maxLength: 30 }), (parts) => {
        const members = timed(() =>
          parts.flatMap((words) => {
            const result = parseMemberName(words.join(' '));
            return 'name' in result ? [result.name] : [];
          }),
        );
        for (const member of members) {
          expect(ParsedMemberName.safeParse(member).success).toBe(true);
          expect(formatMemberName(member)).toMatch(/\S/);
        }
        expect(timed(() => displayNames(members))).toHaveLength(members.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('the agenda does not depend on line endings or trailing spaces', () => {
  it('reads the same items with CRLF, CR or LF and any trailing spaces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...agendaPacks),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.constantFrom('', ' ', '  ', '\t', '\u00a0'), { minLength: 1, maxLength: 20 }),
        (pack, newline, padding) => {
          const lines = pack.split('\n');
          const changed = lines.map((line, index) => line + padding[index % padding.length]).join(newline);
          expect(timed(() => parseAgenda(changed))).toEqual(parseAgenda(pack));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the importers stay fast on large and hostile input', () => {
  // Inputs of about a megabyte; the pack repeated to the 5 MB limit shows the time stays linear.
  const within = (limitMs: number, run: () => unknown): void => {
    const started = performance.now();
    run();
    expect(performance.now() - started).toBeLessThan(limitMs);
  };

  it('reads a pack repeated up to the size limit in bounded time', () => {
    const big = agendaPacks[1].repeat(Math.floor(MAX_IMPORT_CHARACTERS / agendaPacks[1].length));
    expect(big.length).toBeLessThanOrEqual(MAX_IMPORT_CHARACTERS);
    within(15_000, () => expectWellFormedAgenda(parseAgenda(big)));
    within(15_000, () => expectWellFormedPresent(parsePresentParagraph(big)));
  });

  it.each([
    ['one enormous line of brackets', `AGENDA\n1. ${'( '.repeat(250_000)}`],
    ['one enormous line of page ranges', `AGENDA\n1. Item ${'(Pages 1 - '.repeat(50_000)}`],
    ['an enormous title wrapped over many lines', `AGENDA\n1. Item\n${'continued title\n'.repeat(50_000)}`],
    ['an enormous motion', `AGENDA\n1. Motion\nMr A will propose and Mr B will second.\n"${'words of the motion\n'.repeat(50_000)}`],
    ['many numbered items', `AGENDA\n${Array.from({ length: 25_000 }, (_, index) => `${(index % 999) + 1}. Item`).join('\n')}`],
    ['many proposer lines', `AGENDA\n1. Motion\n${'Proposer: Mr A Smith will propose and Mr B will second\n'.repeat(10_000)}`],
    ['many motion headings', `AGENDA\n1. Motions\n\n${'Motion for Time Limited Debate - X\nProposer: Mr A\n\n'.repeat(10_000)}`],
    ['an enormous PRESENT paragraph', `PRESENT: ${'Mr A B Smith, MBE, '.repeat(50_000)}`],
    ['an enormous name', `PRESENT: Mr ${'A '.repeat(250_000)}Smith`],
    ['long runs of spaces and commas', `${' '.repeat(250_000)}${','.repeat(250_000)}`],
  ])('%s', (_case, text) => {
    within(15_000, () => expectWellFormedAgenda(parseAgenda(text)));
    within(15_000, () => expectWellFormedPresent(parsePresentParagraph(text)));
  });
});

// ---------------------------------------------------------------------------------------------
// Boundaries of the general agenda rules: numbering as printed, furniture round the items, page
// ranges in every form, agendas without numbers, the summons's date.

const itemsOrThrow = (result: AgendaImport): AgendaItemDraft[] => {
  if ('error' in result) throw new Error(`expected items, got the error "${result.error.message}"`);
  return result.items;
};

const TITLES = [
  'Apologies for Absence',
  'Declarations of Interest',
  'Minutes of the Previous Meeting',
  'Public Questions',
  'Revenue Budget Monitoring',
  'Local Transport Plan',
  'School Admission Arrangements',
  'Forward Plan of Key Decisions',
  'Treasury Management Strategy',
  'Village Hall Refurbishment',
  'Allotments',
  'Urgent Business',
];

/** A title no other item has: the importer leaves out an item printed twice, number and title alike. */
const titleOf = (index: number): string => `${TITLES[index % TITLES.length]}${index >= TITLES.length ? ` ${Math.floor(index / TITLES.length) + 1}` : ''}`;

/** Numbering as a pack may print it: from 1, then on, repeated, backwards or jumping, never starting again at 1. */
const numbering = fc.array(fc.integer({ min: -4, max: 20 }), { minLength: 1, maxLength: 40 }).map((steps) => {
  const numbers = [1];
  for (const step of steps) numbers.push(Math.max(2, numbers[numbers.length - 1] + step));
  return numbers;
});

describe('the agenda reads every item whatever the numbering', () => {
  it('reads each numbered line in order, and flags each number that is not the next', () => {
    fc.assert(
      fc.property(numbering, fc.constantFrom('\n', '\n\n'), (numbers, gap) => {
        const text = ['AGENDA', ...numbers.map((number, index) => `${number}. ${titleOf(index)}`)].join(gap);
        const items = itemsOrThrow(timed(() => parseAgenda(text)));
        expect(items.map((item) => [item.number, item.title])).toEqual(numbers.map((number, index) => [String(number), titleOf(index)]));
        let highest = 0;
        numbers.forEach((number, index) => {
          const expected = index === 0 || number === numbers[index - 1] + 1 || number === highest + 1;
          if (!expected) expect(items[index]).toMatchObject({ confidence: 'unsure', note: expect.stringMatching(/\w/) });
          highest = Math.max(highest, number);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/** Lines a council's web page or a PDF puts between items, none of them an item. */
const furnitureLine = fc.constantFrom(
  'Additional documents:',
  'View the reasons why item 9 is restricted',
  'View the background to item 4',
  'Download: Report.pdf (PDF, 156 KB)',
  'PDF 120 KB',
  'Supporting documents:',
  'Webcast for Cabinet, 10 March 2026',
  'Minutes:',
  'Decision:',
  'Page 3',
  'Page 2 of 7',
  '- 4 -',
  '12',
  'A. Matters for Decision',
  'B. Matters for Information',
  'MATTERS FOR DECISION',
  'Section B',
  'PART 2 - EXEMPT ITEMS',
  'Part 1 - Items considered in public',
);

const downloadSuffix = fc.constantFrom('', ' pdf icon PDF 120 KB', ' PDF 1 MB', ' (PDF, 245 KB)');

describe('the agenda never takes furniture for an item', () => {
  it('reads the same numbers and titles with furniture lines between the items and download sizes after titles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.array(fc.tuple(fc.nat(), furnitureLine, fc.boolean()), { maxLength: 20 }),
        fc.array(downloadSuffix, { minLength: 1, maxLength: 15 }),
        (count, inserts, suffixes) => {
          const blocks = Array.from({ length: count }, (_, index) => [`${index + 1}. ${titleOf(index)}${suffixes[index % suffixes.length]}`]);
          for (const [at, line, blankBefore] of inserts) blocks[at % count].push(...(blankBefore ? ['', line] : [line]));
          const text = ['AGENDA', '', ...blocks.flatMap((block) => [...block, ''])].join('\n');
          const items = itemsOrThrow(timed(() => parseAgenda(text)));
          expect(items.map((item) => [item.number, item.title])).toEqual(blocks.map((_, index) => [String(index + 1), titleOf(index)]));
          for (const item of items) expect(item.pages).toBeUndefined();
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('the agenda reads page ranges in every form', () => {
  const rangeText = (from: number, to: number, form: number): string =>
    [`(Pages ${from} - ${to})`, `(Pages ${from} ${to})`, `Pages ${from} - ${to}`, `(Pages ${from} – ${to})`, `**(Pages ${from} - ${to})**`][form];

  it('takes a range from the title line or the line after it, a single page as from = to', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 1, maxLength: 15 }),
        (ranges) => {
          const lines = ['AGENDA', ''];
          ranges.forEach(([from, length, form, ownLine], index) => {
            const range = form === 5 ? `(Page ${from})` : rangeText(from, from + length, form);
            if (ownLine) lines.push(`${index + 1}. ${titleOf(index)}`, range, '');
            else lines.push(`${index + 1}. ${titleOf(index)} ${range}`, '');
          });
          const items = itemsOrThrow(timed(() => parseAgenda(lines.join('\n'))));
          expect(items.map((item) => [item.title, item.pages])).toEqual(
            ranges.map(([from, length, form], index) => [titleOf(index), { from, to: form === 5 ? from : from + length }]),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('the agenda numbers an agenda printed without numbers', () => {
  it('reads one title per line in order, numbered from 1, every one flagged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.constantFrom('\n', '\n\n'), (count, gap) => {
        const titles = Array.from({ length: count }, (_, index) => titleOf(index));
        const items = itemsOrThrow(timed(() => parseAgenda(['Ambridge Parish Council', '', 'AGENDA', '', ...titles].join(gap))));
        expect(items.map((item) => [item.number, item.title])).toEqual(titles.map((title, index) => [String(index + 1), title]));
        for (const item of items) expect(item).toMatchObject({ confidence: 'unsure', note: expect.stringMatching(/no item numbers/) });
      }),
      { numRuns: 100 },
    );
  });
});

describe("the agenda compares the summons's date with the meeting's", () => {
  const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true });
  const iso = (date: Date): string => date.toISOString().slice(0, 10);
  const printed = (date: Date, form: number): string => {
    const [d, m, y] = [date.getUTCDate(), date.getUTCMonth(), date.getUTCFullYear()];
    const weekday = date.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
    return [
      `on ${weekday}, ${d} ${MONTH_NAMES[m]} ${y} at 10.00 am`,
      `Date: ${String(d).padStart(2, '0')}/${String(m + 1).padStart(2, '0')}/${y}`,
      `${weekday} ${d}${d % 10 === 1 && d !== 11 ? 'st' : 'th'} ${MONTH_NAMES[m]}, ${y} 7.00 pm`,
    ][form];
  };

  it('warns exactly when the dates differ, naming both', () => {
    fc.assert(
      fc.property(day, day, fc.boolean(), fc.integer({ min: 0, max: 2 }), (summons, other, same, form) => {
        const meeting = same ? summons : other;
        const text = ['Borsetshire County Council', printed(summons, form), '', 'AGENDA', '1. Apologies for Absence', '2. Minutes'].join('\n');
        const result = timed(() => parseAgenda(text, { meetingDate: iso(meeting) }));
        if ('error' in result) throw new Error(result.error.message);
        const warnings = result.warnings.filter((warning) => /right pack/.test(warning.message));
        if (iso(summons) === iso(meeting)) expect(warnings).toEqual([]);
        else {
          expect(warnings).toHaveLength(1);
          expect(warnings[0].message).toContain(`${summons.getUTCDate()} ${MONTH_NAMES[summons.getUTCMonth()]} ${summons.getUTCFullYear()}`);
          expect(warnings[0].message).toContain(`${meeting.getUTCDate()} ${MONTH_NAMES[meeting.getUTCMonth()]} ${meeting.getUTCFullYear()}`);
        }
        // Without the meeting's date there is nothing to compare.
        expect(parseAgenda(text)).toMatchObject({ items: [{ number: '1' }, { number: '2' }], warnings: [] });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
