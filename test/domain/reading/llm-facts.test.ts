import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { mergeFacts, sanitizeLlmFacts } from '../../../src/domain/reading/llm-facts.js';

const none = {
  platform: null,
  listingId: null,
  notice: null,
  ipType: null,
  listingIsOurs: null,
  usesTheirIp: null,
  rights: null,
  complainantContact: null,
  inventory: null,
  noticeDate: null,
};

describe("merging a model's facts with the rules'", () => {
  it('fills what the rules did not read', () => {
    expect(
      mergeFacts({ notice: 'platform_complaint' }, { ipType: 'trademark', inventory: 'small_or_stop' }),
    ).toEqual({
      facts: { notice: 'platform_complaint', ipType: 'trademark', inventory: 'small_or_stop' },
      disputed: [],
    });
  });

  it('leaves a fact read two ways unset, and says which', () => {
    expect(
      mergeFacts(
        { ipType: 'design_patent', listingIsOurs: 'yes' },
        { ipType: 'copyright', listingIsOurs: 'yes' },
      ),
    ).toEqual({
      facts: { listingIsOurs: 'yes' },
      disputed: ['ipType'],
    });
  });

  it("never takes the seller's defence from the model alone", () => {
    const m = mergeFacts(
      {},
      { listingIsOurs: 'no', usesTheirIp: 'no', rights: 'own', complainantContact: 'no_reply' },
    );
    expect(m.facts).toEqual({});
    // Adverse or neutral values are taken.
    expect(mergeFacts({}, { usesTheirIp: 'yes', rights: 'none' }).facts).toEqual({
      usesTheirIp: 'yes',
      rights: 'none',
    });
    // Agreeing with the rules is fine.
    expect(mergeFacts({ rights: 'own' }, { rights: 'own' }).facts).toEqual({ rights: 'own' });
  });

  it('keeps a court or letter reading when the model reads a milder notice', () => {
    expect(mergeFacts({ notice: 'court_or_tro' }, { notice: 'platform_complaint' })).toEqual({
      facts: { notice: 'court_or_tro' },
      disputed: [],
    });
    expect(mergeFacts({ notice: 'court_or_tro' }, { notice: 'rights_holder_letter' }).disputed).toEqual([
      'notice',
    ]);
  });

  it.each([
    'Got an email from Greer, Burns & Crain for Oakley about aliexpress item 1005006123456789. They say our sunglasses copy the design.',
    'Attorney Johnson wrote to us on behalf of Nike regarding https://www.aliexpress.com/item/1005006123456789.html',
  ])('never takes a platform complaint the model alone read (it is asked): %s', (text) => {
    const rule = extractFacts(text, '2026-12-01').facts;
    expect(rule.notice).toBeUndefined();
    expect(mergeFacts(rule, { notice: 'platform_complaint' }).facts.notice).toBeUndefined();
  });

  it('takes a court or letter notice the model alone read: it only makes the advice more careful', () => {
    expect(mergeFacts({}, { notice: 'rights_holder_letter' }).facts.notice).toBe('rights_holder_letter');
    expect(mergeFacts({}, { notice: 'court_or_tro' }).facts.notice).toBe('court_or_tro');
  });

  it("keeps the rules' listing from a link, and a model's listing only with its platform", () => {
    expect(
      mergeFacts(
        { platform: 'amazon', listingId: 'B0C1234567' },
        { platform: 'aliexpress', listingId: '1005006123456789' },
      ).facts,
    ).toEqual({
      platform: 'amazon',
      listingId: 'B0C1234567',
    });
    expect(
      mergeFacts({ platform: 'amazon' }, { platform: 'aliexpress', listingId: '1005006123456789' }).facts,
    ).toEqual({
      platform: 'amazon',
    });
  });
});

describe("a model's facts, checked against the message", () => {
  it('drops a listing id not in the message, a future or impossible date, and nulls', () => {
    const out = { ...none, platform: 'amazon' as const, listingId: 'B0INJECTED', noticeDate: '2026-13-40' };
    expect(sanitizeLlmFacts(out, 'complaint on amazon', '2026-11-28')).toEqual({ platform: 'amazon' });
    expect(sanitizeLlmFacts({ ...none, noticeDate: '2026-11-29' }, 'x', '2026-11-28')).toEqual({});
    expect(sanitizeLlmFacts({ ...none, noticeDate: '2026-11-20' }, 'x', '2026-11-28')).toEqual({
      noticeDate: '2026-11-20',
    });
  });

  it('keeps a listing id the message contains, with its platform', () => {
    const out = { ...none, platform: 'amazon' as const, listingId: 'B0C1234567' };
    expect(sanitizeLlmFacts(out, 'asin B0C1234567 got flagged', '2026-11-28')).toEqual({
      platform: 'amazon',
      listingId: 'B0C1234567',
    });
  });
});
