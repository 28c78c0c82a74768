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
