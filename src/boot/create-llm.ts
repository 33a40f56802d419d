import { join } from 'node:path';
import { type LlmLog, OpenAiModel } from '../adapters/llm/openai-model.js';
import { loadLlmPrompts } from '../adapters/llm/prompt-files.js';
import type { LanguageModel } from '../app/ports.js';
import type { LlmConfig } from './config.js';
import { PROJECT_ROOT } from './load-context.js';

/** The language model when one is configured (OPENAI_API_KEY), else undefined: the bot says nothing about it. */
export async function createLanguageModel(
  config: LlmConfig | undefined,
  log?: LlmLog,
  root = PROJECT_ROOT,
): Promise<LanguageModel | undefined> {
  if (!config) return undefined;
  const prompts = await loadLlmPrompts(join(root, 'prompts', 'llm'));
  return new OpenAiModel(config, prompts, log);
}
