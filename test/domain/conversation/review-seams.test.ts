import { beforeAll, describe, expect, it } from 'vitest';
import { closedByTeam } from '../../../src/domain/conversation/case-actions.js';
import type { CoreContext } from '../../../src/domain/conversation/outcome.js';
import { questionById } from '../../../src/domain/conversation/questions.js';
import { readTextAnswer } from '../../../src/domain/conversation/read-answer.js';
import { findDate } from '../../../src/domain/model/dates.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { replyBy } from '../../../src/domain/reading/extract-dates.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

// Bugs a senior review found where four people's work met, each pinned.

const TODAY = '2026-12-01';
let ctx: CoreContext;
beforeAll(async () => {
  ctx = await testContext();
});

describe('dates', () => {
  it('reads whole Chinese numerals: 十五天前 is fifteen days, not five', () => {
    expect(findDate('十五天前收到', TODAY)).toBe('2026-11-16');
    expect(findDate('三十天前', TODAY)).toBe('2026-11-01');
    expect(findDate('ten days ago', TODAY)).toBe('2026-11-21');
    expect(replyBy('十二个工作日内回复', TODAY)).toEqual({ within: { days: 12, business: true } });
    expect(replyBy('三十五天内', TODAY)).toEqual({ within: { days: 35, business: false } });
  });

  it('takes the date right after "TRO issued", not another one further on', () => {
    expect(extractFacts('TRO issued on Nov 20, hearing set for 2026-12-04', TODAY).details.troDate).toBe(
      '2026-11-20',
    );
    const ex = extractFacts('TRO issued on 11/20/2026 we got it yesterday', TODAY);
    expect(ex.details.troDate).toBe('2026-11-20');
    expect(ex.facts.noticeDate).toBe('2026-11-30');
  });

  it('a day to come (a hearing) does not hide the day the notice arrived', () => {
    expect(
      extractFacts('We got the court papers yesterday. The hearing is on 2026-12-04.', TODAY).facts
        .noticeDate,
    ).toBe('2026-11-30');
  });
});

describe('details', () => {
  it('ends a plaintiff’s name at the sentence after "Corp."', () => {
    expect(
      extractFacts('Plaintiff: Acme Corp. We got the email yesterday. TRO', TODAY).details.plaintiff,
    ).toBe('Acme Corp.');
  });

  it('deleting chats or photos is not deleting the listing; the platform’s removal is not the seller’s', () => {
    expect(extractFacts('我们删除了聊天记录', TODAY).details.deleted).toEqual(['records']);
    expect(extractFacts('我们删除了照片', TODAY).details.deleted).toEqual(['records']);
    expect(extractFacts('平台删除了我们的链接', TODAY).details.deleted).toBeUndefined();
  });

  it('"No, we have invoices" to the rights question is asked again, not read as "no rights"', () => {
    const q = questionById('rights');
    if (!q) throw new Error('no rights question');
    const r = readTextAnswer(q, 'no, we have invoices', TODAY);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(/I read both "No rights" and "No letter, but invoices/);
    expect(readTextAnswer(q, 'no rights at all', TODAY)).toMatchObject({
      ok: true,
      facts: { rights: 'none' },
    });
  });
});

describe('cases', () => {
  it('a TRO date noted after the decision gets its reminders', async () => {
    const chat = new Conversation(ctx);
    await chat.send('we got a TRO on 1005006123456789 yesterday, their logo is on it');
    await chat.send('1');
    await chat.send('trademark');
    await chat.send('none');
    await chat.send('small');
    chat.outcome();
    await chat.send('the TRO was issued on Nov 20');
    expect((await chat.state()).details.troDate).toBe('2026-11-20');
    const due = await chat.stores.reminders.due(new Date('2026-12-02T09:00:00Z'));
    // 14 days from Nov 20 is Dec 4: its 3-days-before reminder is due on Dec 1.
    expect(due.map((r) => r.id)).toContain(`${chat.caseId}:tro_expiry:2026-12-04:-3d`);
  });

  it('a closed case stays closed: new words open a new case, its old buttons change nothing', async () => {
    const chat = new Conversation(ctx);
    await chat.send('complaint on 1005006123456789, we never listed it');
    const closed = chat.caseId;
    const q = chat.question();
    await chat.send('close yes');
    expect(chat.text).toMatch(/Closed case/);
    await chat.send({
      type: 'answer',
      questionId: q.questionId,
      value: q.choices[0]?.value ?? '',
      seq: q.seq,
    });
    expect(chat.text).toMatch(/is closed, so it cannot be changed/);
    await chat.send('restart');
    expect(chat.caseId).not.toBe(closed);
    expect(chat.text).toMatch(/is closed, so this is a new case/);
  });

  it('a case escalated after the close command read it is not closed', () => {
    const rec = {
      status: 'open',
      audit: [],
      escalation: { status: 'open' },
    } as unknown as Parameters<typeof closedByTeam>[0];
    expect(closedByTeam(rec, { who: 'U1', at: TODAY }).status).toBe('open');
  });
});
