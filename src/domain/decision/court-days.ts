import { addDays } from '../model/dates.js';

// US federal court days for FRCP 6(a): a period stated in days that ends on a Saturday, a Sunday or a
// legal holiday runs on to the next day that is none of these. The holidays are those of 5 U.S.C. 6103
// on the days they are observed (a Saturday holiday is kept on the Friday, a Sunday one on the Monday).
// State holidays of the court's state also count under FRCP 6(a)(6)(C); they are not known here, which
// is why every court date says a lawyer confirms it.

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekday(isoDay: string): number {
  return new Date(`${isoDay}T00:00:00Z`).getUTCDay();
}

/** The nth (1-based) weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, wd: number, n: number): string {
  if (n > 0) {
    const first = weekday(iso(year, month, 1));
    return iso(year, month, 1 + ((wd - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekday(iso(year, month, lastDay));
  return iso(year, month, lastDay - ((last - wd + 7) % 7));
}

/** A fixed-date holiday on the day it is observed. */
function observed(year: number, month: number, day: number): string {
  const d = iso(year, month, day);
  const wd = weekday(d);
  if (wd === 6) return addDays(d, -1);
  if (wd === 0) return addDays(d, 1);
  return d;
}

/** The federal legal holidays of a year, as observed (FRCP 6(a)(6)(A)). */
export function federalHolidays(year: number): Set<string> {
  return new Set([
    observed(year, 1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr.'s Birthday
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    observed(year, 6, 19), // Juneteenth National Independence Day
    observed(year, 7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    observed(year, 11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
    observed(year, 12, 25), // Christmas Day
    // New Year's Day of the next year, when it falls on a Saturday, is observed on 31 December.
    ...(weekday(iso(year + 1, 1, 1)) === 6 ? [iso(year, 12, 31)] : []),
  ]);
}

export function isCourtDay(isoDay: string): boolean {
  const wd = weekday(isoDay);
  if (wd === 0 || wd === 6) return false;
  return !federalHolidays(Number(isoDay.slice(0, 4))).has(isoDay);
}

/** FRCP 6(a)(1)(C): the last day of a period, moved on to the next court day when the court is closed. */
export function nextCourtDay(isoDay: string): string {
  let d = isoDay;
  while (!isCourtDay(d)) d = addDays(d, 1);
  return d;
}
