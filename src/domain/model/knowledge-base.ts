// Types of the knowledge base the core cites from. Loading files is the knowledge module's job;
// the core only receives the parsed result.

export type Confidence = 'firm' | 'uncertain';

export interface Section {
  /** Document id plus section id, e.g. `guidance#1.3` or `facts#us.answer-21-days`. */
  ref: string;
  doc: string;
  id: string;
  title: string;
  text: string;
  /** Set for sourced facts; the guidance document itself has none. */
  confidence?: Confidence;
  sources: string[];
}

export interface KnowledgeDoc {
  id: string;
  title: string;
  kind: 'guidance' | 'facts';
  source?: string;
  sections: Section[];
}

export interface KnowledgeBase {
  docs: KnowledgeDoc[];
  section(ref: string): Section | undefined;
}

/** What a reply shows for a citation: where it is, and the exact words. */
export interface Citation {
  ref: string;
  doc: string;
  docTitle: string;
  section: string;
  sectionTitle: string;
  quote: string;
  confidence?: Confidence;
  sources: string[];
}

/** A citation as rules write it: which section, and the exact sentence to quote. */
export interface CitationRef {
  ref: string;
  quote: string;
}

/** A section found for a question, with its rank score (higher is closer). */
export interface Hit {
  section: Section;
  score: number;
}

/** Ranked retrieval over the sections (built at startup from the knowledge; see src/adapters/knowledge/retrieve.ts). */
export interface Retriever {
  search(query: string, k: number): Hit[];
}

export class CitationError extends Error {}

export function makeKnowledgeBase(docs: KnowledgeDoc[]): KnowledgeBase {
  const byRef = new Map<string, Section>();
  for (const doc of docs) for (const s of doc.sections) byRef.set(s.ref, s);
  return { docs, section: (ref) => byRef.get(ref) };
}

/** Resolves a citation; throws when the section is unknown or the quote is not in it word for word. */
export function cite(kb: KnowledgeBase, c: CitationRef): Citation {
  const s = kb.section(c.ref);
  if (!s) throw new CitationError(`citation to unknown section ${c.ref}`);
  if (!s.text.includes(c.quote)) {
    throw new CitationError(
      `citation ${c.ref} quotes words that are not in that section: "${c.quote.slice(0, 80)}"`,
    );
  }
  const doc = kb.docs.find((d) => d.id === s.doc);
  return {
    ref: s.ref,
    doc: s.doc,
    docTitle: doc?.title ?? s.doc,
    section: s.id,
    sectionTitle: s.title,
    quote: c.quote,
    confidence: s.confidence,
    sources: s.sources,
  };
}

/** For facts: the whole text is the quote (they are written to be quoted whole). */
export function citeWhole(kb: KnowledgeBase, ref: string): Citation {
  const s = kb.section(ref);
  if (!s) throw new CitationError(`citation to unknown section ${ref}`);
  return cite(kb, { ref, quote: s.text });
}
