import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citing, factsAnswer } from '../../adapters/llm/helpers.js';
import { FakeOpenAiServer } from '../../fakes/openai-server.js';
import { testContext } from '../../helpers/context.js';
import { runNode } from '../../helpers/run-cli.js';

let server: FakeOpenAiServer;

beforeEach(async () => {
  server = await new FakeOpenAiServer().start();
});

afterEach(async () => {
  await server.close();
});

describe('the terminal with a language model configured (OPENAI_API_KEY, OPENAI_BASE_URL)', () => {
  it('says "working…", uses what the model read, and answers a question from the guidance with its section', async () => {
    const { kb } = await testContext();
    server.fallback = (req) =>
      req.body.response_format?.json_schema?.name === 'ipcheck_facts'
        ? { json: factsAnswer({ notice: 'platform_complaint', ipType: 'trademark' }) }
        : {
            json: citing(req, kb, 'facts#amazon.attachments', (n) => `Only image files: not PDF [${n}].`),
          };
    const lines = [
      // A notice the rules do not read (the model's reading of it alone is not taken).
      'B0C1234567 on amazon: the brand says the mug copies their registered mark',
      'are PDF files accepted as attachments by Amazon in a dispute?',
    ];
    const r = await runNode('dist/main.js', [], `${lines.join('\n')}\n`, {
      OPENAI_API_KEY: 'sk-test-terminal-0001',
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_MODEL: 'fake-model',
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('working…');
    expect(r.stdout).toMatch(/I understood: .*trademark/);
    // The model alone read a platform complaint: not taken (a milder notice could be a law firm's email).
    expect(r.stdout).not.toMatch(/I understood: .*a platform IP complaint/);
    expect(r.stdout).toContain('Only image files: not PDF [amazon.attachments].');
    expect(r.stdout).toContain('Amazon attachments must be image files');
    expect(r.stdout).not.toContain('sk-test-terminal');
    expect(server.requests.map((q) => q.body.response_format?.json_schema?.name)).toEqual([
      'ipcheck_facts',
      'ipcheck_answer',
    ]);
    expect(server.requests.every((q) => q.body.model === 'fake-model' && q.authorized)).toBe(true);
  });

  it('works as without a model when the server fails, saying nothing about it', async () => {
    server.fallback = { status: 500, retryAfter: 0 };
    const line = 'got a trademark complaint on B0C1234567 yesterday, their logo is on the product\n';
    const withModel = await runNode('dist/main.js', [], line, {
      OPENAI_API_KEY: 'sk-test-terminal-0002',
      OPENAI_BASE_URL: server.baseUrl,
    });
    const without = await runNode('dist/main.js', [], line);
    expect(withModel.code).toBe(0);
    expect(withModel.stderr).toBe('');
    expect(withModel.stdout.replace('working…\n', '')).toBe(without.stdout);
    expect(server.requests).toHaveLength(2);
  });
});
