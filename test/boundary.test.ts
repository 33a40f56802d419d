import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/app/load-context.js';

// The core stays pure: no platform SDK, no LLM client, no storage, no node I/O, no clock.
const FORBIDDEN_IMPORTS = [
  /^@slack\//,
  /^botbuilder/,
  /^@microsoft\//,
  /^openai$/,
  /^keyv$/,
  /^@keyv\//,
  /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|dns|tls|readline|worker_threads|cluster|os|process)$/,
];
const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bDate\.now\(/, 'reads the clock (Date.now)'],
  [/new Date\(\)/, 'reads the clock (new Date())'],
  [/\bprocess\./, 'touches process'],
  [/\bfetch\(/, 'does network I/O'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'schedules timers'],
  [/\bMath\.random\(/, 'is not deterministic'],
];

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function importsOf(source: string): string[] {
  return [
    ...source.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? '');
}

describe('src/core boundary', () => {
  it('imports no platform SDK, LLM client, storage or node I/O, and never reads the clock', async () => {
    const problems: string[] = [];
    const core = join(PROJECT_ROOT, 'src', 'core');
    for (const f of await files(core)) {
      const src = await readFile(f, 'utf8');
      const name = relative(PROJECT_ROOT, f);
      for (const spec of importsOf(src)) {
        if (FORBIDDEN_IMPORTS.some((re) => re.test(spec))) problems.push(`${name} imports ${spec}`);
        // Relative imports must stay inside the pure parts of src/.
        if (
          spec.startsWith('.') &&
          /\/(channels|storage|llm|cli|app|knowledge)\//.test(join('src/core', spec))
        ) {
          problems.push(`${name} imports ${spec}, which does I/O`);
        }
      }
      for (const [re, what] of FORBIDDEN_CODE) if (re.test(src)) problems.push(`${name} ${what}`);
    }
    expect(problems).toEqual([]);
  });

  it('would catch a forbidden import (the check itself works)', () => {
    expect(importsOf("import { App } from '@slack/bolt';\nimport x from 'node:fs';")).toEqual([
      '@slack/bolt',
      'node:fs',
    ]);
    expect(FORBIDDEN_IMPORTS.some((re) => re.test('node:fs'))).toBe(true);
    expect(FORBIDDEN_IMPORTS.some((re) => re.test('zod'))).toBe(false);
  });
});
