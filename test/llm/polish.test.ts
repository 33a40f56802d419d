import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src/core/outcome.js';
import { POLISHER } from '../../src/core/polish.js';
import { FakeOpenAiServer, type RecordedRequest, type Scripted } from '../fakes/openai-server.js';
import { testContext } from '../helpers/context.js';
import { Conversation } from '../helpers/transcript.js';
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
});
