// The store sweep's speed and memory: a generated 1,000,000-listing catalog (a temp CSV file, streamed from
// disk) against 5,000 marks, and a naive one-regex-per-mark scan in the same process for comparison.
// Deterministic: the same seed gives the same catalog and marks on every run.

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMarks } from '../adapters/sweep/load-watchlist.js';
import { runSweep } from '../adapters/sweep/run-sweep.js';
import type { Mark } from '../adapters/sweep/watchlist.js';

const LISTINGS = 1_000_000;
const MARKS = 5_000;
/** Listings the naive scan is timed on: at ~10,000 regexes per listing, a full million would take hours. */
const NAIVE_SAMPLE = 2_000;

/** mulberry32: small, fast, and the same sequence everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'new hot sale women men kids summer winter fashion casual sport running shoes socks cap hat bag tote wallet phone case cover charger cable usb fast wireless stand holder car home kitchen mug cup bottle water steel glass led light lamp garden hose tool set kit toy gift birthday party cotton linen silk leather black white red blue green pink large small mini portable outdoor travel waterproof 2025 2026 pack pcs premium quality soft warm cute funny vintage retro classic'.split(
    ' ',
  );
const SYLLABLES = 'ka lo mi zu ter van dor pex qui bra son lek tor mar vin zel cor dax fin gor hul jax'.split(
  ' ',
);

function syntheticMarks(rand: () => number, base: Mark[], n: number): Mark[] {
  const marks = [...base];
  const seen = new Set(marks.map((m) => m.name.toLowerCase()));
  while (marks.length < n) {
    const parts = 2 + Math.floor(rand() * 2);
    let name = '';
    for (let i = 0; i < parts; i++) name += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    name = name.charAt(0).toUpperCase() + name.slice(1);
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    marks.push({ name, variants: [], source: 'team' });
  }
  return marks.slice(0, n);
}

interface Listing {
  id: string;
  title: string;
  description: string;
  brand: string;
}

function makeListing(rand: () => number, i: number, marks: Mark[]): Listing {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)] as string;
  const words = (n: number) => Array.from({ length: n }, pick);
  const title = words(6 + Math.floor(rand() * 6));
  const description = words(12 + Math.floor(rand() * 12));
  // About 2% of titles and 1% of descriptions carry a mark, a few with "for X" wording.
  const r = rand();
  if (r < 0.02) {
    const m = marks[Math.floor(rand() * marks.length)] as Mark;
    title.splice(Math.floor(rand() * title.length), 0, r < 0.005 ? `for ${m.name}` : m.name);
  } else if (r < 0.03) {
    const m = marks[Math.floor(rand() * marks.length)] as Mark;
    description.splice(Math.floor(rand() * description.length), 0, m.name);
  }
  return {
    id: String(1005006000000000 + i),
    title: title.join(' '),
    description: description.join(' '),
    brand: rand() < 0.05 ? 'Generic' : '',
  };
}

function csvRow(l: Listing): string {
  return `${l.id},"${l.title}","${l.description}",${l.brand}\n`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Peak RSS and heap while fn runs, sampled every 20 ms. */
async function peakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; rss: number; heap: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  try {
    const value = await fn();
    sample();
    return { value, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perSec = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} listings/s`;

export async function benchSweep(
  report: (what: string, figure: string) => void,
  listings = LISTINGS,
): Promise<void> {
  const LISTINGS = listings;
  const gc = (globalThis as { gc?: () => void }).gc;
  const rand = prng(20261201);
  const { marks: watchlist } = await loadMarks();
  const marks = syntheticMarks(rand, watchlist, MARKS);
  const dir = await mkdtemp(join(tmpdir(), 'ipcheck-bench-sweep-'));
  try {
    const file = join(dir, 'catalog.csv');
    const out = createWriteStream(file);
    out.write('Product ID,Title,Description,Brand\n');
    const sample: Listing[] = [];
    let batch = '';
    for (let i = 0; i < LISTINGS; i++) {
      const l = makeListing(rand, i, marks);
      if (i < NAIVE_SAMPLE) sample.push(l);
      batch += csvRow(l);
      if (batch.length > 1 << 20) {
        if (!out.write(batch)) await once(out, 'drain');
        batch = '';
      }
    }
    out.end(batch);
    await once(out, 'finish');
    const size = (await stat(file)).size;

    gc?.();
    const before = process.memoryUsage();
    const t0 = performance.now();
    const { value: result, rss, heap } = await peakMemory(() => runSweep(createReadStream(file), { marks }));
    const ms = performance.now() - t0;
    report(
      `store sweep: ${LISTINGS.toLocaleString('en-US')} listings (${mb(size)} CSV) × ${marks.length.toLocaleString('en-US')} marks`,
      `${(ms / 1000).toFixed(1)} s, ${perSec(result.checked, ms)} (${result.findings.length.toLocaleString('en-US')} findings)`,
    );
    report(
      'store sweep: peak memory while streaming',
      `RSS ${mb(rss)} (+${mb(Math.max(0, rss - before.rss))}), heap ${mb(heap)} (+${mb(Math.max(0, heap - before.heapUsed))})`,
    );

    // The naive way: one case-insensitive, word-bounded regex per mark and variant, tried on every listing.
    const regexes = marks.flatMap((m) =>
      [m.name, ...m.variants].map(
        (v) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(v)}(?:$|[^\\p{L}\\p{N}])`, 'iu'),
      ),
    );
    let naiveHits = 0;
    const n0 = performance.now();
    for (const l of sample) {
      const text = `${l.brand}\n${l.title}\n${l.description}`;
      for (const re of regexes) if (re.test(text)) naiveHits++;
    }
    const naiveMs = performance.now() - n0;
    const fullS = ((naiveMs / sample.length) * LISTINGS) / 1000;
    report(
      `naive scan: ${regexes.length.toLocaleString('en-US')} regexes per listing (timed on ${NAIVE_SAMPLE.toLocaleString('en-US')} listings)`,
      `${perSec(sample.length, naiveMs)}; extrapolated to ${LISTINGS.toLocaleString('en-US')}: ~${fullS >= 120 ? `${(fullS / 60).toFixed(0)} min` : `${fullS.toFixed(0)} s`} (${naiveHits} hits in the sample)`,
    );
    report(
      'store sweep vs naive scan',
      `${(naiveMs / sample.length / (ms / result.checked)).toFixed(0)}× faster`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
