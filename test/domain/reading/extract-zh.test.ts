import { describe, expect, it } from 'vitest';
import { Details, Facts } from '../../../src/domain/model/facts.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';

// A Saturday; 昨天 is Fri 2026-11-27, 前天 Thu 2026-11-26.
const TODAY = '2026-11-28';
const facts = (text: string) => extractFacts(text, TODAY).facts;
const details = (text: string) => extractFacts(text, TODAY).details;

describe('Chinese: what arrived', () => {
  it.each([
    ['收到一个知识产权投诉', 'platform_complaint'],
    ['平台投诉，说我们侵权', 'platform_complaint'],
    ['收到律师函', 'rights_holder_letter'],
    ['资金冻结了', 'court_or_tro'],
    ['PayPal账户被冻结', 'court_or_tro'],
    ['收到临时禁令', 'court_or_tro'],
    ['我们被起诉了', 'court_or_tro'],
    ['我们是被告之一', 'court_or_tro'],
    ['美国法院的传票', 'court_or_tro'],
    ['收到TRO', 'court_or_tro'],
  ])('%s → %s', (text, notice) => {
    expect(facts(text).notice).toBe(notice);
  });

  it.each(['资金没有被冻结', '账户未冻结'])('not frozen is not a court case: %s', (text) => {
    expect(facts(text).notice).not.toBe('court_or_tro');
  });
});

describe('Chinese: the right named', () => {
  it.each([
    ['商标投诉', 'trademark'],
    ['外观专利投诉', 'design_patent'],
    ['外观设计专利', 'design_patent'],
    ['发明专利', 'utility_patent'],
    ['实用新型专利', 'utility_patent'],
    ['版权投诉', 'copyright'],
    ['著作权侵权', 'copyright'],
  ])('%s → %s', (text, ipType) => {
    expect(facts(text).ipType).toBe(ipType);
  });
});

describe('Chinese: the seller’s answers', () => {
  it.each<[string, Record<string, string>]>([
    ['这个链接不是我们的', { listingIsOurs: 'no' }],
    ['我们从未上架过这个产品', { listingIsOurs: 'no' }],
    ['是我们的链接', { listingIsOurs: 'yes' }],
    ['我们没有授权', { rights: 'none' }],
    ['无授权', { rights: 'none' }],
    ['我们有品牌授权书', { rights: 'authorized' }],
    ['产品上有他们的logo', { usesTheirIp: 'yes' }],
    ['产品上没有他们的商标', { usesTheirIp: 'no' }],
    ['我们没有侵权', { usesTheirIp: 'no' }],
    ['不确定是否侵权', { usesTheirIp: 'unsure' }],
    ['联系了对方好几次，没有回复', { complainantContact: 'no_reply' }],
    ['还没有联系投诉方', { complainantContact: 'not_tried' }],
    ['库存很大，想继续卖', { inventory: 'large_keep_selling' }],
    ['不想继续卖了', { inventory: 'small_or_stop' }],
  ])('%s', (text, expected) => {
    expect(facts(text)).toMatchObject(expected);
  });

  it('an authorization letter is the basis of the authorization', () => {
    expect(details('我们有授权书').rightsBasis).toBe('letter');
  });

  it('the complainant’s claim is not the seller’s answer', () => {
    expect(facts('对方声称我们的产品用了他们的logo').usesTheirIp).toBeUndefined();
    expect(facts('投诉方说我们侵权，但是我们没有侵权').usesTheirIp).toBe('no');
  });
});

describe('Chinese: dates', () => {
  it.each([
    ['今天收到投诉', '2026-11-28'],
    ['昨天收到的', '2026-11-27'],
    ['前天收到律师函', '2026-11-26'],
    ['3天前收到', '2026-11-25'],
    ['2026年11月20日收到', '2026-11-20'],
    ['11月20日收到', '2026-11-20'],
  ])('%s → %s', (text, date) => {
    expect(facts(text).noticeDate).toBe(date);
  });
});

describe('Chinese and English in one message', () => {
  it('reads every part', () => {
    const ex = extractFacts(
      '昨天收到TRO，PayPal资金冻结 $3,000，商标是Nike的，链接 https://www.aliexpress.com/item/1005006123456789.html 已删除，库存200件',
      TODAY,
    );
    expect(ex.facts).toMatchObject({
      platform: 'aliexpress',
      listingId: '1005006123456789',
      notice: 'court_or_tro',
      ipType: 'trademark',
      noticeDate: '2026-11-27',
    });
    expect(ex.details).toMatchObject({
      frozenAmount: '$3,000 (PayPal)',
      stockUnits: 200,
      deleted: ['listing'],
      delisted: true,
    });
    expect(Facts.safeParse(ex.facts).success).toBe(true);
    expect(Details.safeParse(ex.details).success).toBe(true);
  });
});

describe('Chinese: words that must not become facts', () => {
  it.each<[string, Record<string, string | undefined>]>([
    ['能不能继续卖？', { inventory: undefined }],
    ['我们没有品牌授权', { rights: 'none', usesTheirIp: undefined }],
    ['对方威胁要起诉我们', { notice: undefined }],
    ['若不回复将起诉', { complainantContact: undefined, notice: undefined }],
  ])('%s', (text, expected) => {
    const f = facts(text) as Record<string, string | undefined>;
    for (const [k, v] of Object.entries(expected)) expect(f[k]).toBe(v);
  });
});
