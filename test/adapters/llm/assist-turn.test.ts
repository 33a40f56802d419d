import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LanguageModel } from '../../../src/app/ports.js';
import type { CoreContext } from '../../../src/domain/conversation/outcome.js';
import { renderRepliesText } from '../../../src/domain/conversation/render-text.js';
import { FakeOpenAiServer, type Scripted } from '../../fakes/openai-server.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';
import { citing, factsAnswer, modelOn } from './helpers.js';

let server: FakeOpenAiServer;
let ctx: CoreContext;

beforeEach(async () => {
  server = await new FakeOpenAiServer().start();
  ctx = await testContext();
});

afterEach(async () => {
  await server.close();
});

async function withModel(timeoutMs = 1500): Promise<Conversation> {
  const chat = new Conversation(ctx);
  chat.llm = await modelOn(server, timeoutMs);
  return chat;
}

const FIRST = 'our listing B0C1234567 was taken down yesterday, the brand says its logo is on it';

describe('fact extraction with a language model, merged with the rules', () => {
  it('adds what the model read, shows it as understood, and asks only what is left', async () => {
    server.script({ json: factsAnswer({ ipType: 'trademark', listingIsOurs: 'yes', usesTheirIp: 'yes' }) });
    const chat = await withModel();
    await chat.send(FIRST);
    expect(server.requests).toHaveLength(1);
    expect(chat.working).toBe(1);
    expect(chat.text).toContain('I understood');
    expect(chat.text).toContain('trademark');
    expect(chat.text).toContain('the listing is ours');
    const facts = (await chat.state()).facts;
    expect(facts).toMatchObject({
      listingId: 'B0C1234567',
      notice: 'platform_complaint',
      ipType: 'trademark',
    });
    expect(chat.question().questionId).not.toBe('ipType');
  });

  it('asks, not guesses, a fact the rules and the model read differently', async () => {
    server.script({ json: factsAnswer({ ipType: 'copyright' }) });
    const chat = await withModel();
    await chat.send('design patent complaint on B0C1234567, the listing is ours');
    expect(chat.text).toContain('Your words could be read two ways for: right named');
    expect((await chat.state()).facts.ipType).toBeUndefined();
    // The seller can change what was understood, as always.
    await chat.send('back');
    expect(chat.question()).toBeDefined();
  });

  it('ignores a listing id the message does not contain, and a notice date in the future', async () => {
    server.script({
      json: factsAnswer({ platform: 'amazon', listingId: 'B0FAKE0000', noticeDate: '2027-01-01' }),
    });
    const chat = await withModel();
    await chat.send('we got an IP complaint on amazon');
    const facts = (await chat.state()).facts;
    expect(facts.listingId).toBeUndefined();
    expect(facts.noticeDate).toBeUndefined();
  });

  it('makes no model call for buttons, typed choices and commands', async () => {
    server.script({ json: factsAnswer({}) });
    const chat = await withModel();
    await chat.send(FIRST);
    const before = server.requests.length;
    const q = chat.question();
    await chat.send({
      type: 'answer',
      questionId: q.questionId,
      value: q.choices[0]?.value ?? '',
      seq: q.seq,
    });
    await chat.send('1');
    await chat.send('back');
    await chat.send('status');
    await chat.send('help');
    expect(server.requests.length).toBe(before);
    expect(chat.working).toBe(1);
  });

  it.each<[string, Scripted[]]>([
    ['malformed JSON', [{ content: '{"platform": ' }]],
    ['JSON outside the schema', [{ json: { notice: 'sue them' } }]],
    [
      'two 500s',
      [
        { status: 500, retryAfter: 0 },
        { status: 500, retryAfter: 0 },
      ],
    ],
    [
      'two 429s',
      [
        { status: 429, retryAfter: 0 },
        { status: 429, retryAfter: 0 },
      ],
    ],
    ['a server slower than the budget', [{ json: factsAnswer({ ipType: 'copyright' }), delayMs: 30_000 }]],
  ])('with %s, answers exactly as without a model (nothing lost)', async (_, script) => {
    server.script(...script);
    const plain = new Conversation(ctx, 'plain');
    await plain.send(FIRST);
    const chat = await withModel(1000);
    await chat.send(FIRST);
    expect(renderRepliesText(chat.last)).toBe(renderRepliesText(plain.last));
    expect((await chat.state()).facts).toEqual((await plain.state()).facts);
    expect((await chat.state()).said).toEqual((await plain.state()).said);
  });
});

async function decideCourtCase(chat: Conversation) {
  // Typed choices make no model call; the first message gets an empty reading.
  server.script({ json: factsAnswer({}) });
  await chat.send('we got a TRO on B0C1234567, funds frozen, the email came 2026-11-26');
  await chat.send('1');
  await chat.send('trademark');
  await chat.send('yes');
  await chat.send('none');
  await chat.send('large');
  return chat.outcome();
}

const ATTACH_Q = 'are PDF files accepted as attachments by Amazon in a dispute?';

describe('questions in a case, answered from the guidance with checked citations', () => {
  it('shows a grounded answer whose citation points at a given section and quotes it', async () => {
    const chat = await withModel();
    server.script({ json: factsAnswer({}) });
    await chat.send(FIRST);
    server.fallback = (req) => ({
      json: citing(
        req,
        ctx.kb,
        'facts#amazon.attachments',
        (n) => `No: Amazon takes image files only [${n}].`,
      ),
    });
    await chat.send(ATTACH_Q);
    const faq = chat.last.find((r) => r.kind === 'faq');
    expect(faq?.kind === 'faq' && faq.text).toBe('No: Amazon takes image files only [amazon.attachments].');
    expect(faq?.kind === 'faq' && faq.citations.map((c) => c.ref)).toEqual(['facts#amazon.attachments']);
    // The question stays asked: its buttons are still valid.
    expect(chat.question()).toBeDefined();
    const user = server.messages().user;
    expect(user).toContain(`<seller_question>\n${JSON.stringify(ATTACH_Q)}\n</seller_question>`);
  });

  it.each<[string, (n: number, quote: string) => unknown]>([
    [
      'a citation number that was not given',
      (_n, quote) => ({ supported: true, answer: 'Images only [9].', citations: [{ section: 9, quote }] }),
    ],
    [
      'a quote that is not in the section',
      (n) => ({
        supported: true,
        answer: `PDFs are fine [${n}].`,
        citations: [{ section: n, quote: 'PDF files are always accepted by Amazon' }],
      }),
    ],
    [
      'a marker in the text with no citation',
      (n, quote) => ({
        supported: true,
        answer: `Images only [${n}], see also [3].`,
        citations: [{ section: n, quote }],
      }),
    ],
    ['no citation at all', () => ({ supported: true, answer: 'Images only.', citations: [] })],
    ['supported: false', () => ({ supported: false, answer: '', citations: [] })],
  ])(
    'withholds an answer with %s: "the guidance does not cover this" and why, in the audit trail',
    async (_, make) => {
      const chat = await withModel();
      server.script({ json: factsAnswer({}) });
      await chat.send(FIRST);
      server.fallback = (req) => {
        const good = citing(req, ctx.kb, 'facts#amazon.attachments', () => '');
        return { json: make(good.citations[0]?.section ?? 1, good.citations[0]?.quote ?? '') };
      };
      await chat.send(ATTACH_Q);
      expect(chat.text).toContain('The guidance does not cover this');
      expect(chat.text).toContain('Escalate to legal');
      expect(chat.last.some((r) => r.kind === 'faq')).toBe(false);
      const rec = await chat.stores.cases.get(chat.caseId ?? '');
      expect(rec?.audit.some((e) => e.action === 'answer_withheld' && e.who === 'system')).toBe(true);
    },
  );

  it('quotes the closest passages, with their sections, when the model fails', async () => {
    const chat = await withModel();
    server.script({ json: factsAnswer({}) });
    await chat.send(FIRST);
    server.fallback = { status: 500, retryAfter: 0 };
    await chat.send(ATTACH_Q);
    const faq = chat.last.find((r) => r.kind === 'faq');
    expect(faq?.kind === 'faq' && faq.citations[0]?.ref).toBe('facts#amazon.attachments');
    expect(chat.text).toContain('closest to your question');
  });

  it('quotes the closest passages without any model', async () => {
    const chat = new Conversation(ctx);
    await chat.send(FIRST);
    await chat.send(ATTACH_Q);
    const faq = chat.last.find((r) => r.kind === 'faq');
    expect(faq?.kind === 'faq' && faq.citations[0]?.ref).toBe('facts#amazon.attachments');
    expect(faq?.kind === 'faq' && faq.text).toContain('(amazon.attachments, ');
    expect(chat.working).toBe(0);
  });

  it('asks no model when no section is about the question', async () => {
    const chat = await withModel();
    server.script({ json: factsAnswer({}) });
    await chat.send(FIRST);
    const before = server.requests.length;
    await chat.send('what is your favourite pizza topping, do you know?');
    expect(server.requests.length).toBe(before);
    expect(chat.text).toContain('The guidance does not cover this');
  });

  it('keeps the firm rule answers: a deletion question in a court case is answered by the rule, not the model', async () => {
    const chat = await withModel();
    await decideCourtCase(chat);
    const before = server.requests.length;
    server.fallback = { json: { supported: true, answer: 'Yes, delete them [1].', citations: [] } };
    await chat.send('can we delete the sales records now?');
    expect(chat.text).toContain('No. Delete nothing');
    // The question is a rule's: the model was asked for facts at most, never for an answer.
    for (const r of server.requests.slice(before))
      expect(r.body.response_format?.json_schema?.name).toBe('ipcheck_facts');
  });

  it('withholds a cited answer that advises deleting anything in a court case', async () => {
    const chat = await withModel();
    await decideCourtCase(chat);
    server.fallback = (req) => ({
      json: citing(
        req,
        ctx.kb,
        'facts#us.tro-14-days',
        (n) => `It lasts 14 days [${n}], so remove the old photos and clean up the store now.`,
      ),
    });
    await chat.send('how long does the TRO last, roughly?');
    expect(chat.text).toContain('The guidance does not cover this');
    expect(chat.text).not.toContain('remove the old photos');
    const rec = await chat.stores.cases.get(chat.caseId ?? '');
    expect(rec?.audit.find((e) => e.action === 'answer_withheld')?.detail).toContain('deleting');
  });

  it('treats a question that reports court papers as a court case, whatever the saved notice says', async () => {
    const chat = await withModel();
    server.fallback = (req) =>
      req.body.response_format?.json_schema?.name === 'ipcheck_facts'
        ? { json: factsAnswer({}) }
        : {
            json: citing(
              req,
              ctx.kb,
              'facts#us.answer-21-days',
              (n) => `Wipe the photos from your site and do not upload them again [${n}].`,
            ),
          };
    for (const m of [
      '1005006123456789 aliexpress platform complaint trademark, the listing is ours, we do use their logo, we have no rights',
      'not tried',
      'small stock',
    ])
      await chat.send(m);
    expect((await chat.state()).facts.notice).toBe('platform_complaint');
    await chat.send(
      'We were just served court papers with a TRO today, what should we do with the product photos on our own website?',
    );
    expect(chat.text).not.toContain('Wipe the photos');
    const rec = await chat.stores.cases.get(chat.caseId ?? '');
    expect(rec?.audit.find((e) => e.action === 'answer_withheld')?.detail).toContain('deleting');
  });

  it('re-checks what the model said when the case changed while it worked (a court case now: the deletion goes)', async () => {
    const chat = await withModel();
    server.script({ json: factsAnswer({}) });
    await chat.send(FIRST);
    server.fallback = (req) => ({
      json: citing(
        req,
        ctx.kb,
        'facts#amazon.attachments',
        (n) => `Only image files are taken [${n}]. Remove the old PDF files from the listing [${n}].`,
      ),
    });
    const real = chat.llm as LanguageModel;
    // Another turn (a colleague in the thread) records court papers while this question waits for the model.
    chat.llm = {
      readFacts: (i) => real.readFacts(i),
      polishDraft: (i) => real.polishDraft(i),
      answer: async (i) => {
        const out = await real.answer(i);
        await chat.stores.cases.update(chat.caseId ?? '', (cur) => ({
          ...cur,
          state: { ...cur.state, facts: { ...cur.state.facts, notice: 'court_or_tro' } },
        }));
        return out;
      },
    };
    await chat.send(ATTACH_Q);
    expect(chat.text).not.toContain('Remove the old PDF files');
    expect(chat.text).toContain('The guidance does not cover this');
    const rec = await chat.stores.cases.get(chat.caseId ?? '');
    expect(rec?.audit.find((e) => e.action === 'answer_withheld')?.detail).toContain(
      'while the model answered',
    );
  });

  it('drops the model reading of a message when the case changed while it read', async () => {
    const chat = await withModel();
    server.script({ json: factsAnswer({}) });
    await chat.send(FIRST);
    server.script({ json: factsAnswer({ ipType: 'copyright' }) });
    const real = chat.llm as LanguageModel;
    chat.llm = {
      answer: (i) => real.answer(i),
      polishDraft: (i) => real.polishDraft(i),
      readFacts: async (i) => {
        const out = await real.readFacts(i);
        await chat.stores.cases.update(chat.caseId ?? '', (cur) => ({ ...cur }));
        return out;
      },
    };
    await chat.send('the listing is ours');
    expect((await chat.state()).facts.ipType).toBeUndefined();
  });

  it('answers a question after the decision, in the thread, without changing the case', async () => {
    const chat = await withModel();
    await decideCourtCase(chat);
    const facts = (await chat.state()).facts;
    server.fallback = (req) => ({
      json: citing(
        req,
        ctx.kb,
        'facts#us.tro-14-days',
        (n) => `An ex parte TRO lasts at most 14 days [${n}].`,
      ),
    });
    await chat.send('how long does the TRO last, roughly?');
    expect(chat.text).toContain('An ex parte TRO lasts at most 14 days [us.tro-14-days].');
    expect((await chat.state()).facts).toEqual(facts);
    expect((await chat.state()).status).toBe('decided');
  });
});
