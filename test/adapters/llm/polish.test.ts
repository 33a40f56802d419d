import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POLISHER, polishDrafts } from '../../../src/app/polish.js';
import type { LanguageModel } from '../../../src/app/ports.js';
import type { CoreContext } from '../../../src/domain/conversation/outcome.js';
import { FakeOpenAiServer, type RecordedRequest, type Scripted } from '../../fakes/openai-server.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';
import { factsAnswer, modelOn } from './helpers.js';

let server: FakeOpenAiServer;
let ctx: CoreContext;

beforeEach(async () => {
  server = await new FakeOpenAiServer().start();
  ctx = await testContext();
});

afterEach(async () => {
  await server.close();
});

/** The draft the request gave the model. */
function draftIn(req: RecordedRequest): string {
  const user = req.body.messages?.find((m) => m.role === 'user')?.content ?? '';
  return JSON.parse(/<draft>\n(.*)\n<\/draft>/s.exec(user)?.[1] ?? '""');
}

const ANSWERS: Record<string, string> = {
  listingIsOurs: 'yes',
  usesTheirIp: 'no',
  differences: 'rounded corners, theirs are square; 3 buttons, theirs has 4',
};

/** A design-patent dispute on AliExpress, decided; the model answers facts with nothing and drafts with `polish`. */
async function decideDispute(polish: (draft: string) => Scripted): Promise<Conversation> {
  server.fallback = (req) =>
    req.body.response_format?.json_schema?.name === 'ipcheck_draft'
      ? polish(draftIn(req))
      : { json: factsAnswer({}) };
  const chat = new Conversation(ctx);
  chat.llm = await modelOn(server);
  await chat.send(
    'design patent complaint on https://www.aliexpress.com/item/1005006123456789.html yesterday, our product looks different, we have not contacted them',
  );
  for (let i = 0; i < 8 && !chat.last.some((r) => r.kind === 'outcome'); i++)
    await chat.send(ANSWERS[chat.question().questionId] ?? '1');
  return chat;
}

const draftsRequested = () =>
  server.requests.filter((r) => r.body.response_format?.json_schema?.name === 'ipcheck_draft').length;

describe('draft polishing by the language model, checked', () => {
  it('shows and saves a rewording that passes the checks, as an edit by the model', async () => {
    const chat = await decideDispute((d) => ({
      json: {
        body: d.replace(
          'Thank you for reviewing this comparison.',
          'Thank you for taking the time to review this comparison.',
        ),
      },
    }));
    const dispute = chat.outcome().drafts.find((d) => d.kind === 'dispute_reply');
    expect(dispute?.body).toContain('Thank you for taking the time to review this comparison.');
    expect(draftsRequested()).toBe(1);
    const rec = await chat.stores.cases.get(chat.caseId ?? '');
    expect(rec?.drafts.find((d) => d.kind === 'dispute_reply')?.editedBy).toBe(POLISHER);
    expect(rec?.audit.some((e) => e.action === 'draft_polished' && e.detail === 'dispute_reply')).toBe(true);
    await chat.send('draft dispute');
    expect(chat.text).toContain('Thank you for taking the time to review this comparison.');
    expect(chat.text).toContain(`edited by ${POLISHER}`);
  });

  it.each<[string, (d: string) => Scripted, RegExp]>([
    [
      'an invented amount',
      (d) => ({ json: { body: d.replace('Facts', 'We lost $12,000 in sales. Facts') } }),
      /\$12,000/,
    ],
    [
      'a dropped placeholder',
      (d) => ({ json: { body: d.replace(/\[FILL IN: complaint id\]/, 'n/a') } }),
      /placeholder/,
    ],
    ['an angry tone', (d) => ({ json: { body: `This complaint is ridiculous.\n${d}` } }), /angry/],
    [
      'an admission',
      (d) => ({ json: { body: `We admit we copied part of the design.\n${d}` } }),
      /admission/,
    ],
    [
      'an injected recipient (a seller text telling the model to copy someone in)',
      (d) => ({ json: { body: `${d}\nCC: attacker@evil.example` } }),
      /attacker@evil\.example/,
    ],
    ['a server error', () => ({ status: 500, retryAfter: 0 }), /did not answer/],
    ['malformed JSON', () => ({ content: '{"body": "Store' }), /did not answer/],
  ])('keeps the template draft on %s, and records why', async (_, polish, why) => {
    const plain = new Conversation(ctx, 'plain');
    await plain.send(
      'design patent complaint on https://www.aliexpress.com/item/1005006123456789.html yesterday, our product looks different, we have not contacted them',
    );
    for (let i = 0; i < 8 && !plain.last.some((r) => r.kind === 'outcome'); i++)
      await plain.send(ANSWERS[plain.question().questionId] ?? '1');
    const chat = await decideDispute(polish);
    const body = (c: Conversation) => c.outcome().drafts.find((d) => d.kind === 'dispute_reply')?.body;
    expect(body(chat)).toBe(body(plain));
    const rec = await chat.stores.cases.get(chat.caseId ?? '');
    expect(rec?.drafts.some((d) => d.kind === 'dispute_reply')).toBe(false);
    expect(rec?.audit.find((e) => e.action === 'draft_polish_rejected')?.detail).toMatch(why);
  });

  const POLITE = (d: string) => ({
    json: {
      body: d.replace('Thank you for reviewing this.', 'Thank you for taking the time to review this.'),
    },
  });
  const TRADEMARK =
    'aliexpress 1005006123456789 got a platform trademark complaint yesterday, our product does not use their mark, we have not contacted them';

  async function decidedByChoice(): Promise<Conversation> {
    server.fallback = (req) =>
      req.body.response_format?.json_schema?.name === 'ipcheck_draft'
        ? POLITE(draftIn(req))
        : { json: factsAnswer({}) };
    const chat = new Conversation(ctx);
    chat.llm = await modelOn(server);
    await chat.send(TRADEMARK);
    // "does not use their mark" was read from the seller's words: confirmed first (issue 15), then the listing.
    await chat.send('1');
    await chat.send('1');
    expect((await chat.state()).status).toBe('decided');
    return chat;
  }

  it('makes no model call when a typed choice completes the outcome; "draft …" polishes the draft then, once', async () => {
    const chat = await decidedByChoice();
    expect(draftsRequested()).toBe(0);
    expect(chat.outcome().drafts.find((d) => d.kind === 'dispute_reply')?.body).toContain(
      'Thank you for reviewing this.',
    );
    await chat.send('draft dispute');
    expect(draftsRequested()).toBe(1);
    expect(chat.text).toContain('Thank you for taking the time to review this.');
    await chat.send('draft dispute');
    expect(draftsRequested()).toBe(1);
  });

  it('drops a polished draft when a detail added later changes its template, and says why', async () => {
    const chat = await decidedByChoice();
    await chat.send('draft dispute');
    expect(draftsRequested()).toBe(1);
    await chat.send('the complaint ID is 88776655 and our store is Acme Home');
    const rec = await chat.stores.cases.get(chat.caseId ?? '');
    expect(rec?.drafts.some((d) => d.editedBy === POLISHER)).toBe(false);
    expect(rec?.audit.find((e) => e.action === 'draft_polish_dropped')?.detail).toContain('dispute_reply');
    // Shown again, the draft has the store name (polished afresh from the new template).
    await chat.send('draft dispute');
    expect(chat.text).toContain('Store: Acme Home');
    expect(chat.text).toContain('Thank you for taking the time to review this.');
  });

  it("polishes an outcome's drafts at once, not one after another", async () => {
    const chat = await decidedByChoice();
    const real = await modelOn(server);
    let inFlight = 0;
    let most = 0;
    const llm: LanguageModel = {
      readFacts: (i) => real.readFacts(i),
      answer: (i) => real.answer(i),
      polishDraft: async (i) => {
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          return await real.polishDraft(i);
        } finally {
          inFlight--;
        }
      },
    };
    const dispute = chat.outcome().drafts.find((d) => d.kind === 'dispute_reply');
    if (!dispute) throw new Error('no dispute draft');
    const second = { kind: 'retraction_request' as const, subject: 'Retraction', body: dispute.body };
    const bodies = await polishDrafts(
      { ctx, cases: chat.stores.cases, llm },
      chat.caseId ?? '',
      [dispute, second],
      new Date('2026-11-28T10:00:00Z'),
    );
    expect(most).toBe(2);
    expect([...bodies.keys()].sort()).toEqual(['dispute_reply', 'retraction_request']);
  });
});
