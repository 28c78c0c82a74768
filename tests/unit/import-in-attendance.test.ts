import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInAttendance } from '../../shared/import/inAttendance';

const paragraph =
  'IN ATTENDANCE: David Cockburn (Corporate Director Strategic & Corporate Services), Geoff Wild (Director of Governance and Law) and Peter Sass (Head of Democratic Services)';

describe('the IN ATTENDANCE reader under random input', () => {
  it('never throws and always answers officers or a reason', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 500 }),
          fc.string({ maxLength: 200 }).map((s) => `IN ATTENDANCE: ${s}`),
          fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 8 })).map(([at, cut, junk]) => {
            const i = at % paragraph.length;
            return paragraph.slice(0, i) + junk + paragraph.slice(i + cut);
          }),
        ),
        (text) => {
          const result = parseInAttendance(text);
          if ('officers' in result) {
            expect(result.officers.length).toBeGreaterThan(0);
            for (const o of result.officers) expect(o.name.length && o.jobTitle.length).toBeGreaterThan(0);
          } else {
            expect(result.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the IN ATTENDANCE reader on other councils\' paragraphs', () => {
  it('reads officers separated by full stops, semicolons or nothing but a closing bracket', () => {
    expect(
      parseInAttendance('IN ATTENDANCE . Mr B Watts (General Counsel). Ms C Jones (Democratic Services\nOfficer); Mrs D Brown (Clerk) Mr E Fry (Solicitor).'),
    ).toEqual({
      officers: [
        { name: 'Mr B Watts', jobTitle: 'General Counsel' },
        { name: 'Ms C Jones', jobTitle: 'Democratic Services Officer' },
        { name: 'Mrs D Brown', jobTitle: 'Clerk' },
        { name: 'Mr E Fry', jobTitle: 'Solicitor' },
      ],
    });
  });

  it('keeps honours with the name and never drops an officer silently: one with no job title is named in the warnings', () => {
    const read = parseInAttendance('In attendance: Mr B Watts, OBE (General Counsel), Ms C Jones, Mrs D Ray (Consultant in Public Health). 3 members of the public.');
    expect(read).toEqual({
      officers: [
        { name: 'Mr B Watts, OBE', jobTitle: 'General Counsel' },
        { name: 'Mrs D Ray', jobTitle: 'Consultant in Public Health' },
      ],
      warnings: [
        { text: 'Ms C Jones', message: expect.stringMatching(/No job title/) },
        { text: '3 members of the public', message: expect.stringMatching(/left out/) },
      ],
    });
  });
});
