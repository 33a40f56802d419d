// Calendar arithmetic on plain YYYY-MM-DD strings in UTC. The core never reads the clock:
// every function takes `today` (or `now`) from its caller.

import { NUMBER_WORDS } from './number-words.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** English month and day names (January…, Sunday… in getUTCDay order), for readers and writers of dates. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The calendar day at `now` in a time zone (IANA name, e.g. "Asia/Shanghai"): what "today" means to the
 * seller. In UTC, "yesterday" typed on a US evening would already be today, and every deadline a day late.
 */
export function dayIn(now: Date, timeZone = 'UTC'): string {
  return dayFormat(timeZone).format(now).slice(0, 10);
}

// Building an Intl.DateTimeFormat costs far more than using one (it was ~3% of a Slack instance's CPU
// under load, called for every case on every turn), so one is kept per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** True for a time zone name the runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function fromIso(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function isValidIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = fromIso(iso);
  return !Number.isNaN(d.getTime()) && isoDay(d) === iso;
}

export function addDays(iso: string, days: number): string {
  const d = fromIso(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** Adds business days (Monday–Friday); public holidays differ by country and are not counted. Negative counts back. */
export function addBusinessDays(iso: string, days: number): string {
  const d = fromIso(iso);
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + step);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return isoDay(d);
}

export function daysBetween(fromIsoDay: string, toIsoDay: string): number {
  return Math.round((fromIso(toIsoDay).getTime() - fromIso(fromIsoDay).getTime()) / 86_400_000);
}

/** "Fri 20 Nov 2026" — unambiguous for US and Chinese readers alike (no 11/20 vs 20/11). */
export function formatDay(iso: string): string {
  const d = fromIso(iso);
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = MONTHS[d.getUTCMonth()] ?? '';
  return `${wd} ${d.getUTCDate()} ${mon.charAt(0).toUpperCase()}${mon.slice(1)} ${d.getUTCFullYear()}`;
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
}

function build(year: number, month: number, day: number): string | undefined {
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

/** A month-day without a year means the most recent such day not after today (a notice is in the past). */
function recent(today: string, month: number, day: number): string | undefined {
  const year = Number(today.slice(0, 4));
  const same = build(year, month, day);
  if (same && same <= today) return same;
  // A day just ahead ("Nov 30" on 28 Nov) is a slip, not last year's notice: no guess, the seller is asked.
  if (same && daysBetween(today, same) <= 62) return undefined;
  return build(year - 1, month, day);
}

/** A month-day without a year, for a reply-by date: the next such day from today on. */
function upcoming(today: string, month: number, day: number): string | undefined {
  const year = Number(today.slice(0, 4));
  const same = build(year, month, day);
  if (same && same >= today) return same;
  // "by December 14" read on 20 December is a day just passed (a letter read late), not next year's: no
  // guess, the seller is asked.
  if (same && daysBetween(same, today) <= 62) return undefined;
  return build(year + 1, month, day);
}

const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Counts written as English words ("three days ago", "a week ago", "within ten days"): below a hundred. */
const ENGLISH_NUMBERS: Record<string, number> = {
  a: 1,
  ...Object.fromEntries(Object.entries(NUMBER_WORDS).filter(([, n]) => n < 100)),
};
const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * A count as written: digits, an English word, or a Chinese numeral up to 99 (十, 十五, 三十, 三十五). The
 * patterns below match a whole numeral (never the 五 of 十五), so 十五天前 is fifteen days, not five.
 */
export const COUNT = String.raw`(?<![\d一二两三四五六七八九十])(?:\d{1,3}|[一二两三四五六七八九十]{1,3})|\b(?:${Object.keys(ENGLISH_NUMBERS).join('|')})\b`;

export function parseCount(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w in ENGLISH_NUMBERS) return ENGLISH_NUMBERS[w];
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(w);
  if (!m || w === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? CHINESE_DIGITS[tens] : undefined;
  return (tens ? (CHINESE_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
}

/** A date found in text, and where its words are (so a caller can tell it apart from other dates). */
export interface FoundDate {
  date: string;
  index: number;
  end: number;
}

/** `ahead`: the text names a day to come (a reply-by date), so a bare month-day is the next one, not the last. */
type Finder = (t: string, today: string, ahead: boolean) => FoundDate | undefined;

/** The first match that is a real calendar date: "24/7" or "2026-02-30" does not hide a later good date. */
function firstValid(
  re: RegExp,
  t: string,
  toDate: (m: RegExpMatchArray) => string | undefined,
): FoundDate | undefined {
  for (const m of t.matchAll(re)) {
    const d = toDate(m);
    if (d) return { date: d, index: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
  }
  return undefined;
}

const monthDay = (today: string, ahead: boolean, month: number, day: number) =>
  ahead ? upcoming(today, month, day) : recent(today, month, day);

// 2026-11-20, 2026-11-20T10:15Z (email headers), 2026/11/20, 2026.11.20 and 2026年11月20日 (Chinese sellers).
const findYmd: Finder = (t) =>
  firstValid(/\b(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?(?!\d)/g, t, (m) =>
    build(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
  );

// Relative day words, most specific first: "day before yesterday" contains "yesterday", 大前天 contains 前天.
const DAY_WORDS: [RegExp, number][] = [
  [/\btoday\b|\bthis morning\b|\bjust now\b|今天|今日|今早|刚刚|刚才/g, 0],
  [/\bday before yesterday\b|(?<!大)前天/g, -2],
  [/大前天/g, -3],
  [/\byesterday\b|昨天|昨日|昨晚/g, -1],
];
const AHEAD_WORDS: [RegExp, number][] = [
  [/\bday after tomorrow\b|(?<!大)后天/g, 2],
  [/\btomorrow\b|明天|明日/g, 1],
];

const findWords: Finder = (t, today, ahead) => {
  for (const [re, days] of ahead ? [...AHEAD_WORDS, ...DAY_WORDS] : DAY_WORDS) {
    const found = firstValid(re, t, () => addDays(today, days));
    if (found) return found;
  }
  return undefined;
};

const findAgo: Finder = (t, today) =>
  firstValid(
    // Not the day of a month-day: 12月14日前 is "before 14 December", not fourteen days ago.
    new RegExp(`(?<!月\\s?)(${COUNT}) ?(?:个)?(day|week|天|日|周|星期|礼拜)s? ?(?:ago|(?:以)?前)`, 'g'),
    t,
    (m) => {
      const n = parseCount(m[1] ?? '');
      if (n === undefined) return undefined;
      const unit = m[2] ?? '';
      return addDays(today, -n * (/week|周|星期|礼拜/.test(unit) ? 7 : 1));
    },
  );

// "last Monday", "on Monday", "this past Monday": the most recent such day before today.
const findWeekday: Finder = (t, today) =>
  firstValid(
    /\b(?:last|on|this past) (sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/g,
    t,
    (m) => {
      const target = WEEKDAYS.indexOf(m[1] ?? '');
      const cur = fromIso(today).getUTCDay();
      return addDays(today, -((cur - target + 7) % 7 || 7));
    },
  );

// Chinese weekdays: 周一 … 周日 (also 星期, 礼拜; 日 and 天 are Sunday). Weeks start on Monday.
const ZH_WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };

// 上周五 (Friday of last week), 这周一 (Monday of this week), 周三 (the last Wednesday). On a Sunday, 上周五
// is Friday two days ago to those whose week starts on Sunday and nine days ago to the rest: not guessed.
const findZhWeekday: Finder = (t, today) =>
  firstValid(
    /(?:(上个?|上個|这个?|這個?|本)|(?<![上下这這本每两兩几幾个個\d一二三四五六七八九十]))(?:周|週|星期|礼拜|禮拜)([一二三四五六日天])/g,
    t,
    (m) => {
      const target = ZH_WEEKDAY[m[2] ?? ''];
      if (target === undefined) return undefined;
      const cur = fromIso(today).getUTCDay();
      const which = m[1] ?? '';
      // Days since this week's Monday, and the target's offset from it (Sunday ends the week).
      const sinceMonday = (cur + 6) % 7;
      const offset = (target + 6) % 7;
      if (which.startsWith('上')) return cur === 0 ? undefined : addDays(today, -sinceMonday - 7 + offset);
      if (which !== '')
        return cur === 0 || offset > sinceMonday ? undefined : addDays(today, offset - sinceMonday);
      // A bare weekday is the last such day; today's own weekday could be today or a week ago: not guessed.
      return cur === target ? undefined : addDays(today, -((cur - target + 7) % 7));
    },
  );

// 上个月28号 (the 28th of last month), 本月5日 / 这个月5号 (this month's, when already past).
const findZhMonthWord: Finder = (t, today) =>
  firstValid(/(上个?|上個|本|这个?|這個?)月(\d{1,2})[日号號]/g, t, (m) => {
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7)) - 1;
    const day = Number(m[2]);
    if (!(m[1] ?? '').startsWith('上')) {
      const d = build(year, month, day);
      return d && d <= today ? d : undefined;
    }
    return month === 0 ? build(year - 1, 11, day) : build(year, month - 1, day);
  });

// "Nov 20", "November 20th, 2025".
const findMonthDay: Finder = (t, today, ahead) =>
  firstValid(
    new RegExp(`\\b${MONTH_WORD}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'g'),
    t,
    (m) => {
      const month = monthIndex(m[1] ?? '');
      return m[3] ? build(Number(m[3]), month, Number(m[2])) : monthDay(today, ahead, month, Number(m[2]));
    },
  );

// "20 Nov", "20th of November 2025".
const findDayMonth: Finder = (t, today, ahead) =>
  firstValid(
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_WORD}\\.?(?:,? (\\d{4}))?\\b`, 'g'),
    t,
    (m) => {
      const month = monthIndex(m[2] ?? '');
      return m[3] ? build(Number(m[3]), month, Number(m[1])) : monthDay(today, ahead, month, Number(m[1]));
    },
  );

// 11月20日 (or 11月20号) without a year.
const findChineseMonthDay: Finder = (t, today, ahead) =>
  firstValid(/(?<!\d)(\d{1,2})月(\d{1,2})[日号]/g, t, (m) =>
    monthDay(today, ahead, Number(m[1]) - 1, Number(m[2])),
  );

// A reply-by date must be soon: of the two readings of 12/10, the one in the next ~4 months is meant.
const SOON = 120;

// US 11/20, 11/20/2026, 11/20/26. With a year, 20/11/2026 can only be day-first, so it is read that way;
// without one, month-first only ("24/7" is not a date).
const findSlashed: Finder = (t, today, ahead) =>
  firstValid(/(?<![\d:/.-])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/g, t, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (!m[3]) {
      if (ahead) {
        // A day ahead: of month-first and day-first, keep the readings that are soon; one left is the date.
        const soon = [upcoming(today, a - 1, b), a !== b ? upcoming(today, b - 1, a) : undefined].filter(
          (d): d is string => d !== undefined && daysBetween(today, d) <= SOON,
        );
        return soon.length === 1 ? soon[0] : undefined;
      }
      // 3/11 is 11 March to an American and 3 November to most sellers: with both parts 12 or less and no
      // year, it is not guessed (the seller is asked for a date like "Nov 3").
      return a <= 12 && b <= 12 && a !== b ? undefined : recent(today, a - 1, b);
    }
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return a > 12 && b <= 12 ? build(year, b - 1, a) : build(year, a - 1, b);
  });

const FINDERS: Finder[] = [
  findYmd,
  findWords,
  findAgo,
  findWeekday,
  findZhWeekday,
  findZhMonthWord,
  findMonthDay,
  findDayMonth,
  findChineseMonthDay,
  findSlashed,
];

// A reply-by date is never "3 days ago" or "last Monday".
const AHEAD_FINDERS: Finder[] = [
  findYmd,
  findWords,
  findMonthDay,
  findDayMonth,
  findChineseMonthDay,
  findSlashed,
];

/** The first date expression in the text, with where it is; `ahead` reads bare month-days as days to come. */
/** The date written first in the text, whatever its form (findDateIn prefers forms, not positions). */
export function findFirstDateIn(text: string, today: string, ahead = false): FoundDate | undefined {
  const t = text.toLowerCase();
  let first: FoundDate | undefined;
  for (const find of ahead ? AHEAD_FINDERS : FINDERS) {
    const d = find(t, today, ahead);
    if (d && (!first || d.index < first.index)) first = d;
  }
  return first;
}

export function findDateIn(text: string, today: string, ahead = false): FoundDate | undefined {
  const t = text.toLowerCase();
  for (const find of ahead ? AHEAD_FINDERS : FINDERS) {
    const d = find(t, today, ahead);
    if (d) return d;
  }
  return undefined;
}

/**
 * Finds a date expression in free text and returns it as YYYY-MM-DD, relative to `today`.
 * Understands: today, yesterday, the day before yesterday, "N days ago", "a week ago", "last Monday"/"on Monday",
 * ISO dates (also 2026/11/20 and 2026年11月20日), "Nov 20", "20 Nov", "November 20th, 2026", 11月20日,
 * US-style 11/20, 11/20/2026 or 11/20/26, and the Chinese 今天, 昨天, 前天, 大前天, "3天前", 上周五, 周三 and 上个月28号.
 * Kinds are tried in that order; invalid dates are skipped.
 */
export function findDate(text: string, today: string): string | undefined {
  return findDateIn(text, today)?.date;
}

/**
 * A day to come ("respond by December 10", "12月10日前", "tomorrow"): a month-day without a year is the
 * next such day, and 12/10 is read whichever way falls in the next four months (both or neither: no date).
 */
export function findDueDate(text: string, today: string): string | undefined {
  return findDateIn(text, today, true)?.date;
}
