import { AhoCorasick } from './aho-corasick.js';
import { MID, type NormalizedMark, Normalizer, normalizeMark, SPACE } from './normalize.js';
import type { Mark } from './watchlist.js';

/** One occurrence of a mark in a text. */
export interface Hit {
  /** Index into the matcher's marks. */
  mark: number;
  /** The text as found (original case, after full-width/accent folding), e.g. "N.I.K.E". */
  found: string;
  /** Worded as compatibility ("for iPhone", "compatible with Dyson", "适用于戴森"): lower risk. */
  compat: boolean;
}

// "for X", "compatible with X", "fits X", "replacement for X", "适用于X"… right before the mark.
const COMPAT_BEFORE =
  /(?:\b(?:for|fits?|fitting|compatible(?:\s+(?:with|for))?|works?\s+with|replacement\s+(?:for|of)|replaces|designed\s+for|suitable\s+for|fit\s+for|made\s+for|to\s+fit|use\s+with|for\s+use\s+with)|适用于|適用於|适配|兼容|配套|用于|用於|适合|適合)\s*[:：]?\s*$/iu;
// A further mark in the same list: "for Apple / Samsung", "for iPhone 15 and Samsung", "适用于苹果、三星". Only
// model numbers (words with a digit) may stand between, so "for men, Nike" is not compatibility wording.
const LIST_GAP =
  /^\s*(?:[\p{L}\p{N}-]*\p{N}[\p{L}\p{N}-]*\s*|(?:[/,，、&+]|\band\b|\bor\b|和|及)\s*){1,8}$/iu;
const JOINER = /[/,，、&+]|\band\b|\bor\b|和|及/iu;
// "X compatible", "X-compatible", "X专用", "X兼容" right after the mark.
const COMPAT_AFTER = /^[\s-]*(?:compatible\b|replacement\b|专用|專用|兼容|适用|適用|通用)/iu;

function listGap(gap: string): boolean {
  return LIST_GAP.test(gap) && JOINER.test(gap);
}

/** How far before a mark compatibility wording is looked for, in characters. */
const COMPAT_WINDOW = 40;

interface Variant {
  mark: number;
  norm: NormalizedMark;
}

/**
 * Finds watchlist marks in text: normalised (see normalize.ts), one Aho–Corasick pass, then each candidate is
 * checked against word boundaries.
 */
export class MarkMatcher {
  readonly marks: readonly Mark[];
  private readonly variants: Variant[];
  private readonly ac: AhoCorasick;
  private readonly norm = new Normalizer();
  // Scratch for one scan.
  private starts: number[] = [];
  private pats: number[] = [];

  constructor(marks: readonly Mark[]) {
    this.marks = marks;
    const n = new Normalizer();
    const seen = new Set<string>();
    this.variants = [];
    marks.forEach((m, mi) => {
      for (const v of [m.name, ...m.variants]) {
        const norm = normalizeMark(v, n);
        if (norm.codes.length < 2) continue;
        for (const codes of withOneForL(norm.codes)) {
          const key = `${mi}:${String.fromCharCode(...codes)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          this.variants.push({ mark: mi, norm: { codes, bound: norm.bound } });
        }
      }
    });
    this.ac = new AhoCorasick(this.variants.map((v) => v.norm.codes));
  }

  get automatonStates(): number {
    return this.ac.states;
  }

  /** Every mark found in text, once per mark (the first occurrence, compat only if every occurrence is). */
  find(text: string): Hit[] {
    if (text.length === 0) return [];
    const n = this.norm;
    n.run(text);
    const starts = this.starts;
    const pats = this.pats;
    starts.length = 0;
    pats.length = 0;
    const bound = n.bound;
    this.ac.scan(n.codes, n.len, (p, end) => {
      const v = this.variants[p] as Variant;
      const start = end - v.norm.codes.length;
      if (bound[start] === MID || bound[end] === MID) return;
      // A space between two real words may be crossed only where the mark has a separator itself.
      for (let q = start + 1; q < end; q++) if (bound[q] === SPACE && v.norm.bound[q - start] === MID) return;
      starts.push(start);
      pats.push(p);
    });
    if (pats.length === 0) return [];
    // Occurrences in text order, so a list after "for" can be followed from one mark to the next.
    const order = pats.map((_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number));
    const byMark = new Map<number, Hit>();
    const prepared = n.prepared;
    // Where the last compatibility-worded occurrence ends (-1: none yet).
    let chainEnd = -1;
    for (const i of order) {
      const v = this.variants[pats[i] as number] as Variant;
      const start = starts[i] as number;
      const end = start + v.norm.codes.length;
      const from = n.orig[start] as number;
      const to = (n.orig[end - 1] as number) + 1;
      const compat =
        (chainEnd >= 0 && (from < chainEnd || listGap(prepared.slice(chainEnd, from)))) ||
        COMPAT_BEFORE.test(prepared.slice(Math.max(0, from - COMPAT_WINDOW), from)) ||
        COMPAT_AFTER.test(prepared.slice(to, to + 12));
      if (compat) chainEnd = Math.max(chainEnd, to);
      const had = byMark.get(v.mark);
      if (!had) byMark.set(v.mark, { mark: v.mark, found: prepared.slice(from, to), compat });
      else if (had.compat && !compat) {
        // A plain use anywhere outweighs a "for X" elsewhere in the same text.
        had.compat = false;
        had.found = prepared.slice(from, to);
      }
    }
    return [...byMark.values()];
  }
}

const LOWER_L = 0x6c;
const LOWER_I = 0x69;

/**
 * A "1" inside a word is read as "i" by the normaliser, but it also stands for "l" ("App1e"): marks with an l
 * get a second variant with every l as i. Only for 4+ units, so "LV" does not also hit "IV".
 */
function withOneForL(codes: Uint16Array): Uint16Array[] {
  if (codes.length < 4 || !codes.includes(LOWER_L)) return [codes];
  return [codes, codes.map((c) => (c === LOWER_L ? LOWER_I : c))];
}
