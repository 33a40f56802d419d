import { beforeAll, describe, expect, it } from 'vitest';
import { buildOutcome, type CoreContext, type Outcome } from '../../../src/domain/conversation/outcome.js';
import { matchFollowUp } from '../../../src/domain/decision/follow-ups.js';
import type { Details, Facts } from '../../../src/domain/model/facts.js';
import { testContext } from '../../helpers/context.js';
import { allPaths, type Path } from '../../helpers/flow-paths.js';

// What a careful IP lawyer checks in every outcome: routes, actions, drafts and notes say the same thing.
// These run over every path through the guided conversation, not a hand-picked few.

const TODAY = '2026-11-30';

/** Everything a seller or a lawyer reads in an outcome, one string per place. */
function texts(o: Outcome): { where: string; text: string }[] {
  return [
    ...o.routes.flatMap((r) => [
      { where: `route ${r.id}/${r.variant}`, text: [r.title, r.reason, ...r.steps].join('\n') },
    ]),
    ...o.actions.map((a) => ({
      where: `action ${a.kind}`,
      text: [a.title, ...a.steps, a.warning ?? ''].join('\n'),
    })),
    ...[...o.drafts, ...o.optionalDrafts].map((d) => ({
      where: `draft ${d.template}`,
      text: `${d.subject}\n${d.body}`,
    })),
    { where: 'notes', text: o.notes.join('\n') },
  ];
}

/**
 * "Delete" said as an instruction to delete something. Negated ("do not delete", "delete nothing",
 * `not "Delete product"`), reported ("already deleted") or warned about ("deleting … can hurt") is fine.
 */
function deleteInstructions(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\bdelet(e|es|ed|ing|ion)\b/gi)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
    const negated =
      /\b(not|never|nothing|no|before|without|until)\W+(\w+\W+){0,3}$/i.test(before) ||
      /n't\W+(\w+\W+){0,2}$/i.test(before);
    const nothing = /^\s+nothing\b/i.test(after);
    const reported = /\b(already|was|were|been|is|are)\s+$/i.test(before) && m[1] === 'ed';
    const warned = /^\w*\b.{0,60}\b(can|may|could) (hurt|cost|be punished)/i.test(after);
    if (!negated && !nothing && !reported && !warned)
      found.push(text.slice(Math.max(0, m.index - 40), m.index + 40));
  }
  return found;
}

let ctx: CoreContext;
let paths: Path[];

beforeAll(async () => {
  ctx = await testContext();
  paths = [
    ...allPaths(ctx),
    // The same paths, starting from a message that already says what arrived, as sellers write them.
    ...allPaths(ctx, 'we got a TRO, our PayPal is frozen'),
    ...allPaths(ctx, 'a law firm sent us a cease and desist letter'),
  ];
});

describe('court cases and letters from their side: off sale now, delete nothing', () => {
  it('no route, action, draft or note of any court or letter outcome tells the seller to delete anything', () => {
    const litigation = paths.filter((p) =>
      ['court_or_tro', 'rights_holder_letter'].includes(p.outcome.facts.notice ?? ''),
    );
    expect(litigation.length).toBeGreaterThan(50);
    for (const p of litigation) {
      for (const t of texts(p.outcome)) {
        expect(deleteInstructions(t.text), `${t.where} after ${p.answers.join(', ')}`).toEqual([]);
      }
    }
  });

  it('takes the accused product off sale and keeps it, whatever the seller said about infringement', () => {
    for (const p of paths) {
      const f = p.outcome.facts;
      if (!['court_or_tro', 'rights_holder_letter'].includes(f.notice ?? '') || f.listingIsOurs === 'no')
        continue;
      const delist = p.outcome.routes.find((r) => r.id === 'delist_now');
      expect(delist?.variant, p.answers.join(', ')).toBe('preserve');
      expect(
        p.outcome.actions.map((a) => a.kind),
        p.answers.join(', '),
      ).toContain('take_offline');
      expect(p.outcome.actions.map((a) => a.kind)).not.toContain('delete_listing');
      expect(delist?.steps.join(' ')).toMatch(/every channel/);
      expect(p.outcome.notes.join(' ')).toMatch(/delete nothing/i);
    }
  });

  it('the lawyer note never asks for a deletion date', () => {
    for (const p of paths) {
      for (const d of p.outcome.drafts.filter((x) => x.kind === 'lawyer_escalation')) {
        expect(d.body, p.answers.join(', ')).not.toMatch(/date it was deleted|deleted on|deletion date/i);
      }
    }
  });

  it('the store sweep keeps other listings too while a case runs, and deletes them otherwise', () => {
    const sweep = (f: Facts) =>
      buildOutcome({ facts: f, details: {}, today: TODAY }, ctx).routes.find((r) => r.id === 'store_sweep');
    expect(sweep({ notice: 'court_or_tro' })?.steps.join(' ')).toMatch(/delete nothing while the case runs/);
    expect(sweep({ notice: 'rights_holder_letter' })?.steps.join(' ')).toMatch(/delete nothing/);
    expect(sweep({ notice: 'platform_complaint' })?.steps.join(' ')).toMatch(/Delete what infringes/);
  });

  it('a seller who already deleted is warned, and the lawyer note says so plainly', () => {
    const o = buildOutcome(
      {
        facts: {
          platform: 'aliexpress',
          listingId: '1005006123456789',
          notice: 'court_or_tro',
          listingIsOurs: 'yes',
          usesTheirIp: 'yes',
          rights: 'none',
          inventory: 'small_or_stop',
          noticeDate: '2026-11-27',
        },
        details: { deleted: ['listing', 'records'] },
        today: TODAY,
        caseId: 'IPC-0007',
      },
      ctx,
    );
    expect(o.notes.join('\n')).toMatch(
      /You said the listing and sales records were already deleted: tell the lawyer today/,
    );
    const note = o.drafts.find((d) => d.kind === 'lawyer_escalation')?.body ?? '';
    expect(note).toContain('WARNING: we say we already deleted the accused listing');
    expect(note).toContain('WARNING: we say we already deleted records of the accused product');
    // What is gone is not claimed as kept.
    expect(note).not.toMatch(/keeping the listing/);
  });
});

describe('follow-up questions get an emphatic, cited answer for the case at hand', () => {
  const court: Facts = { notice: 'court_or_tro' };
  const letter: Facts = { notice: 'rights_holder_letter' };
  const complaint: Facts = { notice: 'platform_complaint', usesTheirIp: 'yes', rights: 'none' };

  it.each<[string, Facts, RegExp, string]>([
    ['should we delete our sales records?', court, /^No\. Delete nothing/, 'facts#us.keep-evidence'],
    [
      'should we delete our sales records?',
      complaint,
      /^No\. Keep your sales records/,
      'facts#us.preserve-on-letter',
    ],
    ['can we delete the listing now?', court, /^No\. Delete nothing/, 'facts#us.keep-evidence'],
    ['can we delete the listing now?', letter, /^No\. Delete nothing/, 'facts#us.keep-evidence'],
    [
      'can we delete the listing now?',
      complaint,
      /^Delete a listing that really infringes/,
      'facts#ae.offline-still-checked',
    ],
    ['can I ignore it?', court, /^No\. Never ignore a court case/, 'facts#us.default-judgment'],
    ['can I ignore it?', letter, /^No\. Do not answer it yourself, but do not ignore it/, 'guidance#1.3'],
    ['can I ignore it?', complaint, /^No\. An unanswered complaint stands/, 'guidance#1.2'],
    ['should I pay this link?', court, /^Not yourself, and never through a link/, 'facts#us.verify-case'],
    ['should I pay the $5,000 they ask for?', letter, /^Not yourself/, 'guidance#1.3'],
  ])('"%s" (%o)', (text, facts, answer, ref) => {
    const m = matchFollowUp(text, facts, {});
    expect(m?.answer).toMatch(answer);
    expect(m?.citations.map((c) => c.ref)).toContain(ref);
  });
});

describe('drafts state nothing false', () => {
  const platform: Facts = {
    platform: 'aliexpress',
    listingId: '1005006123456789',
    notice: 'platform_complaint',
    listingIsOurs: 'yes',
    ipType: 'trademark',
    noticeDate: '2026-11-27',
  };
  const outcome = (facts: Facts, details: Details = {}) =>
    buildOutcome({ facts: { ...platform, ...facts }, details, today: TODAY }, ctx);
  const allText = (o: Outcome) =>
    texts(o)
      .map((t) => t.text)
      .join('\n');

  it('owning a right of one’s own goes to legal, never to a dispute saying "our use is covered"', () => {
    for (const usesTheirIp of ['yes', 'unsure'] as const) {
      const o = outcome({ usesTheirIp, rights: 'own', complainantContact: 'no_reply' });
      expect(o.routes.map((r) => `${r.id}/${r.variant}`)).toEqual([
        'legal_opinion/own_right',
        'store_sweep/always',
      ]);
      expect(o.drafts.map((d) => d.kind)).toEqual(['lawyer_escalation']);
      expect(allText(o)).not.toMatch(/our use is covered/i);
      expect(o.routes[0]?.supporting.map((c) => c.ref)).toContain('facts#ip.own-right-no-defence');
    }
  });

  it('"authorized" only with a letter; invoices are argued as genuine goods (first sale)', () => {
    const invoices = outcome(
      { usesTheirIp: 'yes', rights: 'authorized', complainantContact: 'no_reply' },
      { rightsBasis: 'invoices', brand: 'Acme' },
    );
    const dispute = invoices.drafts.find((d) => d.kind === 'dispute_reply')?.body ?? '';
    expect(dispute).toContain('genuine Acme products');
    expect(dispute).toContain('do not claim to be an authorized dealer');
    expect(dispute).not.toMatch(
      /with the authorization of|under a written authorization|authorization letter signed/i,
    );
    const letter = outcome(
      { usesTheirIp: 'yes', rights: 'authorized', complainantContact: 'no_reply' },
      { rightsBasis: 'letter' },
    );
    const withLetter = letter.drafts.find((d) => d.kind === 'dispute_reply')?.body ?? '';
    expect(withLetter).toContain('under a written authorization from the rights owner');
    expect(withLetter).not.toMatch(/genuine/);
  });

  it('self-shot photos on a copyright claim list the camera files, EXIF and the shoot', () => {
    const o = outcome({ ipType: 'copyright', usesTheirIp: 'no', complainantContact: 'no_reply' });
    const body = o.drafts.find((d) => d.kind === 'dispute_reply')?.body ?? '';
    expect(body).toMatch(/RAW/);
    expect(body).toMatch(/EXIF/);
    expect(body).toMatch(/same session/);
  });

  it('never states an action the seller did not take', () => {
    for (const p of paths) {
      for (const d of p.outcome.drafts) {
        expect(d.body, p.answers.join(', ')).not.toMatch(
          /taking the listing offline while you look;|listing has been taken down/,
        );
      }
    }
  });
});

describe('Amazon is not AliExpress', () => {
  const amazon: Facts = {
    platform: 'amazon',
    listingId: 'B0C1234567',
    notice: 'platform_complaint',
    listingIsOurs: 'yes',
    noticeDate: '2026-11-27',
  };
  const outcome = (facts: Facts, details: Details = {}) =>
    buildOutcome({ facts: { ...amazon, ...facts }, details, today: TODAY }, ctx);

  it('no Amazon outcome has an AliExpress counter-notice deadline or window', () => {
    const amazonPaths = paths.filter((p) => p.outcome.facts.platform === 'amazon');
    expect(amazonPaths.length).toBeGreaterThan(30);
    for (const p of amazonPaths) {
      expect(
        p.outcome.deadlines.map((d) => d.id),
        p.answers.join(', '),
      ).not.toContain('counter_notice');
      for (const t of texts(p.outcome))
        expect(t.text, `${t.where} after ${p.answers.join(', ')}`).not.toMatch(
          /counter-notice (deadline|window)|Seller Center/,
        );
    }
  });

  it('a patent complaint goes to a retraction backed by a lawyer’s opinion, with APEX for utility patents', () => {
    for (const ipType of ['design_patent', 'utility_patent'] as const) {
      const o = outcome({ ipType, usesTheirIp: 'no', complainantContact: 'not_tried' });
      expect(o.routes.map((r) => `${r.id}/${r.variant}`)).toEqual([
        'legal_opinion/amazon_patent',
        'store_sweep/always',
      ]);
      expect(o.routes[0]?.steps.join(' ')).toMatch(/APEX/);
      expect(o.optionalDrafts.map((d) => d.kind)).toEqual(['retraction_request']);
      expect(o.drafts.find((d) => d.kind === 'lawyer_escalation')?.body).toMatch(/non-infringement opinion/);
    }
  });

  it('a valid complaint gets a plan-of-action draft, not an argument', () => {
    const o = outcome({
      ipType: 'trademark',
      usesTheirIp: 'yes',
      rights: 'none',
      inventory: 'small_or_stop',
    });
    expect(o.optionalDrafts.map((d) => d.kind)).toEqual(['plan_of_action']);
    const poa = o.optionalDrafts[0]?.body ?? '';
    expect(poa).toMatch(/Root cause/);
    expect(poa).toMatch(/\[FILL IN: confirm and date\] We deleted our offer on ASIN B0C1234567/);
    // AliExpress has no such draft.
    const ali = buildOutcome(
      {
        facts: { ...o.facts, platform: 'aliexpress', listingId: '1005006123456789' },
        details: {},
        today: TODAY,
      },
      ctx,
    );
    expect(ali.optionalDrafts).toEqual([]);
  });

  it('words the retraction request for the platform it goes to', () => {
    const f: Facts = { ipType: 'trademark', usesTheirIp: 'no', complainantContact: 'not_tried' };
    const onAmazon = outcome(f).optionalDrafts[0]?.body ?? '';
    expect(onAmazon).toMatch(/notice-retraction@amazon\.com/);
    expect(onAmazon).toMatch(/Brand Registry/);
    const onAli =
      buildOutcome(
        {
          facts: { ...amazon, ...f, platform: 'aliexpress', listingId: '1005006123456789' },
          details: {},
          today: TODAY,
        },
        ctx,
      ).optionalDrafts[0]?.body ?? '';
    expect(onAli).toMatch(/IPP platform/);
    expect(onAli).not.toMatch(/Amazon/);
  });
});

describe('everything the seller said reaches the note', () => {
  it('several listings, the TRO date, plaintiff, demand and the pasted notice', () => {
    const o = buildOutcome(
      {
        facts: {
          platform: 'aliexpress',
          listingId: '1005006123456789',
          notice: 'court_or_tro',
          listingIsOurs: 'yes',
          noticeDate: '2026-11-27',
        },
        details: {
          otherListings: [{ platform: 'aliexpress', listingId: '1005006123456790' }],
          troDate: '2026-11-20',
          plaintiff: 'Acme Corp',
          noticeText: 'Dear Seller,\nYou are a defendant in case 1:26-cv-01234.',
        },
        today: TODAY,
        caseId: 'IPC-0009',
      },
      ctx,
    );
    expect(o.deadlines.find((d) => d.id === 'tro_expiry')?.date).toBe('2026-12-04');
    const note = o.drafts.find((d) => d.kind === 'lawyer_escalation')?.body ?? '';
    expect(note).toContain('Accused listing(s): 1005006123456789, and 1 more: 1005006123456790');
    expect(note).toContain('Plaintiff / rights holder: Acme Corp');
    expect(note).toContain('  > You are a defendant in case 1:26-cv-01234.');
  });

  it('a letter’s reply date and demand are in the deadlines and the note', () => {
    const o = buildOutcome(
      {
        facts: {
          platform: 'amazon',
          listingId: 'B0C1234567',
          notice: 'rights_holder_letter',
          listingIsOurs: 'yes',
          noticeDate: '2026-11-27',
        },
        details: { demandAmount: '$15,000', responseDue: '2026-12-01' },
        today: TODAY,
      },
      ctx,
    );
    const reply = o.deadlines.find((d) => d.id === 'letter_reply');
    expect(reply).toMatchObject({ date: '2026-12-01', daysLeft: 1, urgent: true });
    expect(o.notes.join('\n')).toMatch(/Due tomorrow: reply date the letter sets/);
    expect(o.drafts.find((d) => d.kind === 'lawyer_escalation')?.body).toContain('Amount demanded: $15,000');
  });
});
