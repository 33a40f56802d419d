import { describe, expect, it } from 'vitest';
import { Details } from '../../../src/domain/model/facts.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';

// A Saturday; "yesterday" is Fri 2026-11-27.
const TODAY = '2026-11-28';

const ex = (text: string) => extractFacts(text, TODAY);
const details = (text: string) => ex(text).details;

describe('several listings in one message', () => {
  it('the first is the case listing, the rest are other listings, without duplicates', () => {
    const r = ex(
      'Schedule A case names https://www.aliexpress.com/item/1005006123456789.html, 1005006123456790, ' +
        'B0C1234567 and again 1005006123456790',
    );
    expect(r.facts).toMatchObject({ platform: 'aliexpress', listingId: '1005006123456789' });
    expect(r.details.otherListings).toEqual([
      { platform: 'aliexpress', listingId: '1005006123456790' },
      { platform: 'amazon', listingId: 'B0C1234567' },
    ]);
  });

  it('one listing: no other listings', () => {
    expect(details('complaint on 1005006123456789').otherListings).toBeUndefined();
  });

  it('a complaint id or a case id is not a listing', () => {
    const r = ex('Complaint ID: 8812345678901234 about item 1005006123456789, Amazon case ID 12345678901');
    expect(r.facts.listingId).toBe('1005006123456789');
    expect(r.details.otherListings).toBeUndefined();
    expect(r.details.complaintId).toBe('8812345678901234');
  });
});

describe('the TRO issue date, apart from the notice date', () => {
  it.each([
    ['TRO issued on Nov 20', '2026-11-20'],
    ['the order was entered 11/20/2026', '2026-11-20'],
    ['the temporary restraining order dated November 20', '2026-11-20'],
    ['a court TRO, issued Nov 20, our PayPal $3,000 frozen', '2026-11-20'],
    ['TRO granted on 2026-11-19 in the Northern District of Illinois', '2026-11-19'],
    ['临时禁令于11月20日签发', '2026-11-20'],
  ])('%s → troDate %s', (text, troDate) => {
    const r = ex(text);
    expect(r.details.troDate).toBe(troDate);
    expect(r.facts.noticeDate).toBeUndefined();
  });

  it('both dates in one message stay apart', () => {
    const r = ex('TRO issued on Nov 20, the email from the platform came yesterday');
    expect(r.details.troDate).toBe('2026-11-20');
    expect(r.facts.noticeDate).toBe('2026-11-27');
  });

  it('a date with no court order is the notice date, not a TRO date', () => {
    const r = ex('complaint dated Nov 20');
    expect(r.details.troDate).toBeUndefined();
    expect(r.facts.noticeDate).toBe('2026-11-20');
  });
});

describe('a demand letter: the amount and the reply date', () => {
  it.each([
    ['their lawyer demands $15,000', '$15,000'],
    ['they want a settlement of USD 8,000', 'USD 8,000'],
    ['the letter asks us to pay 5,000 USD in damages', '5,000 USD'],
    ['律师函要求赔偿5000美元', '5000美元'],
  ])('%s → %s', (text, amount) => {
    expect(details(text).demandAmount).toBe(amount);
  });

  it('a frozen amount is not the demand', () => {
    const d = details('a letter from their lawyers demands $5,000 and $1,200 is frozen in PayPal');
    expect(d.demandAmount).toBe('$5,000');
    expect(d.frozenAmount).toBe('$1,200 (PayPal)');
    expect(details('$3,200 frozen').demandAmount).toBeUndefined();
  });

  it.each([
    ['we must respond by December 10', '2026-12-10'],
    ['reply before Dec 10 or they sue', '2026-12-10'],
    ['respond by 12/10/2026', '2026-12-10'],
    ['deadline: 2026-12-05', '2026-12-05'],
    ['请在12月10日前回复', '2026-12-10'],
  ])('%s → responseDue %s', (text, date) => {
    expect(details(text).responseDue).toBe(date);
  });

  it('"within N days" counts from the notice date in the text, else today', () => {
    expect(details('the letter came on Nov 20 and says respond within 10 days').responseDue).toBe(
      '2026-11-30',
    );
    expect(details('they want an answer within 10 days').responseDue).toBe('2026-12-08');
    expect(details('reply within 5 business days').responseDue).toBe('2026-12-04');
    expect(details('10天内回复').responseDue).toBe('2026-12-08');
  });

  it('"within N days" counts from the case’s notice date when the text has none', () => {
    expect(
      extractFacts('they want an answer within 10 days', TODAY, { noticeDate: '2026-11-20' }).details
        .responseDue,
    ).toBe('2026-11-30');
  });

  it('a reply date is never the notice date', () => {
    expect(ex('respond by Nov 30').facts.noticeDate).toBeUndefined();
  });
});

describe('who and where: complaint id, plaintiff, law firm, court, store', () => {
  it.each([
    ['Complaint ID: 1234567', '1234567'],
    ['complaint id 8812345678, trademark', '8812345678'],
    ['Amazon case ID 12345678901', '12345678901'],
    ['投诉编号：20261120001', '20261120001'],
  ])('complaint id: %s', (text, id) => {
    expect(details(text).complaintId).toBe(id);
  });

  it.each([
    ['Plaintiff: Acme Corp', 'Acme Corp'],
    ['the plaintiff is Acme Holdings LLC.', 'Acme Holdings LLC'],
    ['Acme Inc. v. The Partnerships and Unincorporated Associations Identified on Schedule A', 'Acme Inc.'],
    ['Case 1:25-cv-01234, Nike, Inc. v. Schedule A defendants', 'Nike, Inc.'],
    ['原告：深圳某某科技有限公司', '深圳某某科技有限公司'],
  ])('plaintiff: %s', (text, plaintiff) => {
    expect(details(text).plaintiff).toBe(plaintiff);
  });

  it.each([
    ['the email is from Greer, Burns & Crain', 'Greer, Burns & Crain'],
    ['GBC sent us the TRO', 'Greer, Burns & Crain'],
    ['a letter from Keith Vogt about a TRO', 'Keith A. Vogt, Ltd.'],
    ['Palmer Law Group represents the brand', 'Palmer Law Group'],
    ['counsel for plaintiff: Smith & Jones LLP', 'Smith & Jones LLP'],
    ['from Whitewood Law Firm', 'Whitewood Law Firm'],
    ['a letter from Acme LLP about our listing', 'Acme LLP'],
    ['got an email from GBC law firm', 'Greer, Burns & Crain'],
  ])('law firm: %s', (text, firm) => {
    expect(details(text).lawFirm).toBe(firm);
  });

  it.each([
    ['case in N.D. Ill.', 'N.D. Ill.'],
    ['Northern District of Illinois', 'Northern District of Illinois'],
    ['filed in S.D.N.Y.', 'S.D.N.Y.'],
    [
      'United States District Court for the Western District of Pennsylvania',
      'Western District of Pennsylvania',
    ],
    ['伊利诺伊州北区法院', 'Northern District of Illinois'],
  ])('court: %s', (text, court) => {
    expect(details(text).court).toBe(court);
  });

  it.each([
    ['our store XYZ Official Store got a complaint', 'XYZ Official Store'],
    ['store: Sunny Home Goods', 'Sunny Home Goods'],
    ['Store name: ABC Tools, item 1005006123456789', 'ABC Tools'],
    ['店铺：阳光家居', '阳光家居'],
  ])('store: %s', (text, store) => {
    expect(details(text).store).toBe(store);
  });

  it.each(['it was never in our store', 'check the rest of our store', 'our store on AliExpress'])(
    'no store name: %s',
    (text) => {
      expect(details(text).store).toBeUndefined();
    },
  );
});

describe('what was deleted', () => {
  it.each<[string, string[] | undefined, boolean | undefined]>([
    ['we already deleted the listing', ['listing'], true],
    ['we deleted it yesterday', ['listing'], true],
    ['we deleted the sales records', ['records'], undefined],
    ['we deleted the listing and the order history', ['listing', 'records'], true],
    ['we took the listing offline', undefined, true],
    ['should we delete the listing?', undefined, undefined],
    ['we have not deleted the listing', undefined, undefined],
    ['链接已删除', ['listing'], true],
    ['已经删除了销售记录', ['records'], undefined],
    ['已下架', undefined, true],
  ])('%s', (text, deleted, delisted) => {
    const d = details(text);
    expect(d.deleted).toEqual(deleted);
    expect(d.delisted).toBe(delisted);
  });
});

describe('what an authorization rests on', () => {
  it.each([
    ['we have an authorization letter from the brand', 'authorized', 'letter'],
    ['we have invoices from the brand', 'authorized', 'invoices'],
    ['we are licensed by the owner', 'authorized', 'letter'],
  ])('%s', (text, rights, basis) => {
    const r = ex(text);
    expect(r.facts.rights).toBe(rights);
    expect(r.details.rightsBasis).toBe(basis);
  });
});

describe('a pasted notice', () => {
  const NOTICE = [
    'Dear Seller,',
    '',
    'We received a notice of intellectual property infringement regarding your listing',
    'https://www.aliexpress.com/item/1005006123456789.html.',
    'Complaint ID: 8812345678',
    'Rights holder: Acme Corp. Type: trademark.',
    'Please respond within 3 business days.',
  ].join('\n');

  it('is kept whole, and read for facts', () => {
    const r = ex(NOTICE);
    expect(r.details.noticeText).toBe(NOTICE);
    expect(r.details.complaintId).toBe('8812345678');
    expect(r.facts).toMatchObject({ listingId: '1005006123456789', ipType: 'trademark' });
  });

  it('a seller’s own story is not a notice, even a long one', () => {
    expect(
      details(
        'we received a notice of infringement on item 1005006123456789 yesterday, what should we do? we have lots of stock and want to keep selling, and we got a cease and desist too',
      ).noticeText,
    ).toBeUndefined();
  });

  it('a short message is not a notice', () => {
    expect(details('Complaint ID: 8812345678, what now?').noticeText).toBeUndefined();
    expect(details('got a trademark complaint\non 1005006123456789').noticeText).toBeUndefined();
  });

  it('a very long notice is cut under the limit, with a marker', () => {
    const long = `Dear Seller,\n${'Notice of infringement. '.repeat(2000)}`;
    const text = details(long).noticeText ?? '';
    expect(text.length).toBeLessThanOrEqual(20_000);
    expect(text).toMatch(/\[… cut: \d+ more characters\]$/);
    expect(Details.safeParse(details(long)).success).toBe(true);
  });
});

describe('every new detail fits the schema', () => {
  it.each([
    'TRO issued on Nov 20 by GBC, Plaintiff: Acme Corp, N.D. Ill., demands $15,000, respond by Dec 10',
    '我们的店铺：阳光家居，收到临时禁令，资金冻结 $3,000，库存5000件，链接已删除',
  ])('%s', (text) => {
    expect(Details.safeParse(details(text)).success).toBe(true);
  });
});

describe('notices as platforms and courts write them', () => {
  it('an AliExpress notice', () => {
    const r = ex(
      [
        'Dear Seller,',
        'We have received an intellectual property infringement complaint against your product(s).',
        'Complaint ID: 4001234567',
        'Product ID: 1005006123456789, 1005006123456790',
        'Rights holder: Shenzhen Acme Technology Co., Ltd.',
        'IP type: Design patent',
      ].join('\n'),
    );
    expect(r.facts).toMatchObject({
      listingId: '1005006123456789',
      notice: 'platform_complaint',
      ipType: 'design_patent',
    });
    expect(r.details).toMatchObject({
      complaintId: '4001234567',
      plaintiff: 'Shenzhen Acme Technology Co., Ltd.',
      otherListings: [{ platform: 'aliexpress', listingId: '1005006123456790' }],
    });
    expect(r.details.noticeText).toBeDefined();
  });

  it('a Chinese notice is long enough to keep', () => {
    const r = ex(
      '尊敬的卖家：\n我们收到权利人对您店铺商品的知识产权投诉。\n投诉编号：20261120001\n商品ID：1005006123456789\n权利人：某某品牌有限公司\n知识产权类型：商标',
    );
    expect(r.details).toMatchObject({ complaintId: '20261120001', plaintiff: '某某品牌有限公司' });
    expect(r.details.noticeText).toBeDefined();
  });

  it('a court order: the caption’s plaintiff, not the counsel; the entry date is the TRO date', () => {
    const r = ex(
      [
        'UNITED STATES DISTRICT COURT',
        'NORTHERN DISTRICT OF ILLINOIS',
        'ACME BRANDS, INC.,',
        'Plaintiff,',
        'v.',
        'THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE "A",',
        'Case No. 1:25-cv-01234',
        'SEALED TEMPORARY RESTRAINING ORDER',
        'ENTERED: November 20, 2026',
        'Counsel for Plaintiff: Greer, Burns & Crain, Ltd.',
      ].join('\n'),
    );
    expect(r.facts.notice).toBe('court_or_tro');
    expect(r.facts.noticeDate).toBeUndefined();
    expect(r.details).toMatchObject({
      plaintiff: 'ACME BRANDS, INC.',
      lawFirm: 'Greer, Burns & Crain',
      troDate: '2026-11-20',
      caseNumber: '1:25-cv-01234',
    });
  });

  it('"amazon says our ASIN infringes" is a platform notice', () => {
    expect(ex('amazon says ASIN B0C1234567 infringes Acme trademark').facts.notice).toBe(
      'platform_complaint',
    );
  });
});

describe('a law firm is not the brand', () => {
  it('a letter from a firm: the notice is a rights-holder letter, the firm is not the complainant', () => {
    const r = ex('a letter from Acme LLP about 1005006123456789');
    expect(r.facts.notice).toBe('rights_holder_letter');
    expect(r.details.lawFirm).toBe('Acme LLP');
    expect(r.details.brand).toBeUndefined();
  });
});

describe('words that must not become details', () => {
  it.each<[string, Record<string, unknown>]>([
    ['the customer order dated Nov 20 was shipped late', { troDate: undefined }],
    ['our company Acme LLC sells phone cases', { lawFirm: undefined }],
    ['Plaintiff: Acme Holdings LLC, trademark', { lawFirm: undefined, plaintiff: 'Acme Holdings LLC' }],
    ['the complainant is not the brand owner', { plaintiff: undefined }],
    ['Case No. 1:25-cv-01234', { complaintId: undefined, caseNumber: '1:25-cv-01234' }],
    ['a complaint no. from the brand', { complaintId: undefined }],
    ['we paid by PayPal on Dec 1', { responseDue: undefined }],
    ['请删除侵权链接', { deleted: undefined, delisted: undefined }],
    ['没有删除链接', { deleted: undefined }],
    ['可以删除吗？', { deleted: undefined }],
    ['we sold $3,000 of it last year', { demandAmount: undefined }],
  ])('%s', (text, expected) => {
    const d = details(text) as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected)) expect(d[k]).toEqual(v);
  });
});
