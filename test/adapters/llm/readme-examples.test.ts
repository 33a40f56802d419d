import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/boot/config.js';
import { PROJECT_ROOT } from '../../../src/boot/load-context.js';
import { FakeOpenAiServer } from '../../fakes/openai-server.js';
import { runNode } from '../../helpers/run-cli.js';

// The README's "LLM (optional)" examples are read from the README itself, so a change there that would not
// start (a key the config refuses, a model name it cannot take) breaks this test, not a reader's afternoon.

/** The `VAR=value … npm start` lines of the first sh block of the README's "## LLM (optional)" section. */
async function readmeLlmExamples(): Promise<{ line: string; env: Record<string, string> }[]> {
  const readme = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('LLM (optional)'));
  if (!section) throw new Error('README has no "## LLM (optional)" section');
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('the LLM section has no sh example');
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => /\bnpm start\b/.test(l))
    .map((line) => {
      const env: Record<string, string> = {};
      for (const word of line.split(/\s+/)) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(word);
        if (!m) break;
        env[m[1] as string] = m[2] as string;
      }
      return { line, env };
    });
}

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await new FakeOpenAiServer().start();
});
afterEach(async () => {
  await server.close();
});

describe("the README's language-model examples", () => {
  it('are all accepted by the configuration, with the key, server and model they give', async () => {
    const examples = await readmeLlmExamples();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const { line, env } of examples) {
      expect(env.OPENAI_API_KEY, line).toBeTruthy();
      const llm = loadConfig({ PATH: '/usr/bin', ...env }).llm;
      expect(llm, line).toMatchObject({
        apiKey: env.OPENAI_API_KEY,
        model: env.OPENAI_MODEL ?? 'gpt-4o-mini',
        ...(env.OPENAI_BASE_URL ? { baseUrl: env.OPENAI_BASE_URL } : {}),
      });
    }
  });

  it('the Ollama example starts the terminal and calls the model with its key and model name', async () => {
    const ollama = (await readmeLlmExamples()).find((e) => e.env.OPENAI_BASE_URL);
    if (!ollama) throw new Error('the README has no example with OPENAI_BASE_URL (Ollama)');
    // Everything as the README says, except the server's address: the fake stands where Ollama would.
    const r = await runNode(
      'dist/main.js',
      [],
      'got a trademark complaint on B0C1234567 yesterday, their logo is on the product\n',
      { ...ollama.env, OPENAI_BASE_URL: server.baseUrl },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/I understood: .*trademark/);
    expect(r.stdout).toContain('working…');
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.every((q) => q.authorized && q.body.model === ollama.env.OPENAI_MODEL)).toBe(true);
  });
});
