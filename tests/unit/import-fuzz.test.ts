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
