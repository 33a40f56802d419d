import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/domain/conversation/outcome.js';
import { FakeOpenAiServer } from '../../fakes/openai-server.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';
import { citing, factsAnswer, modelOn } from './helpers.js';

// A whole turn: the seller asks a question the guidance covers, the model (a fake OpenAI-compatible server
// over loopback) answers with a real citation that quotes its section word for word, but the answer
// advises harm or invents facts about the case. The seller sees the guidance's own fallback, and the audit
// trail says why.

let server: FakeOpenAiServer;
let ctx: CoreContext;

beforeEach(async () => {
  server = await new FakeOpenAiServer().start();
  ctx = await testContext();
});

afterEach(async () => {
  await server.close();
});

async function withModel(): Promise<Conversation> {
  const chat = new Conversation(ctx);
  chat.llm = await modelOn(server);
  return chat;
}

async function courtCase(chat: Conversation): Promise<void> {
  server.script({ json: factsAnswer({}) });
  await chat.send('we got a TRO on B0C1234567, funds frozen, the email came 2026-11-26');
  for (const m of ['1', 'trademark', 'yes', 'none', 'large']) await chat.send(m);
  expect(chat.last.some((r) => r.kind === 'outcome')).toBe(true);
}

async function platformCase(chat: Conversation): Promise<void> {
  server.script({ json: factsAnswer({}) });
  await chat.send('our listing B0C1234567 was taken down yesterday, the brand says its logo is on it');
}

const TRO_Q = 'how long does the TRO last, roughly?';
const ATTACH_Q = 'are PDF files accepted as attachments by Amazon in a dispute?';

/** The model answers every question with `answer`, citing `ref` by the number it was given under. */
function modelSays(ref: string, answer: string) {
  server.fallback = (req) =>
    req.body.response_format?.json_schema?.name === 'ipcheck_facts'
      ? { json: factsAnswer({}) }
      : { json: citing(req, ctx.kb, ref, (n) => answer.replaceAll('[n]', `[${n}]`)) };
}

async function withheld(chat: Conversation, hostile: string) {
  expect(chat.text).toContain('The guidance does not cover this, so I will not guess');
  expect(chat.text).toContain('Escalate to legal');
  expect(chat.last.some((r) => r.kind === 'faq')).toBe(false);
  const shown = hostile.replace(/\s*\[n\]/g, '').slice(0, 24);
  expect(chat.text).not.toContain(shown);
  const rec = await chat.stores.cases.get(chat.caseId ?? '');
  return rec?.audit.filter((e) => e.action === 'answer_withheld' && e.who === 'system').at(-1)?.detail ?? '';
}

describe('a hostile model answer in a court case: the seller sees the guidance’s fallback', () => {
  it.each([
    ['You should not hesitate to delete the sales records [n].', /delet/],
    ['D\u0435l\u0435te the sales records now [n].', /delet|letters/],
    ['Clear the order history and scrub the chat logs [n].', /delet|records/],
    ['Relist the product from another warehouse [n].', /relist/],
    ['Paying the demand quickly is the best way [n].', /pay/],
    ['Nike Inc. has agreed to dismiss the case [n].', /has agreed|Inc/],
    ['Under §7.9 of the guidance you must answer within 60 days [n].', /§7\.9/],
  ])('"%s"', async (hostile, why) => {
    const chat = await withModel();
    await courtCase(chat);
    modelSays('facts#us.tro-14-days', hostile);
    await chat.send(TRO_Q);
    expect(await withheld(chat, hostile)).toMatch(why);
  });

  it('the same question, answered well, is shown with its citation', async () => {
    const chat = await withModel();
    await courtCase(chat);
    modelSays(
      'facts#us.tro-14-days',
      'An ex parte TRO lasts at most 14 days [n]. Do not delete the listing; take it offline and keep every record [n].',
    );
    await chat.send(TRO_Q);
    const faq = chat.last.find((r) => r.kind === 'faq');
    expect(faq?.kind === 'faq' && faq.text).toBe(
      'An ex parte TRO lasts at most 14 days [us.tro-14-days]. Do not delete the listing; take it offline and keep every record [us.tro-14-days].',
    );
  });
});

describe('a hostile model answer on a platform complaint: the acts the firm rules forbid stay forbidden', () => {
  it.each([
    'Clear the order history and scrub the chat logs [n].',
    'Relist the product from another warehouse [n].',
    'Paying the demand quickly is the best way [n].',
  ])('"%s"', async (hostile) => {
    const chat = await withModel();
    await platformCase(chat);
    modelSays('facts#amazon.attachments', hostile);
    await chat.send(ATTACH_Q);
    expect(await withheld(chat, hostile)).not.toBe('');
  });

  it('a good answer is shown', async () => {
    const chat = await withModel();
    await platformCase(chat);
    modelSays('facts#amazon.attachments', 'No: Amazon takes image files only (JPEG, GIF, PNG or TIFF) [n].');
    await chat.send(ATTACH_Q);
    const faq = chat.last.find((r) => r.kind === 'faq');
    expect(faq?.kind === 'faq' && faq.text).toBe(
      'No: Amazon takes image files only (JPEG, GIF, PNG or TIFF) [amazon.attachments].',
    );
  });
});
