import { join } from 'node:path';
import { OpenAiModel } from '../../../src/adapters/llm/openai-model.js';
import { loadLlmPrompts } from '../../../src/adapters/llm/prompt-files.js';
import { PROJECT_ROOT } from '../../../src/boot/load-context.js';
import { FACT_KEYS } from '../../../src/domain/model/facts.js';
import type { KnowledgeBase } from '../../../src/domain/model/knowledge-base.js';
import type { FakeOpenAiServer, RecordedRequest } from '../../fakes/openai-server.js';

/** The real adapter pointed at the fake server, with a short budget so the timeout cases stay quick. */
export async function modelOn(server: FakeOpenAiServer, timeoutMs = 1500, log: string[] = []) {
  const prompts = await loadLlmPrompts(join(PROJECT_ROOT, 'prompts', 'llm'));
  return new OpenAiModel(
    { apiKey: 'sk-test-key-123', baseUrl: server.baseUrl, model: 'fake', timeoutMs },
    prompts,
    (l) => log.push(l),
  );
}

/** A fact-extraction answer: every key null except the ones given. */
export function factsAnswer(facts: Record<string, string>): Record<string, string | null> {
  return Object.fromEntries(FACT_KEYS.map((k) => [k, facts[k] ?? null]));
}

/** The sections the request gave the model, by number: "[n] title" lines of the <sections> block. */
export function givenSections(req: RecordedRequest, kb: KnowledgeBase): Map<number, string> {
  const user = req.body.messages?.find((m) => m.role === 'user')?.content ?? '';
  const block = /<sections>\n([\s\S]*?)\n<\/sections>/.exec(user)?.[1] ?? '';
  const out = new Map<number, string>();
  for (const m of block.matchAll(/^\[(\d+)\] (.+)$/gm)) {
    const title = m[2];
    const s = kb.docs.flatMap((d) => d.sections).find((x) => x.title === title);
    if (s) out.set(Number(m[1]), s.ref);
  }
  return out;
}

/** An answer citing the given section `ref` (by the number it was given under) with its first words. */
export function citing(req: RecordedRequest, kb: KnowledgeBase, ref: string, answer: (n: number) => string) {
  const byN = givenSections(req, kb);
  const n = [...byN].find(([, r]) => r === ref)?.[0] ?? 1;
  const text = kb.section(ref)?.text ?? '';
  // Its first ten words: a span long enough to carry a claim (a shorter quote must be a whole sentence).
  const quote = /^\s*(?:\S+\s+){9}\S+/.exec(text)?.[0].trim() ?? text;
  return { supported: true, answer: answer(n), citations: [{ section: n, quote }] };
}
