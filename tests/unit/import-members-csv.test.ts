import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../renderer/src/import/readCsv';
import { MEMBERS_CSV_TEMPLATE, membersFromCsvRows, type MembersRead } from '../../shared/import/membersCsv';

const read = (text: string): MembersRead => {
  const csv = readCsv(text);
  return 'error' in csv ? csv : membersFromCsvRows(csv.rows);
};

describe('members from a CSV file', () => {
  it('reads the template', () => {
    const result = read(MEMBERS_CSV_TEMPLATE);
    expect(result).toEqual({
      members: [
        { title: 'Mr', initials: ['M', 'J'], surname: 'Harrison', honours: [], group: 'Conservative', roles: ['Chairman'], voting: true },
        { title: 'Mrs', initials: ['A', 'D'], surname: 'Allen', honours: ['MBE'], group: 'Conservative', roles: [], voting: true },
        { title: 'Sir', forenames: 'Paul', initials: [], surname: 'Carter', honours: ['CBE'], group: 'Conservative', roles: ['Leader'], voting: true },
        { title: 'Ms', initials: ['J'], surname: 'Meade', honours: [], group: 'Labour', roles: [], voting: true },
      ],
    });
  });

  it('accepts columns in any order and case, quoted commas and a byte-order mark', () => {
    const result = read('\uFEFFSurname,Title,Group,Voting\r\n"Cole, P",Mr,Independent,no\n');
    expect(result).toEqual({ members: [{ title: 'Mr', initials: [], surname: 'Cole, P', honours: [], group: 'Independent', roles: [], voting: false }] });
  });

  it('names the line and field of each mistake', () => {
    expect(read('title,surname,voting\nMr,Harrison,perhaps\n')).toMatchObject({ error: { line: 2, field: 'voting', message: expect.stringContaining('Line 2, voting') } });
    expect(read('title,surname,roles\nMr,Harrison,Mayor\n')).toMatchObject({ error: { line: 2, field: 'roles' } });
    expect(read('title,surname\nMr,\n')).toMatchObject({ error: { line: 2, field: 'surname', message: 'Line 2, surname: must not be empty.' } });
    expect(read('title,surname,party\nMr,Harrison,Con\n')).toMatchObject({ error: { line: 1, message: expect.stringContaining('unknown column "party"') } });
    expect(read('title,name\nMr,Harrison\n')).toMatchObject({ error: { message: expect.stringContaining('unknown column "name"') } });
    expect(read('title,surname\nMr,"Harrison\n')).toMatchObject({ error: { message: expect.stringContaining('quotation mark') } });
    expect(read('')).toMatchObject({ error: { message: expect.stringContaining('empty') } });
    expect(read('title,surname\n')).toMatchObject({ error: { message: expect.stringContaining('no members') } });
    expect(read('PK\u0003\u0004\u0000\u0000binary')).toMatchObject({ error: { message: expect.stringContaining('not text') } });
    expect(read('x'.repeat(5_000_001))).toMatchObject({ error: { message: expect.stringContaining('5 MB') } });
  });

  it('never throws on random or mutated files', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 10 }), { maxLength: 20 }).map((rows) => rows.map((r) => r.join(',')).join('\n')),
          fc.tuple(fc.nat(), fc.string({ maxLength: 5 })).map(([at, junk]) => {
            const i = at % MEMBERS_CSV_TEMPLATE.length;
            return MEMBERS_CSV_TEMPLATE.slice(0, i) + junk + MEMBERS_CSV_TEMPLATE.slice(i);
          }),
        ),
        (text) => {
          const result = read(text);
          expect('members' in result || 'error' in result).toBe(true);
          if ('members' in result) expect(result.members.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
