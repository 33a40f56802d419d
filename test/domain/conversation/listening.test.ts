import { beforeEach, describe, expect, it } from 'vitest';
import { exportCaseMarkdown } from '../../../src/domain/conversation/export-case.js';
import type { Outcome } from '../../../src/domain/conversation/outcome.js';
import { testContext } from '../../helpers/context.js';
import { Conversation, NOW } from '../../helpers/transcript.js';

// Rich messages through the real turn: every value the seller gave, in the first message or in any answer,
// reaches the case, its export, the drafts and the lawyer note.

let chat: Conversation;

beforeEach(async () => {
  chat = new Conversation(await testContext());
});

async function sendAll(messages: string[]): Promise<Outcome> {
  for (const m of messages) await chat.send(m);
  return chat.outcome();
}

/** Where each value must show: the case's details, the export, the drafts, and the lawyer note. */
async function expectEverywhere(outcome: Outcome, values: string[]) {
  const rec = await chat.stores.cases.byConversation('test');
  if (!rec) throw new Error('no case');
  const caseText = JSON.stringify(rec.state.details);
  const exported = exportCaseMarkdown(rec, outcome, new Date(NOW));
  const note = outcome.drafts.find((d) => d.template === 'lawyer-escalation');
  expect(note, 'a lawyer note').toBeDefined();
  for (const v of values) {
    expect(caseText, `case has ${v}`).toContain(v);
    expect(exported, `export has ${v}`).toContain(v);
    expect(note?.body, `lawyer note has ${v}`).toContain(v);
  }
  return { note: note?.body ?? '', exported, rec };
}

const TRO_EMAIL = [
  'From: Service Team <service@hartwell-ip.example>',
  'Subject: Service of Process - Case No. 1:26-cv-04567',
  '',
  'Acme Brands, Inc. v. The Partnerships and Unincorporated Associations Identified on Schedule A',
  '',
  'Dear Defendant,',
  'You are hereby served with the Complaint, the Temporary Restraining Order and Schedule A in the above case, filed in the United States District Court for the Northern District of Illinois. The documents are available at https://www.hartwell-service.example/docs/26cv4567 .',
  'The TRO was entered on November 20, 2026. Your Amazon account funds have been restrained.',
  '',
  'Our Amazon listing is B0C1234567. We are Doe 57 on Schedule A. Our store https://www.amazon.com/sp?seller=A1B2C3D4E5F6G7',
].join('\n');

describe('a Schedule A TRO email pasted, then answers that say more', () => {
  it('keeps every value, from the email and from each answer, in the case, the export and the note', async () => {
    const o = await sendAll([
      TRO_EMAIL,
      // The notice-date answer also says what is frozen where.
      'Nov 24, and they froze $3,100 on PayPal',
      'yes it is ours. Our company is Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China',
      'trademark',
      'yes',
      'none',
      'large, about 2,000 units in the warehouse. Our supplier is Yiwu Hongda Factory. We have not contacted the plaintiff or paid anything.',
    ]);
    expect(o.facts).toMatchObject({
      notice: 'court_or_tro',
      noticeDate: '2026-11-24',
      inventory: 'large_keep_selling',
    });
    expect(o.details).toMatchObject({
      doeNumber: 57,
      defendant: 'Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China',
      sellerIds: ['A1B2C3D4E5F6G7'],
      storeUrls: ['https://www.amazon.com/sp?seller=A1B2C3D4E5F6G7'],
      supplier: 'Yiwu Hongda Factory',
      toldPlaintiff: 'We have not contacted the plaintiff or paid anything',
      stockUnits: 2000,
    });
    const { note } = await expectEverywhere(o, [
      '1:26-cv-04567',
      'Acme Brands, Inc.',
      'Northern District of Illinois',
      'Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China',
      'A1B2C3D4E5F6G7',
      'https://www.amazon.com/sp?seller=A1B2C3D4E5F6G7',
      'Yiwu Hongda Factory',
      'We have not contacted the plaintiff or paid anything',
      'service@hartwell-ip.example',
      'https://www.hartwell-service.example/docs/26cv4567',
      '$3,100',
      'PayPal',
      '2000',
    ]);
    expect(note).toContain('- Doe number on Schedule A: 57');
    // What was not given is asked for by name, never invented.
    expect(note).toContain('- Date first listed or sold: [FILL IN: ask the seller]');
    expect(note).toContain(
      '- Settlement authority (how far we may go, who decides): [FILL IN: ask the seller]',
    );
    expect(note).toContain('- Earlier complaints from the same brand: [FILL IN: ask the seller]');
  });

  it('a Doe number in an answer that differs from the one given is asked about, not taken', async () => {
    await chat.send(TRO_EMAIL);
    await chat.send('Nov 24. We are Doe 58 actually');
    expect(chat.text).toContain('Doe number on Schedule A: 58 (the case says: Doe number on Schedule A: 57)');
    expect((await chat.state()).details.doeNumber).toBe(57);
    await chat.send('yes');
    expect((await chat.state()).details.doeNumber).toBe(58);
  });

  it('a second statement of what was said to the plaintiff is added to the first, not put in its place', async () => {
    await chat.send(`${TRO_EMAIL}\nWe replied to the law firm's email on Nov 23.`);
    await chat.send('Nov 24, and we already paid them $500');
    expect((await chat.state()).details.toldPlaintiff).toBe(
      "We replied to the law firm's email on Nov 23 / and we already paid them $500",
    );
  });
});

describe('an Amazon design patent complaint', () => {
  const NOTICE = [
    'Notice: Policy Warning',
    '',
    'Hello,',
    'We received a report from a patent owner that the following content infringes their design patent:',
    'ASIN: B0D7654321',
    'Complaint ID: 1234567890',
    '',
    'Our note: we first listed it on March 3, 2024, long before this. Our supplier is Ningbo Lucky Home Co., Ltd. This is the second complaint from this brand.',
  ].join('\n');

  it('keeps the intake and the differences, and keeps the retraction (from the owner itself) and the opinion letter', async () => {
    const o = await sendAll([
      NOTICE,
      '1',
      '2',
      'yesterday',
      'not yet',
      'rounded corners, theirs are square; 3 buttons, theirs has 4; matte surface instead of glossy',
    ]);
    expect(o.routes.map((r) => `${r.id}/${r.variant}`)).toContain('legal_opinion/amazon_patent');
    expect(o.details).toMatchObject({
      firstListed: '2024-03-03',
      supplier: 'Ningbo Lucky Home Co., Ltd.',
      earlierComplaints: 'This is the second complaint from this brand',
    });
    const { note } = await expectEverywhere(o, [
      '2024-03-03',
      'Ningbo Lucky Home Co., Ltd.',
      'This is the second complaint from this brand',
      'rounded corners, theirs are square',
      'matte surface instead of glossy',
    ]);
    expect(note).toContain('written non-infringement opinion we can send with a retraction request');
    // Not a court case: what was not given is not asked in the note's intake section.
    expect(note).not.toContain('Doe number on Schedule A');
    const retraction = o.optionalDrafts.find((d) => d.template === 'retraction-request');
    expect(retraction?.body).toContain('1. rounded corners, theirs are square');
    expect(retraction?.body).toContain('3. matte surface instead of glossy');
    expect(retraction?.body).toContain('Amazon does not accept a retraction we forward.');
  });
});

describe('a Chinese seller chat about a frozen AliExpress store', () => {
  it('keeps the Doe number, the company, the store id, the supplier and what was said to the other side', async () => {
    const o = await sendAll([
      '老师好，我们速卖通店铺被美国法院TRO冻结了，链接 https://www.aliexpress.com/item/1005006123456789.html ，冻结了12450美元。我们是第45号被告。公司名称：义乌市星辰电子商务有限公司。店铺ID：912345678。供应商是义乌宏达工厂。我们已经和对方律师联系了。',
      '11月25日收到的邮件',
      '1',
      '商标',
      '是的',
      '没有',
      // The stock answer also gives the date the product went on sale.
      '小，2024年3月1日上架的',
    ]);
    expect(o.details).toMatchObject({ doeNumber: 45, firstListed: '2024-03-01', sellerIds: ['912345678'] });
    const { note } = await expectEverywhere(o, [
      '12450美元',
      '义乌市星辰电子商务有限公司',
      '912345678',
      '义乌宏达工厂',
      '我们已经和对方律师联系了',
      '2024-03-01',
    ]);
    expect(note).toContain('- Doe number on Schedule A: 45');
    expect(note).toContain(
      '- How service came (who emailed, the link, whether the complaint, TRO and Schedule A were downloaded): [FILL IN: ask the seller]',
    );
  });
});
