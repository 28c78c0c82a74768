import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateInput, formatLongDate, parseDateInput, parseTimeInput } from '../../shared/format';

describe('dates and times as the clerk types them', () => {
  it('reads UK dates day first', () => {
    expect(parseDateInput('22/10/2015')).toBe('2015-10-22');
    expect(parseDateInput('2/3/2021')).toBe('2021-03-02');
    expect(parseDateInput('16.12.2021')).toBe('2021-12-16');
    expect(parseDateInput('Thursday, 16th December, 2021')).toBe('2021-12-16');
    expect(parseDateInput('22 Oct 2015')).toBe('2015-10-22');
    expect(parseDateInput('2015-10-22')).toBe('2015-10-22');
  });

  it('refuses dates that do not exist or are not dates', () => {
    for (const text of ['31/06/2021', '29/02/2015', '10/22/2015', '', 'tomorrow', '22 Smarch 2015', '29/02/15', '1/1/215', '1/1/5']) {
      expect(parseDateInput(text)).toBeUndefined();
    }
  });

  it('reads a two-digit year as 20yy', () => {
    expect(parseDateInput('22/10/15')).toBe('2015-10-22');
    expect(parseDateInput('1/1/15')).toBe('2015-01-01');
    expect(parseDateInput('16.12.21')).toBe('2021-12-16');
    expect(parseDateInput('29/02/24')).toBe('2024-02-29');
    expect(parseDateInput('31/12/99')).toBe('2099-12-31');
    expect(parseDateInput('1/1/00')).toBe('2000-01-01');
    expect(parseDateInput('22 Oct 15')).toBe('2015-10-22');
    expect(parseDateInput('Thursday, 16th December 21')).toBe('2021-12-16');
  });

  it('reads times in 24-hour and am/pm forms', () => {
    expect(parseTimeInput('10:00')).toBe('10:00');
    expect(parseTimeInput('10.00 am')).toBe('10:00');
    expect(parseTimeInput('2.30 pm')).toBe('14:30');
    expect(parseTimeInput('12 pm')).toBe('12:00');
    expect(parseTimeInput('12 am')).toBe('00:00');
    expect(parseTimeInput('1430')).toBe('14:30');
    expect(parseTimeInput('930')).toBe('09:30');
    for (const text of ['24:00', '10', '13 pm', '9:75', 'noon', '']) expect(parseTimeInput(text)).toBeUndefined();
  });

  it('round-trips every real date through the form format', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseDateInput(formatDateInput(iso))).toBe(iso);
      }),
    );
  });

  it('reads every date of 2000–2099 typed with a two-digit year, in each way a clerk types it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom('/', '.', '-'),
        fc.boolean(),
        (date, separator, padded) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-');
          const day = padded ? d : String(Number(d));
          const month = padded ? m : String(Number(m));
          expect(parseDateInput(`${day}${separator}${month}${separator}${y.slice(2)}`)).toBe(iso);
          expect(parseDateInput(`${day} ${formatLongDate(iso).split(' ')[2]} ${y.slice(2)}`)).toBe(iso);
        },
      ),
    );
  });

  it('gives a two-digit year only a day that exists in that year of the 2000s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), (d, m, yy) => {
        const typed = `${d}/${m}/${String(yy).padStart(2, '0')}`;
        const read = parseDateInput(typed);
        const full = parseDateInput(`${d}/${m}/${2000 + yy}`);
        expect(read).toBe(full);
        if (read) expect(read.startsWith(`20${String(yy).padStart(2, '0')}-`)).toBe(true);
      }),
    );
  });

  it('writes the long date as minutes do', () => {
    expect(formatLongDate('2015-10-22')).toBe('Thursday, 22 October 2015');
  });
});
