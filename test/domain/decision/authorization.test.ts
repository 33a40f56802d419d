import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOutcome, type CoreContext } from '../../../src/domain/conversation/outcome.js';
import type { Details, Facts } from '../../../src/domain/model/facts.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

// Issue 15, point 4: an authorization needs a letter. Invoices from a distributor are genuine goods (first
// sale), in any word order; a verbal OK or a phone call is no authorization; and when the reading is unsure,
// the rights question is asked. No draft calls the seller authorized on invoices.

const TODAY = '2026-11-28';
let ctx: CoreContext;
let chat: Conversation;

beforeAll(async () => {
  ctx = await testContext();
});
beforeEach(() => {
  chat = new Conversation(ctx);
});

/** A trademark complaint on a listing that is ours and uses their mark: the rights question is next. */
async function atRights() {
  await chat.send('trademark complaint on 1005006123456789');
  await chat.send('1');
  await chat.send('1');
  expect(chat.question().questionId).toBe('rights');
}

const INVOICES = [
  'invoices but no letter',
  'no letter, but invoices',
  'no authorization letter, only invoices from a distributor',
  'we only have invoices from the distributor',
  'we bought them from an authorized distributor and kept the invoices',
  'we have the purchase invoices',
  'no license, just invoices',
  'invoices only',
  'we have no letter but we do have invoices',
  'genuine products, bought from the brand, we have receipts',
  "no written authorization. we have invoices from Anker's distributor though",
  "we do not have an authorization letter; our invoices are from the brand's official distributor",
  'the letter? no. invoices yes',
  '没有授权书，但是有经销商的发票',
  '只有进货发票',
  '有发票，没有授权书',
];

describe('invoices are genuine goods, never an authorization, in any word order', () => {
  it.each(INVOICES)('read from the words: %s', (text) => {
    const ex = extractFacts(text, TODAY);
    expect(ex.facts.rights).toBe('authorized');
    expect(ex.details.rightsBasis).toBe('invoices');
  });

  it.each(INVOICES)('as the answer to the rights question: %s', async (text) => {
    await atRights();
    await chat.send(text);
    const s = await chat.state();
    expect(s.facts.rights).toBe('authorized');
    expect(s.details.rightsBasis).toBe('invoices');
    // Read from a sentence: said back, and confirmed in the words that are true of it.
    const q = chat.question();
    expect(q.questionId).toBe('__claim');
    expect(q.text).toContain('You said the goods are genuine, bought from the brand or its distributor');
    expect(q.text).not.toMatch(/authori[sz]/i);
    expect(chat.text).toContain(
      'I understood: the goods are genuine, bought from the brand or its distributor, with invoices',
    );
    expect(chat.text).not.toContain('authorized by the owner');
  });

  it('the whole way: the dispute argues genuine goods and never claims an authorization', async () => {
    await chat.send('Acme trademark complaint on 1005006123456789 yesterday, we emailed them, no reply');
    await chat.send('1');
    await chat.send('1');
    await chat.send('no letter, but invoices');
    await chat.send('yes');
    const o = chat.outcome();
    const dispute = o.drafts.find((d) => d.kind === 'dispute_reply')?.body ?? '';
    expect(dispute).toContain('genuine');
    expect(dispute).not.toMatch(AUTH_CLAIM);
    expect(chat.text).not.toContain('authorized by the owner (letter), or genuine goods (invoices)');
  });
});

const VERBAL = [
  'the brand said it is ok on the phone',
  'they verbally agreed we can sell it',
  'we got a verbal ok from the owner',
  'the brand owner gave us permission over the phone',
  'we talked to the brand on wechat and they said it was fine',
  'verbal authorization only',
  'we have an oral agreement with the brand',
  'their sales rep told us we could sell it',
  'the owner called us and said go ahead',
  'we have permission from the brand, but only verbally',
  'they said yes on a call',
  "the brand's manager approved it by phone, nothing in writing",
  'we are authorized, verbally',
  '品牌方口头同意了',
  '电话里他们说可以卖',
  '只有口头授权',
];

describe('a verbal OK or a phone call is not an authorization', () => {
  it.each(VERBAL)('read from the words: %s', (text) => {
    expect(extractFacts(text, TODAY).facts.rights).toBeUndefined();
  });

  it.each(VERBAL)('at the rights question, the seller is told, and it is asked again: %s', async (text) => {
    await atRights();
    await chat.send(text);
    expect((await chat.state()).facts.rights).toBeUndefined();
    expect(chat.text).toContain('A verbal OK or a phone call is not an authorization');
    expect(chat.question().questionId).toBe('rights');
  });

  it('said in the first message, the note comes at once and the rights question later', async () => {
    await chat.send(
      'trademark complaint on 1005006123456789, their logo is on it, the brand said on the phone it is fine',
    );
    expect((await chat.state()).facts.rights).toBeUndefined();
    expect(chat.text).toContain('A verbal OK or a phone call is not an authorization');
    await chat.send('1');
    expect(chat.question().questionId).toBe('rights');
  });

  it('a letter said beside a phone call is still a letter', () => {
    const ex = extractFacts(
      'we have a signed authorization letter, and the brand confirmed on the phone',
      TODAY,
    );
    expect(ex.facts.rights).toBe('authorized');
    expect(ex.details.rightsBasis).toBe('letter');
  });
});

const UNSURE = [
  'we are an authorized dealer',
  'we have permission from the brand',
  "we have the brand's authorization",
  'we are an authorised reseller',
  'we sell with permission of the brand owner',
  'our supplier has an authorization letter',
  'the factory has an authorization letter from the brand',
  '我们有品牌授权',
];

describe('an authorization the words do not pin to a letter or invoices: the rights question is asked', () => {
  it.each(UNSURE)('%s', async (text) => {
    await atRights();
    await chat.send(text);
    expect((await chat.state()).facts.rights).toBeUndefined();
    expect(chat.question().questionId).toBe('rights');
    expect(chat.text).toMatch(/signed letter/);
  });

  it.each([
    ['actually we are an authorized dealer', 'You said you are authorized, but not what it rests on'],
    ['the brand said on the phone it is fine', 'A verbal OK or a phone call is not an authorization'],
  ])('after the decision, %j is not proposed as a change, and the seller is told why', async (text, note) => {
    await chat.send('trademark complaint on 1005006123456789 yesterday, their logo is on it');
    await chat.send('1');
    await chat.send('4');
    await chat.send('2');
    chat.outcome();
    await chat.send(text);
    expect((await chat.state()).facts.rights).toBe('none');
    expect(chat.last.some((r) => r.kind === 'question')).toBe(false);
    expect(chat.text).toContain(note);
    expect(chat.text).toContain('Say "change" to change your answer about your rights.');
  });

  it('said in the first message, it is not taken, and said so', async () => {
    await chat.send(
      'trademark complaint on 1005006123456789, their logo is on it, we are an authorized dealer',
    );
    expect((await chat.state()).facts.rights).toBeUndefined();
    expect(chat.text).toMatch(/signed letter/);
  });
});

// Words that claim an authorization the seller does not hold.
const AUTH_CLAIM =
  /\b(we are|we're) (an? )?authori[sz]ed\b|under a (written )?authori[sz]ation|with the (rights owner'?s?|owner'?s?|brand'?s?) (authori[sz]ation|permission)|authori[sz]ation letter (signed|is attached)|the letter is attached|covered by the authori[sz]ation|hold a signed authori[sz]ation/i;

describe('no draft or note calls the seller authorized on invoices', () => {
  const base: Facts = { listingId: '1005006123456789', listingIsOurs: 'yes', noticeDate: '2026-11-27' };
  const cases: Facts[] = [];
  for (const platform of ['aliexpress', 'amazon', 'other'] as const)
    for (const notice of ['platform_complaint', 'rights_holder_letter', 'court_or_tro'] as const)
      for (const ipType of ['trademark', 'copyright', 'design_patent', 'unknown'] as const)
        for (const usesTheirIp of ['yes', 'unsure'] as const)
          for (const complainantContact of ['no_reply', 'not_tried', 'replied'] as const)
            cases.push({
              ...base,
              platform,
              notice,
              ipType,
              usesTheirIp,
              complainantContact,
              rights: 'authorized',
            });

  it(`in ${cases.length} cases`, () => {
    const details: Details = { rightsBasis: 'invoices', brand: 'Acme' };
    let drafts = 0;
    for (const facts of cases) {
      const o = buildOutcome({ facts, details, today: TODAY }, ctx);
      for (const d of [...o.drafts, ...o.optionalDrafts]) {
        drafts++;
        const text = `${d.subject}\n${d.body}`;
        expect(text, `${d.template} ${JSON.stringify(facts)}`).not.toMatch(AUTH_CLAIM);
        if (d.kind !== 'plan_of_action') expect(text, d.template).toMatch(/genuine/);
      }
    }
    expect(drafts).toBeGreaterThan(100);
  });

  it('the letter is named only with a letter', () => {
    const facts: Facts = {
      ...base,
      platform: 'aliexpress',
      notice: 'platform_complaint',
      ipType: 'trademark',
      usesTheirIp: 'yes',
      rights: 'authorized',
      complainantContact: 'not_tried',
    };
    const letter = buildOutcome({ facts, details: { rightsBasis: 'letter' }, today: TODAY }, ctx);
    const body = letter.drafts.find((d) => d.kind === 'dispute_reply')?.body ?? '';
    expect(body).toContain('under a written authorization from the rights owner');
    expect(body).not.toMatch(/genuine/);
  });
});
