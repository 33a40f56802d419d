import { describe, expect, it } from 'vitest';
import { buildOutcome } from '../../../src/domain/conversation/outcome.js';
import { ROUTE_RULES } from '../../../src/domain/decision/route-rules.js';
import type { Details, Facts } from '../../../src/domain/model/facts.js';
import { testContext } from '../../helpers/context.js';

// The lawyer note a Schedule A defence firm would accept: every intake item given, or asked for by name.

const TODAY = '2026-11-28';

async function outcome(facts: Facts, details: Details = {}) {
  return buildOutcome({ facts, details, today: TODAY, caseId: 'IPC-0042' }, await testContext());
}

async function note(facts: Facts, details: Details = {}): Promise<string> {
  const o = await outcome(facts, details);
  const n = o.drafts.find((d) => d.template === 'lawyer-escalation');
  if (!n) throw new Error('no lawyer note');
  return n.body;
}

const COURT: Facts = {
  platform: 'amazon',
  listingId: 'B0C1234567',
  notice: 'court_or_tro',
  ipType: 'design_patent',
  listingIsOurs: 'yes',
  usesTheirIp: 'unsure',
  rights: 'none',
  inventory: 'large_keep_selling',
  noticeDate: '2026-11-24',
};

const FULL: Details = {
  defendant: 'Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China',
  sellerIds: ['A1B2C3D4E5F6G7', 'A9Z8Y7X6W5V4U3'],
  storeUrls: ['https://www.amazon.com/sp?seller=A1B2C3D4E5F6G7'],
  doeNumber: 57,
  firstListed: '2024-03-03',
  supplier: 'Yiwu Hongda Factory',
  earlierComplaints: 'This is the second complaint from this brand',
  toldPlaintiff: 'We have not contacted the plaintiff or paid anything',
  settlementAuthority: 'we can pay up to $2,000',
  service: 'sent by service@hartwell-ip.example; link: https://x.example/docs; downloaded: the complaint',
  rightsOwnerEmail: 'legal@petflow.example',
  frozenAccounts: [
    { account: 'AliExpress', amount: '$12,450' },
    { account: 'PayPal', amount: '$3,100' },
  ],
  frozenAmount: '$12,450 (AliExpress, PayPal)',
  ipNumbers: ['US D912,345', 'US D987,654'],
  stockUnits: 2000,
};

describe('the lawyer note of a court case', () => {
  it('carries every intake value given', async () => {
    const body = await note(COURT, FULL);
    expect(body).toContain(
      '- Defendant entity (company name, country, address, contact): Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China',
    );
    expect(body).toContain('- Seller ids: A1B2C3D4E5F6G7, A9Z8Y7X6W5V4U3');
    expect(body).toContain('- Store URLs: https://www.amazon.com/sp?seller=A1B2C3D4E5F6G7');
    expect(body).toContain('- Doe number on Schedule A: 57');
    expect(body).toContain('- Date first listed or sold: 2024-03-03');
    expect(body).toContain('- Supplier of the accused product: Yiwu Hongda Factory');
    expect(body).toContain(
      '- Earlier complaints from the same brand: This is the second complaint from this brand',
    );
    expect(body).toContain(
      '- Anything already signed, paid or said to the plaintiff: We have not contacted the plaintiff or paid anything',
    );
    expect(body).toContain(
      '- Settlement authority (how far we may go, who decides): we can pay up to $2,000',
    );
    expect(body).toContain(
      'sent by service@hartwell-ip.example; link: https://x.example/docs; downloaded: the complaint',
    );
    expect(body).toContain('- Rights owner email: legal@petflow.example');
    expect(body).toContain('- Patent or registration numbers asserted: US D912,345, US D987,654');
    expect(body).not.toContain('ask the seller');
  });

  it('gives every frozen account its own amount, not one sum for all', async () => {
    const body = await note(COURT, FULL);
    expect(body).toContain('- Frozen accounts and amounts: AliExpress $12,450; PayPal $3,100');
    expect(body).not.toContain('(AliExpress, PayPal)');
  });

  it('falls back to the one frozen amount read when no account has its own', async () => {
    const body = await note(COURT, { frozenAmount: '$5,000 (PayPal)' });
    expect(body).toContain('- Frozen accounts and amounts: $5,000 (PayPal)');
  });

  it('asks for each missing item by name, and invents none', async () => {
    const body = await note(COURT, {});
    for (const name of [
      'Defendant entity (company name, country, address, contact)',
      'Seller ids',
      'Store URLs',
      'Doe number on Schedule A',
      'Date first listed or sold',
      'Supplier of the accused product',
      'Earlier complaints from the same brand',
      'Anything already signed, paid or said to the plaintiff',
      'Settlement authority (how far we may go, who decides)',
      'How service came (who emailed, the link, whether the complaint, TRO and Schedule A were downloaded)',
    ])
      expect(body).toMatch(new RegExp(`- ${name.replace(/[()]/g, '\\$&')}: \\[FILL IN: ask the seller`));
    expect(body).toContain('- Doe number on Schedule A: [FILL IN: ask the seller]');
    expect(body).toContain(
      'Frozen accounts and amounts: [FILL IN: ask the seller: each frozen account and its amount',
    );
    expect(body).toContain(
      'Patent or registration numbers asserted: [FILL IN: the patent or registration numbers, from the complaint or notice]',
    );
    expect(body).not.toContain('Rights owner email');
  });

  it('asks for the stock count when the stock is large and its count unknown', async () => {
    expect(await note(COURT, {})).toContain(
      '- Stock: large stock, want to keep selling [FILL IN: ask the seller: units on hand and where they are (warehouse, FBA)]',
    );
    expect(await note(COURT, { stockUnits: 2000 })).toContain(
      '- Stock: large stock, want to keep selling (about 2000 units)\n',
    );
    expect(await note({ ...COURT, inventory: 'small_or_stop' }, {})).not.toContain('units on hand');
  });
});

describe('the lawyer note outside court', () => {
  const LETTER: Facts = { ...COURT, notice: 'rights_holder_letter' };

  it('lists only what was given, and asks no Schedule A items', async () => {
    const body = await note(LETTER, {
      supplier: 'Yiwu Hongda Factory',
      firstListed: '2024-03-03',
      stockUnits: 300,
    });
    expect(body).toContain('- Supplier of the accused product: Yiwu Hongda Factory');
    expect(body).toContain('- Date first listed or sold: 2024-03-03');
    expect(body).not.toContain('Doe number');
    expect(body).not.toContain('ask the seller');
  });

  it('says nothing more was given when nothing was', async () => {
    const body = await note(LETTER, {});
    expect(body).toContain('About us (the seller)\n- nothing more given');
  });
});

describe('the design patent drafts', () => {
  const AE: Facts = {
    platform: 'aliexpress',
    listingId: '1005006123456789',
    notice: 'platform_complaint',
    ipType: 'design_patent',
    listingIsOurs: 'yes',
    usesTheirIp: 'no',
    complainantContact: 'not_tried',
    noticeDate: '2026-11-25',
  };

  it('the dispute carries the differences listed and the patent numbers asserted', async () => {
    const o = await outcome(AE, {
      differences: ['rounded corners, theirs are square', 'three buttons, theirs has four'],
      ipNumbers: ['CN 202130123456.7'],
    });
    const d = o.drafts.find((x) => x.template === 'dispute-design-patent');
    expect(d?.body).toContain('Design patent named: CN 202130123456.7');
    expect(d?.body).toContain('1. rounded corners, theirs are square\n2. three buttons, theirs has four');
    const r = o.optionalDrafts.find((x) => x.template === 'retraction-request');
    expect(r?.body).toContain('does not infringe your design patent CN 202130123456.7');
  });

  it('without numbers, the patent number stays a placeholder to copy from the complaint', async () => {
    const o = await outcome(AE, {});
    const d = o.drafts.find((x) => x.template === 'dispute-design-patent');
    expect(d?.body).toContain('Design patent named: [FILL IN: patent number from the complaint]');
  });
});

describe('the Amazon design patent path', () => {
  const AMAZON: Facts = {
    platform: 'amazon',
    listingId: 'B0D7654321',
    notice: 'platform_complaint',
    ipType: 'design_patent',
    listingIsOurs: 'yes',
    usesTheirIp: 'no',
    complainantContact: 'not_tried',
    noticeDate: '2026-11-25',
  };

  it('keeps the retraction (sent by the owner itself, never forwarded) and the opinion letter', async () => {
    const rule = ROUTE_RULES.find((r) => r.id === 'legal_opinion' && r.variant === 'amazon_patent');
    expect(rule?.reason).toContain('patent owner’s retraction');
    expect(rule?.reason).toContain('written non-infringement opinion');
    expect(rule?.steps.join(' ')).toContain('Amazon accepts only a retraction the owner sends itself');
    const o = await outcome(AMAZON, { differences: ['rounded corners, theirs are square'] });
    expect(o.routes.map((r) => `${r.id}/${r.variant}`)).toContain('legal_opinion/amazon_patent');
    expect(o.drafts.some((d) => d.template.startsWith('dispute-'))).toBe(false);
    const n = o.drafts.find((d) => d.template === 'lawyer-escalation');
    expect(n?.body).toContain('written non-infringement opinion we can send with a retraction request');
    const r = o.optionalDrafts.find((d) => d.template === 'retraction-request');
    expect(r?.body).toContain('1. rounded corners, theirs are square');
    expect(r?.body).toContain('only a retraction you send yourself counts');
    expect(r?.body).toContain('Amazon does not accept a retraction we forward.');
  });
});
