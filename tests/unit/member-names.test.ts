import { describe, expect, it } from 'vitest';
import { displayNames, formatMemberName, parseMemberName, type ParsedMemberName } from '../../shared/import/memberNames';
import { kcc2015Present } from '../fixtures/kcc-2015-present';

const parsed = (text: string): ParsedMemberName => {
  const result = parseMemberName(text);
  if ('error' in result) throw new Error(`expected a name, got the error "${result.error.message}"`);
  return result.name;
};

describe('parseMemberName reads a name as minutes write it', () => {
  it.each<[string, ParsedMemberName]>([
    ['Mr M J Harrison', { title: 'Mr', initials: ['M', 'J'], surname: 'Harrison', honours: [] }],
    ['Mrs A D Allen, MBE', { title: 'Mrs', initials: ['A', 'D'], surname: 'Allen', honours: ['MBE'] }],
    ['Sir Paul Carter, CBE', { title: 'Sir', forenames: 'Paul', initials: ['P'], surname: 'Carter', honours: ['CBE'] }],
    ['Dr L Sullivan', { title: 'Dr', initials: ['L'], surname: 'Sullivan', honours: [] }],
    ['Mr M J Harrison (Chairman)', { title: 'Mr', initials: ['M', 'J'], surname: 'Harrison', honours: [], role: 'Chairman' }],
    ['Mr T Gates (Vice-Chairman)', { title: 'Mr', initials: ['T'], surname: 'Gates', honours: [], role: 'Vice-Chairman' }],
    ['Mr T Gates (Vice Chair)', { title: 'Mr', initials: ['T'], surname: 'Gates', honours: [], role: 'Vice-Chairman' }],
    ['Mr R L H Long, TD', { title: 'Mr', initials: ['R', 'L', 'H'], surname: 'Long', honours: ['TD'] }],
    ['Lady Jane Smith-Dorrien, DBE, DL', { title: 'Lady', forenames: 'Jane', initials: ['J'], surname: 'Smith-Dorrien', honours: ['DBE', 'DL'] }],
    ['Ms K O’Brien', { title: 'Ms', initials: ['K'], surname: 'O’Brien', honours: [] }],
    ["Mr S O'Neill", { title: 'Mr', initials: ['S'], surname: "O'Neill", honours: [] }],
    ['Mr F McKenna', { title: 'Mr', initials: ['F'], surname: 'McKenna', honours: [] }],
    ['Mr J MacDowall', { title: 'Mr', initials: ['J'], surname: 'MacDowall', honours: [] }],
    ['Mrs A Lloyd Webber', { title: 'Mrs', initials: ['A'], surname: 'Lloyd Webber', honours: [] }],
    ['Cllr Mrs P de Souza', { title: 'Cllr Mrs', initials: ['P'], surname: 'de Souza', honours: [] }],
    ['Rev Dr John Henry Newman, OBE, JP', { title: 'Rev Dr', forenames: 'John Henry', initials: ['J', 'H'], surname: 'Newman', honours: ['OBE', 'JP'] }],
    ['Prof. M.R. Eddy', { title: 'Prof', initials: ['M', 'R'], surname: 'Eddy', honours: [] }],
    ['Mr P B Carter CBE', { title: 'Mr', initials: ['P', 'B'], surname: 'Carter', honours: ['CBE'] }],
    ['Mr Harrison', { title: 'Mr', initials: [], surname: 'Harrison', honours: [] }],
    ['Miss S J Carey', { title: 'Miss', initials: ['S', 'J'], surname: 'Carey', honours: [] }],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it('notes a bracket that is not a role', () => {
    const result = parseMemberName('Mr A Smith (Substitute)');
    expect(result).toMatchObject({ name: { surname: 'Smith' }, notes: [expect.stringMatching(/not a role the importer knows/)] });
  });

  it.each(['', 'Mr', '   ', '(Chairman)', 'Mr A Smith, and then some', 'Mr 4 Smith'])('refuses "%s"', (text) => {
    expect(parseMemberName(text)).toMatchObject({ error: { message: expect.any(String) } });
  });
});

describe('formatMemberName', () => {
  it('writes names in house style', () => {
    expect(formatMemberName(parsed('Mrs A D Allen, MBE'))).toBe('Mrs A D Allen, MBE');
    expect(formatMemberName(parsed('Sir Paul Carter, CBE'))).toBe('Sir Paul Carter, CBE');
    expect(formatMemberName(parsed('Dr. M.R. Eddy'))).toBe('Dr M R Eddy');
    expect(formatMemberName(parsed('Mr R L H Long TD'))).toBe('Mr R L H Long, TD');
  });

  it('adds the role only when asked', () => {
    const chairman = parsed('Mr M J Harrison (Chairman)');
    expect(formatMemberName(chairman)).toBe('Mr M J Harrison');
    expect(formatMemberName(chairman, { role: true })).toBe('Mr M J Harrison (Chairman)');
  });
});

describe('displayNames keeps short names unambiguous', () => {
  const names = (...texts: string[]): string[] => displayNames(texts.map(parsed));

  it('uses title and surname when the surname is unique', () => {
    expect(names('Mrs A D Allen, MBE', 'Mr M J Angell', 'Mr T Gates (Vice-Chairman)')).toEqual(['Mrs Allen', 'Mr Angell', 'Mr Gates']);
  });

  it('keeps the forename of a knight or dame', () => {
    expect(names('Sir Paul Carter, CBE', 'Dame Jane Whiteley', 'Mr P B Carter')).toEqual(['Sir Paul Carter', 'Dame Jane Whiteley', 'Mr P B Carter']);
  });

  it('keeps the first name of a member written with no title, as a panel that writes first names does (Ann Allen, not Allen)', () => {
    const untitled = (forenames: string, surname: string): ParsedMemberName => ({ title: '', forenames, initials: [forenames[0]], surname, honours: [] });
    expect(displayNames([untitled('Ann', 'Allen'), untitled('Karen', 'Webb'), parsed('Mr M J Angell')])).toEqual(['Ann Allen', 'Karen Webb', 'Mr Angell']);
    expect(displayNames([untitled('Ann', 'Allen'), untitled('Andrew', 'Allen')])).toEqual(['Ann Allen', 'Andrew Allen']);
  });

  it('adds an initial when two members share a surname (Mr J Meade, Ms J Meade)', () => {
    expect(names('Mr J Meade', 'Ms J Meade', 'Mr M J Angell')).toEqual(['Mr J Meade', 'Ms J Meade', 'Mr Angell']);
  });

  it('adds more initials only as needed (Mrs P T Cole, Mr P Cole)', () => {
    expect(names('Mrs P T Cole', 'Mr P Cole')).toEqual(['Mrs P T Cole', 'Mr P Cole']);
    expect(names('Mr P Cole', 'Mrs P T Cole')).toEqual(['Mr P Cole', 'Mrs P T Cole']);
  });

  it('gives each namesake the fewest initials that set them apart', () => {
    expect(names('Mr A B Smith', 'Mr A C Smith', 'Mrs D E Smith')).toEqual(['Mr A B Smith', 'Mr A C Smith', 'Mrs D Smith']);
  });

  it('treats surnames alike whatever their case', () => {
    expect(names('Mr J Mcdonald', 'Mrs K McDonald')).toEqual(['Mr J Mcdonald', 'Mrs K McDonald']);
  });

  it('sets apart the Harrisons and the Elenors of the 2015 council and no one else', () => {
    const display = displayNames(kcc2015Present);
    expect(new Set(display).size).toBe(display.length);
    expect(display.filter((name) => name.split(' ').length > 2)).toEqual(['Mr M Harrison', 'Mr J Elenor', 'Mrs M Elenor', 'Ms A Harrison']);
  });

  it('returns an empty list for no members', () => {
    expect(displayNames([])).toEqual([]);
  });
});

describe('parseMemberName reads the roles other councils write', () => {
  it.each<[string, string, string | undefined]>([
    ['Cllr J Tremlett (Chair)', 'Chairman', 'Chair'],
    ['Cllr P Bannister (Vice-Chair)', 'Vice-Chairman', 'Vice-Chair'],
    ['Cllr P Bannister (vice chair)', 'Vice-Chairman', 'Vice-Chair'],
    ['Mrs L Bright (Deputy Chairman)', 'Vice-Chairman', 'Deputy Chairman'],
    ['Mrs L Bright (Deputy Chair)', 'Vice-Chairman', 'Deputy Chair'],
    ['Councillor Amara Okonjo (Mayor)', 'Chairman', 'Mayor'],
    ['Councillor Daniel Whitcombe (Deputy Mayor)', 'Vice-Chairman', 'Deputy Mayor'],
    ['Cllr T Okafor (Town Mayor)', 'Chairman', 'Town Mayor'],
    ['Councillor Priya Chaudhry (Leader)', 'Leader', undefined],
    ['Councillor Sean Gallagher (Deputy Leader)', 'Deputy Leader', undefined],
    ['Mr M J Harrison (Chairman)', 'Chairman', undefined],
    ['Mr T Gates (Vice Chairman)', 'Vice-Chairman', undefined],
  ])('%s', (text, role, asWritten) => {
    const result = parseMemberName(text);
    expect(result).toMatchObject({ name: { role }, notes: [] });
    expect('error' in result ? 'error' : result.roleAsWritten).toBe(asWritten);
  });

  it('leaves out, without a note, the council a joint committee member represents', () => {
    expect(parseMemberName('Cllr M Ferris (Chair) (Ashdown District Council)')).toMatchObject({ name: { surname: 'Ferris', role: 'Chairman' }, notes: [] });
  });

  it.each([
    ['Mr Mrs Jones', /more than one title/],
    ['Mr A B C D E Smith', /5 initials/],
    ['Mr A B Hale C Jones', /initial after a name written in full/],
    ['Mr A B Hale Ms C Jones', /title .* inside the name/],
  ])('notes "%s" as possibly two names run together', (text, note) => {
    const result = parseMemberName(text);
    expect('error' in result ? [] : result.notes).toEqual(expect.arrayContaining([expect.stringMatching(note)]));
  });

  it('reads a surname that is also a title after a title: Mr Lord, Mrs Major', () => {
    expect(parsed('Mr Lord')).toEqual({ title: 'Mr', initials: [], surname: 'Lord', honours: [] });
    expect(parsed('Mrs A Major')).toEqual({ title: 'Mrs', initials: ['A'], surname: 'Major', honours: [] });
  });
});
