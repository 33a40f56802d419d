import { existsSync, readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src/adapters/knowledge/load-knowledge.js';
import { KnowledgeFormatError, parseKnowledge } from '../../../src/adapters/knowledge/parse-knowledge.js';
import { loadContext, PROJECT_ROOT } from '../../../src/boot/load-context.js';
import { CitationError, cite, makeKnowledgeBase } from '../../../src/domain/model/knowledge-base.js';
import { tempDir } from '../../helpers/temp-dir.js';

const GUIDANCE = join(PROJECT_ROOT, 'knowledge', 'guidance.md');

describe('knowledge/guidance.md', () => {
  it('has the three numbered parts and their paragraphs as stable section ids', async () => {
    const kb = await loadKnowledge(join(PROJECT_ROOT, 'knowledge'));
    const doc = kb.docs.find((d) => d.id === 'guidance');
    expect(doc?.sections.map((s) => s.id)).toEqual([
      '0',
      '1',
      '1.1',
      '1.2',
      '1.3',
      '2',
      '2.1',
      '2.2',
      '3',
      '3.1',
      '3.2',
    ]);
    expect(kb.section('guidance#1.1')?.text.startsWith('1. Remove infringing products in time.')).toBe(true);
    expect(kb.section('guidance#3')?.text).toContain(
      'If the AliExpress platform checks the infringing products',
    );
  });

  it('is the team’s document word for word', async () => {
    const kb = await loadKnowledge(join(PROJECT_ROOT, 'knowledge'));
    const leaves = ['0', '1.1', '1.2', '1.3', '2.1', '2.2', '3.1', '3.2'].map(
      (id) => kb.section(`guidance#${id}`)?.text,
    );
    const rebuilt = leaves.join('\n\n');
    // The original sits in ../shared/ next to the repository on developer machines and in CI.
    const original = join(PROJECT_ROOT, '..', 'shared', 'guidance.txt');
    if (existsSync(original)) expect(rebuilt).toBe(readFileSync(original, 'utf8'));
    expect(rebuilt.length).toBe(2912);
  });

  it('refuses to load a guidance file whose text was edited', async () => {
    const text = await readFile(GUIDANCE, 'utf8');
    const edited = text.replace('take them off the shelves in time', 'take them off the shelves eventually');
    expect(() => parseKnowledge(edited, 'guidance.md')).toThrow(/no longer matches the original document/);
  });
});

describe('knowledge/domain-facts.md', () => {
  it('gives every fact a confidence and at least one source address', async () => {
    const kb = await loadKnowledge(join(PROJECT_ROOT, 'knowledge'));
    const facts = kb.docs.find((d) => d.id === 'facts')?.sections.filter((s) => s.id.includes('.')) ?? [];
    expect(facts.length).toBeGreaterThan(25);
    for (const f of facts) {
      expect(['firm', 'uncertain']).toContain(f.confidence);
      expect(f.sources.length).toBeGreaterThan(0);
      for (const s of f.sources) expect(s).toMatch(/^https?:\/\//);
      expect(f.title).not.toBe('');
    }
  });

  it('rejects a fact without sources', () => {
    const bad =
      '---\nid: x\ntitle: X\nkind: facts\n---\n\n<!-- section a.b | confidence: firm | title: T -->\nA fact.\n';
    expect(() => parseKnowledge(bad, 'x.md')).toThrow(KnowledgeFormatError);
  });
});

describe('citations', () => {
  it('resolve to a section and its exact words', async () => {
    const kb = await loadKnowledge(join(PROJECT_ROOT, 'knowledge'));
    const c = cite(kb, { ref: 'guidance#2.2', quote: 'never show anger and panic' });
    expect(c).toMatchObject({ doc: 'guidance', section: '2.2', quote: 'never show anger and panic' });
  });

  it('fail when the quote is not in the section, or the section does not exist', () => {
    const kb = makeKnowledgeBase([
      {
        id: 'g',
        title: 'G',
        kind: 'guidance',
        sections: [{ ref: 'g#1', doc: 'g', id: '1', title: '', text: 'Be calm.', sources: [] }],
      },
    ]);
    expect(() => cite(kb, { ref: 'g#1', quote: 'Be angry.' })).toThrow(CitationError);
    expect(() => cite(kb, { ref: 'g#9', quote: 'Be calm.' })).toThrow(/unknown section/);
  });

  it('stop the app at startup when a cited sentence is missing from the knowledge', async () => {
    const root = await tempDir('kb');
    await cp(join(PROJECT_ROOT, 'knowledge'), join(root, 'knowledge'), { recursive: true });
    await cp(join(PROJECT_ROOT, 'prompts'), join(root, 'prompts'), { recursive: true });
    const facts = join(root, 'knowledge', 'domain-facts.md');
    const text = await readFile(facts, 'utf8');
    await writeFile(facts, text.replace(/<!-- section us\.answer-21-days[\s\S]*?\nSources:[^\n]*\n/, ''));
    await expect(loadContext(root)).rejects.toThrow(/us\.answer-21-days/);
  });
});
