import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOutcome, type CoreContext, type Outcome } from '../../../src/domain/conversation/outcome.js';
import { renderRepliesText } from '../../../src/domain/conversation/render-text.js';
import { matchFollowUp } from '../../../src/domain/decision/follow-ups.js';
import type { Details, Facts } from '../../../src/domain/model/facts.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

// What a US IP litigator found reading fresh outcomes, each pinned so it cannot come back.

const TODAY = '2026-12-01';
let ctx: CoreContext;
beforeAll(async () => {
  ctx = await testContext();
});
const outcome = (facts: Facts, details: Details = {}): Outcome =>
  buildOutcome({ facts, details, today: TODAY, caseId: 'IPC-0005' }, ctx);
const draft = (o: Outcome, kind: string) =>
  [...o.drafts, ...o.optionalDrafts].find((d) => d.kind === kind)?.body ?? '';

describe('the seller’s words are not turned against them', () => {
  it('a question about deleting records, in Chinese, is answered and never recorded as a deletion', async () => {
    const chat = new Conversation(ctx);
    await chat.send('我们收到了美国法院的TRO临时禁令，速卖通商品 1005006123456789，PayPal被冻结了。');
    await chat.send('我们可以删除销售记录吗？');
    expect(chat.text).toContain('No. Delete nothing');
    expect((await chat.state()).details.deleted).toBeUndefined();
    expect(extractFacts('我们可以删除销售记录吗？', TODAY).details.deleted).toBeUndefined();
    expect(extractFacts('我们已经删除了销售记录', TODAY).details.deleted).toEqual(['records']);
  });

  it('a plan to delete, said without a question mark, is answered in a court case', () => {
    expect(
      matchFollowUp('our boss wants us to delete the sales records', { notice: 'court_or_tro' }, {})?.answer,
    ).toMatch(/^No\. Delete nothing/);
    expect(
      matchFollowUp('we plan to delete the listing tomorrow', { notice: 'court_or_tro' }, {})?.answer,
    ).toMatch(/^No\. Delete nothing/);
  });

  it('genuine goods with invoices are never read as "no rights"', () => {
    const ex = extractFacts(
      'Amazon trademark complaint from Anker on B0C1234567. These are genuine Anker chargers, we only have invoices from a distributor, no authorization letter.',
      TODAY,
    );
    expect(ex.facts.rights).toBe('authorized');
    expect(ex.details.rightsBasis).toBe('invoices');
    expect(extractFacts('we have no authorization from the brand', TODAY).facts.rights).toBe('none');
  });

  it('a date about something the seller did is not the day the notice arrived', () => {
    expect(
      extractFacts('TRO on B0C1234567. We already deleted the listing yesterday', TODAY).facts.noticeDate,
    ).toBeUndefined();
    expect(
      extractFacts('we had listed it on Nov 2, got a TRO on B0C1234567', TODAY).facts.noticeDate,
    ).toBeUndefined();
    expect(
      extractFacts(
        'sold this product since 2024-01-10, complaint from Nike on 1005006123456789 yesterday',
        TODAY,
      ).facts.noticeDate,
    ).toBe('2026-11-30');
    expect(extractFacts('got the complaint yesterday, we deleted it today', TODAY).facts.noticeDate).toBe(
      '2026-11-30',
    );
  });

  it('reports, messages and photos count as deleted records; the court keeps its full name', () => {
    const ex = extractFacts(
      'TRO on B0C1234567 in the N.D. Illinois, we already deleted the listing and removed the sales reports',
      TODAY,
    );
    expect(ex.details.deleted).toEqual(['listing', 'records']);
    expect(ex.details.court).toBe('N.D. Illinois');
  });
});

describe('outcomes say one thing', () => {
  it('not yet contacted: the counter-notice goes out now, with the retraction request beside it', () => {
    const o = outcome({
      platform: 'aliexpress',
      listingId: '1005006123456789',
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      ipType: 'trademark',
      usesTheirIp: 'no',
      complainantContact: 'not_tried',
      noticeDate: '2026-11-26',
    });
    expect(o.deadlines[0]).toMatchObject({ id: 'counter_notice', daysLeft: 0 });
    const reason = o.routes.find((r) => r.id === 'dispute_reply')?.reason ?? '';
    expect(reason).toMatch(/before the counter-notice deadline, and at the same time ask the complainant/);
    expect(reason).not.toMatch(/first; if they do not answer/);
  });

  it('the lawyer note claims nothing is kept that the seller has not confirmed', () => {
    const o = outcome(
      { platform: 'amazon', listingId: 'B0C1234567', notice: 'court_or_tro', listingIsOurs: 'yes' },
      { deleted: ['listing'] },
    );
    const note = draft(o, 'lawyer_escalation');
    expect(note).toContain(
      '[FILL IN: what was done and when, and say plainly if anything was already deleted]',
    );
    expect(note).not.toMatch(/we are keeping/);
  });

  it('an Amazon patent complaint: the opinion first, then the retraction request', () => {
    const o = outcome({
      platform: 'amazon',
      listingId: 'B0C1234567',
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      ipType: 'utility_patent',
      usesTheirIp: 'no',
    });
    const steps = o.routes[0]?.steps ?? [];
    expect(steps[0]).toMatch(/opinion letter/);
    expect(steps[1]).toMatch(/With the opinion in hand, legal asks the patent owner to retract/);
  });

  it('an Amazon copyright appeal says it is not a DMCA counter-notice', () => {
    const o = outcome({
      platform: 'amazon',
      listingId: 'B0C1234567',
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      ipType: 'copyright',
      usesTheirIp: 'no',
      complainantContact: 'no_reply',
    });
    expect(o.routes[0]?.steps.join(' ')).toMatch(/not a formal DMCA counter-notice/);
  });

  it('the Amazon plan of action admits nothing and goes past legal first', () => {
    const o = outcome({
      platform: 'amazon',
      listingId: 'B0C1234567',
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      ipType: 'trademark',
      usesTheirIp: 'yes',
      rights: 'none',
      inventory: 'small_or_stop',
    });
    const poa = draft(o, 'plan_of_action');
    expect(poa).not.toMatch(/do not contest|we did not check|counterfeit products/i);
    expect(poa).toMatch(/have legal read this plan before sending it/);
    expect(o.routes.find((r) => r.id === 'delist_now')?.steps.join(' ')).toMatch(/after legal has read it/);
  });

  it('a design-patent dispute attaches the side-by-side comparison, even when the seller owns a patent', () => {
    const o = outcome({
      platform: 'aliexpress',
      listingId: '1005006123456789',
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      ipType: 'design_patent',
      usesTheirIp: 'no',
      rights: 'own',
      complainantContact: 'no_reply',
    });
    const body = draft(o, 'dispute_reply');
    expect(body).toMatch(/Side-by-side images of our product and the patent drawings/);
    expect(body).not.toMatch(/Our registration certificate/);
  });

  it('an unknown platform gets no AliExpress window or menus, but a note with the AliExpress date', () => {
    const o = outcome({
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      ipType: 'copyright',
      usesTheirIp: 'no',
      complainantContact: 'no_reply',
      noticeDate: '2026-11-30',
    });
    expect(o.deadlines).toEqual([]);
    expect(o.actions.map((a) => a.title)).toEqual(['Send the dispute through the platform’s appeal page']);
    expect(o.notes.join('\n')).toMatch(/Which platform is it\? On AliExpress .* \(Thu 3 Dec 2026\)/);
  });

  it('Amazon wording on Amazon cases: inventory pages, and close versus delete', () => {
    const notOurs = outcome({
      platform: 'amazon',
      listingId: 'B0C1234567',
      notice: 'platform_complaint',
      listingIsOurs: 'no',
    });
    expect(draft(notOurs, 'dispute_reply')).toMatch(/Manage All Inventory, active and inactive listings/);
    expect(draft(notOurs, 'dispute_reply')).not.toMatch(/online or offline/);
    const answer = matchFollowUp(
      'should we delete the listing?',
      {
        platform: 'amazon',
        notice: 'platform_complaint',
      },
      {},
    );
    expect(answer?.answer).toMatch(/Delete product and listing/);
    expect(answer?.answer).not.toMatch(/AliExpress/);
  });

  it('lists the answers still missing, and a TRO past its 14 days is not "a missed deadline"', () => {
    const o = outcome({
      platform: 'aliexpress',
      listingId: '1005006123456789',
      notice: 'court_or_tro',
      noticeDate: '2026-11-01',
    });
    expect(o.notes.join('\n')).toMatch(/Some answers are missing \(listing is yours, .*\)/);
    expect(o.notes.join('\n')).toMatch(
      /TRO’s 14 days have passed, but that does not mean the freeze is over/,
    );
    expect(draft(o, 'lawyer_escalation')).toMatch(/check the docket for a default/);
  });

  it('court papers are announced as urgent, not as an error', async () => {
    const chat = new Conversation(ctx);
    await chat.send('we got a TRO on 1005006123456789');
    expect(renderRepliesText(chat.last)).toMatch(/!! Urgent: court papers/);
    expect(renderRepliesText(chat.last)).not.toMatch(/Sorry: Urgent/);
  });
});

describe('follow-up answers that a litigator would sign', () => {
  let court: Facts;
  beforeEach(() => {
    court = { notice: 'court_or_tro' };
  });

  it('a settlement demand may be real: checked on the docket, never paid through a link', () => {
    const a = matchFollowUp('should I pay this link?', court, {});
    expect(a?.answer).toMatch(/Plaintiff firms do email settlement demands/);
    expect(a?.citations.map((c) => c.quote)).not.toContain(
      'real courts do not email people asking for payment',
    );
  });

  it('relisting in a court case breaks more than platform rules', () => {
    expect(matchFollowUp('can we relist from another warehouse?', court, {})?.answer).toMatch(
      /TRO usually forbids selling/,
    );
    expect(matchFollowUp('可以换个仓库重新上架吗？', court, {})?.answer).toMatch(
      /TRO usually forbids selling/,
    );
  });

  it('"can I ignore it?" does not point at an outcome that is not shown yet', () => {
    expect(matchFollowUp('can I ignore it?', court, {})?.answer).not.toMatch(/outcome above/);
  });
});

describe('a second reading', () => {
  it('reads Chinese deletions as done only when done, in either word order', () => {
    const deleted = (s: string) => extractFacts(s, TODAY).details.deleted;
    expect(deleted('把聊天记录删了')).toEqual(['records']);
    expect(deleted('已删除订单和销售记录')).toEqual(['records']);
    expect(deleted('我们已经删除了链接和聊天记录')).toEqual(['listing', 'records']);
    expect(deleted('我们想先把订单记录删掉')).toBeUndefined();
    expect(deleted('老板说明天删除订单')).toBeUndefined();
    expect(deleted('we removed their logo from our photos')).toBeUndefined();
  });

  it('a deletion under way or planned gets "delete nothing" at once, in English and Chinese', () => {
    const letter: Facts = { notice: 'rights_holder_letter' };
    for (const s of [
      'my boss is clearing the chat history now',
      '我们想先把订单记录删掉',
      '老板说明天删除订单',
    ])
      expect(matchFollowUp(s, letter, {})?.answer, s).toMatch(/^No\. Delete nothing/);
  });

  it('a deletion reported after the decision in a court case is answered with "stop" at once', async () => {
    const chat = new Conversation(ctx);
    await chat.send('TRO email today about 1005006123456789, their logo is on it, no rights, small stock');
    await chat.send('1');
    chat.outcome();
    await chat.send('把聊天记录删了');
    expect(renderRepliesText(chat.last)).toMatch(/!! Stop: delete nothing more/);
  });

  it('a reply-by date the notice states is a deadline in every kind of case', () => {
    const court = outcome(
      {
        platform: 'aliexpress',
        listingId: '1005006123456789',
        notice: 'court_or_tro',
        noticeDate: '2026-12-01',
      },
      { responseDue: '2026-12-03' },
    );
    expect(court.deadlines.map((d) => [d.id, d.date])).toContainEqual(['stated_reply', '2026-12-03']);
    const complaint = outcome(
      { platform: 'aliexpress', notice: 'platform_complaint' },
      { responseDue: '2026-12-02' },
    );
    expect(complaint.deadlines[0]).toMatchObject({ id: 'stated_reply', urgent: true });
  });

  it('a TRO date given after the decision shows the new deadlines at once', async () => {
    const chat = new Conversation(ctx);
    await chat.send('TRO email today about 1005006123456789, their logo is on it, no rights, small stock');
    await chat.send('1');
    chat.outcome();
    await chat.send('the TRO was issued Nov 18');
    // The conversation's today is Sat 28 Nov: the TRO (issued Nov 18) now ends on Wed 2 Dec, not Sat 12 Dec.
    expect(renderRepliesText(chat.last)).toMatch(
      /Deadlines now: TRO ends at the latest, unless extended: Wed 2 Dec 2026;/,
    );
  });

  it('a date with its verb after it (我们10月1日上架的, "went live Oct 2") is not the notice date', () => {
    expect(
      extractFacts('收到商标投诉 1005006123456789，我们10月1日上架的', TODAY).facts.noticeDate,
    ).toBeUndefined();
    expect(extractFacts('went live Oct 2', TODAY).facts.noticeDate).toBeUndefined();
    expect(extractFacts('we got the stock on Nov 3', TODAY).facts.noticeDate).toBeUndefined();
  });

  it('Chinese invoices from a distributor are genuine goods, not "no rights"', () => {
    const ex = extractFacts('Anker 商标投诉 1005006123456789，我们没有授权书，但是有经销商的进货发票', TODAY);
    expect(ex.facts.rights).toBe('authorized');
    expect(ex.details.rightsBasis).toBe('invoices');
  });

  it('every accused listing of a Schedule A case gets the take-down steps', () => {
    const o = outcome(
      { platform: 'aliexpress', listingId: '1005006123456789', notice: 'court_or_tro', listingIsOurs: 'yes' },
      { otherListings: [{ platform: 'aliexpress', listingId: '1005006123456790' }] },
    );
    expect(o.actions[0]?.steps.join(' ')).toMatch(/other accused listings of this case: 1005006123456790/);
  });

  it('"can I reply myself and say sorry?" is answered: an apology is an admission', () => {
    expect(
      matchFollowUp('can I reply to them myself and say sorry?', { notice: 'rights_holder_letter' }, {})
        ?.answer,
    ).toMatch(/^No\. Do not reply, apologise or explain anything yourself/);
    expect(matchFollowUp('可以直接给原告律师发邮件吗', { notice: 'court_or_tro' }, {})?.id).toBe(
      'contact_firm',
    );
  });

  it('an Amazon dispute is titled an appeal; a large stock to keep selling is taken offline, not deleted', () => {
    const amazon = outcome({
      platform: 'amazon',
      listingId: 'B0C1234567',
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      ipType: 'copyright',
      usesTheirIp: 'no',
      complainantContact: 'no_reply',
    });
    expect(amazon.drafts.find((d) => d.kind === 'dispute_reply')?.subject).toMatch(
      /^Appeal: copyright complaint/,
    );
    const keep = outcome({
      platform: 'aliexpress',
      listingId: '1005006123456789',
      notice: 'platform_complaint',
      listingIsOurs: 'yes',
      ipType: 'trademark',
      usesTheirIp: 'yes',
      rights: 'none',
      inventory: 'large_keep_selling',
    });
    expect(keep.actions.map((a) => a.kind)).toEqual(['take_offline']);
    expect(keep.routes.find((r) => r.id === 'delist_now')?.title).toBe(
      'Take the listing off sale now, and keep it',
    );
  });

  it('the design differences the seller gave reach the lawyer note', () => {
    const o = outcome(
      {
        platform: 'amazon',
        listingId: 'B0C1234567',
        notice: 'platform_complaint',
        listingIsOurs: 'yes',
        ipType: 'design_patent',
        usesTheirIp: 'no',
      },
      { differences: ['oval, not round', 'two handles'] },
    );
    expect(draft(o, 'lawyer_escalation')).toContain(
      'Differences we see from their design: oval, not round; two handles',
    );
  });
});
