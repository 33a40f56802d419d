import { isValidIsoDate } from '../core/dates.js';
import { type DetailKey, Details } from '../core/facts.js';
import { LISTING_EXAMPLES, parseListingRef } from '../core/listing-ref.js';

// `--detail key=value` as typed on a command line, turned into the value the case keeps. Lists are
// `;`-separated; every value is checked against the Details schema, and a bad one says what was expected.

const list = (value: string): string[] =>
  value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

const EXPECTED: Partial<Record<DetailKey, string>> = {
  stockUnits: 'a whole number of units',
  delisted: 'true or false',
  troDate: 'a real date as YYYY-MM-DD',
  responseDue: 'a real date as YYYY-MM-DD',
  deleted: 'listing, records, or listing;records',
  rightsBasis: 'letter or invoices',
  otherListings: `listing references separated by ";" (${LISTING_EXAMPLES})`,
};

function convert(key: DetailKey, value: string): unknown {
  switch (key) {
    case 'stockUnits':
      return /^\d+$/.test(value) ? Number(value) : undefined;
    case 'delisted':
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'differences':
      return list(value);
    case 'deleted':
      return [...new Set(list(value))];
    case 'troDate':
    case 'responseDue':
      return isValidIsoDate(value) ? value : undefined;
    case 'otherListings': {
      const refs = list(value).map((v) => parseListingRef(v));
      if (refs.some((r) => !r.ok)) return undefined;
      return refs.map((r) => (r.ok ? { platform: r.ref.platform, listingId: r.ref.listingId } : undefined));
    }
    default:
      return value;
  }
}

/** The value of one detail, or the words saying what was expected. */
export function parseDetailValue(
  key: DetailKey,
  value: string,
): { ok: true; value: unknown } | { ok: false; expected: string } {
  if (value === '') return { ok: false, expected: 'a value' };
  const v = convert(key, value);
  const checked = v === undefined ? undefined : Details.safeParse({ [key]: v });
  if (!checked?.success) return { ok: false, expected: EXPECTED[key] ?? 'a shorter value' };
  return { ok: true, value: v };
}
