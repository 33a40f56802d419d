import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Facts, Platform } from '../../../src/domain/model/facts.js';
import {
  findListingRefs,
  type ListingRef,
  type ListingRefResult,
  listingRefMessage,
  parseListingRef,
} from '../../../src/domain/reading/listing-ref.js';

// Hostile and random input to the listing parser: whatever a seller (or an attacker) pastes, it answers
// with a valid reference or a named problem and a message that says what to send, and never throws.

const PROBLEMS = ['empty', 'short_link', 'store_page', 'unknown_site', 'not_a_listing'];

function expectValidRef(ref: ListingRef): void {
  expect(Platform.options).toContain(ref.platform);
  // The reference must fit the case's contract, or saving the case would fail later.
  expect(Facts.safeParse({ platform: ref.platform, listingId: ref.listingId }).success).toBe(true);
  if (ref.platform === 'aliexpress') expect(ref.listingId).toMatch(/^\d{10,17}$/);
  if (ref.platform === 'amazon') expect(ref.listingId).toMatch(/^[A-Z0-9]{10}$/);
  if (ref.platform === 'other') expect(ref.listingId).toMatch(/^[a-z]+:\d+$/);
}

function expectAnswer(r: ListingRefResult, input: string): void {
  if (r.ok) {
    expectValidRef(r.ref);
    return;
  }
  expect(PROBLEMS).toContain(r.problem);
  const msg = listingRefMessage(r.problem, input);
  // Clear and bounded: the problem, at most 80 characters of the input, and an example of a good reference.
  expect(msg).toMatch(/Send an AliExpress item link like https:\/\/www\.aliexpress\.com\/item\/\d+\.html/);
  expect(msg.length).toBeLessThan(400);
}

const hosts = fc.constantFrom(
  'www.aliexpress.com',
  'aliexpress.us',
  'a.aliexpress.com',
  'www.amazon.com',
  'amazon.co.uk',
  'amzn.to',
  'www.ebay.com',
  'walmart.com',
  'evil.example',
  'xn--80ak6aa92e.com',
  '',
);
const paths = fc.array(
  fc.oneof(
    fc.constantFrom('item', 'dp', 'gp', 'product', 'store', 'itm', 'ip', 'listing', '..', '%00', '%E2%80%AE'),
    fc.stringMatching(/^\d{1,20}(\.html)?$/),
    fc.stringMatching(/^B0[A-Z0-9]{8}$/),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  ),
  { maxLength: 5 },
);
const urlish = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'ftp://', 'javascript:', '', '<https://'),
    hosts,
    paths,
    fc.string(),
  )
  .map(([scheme, host, parts, tail]) => `${scheme}${host}/${parts.join('/')}${tail}`);
const unicodeEdges = fc.constantFrom(
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\u202E', // right-to-left override
  '\u200B\u200C\u200D\uFEFF', // zero-width characters
  '\u0000',
  'مرحبا B0C1234567',
  '１００５００６１２３４５６７８９', // full-width digits
  'B0C1234567\u0301',
);
const anyInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  urlish,
  unicodeEdges,
  fc.tuple(fc.string({ maxLength: 40 }), unicodeEdges, urlish).map((p) => p.join(' ')),
);

describe('listing parser: any input', () => {
  it('parseListingRef never throws and returns a valid reference or a named problem with a clear message', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        expectAnswer(parseListingRef(input), input);
      }),
      { numRuns: 1500 },
    );
  });

  it('findListingRefs never throws, and every reference it finds is valid and listed once', () => {
    fc.assert(
      fc.property(fc.array(anyInput, { maxLength: 8 }), (parts) => {
        const found = findListingRefs(parts.join(' '));
        for (const ref of found.refs) expectValidRef(ref);
        const keys = found.refs.map((r) => `${r.platform}:${r.listingId}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const p of found.problems) expect(PROBLEMS).toContain(p);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a real reference the same way wherever it is pasted (URL, Slack link, quotes, trailing dot)', () => {
    const ali = fc.stringMatching(/^1005\d{12}$/);
    const asin = fc.stringMatching(/^B0[A-Z0-9]{8}$/);
    const wrap = fc.constantFrom(
      (s: string) => s,
      (s: string) => `<${s}>`,
      (s: string) => `<${s}|the listing>`,
      (s: string) => `"${s}".`,
      (s: string) => `  ${s}  `,
    );
    fc.assert(
      fc.property(fc.oneof(ali, asin), wrap, fc.boolean(), (id, w, asUrl) => {
        const isAli = /^\d/.test(id);
        const raw = !asUrl
          ? id
          : isAli
            ? `https://www.aliexpress.com/item/${id}.html`
            : `https://www.amazon.com/dp/${id}?th=1`;
        const r = parseListingRef(w(raw));
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.ref.platform).toBe(isAli ? 'aliexpress' : 'amazon');
          expect(r.ref.listingId).toBe(id);
        }
      }),
      { numRuns: 300 },
    );
  });
});
