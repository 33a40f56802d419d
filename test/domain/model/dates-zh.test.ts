import { describe, expect, it } from 'vitest';
import { findDate, findDueDate } from '../../../src/domain/model/dates.js';

// 2026-12-16 is a Wednesday, 2026-12-19 a Saturday, 2026-12-20 a Sunday.
const WED = '2026-12-16';
const SAT = '2026-12-19';
const SUN = '2026-12-20';

describe('Chinese weekdays (weeks start on Monday)', () => {
  it.each<[string, string, string | undefined]>([
    ['上周五收到投诉', WED, '2026-12-11'],
    ['上星期五收到的', WED, '2026-12-11'],
    ['上个礼拜一收到律师函', WED, '2026-12-07'],
    ['上週五收到', WED, '2026-12-11'],
    ['上周五收到投诉', SAT, '2026-12-11'],
    ['上周日收到', SAT, '2026-12-13'],
    ['这周一收到律师函', WED, '2026-12-14'],
    ['本周三收到', WED, '2026-12-16'],
    ['周一收到投诉', WED, '2026-12-14'],
    ['星期五收到的', WED, '2026-12-11'],
    ['礼拜天收到', WED, '2026-12-13'],
  ])('%s (today %s) → %s', (text, today, date) => {
    expect(findDate(text, today)).toBe(date);
  });

  it.each<[string, string]>([
    // On a Sunday, 上周五 is two days ago to some and nine to others.
    ['上周五收到投诉', SUN],
    ['这周一收到', SUN],
    // This week's Friday has not come yet on a Wednesday.
    ['这周五收到', WED],
    // Today's own weekday: today, or a week ago.
    ['周三收到', WED],
  ])('not guessed: %s (today %s)', (text, today) => {
    expect(findDate(text, today)).toBeUndefined();
  });

  it.each(['每周五发货', '一周五天上班', '两周一次', '下周五回复', '下个星期一'])(
    'not a past weekday: %s',
    (text) => {
      expect(findDate(text, WED)).toBeUndefined();
    },
  );
});

describe('Chinese month words and month-days', () => {
  it.each<[string, string, string | undefined]>([
    ['上个月28号收到', WED, '2026-11-28'],
    ['上月3日收到', WED, '2026-11-03'],
    ['上个月15号', '2026-01-10', '2025-12-15'],
    ['本月5号收到', WED, '2026-12-05'],
    ['这个月10日收到', WED, '2026-12-10'],
    ['12月1日收到', WED, '2026-12-01'],
    ['12月1号收到', WED, '2026-12-01'],
    ['2026年12月1日收到律师函', WED, '2026-12-01'],
    ['三天前收到', WED, '2026-12-13'],
    ['十五天前', WED, '2026-12-01'],
    ['昨天收到', WED, '2026-12-15'],
  ])('%s (today %s) → %s', (text, today, date) => {
    expect(findDate(text, today)).toBe(date);
  });

  it('本月 in the future, 上个月31号 in a 30-day month: no date', () => {
    expect(findDate('本月28号', WED)).toBeUndefined();
    expect(findDate('上个月31号', WED)).toBeUndefined();
  });

  it('12月14日前 is "before 14 December", never "fourteen days ago"', () => {
    expect(findDate('12月14日前回复', SUN)).toBe('2026-12-14');
    expect(findDate('14日前', SUN)).toBe('2026-12-06');
  });
});

describe('a reply-by month-day just passed is not next year’s', () => {
  it('December 14 read on December 20: no date, the seller is asked', () => {
    expect(findDueDate('by December 14', SUN)).toBeUndefined();
    expect(findDueDate('12月14日前', SUN)).toBeUndefined();
  });

  it('January 5 read in December: next year', () => {
    expect(findDueDate('by January 5', SUN)).toBe('2027-01-05');
    expect(findDueDate('by December 24', SUN)).toBe('2026-12-24');
  });
});
