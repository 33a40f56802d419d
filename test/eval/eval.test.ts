import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { parseEvalSet, scoreReader } from '../../src/eval/score.js';
import { factsAnswer } from '../adapters/llm/helpers.js';
import { FakeOpenAiServer } from '../fakes/openai-server.js';
import { testContext } from '../helpers/context.js';
import { runNode } from '../helpers/run-cli.js';

const loadSet = async () =>
  parseEvalSet(await readFile(join(PROJECT_ROOT, 'eval', 'messages.jsonl'), 'utf8'));

describe('the evaluation set and its scoring', () => {
  it('has at least 40 valid messages, each with expected facts and routes', async () => {
    const rows = await loadSet();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('scores a reader that reads exactly what is stated as all right, and counts a wrong value', async () => {
    const { kb } = await testContext();
    const rows = await loadSet();
    const perfect = scoreReader(
      rows,
      rows.map((r) => r.stated),
      kb,
    );
    expect(perfect.allRight).toBe(rows.length);
    expect(perfect.routesRight).toBe(rows.length);
    const court = rows.findIndex((r) => r.id === 'funds-court-order');
    const wrong = rows.map((r, i) =>
      i === court ? { ...r.stated, notice: 'platform_complaint' as const } : r.stated,
    );
    const s = scoreReader(rows, wrong, kb);
    expect(s.facts.notice.wrong).toBe(1);
    expect(s.routesRight).toBe(rows.length - 1);
    expect(s.failures[0]).toContain('notice=platform_complaint (expected court_or_tro)');
  });
});

describe('npm run eval with a language model (fake server)', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => {
    server = await new FakeOpenAiServer().start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('reports the rules, the model alone and the two merged', async () => {
    const rows = await loadSet();
    // A model that reads exactly what each message states.
    server.fallback = (req) => {
      const user = req.body.messages?.find((m) => m.role === 'user')?.content ?? '';
      const text = JSON.parse(/<seller_message>\n(.*)\n<\/seller_message>/s.exec(user)?.[1] ?? '""');
      const row = rows.find((r) => r.text === text);
      return { json: factsAnswer((row?.stated ?? {}) as Record<string, string>) };
    };
    const r = await runNode('dist/eval/run.js', ['--quiet'], '', {
      OPENAI_API_KEY: 'sk-eval-test-0001',
      OPENAI_BASE_URL: server.baseUrl,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rules only');
    expect(r.stdout).toContain(`${rows.length}/${rows.length} answered`);
    expect(r.stdout).toMatch(
      /language model alone[\s\S]*messages read without a miss or a wrong value: 4\d\/4\d/,
    );
    expect(r.stdout).toContain('rules + language model, merged');
    expect(server.requests).toHaveLength(rows.length);
  });
});
