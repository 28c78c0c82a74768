import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatMemberName, ParsedMemberName } from '../../shared/import/memberNames';
import { parsePresentParagraph, type PresentImport, type PresentParagraph } from '../../shared/import/presentParagraph';
import { KCC_2015_PRESENT_COUNT, kcc2015Present } from '../fixtures/kcc-2015-present';
import { describeWhere, originalPacks, SEEDS } from '../support/skips';

const here = path.dirname(fileURLToPath(import.meta.url));
const packs = path.resolve(here, '../fixtures/packs');

const read = (result: PresentImport): PresentParagraph => {
  if ('error' in result) throw new Error(`expected members, got the error "${result.error.message}"`);
  return result;
};

const errorOf = (result: PresentImport): { message: string; line?: number } => {
  if (!('error' in result)) throw new Error(`expected an error, got ${result.members.length} members`);
  return result.error;
};

const formatted = (text: string): string[] => read(parsePresentParagraph(text)).members.map((member) => formatMemberName(member, { role: true }));

const expectThe2015Paragraph = (text: () => string): void => {
  it(`reads all ${KCC_2015_PRESENT_COUNT} members in order, the Chairman and Vice-Chairman marked, honours kept with their names`, () => {
    const result = read(parsePresentParagraph(text()));
    expect(result.members).toHaveLength(KCC_2015_PRESENT_COUNT);
    expect(result.members).toEqual(kcc2015Present);
    expect(result.warnings).toEqual([]);
  });

  it('gives names that match the ParsedMemberName schema', () => {
    for (const member of read(parsePresentParagraph(text())).members) expect(ParsedMemberName.safeParse(member).success).toBe(true);
  });
};

describe('parsePresentParagraph on the PRESENT paragraph of the 2015 minutes', () => {
  const pack = (): string => readFileSync(path.join(packs, 'kcc-2015-present.txt'), 'utf8');
  expectThe2015Paragraph(pack);

  it('writes the list back exactly as the minutes print it', () => {
    const listLine = pack().split('\n').find((line) => line.startsWith('Mrs A D Allen'))!;
    const names = read(parsePresentParagraph(pack())).members.slice(2).map((member) => formatMemberName(member));
    expect(`${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`).toBe(listLine.trim());
  });
});

describeWhere(originalPacks(), 'parsePresentParagraph on the full 2015 pack (agenda, minutes and reports)', () => {
  expectThe2015Paragraph(() => readFileSync(path.join(SEEDS, 'kcc-2015-12-10-agenda-and-2015-10-22-minutes.txt'), 'utf8'));
});

describe('parsePresentParagraph tolerates the way the paragraph is pasted', () => {
  it('reads a list without the PRESENT: prefix', () => {
    expect(formatted('Mr M J Harrison (Chairman), Mrs A D Allen, MBE, Mr M J Angell')).toEqual([
      'Mr M J Harrison (Chairman)',
      'Mrs A D Allen, MBE',
      'Mr M J Angell',
    ]);
  });

  it('does not split honours off as names, wherever the line breaks', () => {
    expect(formatted('PRESENT: Mrs A D Allen,\nMBE, Mr P B Carter, CBE,\nMr R L H Long, TD, Mr J A Kite, MBE')).toEqual([
      'Mrs A D Allen, MBE',
      'Mr P B Carter, CBE',
      'Mr R L H Long, TD',
      'Mr J A Kite, MBE',
    ]);
  });

  it('joins a name broken across a line or a page break', () => {
    expect(formatted('PRESENT:\nMrs A D Allen, MBE, Mr M J\nAngell, Mr M A C\n\fPage 2\n\nBalfour, Mr R H Bird')).toEqual([
      'Mrs A D Allen, MBE',
      'Mr M J Angell',
      'Mr M A C Balfour',
      'Mr R H Bird',
    ]);
  });

  it('takes "and" before the last name, a trailing full stop, stray spaces and Windows line endings', () => {
    expect(formatted('  **PRESENT:**  \r\n\r\n Mr  M A  Wickham ,  Mrs J Whittle and\r\nMrs Z Wiltshire.  \r\n')).toEqual([
      'Mr M A Wickham',
      'Mrs J Whittle',
      'Mrs Z Wiltshire',
    ]);
  });

  it('stops before IN ATTENDANCE, on its own line or on the same line', () => {
    expect(formatted('PRESENT: Mr T Gates (Vice-Chairman), Mr G Cooke\n\nIN ATTENDANCE: David Cockburn (Corporate Director), Geoff Wild')).toEqual([
      'Mr T Gates (Vice-Chairman)',
      'Mr G Cooke',
    ]);
    expect(formatted('PRESENT: Mr G Cooke and Mr G Cowan. IN ATTENDANCE: Peter Sass (Head of Democratic Services)')).toEqual(['Mr G Cooke', 'Mr G Cowan']);
  });

  it('warns about a bracket it does not know and a member listed twice, and keeps the names', () => {
    const result = read(parsePresentParagraph('PRESENT: Mr A Smith (Substitute for Mr B Jones, MBE), Mrs C Lee, Mrs C Lee'));
    expect(result.members.map((member) => formatMemberName(member))).toEqual(['Mr A Smith', 'Mrs C Lee', 'Mrs C Lee']);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/not a role the importer knows/),
      'This member is listed twice.',
    ]);
  });

  it('leaves out a part that is not a name, with its line', () => {
    const result = read(parsePresentParagraph('PRESENT:\nMr A Smith, Mrs B Jones,\n12345, Dr C Who'));
    expect(result.members.map((member) => member.surname)).toEqual(['Smith', 'Jones', 'Who']);
    expect(result.warnings).toEqual([{ line: 3, text: '12345', message: expect.stringMatching(/Not read as a name/) }]);
  });
});

describe('parsePresentParagraph refuses text with no list of names', () => {
  it.each([
    ['empty text', ''],
    ['only the heading', 'PRESENT:'],
    ['prose', 'The meeting was adjourned at 12.30 pm, and resumed after lunch, with the Chairman presiding.'],
    ['the officers only', 'PRESENT:\nIN ATTENDANCE: David Cockburn, Geoff Wild'],
  ])('%s', (_case, text) => {
    expect(errorOf(parsePresentParagraph(text)).message).toMatch(/no list of names|does not look like a list of members/);
  });

  it('refuses binary data', () => {
    expect(errorOf(parsePresentParagraph('Mr A Smith\u0000\u0001')).message).toMatch(/binary data/);
  });
});

describe('parsePresentParagraph on other councils\' paragraphs', () => {
  const checksOf = (text: string): [string, string[]][] => {
    const result = read(parsePresentParagraph(text));
    return result.members.map((member, index) => [formatMemberName(member, { role: true }), result.entries[index].checks]);
  };

  it('splits names separated by full stops, as text scanned or converted from PDF has them', () => {
    expect(formatted('PRESENT: Mr A B Hale (Chairman). Ms C Jones. Mrs D Brown, MBE, Mr E F Goodwin. Dr G H Ivers OBE. Mr R Tate.')).toEqual([
      'Mr A B Hale (Chairman)',
      'Ms C Jones',
      'Mrs D Brown, MBE',
      'Mr E F Goodwin',
      'Dr G H Ivers, OBE',
      'Mr R Tate',
    ]);
  });

  it('keeps full stops that belong to a name: "Dr.", "M.R.", "St."', () => {
    expect(formatted('PRESENT: Dr. M.R. Eddy, Mr H. St. John, Mrs A. B. Cole.')).toEqual(['Dr M R Eddy', 'Mr H St. John', 'Mrs A B Cole']);
  });

  it('starts a new name at a title inside what would be one name, and flags it', () => {
    expect(checksOf('PRESENT: Mr A Kerr (Chairman), Mrs B Lamb Mr C Moss, Mr J Major')).toEqual([
      ['Mr A Kerr (Chairman)', []],
      ['Mrs B Lamb', []],
      ['Mr C Moss', [expect.stringMatching(/no comma or full stop before it/)]],
      ['Mr J Major', []],
    ]);
  });

  it('ends a name at honours after a surname that is also a title: "Mr Major MBE" one a line', () => {
    // Found by the property test: "Mr Major" looked like two titles, so "MBE" looked like initials
    // and the next line was joined on ("Mr Major M B E Paul Levy").
    expect(formatted('Mr Paul Gupta\nMr Major MBE\nPaul Levy\nCllr Lord OBE\nMr Major MBE TD\nPaul Bright')).toEqual([
      'Mr Paul Gupta',
      'Mr Major, MBE',
      'Paul Levy',
      'Cllr Lord, OBE',
      'Mr Major, MBE, TD',
      'Paul Bright',
    ]);
  });

  it('reads names without titles and flags each one; none is dropped', () => {
    expect(checksOf('Present: Alex Rowe (Chair), Sam\nBright, Kit Moss and Jo Marsh')).toEqual([
      ['Alex Rowe (Chairman)', [expect.stringMatching(/no title/)]],
      ['Sam Bright', [expect.stringMatching(/no title/)]],
      ['Kit Moss', [expect.stringMatching(/no title/)]],
      ['Jo Marsh', [expect.stringMatching(/no title/)]],
    ]);
  });

  it('gives every name the title of "Councillors" before the list', () => {
    expect(formatted('Present: Councillors Hollins (Chairman), Akers, Mrs Carrow and Dunstan.')).toEqual([
      'Councillor Hollins (Chairman)',
      'Councillor Akers',
      'Councillor Mrs Carrow',
      'Councillor Dunstan',
    ]);
  });

  it('flags a name joined across a line break in running text, where it could be two', () => {
    expect(checksOf('PRESENT: Mr A Smith, Mrs B Jones, Cllr Mrs Paul\nPaul Harrison, Mr C Dee')).toEqual([
      ['Mr A Smith', []],
      ['Mrs B Jones', []],
      ['Cllr Mrs Paul Paul Harrison', [expect.stringMatching(/check it is not two names/)]],
      ['Mr C Dee', []],
    ]);
  });

  it('gives the paragraph\'s words for the chair', () => {
    expect(read(parsePresentParagraph('PRESENT: Cllr A Okonjo (Mayor), Cllr D Whitcombe (Deputy Mayor), Cllr P Chaudhry (Leader)')).roleWords).toEqual({
      chairman: 'Mayor',
      viceChairman: 'Deputy Mayor',
    });
  });
});
