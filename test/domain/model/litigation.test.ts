import { beforeAll, describe, expect, it } from 'vitest';
import { buildOutcome, type CoreContext, type Outcome } from '../../../src/domain/conversation/outcome.js';
import { QUESTIONS } from '../../../src/domain/conversation/questions.js';
import { renderRepliesText } from '../../../src/domain/conversation/render-text.js';
import { matchFollowUp } from '../../../src/domain/decision/follow-ups.js';
import type { Details, Facts } from '../../../src/domain/model/facts.js';
import { legalSignsIn, mustPreserve, sweepMustPreserve } from '../../../src/domain/model/litigation.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

// Issue 15: preservation whenever a lawyer may be involved or the notice is unknown, and a letter that
// threatens to sue is not a court case. One predicate (litigation.ts) decides; every place that could advise
// a deletion asks it.

const TODAY = '2026-12-01';
let ctx: CoreContext;
beforeAll(async () => {
  ctx = await testContext();
});

const INFRINGING: Facts = {
  platform: 'aliexpress',
  listingId: '1005006123456789',
  ipType: 'trademark',
  listingIsOurs: 'yes',
  usesTheirIp: 'yes',
  rights: 'none',
  inventory: 'small_or_stop',
  noticeDate: '2026-11-30',
};

const outcome = (facts: Facts, details: Details = {}): Outcome =>
  buildOutcome({ facts, details, today: TODAY, caseId: 'IPC-0042' }, ctx);

/** Every sentence of an outcome a seller or a lawyer reads, as one text. */
function everything(o: Outcome): string {
  return [
    ...o.routes.flatMap((r) => [r.title, r.reason, ...r.steps]),
    ...o.actions.flatMap((a) => [a.title, ...a.steps, a.warning ?? '']),
    ...o.notes,
    ...[...o.drafts, ...o.optionalDrafts].map((d) => `${d.subject}\n${d.body}`),
  ].join('\n');
}

/** Advice to delete the listing or records: what must never reach a case where a lawyer may be involved. */
const DELETE_ADVICE =
  /\bDelete (the|AliExpress|Amazon|this|what)\b|Delete product and listing”? *\(|(?<!may )delete (the|any) (listing|copy)|advised deleting|Delete what infringes|We deleted our offer/;

describe('the signs of a lawyer, a demand or a court', () => {
  it.each([
    ['An attorney for Acme sent us a warning email', 'a lawyer'],
    ['a complaint from the rights holder’s law firm by email', 'a law firm'],
    ['Greer, Burns & Crain LLP wrote about our listing', 'a law firm'],
    ['we got a cease and desist', 'a cease and desist'],
    ['they demand $5,000 compensation', 'a demand for money'],
    ['demanding we stop selling and pay 2000 USD', 'a demand for money'],
    ['they want us to pay $1,500.00 by Friday', 'a demand for money'],
    ['they say they will sue us', 'a lawsuit'],
    ['is this a Schedule A case?', 'a lawsuit'],
    ['the district court in Illinois', 'a court'],
    ['we got a TRO', 'a TRO'],
    ['our PayPal funds are frozen', 'frozen funds'],
    ['they froze all our money', 'frozen funds'],
    ['AliExpress froze our store account', 'frozen funds'],
    ['an asset freeze on our Amazon account', 'frozen funds'],
    ['收到律师函', 'a cease and desist'],
    ['对方律所发来邮件', 'a law firm'],
    ['律师说要赔偿', 'a lawyer'],
    ['他们要起诉我们', 'a lawsuit'],
    ['法院的文件', 'a court'],
    ['PayPal账户被冻结', 'frozen funds'],
    ['Brand says they will file a case against us in Illinois', 'a lawsuit'],
    ['they want a licensing fee', 'a demand for money'],
    ['asking me to cough up $3,000', 'a demand for money'],
    ['my payments have been held since Monday', 'frozen funds'],
    ['they threatened to take legal steps', 'a lawsuit'],
    ['asking for reimbursement of their losses', 'a demand for money'],
    ['Walmart also got a subpoena', 'a lawsuit'],
    ['a paralegal wrote to us', 'a lawyer'],
    ['John Smith, Esq. wrote', 'a lawyer'],
    ['email from info@keithvogtlaw.com', 'a law firm'],
    ['we were served', 'a lawsuit'],
    ['Amazon is holding our payout', 'frozen funds'],
    ['品牌方说要告我们', 'a lawsuit'],
    ['账户资金被冻住了', 'frozen funds'],
    ['对方索要五千美元', 'a demand for money'],
    ['对方法务发邮件', 'a lawyer'],
  ])('%s → %s', (text, sign) => {
    expect(legalSignsIn(text)).toContain(sign);
  });

  it.each([
    'got an AliExpress IPR complaint about listing 1005006123456789',
    'the photos are ours and we have invoices',
    'how do I judge whether it infringes?',
    'we sell phone cases and swimsuits',
    'trademark complaint on our basketball court mat',
    'our frozen dumplings listing got a copyright complaint',
    'freezer bags with their logo, platform complaint',
    'complaint filed against my listing',
    'Settlement of Catan board game listing',
    'damages-resistant phone case',
    'attorney gift mug listing',
    'our store is on hold for review',
    'no lawyer involved, just a platform warning',
    'it is not a lawsuit, only a takedown',
    '只是平台投诉，没有律师',
  ])('no sign in: %s', (text) => {
    expect(legalSignsIn(text)).toEqual([]);
  });

  it('a product’s court or a frozen food is not a court case', () => {
    expect(extractFacts('trademark complaint on our basketball court mat', TODAY).facts.notice).toBe(
      'platform_complaint',
    );
    expect(extractFacts('papers from the district court', TODAY).facts.notice).toBe('court_or_tro');
  });

  it('keeps everything unless the notice is a confirmed platform complaint with no sign', () => {
    expect(mustPreserve({}, {})).toBe(true);
    expect(mustPreserve({ notice: 'court_or_tro' }, {})).toBe(true);
    expect(mustPreserve({ notice: 'rights_holder_letter' }, {})).toBe(true);
    expect(mustPreserve({ notice: 'platform_complaint' }, { legalSigns: ['a law firm'] })).toBe(true);
    expect(mustPreserve({ notice: 'platform_complaint' }, {})).toBe(false);
    // A sweep with no case behind it may advise deleting; one run for a case follows the case.
    expect(sweepMustPreserve(undefined)).toBe(false);
    expect(sweepMustPreserve({ facts: {}, details: {} })).toBe(true);
  });

  it('no question is asked by the preservation rule (flow.ts reads askWhen without the signs)', () => {
    for (const q of QUESTIONS) for (const c of q.askWhen) expect(c.preserve, q.id).toBeUndefined();
  });
});

describe('no deletion advice where a lawyer may be involved, or the notice is unknown', () => {
  const LAWYER_WORDS = [
    'An attorney for Acme sent us a warning email about this listing.',
    'A complaint from the rights holder’s law firm by email.',
    'AliExpress IPR complaint, filed by a law firm for Nike.',
    'The brand’s lawyers say we owe them damages.',
    'They want $3,000 or they will take legal action.',
    'Got a cease and desist about it.',
    'Someone said it might be a Schedule A case.',
    'Our Payoneer balance is on hold.',
    '平台投诉，对方律所也发了邮件。',
    '对方要求赔偿五千美元。',
  ];

  it.each(LAWYER_WORDS)('%s', (words) => {
    const ex = extractFacts(words, TODAY);
    // Whatever the notice was read as, a confirmed platform complaint included, nothing is deleted.
    for (const notice of [ex.facts.notice, 'platform_complaint' as const]) {
      const o = outcome({ ...INFRINGING, notice }, ex.details);
      const text = everything(o);
      expect(text, `${notice}: ${text}`).not.toMatch(DELETE_ADVICE);
      expect(o.actions.map((a) => a.kind)).not.toContain('delete_listing');
      expect(o.actions[0]?.keepsEvidence).toBe(true);
      expect(text).toMatch(/delete nothing|do not delete|not deleting/i);
    }
  });

  it('an unknown notice keeps everything, and says why', () => {
    const o = outcome(INFRINGING);
    expect(everything(o)).not.toMatch(DELETE_ADVICE);
    expect(o.actions.map((a) => a.kind)).toEqual(['take_offline']);
    expect(o.notes.join('\n')).toContain('what you received is not known yet');
  });

  it('an Amazon case with a lawyer sign gets no plan of action that says the offer was deleted', () => {
    const o = outcome(
      { ...INFRINGING, platform: 'amazon', listingId: 'B0C1234567', notice: 'platform_complaint' },
      { legalSigns: ['a law firm'] },
    );
    expect(o.optionalDrafts.map((d) => d.kind)).not.toContain('plan_of_action');
    expect(everything(o)).not.toMatch(DELETE_ADVICE);
  });

  it('a platform complaint with a lawyer sign goes to legal, so "until legal has seen it" waits for someone', () => {
    for (const f of [
      { ...INFRINGING, notice: 'platform_complaint' as const },
      { ...INFRINGING, notice: 'platform_complaint' as const, usesTheirIp: 'no' as const },
    ]) {
      const o = outcome(f, { legalSigns: ['a law firm'] });
      expect(o.routes.map((r) => `${r.id}/${r.variant}`)).toContain('legal_opinion/lawyer_sign');
      const note = o.drafts.find((d) => d.kind === 'lawyer_escalation')?.body ?? '';
      expect(note).toContain('(we mentioned: a law firm)');
      // An infringing listing is not one to appeal: no counter-notice date for it.
      expect(o.deadlines.some((d) => d.id === 'counter_notice')).toBe(f.usesTheirIp === 'no');
      expect(note).toContain('whether we may delete the listing');
    }
    expect(outcome({ ...INFRINGING, notice: 'platform_complaint' }).routes.map((r) => r.id)).not.toContain(
      'legal_opinion',
    );
  });

  it('a confirmed platform complaint with no sign still advises deleting an infringing listing', () => {
    const o = outcome({ ...INFRINGING, notice: 'platform_complaint' });
    expect(o.actions.map((a) => a.kind)).toContain('delete_listing');
    expect(o.routes.find((r) => r.id === 'delist_now')?.title).toBe('Delist the listing now');
  });

  it('the store sweep route keeps what it finds while a lawyer may be involved', () => {
    const sweep = (d: Details, f: Facts) =>
      outcome({ ...f }, d)
        .routes.find((r) => r.id === 'store_sweep')
        ?.steps.join(' ');
    expect(sweep({ legalSigns: ['a lawyer'] }, { notice: 'platform_complaint' })).toContain(
      'delete nothing until legal has seen the case',
    );
    expect(sweep({}, {})).toContain('delete nothing');
    expect(sweep({}, { notice: 'platform_complaint' })).toContain('Delete what infringes');
  });

  it('a lawyer named in the delete question itself counts at once', () => {
    for (const q of [
      'Can I delete the listing? Their lawyer emailed me as well.',
      'should we delete the listing? the brand wants $2000',
      '可以删除链接吗？对方律师发邮件了',
    ])
      expect(matchFollowUp(q, { notice: 'platform_complaint' }, {})?.answer, q).toMatch(/delete nothing/i);
  });

  it('invoices the seller says it does not have are no rights', () => {
    for (const t of [
      '我们没有发票，也没有授权',
      'We have no invoices from the distributor.',
      'Amazon asked for invoices from the brand; we don’t have any.',
      '我们不是经销商，没有授权',
    ])
      expect(extractFacts(t, TODAY).facts.rights, t).not.toBe('authorized');
    expect(extractFacts('no letter, but we have invoices from a distributor', TODAY).facts.rights).toBe(
      'authorized',
    );
  });

  it('the lawyer note names a court only for a court case', () => {
    const ex = extractFacts(
      'Their attorney wrote that a complaint will be filed in the Northern District of Illinois if we do not respond.',
      TODAY,
    );
    const note =
      outcome(
        { ...INFRINGING, ...ex.facts },
        { ...ex.details, court: 'Northern District of Illinois' },
      ).drafts.find((d) => d.kind === 'lawyer_escalation')?.body ?? '';
    expect(ex.facts.notice).toBe('rights_holder_letter');
    expect(note).toContain('Court: none, no court case');
  });

  it('follow-up questions about deleting get "not yet" while a lawyer may be involved', () => {
    for (const q of [
      'should we delete the listing?',
      'can we delete the sales records?',
      '可以删除这个链接吗？',
    ]) {
      const signs = matchFollowUp(q, { notice: 'platform_complaint' }, { legalSigns: ['a law firm'] });
      expect(signs?.answer, q).toMatch(/^(Not yet|No)\. /);
      expect(signs?.answer, q).toMatch(/delete nothing/i);
      const unknown = matchFollowUp(q, {}, {});
      expect(unknown?.answer, q).toMatch(/delete nothing/i);
    }
    expect(
      matchFollowUp('should we delete the listing?', { notice: 'platform_complaint' }, {})?.answer,
    ).toMatch(/^Delete a listing that really infringes/);
  });

  it('the lawyer note says what the outcome advised, from the outcome’s own actions', () => {
    const note = (f: Facts, d: Details = {}) =>
      outcome(f, d).drafts.find((x) => x.kind === 'lawyer_escalation')?.body ?? '';
    // A keep-selling case with a lawyer sign: the listing is kept, and the note says so.
    const kept = note(
      { ...INFRINGING, notice: 'platform_complaint', inventory: 'large_keep_selling' },
      { legalSigns: ['a law firm'] },
    );
    expect(kept).toContain(
      'ipcheck advised taking the product off sale on every channel and keeping everything',
    );
    expect(kept).not.toContain('advised deleting');
    for (const f of [
      { ...INFRINGING, notice: 'rights_holder_letter' as const },
      { ...INFRINGING, notice: 'court_or_tro' as const },
    ]) {
      const o = outcome(f);
      const body = o.drafts.find((x) => x.kind === 'lawyer_escalation')?.body ?? '';
      expect(body).not.toContain('advised deleting');
      expect(o.actions.some((a) => a.keepsEvidence)).toBe(true);
      expect(body).toContain('keeping everything');
    }
  });

  it('in a chat, the seller is told at once when a lawyer sign turns "delete" into "keep"', async () => {
    const chat = new Conversation(ctx);
    await chat.send('AliExpress complaint on 1005006123456789, our logo? no, it is their logo on the box');
    await chat.send('the complaint came from a law firm, they also want compensation');
    expect(chat.text).toMatch(/You mentioned (a law firm|a demand for money)/);
    expect(chat.text).toContain('delete nothing');
    const st = await chat.state();
    expect(st.details.legalSigns).toEqual(expect.arrayContaining(['a law firm', 'a demand for money']));
  });
});

describe('a letter is not a court case', () => {
  const LETTERS = [
    'Letter from Baker LLP: cease selling or we will file suit in the United States District Court. Reply by December 14, 2026.',
    'Dear Seller, we represent Acme Inc. Unless you stop, we will take legal action in federal court. Respond within 10 days.',
    'Email from their attorney: failing which our client will seek a temporary restraining order.',
    'A lawyer emailed us saying they may sue in court if we do not pay $15,000.',
    'cease and desist letter — they reserve the right to commence proceedings in the district court',
    '收到对方律所的律师函，说如果不赔偿就会起诉我们，要求12月14日前回复。',
    'I got a cease and desist letter threatening a temporary restraining order and asset freeze.',
    'Got a letter from a law firm about our listing. They mention Schedule A lawsuits.',
    '律师函说要起诉我们并申请临时禁令',
    '对方律师函称会向法院申请冻结我们的账户',
  ];

  it.each([
    'The brand owner’s counsel emailed us asking us to cease all sales',
    'A legal representative of Anker messaged us on Amazon',
    'Received a C&D from GBC regarding our listing',
    'their attorneys say they will file a lawsuit next week unless we pay',
    'The law office of Smith wrote to us',
    '对方律师要求和解，金额五千美元',
  ])('a lawyer writing is a letter: %s', (text) => {
    const ex = extractFacts(text, TODAY);
    expect(ex.facts.notice).toBe('rights_holder_letter');
    expect(ex.details.legalSigns?.length).toBeGreaterThan(0);
  });

  it.each(LETTERS)('%s', (text) => {
    const ex = extractFacts(text, TODAY);
    expect(ex.facts.notice).toBe('rights_holder_letter');
    const o = outcome({ ...INFRINGING, ...ex.facts }, ex.details);
    const ids = o.deadlines.map((d) => d.id);
    expect(ids).not.toContain('tro_expiry');
    expect(ids).not.toContain('court_answer');
    expect(everything(o)).not.toMatch(/docket/i);
    expect(o.routes.map((r) => r.id)).not.toContain('lawyer_escalation');
  });

  it('the letter’s own reply-by date and demand become its deadline and its facts', () => {
    const ex = extractFacts(
      'Letter from Baker LLP on Nov 30: pay $15,000 or we will file suit in the District Court. Reply by December 14, 2026.',
      TODAY,
    );
    expect(ex.facts.notice).toBe('rights_holder_letter');
    expect(ex.details.responseDue).toBe('2026-12-14');
    expect(ex.details.demandAmount).toBe('$15,000');
    const o = outcome({ ...INFRINGING, ...ex.facts }, ex.details);
    expect(o.deadlines.map((d) => `${d.id} ${d.date}`)).toEqual(['letter_reply 2026-12-14']);
    const note = o.drafts.find((d) => d.kind === 'lawyer_escalation')?.body ?? '';
    expect(note).toContain('$15,000');
    expect(note).toContain('none, no court case');
  });

  it.each([
    'we got a TRO, case 1:26-cv-01234, funds frozen',
    'they will sue us, we got a TRO yesterday',
    'we were served a summons from the Northern District of Illinois',
    'PayPal froze our $12,450 after the court order',
    'we are defendants on Schedule A in a lawsuit',
    '法院发来传票，PayPal被冻结',
    'Letter from GBC law firm, and PayPal froze our account today',
    'we were sued, the law firm emailed us the complaint',
  ])('court evidence is still a court case: %s', (text) => {
    expect(extractFacts(text, TODAY).facts.notice).toBe('court_or_tro');
  });
});

describe('said no more firmly than the source', () => {
  it('a TRO’s 14th day on a weekend gets the roll-over reasoning and "check the order"', () => {
    // Issued Sat 5 Dec 2026 + 14 = Sat 19 Dec 2026.
    const o = outcome({ notice: 'court_or_tro', noticeDate: '2026-11-30' }, { troDate: '2026-12-05' });
    const tro = o.deadlines.find((d) => d.id === 'tro_expiry');
    expect(tro?.date).toBe('2026-12-19');
    expect(tro?.basis).toContain('falls on a weekend');
    expect(tro?.basis).toContain('FRCP 6(a)');
    expect(tro?.basis).toContain('check the order');
    // A weekday 14th day says nothing of the kind.
    const weekday = outcome({ notice: 'court_or_tro' }, { troDate: '2026-12-01' }).deadlines.find(
      (d) => d.id === 'tro_expiry',
    );
    expect(weekday?.basis).not.toContain('FRCP 6(a)');
  });

  it('a stated court date on a holiday gets the same reasoning', () => {
    const o = outcome({ notice: 'court_or_tro' }, { responseDue: '2026-12-25' });
    const stated = o.deadlines.find((d) => d.id === 'stated_reply');
    expect(stated?.basis).toContain('falls on a federal holiday');
    expect(stated?.basis).toContain('check the order');
  });

  it('"holidays not counted" is said nowhere (the business-day count does not skip them)', () => {
    const o = outcome({ ...INFRINGING, usesTheirIp: 'no', notice: 'platform_complaint' });
    const counter = o.deadlines.find((d) => d.id === 'counter_notice');
    expect(counter?.basis).toContain('public holidays are not skipped here');
    expect(JSON.stringify(o)).not.toContain('holidays not counted');
  });

  it('the guidance’s TRO sentence is not credited for a letter', () => {
    const quotes = (f: Facts) =>
      outcome(f)
        .routes.flatMap((r) => r.citations.map((c) => c.quote))
        .join('\n');
    expect(quotes({ ...INFRINGING, notice: 'rights_holder_letter' })).not.toMatch(/familiar with TRO/);
    expect(quotes({ ...INFRINGING, notice: 'court_or_tro' })).toMatch(/familiar with TRO/);
  });

  it('an uncertain fact is hedged where a step states it', () => {
    const o = outcome({ ...INFRINGING, notice: 'platform_complaint' });
    const text = everything(o);
    expect(text).toContain('reported to count as a violation of its own');
    expect(text).not.toContain('AliExpress treats re-uploads');
  });

  it.each([
    'is this a scam? they sent a payment link',
    'is the court email real?',
    'could this lawyer email be fake?',
    'Is it a scam',
    '这是诈骗吗？',
  ])('"is this a scam?" gets an answer: %s', async (q) => {
    const a = matchFollowUp(q, { notice: 'court_or_tro' }, {});
    expect(a?.id).toBe('scam');
    expect(a?.answer).toContain('Pay nothing');
    expect(a?.answer).toContain('docket');
    const chat = new Conversation(ctx);
    await chat.send('TRO on 1005006123456789, funds frozen');
    await chat.send(q);
    expect(renderRepliesText(chat.last)).toContain('Pay nothing');
  });
});
