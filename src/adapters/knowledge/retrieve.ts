import type { Hit, KnowledgeBase, Retriever } from '../../domain/model/knowledge-base.js';

// Ranked retrieval over the knowledge sections: BM25 over English word stems and Chinese character bigrams.
// Small and dependency-free: the knowledge is a few dozen sections, so a linear scan per query is plenty.

export type { Hit, Retriever };

// Words that say nothing about the topic; kept short on purpose (legal words like "not" are stop words here
// because BM25 ranks topics, and negation is the answer's job, not the ranker's).
const STOP = new Set(
  'a an and are as at be but by can could did do does for from had has have how i if in into is it its just me my no not of on or our so that the their them then there these they this to was we were what when where which who why will with would you your should may must shall myself'.split(
    ' ',
  ),
);

/** A crude English stem: enough that "relisting", "relisted" and "relist" meet. */
function stem(w: string): string {
  for (const suf of ['ingly', 'edly', 'ing', 'ies', 'ied', 'ers', 'ed', 'es', 'er', 'ly', 's']) {
    if (w.length > suf.length + 2 && w.endsWith(suf)) return w.slice(0, -suf.length);
  }
  return w;
}

const HAN = /\p{Script=Han}/u;

/** Terms of a text: English stems (stop words dropped) and, for Chinese, overlapping character bigrams. */
export function terms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/[’`]/g, "'");
  for (const m of lower.matchAll(/[a-z0-9]+(?:'[a-z]+)?|\p{Script=Han}+/gu)) {
    const tok = m[0];
    if (HAN.test(tok)) {
      const chars = [...tok];
      if (chars.length === 1) out.push(tok);
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
      continue;
    }
    const w = tok.replace(/'[a-z]+$/, '');
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

const K1 = 1.2;
const B = 0.75;

/** A BM25 index over every section with text (titles count as part of the text). */
export function buildRetriever(kb: KnowledgeBase): Retriever {
  const docs = kb.docs
    .flatMap((d) => d.sections)
    .filter((s) => s.text.trim().length > 0)
    .map((s) => {
      const tf = new Map<string, number>();
      const ts = terms(`${s.title} ${s.text}`);
      for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
      return { section: s, tf, len: ts.length };
    });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const avg = docs.reduce((n, d) => n + d.len, 0) / Math.max(docs.length, 1);
  const idf = (t: string) => {
    const n = df.get(t) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  return {
    search(query, k) {
      const q = [...new Set(terms(query))];
      if (q.length === 0) return [];
      const hits: Hit[] = [];
      for (const d of docs) {
        let score = 0;
        for (const t of q) {
          const f = d.tf.get(t);
          if (!f) continue;
          score += (idf(t) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.len) / avg));
        }
        if (score > 0) hits.push({ section: d.section, score });
      }
      return hits.sort((a, b) => b.score - a.score || a.section.ref.localeCompare(b.section.ref)).slice(0, k);
    },
  };
}
