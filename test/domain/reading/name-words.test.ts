import { describe, expect, it } from 'vitest';
import {
  brandOf,
  lawFirm,
  plaintiff,
  rightsOwnerEmail,
  store,
} from '../../../src/domain/reading/detail-names.js';
import {
  isCalendarWord,
  isCompanyName,
  isPlatformProgramme,
  nameAt,
} from '../../../src/domain/reading/name-words.js';

describe('a name ends where its sentence does', () => {
  it.each([
    ['PawJoy Direct. We got', 'PawJoy Direct'],
    ['Acme Corp sued us', 'Acme Corp'],
    ['PetFlow Inc. filed a complaint', 'PetFlow Inc.'],
    ['Acme Inc. We got the email', 'Acme Inc.'],
    ['Acme Inc. Amazon removed it', 'Acme Inc.'],
    ['Shenzhen Acme Technology Co., Ltd. sent it', 'Shenzhen Acme Technology Co., Ltd.'],
    ['Shenzhen Acme Co.,Ltd. sent it', 'Shenzhen Acme Co.,Ltd.'],
    ['ACME BRANDS, INC., filed', 'ACME BRANDS, INC.'],
    ['Keith A. Vogt, Ltd. emailed', 'Keith A. Vogt, Ltd.'],
    ['Smith & Jones LLP wrote', 'Smith & Jones LLP'],
    ['Bank of America sued', 'Bank of America'],
    ['"PawJoy Direct" got', 'PawJoy Direct'],
    ["Acme's lawyers", 'Acme'],
    ['iRobot, the brand', 'iRobot'],
    ['Acme, and then they', 'Acme'],
    ['PawJoy Direct，收到投诉', 'PawJoy Direct'],
    ['PawJoy Direct They froze it', 'PawJoy Direct'],
    ['PawJoy Direct I think', 'PawJoy Direct'],
    ['PawJoy Direct Our lawyer says', 'PawJoy Direct'],
  ])('%s → %s', (text, name) => {
    expect(nameAt(text)).toBe(name);
  });

  it.each(['We got', 'the store', 'Inc. is', 'I think', 'on Amazon', ''])('no name: %j', (text) => {
    expect(nameAt(text)).toBeUndefined();
  });

  it('at most the words asked for', () => {
    expect(nameAt('Alpha Beta Gamma Delta', 3)).toBe('Alpha Beta Gamma');
  });
});

describe('a platform’s programme is no one’s name', () => {
  it.each([
    'VeRO',
    'eBay VeRO',
    'VeRO program',
    'Amazon Brand Registry',
    'Brand Registry',
    'IPP',
    'AliExpress IPP',
    'Project Zero',
    'Amazon',
    'APEX',
    'Amazon legal team',
    'Seller Support',
  ])('%s', (name) => {
    expect(isPlatformProgramme(name)).toBe(true);
  });

  it.each(['Acme', 'Zentrix Home', 'Vero Beach Supply', 'Amazonia Crafts', 'Zero Gravity'])(
    'a real name: %s',
    (name) => {
      expect(isPlatformProgramme(name)).toBe(false);
    },
  );
});

describe('reading stays linear on long text', () => {
  const long = [
    `plaintiff ${'Acme '.repeat(20_000)}`,
    `Rights owner email: ${'a.'.repeat(20_000)}`,
    `rights owner's contact details: ${'x '.repeat(20_000)}`,
    `our store ${'Aa '.repeat(20_000)}`,
    `收到${'对方'.repeat(20_000)}律所`,
    `店铺名 ${'阳'.repeat(20_000)}`,
    `some brand called ${'Zz '.repeat(20_000)}`,
    `一个叫${'Z'.repeat(20_000)}的品牌`,
    `${'Acme '.repeat(20_000)}'s lawyers`,
  ];
  it.each(long.map((t) => [t.slice(0, 30), t]))('%s…', (_, text) => {
    const start = performance.now();
    plaintiff(text);
    rightsOwnerEmail(text);
    store(text);
    lawFirm(text);
    brandOf(text);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('a day, a month or a date is no name', () => {
  it.each(['Monday', 'Friday', 'December', 'Dec', 'May', 'December 14', 'Monday, December 14', 'Sept.'])(
    '%s',
    (name) => {
      expect(isCalendarWord(name)).toBe(true);
    },
  );

  it.each(['April Skin', 'Sun Joe', 'Zentrix', 'Mayfield', 'Marchesa'])('a name: %s', (name) => {
    expect(isCalendarWord(name)).toBe(false);
  });
});

describe('a company by its suffix', () => {
  it.each([
    'Pixelcraft Studios LLC',
    'Hangzhou Lianxin Technology Co., Ltd.',
    'Acme Corp',
    'Nike, Inc.',
    'Zentrix GmbH',
  ])('%s', (name) => {
    expect(isCompanyName(name)).toBe(true);
  });

  it.each(['Zentrix', 'NordFjell', 'ORCHARD & VALE', 'Coca', 'Incredible Toys'])('no suffix: %s', (name) => {
    expect(isCompanyName(name)).toBe(false);
  });
});
