import { z } from 'zod';

// Draft templates live in prompts/drafts/*.md: front matter (kind, subject, vars) and a body with
// {{name}} slots. Rendering with a missing or unknown variable fails, so a draft never ships a hole.

import { DraftKind } from '../model/draft-kind.js';

export { DraftKind };

export const TemplateMeta = z.object({
  kind: DraftKind,
  subject: z.string().min(1),
  vars: z.array(z.string().regex(/^\w+$/)).min(1),
});

export interface Template {
  name: string;
  kind: DraftKind;
  subject: string;
  vars: string[];
  body: string;
}

export type Templates = ReadonlyMap<string, Template>;

export class TemplateError extends Error {}

const SLOT = /\{\{(\w+)\}\}/g;

function slots(text: string): string[] {
  return [...text.matchAll(SLOT)].map((m) => m[1] ?? '');
}

function parseFrontMatter(block: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of block.split('\n')) {
    const kv = /^(\w+):\s*(.*)$/.exec(line.trim());
    if (!kv?.[1] || kv[2] === undefined) continue;
    const raw = kv[2].trim();
    if (raw.startsWith('[')) {
      out[kv[1]] = raw
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    } else {
      out[kv[1]] = raw.replace(/^"(.*)"$/, '$1');
    }
  }
  return out;
}

/** Parses and checks one template: declared vars and used slots must match exactly. */
export function parseTemplate(name: string, text: string): Template {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!m?.[1] || m[2] === undefined) throw new TemplateError(`template ${name}: missing front matter`);
  const meta = TemplateMeta.safeParse(parseFrontMatter(m[1]));
  if (!meta.success) {
    throw new TemplateError(
      `template ${name}: bad front matter (${meta.error.issues.map((i) => i.path.join('.')).join(', ')})`,
    );
  }
  const body = m[2].trim();
  const used = new Set([...slots(body), ...slots(meta.data.subject)]);
  const declared = new Set(meta.data.vars);
  for (const u of used)
    if (!declared.has(u)) throw new TemplateError(`template ${name}: uses {{${u}}} but does not declare it`);
  for (const d of declared)
    if (!used.has(d)) throw new TemplateError(`template ${name}: declares ${d} but never uses it`);
  return { name, kind: meta.data.kind, subject: meta.data.subject, vars: meta.data.vars, body };
}

function fill(text: string, vars: Readonly<Record<string, string>>, name: string): string {
  return text.replace(SLOT, (_, key: string) => {
    const v = vars[key];
    if (v === undefined) throw new TemplateError(`template ${name}: no value for {{${key}}}`);
    return v;
  });
}

export function renderTemplate(
  t: Template,
  vars: Readonly<Record<string, string>>,
): { subject: string; body: string } {
  return { subject: fill(t.subject, vars, t.name), body: fill(t.body, vars, t.name) };
}

export function requireTemplate(templates: Templates, name: string): Template {
  const t = templates.get(name);
  if (!t) throw new TemplateError(`template ${name} is missing from prompts/drafts/`);
  return t;
}
