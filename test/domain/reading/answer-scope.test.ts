import { beforeEach, describe, expect, it } from 'vitest';
import { exportCaseMarkdown } from '../../../src/domain/conversation/export-case.js';
import type { Facts } from '../../../src/domain/model/facts.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

// Issue 15, point 3: an answer counts only for what it answers. A leading "no"/"yes" whose sentence goes on
// about something else does not answer the question; a mixed sentence is never read in the seller's
// favour; and every fact that makes a draft claim something, read from the seller's own sentence, is shown
// and confirmed before any draft says it.

let chat: Conversation;

beforeEach(async () => {
  chat = new Conversation(await testContext());
});

/** Brings the case to the question asked, pressing buttons only (no claim read from free text). */
async function at(question: 'listingIsOurs' | 'usesTheirIp' | 'rights' | 'complainantContact') {
  if (question === 'rights') {
    await chat.send('trademark complaint on 1005006123456789');
    await chat.send('1'); // ours
    await chat.send('1'); // uses their mark
  } else {
    await chat.send('trademark complaint on 1005006123456789');
    if (question !== 'listingIsOurs') await chat.send('1');
    if (question === 'complainantContact') await chat.send('2'); // does not use their mark (a typed choice)
  }
  expect(chat.question().questionId).toBe(question);
}

const TODAY = '2026-11-28';

describe('a leading yes/no whose sentence is about something else does not answer the question', () => {
  it.each<['listingIsOurs' | 'usesTheirIp' | 'rights' | 'complainantContact', string, Facts]>([
    ['listingIsOurs', "no haven't talked to them", {}],
    ['listingIsOurs', 'no, we have not contacted the brand yet', { complainantContact: 'not_tried' }],
    ['listingIsOurs', "no we don't have any authorization", { rights: 'none' }],
    ['listingIsOurs', 'no, only 20 pcs left', { inventory: 'small_or_stop' }],
    ['listingIsOurs', 'never contacted them', {}],
    ['listingIsOurs', 'yes we got the complaint yesterday', { noticeDate: '2026-11-27' }],
    ['listingIsOurs', '不是，我们还没联系过他们', { complainantContact: 'not_tried' }],
    ['listingIsOurs', '是，产品上有他们的logo，我们没有授权', { usesTheirIp: 'yes', rights: 'none' }],
    ['usesTheirIp', 'no we dont have any authorization', { rights: 'none' }],
    ['usesTheirIp', 'no, we have no license from them', { rights: 'none' }],
    ['usesTheirIp', 'no we never got a reply from them', { complainantContact: 'no_reply' }],
    ['usesTheirIp', 'yes, we want to keep selling', { inventory: 'large_keep_selling' }],
    ['usesTheirIp', 'no, the complaint came yesterday', { noticeDate: '2026-11-27' }],
    ['usesTheirIp', '没有，我们没有授权书', { rights: 'none' }],
    ['usesTheirIp', '不是，库存很少', { inventory: 'small_or_stop' }],
    ['rights', "no haven't talked to the brand", {}],
    ['rights', 'none, we have not contacted them', { complainantContact: 'not_tried' }],
    ['rights', 'no, only a few left', { inventory: 'small_or_stop' }],
    ['complainantContact', 'no, we have only 20 pcs left', { inventory: 'small_or_stop' }],
    ['complainantContact', 'no, the complaint came yesterday', { noticeDate: '2026-11-27' }],
  ])('at %s: %s', async (question, text, taken) => {
    await at(question);
    const before = (await chat.state()).facts;
    await chat.send(text);
    const s = await chat.state();
    // The question's own fact is not set, and it is asked again; what the words did say is taken.
    expect(s.facts[question]).toBeUndefined();
    expect(s.facts).toMatchObject({ ...before, ...taken });
    expect(chat.question().questionId).toBe(question);
    expect(chat.last.some((r) => r.kind === 'outcome')).toBe(false);
  });

  it('says why the leading word was not taken', async () => {
    await at('listingIsOurs');
    await chat.send("no haven't talked to them");
    expect(chat.text).toMatch(/Your "no" may go with the rest of your message, not with this question/);
  });

  it('"yes, and …" answers the question, and the rest is taken too', async () => {
    await at('listingIsOurs');
    await chat.send('yes, and we have not contacted them yet');
    const s = await chat.state();
    expect(s.facts).toMatchObject({ listingIsOurs: 'yes', complainantContact: 'not_tried' });
  });

  it('a leading word with more about the same question still answers it', async () => {
    await at('listingIsOurs');
    await chat.send('yes, it is our listing');
    expect((await chat.state()).facts.listingIsOurs).toBe('yes');
    expect(chat.question().questionId).toBe('usesTheirIp');
  });

  it.each<['listingIsOurs' | 'rights' | 'complainantContact', string, string]>([
    ['listingIsOurs', "no, it isn't", 'no'],
    ['listingIsOurs', 'yes it is', 'yes'],
    ['listingIsOurs', 'no, we never listed it', 'no'],
    ['listingIsOurs', 'yes, and we have not contacted them', 'yes'],
    ['rights', 'no we have nothing', 'none'],
    ['rights', "no, we don't have any", 'none'],
    ['complainantContact', 'no, not yet', 'not_tried'],
    ['complainantContact', 'no, we have not contacted them', 'not_tried'],
  ])('at %s, %j still answers it', async (question, text, value) => {
    await at(question);
    await chat.send(text);
    expect((await chat.state()).facts[question]).toBe(value);
  });

  it('"no letter" and "no idea" are words, not a leading "no"', async () => {
    await at('listingIsOurs');
    await chat.send('no idea');
    expect((await chat.state()).facts.listingIsOurs).toBeUndefined();
    expect(chat.question().questionId).toBe('listingIsOurs');
  });
});

describe('a mixed sentence is never read in the seller’s favour', () => {
  it.each([
    'the photos are ours, but the backpack has mickey ears',
    'we use our own photos, but the backpack has mickey ears',
    'the backpack has mickey ears, but the photos are ours',
    "it's our own design but it looks similar to theirs",
    'no logo, but the shape is the same as theirs',
    'generic product, but it has their cartoon character on it',
    'completely different, though the packaging looks like theirs',
    'we never used their logo, but the bag has the same pattern',
    'our own brand, but the box looks a lot like theirs',
    'we took our own photos. the bag does have the ears though',
    'it is unbranded, however the print is inspired by their design',
    "we don't use their logo but the shape is identical",
    '原创设计，但是包上有米老鼠耳朵',
    '没有用他们的logo，但是外形很像',
    '我们自己的图片，不过款式和他们的一样',
  ])('%s', async (text) => {
    expect(extractFacts(text, TODAY).facts.usesTheirIp).not.toBe('no');
    await at('usesTheirIp');
    await chat.send(text);
    expect((await chat.state()).facts.usesTheirIp).not.toBe('no');
  });

  it.each([
    'no, the photos are ours, but the backpack has mickey ears',
    "no, it's our own design but it looks similar",
    '不是，自己设计的，但是外形很像',
    'no, only the color is similar',
  ])('with a leading "no" too: %s', async (text) => {
    await at('usesTheirIp');
    await chat.send(text);
    expect((await chat.state()).facts.usesTheirIp).not.toBe('no');
  });

  it.each([
    'it is our own design, and it has no logo',
    'we use our own photos, but they still complained',
    'no logo on it, and our store has 20 pcs left',
    'completely different, it looks nothing like theirs',
  ])('a sentence that only says "ours" is still read: %s', (text) => {
    expect(extractFacts(text, TODAY).facts.usesTheirIp).toBe('no');
  });
});

describe('a claim read from the seller’s own sentence is confirmed before a draft says it', () => {
  it.each<[string, string, string]>([
    [
      'complaint on 1005006123456789 3 days ago, we never listed it',
      'listingIsOurs',
      'the listing was never in our store',
    ],
    [
      'complaint on B0C1234567 yesterday, that ASIN isn’t ours',
      'listingIsOurs',
      'the listing was never in our store',
    ],
    ['投诉链接 1005006123456789，这个链接不是我们的', 'listingIsOurs', 'the listing was never in our store'],
    [
      'trademark complaint on 1005006123456789, it is our own design',
      'usesTheirIp',
      'the product does not use their',
    ],
    [
      'trademark complaint on 1005006123456789, there is no logo on the product',
      'usesTheirIp',
      'the product does not use their',
    ],
    [
      'trademark complaint on 1005006123456789, our product does not infringe',
      'usesTheirIp',
      'the product does not use their',
    ],
    [
      'trademark complaint on 1005006123456789, it is a generic unbranded phone case',
      'usesTheirIp',
      'the product does not use their',
    ],
    ['商标投诉 1005006123456789，我们没有侵权', 'usesTheirIp', 'the product does not use their'],
  ])('from the first message: %s', async (text, key, words) => {
    await chat.send(text);
    const q = chat.question();
    expect(q.questionId).toBe('__claim');
    expect(q.text).toContain(`You said ${words}`);
    expect(q.text).toMatch(/A dispute will say so to the platform: is that right\?$/);
    expect(q.choices.map((c) => c.value)).toEqual(['yes', 'no']);
    expect((await chat.state()).status).toBe('open');
    // Said back in "I understood" too.
    expect(chat.text).toContain('I understood:');
    expect(chat.text).toContain(words);
    expect(key).toBeDefined();
  });

  it.each<[string, string]>([
    ['no, we never listed it', 'listingIsOurs'],
    ['it was never in our store', 'listingIsOurs'],
    ["it's not our listing", 'listingIsOurs'],
    ["no, it's not ours", 'listingIsOurs'],
    ['从未上架过这个产品', 'listingIsOurs'],
  ])('an answer in the seller’s own words: %s', async (text, question) => {
    await at('listingIsOurs');
    await chat.send(text);
    expect((await chat.state()).facts[question as keyof Facts]).toBe('no');
    expect(chat.question().questionId).toBe('__claim');
    expect(chat.text).toContain('I understood: the listing was never in our store');
  });

  it.each<[string, string]>([
    ['it is our own design', 'usesTheirIp'],
    ['no, it has no logo at all', 'usesTheirIp'],
    ['we use our own photos', 'usesTheirIp'],
    ['完全不同', 'usesTheirIp'],
  ])('usesTheirIp in the seller’s own words: %s', async (text) => {
    await at('usesTheirIp');
    await chat.send(text);
    expect(chat.question().questionId).toBe('__claim');
    expect(chat.question().text).toContain('You said the product does not use their mark, design or work');
  });

  it.each<[string, string]>([
    [
      'we have a signed authorization letter from the brand',
      'we hold a signed authorization letter from the owner',
    ],
    ['we own the trademark', 'we own the right'],
    ['our trademark is registered in the US', 'we own the right'],
    ['我们有授权书', 'we hold a signed authorization letter from the owner'],
    [
      'we only have invoices from the distributor',
      'the goods are genuine, bought from the brand or its distributor',
    ],
  ])('rights in the seller’s own words: %s', async (text, words) => {
    await at('rights');
    await chat.send(text);
    expect(chat.question().questionId).toBe('__claim');
    expect(chat.question().text).toContain(`You said ${words}`);
  });

  it('"yes" takes the claim and goes on to the outcome', async () => {
    await chat.send('complaint on 1005006123456789 3 days ago, we never listed it');
    await chat.send('yes');
    expect(chat.outcome().routes.map((r) => r.id)).toEqual(['dispute_reply', 'store_sweep']);
    expect((await chat.state()).facts.listingIsOurs).toBe('no');
  });

  it('the button "yes" does the same', async () => {
    await chat.send('complaint on 1005006123456789 3 days ago, we never listed it');
    const q = chat.question();
    await chat.send({ type: 'answer', questionId: q.questionId, value: 'yes', seq: q.seq });
    expect(chat.outcome().routes.map((r) => r.id)).toEqual(['dispute_reply', 'store_sweep']);
  });

  it('"no" forgets the claim and asks the question again', async () => {
    await chat.send('complaint on 1005006123456789 3 days ago, we never listed it');
    await chat.send('no');
    expect((await chat.state()).facts.listingIsOurs).toBeUndefined();
    expect(chat.question().questionId).toBe('listingIsOurs');
    await chat.send('1');
    expect(chat.question().questionId).toBe('ipType');
  });

  it('a correction in words instead of "no" is read as the answer to the question', async () => {
    await chat.send('complaint on 1005006123456789 3 days ago, we never listed it');
    await chat.send('no, it is ours');
    expect((await chat.state()).facts.listingIsOurs).toBe('yes');
    expect(chat.question().questionId).toBe('ipType');
  });

  it('a button press, a typed number or the typed label is not asked again', async () => {
    await at('listingIsOurs');
    const q = chat.question();
    await chat.send({ type: 'answer', questionId: q.questionId, value: 'no', seq: q.seq });
    expect(chat.question().questionId).toBe('noticeDate');
    await chat.send('yesterday');
    expect(chat.outcome().routes.map((r) => r.id)).toContain('dispute_reply');
    for (const typed of ['2', 'No, it was never in our store', 'no', 'not ours']) {
      const other = new Conversation(await testContext());
      await other.send('trademark complaint on 1005006123456789');
      await other.send(typed);
      expect(other.question().questionId, typed).toBe('noticeDate');
      expect((await other.state()).facts.listingIsOurs).toBe('no');
    }
  });

  it('in a court case the note to the lawyer is named instead of a dispute', async () => {
    await chat.send('we got a TRO on 1005006123456789, we never listed it');
    const q = chat.question();
    expect(q.questionId).toBe('__claim');
    expect(q.text).toMatch(/The note to your lawyer will say so: is that right\?$/);
  });

  it('a claim that is not yet relevant is still confirmed before any draft says it', async () => {
    await chat.send(
      'trademark complaint on 1005006123456789, it is our own design, we emailed them, no reply',
    );
    expect(chat.question().questionId).toBe('__claim');
    await chat.send('yes');
    expect(chat.question().questionId).toBe('listingIsOurs');
    await chat.send('1');
    expect(chat.question().questionId).toBe('noticeDate');
  });
});

describe('"I understood" lists every fact taken from the words', () => {
  it('the answer itself, not only the other facts', async () => {
    await at('listingIsOurs');
    await chat.send('yes, and our store XYZ Official Store has 20 pcs left, their logo is on it');
    expect(chat.text).toContain('I understood: the listing is ours;');
    expect(chat.text).toContain('the product or listing does use their mark, design or work');
  });

  it('a button press is not said back', async () => {
    await at('listingIsOurs');
    await chat.send('1');
    expect(chat.text).not.toContain('I understood');
  });
});

describe('the case file says which claims were read from words, and when they were confirmed', () => {
  it('in the audit trail and the export', async () => {
    await chat.send('complaint on 1005006123456789 3 days ago, we never listed it');
    let rec = await chat.stores.cases.get(chat.caseId ?? '');
    expect(rec?.audit.map((e) => e.detail)).toContain(
      'listingIsOurs=no (the listing was never in our store; read from the seller’s words, to be confirmed)',
    );
    if (!rec) throw new Error('no case');
    expect(exportCaseMarkdown(rec, undefined, new Date())).toContain(
      '- `listingIsOurs`: no (the listing was never in our store; read from the seller’s words, not yet confirmed)',
    );
    await chat.send('yes');
    rec = await chat.stores.cases.get(chat.caseId ?? '');
    expect(rec?.audit.map((e) => e.detail)).toContain(
      'listingIsOurs=no confirmed by the seller when asked back',
    );
    expect(rec?.state.unconfirmed).toBeUndefined();
  });
});
