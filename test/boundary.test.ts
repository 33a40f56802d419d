import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/boot/load-context.js';

// The house's rooms (README, Architecture), enforced: the domain is pure and synchronous, no folder imports
// one that imports it back, channels reach cases only through the app, channels and the sweep never name a
// notice type (the legal predicates in domain/model/litigation.ts do), and no file grows past 500 lines.

const SRC = join(PROJECT_ROOT, 'src');

/** Imports the domain may not make: a platform SDK, an LLM client, storage, node I/O. */
const FORBIDDEN_IMPORTS = [
  /^@slack\//,
  /^botbuilder/,
  /^@microsoft\//,
  /^openai$/,
  /^keyv$/,
  /^@keyv\//,
  /^express$/,
  /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|dns|tls|readline|worker_threads|cluster|os|process|timers|timers\/promises|stream)$/,
];
/** Code the domain may not contain: the clock, the process, the network, timers, chance, anything async. */
const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bDate\.now\(/, 'reads the clock (Date.now)'],
  [/new Date\(\)/, 'reads the clock (new Date())'],
  [/\bprocess\./, 'touches process'],
  [/\bfetch\(/, 'does network I/O'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'schedules timers'],
  [/\bMath\.random\(/, 'is not deterministic'],
  [/\basync\b|\bawait\b|\bPromise\b/, 'is asynchronous'],
];
/** The notice types: only the domain (litigation.ts and the rules) may name them. */
const NOTICE_NAMES = /['"`](platform_complaint|rights_holder_letter|court_or_tro)['"`]/;

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

/** Code without its comments, so a comment that mentions `await` or a notice type is not code. */
const code = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** The room a file lives in: src/<top>, one level deeper for domain, app, adapters and channels. */
function roomOf(file: string): string {
  const parts = relative(SRC, file).split(/[\\/]/).slice(0, -1);
  if (parts.length === 0) return 'src';
  const deep = ['domain', 'adapters', 'channels'].includes(parts[0] ?? '');
  return parts.slice(0, deep ? 2 : 1).join('/');
}

/** The folder cycles in a graph of rooms: each strongly connected group of more than one room. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const visit = (v: string) => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('the house (src/ boundaries)', () => {
  it('src/domain is pure and synchronous: no SDK, LLM client, storage, node I/O, clock or async', async () => {
    const problems: string[] = [];
    const domain = join(SRC, 'domain');
    for (const f of await files(domain)) {
      const src = await readFile(f, 'utf8');
      const name = relative(PROJECT_ROOT, f);
      for (const spec of importsOf(src)) {
        if (FORBIDDEN_IMPORTS.some((re) => re.test(spec))) problems.push(`${name} imports ${spec}`);
        if (spec.startsWith('.') && !resolve(dirname(f), spec).startsWith(domain))
          problems.push(`${name} imports ${spec}, outside the domain`);
      }
      for (const [re, what] of FORBIDDEN_CODE) if (re.test(code(src))) problems.push(`${name} ${what}`);
    }
    expect(problems).toEqual([]);
  });

  it('no folder of src/ imports one that imports it back', async () => {
    const edges = new Map<string, Set<string>>();
    for (const f of await files(SRC)) {
      const from = roomOf(f);
      if (!edges.has(from)) edges.set(from, new Set());
      for (const spec of importsOf(await readFile(f, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const to = roomOf(resolve(dirname(f), spec));
        if (to !== from) edges.get(from)?.add(to);
      }
    }
    expect(cycles(edges)).toEqual([]);
  });

  it('channels never touch a store: every case, claim and reminder goes through src/app', async () => {
    const problems: string[] = [];
    for (const f of await files(join(SRC, 'channels'))) {
      const lines = code(await readFile(f, 'utf8')).split('\n');
      lines.forEach((l, i) => {
        if (/\bstores\./.test(l)) problems.push(`${relative(PROJECT_ROOT, f)}:${i + 1}: ${l.trim()}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('channels and the sweep never name a notice type (they ask the legal predicates)', async () => {
    const problems: string[] = [];
    for (const dir of ['channels', 'adapters/sweep']) {
      for (const f of await files(join(SRC, dir))) {
        if (NOTICE_NAMES.test(code(await readFile(f, 'utf8')))) problems.push(relative(PROJECT_ROOT, f));
      }
    }
    expect(problems).toEqual([]);
  });

  it('no file in src/ is over 500 lines', async () => {
    const long: string[] = [];
    for (const f of await files(SRC)) {
      const n = (await readFile(f, 'utf8')).split('\n').length;
      if (n > 500) long.push(`${relative(PROJECT_ROOT, f)} (${n} lines)`);
    }
    expect(long).toEqual([]);
  });

  it('the checks themselves work', () => {
    expect(importsOf("import { App } from '@slack/bolt';\nimport x from 'node:fs';")).toEqual([
      '@slack/bolt',
      'node:fs',
    ]);
    expect(FORBIDDEN_IMPORTS.some((re) => re.test('node:fs'))).toBe(true);
    expect(FORBIDDEN_IMPORTS.some((re) => re.test('zod'))).toBe(false);
    expect(FORBIDDEN_CODE.some(([re]) => re.test(code('export async function f() {}')))).toBe(true);
    expect(FORBIDDEN_CODE.some(([re]) => re.test(code('// an async note\nconst a = 1;')))).toBe(false);
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
    expect(roomOf(join(SRC, 'channels/slack/handlers/actions.ts'))).toBe('channels/slack');
    expect(roomOf(join(SRC, 'domain/model/facts.ts'))).toBe('domain/model');
    expect(roomOf(join(SRC, 'main.ts'))).toBe('src');
    expect(NOTICE_NAMES.test("if (f.notice === 'court_or_tro')")).toBe(true);
  });
});
