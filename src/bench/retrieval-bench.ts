// Retrieval figures for npm run bench: building the BM25 index over the real knowledge, and one ranked query
// (what a seller's question costs before any language model is asked). Printed, never asserted.

import { buildRetriever } from '../adapters/knowledge/retrieve.js';
import { loadContext } from '../boot/load-context.js';

const QUERIES = [
  'can I just relist it from another warehouse?',
  'do I have to answer the law firm myself?',
  'how long does a TRO last?',
  'can amazon attachments be PDF files?',
  'what evidence does an appeal need?',
  'should I pay the settlement they ask for?',
  '临时禁令多久到期？',
  'what is the weather in Paris tomorrow?',
];

export async function benchRetrieval(report: (what: string, figure: string) => void): Promise<void> {
  const { kb } = await loadContext();
  const sections = kb.docs.reduce((n, d) => n + d.sections.length, 0);
  const builds = 200;
  let t0 = performance.now();
  for (let i = 0; i < builds; i++) buildRetriever(kb);
  const buildMs = (performance.now() - t0) / builds;
  report(`retrieval: index ${sections} knowledge sections`, `${buildMs.toFixed(2)} ms`);
  const retriever = buildRetriever(kb);
  const n = 20_000;
  t0 = performance.now();
  for (let i = 0; i < n; i++) retriever.search(QUERIES[i % QUERIES.length] ?? '', 4);
  const perQuery = (performance.now() - t0) / n;
  report('retrieval: one ranked query (top 4 sections)', `${(perQuery * 1000).toFixed(0)} µs`);
}
