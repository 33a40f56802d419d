import { join } from 'node:path';
import type { LanguageModel } from '../../app/ports.js';
import type { LlmConfig } from '../../boot/config.js';
import { PROJECT_ROOT } from '../../boot/load-context.js';
import { type LlmLog, OpenAiModel } from './openai-model.js';
import { loadLlmPrompts } from './prompt-files.js';

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
