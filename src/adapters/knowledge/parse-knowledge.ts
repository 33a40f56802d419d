import { createHash } from 'node:crypto';
import type { Confidence, KnowledgeDoc, Section } from '../../domain/model/knowledge-base.js';

// Format (see knowledge/*.md): YAML-like front matter, then `<!-- section ID[: Title] [| key: value]… -->`
// markers. A marker whose title follows a colon and which has no body is a part heading; its text is the
// concatenation of its child sections (`1` holds `1.1`, `1.2`…). A fact's last line may be `Sources: a ; b`.

export class KnowledgeFormatError extends Error {}

const MARKER = /^<!-- section ([\w.-]+)(?::\s*([^|]*?))?\s*((?:\|[^|]*?)*)\s*-->$/;

function frontMatter(text: string, file: string): { meta: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m?.[1]) throw new KnowledgeFormatError(`${file}: missing front matter (--- id/title/kind ---)`);
  const meta: Record<string, string> = {};
  for (const line of m[1].split('\n')) {
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (kv?.[1] && kv[2] !== undefined) meta[kv[1]] = kv[2].trim();
  }
  return { meta, body: text.slice(m[0].length) };
}

function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of raw.split('|').slice(1)) {
    const kv = /^\s*(\w+):\s*(.*?)\s*$/.exec(part);
    if (kv?.[1] && kv[2] !== undefined) out[kv[1]] = kv[2];
  }
  return out;
}

interface RawSection {
  id: string;
  title: string;
  attrs: Record<string, string>;
  lines: string[];
}

function splitSections(body: string, file: string): RawSection[] {
  const out: RawSection[] = [];
  let cur: RawSection | undefined;
  let inComment = false;
  for (const line of body.split('\n')) {
    const m = MARKER.exec(line.trim());
    if (m?.[1]) {
      cur = { id: m[1], title: (m[2] ?? '').trim(), attrs: attributes(m[3] ?? ''), lines: [] };
      out.push(cur);
      continue;
    }
    // Free comments (notes to maintainers) are not part of any section.
    if (!inComment && line.trim().startsWith('<!--')) {
      inComment = !line.includes('-->');
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (!cur) {
      if (line.trim() !== '') throw new KnowledgeFormatError(`${file}: text before the first section marker`);
      continue;
    }
    cur.lines.push(line);
  }
  return out;
}

export function parseKnowledge(text: string, file: string): KnowledgeDoc {
  const { meta, body } = frontMatter(text.replace(/\r\n/g, '\n'), file);
  const docId = meta.id;
  const kind = meta.kind;
  if (!docId || !meta.title) throw new KnowledgeFormatError(`${file}: front matter needs id and title`);
  if (kind !== 'guidance' && kind !== 'facts') {
    throw new KnowledgeFormatError(`${file}: kind must be guidance or facts, not "${kind ?? ''}"`);
  }
  const raws = splitSections(body, file);
  const sections: Section[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    if (seen.has(raw.id)) throw new KnowledgeFormatError(`${file}: section ${raw.id} appears twice`);
    seen.add(raw.id);
    const lines = [...raw.lines];
    while (lines.length && lines[lines.length - 1]?.trim() === '') lines.pop();
    while (lines.length && lines[0]?.trim() === '') lines.shift();
    let sources: string[] = [];
    const last = lines[lines.length - 1];
    if (last?.startsWith('Sources:')) {
      sources = last
        .slice('Sources:'.length)
        .split(' ; ')
        .map((s) => s.trim())
        .filter(Boolean);
      lines.pop();
    }
    const confidence = raw.attrs.confidence;
    if (confidence !== undefined && confidence !== 'firm' && confidence !== 'uncertain') {
      throw new KnowledgeFormatError(
        `${file}: section ${raw.id} has confidence "${confidence}" (firm or uncertain)`,
      );
    }
    if (kind === 'facts' && lines.length > 0) {
      if (!confidence) throw new KnowledgeFormatError(`${file}: fact ${raw.id} has no confidence`);
      if (sources.length === 0) throw new KnowledgeFormatError(`${file}: fact ${raw.id} has no Sources line`);
    }
    sections.push({
      ref: `${docId}#${raw.id}`,
      doc: docId,
      id: raw.id,
      title: raw.title || raw.attrs.title || '',
      text: lines.join('\n'),
      confidence: confidence as Confidence | undefined,
      sources,
    });
  }
  fillParts(sections);
  const doc: KnowledgeDoc = { id: docId, title: meta.title, kind, sections };
  if (meta.source) doc.source = meta.source;
  if (meta.sha256) verifyVerbatim(doc, meta.sha256, file);
  return doc;
}

/** A part heading's text is its children's text, so `§1` can be cited with any sentence of part 1. */
function fillParts(sections: Section[]): void {
  for (const part of sections) {
    if (part.text !== '') continue;
    const kids = sections.filter((s) => s.id.startsWith(`${part.id}.`) && s.text !== '');
    part.text = kids.map((k) => k.text).join('\n\n');
    for (const k of kids) if (!k.title) k.title = part.title;
  }
}

/** The guidance must stay word for word what the team wrote: rebuild it and compare hashes. */
function verifyVerbatim(doc: KnowledgeDoc, sha256: string, file: string): void {
  const leaves = doc.sections.filter(
    (s) => !doc.sections.some((o) => o !== s && o.id.startsWith(`${s.id}.`)),
  );
  const text = leaves.map((s) => s.text).join('\n\n');
  const got = createHash('sha256').update(text, 'utf8').digest('hex');
  if (got !== sha256) {
    throw new KnowledgeFormatError(
      `${file}: the text no longer matches the original document (sha256 ${got})`,
    );
  }
}
