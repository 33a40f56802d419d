import { parseArgs } from 'node:util';
import { isValidIsoDate } from '../domain/model/dates.js';
import {
  allowedValues,
  DETAIL_KEYS,
  type DetailKey,
  Details,
  FACT_KEYS,
  type FactKey,
  Facts,
} from '../domain/model/facts.js';
import { extractFacts } from '../domain/reading/extract.js';
import { LISTING_EXAMPLES, listingRefMessage, parseListingRef } from '../domain/reading/listing-ref.js';

export interface TriageRequest {
  facts: Facts;
  details: Details;
  today: string;
  json: boolean;
}

export class UsageError extends Error {}

export const TRIAGE_USAGE =
  'usage: ipcheck triage [--listing REF] [--message TEXT] [--answer key=value …] [--detail key=value …] [--today YYYY-MM-DD] [--json]';

function splitPair(raw: string, flag: string): [string, string] {
  const i = raw.indexOf('=');
  if (i <= 0)
    throw new UsageError(`${flag} "${raw}": expected key=value, e.g. ${flag} notice=platform_complaint`);
  return [raw.slice(0, i).trim(), raw.slice(i + 1).trim()];
}

function readAnswer(facts: Record<string, string>, raw: string): void {
  const [key, value] = splitPair(raw, '--answer');
  if (!(FACT_KEYS as readonly string[]).includes(key)) {
    throw new UsageError(`--answer ${key}: unknown fact; expected one of ${FACT_KEYS.join(', ')}`);
  }
  const k = key as FactKey;
  if (k === 'noticeDate' && !isValidIsoDate(value)) {
    throw new UsageError(`--answer noticeDate=${value}: expected a real date as YYYY-MM-DD`);
  }
  const check = Facts.safeParse({ [k]: value });
  if (!check.success) throw new UsageError(`--answer ${k}=${value}: expected ${allowedValues(k)}`);
  facts[k] = value;
}

function readDetail(details: Record<string, unknown>, raw: string): void {
  const [key, value] = splitPair(raw, '--detail');
  if (!(DETAIL_KEYS as string[]).includes(key)) {
    throw new UsageError(`--detail ${key}: unknown detail; expected one of ${DETAIL_KEYS.join(', ')}`);
  }
  const k = key as DetailKey;
  if (k === 'stockUnits') {
    if (!/^\d+$/.test(value))
      throw new UsageError(`--detail stockUnits=${value}: expected a whole number of units`);
    details[k] = Number(value);
  } else if (k === 'delisted') {
    if (value !== 'true' && value !== 'false')
      throw new UsageError(`--detail delisted=${value}: expected true or false`);
    details[k] = value === 'true';
  } else if (k === 'differences') {
    details[k] = value
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  } else if (k === 'otherListings') {
    details[k] = listingsDetail(value);
  } else if (k === 'ipNumbers' || k === 'sellerIds' || k === 'storeUrls') {
    details[k] = value
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  } else if (k === 'frozenAccounts') {
    // "AliExpress=$12,450;PayPal=$3,100": each account with its own amount.
    const accounts = value
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    details[k] = accounts.map((a) => {
      const i = a.indexOf('=');
      if (i <= 0 || i === a.length - 1)
        throw new UsageError(`--detail frozenAccounts=${value}: expected account=amount;account=amount`);
      return { account: a.slice(0, i).trim(), amount: a.slice(i + 1).trim() };
    });
  } else if (k === 'doeNumber') {
    if (!/^[1-9]\d*$/.test(value))
      throw new UsageError(`--detail doeNumber=${value}: expected a whole number`);
    details[k] = Number(value);
  } else if (k === 'troDate' || k === 'responseDue' || k === 'firstListed') {
    if (!isValidIsoDate(value))
      throw new UsageError(`--detail ${k}=${value}: expected a real date as YYYY-MM-DD`);
    details[k] = value;
  } else if (k === 'deleted') {
    const parts = value.split(',').map((s) => s.trim());
    if (parts.some((p) => p !== 'listing' && p !== 'records'))
      throw new UsageError(`--detail deleted=${value}: expected listing and/or records, comma-separated`);
    details[k] = (['listing', 'records'] as const).filter((x) => parts.includes(x));
  } else if (k === 'rightsBasis') {
    if (value !== 'letter' && value !== 'invoices')
      throw new UsageError(`--detail rightsBasis=${value}: expected letter | invoices`);
    details[k] = value;
  } else {
    if (value === '') throw new UsageError(`--detail ${k}: expected a value`);
    details[k] = value;
  }
  const check = Details.shape[k].safeParse(details[k]);
  if (!check.success) {
    const issue = check.error.issues[0];
    const why =
      issue?.code === 'too_big'
        ? `too long (at most ${issue.maximum} characters)`
        : (issue?.message ?? 'invalid');
    throw new UsageError(`--detail ${k}: ${why}`);
  }
}

/** "1005006123456790, B0C1234567": other listings of the same case, each a listing reference. */
function listingsDetail(value: string): Details['otherListings'] {
  const refs = value
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((raw) => parseListingRef(raw));
  if (refs.length === 0 || refs.some((r) => !r.ok))
    throw new UsageError(
      `--detail otherListings=${value}: expected listing references separated by commas (${LISTING_EXAMPLES})`,
    );
  return refs.flatMap((r) => (r.ok ? [{ platform: r.ref.platform, listingId: r.ref.listingId }] : []));
}

/** An explicit listingId answer must be a listing reference, unless the platform is declared "other". */
function settleListing(facts: Record<string, string>, details: Record<string, unknown>): void {
  const id = facts.listingId;
  if (id === undefined) return;
  const ref = parseListingRef(id);
  if (ref.ok) {
    facts.listingId = ref.ref.listingId;
    if (facts.platform !== undefined && facts.platform !== ref.ref.platform) {
      throw new UsageError(
        `--answer listingId=${id} is a ${ref.ref.platform} listing, but platform=${facts.platform}`,
      );
    }
    facts.platform = ref.ref.platform;
    if (ref.ref.marketplace) details.marketplace = ref.ref.marketplace;
  } else if (facts.platform !== 'other') {
    throw new UsageError(
      `--answer listingId=${id}: expected ${LISTING_EXAMPLES} (or add --answer platform=other)`,
    );
  }
}

/** Parses triage arguments; anything wrong throws a UsageError whose message is one line. */
export function parseTriageArgs(argv: string[], today: string): TriageRequest {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]}. ${TRIAGE_USAGE}`);
  }
  const day = values.today ?? today;
  if (!isValidIsoDate(day)) throw new UsageError(`--today ${day}: expected a real date as YYYY-MM-DD`);
  const facts: Record<string, string> = {};
  const details: Record<string, unknown> = {};
  if (values.message !== undefined) {
    const ex = extractFacts(values.message, day);
    Object.assign(facts, ex.facts);
    Object.assign(details, ex.details);
  }
  if (values.listing !== undefined) {
    const ref = parseListingRef(values.listing);
    if (!ref.ok) throw new UsageError(`--listing: ${listingRefMessage(ref.problem, values.listing)}`);
    facts.platform = ref.ref.platform;
    facts.listingId = ref.ref.listingId;
    if (ref.ref.marketplace) details.marketplace = ref.ref.marketplace;
  }
  const answered: Record<string, string> = {};
  for (const a of values.answer ?? []) readAnswer(answered, a);
  if (answered.listingId !== undefined || answered.platform !== undefined) {
    delete facts.platform;
    if (answered.listingId !== undefined) delete facts.listingId;
  }
  if (answered.noticeDate !== undefined && answered.noticeDate > day) {
    throw new UsageError(
      `--answer noticeDate=${answered.noticeDate}: is after today (${day}); expected the day the notice arrived`,
    );
  }
  Object.assign(facts, answered);
  settleListing(facts, details);
  for (const d of values.detail ?? []) readDetail(details, d);
  return { facts: Facts.parse(facts), details: details as Details, today: day, json: values.json ?? false };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      listing: { type: 'string' },
      message: { type: 'string' },
      answer: { type: 'string', multiple: true },
      detail: { type: 'string', multiple: true },
      today: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
}
