import { describe, expect, it } from 'vitest';
import { buildOutcome } from '../../../src/domain/conversation/outcome.js';
import { parseTemplate, renderTemplate, TemplateError } from '../../../src/domain/drafting/template.js';
import type { Details, Facts } from '../../../src/domain/model/facts.js';
import { testContext } from '../../helpers/context.js';

const TODAY = '2026-11-28';

async function drafts(facts: Facts, details: Details = {}) {
  const o = buildOutcome({ facts, details, today: TODAY, caseId: 'IPC-0042' }, await testContext());
  return { drafts: o.drafts, optional: o.optionalDrafts };
}

// Words a calm, no-admission dispute must not contain.
const TONE =
  /\b(outrageous|ridiculous|unacceptable|scam|fraud|sue you|lawsuit against|we admit|we apologi[sz]e for infringing|!!)\b/i;

describe('dispute reply drafts', () => {
  it.each<[string, Facts, string]>([
    ['listing never ours', { listingIsOurs: 'no' }, 'dispute-not-ours'],
    ['we hold the rights', { usesTheirIp: 'yes', rights: 'authorized' }, 'dispute-rights'],
    ['no infringement (trademark)', { usesTheirIp: 'no', ipType: 'trademark' }, 'dispute-no-infringement'],
    ['design patent', { usesTheirIp: 'no', ipType: 'design_patent' }, 'dispute-design-patent'],
    ['copyright, our own photos', { usesTheirIp: 'no', ipType: 'copyright' }, 'dispute-copyright'],
  ])('%s → %s', async (_name, facts, template) => {
    const { drafts: ds } = await drafts({
      platform: 'aliexpress',
      listingId: '1005006123456789',
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      noticeDate: '2026-11-25',
      complainantContact: 'no_reply',
      ...facts,
    });
    const d = ds.find((x) => x.kind === 'dispute_reply');
    expect(d?.template).toBe(template);
    expect(d?.subject).toContain('1005006123456789');
    expect(d?.body).toMatch(/^Store: /);
    expect(d?.body).toContain('Request: please');
    expect(d?.body).toContain('Wed 25 Nov 2026');
    expect(d?.body).not.toMatch(TONE);
    expect(d?.body).not.toContain('{{');
  });

  it('fills what the case knows and marks the rest as placeholders, never inventing', async () => {
    const { drafts: ds } = await drafts(
      { listingIsOurs: 'no', platform: 'amazon', listingId: 'B0C1234567', notice: 'platform_complaint' },
      { store: 'Acme Home', complaintId: 'CMP-778812', brand: 'Nike' },
    );
    const d = ds[0];
    expect(d?.body).toContain('Store: Acme Home');
    expect(d?.body).toContain('Complaint ID: CMP-778812');
    expect(d?.body).toContain('from Nike');
    expect(d?.body).toContain('[FILL IN: date the complaint arrived]');
    expect(d?.body).toContain('Contact: [FILL IN: your name, role and email]');
    expect(d?.body).toContain('3. What we checked: [FILL IN:');
    expect(d?.placeholders).toBe(3);
  });

  it('never states what the seller did not say (who made the photos, what was checked)', async () => {
    const { drafts: ds } = await drafts({
      usesTheirIp: 'no',
      ipType: 'copyright',
      listingIsOurs: 'yes',
      notice: 'platform_complaint',
    });
    const body = ds[0]?.body ?? '';
    expect(body).not.toMatch(/taken by our team|our own work|we keep the original/i);
    expect(body).toContain('The images in the listing: [FILL IN: who made them');
  });

  it('numbers the seller’s design differences, or leaves three numbered placeholders', async () => {
    const base: Facts = {
      usesTheirIp: 'no',
      ipType: 'design_patent',
      listingIsOurs: 'yes',
      notice: 'platform_complaint',
    };
    const withDiffs = (await drafts(base, { differences: ['oval, not round', 'two handles'] })).drafts[0];
    expect(withDiffs?.body).toContain('Differences\n1. oval, not round\n2. two handles\n');
    const without = (await drafts(base)).drafts[0];
    expect(without?.body).toContain(
      '1. [FILL IN: first visible difference]\n2. [FILL IN: second difference]\n3. [FILL IN: third difference]',
    );
  });

  it('offers a polite retraction request before disputing, unless contact already failed', async () => {
    const f: Facts = {
      usesTheirIp: 'no',
      ipType: 'trademark',
      listingIsOurs: 'yes',
      notice: 'platform_complaint',
    };
    expect((await drafts({ ...f, complainantContact: 'not_tried' })).optional.map((d) => d.kind)).toEqual([
      'retraction_request',
    ]);
    expect((await drafts({ ...f, complainantContact: 'no_reply' })).optional).toEqual([]);
  });
});

describe('lawyer-escalation note', () => {
  it('carries everything product.md lists, with placeholders for what is unknown', async () => {
    const { drafts: ds } = await drafts(
      {
        platform: 'amazon',
        listingId: 'B0C1234567',
        notice: 'court_or_tro',
        listingIsOurs: 'yes',
        ipType: 'trademark',
        usesTheirIp: 'yes',
        rights: 'none',
        inventory: 'large_keep_selling',
        noticeDate: '2026-11-20',
      },
      { caseNumber: '1:25-cv-01234', frozenAmount: '$3,200', stockUnits: 5000, brand: 'Nike' },
    );
    const note = ds.find((d) => d.kind === 'lawyer_escalation');
    expect(note?.subject).toBe('URGENT, court case or TRO: IP case IPC-0042, Amazon listing B0C1234567');
    for (const part of [
      'Case: IPC-0042',
      'Urgency: URGENT',
      'Accused listing(s): B0C1234567',
      'Plaintiff / rights holder: Nike',
      'Law firm: [FILL IN: law firm and its email, from the notice]',
      'Court: [FILL IN: court, e.g. N.D. Illinois]',
      'Case number: 1:25-cv-01234',
      'Notice arrived: Fri 20 Nov 2026',
      '- TRO ends at the latest, unless extended: Fri 4 Dec 2026',
      '- Answer to the court due: Fri 11 Dec 2026',
      'Frozen accounts and amounts: $3,200',
      'Stock: large stock, want to keep selling (about 5000 units)',
      'Sales of the accused product only',
      'Actions already taken: ipcheck advised taking the product off sale on every channel and keeping everything',
      'determine the scope of the TRO',
      'respond within the defense period',
      "Contact the plaintiff's law firm on our behalf.",
    ]) {
      expect(note?.body).toContain(part);
    }
  });
});

describe('templates', () => {
  it('refuse a slot that is not declared, and rendering with a missing value', () => {
    expect(() =>
      parseTemplate('t', '---\nkind: dispute_reply\nsubject: "S"\nvars: [a]\n---\n{{a}} {{b}}'),
    ).toThrow(TemplateError);
    const t = parseTemplate(
      't',
      '---\nkind: dispute_reply\nsubject: "S {{a}}"\nvars: [a, b]\n---\n{{a}} {{b}}',
    );
    expect(() => renderTemplate(t, { a: 'x' })).toThrow(/no value for \{\{b\}\}/);
    expect(renderTemplate(t, { a: 'x', b: 'y' })).toEqual({ subject: 'S x', body: 'x y' });
  });
});
