import { describe, expect, it } from 'vitest';
import { Details } from '../../../src/domain/model/facts.js';
import { readIntake, sentencesOf } from '../../../src/domain/reading/detail-intake.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';

const lower = (text: string) => ` ${text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ')} `;
const read = (text: string) => readIntake(text, lower(text));

describe('sentences', () => {
  it('split at full stops before a capital, not after a company abbreviation', () => {
    expect(sentencesOf('We are Acme Co. Ltd in No. 8 Road. We sell cups.\nSecond line')).toEqual([
      'We are Acme Co. Ltd in No. 8 Road.',
      'We sell cups.',
      'Second line',
    ]);
  });
});

describe('the defendant entity', () => {
  it.each([
    [
      'our company is Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China',
      'Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China',
    ],
    ['Our company name is Yiwu Bright Home Co., Ltd. We sell on Amazon.', 'Yiwu Bright Home Co., Ltd.'],
    [
      'We are Guangzhou Lemon Tech Co., Ltd, based in Guangzhou, China.',
      'Guangzhou Lemon Tech Co., Ltd, Guangzhou, China',
    ],
    [
      'Company: Ningbo Star Import & Export Co., Ltd.; address: No. 8 Jiangbei Road, Ningbo, China',
      'Ningbo Star Import & Export Co., Ltd.; address: No. 8 Jiangbei Road, Ningbo, China',
    ],
    ['Legal entity: Hangzhou Blue Sky Technology LLC', 'Hangzhou Blue Sky Technology LLC'],
    [
      '我们公司是深圳市方圆贸易有限公司，地址：深圳市龙岗区坂田街道1号',
      '深圳市方圆贸易有限公司; address: 深圳市龙岗区坂田街道1号',
    ],
    ['公司名称：义乌市星辰电子商务有限公司', '义乌市星辰电子商务有限公司'],
  ])('%s', (text, want) => {
    expect(read(text).defendant).toBe(want);
  });

  it.each([
    'our company is small, we have 3 people',
    'our company is Chinese',
    'The plaintiff is Acme Brands Co., Ltd.',
    'their company is Acme Holdings Inc.',
    'we are Doe 45 on Schedule A',
    'we are Amazon sellers',
    '对方公司是某某科技有限公司',
    'a company called PawJoy complained',
  ])('not from: %s', (text) => {
    expect(read(text).defendant).toBeUndefined();
  });
});

describe('seller ids and store links', () => {
  it('reads labelled ids and storefront links, not product pages or ASINs', () => {
    const d = read(
      'our seller id is A1B2C3D4E5F6G7, store https://www.aliexpress.com/store/1102345678 and the item https://www.aliexpress.com/item/1005006123456789.html',
    );
    expect(d.sellerIds).toEqual(['A1B2C3D4E5F6G7']);
    expect(d.storeUrls).toEqual(['https://www.aliexpress.com/store/1102345678']);
  });

  it.each([
    ['Amazon seller ID: A2XYZ9KLMN0PQ3', ['A2XYZ9KLMN0PQ3'], undefined],
    [
      'storefront https://www.amazon.com/sp?seller=A2XYZ9KLMN0PQ3.',
      ['A2XYZ9KLMN0PQ3'],
      ['https://www.amazon.com/sp?seller=A2XYZ9KLMN0PQ3'],
    ],
    ['店铺ID：912345678', ['912345678'], undefined],
    ['merchant token A3BC1DEF2GHIJ4 on amazon', ['A3BC1DEF2GHIJ4'], undefined],
    ['our ebay store ebay.com/str/happyhomegoods', undefined, ['ebay.com/str/happyhomegoods']],
  ])('%s', (text, ids, urls) => {
    const d = read(text);
    expect(d.sellerIds).toEqual(ids);
    expect(d.storeUrls).toEqual(urls);
  });

  it.each([
    'seller id unknown',
    'ASIN B0C1234567 is the listing',
    'store id: not sure',
    'https://www.amazon.com/dp/B0C1234567',
    'complaint id 8812345678',
  ])('none in: %s', (text) => {
    const d = read(text);
    expect(d.sellerIds).toBeUndefined();
    expect(d.storeUrls).toBeUndefined();
  });
});

describe('the Doe number on Schedule A', () => {
  it.each([
    ['we are Doe 123 in the case', 123],
    ['We are listed as Defendant No. 45 on Schedule A', 45],
    ['our store is defendant #7', 7],
    ['we are number 77 on Schedule A', 77],
    ['Schedule A, line 12: happyhome-store', 12],
    ['我们是第45号被告', 45],
    ['我们在附表A中的第88个', 88],
    ['被告编号：16号', 16],
    // a comma after the number ends the clause, not the number
    ['we are Doe 112, our seller ID is A2QX7RT9PLMN3K', 112],
    ['Schedule A case in Illinois, we are defendant #132, case 1:26-cv-01234', 132],
    ['we are defendant #143 on Schedule A, case 1:26-cv-08812.', 143],
    ['Defendant No. 45, and our PayPal is frozen', 45],
  ])('%s', (text, n) => {
    expect(read(text).doeNumber).toBe(n);
  });

  it.each([
    'Does 1-100, the Partnerships identified on Schedule A',
    'DOES 1 through 300',
    'Doe 1 through Doe 300',
    'Schedule A lists 45 defendants',
    'Case No. 1:25-cv-01234',
    'Defendant No. 12 and Defendant No. 14 are ours',
    'we got 45 days to answer as a defendant',
    'we are Doe 12, 14 and 16',
    'Doe 12 or 14, not sure which',
    'we are Doe 12 & 13',
    'we are Doe 1,234 on it',
  ])('not from: %s', (text) => {
    expect(read(text).doeNumber).toBeUndefined();
  });
});

describe('the date first listed or sold', () => {
  it.each([
    ['we first listed it on March 3, 2024', '2024-03-03'],
    ['We started selling this in 2023-05-01.', '2023-05-01'],
    ['the product went live 2024-06-15 on Amazon', '2024-06-15'],
    ['Date First Available: January 12, 2023', '2023-01-12'],
    ['on sale since 5 June 2022', '2022-06-05'],
    ['上架时间：2024年3月1日', '2024-03-01'],
    ['2023年5月2日上架的', '2023-05-02'],
    // traditional characters
    ['我們從2024年3月5日開始賣這個產品', '2024-03-05'],
    ['上架時間：2024年3月1日', '2024-03-01'],
  ])('%s', (text, iso) => {
    expect(read(text).firstListed).toBe(iso);
  });

  it.each([
    'we started selling in 2023',
    'we were listed as a defendant on December 1, 2026',
    'we delisted it on 2026-12-01',
    'the complaint was filed on March 3, 2026',
    'we first listed it last spring',
    'listed it on February 30, 2024',
  ])('not from: %s', (text) => {
    expect(read(text).firstListed).toBeUndefined();
  });
});

describe('the supplier', () => {
  it.each([
    ['our supplier is Yiwu Hongda Factory', 'Yiwu Hongda Factory'],
    ['We bought them from Dongguan Sunrise Plastics on 1688.', 'Dongguan Sunrise Plastics on 1688'],
    ['The manufacturer is a factory in Ningbo', 'factory in Ningbo'],
    ['供应商是义乌宏达工厂', '义乌宏达工厂'],
    ['我们从1688上的一家工厂进货', '1688上的一家工厂'],
    // traditional characters: read as simplified, the name kept as written
    ['供應商是東莞華興塑膠廠。', '東莞華興塑膠廠'],
    ['我們從義烏宏達工廠進貨', '義烏宏達工廠'],
    // the seller, as the subject of a clause joined to the buying
    [
      'We first listed the lamp on March 3, 2025 and buy it from Yiwu Jinlong Crafts Factory.',
      'Yiwu Jinlong Crafts Factory',
    ],
    ['We sell it on Amazon and bought them from Ningbo Star Crafts last year', 'Ningbo Star Crafts'],
    ['I also buy them from Shantou Toys Co.', 'Shantou Toys Co.'],
    // the name ends where a new clause starts, not at a company's own comma
    ['our supplier is Yiwu Hongda Factory, we first listed it in 2024', 'Yiwu Hongda Factory'],
    ['Our supplier is Ningbo Star Co., Ltd., and they have the invoices', 'Ningbo Star Co., Ltd.'],
  ])('%s', (text, who) => {
    expect(read(text).supplier).toBe(who);
  });

  it.each([
    'the supplier said it was fine',
    'our supplier is not responding',
    'they are not our supplier',
    'a customer bought it from us',
    '供应商是谁不知道',
    'We think they buy it from Acme Trading.',
    'We never listed it and bought it from Acme Trading',
    'we sold 200 units, and a customer bought it from Walmart',
    'We got the TRO and the brand says we bought them from Acme Trading?',
    'We will list it and buy it from Acme Trading next month',
    '供應商是誰不知道',
  ])('not from: %s', (text) => {
    expect(read(text).supplier).toBeUndefined();
  });
});

describe('earlier complaints from the same brand', () => {
  it.each([
    'this is the second complaint from this brand',
    'Acme complained before, in March',
    'It is not the first time: they reported us last year',
    'the same brand also complained about another listing',
    '这个品牌之前也投诉过我们',
    '这是第二次投诉',
  ])('said: %s', (text) => {
    expect(read(text).earlierComplaints).toBe(text);
  });

  it('an explicit "first complaint" is kept too (the lawyer asks either way)', () => {
    expect(read('This is the first complaint we ever got.').earlierComplaints).toBe(
      'This is the first complaint we ever got',
    );
  });

  it.each([
    'we got a complaint from Acme',
    'is this the second step?',
    'This is the first complaint we ever got. Actually they complained before too.',
  ])('not (or not clearly) from: %s', (text) => {
    expect(read(text).earlierComplaints).toBeUndefined();
  });
});

describe('what was already signed, paid or said to the plaintiff', () => {
  it.each([
    'we already paid them $2,000 and signed a settlement agreement',
    "We replied to the law firm's email on Dec 2",
    'I called their lawyer and told them we would remove it',
    'We have not contacted the plaintiff or paid anything',
    '我们已经和对方律师联系了',
  ])('%s', (text) => {
    expect(read(text).toldPlaintiff).toBe(text);
  });

  it.each([
    'Should we pay them?',
    'they asked us to sign a settlement',
    'Do not sign anything they send',
    'we will reply to the law firm tomorrow',
    '要不要联系对方律师？',
    'we replied to Amazon',
  ])('not from: %s', (text) => {
    expect(read(text).toldPlaintiff).toBeUndefined();
  });
});

describe('settlement authority', () => {
  it.each([
    'we can pay up to $2,000 to settle',
    'The boss decides on any settlement',
    "we won't pay more than $1,500",
    'our settlement budget is 3000 USD',
    '最多能赔5000美元',
  ])('%s', (text) => {
    expect(read(text).settlementAuthority).toBe(text);
  });

  it.each([
    'they demand $15,000',
    'can we settle for $2,000?',
    'How much would a settlement cost',
    'the settlement they offered is $8,000',
  ])('not from: %s', (text) => {
    expect(read(text).settlementAuthority).toBeUndefined();
  });
});

describe('how the case was served', () => {
  it('reads who sent it, the link, and which papers were downloaded or not', () => {
    const d = read(
      'We were served by email from service@gbc-law.com with a link https://www.dropbox.com/sh/abc123 to the complaint, TRO and Schedule A. We downloaded the complaint and the TRO but could not download Schedule A.',
    );
    expect(d.service).toBe(
      'sent by service@gbc-law.com; link: https://www.dropbox.com/sh/abc123; downloaded: the complaint, the TRO; not downloaded: Schedule A',
    );
  });

  it.each([
    [
      'got an email about the TRO, link to documents: http://www.serviceofprocess.net/case/2512345',
      'link: http://www.serviceofprocess.net/case/2512345',
    ],
    ['The summons was served by email. The link has expired', 'served by email'],
    ['法院的传票是邮件送达的，我们下载了起诉书', 'served by email; downloaded: the complaint'],
  ])('%s', (text, want) => {
    expect(read(text).service).toBe(want);
  });

  it.each([
    'we got a complaint on aliexpress, link https://www.aliexpress.com/item/1005006123456789.html',
    'Amazon emailed us from notice-dispute@amazon.com about a patent complaint',
    'see https://www.example.com for our products',
  ])('none in: %s', (text) => {
    expect(read(text).service).toBeUndefined();
  });
});

describe('in the whole reading', () => {
  it('a Schedule A seller message gives every intake detail, and they fit the schema', () => {
    const text = [
      'We are Doe 57 on Schedule A. Our company is Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China.',
      'Seller ID: A1B2C3D4E5F6G7, store https://www.amazon.com/sp?seller=A1B2C3D4E5F6G7',
      'We first listed it on March 3, 2024. Our supplier is Yiwu Hongda Factory.',
      'We have not contacted the plaintiff or paid anything. We can pay up to $2,000.',
    ].join('\n');
    const d = extractFacts(text, '2026-12-05').details;
    expect(Details.parse(d)).toEqual(d);
    expect(d).toMatchObject({
      doeNumber: 57,
      defendant: 'Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China',
      sellerIds: ['A1B2C3D4E5F6G7'],
      storeUrls: ['https://www.amazon.com/sp?seller=A1B2C3D4E5F6G7'],
      firstListed: '2024-03-03',
      supplier: 'Yiwu Hongda Factory',
      toldPlaintiff: 'We have not contacted the plaintiff or paid anything',
      settlementAuthority: 'We can pay up to $2,000',
    });
  });

  it('stays fast on long repetitive input (linear-time patterns)', () => {
    const inputs = [
      'Aa, '.repeat(5000),
      'doe '.repeat(5000),
      'www.'.repeat(5000),
      'we can '.repeat(3000),
      'a'.repeat(20_000),
      'Our company is '.repeat(2000),
      '我们公司是'.repeat(3000),
    ];
    const start = Date.now();
    for (const s of inputs) read(s);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
