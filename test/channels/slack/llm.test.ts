import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citing, factsAnswer, modelOn } from '../../adapters/llm/helpers.js';
import { FakeOpenAiServer } from '../../fakes/openai-server.js';
import { messageEvent } from '../../fakes/slack-signing.js';
import { testContext } from '../../helpers/context.js';
import { CHANNEL, eventually, SELLER, type SlackHarness, startHarness } from './harness.js';
import { ui } from './harness-extra.js';

let h: SlackHarness;
let server: FakeOpenAiServer;

beforeEach(async () => {
  server = await new FakeOpenAiServer().start();
  h = await startHarness({ llm: await modelOn(server) });
  h.api.reset();
});

afterEach(async () => {
  await h.stop();
  await server.close();
});

describe('Slack with a language model', () => {
  it('reads the opening words with the model, and answers a thread question from the guidance after a private "Working on it…"', async () => {
    const { kb } = await testContext();
    server.fallback = (req) =>
      req.body.response_format?.json_schema?.name === 'ipcheck_facts'
        ? { json: factsAnswer({ ipType: 'trademark', usesTheirIp: 'yes' }) }
        : {
            json: citing(req, kb, 'facts#amazon.attachments', (n) => `Only image files, not PDF [${n}].`),
          };
    expect(
      await h.command(
        'https://www.aliexpress.com/item/1005006123456789.html got taken down yesterday, the brand logo is printed on it',
      ),
    ).toBe(200);
    await eventually(() => expect(h.api.callsTo('chat.update').length).toBeGreaterThan(0));
    const root = h.api.messagesIn(CHANNEL, { topLevelOnly: true })[0]?.ts as string;
    await eventually(() => expect(ui(h).threadText(root)).toMatch(/I understood:.*trademark/s));
    h.api.ephemerals.length = 0;
    expect(
      await h.event(
        messageEvent({
          text: 'are PDF files accepted as attachments by Amazon in a dispute?',
          user: SELLER,
          channel: CHANNEL,
          thread_ts: root,
        }),
      ),
    ).toBe(200);
    await eventually(() =>
      expect(ui(h).threadText(root)).toContain('Only image files, not PDF [amazon.attachments].'),
    );
    expect(h.api.ephemerals.map((e) => e.text)).toContain('Working on it…');
    expect(h.api.ephemerals.find((e) => e.text === 'Working on it…')?.user).toBe(SELLER);
    expect(server.requests.map((r) => r.body.response_format?.json_schema?.name)).toEqual([
      'ipcheck_facts',
      'ipcheck_answer',
    ]);
  });
});
