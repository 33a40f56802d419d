// Calendar arithmetic on plain YYYY-MM-DD strings in UTC. The core never reads the clock:
// every function takes `today` (or `now`) from its caller.

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
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

/** Adds business days (Monday–Friday); public holidays differ by country and are not counted. */
export function addBusinessDays(iso: string, days: number): string {
  const d = fromIso(iso);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
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
  return build(year - 1, month, day);
}

const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Finds the first date expression in free text and returns it as YYYY-MM-DD, relative to `today`.
 * Understands: today, yesterday, "N days ago", "last Monday"/"on Monday", ISO dates, "Nov 20", "20 Nov",
 * "November 20th, 2026", and US-style 11/20 or 11/20/2026.
 */
export function findDate(text: string, today: string): string | undefined {
  const t = text.toLowerCase();
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  if (iso) return build(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  if (/\btoday\b|\bthis morning\b|\bjust now\b/.test(t)) return today;
  if (/\byesterday\b/.test(t)) return addDays(today, -1);
  const ago = /\b(\d{1,3}|a|one|two|three|four|five|six|seven) (day|week)s? ago\b/.exec(t);
  if (ago?.[1] && ago[2]) {
    const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
    const n = words[ago[1]] ?? Number(ago[1]);
    return addDays(today, -n * (ago[2] === 'week' ? 7 : 1));
  }
  const wd = /\b(?:last|on|this past) (sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/.exec(t);
  if (wd?.[1]) {
    const target = WEEKDAYS.indexOf(wd[1]);
    const cur = fromIso(today).getUTCDay();
    const back = (cur - target + 7) % 7 || 7;
    return addDays(today, -back);
  }
  const md = new RegExp(`\\b${MONTH_WORD}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`).exec(t);
  if (md?.[1] && md[2]) {
    const m = monthIndex(md[1]);
    return md[3] ? build(Number(md[3]), m, Number(md[2])) : recent(today, m, Number(md[2]));
  }
  const dm = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_WORD}\\.?(?:,? (\\d{4}))?\\b`).exec(t);
  if (dm?.[1] && dm[2]) {
    const m = monthIndex(dm[2]);
    return dm[3] ? build(Number(dm[3]), m, Number(dm[1])) : recent(today, m, Number(dm[1]));
  }
  const us = /(?<![\d:/-])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])/.exec(t);
  if (us?.[1] && us[2]) {
    const m = Number(us[1]) - 1;
    const d = Number(us[2]);
    return us[3] ? build(Number(us[3]), m, d) : recent(today, m, d);
  }
  return undefined;
}
