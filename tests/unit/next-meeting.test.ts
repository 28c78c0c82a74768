// The next meeting of a body: the date the copy form proposes, the minutes item's new title, and
// the numbering of the agenda carried forward.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPackDate } from '../../shared/format';
import { addDays, describeInterval, minutesTitleFor, proposedNextDate, renumberItems } from '../../shared/procedure/nextMeeting';

const kcc = 'b7a1c2d3-0000-4000-8000-000000000001';
const planning = 'b7a1c2d3-0000-4000-8000-000000000002';
const meeting = (id: string, date: string, bodyId: string = kcc, body = 'Kent County Council') => ({ id, date, bodyId, body });
/** A meeting recorded before bodies existed: the body's name only. */
const legacy = (id: string, date: string, body = 'Kent County Council') => ({ id, date, body });

describe('the date proposed for the next meeting', () => {
  it('is the body’s usual interval after the meeting copied: the interval since its meeting before', () => {
    const october = meeting('oct', '2015-10-22');
    const meetings = [
      meeting('jul', '2015-07-16'),
      meeting('sep', '2015-09-03'),
      october,
      meeting('dec', '2015-12-10'),
      meeting('plan', '2015-10-15', planning, 'Planning Applications Committee'),
    ];
    // 3 September to 22 October is seven weeks; seven weeks after 22 October is 10 December.
    expect(proposedNextDate(october, meetings)).toEqual({ date: '2015-12-10', days: 49, previous: '2015-09-03' });
    // The Planning Applications Committee has no earlier meeting: four weeks later.
    expect(proposedNextDate(meetings[4], meetings)).toEqual({ date: '2015-11-12', days: 28 });
  });

  it('is four weeks later when the body has met only once, and ignores a meeting on the same day', () => {
    const only = meeting('only', '2021-12-16');
    expect(proposedNextDate(only, [only])).toEqual({ date: '2022-01-13', days: 28 });
    expect(proposedNextDate(only, [only, meeting('again', '2021-12-16')])).toEqual({ date: '2022-01-13', days: 28 });
  });

  it('counts meetings recorded before bodies existed by the body’s name', () => {
    const old = legacy('old', '2015-10-22');
    const meetings = [old, legacy('older', '2015-10-01'), legacy('other', '2015-10-15', 'Cabinet'), meeting('kcc', '2015-10-20')];
    expect(proposedNextDate(old, meetings)).toEqual({ date: '2015-11-12', days: 21, previous: '2015-10-01' });
  });

  it('keeps the same interval across month ends, leap days and the clock change', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 400 }),
        (date, days) => {
          const previous = date.toISOString().slice(0, 10);
          const copied = addDays(previous, days);
          const proposed = proposedNextDate(meeting('b', copied), [meeting('a', previous), meeting('b', copied)]);
          expect(proposed).toEqual({ date: addDays(copied, days), days, previous });
          expect(addDays(proposed.date, -2 * days)).toBe(previous);
        },
      ),
    );
  });

  it('says the interval as the form shows it', () => {
    expect(describeInterval(28)).toBe('4 weeks');
    expect(describeInterval(7)).toBe('1 week');
    expect(describeInterval(10)).toBe('10 days');
    expect(describeInterval(1)).toBe('1 day');
  });
});

describe('the minutes item of the next meeting', () => {
  it('names the meeting copied, its date written as the pack writes dates', () => {
    expect(formatPackDate('2015-12-10')).toBe('10 December 2015');
    expect(minutesTitleFor('Minutes of the meeting held on 22 October 2015 and, if in order, to be approved as a correct record', '2015-12-10')).toBe(
      'Minutes of the meeting held on 10 December 2015 and, if in order, to be approved as a correct record',
    );
    expect(minutesTitleFor('Minutes of the meeting held on 4 November 2021', '2021-12-16')).toBe('Minutes of the meeting held on 16 December 2021');
    expect(minutesTitleFor('Minutes of the meeting held on Thursday, 4th November, 2021', '2021-12-16')).toBe('Minutes of the meeting held on 16 December 2021');
    expect(minutesTitleFor('Minutes of the meeting held on 4 Nov 2021', '2021-12-16')).toBe('Minutes of the meeting held on 16 December 2021');
    expect(minutesTitleFor('Minutes of the meeting held on 04/11/2021', '2021-12-16')).toBe('Minutes of the meeting held on 16 December 2021');
  });

  it('keeps a title that names no date', () => {
    expect(minutesTitleFor('Minutes of the previous meeting', '2021-12-16')).toBe('Minutes of the previous meeting');
    expect(minutesTitleFor('Minutes', '2021-12-16')).toBe('Minutes');
  });
});

describe('the numbers of the items carried forward', () => {
  const numbers = (...list: string[]) => renumberItems(list.map((number) => ({ number }))).map((i) => i.number);

  it('run on from the first without gaps, letters following their item', () => {
    expect(numbers('1', '2', '3', '8', '11', '12')).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(numbers('1', '2', '2a', '5', '9a', '9b', '10')).toEqual(['1', '2', '2a', '3', '4a', '4b', '5']);
    expect(numbers('3', '5')).toEqual(['3', '4']);
    expect(numbers()).toEqual([]);
  });

  it('are left as the clerk put them when they are not in order or not plain numbers', () => {
    expect(numbers('1', '2', '8', '11', '9', '10')).toEqual(['1', '2', '8', '11', '9', '10']);
    expect(numbers('1', 'A', '3')).toEqual(['1', 'A', '3']);
  });
});
