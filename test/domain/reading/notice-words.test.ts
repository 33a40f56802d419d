import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { CAPS_MARK } from '../../../src/domain/reading/notice-words.js';

const TODAY = '2026-11-28';
const facts = (text: string) => extractFacts(text, TODAY).facts;

describe('notices sellers describe in other words', () => {
  it.each([
    'eBay item https://www.ebay.com/itm/123456789012 got VeRO report, trademark',
    'eBay VeRO removed our item https://www.ebay.com/itm/204512345678 yesterday',
    'our item was taken down through VeRO',
    'AliExpress took down 3 of our listings this morning',
    'Walmart just removed our item 123456789',
    'ASIN B0N1212121 blocked, they claim patent infringement',
    'amazon: ASIN B0U3535353 removed for trademark',
    'listing 1005001234567890 was deactivated last night',
    'https://www.amazon.com/dp/B0G4444444 got flagged for counterfeit',
    'the listing was flagged for IP violation',
    'the rights owner cites infringement of their design',
    'hello my listing get complain for trade mark, item 1005008989898989',
    'we got complain about copyright on our shop',
    '亞馬遜通知我們的商品 B0H5566778 侵犯外觀專利',
    '速卖通发来通知说我们的产品有问题',
    '平台说我们侵犯了他们的商标',
  ])('platform complaint: %s', (text) => {
    expect(facts(text).notice).toBe('platform_complaint');
  });

  it.each([
    'we removed listing B0C1234567 ourselves last week',
    'listing B0C1234567 removed by us',
    'we will complain to Amazon about the other seller',
    'Amazon never removed anything, we just want advice',
    'we flagged it to our supplier',
    'vero moda dresses, are they safe to sell?',
    'we claim no infringement, what should we do next',
    '我们没有侵犯任何专利',
    'product photos updated',
  ])('not a platform complaint: %s', (text) => {
    expect(facts(text).notice).toBeUndefined();
  });

  it.each([
    'Letter dated November 23, 2026 from the brand’s attorney: take down listing 1005006555444333 and respond within 10 days or they will file suit.',
    'An email sent last Monday from Acme’s law firm demands we stop selling',
    'notice received on 2026-11-20 from their attorneys about our listing',
  ])('a letter from their side, not a court case: %s', (text) => {
    expect(facts(text).notice).toBe('rights_holder_letter');
  });

  it('an email from our own lawyer is no letter from their side', () => {
    expect(facts('email dated Nov 20 from our lawyer says to wait').notice).toBeUndefined();
  });

  it('a court case stays a court case whatever else is said', () => {
    expect(
      facts('eBay VeRO removed our item and then we got a TRO, case 1:26-cv-01234, PayPal funds frozen')
        .notice,
    ).toBe('court_or_tro');
    expect(
      facts('Letter dated Nov 20 from their attorney, and the court granted a TRO on Nov 25').notice,
    ).toBe('court_or_tro');
  });

  it.each([
    ['ASIN B0N1212121 blocked, they claim patent infringement, not sure which kind of patent', 'unknown'],
    ['A competitor reported our listing. Don’t know what right.', 'unknown'],
    ['complaint came in, no idea what type of IP it is', 'unknown'],
    ['design patent complaint, not sure which patent number', 'design_patent'],
    ['copyright complaint, not sure what right they own', 'copyright'],
    ['cease and desist from Greer Burns about the ACME mark on 1005008888888888', 'trademark'],
    ['the complaint names their registered mark', 'trademark'],
  ])('ipType: %s', (text, value) => {
    expect(facts(text).ipType).toBe(value);
  });

  it.each([
    'complaint: our charger lacks the CE mark',
    'WE GOT A CE mark question from a buyer',
    'UKCA mark missing on the box',
    'customers left a question mark in the review',
    'not sure which supplier to use',
  ])('no ipType: %s', (text) => {
    expect(facts(text).ipType).toBeUndefined();
  });

  it('reads a long run of capitals in linear time', () => {
    const start = Date.now();
    CAPS_MARK.test(`${'ABCDEFGH '.repeat(20_000)}x`);
    CAPS_MARK.test('A'.repeat(200_000));
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe('a worry is not a notice: words that say none came', () => {
  it.each([
    "No complaint yet but we worry about our listing 1005001234567890 which uses the word 'Lego compatible'",
    "we haven't received any complaint, is our listing B0C1234567 ok?",
    'no trademark complaints so far, just checking our listing',
    'we never got a notice about it',
    '还没收到投诉，但是担心我们的链接',
  ])('no notice: %s', (text) => {
    expect(facts(text).notice).toBeUndefined();
  });

  it.each([
    'we never had a complaint before, but now amazon removed our listing B0C1234567',
    'got a complaint, no reply from them yet',
    '没有投诉编号，但是收到了投诉',
    'no complaint id was given but the complaint says trademark',
  ])('still a complaint: %s', (text) => {
    expect(facts(text).notice).toBe('platform_complaint');
  });

  it('reads a long run of "no complaint" words in linear time', () => {
    const long = 'no complaint '.repeat(5000);
    const start = performance.now();
    facts(long);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
