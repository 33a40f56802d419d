import { describe, expect, it } from 'vitest';
import {
  findListingRefs,
  LISTING_EXAMPLES,
  type ListingRefProblem,
  listingRefMessage,
  parseListingRef,
} from '../../../src/domain/reading/listing-ref.js';

const ALI16 = '1005006123456789';

function okRef(input: string) {
  const r = parseListingRef(input);
  if (!r.ok) throw new Error(`expected ${input} to parse, got problem ${r.problem}`);
  return r.ref;
}

function problemOf(input: string): ListingRefProblem | 'ok' {
  const r = parseListingRef(input);
  return r.ok ? 'ok' : r.problem;
}

describe('parseListingRef: AliExpress', () => {
  it.each([
    // [input, listingId, marketplace]
    [`https://www.aliexpress.com/item/${ALI16}.html`, ALI16, 'aliexpress.com'],
    [
      `https://www.aliexpress.com/item/${ALI16}.html?spm=a2g0o.productlist.main.1.4c1f3b3bAbCdEf&gatewayAdapt=glo2usa`,
      ALI16,
      'aliexpress.com',
    ],
    [
      `https://www.aliexpress.com/item/${ALI16}.html?gatewayAdapt=4itemAdapt&sku_id=12000036541234567#nav-review`,
      ALI16,
      'aliexpress.com',
    ],
    [
      `https://www.aliexpress.us/item/3256805123456789.html?gatewayAdapt=glo2usa4itemAdapt`,
      '3256805123456789',
      'aliexpress.us',
    ],
    [`https://aliexpress.us/item/${ALI16}.html`, ALI16, 'aliexpress.us'],
    [`https://aliexpress.ru/item/${ALI16}.html?sku_id=12000036`, ALI16, 'aliexpress.ru'],
    [`https://m.aliexpress.ru/item/${ALI16}.html`, ALI16, 'aliexpress.ru'],
    [`https://m.aliexpress.com/item/${ALI16}.html`, ALI16, 'aliexpress.com'],
    [`https://m.aliexpress.us/item/${ALI16}.html`, ALI16, 'aliexpress.us'],
    [`https://www.aliexpress.com/i/${ALI16}.html`, ALI16, 'aliexpress.com'],
    [`https://m.aliexpress.com/i/${ALI16}.html`, ALI16, 'aliexpress.com'],
    [`https://www.aliexpress.com/s/item/${ALI16}.html`, ALI16, 'aliexpress.com'],
    [`https://m.aliexpress.com/s/item/${ALI16}.html?spm=a2g0n.detail`, ALI16, 'aliexpress.com'],
    [
      'https://www.aliexpress.com/store/product/Wholesale-Fashion-Bag-Women/1234567_32812345678.html',
      '32812345678',
      'aliexpress.com',
    ],
    [
      'https://www.aliexpress.com/item/Free-Shipping-Phone-Case/32812345678.html',
      '32812345678',
      'aliexpress.com',
    ],
    [`https://m.aliexpress.com/app/web_view.htm?productId=${ALI16}`, ALI16, 'aliexpress.com'],
    [
      `https://m.aliexpress.com/item/detail.htm?productId=4000123456789&spm=x`,
      '4000123456789',
      'aliexpress.com',
    ],
    [`aliexpress.com/item/${ALI16}.html`, ALI16, 'aliexpress.com'],
    [`www.aliexpress.com/item/${ALI16}.html`, ALI16, 'aliexpress.com'],
    [`http://www.aliexpress.com/item/${ALI16}.html`, ALI16, 'aliexpress.com'],
    [`HTTPS://WWW.ALIEXPRESS.COM/item/${ALI16}.html`, ALI16, 'aliexpress.com'],
    [`https://www.aliexpress.com/item/${ALI16}.html/`, ALI16, 'aliexpress.com'],
    [`https://www.aliexpress.com/item/${ALI16}`, ALI16, 'aliexpress.com'],
    [`https://www.aliexpress.com/item/${ALI16}.html.`, ALI16, 'aliexpress.com'],
    [`https://www.aliexpress.com/item/${ALI16}.html),`, ALI16, 'aliexpress.com'],
    [`"https://www.aliexpress.com/item/${ALI16}.html"`, ALI16, 'aliexpress.com'],
    [`  https://www.aliexpress.com/item/${ALI16}.html  `, ALI16, 'aliexpress.com'],
    [`<https://www.aliexpress.com/item/${ALI16}.html>`, ALI16, 'aliexpress.com'],
    [
      `<https://www.aliexpress.com/item/${ALI16}.html|aliexpress.com/item/${ALI16}.html>`,
      ALI16,
      'aliexpress.com',
    ],
    [`<https://www.aliexpress.com/item/${ALI16}.html|the reported listing>`, ALI16, 'aliexpress.com'],
    ['https://www.aliexpress.com/item/32812345678.html', '32812345678', 'aliexpress.com'],
    ['https://www.aliexpress.com/item/4000123456789.html', '4000123456789', 'aliexpress.com'],
  ])('%s', (input, listingId, marketplace) => {
    expect(okRef(input)).toEqual({ platform: 'aliexpress', listingId, marketplace });
  });

  it.each(['es', 'fr', 'pt', 'de', 'it', 'nl', 'ja', 'ko', 'ar', 'tr', 'pl', 'he', 'th', 'vi', 'id'])(
    'country subdomain %s.aliexpress.com',
    (cc) => {
      const ref = okRef(
        `https://${cc}.aliexpress.com/item/${ALI16}.html?spm=a2g0o.home.0.0&gatewayAdapt=glo2${cc}`,
      );
      expect(ref.platform).toBe('aliexpress');
      expect(ref.listingId).toBe(ALI16);
      expect(ref.marketplace).toBe(`${cc}.aliexpress.com`);
    },
  );

  it.each([
    ['32812345678', '11-digit (old 32… id)'],
    ['4000123456789', '13-digit (4000… id)'],
    [ALI16, '16-digit (1005… id)'],
    [` ${ALI16}. `, 'with spaces and a full stop'],
    [`"${ALI16}"`, 'in quotes'],
  ])('bare id %s (%s)', (input) => {
    const ref = okRef(input);
    expect(ref.platform).toBe('aliexpress');
    expect(ref.listingId).toBe(input.replace(/[^\d]/g, ''));
    expect(ref.marketplace).toBeUndefined();
  });
});

describe('parseListingRef: Amazon', () => {
  const ASIN = 'B0C1234567';
  it.each([
    // [input, listingId, marketplace]
    [`https://www.amazon.com/dp/${ASIN}`, ASIN, 'amazon.com'],
    [`https://www.amazon.com/dp/${ASIN}/`, ASIN, 'amazon.com'],
    [`https://www.amazon.com/dp/${ASIN}?th=1&psc=1`, ASIN, 'amazon.com'],
    [`https://www.amazon.com/gp/product/${ASIN}`, ASIN, 'amazon.com'],
    [
      `https://www.amazon.com/gp/product/${ASIN}/ref=ox_sc_act_title_1?smid=A1B2C3D4E5F6G7&psc=1`,
      ASIN,
      'amazon.com',
    ],
    [
      `https://www.amazon.com/Wireless-Earbuds-Bluetooth-Headphones-Waterproof/dp/${ASIN}/ref=sr_1_3?crid=2X&keywords=earbuds&qid=1700000000&sr=8-3`,
      ASIN,
      'amazon.com',
    ],
    [`https://www.amazon.com/gp/aw/d/${ASIN}/ref=ox_sc_saved_title_1?smid=A1&psc=1`, ASIN, 'amazon.com'],
    [`https://www.amazon.com/exec/obidos/ASIN/${ASIN}/ref=nosim`, ASIN, 'amazon.com'],
    [`https://www.amazon.com/o/ASIN/${ASIN}`, ASIN, 'amazon.com'],
    [
      `https://www.amazon.com/product-reviews/${ASIN}/ref=cm_cr_dp_d_show_all_btm?reviewerType=all_reviews`,
      ASIN,
      'amazon.com',
    ],
    [`https://www.amazon.com/Some-Product/product-reviews/${ASIN}`, ASIN, 'amazon.com'],
    [
      `https://www.amazon.com/gp/offer-listing/${ASIN}/ref=dp_olp_NEW_mbc?ie=UTF8&condition=new`,
      ASIN,
      'amazon.com',
    ],
    [
      `https://www.amazon.com/gp/product/handle-buy-box/ref=dp_start-bbf_1_glance?asin=${ASIN}`,
      ASIN,
      'amazon.com',
    ],
    [`https://www.amazon.com/s?k=earbuds&ASIN=${ASIN}`, ASIN, 'amazon.com'],
    [`https://www.amazon.com/dp/b0c1234567`, ASIN, 'amazon.com'],
    [`https://www.amazon.com/some-title/dp/b0c1234567/ref=sr_1_1`, ASIN, 'amazon.com'],
    [`https://smile.amazon.com/dp/${ASIN}`, ASIN, 'amazon.com'],
    [`https://m.amazon.com/dp/${ASIN}`, ASIN, 'amazon.com'],
    [`https://m.amazon.co.uk/gp/aw/d/${ASIN}`, ASIN, 'amazon.co.uk'],
    [`amazon.com/dp/${ASIN}`, ASIN, 'amazon.com'],
    [`www.amazon.de/dp/${ASIN}?language=en_GB`, ASIN, 'amazon.de'],
    [`http://amazon.com/dp/${ASIN}`, ASIN, 'amazon.com'],
    [`<https://www.amazon.com/dp/${ASIN}|amazon.com/dp/${ASIN}>`, ASIN, 'amazon.com'],
    [`https://www.amazon.com/dp/${ASIN}.`, ASIN, 'amazon.com'],
    // Book ASINs are ISBN-10s; they are accepted inside an Amazon URL.
    ['https://www.amazon.com/Some-Book-Title/dp/0307465357/ref=sr_1_1', '0307465357', 'amazon.com'],
    ['https://www.amazon.com/dp/030746535X', '030746535X', 'amazon.com'],
  ])('%s', (input, listingId, marketplace) => {
    expect(okRef(input)).toEqual({ platform: 'amazon', listingId, marketplace });
  });

  it.each([
    'com',
    'co.uk',
    'de',
    'fr',
    'it',
    'es',
    'ca',
    'com.mx',
    'com.br',
    'co.jp',
    'in',
    'com.au',
    'nl',
    'se',
    'pl',
    'com.tr',
    'ae',
    'sa',
    'sg',
    'com.be',
    'eg',
  ])('amazon.%s', (tld) => {
    expect(okRef(`https://www.amazon.${tld}/-/en/Some-Title/dp/${ASIN}/ref=sr_1_1?qid=1`)).toEqual({
      platform: 'amazon',
      listingId: ASIN,
      marketplace: `amazon.${tld}`,
    });
  });

  it.each([
    [ASIN, ASIN],
    ['b0c1234567', ASIN],
    ['B07XYZ1234', 'B07XYZ1234'],
    [` ${ASIN}, `, ASIN],
  ])('bare ASIN %s', (input, listingId) => {
    expect(okRef(input)).toEqual({ platform: 'amazon', listingId });
  });

  it('does not accept a bare ISBN-10 as an ASIN (it is not a B0 ASIN and too short for an AliExpress id)', () => {
    expect(problemOf('030746535X')).toBe('not_a_listing');
  });
});

describe('parseListingRef: other marketplaces', () => {
  it.each([
    ['https://www.ebay.com/itm/123456789012', 'ebay:123456789012', 'www.ebay.com'],
    [
      'https://www.ebay.com/itm/Some-Listing-Title/123456789012?hash=item1',
      'ebay:123456789012',
      'www.ebay.com',
    ],
    ['https://www.ebay.co.uk/itm/256123456789', 'ebay:256123456789', 'www.ebay.co.uk'],
    ['https://www.walmart.com/ip/Some-Product-Name/123456789', 'walmart:123456789', 'www.walmart.com'],
    ['https://www.walmart.com/ip/5012345678', 'walmart:5012345678', 'www.walmart.com'],
    ['https://www.etsy.com/listing/1234567890/handmade-leather-wallet', 'etsy:1234567890', 'www.etsy.com'],
    [
      'https://www.temu.com/wireless-earbuds-g-601099512345678.html?_oak_page_source=501',
      'temu:601099512345678',
      'www.temu.com',
    ],
    ['https://shopee.sg/product/123456789/23456789012', 'shopee:23456789012', 'shopee.sg'],
    ['https://shopee.com.my/Phone-Case-i.123456789.23456789012', 'shopee:23456789012', 'shopee.com.my'],
    [
      'https://shop.tiktok.com/view/product/1729384756102938475',
      'tiktok:1729384756102938475',
      'shop.tiktok.com',
    ],
    [
      'https://www.tiktok.com/view/product/1729384756102938475?region=US',
      'tiktok:1729384756102938475',
      'www.tiktok.com',
    ],
  ])('%s', (input, listingId, marketplace) => {
    expect(okRef(input)).toEqual({ platform: 'other', listingId, marketplace });
  });

  it('a marketplace page that is not a listing is not_a_listing', () => {
    expect(problemOf('https://www.ebay.com/usr/somestore')).toBe('not_a_listing');
    expect(problemOf('https://www.etsy.com/shop/SomeShop')).toBe('not_a_listing');
  });
});

describe('parseListingRef: problems', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['""', 'empty'],
    ['hello', 'not_a_listing'],
    ['what should I do?', 'not_a_listing'],
    ['B0123', 'not_a_listing'],
    ['B0C123456', 'not_a_listing'],
    ['B0C12345678', 'not_a_listing'],
    ['12345', 'not_a_listing'],
    ['123456789', 'not_a_listing'],
    ['123456789012345678', 'not_a_listing'],
    ['1005006123456789 1005006123456790', 'not_a_listing'],
    ['https://a.aliexpress.com/_mKxYz12', 'short_link'],
    ['a.aliexpress.com/_mKxYz12', 'short_link'],
    ['https://s.click.aliexpress.com/e/_DkABCDe', 'short_link'],
    ['https://click.aliexpress.com/e/_DkABCDe', 'short_link'],
    ['https://amzn.to/3AbCdEf', 'short_link'],
    ['https://amzn.eu/d/abc1234', 'short_link'],
    ['https://a.co/d/1AbCdEf', 'short_link'],
    ['a.co/d/1AbCdEf', 'short_link'],
    ['https://www.aliexpress.com/store/1234567', 'store_page'],
    ['https://www.aliexpress.com/store/1234567/search?SortType=bestmatch', 'store_page'],
    ['https://es.aliexpress.com/store/all-wholesale-products/1234567.html', 'store_page'],
    ['https://www.amazon.com/stores/SomeBrand/page/1A2B3C4D-0000-1111-2222-333344445555', 'store_page'],
    ['https://www.amazon.com/sp?seller=A1B2C3D4E5F6G7', 'store_page'],
    ['https://www.amazon.com/s?me=A1B2C3D4E5F6G7&seller=A1B2C3D4E5F6G7', 'store_page'],
    ['https://www.nike.com/t/air-max-90/CN8490-002', 'unknown_site'],
    ['https://shop.example.com/products/123456789012', 'unknown_site'],
    ['https://www.aliexpress.com', 'not_a_listing'],
    ['https://www.aliexpress.com/', 'not_a_listing'],
    ['aliexpress.com', 'not_a_listing'],
    ['https://www.aliexpress.com/w/wholesale-phone-case.html', 'not_a_listing'],
    ['https://www.amazon.com/', 'not_a_listing'],
    ['https://www.amazon.com/s?k=earbuds', 'not_a_listing'],
    ['https://www.amazon.com/dp/B0C123', 'not_a_listing'],
    ['javascript:alert(1)', 'not_a_listing'],
    [`javascript://www.aliexpress.com/item/${ALI16}.html`, 'not_a_listing'],
    [`ftp://www.aliexpress.com/item/${ALI16}.html`, 'not_a_listing'],
    [`file:///etc/passwd`, 'not_a_listing'],
    [`data:text/html,${ALI16}`, 'not_a_listing'],
  ])('%j → %s', (input, problem) => {
    expect(problemOf(input)).toBe(problem);
  });

  it.each([
    `https://aliexpress.com.evil.example/item/${ALI16}.html`,
    `https://www.aliexpress.com.evil.example/item/${ALI16}.html`,
    `aliexpress.com.evil.example/item/${ALI16}.html`,
    `https://evilaliexpress.com/item/${ALI16}.html`,
    `https://aliexpress-deals.com/item/${ALI16}.html`,
    `https://www.aliexpress.com@evil.example/item/${ALI16}.html`,
    `https://evil.example/www.aliexpress.com/item/${ALI16}.html`,
    `https://evil.example/?u=https://www.aliexpress.com/item/${ALI16}.html`,
    'https://amazon.com.evil.example/dp/B0C1234567',
    'https://www.amazon-seller-support.com/dp/B0C1234567',
  ])('look-alike host is not accepted: %s', (input) => {
    expect(parseListingRef(input)).toEqual({ ok: false, problem: 'unknown_site' });
  });
});

describe('listingRefMessage', () => {
  const problems: ListingRefProblem[] = [
    'empty',
    'short_link',
    'store_page',
    'unknown_site',
    'not_a_listing',
  ];

  it.each(problems)('%s: one line, with an example of a good reference', (problem) => {
    const msg = listingRefMessage(problem);
    expect(msg).toContain(LISTING_EXAMPLES);
    expect(msg).toContain('https://www.aliexpress.com/item/1005006123456789.html');
    expect(msg).toContain('B0C1234567');
    expect(msg).not.toContain('\n');
    expect(msg).not.toMatch(/\.\./);
  });

  it('each problem has its own explanation', () => {
    const texts = new Set(problems.map((p) => listingRefMessage(p)));
    expect(texts.size).toBe(problems.length);
    expect(listingRefMessage('short_link')).toMatch(/short link/i);
    expect(listingRefMessage('store_page')).toMatch(/store page/i);
  });

  it('quotes the input (cleaned and cut short) so the seller sees what was read', () => {
    const msg = listingRefMessage('short_link', '<https://a.aliexpress.com/_mKxYz12>');
    expect(msg).toContain('("https://a.aliexpress.com/_mKxYz12")');
    expect(msg).toContain(LISTING_EXAMPLES);
    const long = listingRefMessage('not_a_listing', 'x'.repeat(500));
    expect(long).toContain(`"${'x'.repeat(80)}"`);
    expect(long).not.toContain('x'.repeat(81));
  });
});

describe('findListingRefs', () => {
  it('finds a URL inside a sentence', () => {
    const found = findListingRefs(
      `Hi, we got a trademark complaint on https://www.aliexpress.com/item/${ALI16}.html?spm=a2g0o.detail.0.0, what now?`,
    );
    expect(found).toEqual({
      refs: [{ platform: 'aliexpress', listingId: ALI16, marketplace: 'aliexpress.com' }],
      problems: [],
    });
  });

  it('finds a URL in brackets or at the end of a sentence', () => {
    expect(findListingRefs(`the listing (https://www.amazon.de/dp/B0C1234567).`).refs).toEqual([
      { platform: 'amazon', listingId: 'B0C1234567', marketplace: 'amazon.de' },
    ]);
    expect(findListingRefs(`see https://www.amazon.com/dp/B0C1234567.`).refs[0]?.listingId).toBe(
      'B0C1234567',
    );
  });

  it('finds a Slack-wrapped link, with or without a label', () => {
    const text = `reported: <https://www.aliexpress.com/item/${ALI16}.html|our phone case listing> and <https://www.amazon.com/dp/B0C1234567>`;
    expect(findListingRefs(text).refs).toEqual([
      { platform: 'aliexpress', listingId: ALI16, marketplace: 'aliexpress.com' },
      { platform: 'amazon', listingId: 'B0C1234567', marketplace: 'amazon.com' },
    ]);
  });

  it('finds a link without a scheme', () => {
    expect(findListingRefs(`complaint on aliexpress.com/item/${ALI16}.html today`).refs).toEqual([
      { platform: 'aliexpress', listingId: ALI16, marketplace: 'aliexpress.com' },
    ]);
    expect(
      findListingRefs(`complaint on fr.aliexpress.com/item/${ALI16}.html today`).refs[0]?.marketplace,
    ).toBe('fr.aliexpress.com');
  });

  it('finds two listings in one message, in order', () => {
    const found = findListingRefs(
      `Two listings got hit: https://www.aliexpress.com/item/${ALI16}.html and https://www.aliexpress.com/item/1005006987654321.html`,
    );
    expect(found.refs.map((r) => r.listingId)).toEqual([ALI16, '1005006987654321']);
  });

  it('does not repeat a listing given twice (URL and bare id, or two URL shapes)', () => {
    const found = findListingRefs(
      `https://www.aliexpress.com/item/${ALI16}.html — that is item ${ALI16}, also https://m.aliexpress.com/item/${ALI16}.html`,
    );
    expect(found.refs).toEqual([{ platform: 'aliexpress', listingId: ALI16, marketplace: 'aliexpress.com' }]);
    expect(
      findListingRefs('ASIN B0C1234567 (B0C1234567), https://www.amazon.com/dp/B0C1234567').refs,
    ).toHaveLength(1);
  });

  it('finds an AliExpress id and an ASIN in one message', () => {
    expect(findListingRefs(`items ${ALI16} and B0C1234567 were both reported`).refs).toEqual([
      { platform: 'aliexpress', listingId: ALI16 },
      { platform: 'amazon', listingId: 'B0C1234567' },
    ]);
  });

  it.each([
    [`item ${ALI16}.`, ALI16],
    [`item ${ALI16}, please help`, ALI16],
    [`(${ALI16})`, ALI16],
    [`id:${ALI16}!`, ALI16],
    [`"${ALI16}"?`, ALI16],
    [`#${ALI16}`, ALI16],
    ['old item 32812345678 got a warning', '32812345678'],
    ['ASIN: B0C1234567.', 'B0C1234567'],
    ['asin b0c1234567 is not ours', 'B0C1234567'],
  ])('a bare id next to punctuation: %s', (text, listingId) => {
    expect(findListingRefs(text).refs.map((r) => r.listingId)).toEqual([listingId]);
  });

  it.each([
    'we got sued in Illinois, case 1:25-cv-01234',
    'case no. 1:25-cv-01234-JHL in N.D. Ill.',
    'they froze $3,200 in our PayPal',
    'about $1,234,567,890.50 frozen',
    'call me at 3125550199',
    'call me at (312) 555-0199 or +1 312 555 0199',
    'my WeChat / phone is 13812345678',
    'call +8613812345678',
    'tracking 1Z999AA10123456784',
    'order 8100123456789012345 was refunded',
    'what should I do?',
    'the complaint arrived 2026-11-20 at 10:15',
  ])('is not read as a listing: %s', (text) => {
    expect(findListingRefs(text).refs).toEqual([]);
  });

  it('ignores a look-alike host in text', () => {
    expect(findListingRefs(`see https://aliexpress.com.evil.example/item/${ALI16}.html`).refs).toEqual([]);
    expect(findListingRefs(`see aliexpress.com.evil.example/item/${ALI16}.html`).refs).toEqual([]);
    expect(findListingRefs(`see evilaliexpress.com/item/${ALI16}.html`).refs).toEqual([]);
    expect(findListingRefs(`see https://evil.example/item/${ALI16}.html`).refs).toEqual([]);
  });

  it('reports unusable marketplace links as problems, but not unknown sites', () => {
    expect(findListingRefs('they sent https://a.aliexpress.com/_mKxYz12 to us').problems).toEqual([
      'short_link',
    ]);
    expect(findListingRefs('they sent a.aliexpress.com/_mKxYz12 to us').problems).toEqual(['short_link']);
    expect(findListingRefs('link: s.click.aliexpress.com/e/_DkABCDe').problems).toEqual(['short_link']);
    expect(findListingRefs('link: amzn.to/3AbCdEf').problems).toEqual(['short_link']);
    expect(findListingRefs('our store https://www.aliexpress.com/store/1234567').problems).toEqual([
      'store_page',
    ]);
    expect(findListingRefs('see https://www.nike.com/t/air-max-90').problems).toEqual([]);
  });

  it('finds nothing in an empty message', () => {
    expect(findListingRefs('')).toEqual({ refs: [], problems: [] });
  });
});
