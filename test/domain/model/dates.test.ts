import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addDays,
  daysBetween,
  findDate,
  findDueDate,
  formatDay,
  isoDay,
  isValidIsoDate,
} from '../../../src/domain/model/dates.js';

// A Saturday.
const TODAY = '2026-11-28';

describe('findDate', () => {
  it.each([
    // relative words
    ['today', '2026-11-28'],
    ['got it this morning', '2026-11-28'],
    ['it came in just now', '2026-11-28'],
    ['yesterday', '2026-11-27'],
    ['Yesterday evening', '2026-11-27'],
    ['the day before yesterday', '2026-11-26'],
    ['3 days ago', '2026-11-25'],
    ['1 day ago', '2026-11-27'],
    ['10 days ago', '2026-11-18'],
    ['three days ago', '2026-11-25'],
    ['a week ago', '2026-11-21'],
    ['two weeks ago', '2026-11-14'],
    ['2 weeks ago', '2026-11-14'],
    // weekdays: the most recent one before today
    ['last Monday', '2026-11-23'],
    ['on Friday', '2026-11-27'],
    ['this past Wednesday', '2026-11-25'],
    ['last Saturday', '2026-11-21'],
    ['on sunday', '2026-11-22'],
    // ISO and other year-first forms
    ['2026-11-20', '2026-11-20'],
    ['received 2026-11-20.', '2026-11-20'],
    ['2026-11-20T10:15:00Z', '2026-11-20'],
    ['2026-1-5', '2026-01-05'],
    ['2025-12-31', '2025-12-31'],
    ['2024-02-29', '2024-02-29'],
    ['2026/11/20', '2026-11-20'],
    ['2026.11.20', '2026-11-20'],
    ['2026年11月20日', '2026-11-20'],
    ['11月20日收到投诉', '2026-11-20'],
    // month names
    ['Nov 20', '2026-11-20'],
    ['on Nov. 20', '2026-11-20'],
    ['nov 20th', '2026-11-20'],
    ['November 20th, 2025', '2025-11-20'],
    ['November 20 2025', '2025-11-20'],
    ['Sept 3', '2026-09-03'],
    ['20 Nov', '2026-11-20'],
    ['the 20th of November', '2026-11-20'],
    ['20th November 2025', '2025-11-20'],
    ['1 March', '2026-03-01'],
    // month-day a little later than today: a slip, not guessed (asked again); far later: last year
    ['Nov 28', '2026-11-28'],
    ['Feb 3', '2026-02-03'],
    ['Mar 3', '2026-03-03'],
    ['Jan 30', '2026-01-30'],
    ['Feb 10, 2026', '2026-02-10'],
    // US style
    ['11/20', '2026-11-20'],
    ['on 11/20.', '2026-11-20'],
    ['11/20/2026', '2026-11-20'],
    ['11/20/2025', '2025-11-20'],
    ['11/20/26', '2026-11-20'],
    ['11/25', '2026-11-25'],
    ['1/15', '2026-01-15'],
    // with a year, a first number over 12 can only be the day
    ['20/11/2026', '2026-11-20'],
  ])('%s → %s', (text, expected) => {
    expect(findDate(text, TODAY)).toBe(expected);
  });

  it.each([
    // a day or weeks ahead of today: a slip, not last year's notice
    'Dec 3',
    'Nov 29',
    '3 December',
    '12/25',
    // 3/11: 11 March or 3 November? both parts 12 or less without a year: not guessed
    '1/5',
    '3/11',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    'Feb 30',
    '31 April',
    '13/45',
    '2/30/2026',
    '',
    'hello',
    'what should I do?',
    'last week',
    'in 3 days',
    'we sell 24/7',
    'case 1:25 hearing',
    '5,000 units',
  ])('no date: %j', (text) => {
    expect(findDate(text, TODAY)).toBeUndefined();
  });

  it('an invalid or ambiguous date does not hide a real one later in the text', () => {
    expect(findDate('we sell 24/7, the complaint came 11/20', TODAY)).toBe('2026-11-20');
    expect(findDate('ref 2026-02-30, received 2026-11-20', TODAY)).toBe('2026-11-20');
  });

  it('a year-first date is preferred over words; within a kind the first one wins', () => {
    expect(findDate('yesterday, i.e. 2026-11-27', TODAY)).toBe('2026-11-27');
    expect(findDate('got it Nov 20, must answer by Nov 30', TODAY)).toBe('2026-11-20');
  });

  it('is relative to the today it is given, not the clock', () => {
    expect(findDate('yesterday', '2026-01-01')).toBe('2025-12-31');
    expect(findDate('3 days ago', '2026-03-02')).toBe('2026-02-27');
    expect(findDate('3 days ago', '2024-03-02')).toBe('2024-02-28');
    expect(findDate('Dec 31', '2026-01-01')).toBe('2025-12-31');
    expect(findDate('Jan 1', '2026-01-01')).toBe('2026-01-01');
    // Today is a Monday: "last Monday" is a week ago.
    expect(findDate('last Monday', '2026-11-23')).toBe('2026-11-16');
  });

  it('can return a future date when one is written out; callers decide what that means', () => {
    expect(findDate('deadline 2026-12-05', TODAY)).toBe('2026-12-05');
  });
});

describe('findDate: Chinese relative days', () => {
  it.each([
    ['今天', '2026-11-28'],
    ['今日收到', '2026-11-28'],
    ['昨天', '2026-11-27'],
    ['昨日', '2026-11-27'],
    ['前天', '2026-11-26'],
    ['大前天', '2026-11-25'],
    ['3天前', '2026-11-25'],
    ['两天前', '2026-11-26'],
    ['一周前', '2026-11-21'],
    ['11月20号', '2026-11-20'],
  ])('%s → %s', (text, expected) => {
    expect(findDate(text, TODAY)).toBe(expected);
  });
});

describe('findDueDate: a date ahead, for reply-by dates', () => {
  it.each([
    ['by December 10', '2026-12-10'],
    ['Dec 3', '2026-12-03'],
    ['Nov 29', '2026-11-29'],
    ['12/10', '2026-12-10'],
    ['tomorrow', '2026-11-29'],
    ['明天', '2026-11-29'],
    ['12月10日', '2026-12-10'],
    ['2027-01-10', '2027-01-10'],
    // a month-day already past this year is next year's
    ['Jan 5', '2027-01-05'],
  ])('%s → %s', (text, expected) => {
    expect(findDueDate(text, TODAY)).toBe(expected);
  });

  it('finds nothing in text without a date', () => {
    expect(findDueDate('respond soon', TODAY)).toBeUndefined();
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2026-11-20', 3, '2026-11-25', 'Fri + 3 = Wed'],
    ['2026-11-21', 3, '2026-11-25', 'Sat + 3 = Wed'],
    ['2026-11-22', 3, '2026-11-25', 'Sun + 3 = Wed'],
    ['2026-11-23', 3, '2026-11-26', 'Mon + 3 = Thu'],
    ['2026-11-25', 3, '2026-11-30', 'Wed + 3 = Mon'],
    ['2026-11-20', 1, '2026-11-23', 'Fri + 1 = Mon'],
    ['2026-11-23', 5, '2026-11-30', 'Mon + 5 = next Mon'],
    ['2026-11-23', 10, '2026-12-07', 'Mon + 10 = Mon two weeks on'],
    ['2026-12-30', 3, '2027-01-04', 'across the year end'],
    ['2026-11-21', 0, '2026-11-21', 'zero days is the same day, even a Saturday'],
    ['2026-11-25', -3, '2026-11-20', 'Wed - 3 = Fri'],
    ['2026-11-23', -1, '2026-11-20', 'Mon - 1 = Fri'],
  ])('%s + %d → %s (%s)', (from, days, expected) => {
    expect(addBusinessDays(from, days)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-28', 1, '2026-11-29'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-11-20', 21, '2026-12-11'],
    ['2026-11-20', 14, '2026-12-04'],
    ['2026-03-31', -31, '2026-02-28'],
    ['2026-11-28', 0, '2026-11-28'],
  ])('%s %+d → %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-20', '2026-11-28', 8],
    ['2026-11-28', '2026-11-20', -8],
    ['2026-11-28', '2026-11-28', 0],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-03-28', '2026-03-30', 2],
  ])('%s → %s = %d', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('formatDay', () => {
  it.each([
    ['2026-11-20', 'Fri 20 Nov 2026'],
    ['2026-11-28', 'Sat 28 Nov 2026'],
    ['2026-01-01', 'Thu 1 Jan 2026'],
    ['2026-12-07', 'Mon 7 Dec 2026'],
    ['2024-02-29', 'Thu 29 Feb 2024'],
    ['2026-05-03', 'Sun 3 May 2026'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDay(iso)).toBe(expected);
  });
});

describe('isValidIsoDate and isoDay', () => {
  it.each([
    ['2026-11-20', true],
    ['2024-02-29', true],
    ['2026-12-31', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-11-31', false],
    ['2026-11-2', false],
    ['26-11-20', false],
    ['2026/11/20', false],
    ['2026-11-20T00:00:00Z', false],
    ['', false],
    ['yesterday', false],
  ])('%j → %s', (iso, expected) => {
    expect(isValidIsoDate(iso)).toBe(expected);
  });

  it('isoDay is the UTC calendar day', () => {
    expect(isoDay(new Date('2026-11-20T23:59:59Z'))).toBe('2026-11-20');
    expect(isoDay(new Date('2026-11-20T23:30:00-05:00'))).toBe('2026-11-21');
  });
});

describe('dayIn: what "today" means for the team', () => {
  it('uses the team time zone, not UTC', async () => {
    const { dayIn, isTimeZone } = await import('../../../src/domain/model/dates.js');
    const lateEvening = new Date('2026-11-28T03:00:00Z'); // 22:00 on the 27th in New York
    expect(dayIn(lateEvening)).toBe('2026-11-28');
    expect(dayIn(lateEvening, 'America/New_York')).toBe('2026-11-27');
    expect(dayIn(new Date('2026-11-27T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-28');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
