import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { ownWords, sentencesOf } from '../../../src/domain/reading/their-words.js';

const TODAY = '2026-11-28';
const facts = (text: string) => extractFacts(text, TODAY).facts;
const lower = (s: string) => ` ${s.toLowerCase().replace(/\s+/g, ' ')} `;

describe('allegations and a letter’s voice are not the seller’s answer', () => {
  it.each([
    'Your AliExpress listing 1005006555444111 uses the registered trademark without authorization. We demand that you cease all sales.',
    'We represent Orchard & Vale Inc., owner of U.S. Trademark Reg. No. 6,234,567. Your Amazon listing B0D7788990 offers goods bearing this mark without authorization.',
    'It has come to our client’s attention that your store sells products bearing the BRANDX mark without authorization.',
    'The letter says we use their registered trademark without authorization.',
    'The rights owner alleges that our product infringes their design and that we have no license.',
    'Amazon says we used their logo on the box.',
    'Our listing was removed for using their brand name without permission.',
    'Their attorney claims the product has their logo.',
    'we are accused of copying their design',
  ])('reads neither usesTheirIp nor rights from: %s', (text) => {
    const f = facts(text);
    expect(f.usesTheirIp).toBeUndefined();
    expect(f.rights).toBeUndefined();
  });

  it.each([
    '律师函是11月23日收到的，要求12月10日前书面答复，说我们的速卖通店铺用了他们的商标',
    '我们被投诉用了他们的logo',
    '律师函里说我们没有授权',
    '贵司店铺销售的产品使用了我方当事人的商标，且未获授权。',
    '亚马逊通知称我们盗用了他们的图片',
  ])('Chinese: reads neither usesTheirIp nor rights from: %s', (text) => {
    const f = facts(text);
    expect(f.usesTheirIp).toBeUndefined();
    expect(f.rights).toBeUndefined();
  });

  it.each([
    ['yes we used their logo on the box', 'yes'],
    ['they say we copied the design. honestly yes, the product has their logo.', 'yes'],
    ['The letter says we use their mark. We do: the product has their logo.', 'yes'],
    ['they say we copied their design but our product has a different shape', 'no'],
    ['我们用了他们的logo', 'yes'],
  ])('the seller’s own words still count: %s', (text, value) => {
    expect(facts(text).usesTheirIp).toBe(value);
  });

  it('a pasted letter followed by the seller’s own line: the line is read', () => {
    const f = facts(
      'Dear Seller, We represent Acme Corp. Your listing 1005001234567890 sells goods bearing the ACME mark without authorization.\n\nwe have no authorization, what do we do',
    );
    expect(f.rights).toBe('none');
    expect(f.notice).toBe('rights_holder_letter');
  });

  it('an allegation and a denial in one sentence: never read for the seller from the allegation', () => {
    // The denial after "but" is the seller's; the allegation before it is not an admission.
    expect(
      facts('the complaint says our case uses their design but it does not').usesTheirIp,
    ).toBeUndefined();
  });

  it('a seller’s "your" about the bot is not a letter’s voice', () => {
    expect(facts('thanks for your help. we have no authorization from the brand').rights).toBe('none');
  });

  it('cuts sentences but not after abbreviations', () => {
    expect(sentencesOf('owner of u.s. trademark reg. no. 6,234,567 for acme inc. your listing x.')).toEqual([
      'owner of u.s. trademark reg. no. 6,234,567 for acme inc. your listing x.',
    ]);
    expect(sentencesOf('one. two! three')).toEqual(['one.', ' two!', ' three']);
    expect(ownWords(lower('We demand payment. we have invoices.'))).toContain('we have invoices');
    expect(ownWords(lower('We demand payment. we have invoices.'))).not.toContain('demand');
  });

  it('stays linear on long text', () => {
    const long = `${'your listing uses their mark without '.repeat(4000)}x`;
    const start = Date.now();
    ownWords(long);
    ownWords('a'.repeat(100_000));
    ownWords('说'.repeat(50_000));
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
