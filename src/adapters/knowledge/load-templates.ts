import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseTemplate, type Template } from '../../domain/drafting/template.js';

export async function loadTemplates(dir: string): Promise<Map<string, Template>> {
  const out = new Map<string, Template>();
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.md')).sort()) {
    const name = basename(f, '.md');
    out.set(name, parseTemplate(name, await readFile(join(dir, f), 'utf8')));
  }
  return out;
}
