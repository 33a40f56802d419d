import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLlmPrompts, PromptFileError, parsePrompt } from '../../../src/adapters/llm/prompt-files.js';
import { ConfigError, loadConfig } from '../../../src/boot/config.js';
import { PROJECT_ROOT } from '../../../src/boot/load-context.js';
import { tempDir } from '../../helpers/temp-dir.js';

const base = { PATH: '/usr/bin' };

describe('language model settings', () => {
  it('is off with no key, and with an empty one', () => {
    expect(loadConfig(base).llm).toBeUndefined();
    expect(loadConfig({ ...base, OPENAI_API_KEY: '' }).llm).toBeUndefined();
  });

  it('is on with a key: default model and an 8 s budget, both overridable', () => {
    expect(loadConfig({ ...base, OPENAI_API_KEY: 'sk-abcdefgh12' }).llm).toEqual({
      apiKey: 'sk-abcdefgh12',
      model: 'gpt-4o-mini',
      timeoutMs: 8000,
    });
    const c = loadConfig({
      ...base,
      OPENAI_API_KEY: 'ollama-local',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'llama3.1:8b',
      IPCHECK_LLM_TIMEOUT_MS: '3000',
    });
    expect(c.llm).toEqual({
      apiKey: 'ollama-local',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.1:8b',
      timeoutMs: 3000,
    });
  });

  it('takes any non-empty key: a local server (Ollama, vLLM) accepts any word, however short', () => {
    for (const key of ['x', 'ollama', 'EMPTY', `eyJ${'a'.repeat(3000)}`])
      expect(loadConfig({ ...base, OPENAI_API_KEY: key }).llm?.apiKey).toBe(key);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ OPENAI_API_KEY: 'has a space in it' }, /^OPENAI_API_KEY is not valid: expected an API key/],
    [{ OPENAI_BASE_URL: 'localhost:11434' }, /^OPENAI_BASE_URL is not valid: expected the server's API base/],
    [{ OPENAI_MODEL: 'two words' }, /^OPENAI_MODEL is not valid: expected a model name/],
    [{ IPCHECK_LLM_TIMEOUT_MS: '50' }, /^IPCHECK_LLM_TIMEOUT_MS is not valid: expected milliseconds/],
  ])('%j fails naming the variable and its form, never the value', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
    try {
      loadConfig({ ...base, ...env });
    } catch (err) {
      expect((err as Error).message).not.toContain('has a space');
    }
  });
});

describe('prompt files (prompts/llm/*.md)', () => {
  it('loads every prompt with its settings', async () => {
    const p = await loadLlmPrompts(join(PROJECT_ROOT, 'prompts', 'llm'));
    expect([...p.keys()].sort()).toEqual(['answer-question', 'extract-facts', 'polish-draft']);
    expect(p.get('polish-draft')).toMatchObject({
      temperature: 0.2,
      maxTokens: 1500,
      schemaName: 'ipcheck_draft',
    });
  });

  it.each([
    ['no front matter', 'just text', /missing front matter/],
    [
      'a bad setting',
      '---\nname: extract-facts\ntemperature: hot\nmax_tokens: 10\nschema: x\n---\n',
      /temperature is not valid/,
    ],
    [
      'an unknown setting',
      '---\nname: extract-facts\ntemperature: 0\nmax_tokens: 100\nschema: x\ntop_k: 3\n---\nlong enough system prompt text for the check.',
      /front matter is not valid|top_k/,
    ],
    [
      'an empty prompt',
      '---\nname: extract-facts\ntemperature: 0\nmax_tokens: 100\nschema: x\n---\n',
      /system prompt is missing/,
    ],
  ])('refuses a file with %s, naming it', (_, text, message) => {
    expect(() => parsePrompt('prompts/llm/extract-facts.md', text)).toThrow(PromptFileError);
    expect(() => parsePrompt('prompts/llm/extract-facts.md', text)).toThrow(message);
  });

  it('stops startup when a prompt file is missing', async () => {
    const dir = await tempDir('llm-prompts');
    await expect(loadLlmPrompts(dir)).rejects.toThrow(/prompt file .*extract-facts\.md is missing/);
    await writeFile(join(dir, 'extract-facts.md'), 'x');
    await expect(loadLlmPrompts(dir)).rejects.toThrow(/extract-facts\.md: missing front matter/);
  });
});
