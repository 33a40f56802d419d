import type { z } from 'zod';
import type { Platform } from '../model/facts.js';

export interface ListingRef {
  platform: z.infer<typeof Platform>;
  /** AliExpress item id (digits), Amazon ASIN (upper case), or `site:id` for other marketplaces. */
  listingId: string;
  /** The marketplace host the seller gave (e.g. `amazon.co.uk`), used to pick the right seller portal. */
  marketplace?: string;
}

export type ListingRefProblem = 'empty' | 'short_link' | 'store_page' | 'unknown_site' | 'not_a_listing';

export type ListingRefResult = { ok: true; ref: ListingRef } | { ok: false; problem: ListingRefProblem };

export const LISTING_EXAMPLES =
  'an AliExpress item link like https://www.aliexpress.com/item/1005006123456789.html, ' +
  'an item id like 1005006123456789, or an Amazon ASIN like B0C1234567';

// AliExpress item ids: old 32…/33… ids have 11 digits, newer 4000… 13 and 1005… 16.
const ALI_ID = /^\d{10,17}$/;
// A bare ASIN is accepted only in its modern B0 form; book ASINs (ISBN-10) are accepted inside Amazon URLs.
const BARE_ASIN = /^B0[A-Z0-9]{8}$/i;
const URL_ASIN = /^[A-Z0-9]{10}$/i;

const ALI_HOST = /(^|\.)aliexpress\.(com|us|ru)$/;
const ALI_SHORT_HOST = /^(a|s\.click|click)\.aliexpress\.com$/;
const AMAZON_HOST =
  /(^|\.)amazon\.(com|ca|com\.mx|com\.br|co\.uk|de|fr|it|es|nl|se|pl|com\.tr|ae|sa|eg|in|co\.jp|com\.au|sg|com\.be|cn|ie|co\.za)$/;
const AMAZON_SHORT_HOST = /^(amzn\.to|amzn\.eu|amzn\.asia|a\.co)$/;

const ALI_PATHS: RegExp[] = [
  /^\/(?:item|i|s\/item|item\/info)\/(?:[^/]+\/)?(\d{10,17})\.html?$/,
  /^\/store\/product\/[^/]*\/\d+_(\d{10,17})\.html?$/,
  /^\/item\/(\d{10,17})$/,
];
const AMAZON_PATHS: RegExp[] = [
  /\/dp\/(?:product\/)?([A-Z0-9]{10})(?:[/?]|$)/i,
  /\/gp\/product\/(?:glance\/)?([A-Z0-9]{10})(?:[/?]|$)/i,
  /\/gp\/aw\/d\/([A-Z0-9]{10})(?:[/?]|$)/i,
  /\/(?:exec\/obidos|o)\/ASIN\/([A-Z0-9]{10})(?:[/?]|$)/i,
  /\/product-reviews\/([A-Z0-9]{10})(?:[/?]|$)/i,
  /\/gp\/offer-listing\/([A-Z0-9]{10})(?:[/?]|$)/i,
];
// Other marketplaces: accepted so a seller with a mixed catalogue still gets a case; ids are prefixed with the site.
const OTHER_SITES: { host: RegExp; site: string; path: RegExp }[] = [
  { host: /(^|\.)ebay\.[a-z.]+$/, site: 'ebay', path: /\/itm\/(?:[^/]+\/)?(\d{9,15})/ },
  { host: /(^|\.)walmart\.com$/, site: 'walmart', path: /\/ip\/(?:[^/]+\/)?(\d{5,15})/ },
  { host: /(^|\.)etsy\.com$/, site: 'etsy', path: /\/listing\/(\d{5,15})/ },
  { host: /(^|\.)temu\.com$/, site: 'temu', path: /-g-(\d{6,20})\.html/ },
  // shopee.sg/product/<shop>/<item> or shopee.com.my/Title-i.<shop>.<item>
  { host: /(^|\.)shopee\.[a-z.]+$/, site: 'shopee', path: /(?:\/product\/\d+\/|-i\.\d+\.)(\d{6,15})/ },
  { host: /(^|\.)tiktok\.com$/, site: 'tiktok', path: /\/(?:view\/)?product\/(\d{10,25})/ },
];

function aliRef(id: string): ListingRef {
  return { platform: 'aliexpress', listingId: id };
}

function asinRef(asin: string): ListingRef {
  return { platform: 'amazon', listingId: asin.toUpperCase() };
}

/** Slack wraps links as `<https://…|label>`; people paste with quotes or trailing punctuation. */
function clean(input: string): string {
  let s = input.trim();
  // The closing `>` is optional: in free text the token stops at the `|` before a label with spaces.
  const slack = /^<([^|>]+)(?:\|[^>]*)?>?$/.exec(s);
  if (slack?.[1]) s = slack[1];
  return s.replace(/^["'(]+|["'),.;:!]+$/g, '');
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}

function marketplaceOf(host: string): string {
  return host.replace(/^(www|m|smile)\./, '');
}

function parseAliExpress(url: URL, host: string): ListingRefResult {
  const path = url.pathname.replace(/\/+$/, '');
  for (const re of ALI_PATHS) {
    const id = re.exec(path)?.[1];
    if (id)
      return { ok: true, ref: { platform: 'aliexpress', listingId: id, marketplace: marketplaceOf(host) } };
  }
  for (const key of ['productId', 'itemId', 'product_id']) {
    const id = url.searchParams.get(key);
    if (id && ALI_ID.test(id)) {
      return { ok: true, ref: { platform: 'aliexpress', listingId: id, marketplace: marketplaceOf(host) } };
    }
  }
  if (/^\/store\//.test(path)) return { ok: false, problem: 'store_page' };
  return { ok: false, problem: 'not_a_listing' };
}

function parseAmazon(url: URL, host: string): ListingRefResult {
  for (const re of AMAZON_PATHS) {
    const asin = re.exec(url.pathname)?.[1];
    if (asin) {
      return {
        ok: true,
        ref: { platform: 'amazon', listingId: asin.toUpperCase(), marketplace: marketplaceOf(host) },
      };
    }
  }
  const q = url.searchParams.get('asin') ?? url.searchParams.get('ASIN');
  if (q && URL_ASIN.test(q)) {
    return {
      ok: true,
      ref: { platform: 'amazon', listingId: q.toUpperCase(), marketplace: marketplaceOf(host) },
    };
  }
  if (/^\/(stores|shops|sp)\b/.test(url.pathname) || url.searchParams.has('seller')) {
    return { ok: false, problem: 'store_page' };
  }
  return { ok: false, problem: 'not_a_listing' };
}

function parseUrl(raw: string): ListingRefResult {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { ok: false, problem: 'not_a_listing' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'not_a_listing' };
  const host = hostOf(url);
  if (ALI_SHORT_HOST.test(host) || AMAZON_SHORT_HOST.test(host)) return { ok: false, problem: 'short_link' };
  if (ALI_HOST.test(host)) return parseAliExpress(url, host);
  if (AMAZON_HOST.test(host)) return parseAmazon(url, host);
  for (const site of OTHER_SITES) {
    if (!site.host.test(host)) continue;
    const id = site.path.exec(url.pathname)?.[1];
    if (id)
      return { ok: true, ref: { platform: 'other', listingId: `${site.site}:${id}`, marketplace: host } };
    return { ok: false, problem: 'not_a_listing' };
  }
  return { ok: false, problem: 'unknown_site' };
}

/** Parses one listing reference: an item URL, an AliExpress item id, or an Amazon ASIN. */
export function parseListingRef(input: string): ListingRefResult {
  const s = clean(input);
  if (s === '') return { ok: false, problem: 'empty' };
  if (ALI_ID.test(s)) return { ok: true, ref: aliRef(s) };
  if (BARE_ASIN.test(s)) return { ok: true, ref: asinRef(s) };
  if (/\s/.test(s)) return { ok: false, problem: 'not_a_listing' };
  if (/^[a-z]+:\/\//i.test(s) || /^[\w-]+(\.[\w-]+)+\//.test(s)) return parseUrl(s);
  return { ok: false, problem: 'not_a_listing' };
}

export interface FoundRefs {
  refs: ListingRef[];
  /** Problems with link-shaped tokens that were not usable, so the seller can be told why. */
  problems: ListingRefProblem[];
}

// A link with a scheme, or a bare marketplace host (any subdomain, incl. short-link hosts) followed by a path.
// The bare host must start a word, so "evilaliexpress.com/…" is not read as AliExpress; `|` ends a Slack link.
const URL_TOKEN =
  /<?https?:\/\/[^\s<>|]+>?|(?<![\w.@/-])(?:(?:[\w-]+\.)*(?:aliexpress|amazon|amzn|ebay|walmart|etsy|temu|shopee|tiktok)\.[a-z]{2,4}(?:\.[a-z]{2,3})?|a\.co)\/[^\s<>|]*/gi;
// A bare AliExpress id in text: 12–17 digits, or 11 not starting with 1 (11 digits starting with 1 is a
// Chinese mobile or a +1 phone number). Not part of a longer number, a "+" phone number, or a path.
const BARE_ALI_IN_TEXT = /(?<![\w/.+-])(?:[02-9]\d{10}|\d{12,17})(?![\w.-]*\d)/g;
// Sellers type ASINs in lower case too; "b0" and 8 more letters or digits is not an English word.
const BARE_ASIN_IN_TEXT = /(?<![\w/])B0[A-Z0-9]{8}(?![\w])/gi;

/** Finds every listing reference in free text (URLs first, then bare ids), without duplicates. */
export function findListingRefs(text: string): FoundRefs {
  const refs: ListingRef[] = [];
  const problems: ListingRefProblem[] = [];
  const seen = new Set<string>();
  const add = (ref: ListingRef) => {
    const key = `${ref.platform}:${ref.listingId}`;
    if (!seen.has(key)) {
      seen.add(key);
      refs.push(ref);
    }
  };
  let rest = text;
  for (const m of text.matchAll(URL_TOKEN)) {
    const r = parseListingRef(m[0]);
    if (r.ok) add(r.ref);
    else if (r.problem !== 'unknown_site') problems.push(r.problem);
    rest = rest.replace(m[0], ' ');
  }
  // Bare ids in the order the seller wrote them: the first one named is the case listing.
  const bare = [
    ...[...rest.matchAll(BARE_ALI_IN_TEXT)].map((m) => ({ at: m.index, ref: aliRef(m[0]) })),
    ...[...rest.matchAll(BARE_ASIN_IN_TEXT)].map((m) => ({ at: m.index, ref: asinRef(m[0]) })),
  ].sort((a, b) => a.at - b.at);
  for (const b of bare) add(b.ref);
  return { refs, problems };
}

const PROBLEM_TEXT: Record<ListingRefProblem, string> = {
  empty: 'No listing was given.',
  short_link:
    'That is a short link, which I cannot open here. Open it in a browser and paste the full address.',
  store_page: 'That is a store page, not a single listing.',
  unknown_site:
    'That link is not from a marketplace I know (AliExpress, Amazon, eBay, Walmart, Etsy, Temu, Shopee, TikTok Shop).',
  not_a_listing: 'That does not look like a listing reference.',
};

/** One sentence for a bad reference, always with an example of a good one. */
export function listingRefMessage(problem: ListingRefProblem, input?: string): string {
  const shown = input ? ` ("${clean(input).slice(0, 80)}")` : '';
  return `${PROBLEM_TEXT[problem].replace(/\.$/, '')}${shown}. Send ${LISTING_EXAMPLES}.`;
}
