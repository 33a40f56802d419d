import { describe, expect, it } from 'vitest';
import { federalHolidays, isCourtDay, nextCourtDay } from '../../../src/domain/decision/court-days.js';

describe('US federal court days (FRCP 6(a))', () => {
  it('knows the federal holidays of a year, on the days they are observed', () => {
    expect([...federalHolidays(2026)].sort()).toEqual([
      '2026-01-01', // New Year's Day (Thu)
      '2026-01-19', // MLK Day, 3rd Monday of January
      '2026-02-16', // Washington's Birthday, 3rd Monday of February
      '2026-05-25', // Memorial Day, last Monday of May
      '2026-06-19', // Juneteenth (Fri)
      '2026-07-03', // Independence Day falls on a Saturday: observed Friday
      '2026-09-07', // Labor Day, 1st Monday of September
      '2026-10-12', // Columbus Day, 2nd Monday of October
      '2026-11-11', // Veterans Day (Wed)
      '2026-11-26', // Thanksgiving, 4th Thursday of November
      '2026-12-25', // Christmas (Fri)
    ]);
    // A Sunday holiday is observed on the Monday; a Saturday New Year's Day on 31 December before it.
    expect(federalHolidays(2027).has('2027-07-05')).toBe(true);
    expect(federalHolidays(2027).has('2027-12-31')).toBe(true);
  });

  it('moves a deadline on a weekend or a holiday to the next court day, and leaves a court day alone', () => {
    expect(nextCourtDay('2026-12-19')).toBe('2026-12-21'); // Saturday → Monday
    expect(nextCourtDay('2026-12-25')).toBe('2026-12-28'); // Christmas (Fri) → Monday
    expect(nextCourtDay('2026-11-26')).toBe('2026-11-27'); // Thanksgiving → Friday
    expect(nextCourtDay('2026-12-18')).toBe('2026-12-18');
    expect(isCourtDay('2026-12-20')).toBe(false);
  });
});
