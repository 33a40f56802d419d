import OpenAI from 'openai';
import { z } from 'zod';
import type { LanguageModel } from '../../app/ports.js';
import { type Details, FACT_KEYS, type Facts } from '../../domain/model/facts.js';
import {
  type GivenSection,
  LlmAnswerOut,
  LlmDraftOut,
  LlmFactsOut,
} from '../../domain/model/llm-contract.js';
import type { LlmPrompt, LlmPrompts, PromptName } from './prompt-files.js';

// The one adapter over the `openai` package (any OpenAI-compatible server: OpenAI, Azure OpenAI, Ollama, vLLM).
// Every call has one overall time budget, at most one retry inside it, and a JSON-schema response parsed with
// zod. Any failure (timeout, 429, 500, a refusal, JSON that does not fit) is an `undefined` answer, so the
// caller falls back to the rule-based path; the reason goes to `log`, never to the seller, and never the key.

export interface LlmSettings {
  apiKey: string;
  /** e.g. http://127.0.0.1:11434/v1 for Ollama; the OpenAI API when unset. */
  baseUrl?: string;
  model: string;
  /** The whole call, a retry included, must finish within this. */
  timeoutMs: number;
}

/** Where the adapter says what happened: failures at `warn` (a WARN-level log must show them), the rest `info`. */
export type LlmLog = (line: string, level: 'info' | 'warn') => void;

/** Structured-output JSON schema for a zod schema, without the $schema key some servers refuse. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

/** Seller text, titles, drafts: JSON-escaped inside a named tag, so no text can close the tag or pose as ours. */
export function dataBlock(tag: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `<${tag}>\n${json}\n</${tag}>`;
}

// Lines of a prompt this long or longer are never shown: an answer containing one reveals the prompt.
const LEAK_MIN = 32;

/** Whether a model's text repeats any long enough piece of the system prompts. */
export function leaksPrompt(text: string, prompts: LlmPrompts): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  const t = norm(text);
  for (const p of prompts.values()) {
    const lines = p.system.split('\n').map((l) => norm(l).trim());
    for (const line of lines) {
      if (line.length < LEAK_MIN) continue;
      // Any 32-character window of a prompt line found in the answer.
      for (let i = 0; i + LEAK_MIN <= line.length; i += 16)
        if (t.includes(line.slice(i, i + LEAK_MIN))) return true;
    }
  }
  return false;
}

export function factsForPrompt(facts: Facts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FACT_KEYS) if (facts[k] !== undefined) out[k] = facts[k] as string;
  return out;
}

export class OpenAiModel implements LanguageModel {
  private readonly client: OpenAI;

  constructor(
    private readonly settings: LlmSettings,
    private readonly prompts: LlmPrompts,
    private readonly log: LlmLog = () => {},
  ) {
    this.client = new OpenAI({
      apiKey: settings.apiKey,
      ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
      timeout: settings.timeoutMs,
      maxRetries: 1,
      // The SDK's own logging could print request details; ours says only what failed.
      logLevel: 'off',
    });
  }

  /** One structured call: the parsed answer, or undefined (logged) on any failure or when out of time. */
  private async call<T>(name: PromptName, user: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const prompt = this.prompts.get(name) as LlmPrompt;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.settings.timeoutMs);
    });
    const started = Date.now();
    try {
      const request = this.client.chat.completions.create(
        {
          model: this.settings.model,
          temperature: prompt.temperature,
          max_tokens: prompt.maxTokens,
          messages: [
            { role: 'system', content: prompt.system },
            { role: 'user', content: user },
          ],
          response_format: {
            type: 'json_schema',
            json_schema: { name: prompt.schemaName, strict: true, schema: jsonSchema(schema) },
          },
        },
        { signal: abort.signal },
      );
      // The SDK waits out a server's Retry-After before its retry; the budget does not.
      request.catch(() => {});
      const res = await Promise.race([request, budget]);
      if (res === 'timeout') {
        abort.abort();
        this.log(`llm ${name}: no answer within ${this.settings.timeoutMs} ms`, 'warn');
        return undefined;
      }
      const msg = res.choices[0]?.message;
      if (!msg?.content) {
        this.log(`llm ${name}: ${msg?.refusal ? 'the model refused' : 'empty answer'}`, 'warn');
        return undefined;
      }
      let json: unknown;
      try {
        json = JSON.parse(msg.content);
      } catch {
        this.log(`llm ${name}: the answer is not JSON`, 'warn');
        return undefined;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        this.log(
          `llm ${name}: the answer does not fit the schema (${parsed.error.issues[0]?.path.join('.') || 'root'})`,
          'warn',
        );
        return undefined;
      }
      this.log(`llm ${name}: answered in ${Date.now() - started} ms`, 'info');
      return parsed.data;
    } catch (err) {
      this.log(`llm ${name}: ${describeError(err)}`, 'warn');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async readFacts(input: { text: string; today: string }): Promise<LlmFactsOut | undefined> {
    const user = `Today is ${input.today}.\n${dataBlock('seller_message', input.text)}`;
    return this.call('extract-facts', user, LlmFactsOut);
  }

  async answer(input: {
    question: string;
    facts: Facts;
    sections: GivenSection[];
  }): Promise<LlmAnswerOut | undefined> {
    const sections = input.sections.map((s) => `[${s.n}] ${s.title}\n${s.text}`).join('\n\n');
    const user = [
      `<sections>\n${sections}\n</sections>`,
      dataBlock('case_facts', factsForPrompt(input.facts)),
      dataBlock('seller_question', input.question),
    ].join('\n');
    const out = await this.call('answer-question', user, LlmAnswerOut);
    if (out && leaksPrompt(out.answer, this.prompts)) {
      this.log('llm answer-question: the answer repeats the prompt; not shown', 'warn');
      return undefined;
    }
    return out;
  }

  async polishDraft(input: {
    draft: string;
    facts: Facts;
    details: Details;
  }): Promise<LlmDraftOut | undefined> {
    const user = [
      dataBlock('case_facts', { ...factsForPrompt(input.facts), ...input.details }),
      dataBlock('draft', input.draft),
    ].join('\n');
    const out = await this.call('polish-draft', user, LlmDraftOut);
    if (out && leaksPrompt(out.body, this.prompts)) {
      this.log('llm polish-draft: the draft repeats the prompt; not used', 'warn');
      return undefined;
    }
    return out;
  }
}

/** What failed, in words safe for a log: an HTTP status or the error's kind, never a request or a key. */
function describeError(err: unknown): string {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return 'timed out';
  if (err instanceof OpenAI.APIUserAbortError) return 'cancelled (out of time)';
  if (err instanceof OpenAI.APIConnectionError) return 'could not connect';
  if (err instanceof OpenAI.APIError) return `HTTP ${err.status ?? '?'} from the server`;
  return (err as Error)?.name ?? 'failed';
}
