import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

// The language model's prompts are files in prompts/llm/: front matter with the call's settings, then the
// system prompt. Seller text never goes into these: it is sent as data in the user message.

export const PROMPT_NAMES = ['extract-facts', 'answer-question', 'polish-draft'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

const PromptMeta = z
  .object({
    name: z.enum(PROMPT_NAMES),
    temperature: z.coerce.number().min(0).max(2),
    max_tokens: z.coerce.number().int().min(16).max(8000),
    /** The schema's name in the structured-output request. */
    schema: z.string().regex(/^[a-z_]{1,64}$/),
  })
  .strict();

export interface LlmPrompt {
  name: PromptName;
  temperature: number;
  maxTokens: number;
  schemaName: string;
  system: string;
}

export type LlmPrompts = ReadonlyMap<PromptName, LlmPrompt>;

export class PromptFileError extends Error {}

function frontMatter(text: string, file: string): { meta: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!m?.[1] || m[2] === undefined) throw new PromptFileError(`${file}: missing front matter (--- … ---)`);
  const meta: Record<string, string> = {};
  for (const line of m[1].split('\n')) {
    if (line.trim() === '') continue;
    const kv = /^(\w+):\s*(.*)$/.exec(line.trim());
    if (!kv?.[1])
      throw new PromptFileError(`${file}: front matter line "${line.trim()}" is not "key: value"`);
    meta[kv[1]] = (kv[2] ?? '').trim().replace(/^"(.*)"$/, '$1');
  }
  return { meta, body: m[2].trim() };
}

/** Parses one prompt file; a wrong or missing setting names the file and the setting. */
export function parsePrompt(file: string, text: string): LlmPrompt {
  const { meta, body } = frontMatter(text, file);
  const parsed = PromptMeta.safeParse(meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join('.') || 'front matter';
    throw new PromptFileError(`${file}: ${key} is not valid (${issue?.message ?? 'bad value'})`);
  }
  if (body.length < 40) throw new PromptFileError(`${file}: the system prompt is missing or too short`);
  return {
    name: parsed.data.name,
    temperature: parsed.data.temperature,
    maxTokens: parsed.data.max_tokens,
    schemaName: parsed.data.schema,
    system: body,
  };
}

/** Every prompt the model is called with, from `dir`; a missing or invalid file stops startup. */
export async function loadLlmPrompts(dir: string): Promise<LlmPrompts> {
  const out = new Map<PromptName, LlmPrompt>();
  for (const name of PROMPT_NAMES) {
    const file = join(dir, `${name}.md`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new PromptFileError(
        `prompt file ${file} is missing (the language model's prompts live in prompts/llm/)`,
      );
    }
    const p = parsePrompt(`prompts/llm/${name}.md`, text);
    if (p.name !== name)
      throw new PromptFileError(`prompts/llm/${name}.md: name is "${p.name}", expected "${name}"`);
    out.set(name, p);
  }
  return out;
}
