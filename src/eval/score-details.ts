import { DETAIL_KEYS, type DetailKey, type Details } from '../domain/model/facts.js';

// Scoring of the details a reader takes from a message (names, amounts, dates, numbers) against the details
// an evaluation row says the message states. Details never decide a route, but they fill the drafts and the
// lawyer note, so a wrong one (an invented or mistaken value) is worse than a missing one (a placeholder
// the lawyer note asks for by name): wrong values are counted apart from misses.
//
// The rules of the count, per row and per detail key:
// - Only rows with a `details` object are scored: a row without one says nothing about its details.
// - A key the row lists is read right (the same value), missed (absent, or for a list only part of it and
//   nothing else), or wrong (another value, or a list with a value the row does not list).
// - A key the row does not list but the reader reads is wrong: in a row that states its details, a value
//   read beyond them is invented or mistaken. Except the keys in DERIVED: they copy or label what is
//   already scored elsewhere (the pasted notice, litigation labels, the link's host, further listing ids),
//   so they are scored only when the row lists them.
// - Strings compare case-insensitively after trimming and collapsing spaces; lists compare as sets
//   (frozen accounts as account + amount pairs, further listings as platform + id pairs).

/** Details copied or derived from what else is read: scored only when a row lists them. */
export const DERIVED: readonly DetailKey[] = ['noticeText', 'legalSigns', 'marketplace', 'otherListings'];

export const DETAIL_CLASSES = {
  names: ['brand', 'plaintiff', 'lawFirm', 'court', 'store', 'rightsOwnerEmail', 'defendant', 'supplier'],
  money: ['frozenAmount', 'frozenAccounts', 'demandAmount'],
  dates: ['troDate', 'responseDue', 'firstListed'],
  numbers: ['complaintId', 'caseNumber', 'ipNumbers', 'doeNumber', 'stockUnits', 'sellerIds', 'storeUrls'],
} as const satisfies Record<string, readonly DetailKey[]>;

export type DetailClass = keyof typeof DETAIL_CLASSES | 'other';
export const CLASS_NAMES: readonly DetailClass[] = ['names', 'money', 'dates', 'numbers', 'other'];

const CLASS_OF = new Map<DetailKey, DetailClass>(
  Object.entries(DETAIL_CLASSES).flatMap(([c, keys]) => keys.map((k) => [k, c as DetailClass] as const)),
);

export function classOf(key: DetailKey): DetailClass {
  return CLASS_OF.get(key) ?? 'other';
}

export interface DetailScore {
  /** Rows that state the detail. */
  stated: number;
  /** Of those, read with the stated value. */
  right: number;
  /** Of those, not read (or a list read only in part). */
  missed: number;
  /** Rows where a value was read that the row does not state (another value, or one it does not list). */
  wrong: number;
}

export interface DetailsScore {
  details: Record<DetailKey, DetailScore>;
  classes: Record<DetailClass, DetailScore>;
  total: DetailScore;
  /** Rows with a `details` object (the only ones scored). */
  rows: number;
  /** Rows whose details were all read right. */
  allRight: number;
  failures: string[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** One value as comparable strings: a list becomes its members (pairs joined), anything else one member. */
function members(key: DetailKey, v: unknown): string[] {
  if (!Array.isArray(v)) return [typeof v === 'string' ? norm(v) : String(v)];
  return v.map((m) => {
    if (typeof m === 'string') return norm(m);
    const o = m as Record<string, string>;
    if (key === 'frozenAccounts') return `${norm(o.account ?? '')} = ${norm(o.amount ?? '')}`;
    if (key === 'otherListings') return `${norm(o.platform ?? '')} ${norm(o.listingId ?? '')}`;
    return norm(JSON.stringify(m));
  });
}

export type Verdict = 'right' | 'missed' | 'wrong' | 'none';

/** What reading `have` for a row stating `want` counts as (`none`: neither stated nor read). */
export function judge(key: DetailKey, want: unknown, have: unknown): Verdict {
  if (want === undefined && have === undefined) return 'none';
  if (have === undefined) return 'missed';
  if (want === undefined) return 'wrong';
  const w = new Set(members(key, want));
  const h = new Set(members(key, have));
  if ([...h].some((m) => !w.has(m))) return 'wrong';
  if (h.size < w.size) return 'missed';
  return 'right';
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const zero = (): DetailScore => ({ stated: 0, right: 0, missed: 0, wrong: 0 });

export function scoreDetails(
  rows: readonly { id: string; details?: Details }[],
  readings: readonly Details[],
): DetailsScore {
  const details = Object.fromEntries(DETAIL_KEYS.map((k) => [k, zero()])) as Record<DetailKey, DetailScore>;
  const classes = Object.fromEntries(CLASS_NAMES.map((c) => [c, zero()])) as Record<DetailClass, DetailScore>;
  const total = zero();
  let scored = 0;
  let allRight = 0;
  const failures: string[] = [];
  rows.forEach((row, i) => {
    if (!row.details) return;
    scored++;
    const got = readings[i] ?? {};
    const bad: string[] = [];
    for (const k of DETAIL_KEYS) {
      const want = row.details[k];
      const have = got[k];
      if (want === undefined && DERIVED.includes(k)) continue;
      const verdict = judge(k, want, have);
      if (verdict === 'none') continue;
      for (const s of [details[k], classes[classOf(k)], total]) {
        if (want !== undefined) s.stated++;
        s[verdict]++;
      }
      if (verdict === 'missed')
        bad.push(have === undefined ? `${k} missed` : `${k}=${show(have)} (part of ${show(want)})`);
      if (verdict === 'wrong')
        bad.push(`${k}=${show(have)} (expected ${want === undefined ? 'unset' : show(want)})`);
    }
    if (bad.length === 0) allRight++;
    else failures.push(`${row.id}: ${bad.join('; ')}`);
  });
  return { details, classes, total, rows: scored, allRight, failures };
}
