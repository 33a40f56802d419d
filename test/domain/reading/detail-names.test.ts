import { describe, expect, it } from 'vitest';
import { Details } from '../../../src/domain/model/facts.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';

// Who is named: the rights owner in every way a notice or a seller writes it, the brand in chat, the store,
// a Chinese law firm, names that end with their sentence, and a platform's programme that is no one's name.

const TODAY = '2026-11-28';
const details = (text: string) => extractFacts(text, TODAY).details;

describe('the rights owner, labelled or not', () => {
  it.each([
    ['we got a TRO, plaintiff Acme Corp sued us', 'Acme Corp'],
    ['rights owner PetFlow Inc. filed a complaint on B0C1234567', 'PetFlow Inc.'],
    ['the rights owner, PetFlow Inc., filed a complaint', 'PetFlow Inc.'],
    ['complainant Zentrix Home Ltd says our lamp copies theirs', 'Zentrix Home Ltd'],
    ['the brand owner Sunny Paws LLC reported us', 'Sunny Paws LLC'],
    ['Rights owner name: PetFlow Inc.\nRights owner email: legal@petflow.example', 'PetFlow Inc.'],
    ['Rights Owner Name: Zentrix Home Ltd\nRights Owner Email: ip@zentrix.example', 'Zentrix Home Ltd'],
    ['Patent owner: Brightlane Tools Co., Ltd.', 'Brightlane Tools Co., Ltd.'],
    [
      "These are the rights owner's contact details:\n-- Zentrix Home Ltd\n-- ip@zentrix.example",
      'Zentrix Home Ltd',
    ],
    ['Plaintiff: Acme Corp. We got the email yesterday', 'Acme Corp.'],
    ['plaintiff PawJoy Direct. We have not replied', 'PawJoy Direct'],
    ['权利人：PetFlow Inc.，投诉编号：123456', 'PetFlow Inc.'],
    ['原告是Acme Corp，我们被起诉了', 'Acme Corp'],
    ['權利人：台灣某某股份有限公司', '台灣某某股份有限公司'],
    // a law firm's letter names its client
    ['We represent Orchard & Vale Inc., owner of U.S. Trademark Reg. No. 6,234,567', 'Orchard & Vale Inc.'],
    ['This firm is counsel to Zentara Brands LLC. We write about …', 'Zentara Brands LLC'],
    ['we are counsel for Zentara Brands LLC in this matter', 'Zentara Brands LLC'],
    ['We write on behalf of our client, Lumora Labs LLC, the owner of', 'Lumora Labs LLC'],
    // a complaint filed by a company
    [
      'copyright complaint on https://www.walmart.com/ip/5544332211 filed by Pixelcraft Studios LLC, complaint number WM-IP-778812',
      'Pixelcraft Studios LLC',
    ],
    [
      'Your product 1005007345678901 has been complained of infringing the design patent ZL202330123456.7 by Hangzhou Lianxin Technology Co., Ltd. Complaint ID: 1',
      'Hangzhou Lianxin Technology Co., Ltd.',
    ],
    ['we got a report from Zentrix Home Ltd about our lamp', 'Zentrix Home Ltd'],
    ['The complaint was submitted by Brightlane Tools Co., Ltd. yesterday', 'Brightlane Tools Co., Ltd.'],
  ])('%s → %s', (text, plaintiff) => {
    expect(details(text).plaintiff).toBe(plaintiff);
  });

  it.each([
    'the plaintiff In this case is unknown',
    'Plaintiff We do not know yet',
    'the rights owner may accept a retraction',
    'Rights owner email: legal@petflow.example',
    'complaint from VeRO on B0C1234567',
    'Complainant: Amazon',
    'rights owner Amazon Brand Registry says we infringe',
    'the complainant IPP flagged our item',
    'we emailed the rights owner Monday and got no answer',
    'we wrote to the rights owner Last week',
    'the plaintiff Schedule A lists us',
    '原告是哪家公司',
    'We represent our client, the owner of U.S. Registration No. 6,123,456',
    'we represent Harlow Pike LLP',
    'complaint from Nike about our shoes',
    'the complaint was forwarded by Amazon.com Services LLC',
    'the listing sold by Shenzhen Fangyuan Trading Co., Ltd. got a complaint',
    'the complaint is about the lamp we bought from Ningbo Star Co., Ltd.',
    'a report from our lawyer, Harlow Pike LLP',
  ])('no plaintiff: %s', (text) => {
    expect(details(text).plaintiff).toBeUndefined();
  });
});

describe('the rights owner’s email, only when the words say whose it is', () => {
  it.each([
    ['Rights owner name: PetFlow Inc.\nRights owner email: legal@petflow.example', 'legal@petflow.example'],
    ['Rights Owner Email: ip@zentrix.example', 'ip@zentrix.example'],
    ["the rights owner's email is brand@zentrix.example.", 'brand@zentrix.example'],
    ['contact the rights owner at legal@zentrix.example', 'legal@zentrix.example'],
    [
      "These are the rights owner's contact details:\n-- Zentrix Home Ltd\n-- ip@zentrix.example",
      'ip@zentrix.example',
    ],
    ['权利人邮箱：ip@zentrix.example', 'ip@zentrix.example'],
    ['權利人郵箱: ip@zentrix.example', 'ip@zentrix.example'],
  ])('%s → %s', (text, email) => {
    expect(details(text).rightsOwnerEmail).toBe(email);
  });

  it.each([
    'my email is me@shop.example, the rights owner is Zentrix',
    'send the appeal to notice-dispute@amazon.com',
    'From: patent-evaluation@amazon.com',
    'our contact: sales@pawjoy.example',
  ])('no rights owner email: %s', (text) => {
    expect(details(text).rightsOwnerEmail).toBeUndefined();
  });
});

describe('the brand named in chat', () => {
  it.each([
    ['some brand called Zentrix filed a complaint', 'Zentrix'],
    ['a brand named PawFlex complained about our bowl', 'PawFlex'],
    ['a brand called "Sunny Paws" reported us', 'Sunny Paws'],
    ["Zentrix's lawyers emailed us", 'Zentrix'],
    ["a letter from Nike's lawyers", 'Nike'],
    ['Brand: Zentrix', 'Zentrix'],
    ['品牌叫Zentrix', 'Zentrix'],
    ['一个叫Zentrix Home的品牌投诉我们', 'Zentrix Home'],
    // the brand or mark the complaint is about
    ['AliExpress trademark complaint on 1005009876501234 for the brand NordFjell. We', 'NordFjell'],
    [
      'owner of U.S. Trademark Reg. No. 6,234,567 for the mark ORCHARD & VALE. Your listing',
      'ORCHARD & VALE',
    ],
    ['they say we use their trademark "Zentrix" in the title', 'Zentrix'],
    ['cease and desist from Greer Burns & Crain about the ACME mark on 1005008888888888', 'ACME'],
    ['they say we copied the Zentrix word mark', 'Zentrix'],
    ['侵犯了 KORVA 商标，要求赔偿5万元', 'KORVA'],
    ['说我们侵犯了Zentrix的品牌', 'Zentrix'],
    ['說我們侵犯了 KORVA 商標', 'KORVA'],
    // a court's order is not a purchase order
    ['court order (TRO) from Acmeco, their logo is on it', 'Acmeco'],
    ['a temporary restraining order from Acmeco, about our hose', 'Acmeco'],
  ])('%s → %s', (text, brand) => {
    expect(details(text).brand).toBe(brand);
  });

  it.each([
    'complaint from VeRO on B0C1234567',
    'complaint via Amazon Brand Registry about B0C1234567',
    'complaint from Amazon Brand Registry about B0C1234567',
    'We got an IPP complaint from Project Zero',
    'Their lawyers sent a letter',
    "The brand's attorneys emailed us",
    'a brand called We Know',
    'Brand: Generic',
    'Brand: Unbranded',
    '我们的品牌是自己的',
    // a day or a month is no brand
    'Please respond by Monday, December 14.',
    'You must reply by Friday.',
    'a complaint from December 14 about our mug',
    // where the goods came from is the supplier, not the brand
    'We bought them from Yiwu Hongda Factory.',
    'got a trademark complaint, we bought them from Dongguan Sunrise Plastics on 1688.',
    'we source it from Ningbo Star, about the complaint',
    'we placed an order from Ningbo Star, about the complaint',
    'the mug is made by Hongda, on Amazon',
    // a company is the complainant, not the mark it owns
    'copyright complaint filed by Pixelcraft Studios LLC, complaint number WM-IP-778812',
    // not a brand: a certification mark, the seller's own brand, the brand owner
    'they ask for the CE mark on the charger',
    '我们的 PawJoy 品牌被投诉了',
    'the brand owner wrote to us',
    'EU商标被投诉',
  ])('no brand: %s', (text) => {
    expect(details(text).brand).toBeUndefined();
  });

  it('"a brand named X" names a brand, not a trademark complaint', () => {
    expect(extractFacts('a brand named PawFlex complained', TODAY).facts.ipType).toBeUndefined();
    expect(extractFacts('they say our title uses their brand name', TODAY).facts.ipType).toBe('trademark');
  });

  it('"X’s lawyers" is not a law firm’s name', () => {
    expect(details("a letter from Nike's lawyers").lawFirm).toBeUndefined();
    expect(details('an email from the Nike law firm').lawFirm).toBe('Nike (law firm)');
  });
});

describe('the seller’s store', () => {
  it.each([
    ['our store PawJoy Direct. We got a complaint', 'PawJoy Direct'],
    ['our store PawJoy Direct got a complaint', 'PawJoy Direct'],
    ['our Amazon store PawJoy Direct got a TRO', 'PawJoy Direct'],
    ['our store is called Sunny Paws, we sell dog beds', 'Sunny Paws'],
    ['the complaint ID is 88776655 and our store is Acme Home', 'Acme Home'],
    ['store name PawJoy Direct. They froze it', 'PawJoy Direct'],
    ['Store name: PawJoy Direct. We sell bowls', 'PawJoy Direct'],
    ['店铺名 PawJoy Direct，收到投诉', 'PawJoy Direct'],
    ['店铺名称：阳光家居。收到投诉', '阳光家居'],
    ['我们的店叫PawJoy Direct', 'PawJoy Direct'],
    ['店鋪名稱：陽光家居', '陽光家居'],
  ])('%s → %s', (text, store) => {
    expect(details(text).store).toBe(store);
  });

  it.each([
    'our store on Amazon got a complaint',
    'our store I think is fine',
    'our store is on AliExpress',
    'our store is closed for now',
    'our store ASIN B0C1234567 got a complaint',
    '店铺被冻结了',
    'Schedule A lawsuit against our store, PayPal and Payoneer froze $5,000 between them.',
    'our store, Amazon says, is under review',
  ])('no store: %s', (text) => {
    expect(details(text).store).toBeUndefined();
  });
});

describe('a law firm named in Chinese', () => {
  it.each([
    ['收到北京某某律师事务所的律师函', '北京某某律师事务所'],
    ['大成律师事务所发来律师函', '大成律师事务所'],
    ['GBC律所发来邮件', 'Greer, Burns & Crain'],
    ['收到了ABC律所的邮件', 'ABC律所'],
    ['台北某某法律事務所寄來律師函', '台北某某法律事務所'],
    ['來自香港某某律師行的信', '香港某某律師行'],
  ])('%s → %s', (text, firm) => {
    expect(details(text).lawFirm).toBe(firm);
  });

  it.each([
    '收到对方律师事务所的邮件',
    '收到对方律所的邮件',
    '收到美国律所的邮件',
    '收到一家律所的邮件',
    '他们的律师事务所说要起诉',
    '收到律師事務所的郵件',
    '某律所发来警告函',
  ])('a generic phrase is no name: %s', (text) => {
    expect(details(text).lawFirm).toBeUndefined();
  });
});

describe('a known firm by its initials, not from an address', () => {
  it.each([
    ['GBC sent us a TRO', 'Greer, Burns & Crain'],
    ['the lawyers are gbc, case 1:26-cv-01234', 'Greer, Burns & Crain'],
    ['email from Greer, Burns & Crain LLP (service@gbc-lawfirm.net)', 'Greer, Burns & Crain'],
  ])('%s → %s', (text, firm) => {
    expect(details(text).lawFirm).toBe(firm);
  });

  it.each([
    'We got an email from service@gbc-lawfirm.net about a TRO',
    'the documents are at https://gbc-docs.example.com/case/123',
    'see www.gbc-tro.com for the complaint',
    'reply to legal@gbc.net',
  ])('no firm: %s', (text) => {
    expect(details(text).lawFirm).toBeUndefined();
  });
});

describe('the court', () => {
  it.each([
    [
      'UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF ILLINOIS\nCase No. 1:26-cv-07731',
      'Northern District of Illinois',
    ],
    ['United States District Court for the Southern District of Florida.', 'Southern District of Florida'],
    ['SOUTHERN DISTRICT OF NEW YORK', 'Southern District of New York'],
  ])('%s → %s', (text, court) => {
    expect(details(text).court).toBe(court);
  });
});

describe('every name read fits the schema', () => {
  it.each([
    'Rights owner name: PetFlow Inc.\nRights owner email: legal@petflow.example\nour store PawJoy Direct',
    `plaintiff ${'Acme '.repeat(100)}Corp`,
  ])('%s', (text) => {
    expect(Details.safeParse(details(text)).success).toBe(true);
  });

  it('an address too long for the schema is left out, never cut', () => {
    const d = details(`Rights owner email: ${'a'.repeat(300)}@x.example`);
    expect(d.rightsOwnerEmail).toBeUndefined();
    expect(Details.safeParse(d).success).toBe(true);
  });
});
