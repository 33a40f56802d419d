import { describe, expect, it } from 'vitest';
import { missingFacts } from '../../../src/domain/conversation/flow.js';
import { decide } from '../../../src/domain/decision/decide.js';
import type { Facts } from '../../../src/domain/model/facts.js';
import { testContext } from '../../helpers/context.js';

const ids = async (facts: Facts) =>
  decide(facts, (await testContext()).kb, {}).map((r) => `${r.id}/${r.variant}`);

const base: Facts = { platform: 'aliexpress', listingId: '1005006123456789', noticeDate: '2026-11-27' };

// The decision examples of product.md, one per route, plus their combinations.
describe('decision table (product.md)', () => {
  it.each<[string, Facts, string[]]>([
    [
      '1. court papers, TRO or frozen funds: urgent lawyer escalation',
      {
        ...base,
        notice: 'court_or_tro',
        listingIsOurs: 'yes',
        ipType: 'trademark',
        usesTheirIp: 'no',
        inventory: 'small_or_stop',
      },
      // Whatever the seller says about infringement, the accused product comes off sale and nothing is deleted.
      ['lawyer_escalation/court', 'delist_now/preserve', 'store_sweep/always'],
    ],
    [
      '2. their mark on it, no rights: delist now',
      {
        ...base,
        notice: 'platform_complaint',
        listingIsOurs: 'yes',
        ipType: 'trademark',
        usesTheirIp: 'yes',
        rights: 'none',
        inventory: 'small_or_stop',
      },
      ['delist_now/infringing', 'store_sweep/always'],
    ],
    [
      '3. as 2 with a large stock to keep selling: delist + lawyer',
      {
        ...base,
        notice: 'platform_complaint',
        listingIsOurs: 'yes',
        ipType: 'trademark',
        usesTheirIp: 'yes',
        rights: 'none',
        inventory: 'large_keep_selling',
      },
      ['delist_now/infringing', 'lawyer_escalation/keep_selling', 'store_sweep/always'],
    ],
    [
      '4. listing never ours: dispute reply',
      { ...base, notice: 'platform_complaint', listingIsOurs: 'no' },
      ['dispute_reply/not_ours', 'store_sweep/always'],
    ],
    [
      '5a. no infringement, no reply from complainant: dispute reply',
      {
        ...base,
        notice: 'platform_complaint',
        listingIsOurs: 'yes',
        ipType: 'design_patent',
        usesTheirIp: 'no',
        complainantContact: 'no_reply',
      },
      ['dispute_reply/non_infringement', 'store_sweep/always'],
    ],
    [
      '5b. we hold the rights: dispute reply',
      {
        ...base,
        notice: 'platform_complaint',
        listingIsOurs: 'yes',
        ipType: 'trademark',
        usesTheirIp: 'yes',
        rights: 'authorized',
        complainantContact: 'no_reply',
      },
      ['dispute_reply/rights', 'store_sweep/always'],
    ],
    [
      '6. not sure and no rights: legal opinion',
      {
        ...base,
        notice: 'platform_complaint',
        listingIsOurs: 'yes',
        ipType: 'unknown',
        usesTheirIp: 'unsure',
        rights: 'none',
      },
      ['legal_opinion/unsure', 'store_sweep/always'],
    ],
    [
      'court and infringing: urgent lawyer, and stop selling without deleting the evidence',
      {
        ...base,
        notice: 'court_or_tro',
        listingIsOurs: 'yes',
        ipType: 'trademark',
        usesTheirIp: 'yes',
        rights: 'none',
        inventory: 'large_keep_selling',
      },
      ['lawyer_escalation/court', 'delist_now/preserve', 'store_sweep/always'],
    ],
    [
      'court, never our listing: lawyer, no platform dispute',
      { ...base, notice: 'court_or_tro', listingIsOurs: 'no', inventory: 'small_or_stop' },
      ['lawyer_escalation/court', 'store_sweep/always'],
    ],
    [
      'a letter from their law firm, no infringement: legal answers it, the seller does not',
      {
        ...base,
        notice: 'rights_holder_letter',
        listingIsOurs: 'yes',
        ipType: 'trademark',
        usesTheirIp: 'no',
      },
      ['delist_now/preserve', 'legal_opinion/letter', 'store_sweep/always'],
    ],
    [
      'a letter about a listing that was never ours: still legal, not a platform dispute',
      { ...base, notice: 'rights_holder_letter', listingIsOurs: 'no' },
      ['legal_opinion/letter', 'store_sweep/always'],
    ],
    [
      'a letter, and their logo is on it: off sale and kept, and legal answers the letter',
      {
        ...base,
        notice: 'rights_holder_letter',
        listingIsOurs: 'yes',
        ipType: 'trademark',
        usesTheirIp: 'yes',
        rights: 'none',
        inventory: 'small_or_stop',
      },
      // A letter may be followed by a lawsuit: off sale, but kept as evidence (never "delete").
      ['delist_now/preserve', 'legal_opinion/letter', 'store_sweep/always'],
    ],
    [
      'never our listing, large stock: no keep-selling escalation for a listing that is not ours',
      {
        ...base,
        notice: 'platform_complaint',
        listingIsOurs: 'no',
        usesTheirIp: 'yes',
        rights: 'none',
        inventory: 'large_keep_selling',
      },
      ['dispute_reply/not_ours', 'store_sweep/always'],
    ],
    [
      'a utility patent the seller thinks it does not infringe: legal checks the claims first',
      {
        ...base,
        notice: 'platform_complaint',
        listingIsOurs: 'yes',
        ipType: 'utility_patent',
        usesTheirIp: 'no',
      },
      ['legal_opinion/check_first', 'store_sweep/always'],
    ],
    [
      'the seller cannot say which right is named: legal first, not a blind dispute',
      { ...base, notice: 'platform_complaint', listingIsOurs: 'yes', ipType: 'unknown', usesTheirIp: 'no' },
      ['legal_opinion/check_first', 'store_sweep/always'],
    ],
    ['7. nothing known yet: the store sweep still applies', {}, ['store_sweep/always']],
  ])('%s', async (_name, facts, expected) => {
    expect(await ids(facts)).toEqual(expected);
  });

  it('never returns a route id twice', async () => {
    const routes = decide(
      { notice: 'court_or_tro', usesTheirIp: 'yes', rights: 'none', inventory: 'large_keep_selling' },
      (await testContext()).kb,
      {},
    );
    expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
  });

  it('gives every route a one-line reason and at least one exact guidance quote', async () => {
    const kb = (await testContext()).kb;
    const all = [
      ...decide({ notice: 'court_or_tro' }, kb, {}),
      ...decide({ usesTheirIp: 'yes', rights: 'none', inventory: 'large_keep_selling' }, kb, {}),
      ...decide({ listingIsOurs: 'no', notice: 'platform_complaint' }, kb, {}),
      ...decide(
        {
          usesTheirIp: 'no',
          ipType: 'design_patent',
          complainantContact: 'not_tried',
          notice: 'platform_complaint',
        },
        kb,
        {},
      ),
      ...decide({ usesTheirIp: 'unsure', rights: 'none' }, kb, {}),
    ];
    for (const r of all) {
      expect(r.reason).not.toContain('\n');
      expect(r.reason.length).toBeGreaterThan(20);
      const guidance = r.citations.filter((c) => c.doc === 'guidance');
      expect(guidance.length).toBeGreaterThan(0);
      for (const c of guidance) expect(kb.section(c.ref)?.text).toContain(c.quote);
    }
  });

  it('adds the design-patent sentence (list the differences) only for design patents', async () => {
    const kb = (await testContext()).kb;
    const quote = (f: Facts) =>
      decide(f, kb, {})
        .flatMap((r) => r.citations)
        .some((c) => c.quote.includes('list one point two or three differences'));
    expect(quote({ usesTheirIp: 'no', ipType: 'design_patent', notice: 'platform_complaint' })).toBe(true);
    expect(quote({ usesTheirIp: 'no', ipType: 'trademark', notice: 'platform_complaint' })).toBe(false);
  });

  it('words the dispute reason by whether the complainant answered', async () => {
    const kb = (await testContext()).kb;
    const reason = (c: Facts['complainantContact']) =>
      decide(
        { usesTheirIp: 'no', ipType: 'trademark', complainantContact: c, notice: 'platform_complaint' },
        kb,
        {},
      ).find((r) => r.id === 'dispute_reply')?.reason;
    expect(reason('no_reply')).toMatch(/has not answered repeated contact/);
    // The counter-notice window does not wait for the complainant: both go out at once.
    expect(reason('not_tried')).toMatch(
      /before the counter-notice deadline, and at the same time ask the complainant/,
    );
    expect(reason('replied')).toMatch(/retraction to the platform/);
  });

  it('shows Amazon facts only on Amazon cases', async () => {
    const kb = (await testContext()).kb;
    const refs = (platform: Facts['platform']) =>
      decide({ platform, listingIsOurs: 'no', notice: 'platform_complaint' }, kb, {}).flatMap((r) =>
        r.supporting.map((c) => c.ref),
      );
    expect(refs('amazon')).toContain('facts#amazon.clear-complaint');
    expect(refs('amazon')).not.toContain('facts#ae.counter-notice-window');
    expect(refs('aliexpress')).toContain('facts#ae.counter-notice-window');
    expect(refs('aliexpress')).not.toContain('facts#amazon.clear-complaint');
  });
});

describe('missing facts', () => {
  it('asks for everything relevant when nothing is known', () => {
    expect(missingFacts({})).toEqual([
      'listingId',
      'notice',
      'listingIsOurs',
      'ipType',
      'usesTheirIp',
      'noticeDate',
    ]);
  });

  it('stops asking about the product once the listing is not ours', () => {
    expect(
      missingFacts({ listingId: 'B0C1234567', notice: 'platform_complaint', listingIsOurs: 'no' }),
    ).toEqual(['noticeDate']);
  });

  it('asks about stock when delisting, and about contact when disputing', () => {
    const known: Facts = {
      listingId: '1',
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      ipType: 'trademark',
      noticeDate: '2026-11-27',
    };
    expect(missingFacts({ ...known, usesTheirIp: 'yes' })).toEqual(['rights']);
    expect(missingFacts({ ...known, usesTheirIp: 'yes', rights: 'none' })).toEqual(['inventory']);
    expect(missingFacts({ ...known, usesTheirIp: 'no' })).toEqual(['complainantContact']);
    expect(missingFacts({ ...known, notice: 'court_or_tro', usesTheirIp: 'no' })).toEqual(['inventory']);
  });
});
