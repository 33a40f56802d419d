import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/domain/reading/extract.js';

// Notices as the platforms word them (Amazon's Policy Warning, a patent owner's report, APEX, registered
// design misuse), fund holds due to a restraining order, and traditional Chinese read like simplified. A
// platform's format never turns a court case into a complaint.

const TODAY = '2026-11-28';
const facts = (text: string) => extractFacts(text, TODAY).facts;

const POLICY_WARNING = [
  'Notice: Policy Warning',
  '',
  'Hello,',
  'We received a report from a patent owner that the listings below may infringe their patent.',
  'ASIN: B0C1234567',
  'Infringement type: Patent',
  'Patent number: US D912,345',
  'Complaint ID: 15012345678',
  'Rights owner name: Brightlane Tools Co., Ltd.',
  'Rights owner email: ip@brightlane.example',
].join('\n');

describe('Amazon’s own notice formats', () => {
  it('a Policy Warning with a design patent number: Amazon, a platform complaint, design patent', () => {
    const r = extractFacts(POLICY_WARNING, TODAY);
    expect(r.facts).toMatchObject({
      platform: 'amazon',
      listingId: 'B0C1234567',
      notice: 'platform_complaint',
      ipType: 'design_patent',
    });
    expect(r.details).toMatchObject({
      plaintiff: 'Brightlane Tools Co., Ltd.',
      rightsOwnerEmail: 'ip@brightlane.example',
    });
  });

  it.each([
    ['Notice: Policy Warning', { platform: 'amazon', notice: 'platform_complaint' }],
    ['We received a report from a patent owner about B0C1234567', { notice: 'platform_complaint' }],
    ['we received a report from a rights owner that our ASIN infringes', { notice: 'platform_complaint' }],
    ['an IP report on our listing', { notice: 'platform_complaint' }],
    [
      'B08JS9N4Z7 - Potential Registered Design Misuse (AIRPODS)',
      { notice: 'platform_complaint', ipType: 'design_patent' },
    ],
    ['Potential Trademark Text Misuse on B08MZF2MHS', { notice: 'platform_complaint', ipType: 'trademark' }],
    ['a complaint under a registered community design', { ipType: 'design_patent' }],
  ])('%s', (text, expected) => {
    expect(facts(text)).toMatchObject(expected);
  });

  it('a patent owner’s report names a patent, not which kind: the kind is left to ask', () => {
    expect(facts('We received a report from a patent owner about B0C1234567').ipType).toBeUndefined();
  });

  it.each([
    ['Patent number: US D912,345', 'design_patent'],
    ['patent no. D912345', 'design_patent'],
    ['the patent is USD912,345 S1', 'design_patent'],
    ['Patent number: 11,234,567', 'utility_patent'],
    ['Patent No.: US 10,123,456 B2', 'utility_patent'],
    ['they assert US 9,876,543 B1', 'utility_patent'],
  ])('a US patent number says the kind: %s → %s', (text, ipType) => {
    expect(facts(text).ipType).toBe(ipType);
  });

  it.each([
    'the patent owner demands USD 912,345',
    'the patent owner wants 1,000,000 USD',
    'patent owner asks USD912,345 for a licence',
    'our order number 11,234,567',
  ])('money or another number is not a patent number: %s', (text) => {
    expect(facts(text).ipType).toBeUndefined();
  });
});

describe('APEX: Amazon’s utility-patent evaluation', () => {
  it.each([
    'From: patent-evaluation@amazon.com\nSubject: Amazon Patent Evaluation Express (APEX) - ASIN B0C1234567',
    'we got an email from patent-evaluation@amazon.com about B0C1234567, they invite us to the evaluation',
    'Amazon APEX claim on B0C1234567, the neutral evaluator decides',
    'the APEX procedure was opened against our listing B0C1234567; it is not about design patents',
  ])('%s', (text) => {
    expect(facts(text)).toMatchObject({
      platform: 'amazon',
      notice: 'platform_complaint',
      ipType: 'utility_patent',
    });
  });

  it.each(['we sell the Apex 3000 blender', 'apex legends mousepad got a complaint'])(
    'a product called Apex is not APEX: %s',
    (text) => {
      expect(facts(text).ipType).toBeUndefined();
    },
  );

  it('an APEX email about a listing in a Schedule A case stays a court case', () => {
    expect(
      facts('patent-evaluation@amazon.com wrote about B0C1234567, and we are also a Schedule A defendant')
        .notice,
    ).toBe('court_or_tro');
  });
});

describe('fund holds due to a restraining order', () => {
  it.each([
    'Your Amazon disbursements are on hold due to a restraining order',
    'PayPal: funds held because of a restraining order',
    'payoneer says our balance is restricted pursuant to a restraining order',
    'our account is frozen under a restraining order issued in Illinois',
  ])('%s → court_or_tro', (text) => {
    expect(facts(text).notice).toBe('court_or_tro');
  });

  it('a letter’s fund hold due to a restraining order is court evidence, not a letter', () => {
    expect(
      facts('a letter from their law firm, and PayPal funds are held due to a restraining order').notice,
    ).toBe('court_or_tro');
  });

  it.each([
    'their lawyer says they will seek a restraining order',
    'a cease and desist letter threatens a restraining order',
    'their attorneys warned of a restraining order',
  ])('a restraining order to come is a letter’s threat: %s', (text) => {
    expect(facts(text).notice).toBe('rights_holder_letter');
  });

  it('a threat of one is not a court case, whoever wrote it', () => {
    expect(facts('the letter threatens a restraining order if we keep selling').notice).not.toBe(
      'court_or_tro',
    );
  });
});

describe('traditional Chinese reads like simplified', () => {
  it.each<[string, Record<string, string>]>([
    [
      '亞馬遜說我們侵權了，外觀專利投訴',
      { platform: 'amazon', notice: 'platform_complaint', ipType: 'design_patent' },
    ],
    ['我們的商標被投訴了', { notice: 'platform_complaint', ipType: 'trademark' }],
    ['收到律師函', { notice: 'rights_holder_letter' }],
    ['PayPal賬戶被凍結', { notice: 'court_or_tro' }],
    ['收到臨時禁令', { notice: 'court_or_tro' }],
    ['發明專利投訴', { ipType: 'utility_patent' }],
    ['速賣通侵權投訴，外觀設計', { platform: 'aliexpress', ipType: 'design_patent' }],
    ['這個鏈接不是我們的', { listingIsOurs: 'no' }],
    ['我們沒有授權', { rights: 'none' }],
  ])('%s', (text, expected) => {
    expect(facts(text)).toMatchObject(expected);
  });

  it('a negation reads the same: 資金沒有被凍結 is not a court case', () => {
    expect(facts('資金沒有被凍結').notice).not.toBe('court_or_tro');
  });

  it('signs of a lawyer and a court are heard in traditional characters', () => {
    expect(extractFacts('收到律師事務所的郵件，法院傳票', TODAY).details.legalSigns).toEqual(
      expect.arrayContaining(['a law firm', 'a lawyer', 'a court']),
    );
  });

  it('dates in traditional characters: 上週五', () => {
    expect(facts('上週五收到投訴').noticeDate).toBe(facts('上周五收到投诉').noticeDate);
  });
});
