import { beforeEach, describe, expect, it } from 'vitest';
import { testContext } from '../../helpers/context.js';
import { Conversation, NOW } from '../../helpers/transcript.js';

// Transcripts: what the seller writes reaches the case (facts, details, their words), in every message.

let chat: Conversation;

beforeEach(async () => {
  chat = new Conversation(await testContext());
});

describe('the seller’s words are kept on the case', () => {
  it('every free-text message goes to `said`, with its time; commands and bare choices do not', async () => {
    await chat.send('got a complaint on 1005006123456789, not sure what it is about');
    await chat.send('1'); // listing is ours
    chat.clock.set('2026-11-28T10:05:00Z');
    await chat.send('the email says trademark, Nike');
    await chat.send('back');
    await chat.send('purple');
    const s = await chat.state();
    expect(s.said).toEqual([
      {
        at: new Date(NOW).toISOString(),
        text: 'got a complaint on 1005006123456789, not sure what it is about',
      },
      { at: '2026-11-28T10:05:00.000Z', text: 'the email says trademark, Nike' },
      { at: '2026-11-28T10:05:00.000Z', text: 'purple' },
    ]);
  });

  it('a long notice is read to its end', async () => {
    const filler = 'This paragraph repeats the platform’s general terms about intellectual property. '.repeat(
      120,
    );
    await chat.send(
      `Dear Seller,\n${filler}\nAffected listings: 1005006123456789, 1005006123456790\nComplaint ID: 8812345678`,
    );
    const s = await chat.state();
    expect(s.facts.listingId).toBe('1005006123456789');
    expect(s.details).toMatchObject({ complaintId: '8812345678' });
    expect(s.details.noticeText?.endsWith('Complaint ID: 8812345678')).toBe(true);
    // The words are kept as read, each message cut at 4,000 characters with a marker.
    expect(s.said?.[0]?.text).toMatch(/\[… cut: \d+ more characters\]$/);
  });

  it('a pasted notice is kept whole as the notice text (the first one), and read for facts', async () => {
    const notice = [
      'Dear Seller,',
      'Your listing https://www.aliexpress.com/item/1005006123456789.html has been removed following a',
      'notice of trademark infringement. Complaint ID: 8812345678. Rights holder: Acme Corp.',
      'You may submit a counter notice within 3 business days.',
    ].join('\n');
    await chat.send(notice);
    let s = await chat.state();
    expect(s.details.noticeText).toBe(notice);
    expect(s.details.complaintId).toBe('8812345678');
    expect(s.facts).toMatchObject({ listingId: '1005006123456789', ipType: 'trademark' });
    await chat.send(`Dear Seller,\nanother notice about the same item, a reminder.\n${'x'.repeat(300)}`);
    s = await chat.state();
    expect(s.details.noticeText).toBe(notice);
    expect(s.said).toHaveLength(2);
  });
});

describe('facts in every answer are read', () => {
  it('answering the notice question in their own words gives every fact and detail in it', async () => {
    await chat.send('a question about 1005006123456789');
    expect(chat.question().questionId).toBe('notice');
    await chat.send(
      'a court TRO, issued Nov 20, our PayPal $3,000 frozen, 20 listings, the email came yesterday',
    );
    const s = await chat.state();
    expect(s.facts).toMatchObject({ notice: 'court_or_tro', noticeDate: '2026-11-27' });
    expect(s.details).toMatchObject({ troDate: '2026-11-20', frozenAmount: '$3,000 (PayPal)' });
    expect(chat.text).toContain('Urgent: court papers');
  });

  it('a date answer keeps the TRO date apart from the notice date', async () => {
    await chat.send('we got a TRO on 1005006123456789');
    await chat.send('1');
    await chat.send('trademark');
    await chat.send('no');
    await chat.send('small');
    expect(chat.question().questionId).toBe('noticeDate');
    await chat.send('the TRO was issued Nov 20, the email reached us Nov 23');
    const s = await chat.state();
    expect(s.facts.noticeDate).toBe('2026-11-23');
    expect(s.details.troDate).toBe('2026-11-20');
  });

  it('a TRO date given as the notice date is kept as the TRO date, and the notice date asked again', async () => {
    await chat.send('we got a TRO on 1005006123456789');
    await chat.send('1');
    await chat.send('trademark');
    await chat.send('no');
    await chat.send('small');
    await chat.send('the TRO was issued Nov 20');
    expect(chat.text).toContain('TRO issued: 2026-11-20');
    expect(chat.text).toContain('2026-11-20 is when the TRO was issued; when did the notice reach you');
    expect(chat.question().questionId).toBe('noticeDate');
    const s = await chat.state();
    expect(s.facts.noticeDate).toBeUndefined();
    expect(s.details.troDate).toBe('2026-11-20');
  });

  it('a choice answer with more words takes the other facts too', async () => {
    await chat.send('trademark complaint on 1005006123456789');
    expect(chat.question().questionId).toBe('listingIsOurs');
    await chat.send('yes, and our store XYZ Official Store has 20 pcs left, their logo is on it');
    const s = await chat.state();
    expect(s.facts).toMatchObject({ listingIsOurs: 'yes', usesTheirIp: 'yes', inventory: 'small_or_stop' });
    expect(s.details).toMatchObject({ store: 'XYZ Official Store', stockUnits: 20 });
  });

  it('text that does not answer the question still gives its facts, then the question is asked again', async () => {
    await chat.send('trademark complaint on 1005006123456789');
    await chat.send('by the way the complaint came yesterday, Complaint ID: 8812345678');
    const s = await chat.state();
    expect(s.facts.noticeDate).toBe('2026-11-27');
    expect(s.details.complaintId).toBe('8812345678');
    expect(chat.question().questionId).toBe('listingIsOurs');
  });

  it('a new fact that contradicts an earlier answer is shown and asked, not applied silently', async () => {
    await chat.send('trademark complaint on 1005006123456789');
    await chat.send('1');
    expect(chat.question().questionId).toBe('usesTheirIp');
    await chat.send('yes, it is a design patent complaint actually');
    expect(chat.text).toContain('design patent (the case says: trademark)');
    expect(chat.question().questionId).toBe('__confirm');
    expect((await chat.state()).facts).toMatchObject({ ipType: 'trademark', usesTheirIp: 'yes' });
    await chat.send('no');
    expect(chat.text).toContain('Kept as it is.');
    expect(chat.question().questionId).toBe('rights');
    expect((await chat.state()).facts.ipType).toBe('trademark');
  });

  it('…and applied on "yes"', async () => {
    await chat.send('trademark complaint on 1005006123456789');
    await chat.send('1');
    await chat.send('yes, it is a design patent complaint actually');
    await chat.send('yes');
    expect((await chat.state()).facts).toMatchObject({ ipType: 'design_patent', usesTheirIp: 'yes' });
    expect(chat.question().questionId).toBe('rights');
  });
});

describe('a reply-by date in days', () => {
  it('"within 10 days" is counted again from the notice date once it is known', async () => {
    await chat.send(
      'a letter from Acme LLP about 1005006123456789, they demand $5,000, reply within 10 days',
    );
    expect((await chat.state()).details).toMatchObject({ demandAmount: '$5,000', responseDue: '2026-12-08' });
    await chat.send('1'); // ours
    await chat.send('trademark');
    await chat.send('yes');
    await chat.send('none');
    await chat.send('small');
    expect(chat.question().questionId).toBe('noticeDate');
    await chat.send('Nov 20');
    expect((await chat.state()).details.responseDue).toBe('2026-11-30');
  });
});

describe('several listings per case', () => {
  it('later messages add listings to the case, without duplicates', async () => {
    await chat.send('Schedule A TRO naming 1005006123456789 and 1005006123456790');
    let s = await chat.state();
    expect(s.facts.listingId).toBe('1005006123456789');
    expect(s.details.otherListings).toEqual([{ platform: 'aliexpress', listingId: '1005006123456790' }]);
    await chat.send('it also names B0C1234567 and 1005006123456790, yes they are ours');
    s = await chat.state();
    expect(s.facts.listingId).toBe('1005006123456789');
    expect(s.facts.listingIsOurs).toBe('yes');
    expect(s.details.otherListings).toEqual([
      { platform: 'aliexpress', listingId: '1005006123456790' },
      { platform: 'amazon', listingId: 'B0C1234567' },
    ]);
  });

  it('pasting several links as the listing answer keeps them all', async () => {
    await chat.send('we got a complaint');
    expect(chat.question().questionId).toBe('listingId');
    await chat.send(
      'https://www.aliexpress.com/item/1005006123456789.html\nhttps://www.aliexpress.com/item/1005006123456790.html',
    );
    const s = await chat.state();
    expect(s.facts.listingId).toBe('1005006123456789');
    expect(s.details.otherListings).toEqual([{ platform: 'aliexpress', listingId: '1005006123456790' }]);
  });

  it('after the decision, more listings of the same case are noted on it, not opened as a new case', async () => {
    await chat.send('complaint on 1005006123456789 3 days ago, we never listed it');
    await chat.send('yes'); // "never ours" confirmed
    chat.outcome();
    await chat.send('the complaint also names 1005006123456790');
    expect(chat.caseId).toBe('IPC-0001');
    expect(chat.text).toContain('Noted');
    expect((await chat.state()).details.otherListings).toEqual([
      { platform: 'aliexpress', listingId: '1005006123456790' },
    ]);
  });
});

describe('a message after the decision that names this case’s listing stays in this case', () => {
  it('and its other listings are noted', async () => {
    await chat.send('complaint on 1005006123456789 3 days ago, we never listed it');
    await chat.send('yes'); // "never ours" confirmed
    chat.outcome();
    await chat.send('the notice lists 1005006123456789 and B0C1234567');
    expect(chat.caseId).toBe('IPC-0001');
    expect((await chat.state()).details.otherListings).toEqual([
      { platform: 'amazon', listingId: 'B0C1234567' },
    ]);
    await chat.send('now another complaint, on B0D7654321');
    expect(chat.caseId).toBe('IPC-0002');
  });
});

describe('design-patent differences, one per line', () => {
  it('keeps every line, without bullets or numbers', async () => {
    await chat.send('design patent complaint on 1005006123456789, 2026-11-25, the complainant never replied');
    await chat.send('yes');
    await chat.send('no');
    expect(chat.question().questionId).toBe('differences');
    await chat.send(
      '1. rounded corners\n2) three buttons\n• matte finish\n- thinner lid\n① 不同的把手\n2、 no logo window',
    );
    expect((await chat.state()).details.differences).toEqual([
      'rounded corners',
      'three buttons',
      'matte finish',
      'thinner lid',
      '不同的把手',
      'no logo window',
    ]);
  });
});

describe('a stock count is not "we want to keep selling"', () => {
  it('records the count and still asks the inventory question', async () => {
    await chat.send(
      'trademark complaint on 1005006123456789 yesterday, their logo is on it, we have 5,000 units',
    );
    await chat.send('1');
    await chat.send('none');
    expect(chat.question().questionId).toBe('inventory');
    expect((await chat.state()).details.stockUnits).toBe(5000);
    await chat.send('we want to keep selling');
    expect(chat.outcome().routes.map((r) => r.id)).toContain('lawyer_escalation');
  });
});

describe('Chinese answers', () => {
  it('a whole case in Chinese', async () => {
    await chat.send('昨天收到速卖通商标投诉，链接 1005006123456789');
    expect(chat.question().questionId).toBe('listingIsOurs');
    await chat.send('是');
    expect(chat.question().questionId).toBe('usesTheirIp');
    await chat.send('是的');
    expect(chat.question().questionId).toBe('rights');
    await chat.send('没有授权');
    expect(chat.question().questionId).toBe('inventory');
    await chat.send('库存很少');
    const o = chat.outcome();
    expect(o.facts).toMatchObject({
      platform: 'aliexpress',
      notice: 'platform_complaint',
      ipType: 'trademark',
      listingIsOurs: 'yes',
      usesTheirIp: 'yes',
      rights: 'none',
      inventory: 'small_or_stop',
      noticeDate: '2026-11-27',
    });
  });

  it('a Chinese answer with more words: the other facts, and the question again', async () => {
    await chat.send('商标投诉，链接 1005006123456789');
    expect(chat.question().questionId).toBe('listingIsOurs');
    await chat.send('是，产品上有他们的logo，我们没有授权');
    const s = await chat.state();
    expect(s.facts).toMatchObject({ usesTheirIp: 'yes', rights: 'none' });
    // "是" may go with "the product has their logo": it does not answer "Is the listing yours?" (issue 15).
    expect(s.facts.listingIsOurs).toBeUndefined();
    expect(chat.question().questionId).toBe('listingIsOurs');
    await chat.send('是');
    expect(chat.question().questionId).toBe('inventory');
  });

  it('a Chinese answer that adds more with 而且: the choice and the other facts', async () => {
    await chat.send('商标投诉，链接 1005006123456789');
    await chat.send('是的，而且产品上有他们的logo，我们没有授权');
    const s = await chat.state();
    expect(s.facts).toMatchObject({ listingIsOurs: 'yes', usesTheirIp: 'yes', rights: 'none' });
    expect(chat.question().questionId).toBe('inventory');
  });

  it.each([
    ['不确定', 'unsure'],
    ['不知道', 'unsure'],
    ['否', 'no'],
    ['不是', 'no'],
  ])('usesTheirIp: %s → %s', async (answer, value) => {
    await chat.send('trademark complaint on 1005006123456789');
    await chat.send('1');
    await chat.send(answer);
    expect((await chat.state()).facts.usesTheirIp).toBe(value);
  });
});
