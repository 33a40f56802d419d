import { beforeEach, describe, expect, it } from 'vitest';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

let chat: Conversation;

beforeEach(async () => {
  chat = new Conversation(await testContext());
});

describe('conversation transcripts', () => {
  it('pre-fills from the first message, asks only what is missing, and decides delist_now + store_sweep', async () => {
    await chat.send(
      'got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product',
    );
    expect(chat.text).toContain('not legal advice');
    expect(chat.text).toContain(
      'I understood: AliExpress listing 1005006123456789; a platform IP complaint; trademark; the product or listing does use their mark, design or work.',
    );
    expect(chat.question().questionId).toBe('listingIsOurs');
    await chat.send('1');
    expect(chat.question().questionId).toBe('rights');
    await chat.send('no rights');
    expect(chat.question().questionId).toBe('inventory');
    await chat.send('small stock');
    expect(chat.question().questionId).toBe('noticeDate');
    await chat.send('yesterday');
    const o = chat.outcome();
    expect(o.routes.map((r) => r.id)).toEqual(['delist_now', 'store_sweep']);
    expect(o.facts).toMatchObject({ noticeDate: '2026-11-27', rights: 'none', inventory: 'small_or_stop' });
    expect(chat.text).toContain('> "If you find that your products have someone else\'s trademarks on them');
    expect(chat.text).toContain('Search for product id 1005006123456789.');
    expect(chat.text).toContain('Choose Delete, not only Take offline');
    expect(chat.text).toContain('Do not upload the same product again under a new listing');
    // No appeal deadline on a delist: the seller should not appeal a real infringement.
    expect(o.deadlines).toEqual([]);
  });

  it('asks every question, with numbered choices, when the seller says nothing useful', async () => {
    await chat.send('hi, what now?');
    expect(chat.question().questionId).toBe('listingId');
    await chat.send('skip');
    expect(chat.question().questionId).toBe('notice');
    expect(chat.text).toContain('1. A platform IP complaint or warning');
    await chat.send('3');
    expect(chat.question().questionId).toBe('listingIsOurs');
  });

  it('turns a bad listing reference into a clear message with an example, and asks again', async () => {
    await chat.send('help me');
    await chat.send('https://www.aliexpress.com/store/1234567');
    expect(chat.text).toContain('store page');
    expect(chat.text).toContain('https://www.aliexpress.com/item/1005006123456789.html');
    expect(chat.question().questionId).toBe('listingId');
    expect((await chat.state()).facts.listingId).toBeUndefined();
  });

  it('"back" changes the last answer; "change" picks any answer', async () => {
    await chat.send('complaint about B0C1234567');
    expect(chat.question().questionId).toBe('listingIsOurs');
    await chat.send('yes');
    await chat.send('back');
    expect(chat.question().questionId).toBe('listingIsOurs');
    expect((await chat.state()).facts.listingIsOurs).toBeUndefined();
    await chat.send('yes');
    await chat.send('change');
    const menu = chat.question();
    expect(menu.choices.map((c) => c.value)).toEqual(['listingId', 'notice', 'listingIsOurs']);
    await chat.send('2');
    expect(chat.question().questionId).toBe('notice');
    await chat.send('court');
    expect((await chat.state()).facts).toMatchObject({ notice: 'court_or_tro', listingIsOurs: 'yes' });
  });

  it('"restart" starts the case over, keeping nothing', async () => {
    await chat.send('TRO on B0C1234567, funds frozen');
    await chat.send('restart');
    const s = await chat.state();
    expect(s.facts).toEqual({});
    expect(chat.question().questionId).toBe('listingId');
  });

  it('"help" explains the commands and repeats the question', async () => {
    await chat.send('complaint on 1005006123456789');
    await chat.send('help');
    expect(chat.text).toContain('back: change your last answer');
    expect(chat.question().questionId).toBe('listingIsOurs');
  });

  it('refuses to skip a question the decision depends on', async () => {
    await chat.send('complaint on 1005006123456789');
    await chat.send('skip');
    expect(chat.text).toContain('cannot be skipped');
    expect(chat.question().questionId).toBe('listingIsOurs');
  });

  it('answers unclear text with the accepted forms, and loses nothing', async () => {
    await chat.send('complaint on 1005006123456789');
    const { said: _saidBefore, ...before } = await chat.state();
    await chat.send('purple');
    expect(chat.text).toContain('I did not catch that. Answer 1 to 2');
    // Only the seller's words are kept (for the lawyer's file); the answers and the question stay as they were.
    const { said, ...after } = await chat.state();
    expect(after).toEqual(before);
    expect(said?.map((m) => m.text)).toEqual(['complaint on 1005006123456789', 'purple']);
  });

  it('a button pressed twice, or on an old question, does not change the case', async () => {
    await chat.send('complaint on 1005006123456789');
    const q = chat.question();
    await chat.send({ type: 'answer', questionId: q.questionId, value: 'yes', seq: q.seq });
    const after = await chat.state();
    await chat.send({ type: 'answer', questionId: q.questionId, value: 'no', seq: q.seq });
    expect(chat.text).toContain('already answered');
    expect(await chat.state()).toEqual(after);
    expect(after.facts.listingIsOurs).toBe('yes');
  });

  it('rejects a button value that is not a choice', async () => {
    await chat.send('complaint on 1005006123456789');
    const q = chat.question();
    const before = await chat.state();
    await chat.send({ type: 'answer', questionId: q.questionId, value: 'maybe', seq: q.seq });
    expect(chat.text).toContain('is not one of the choices');
    expect(await chat.state()).toEqual(before);
  });

  it('reads the answer from the seller’s own words, and keeps other facts they mention', async () => {
    await chat.send('complaint on 1005006123456789');
    await chat.send('yes it is ours');
    expect(chat.question().questionId).toBe('ipType');
    await chat.send('they say it is a design patent, we never contacted them');
    const s = await chat.state();
    expect(s.facts.ipType).toBe('design_patent');
    expect(chat.question().questionId).toBe('usesTheirIp');
    expect(chat.text).toContain('would an ordinary buyer');
  });

  it('collects design-patent differences and numbers them in the dispute draft', async () => {
    await chat.send('design patent complaint on 1005006123456789, 2026-11-25, the complainant never replied');
    await chat.send('yes');
    await chat.send('no');
    expect(chat.question().questionId).toBe('differences');
    await chat.send('rounded corners, theirs are square; 3 buttons, theirs has 4');
    const draft = chat.outcome().drafts.find((d) => d.kind === 'dispute_reply');
    expect(draft?.template).toBe('dispute-design-patent');
    expect(draft?.body).toContain('1. rounded corners, theirs are square\n2. 3 buttons, theirs has 4');
  });

  it('asks before a later message changes a decided case, and changes nothing on small talk', async () => {
    await chat.send('complaint on 1005006123456789 3 days ago, we never listed it');
    // Read from the seller's words, "never ours" is confirmed before a dispute says it (issue 15).
    await chat.send('yes');
    expect(chat.outcome().routes.map((r) => r.id)).toEqual(['dispute_reply', 'store_sweep']);
    const decided = await chat.state();
    // "Yesterday" here dates the deletion, not the notice: it is noted, and the notice date stays.
    await chat.send('thanks, we deleted it yesterday');
    expect(chat.text).toContain('Noted (the listing is deleted)');
    expect((await chat.state()).facts).toEqual(decided.facts);
    await chat.send('oh wait, the complaint actually came yesterday');
    expect(chat.text).toContain('notice date: 2026-11-27 (the case says: notice date: 2026-11-25)');
    expect(chat.question().questionId).toBe('__confirm');
    await chat.send('no');
    expect(chat.text).toBe('Kept as it is.');
    expect((await chat.state()).facts).toEqual(decided.facts);
    await chat.send('actually we just got a TRO and our funds are frozen');
    expect(chat.question().questionId).toBe('__confirm');
    await chat.send('yes');
    expect(chat.text).toContain('Updated.');
    expect(chat.question().questionId).toBe('inventory');
    await chat.send('2');
    expect(chat.outcome().routes.map((r) => r.id)).toEqual(['lawyer_escalation', 'store_sweep']);
    await chat.send('thanks');
    expect(chat.text).toContain('Your case is decided');
  });
  it('shows the disclaimer once per case', async () => {
    await chat.send('complaint on 1005006123456789');
    expect(chat.text).toContain('not legal advice');
    await chat.send('yes');
    expect(chat.text).not.toContain('not legal advice');
  });

  it('reads "yesterday" in the team time zone', async () => {
    const ctx = { ...(await testContext()), timeZone: 'America/Los_Angeles' };
    const la = new Conversation(ctx);
    la.clock.set('2026-11-28T04:00:00Z'); // 20:00 on the 27th in Los Angeles
    await la.send('complaint on 1005006123456789 yesterday, we never listed it');
    expect((await la.state()).facts.noticeDate).toBe('2026-11-26');
  });

  it('answers common follow-ups from the guidance, quoting it, and changes nothing', async () => {
    await chat.send('trademark complaint on 1005006123456789 yesterday, their logo is on the product');
    await chat.send('1');
    await chat.send('none');
    await chat.send('2');
    const decided = await chat.state();
    await chat.send('can we move the stock to another warehouse and relist it?');
    expect(chat.text).toContain('No. Do not put the same product up again under a new listing');
    expect(chat.text).toContain(
      '"It is not recommended to create a new list sale after moving the warehouse." (Guidance §1.1)',
    );
    await chat.send('should I email their law firm?');
    expect(chat.text).toContain('Not yourself.');
    expect((await chat.state()).facts).toEqual(decided.facts);
  });

  it('notes details said after the decision without asking, for the drafts', async () => {
    await chat.send('complaint on 1005006123456789 yesterday, we never listed it');
    await chat.send('yes');
    await chat.send('we already deleted it');
    expect(chat.text).toBe('Noted (the listing is deleted). It goes into the drafts and the lawyer note.');
    expect((await chat.state()).details.deleted).toEqual(['listing']);
    expect((await chat.state()).details.delisted).toBe(true);
  });

  it('says at once that court papers are urgent, before the remaining questions', async () => {
    await chat.send('we got a TRO on 1005006123456789');
    expect(chat.text).toContain(
      'Urgent: court papers, a TRO or frozen funds. Get a US lawyer who handles TRO cases today',
    );
    expect(chat.question().questionId).toBe('listingIsOurs');
  });

  it('asks again when an answer says two things ("no, it is ours")', async () => {
    await chat.send('trademark complaint on 1005006123456789');
    await chat.send("no, it's ours");
    expect(chat.text).toContain(
      'I read both "No, it was never in our store" and "Yes, it is our listing" in that.',
    );
    expect((await chat.state()).facts.listingIsOurs).toBeUndefined();
  });

  it('in a court case, takes the infringing listing offline and keeps it as evidence instead of deleting it', async () => {
    await chat.send('we got a TRO on 1005006123456789, their logo is on the product, notice came yesterday');
    await chat.send('1');
    await chat.send('trademark');
    await chat.send('none');
    await chat.send('small');
    const o = chat.outcome();
    expect(o.routes.map((r) => `${r.id}/${r.variant}`)).toContain('delist_now/preserve');
    expect(o.actions[0]?.kind).toBe('take_offline');
    expect(chat.text).toContain(
      'delete nothing (listing, photos, orders, sales records, messages) until the lawyer says so',
    );
    expect(chat.text).not.toContain('Choose Delete');
  });
});
