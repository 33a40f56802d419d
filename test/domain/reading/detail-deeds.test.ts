import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/domain/reading/extract.js';

// `delisted`: the listing is off sale, whoever took it down (the seller, or the platform on the complaint).

const details = (text: string) => extractFacts(text, '2026-11-28').details;

describe('the listing is off sale, whoever took it down', () => {
  it.each([
    // the platform's own words
    'We received a report from a rights owner.\nComplaint ID: 1234567890\n\nWe removed the content. If you believe this was in error, contact the rights owner.',
    'Notice: Policy Warning\nASIN: B0F1234567\nWe removed the listing. Our product has a different shape.',
    'eBay took down https://www.ebay.com/itm/334455667788 after a VeRO report, trademark.',
    'Your product 1005007345678901 has been complained of infringing. The product has been removed.',
    'Amazon removed our listing yesterday',
    'Walmart deactivated the item after the complaint',
    'item 334455667788 was taken down by eBay',
    'the ASIN was suppressed after the complaint',
    // the seller's own words
    'we already delisted it',
    'we took it down yesterday',
    'We already took the listing offline, 320 pcs left',
    'we removed the listing on Monday',
    'we took down the listing last week',
    '已下架',
  ])('%s', (text) => {
    expect(details(text).delisted).toBe(true);
  });

  it.each([
    // a question, a hedge, a condition, a plan
    'should we take it down?',
    'have they removed the listing?',
    'Amazon may have removed the listing, not sure',
    'I think Amazon removed the listing',
    'if the listing is removed, we lose our ranking',
    'the listing will be removed if you do not respond',
    'Amazon will remove the listing in 7 days',
    // not done
    'we have not removed the listing',
    'Amazon has not removed our listing yet',
    'the listing was not removed',
    // a part of the listing, not the listing
    'we removed the brand name from the title',
    "Amazon removed the listing's photos",
    'we removed the listing photos',
    'the content from our page was removed from the images',
    // other things taken down
    'they took down our storefront banner',
    'Amazon closed our account',
    '没有下架',
  ])('not delisted: %s', (text) => {
    expect(details(text).delisted).toBeUndefined();
  });

  it('a long text stays linear', () => {
    const t0 = performance.now();
    details(`${'if the listing is '.repeat(3000)} ${'may '.repeat(3000)}removed the listing`);
    details(`took down ${'https://x.example/'.repeat(2000)}`);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
