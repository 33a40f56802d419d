import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type KnowledgeBase,
  type KnowledgeDoc,
  makeKnowledgeBase,
} from '../../domain/model/knowledge-base.js';
import { parseKnowledge } from './parse-knowledge.js';

/** Reads every knowledge/*.md file into one knowledge base (sorted, so section order is stable). */
export async function loadKnowledge(dir: string): Promise<KnowledgeBase> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  const docs: KnowledgeDoc[] = [];
  for (const f of files) docs.push(parseKnowledge(await readFile(join(dir, f), 'utf8'), `knowledge/${f}`));
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.id)) throw new Error(`knowledge: two files use the id "${d.id}"`);
    ids.add(d.id);
  }
  return makeKnowledgeBase(docs);
}
