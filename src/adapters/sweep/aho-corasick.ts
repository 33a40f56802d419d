/**
 * Aho–Corasick over UTF-16 code units: every pattern found in one pass over the text, whatever the number of
 * patterns. Written here (no dependency) so it works on the normaliser's Uint16Array buffers without copying.
 *
 * The 36 units a normalised Latin text is made of (a–z, 0–9) get a dense transition table with the failure
 * links already folded in (a DFA: one array read per unit); any other unit (CJK, Cyrillic left as is) walks
 * the failure links through a per-state map, the textbook way.
 */

const DENSE = 36;

function denseIndex(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  if (c >= 0x30 && c <= 0x39) return 26 + c - 0x30;
  return -1;
}

export class AhoCorasick {
  /** Dense DFA rows: next state for a–z0–9, failure already applied. */
  private readonly dense: Int32Array;
  /** Sparse goto for other units (trie edges only). */
  private readonly sparse: (Map<number, number> | undefined)[];
  private readonly fail: Int32Array;
  /** First pattern ending at this state, and the next state in the output chain (dictionary suffix link). */
  private readonly outFirst: Int32Array;
  private readonly outNext: Int32Array;
  /** Patterns ending exactly at a state: linked list through patNext. */
  private readonly patNext: Int32Array;
  readonly patternLengths: Int32Array;
  readonly states: number;

  constructor(patterns: readonly Uint16Array[]) {
    // 1. The trie. Dense edges in a growable Int32Array (-1 = none), sparse ones in maps.
    let cap = 1024;
    let dense = new Int32Array(cap * DENSE).fill(-1);
    const sparse: (Map<number, number> | undefined)[] = [undefined];
    let headPat: number[] = [-1];
    const patNext = new Int32Array(patterns.length).fill(-1);
    let count = 1;
    patterns.forEach((p, pi) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p[i] as number;
        const d = denseIndex(c);
        let next = d >= 0 ? (dense[s * DENSE + d] as number) : (sparse[s]?.get(c) ?? -1);
        if (next < 0) {
          next = count++;
          if (count > cap) {
            cap *= 2;
            const grown = new Int32Array(cap * DENSE).fill(-1);
            grown.set(dense);
            dense = grown;
          }
          sparse.push(undefined);
          headPat.push(-1);
          if (d >= 0) dense[s * DENSE + d] = next;
          else {
            let m = sparse[s];
            if (!m) {
              m = new Map();
              sparse[s] = m;
            }
            m.set(c, next);
          }
        }
        s = next;
      }
      if (p.length === 0) return; // an empty pattern matches nothing useful
      patNext[pi] = headPat[s] as number;
      headPat[s] = pi;
    });
    this.states = count;
    dense = dense.slice(0, count * DENSE);

    // 2. Failure links breadth-first; dense rows become full DFA rows as we go.
    const fail = new Int32Array(count);
    const outNext = new Int32Array(count).fill(-1);
    const outFirst = Int32Array.from(headPat);
    headPat = [];
    const queue = new Int32Array(count);
    let qh = 0;
    let qt = 0;
    for (let d = 0; d < DENSE; d++) {
      const t = dense[d] as number;
      if (t < 0) dense[d] = 0;
      else {
        fail[t] = 0;
        queue[qt++] = t;
      }
    }
    for (const t of sparse[0]?.values() ?? []) {
      fail[t] = 0;
      queue[qt++] = t;
    }
    while (qh < qt) {
      const s = queue[qh++] as number;
      const f = fail[s] as number;
      // The output chain: the nearest state on the failure path that ends a pattern.
      outNext[s] = (outFirst[f] as number) >= 0 ? f : (outNext[f] as number);
      for (let d = 0; d < DENSE; d++) {
        const t = dense[s * DENSE + d] as number;
        if (t < 0) dense[s * DENSE + d] = dense[f * DENSE + d] as number;
        else {
          fail[t] = dense[f * DENSE + d] as number;
          queue[qt++] = t;
        }
      }
      const m = sparse[s];
      if (m) {
        for (const [c, t] of m) {
          let g = f;
          let target = -1;
          for (;;) {
            target = sparse[g]?.get(c) ?? -1;
            if (target >= 0 || g === 0) break;
            g = fail[g] as number;
          }
          fail[t] = target >= 0 && target !== t ? target : 0;
          queue[qt++] = t;
        }
      }
    }
    this.dense = dense;
    this.sparse = sparse;
    this.fail = fail;
    this.outFirst = outFirst;
    this.outNext = outNext;
    this.patNext = patNext;
    this.patternLengths = Int32Array.from(patterns, (p) => p.length);
  }

  /**
   * Calls onMatch(pattern, end) for every occurrence (end exclusive) of every pattern in text[0..len), in
   * order of end position.
   */
  scan(text: Uint16Array, len: number, onMatch: (pattern: number, end: number) => void): void {
    const { dense, sparse, fail, outFirst, outNext, patNext } = this;
    let s = 0;
    for (let i = 0; i < len; i++) {
      const c = text[i] as number;
      const d = denseIndex(c);
      if (d >= 0) s = dense[s * DENSE + d] as number;
      else {
        for (;;) {
          const t = sparse[s]?.get(c);
          if (t !== undefined) {
            s = t;
            break;
          }
          if (s === 0) break;
          s = fail[s] as number;
        }
      }
      let o = (outFirst[s] as number) >= 0 ? s : (outNext[s] as number);
      while (o > 0) {
        for (let p = outFirst[o] as number; p >= 0; p = patNext[p] as number) onMatch(p, i + 1);
        o = outNext[o] as number;
      }
    }
  }
}
