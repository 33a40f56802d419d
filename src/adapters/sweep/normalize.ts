import { plainLetter } from '../../domain/model/look-alikes.js';

/**
 * Normalisation for mark matching: marks and listing text go through the same function, so whatever it folds
 * (case, full-width, accents, look-alike letters, digits for letters, spacing and punctuation) folds the same
 * way on both sides, and the matcher compares the results code unit by code unit.
 *
 * The output is "compact": letters and digits only, separators removed, with a boundary kind at every
 * position between them. Removing separators is what catches "N i k e", "N.I.K.E" and "n-ike"; the boundary
 * kinds are what keep matching word-aware ("apple" in "applesauce" ends mid-word and is rejected).
 */

/** No boundary: the middle of a word. */
export const MID = 0;
/** A boundary a match may start or end at, and may also run across (punctuation, letter/digit, CJK). */
export const SOFT = 1;
/** A space between two words of 2+ characters: a match may start or end here, and may run across it only
 * where the mark itself has a separator ("Coca Cola"), so "super dry towel" is not "Superdry". */
export const SPACE = 2;

// A single digit inside a word is read as the letter it imitates ("N1ke", "Ad1das", "L0uis"); longer digit
// runs are numbers ("Nike 2024", "iPhone 15") and stay digits.
const DIGIT_LETTERS: Record<number, number> = {
  48: 0x6f, // 0 → o
  49: 0x69, // 1 → i (the matcher adds an l→i variant of marks, for "App1e")
  51: 0x65, // 3 → e
  52: 0x61, // 4 → a
  53: 0x73, // 5 → s
  55: 0x74, // 7 → t
};

enum Kind {
  Letter = 0,
  Digit = 1,
  Cjk = 2,
  Space = 3,
  Punct = 4,
  Invisible = 5,
  Symbol = 6,
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) || // hangul
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) // surrogates: astral CJK (and anything astral) is matched unit by unit
  );
}

// The ASCII range as tables: the hot loop reads one byte instead of calling classify/lowerFold per character.
const ASCII_KIND = new Uint8Array(128);
const ASCII_FOLD = new Uint16Array(128);

const LETTER_RE = /\p{L}/u;
const SPACE_RE = /\s/u;
const classCache = new Map<number, Kind>();

function classify(c: number): Kind {
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return Kind.Letter;
    if (c >= 0x30 && c <= 0x39) return Kind.Digit;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c) return Kind.Space;
    if (c === 0x40 || c === 0x24) return Kind.Symbol; // @ $
    return Kind.Punct;
  }
  const hit = classCache.get(c);
  if (hit !== undefined) return hit;
  let k: Kind;
  if (c === 0x00ad || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff) k = Kind.Invisible;
  else if (isCjk(c)) k = Kind.Cjk;
  else if (LETTER_RE.test(String.fromCharCode(c))) k = Kind.Letter;
  else if (SPACE_RE.test(String.fromCharCode(c))) k = Kind.Space;
  else k = Kind.Punct;
  if (classCache.size < 65536) classCache.set(c, k);
  return k;
}

const lowerCache = new Map<number, number>();
function lowerFold(c: number): number {
  if (c < 0x80) {
    return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  }
  const hit = lowerCache.get(c);
  if (hit !== undefined) return hit;
  const ch = String.fromCharCode(c);
  const mapped = plainLetter(ch);
  // Lower-casing can give two units (rare: İ); keep the letter itself then.
  const out = mapped.length === 1 ? mapped.charCodeAt(0) : c;
  lowerCache.set(c, out);
  return out;
}

for (let c = 0; c < 128; c++) {
  ASCII_KIND[c] = classify(c);
  ASCII_FOLD[c] = c === 0x40 ? 0x61 : c === 0x24 ? 0x73 : lowerFold(c);
}

const COMBINING = /[\u0300-\u036f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII fast path tests for exactly this range
const ASCII = /^[\x00-\x7f]*$/;

/** Full-width to ASCII, accents off, compatibility forms folded; Hangul recomposed. Case is kept (for snippets). */
export function prepareText(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFKD').replace(COMBINING, '').normalize('NFC');
}

/**
 * Reusable buffers: one per matcher, so the sweep allocates nothing per listing on the common path.
 * After `run(text)`: `codes[0..len)` the compact units, `bound[0..len]` the boundary kinds, `orig[p]` the index
 * in `prepared` of compact unit p (and orig[len] = the index after the last one).
 */
export class Normalizer {
  codes = new Uint16Array(256);
  bound = new Uint8Array(257);
  orig = new Int32Array(257);
  len = 0;
  prepared = '';
  // Per token (a run without separators): its start in codes; reused between calls.
  private tokStart = new Int32Array(64);
  private tokGap = new Uint8Array(64);

  private grow(n: number): void {
    let size = this.codes.length;
    while (size < n) size *= 2;
    if (size === this.codes.length) return;
    this.codes = new Uint16Array(size);
    this.bound = new Uint8Array(size + 1);
    this.orig = new Int32Array(size + 1);
  }

  run(text: string): void {
    const s = prepareText(text);
    this.prepared = s;
    const n = s.length;
    this.grow(n);
    const { codes, bound, orig } = this;
    let len = 0;
    let tokens = 0;
    let inToken = false;
    // What separated the previous token from the next one: 0 none yet, 1 punctuation only, 2 a space.
    let gap = 0;
    // Digits and non-ASCII letters are what the slower passes below are for; most titles have neither.
    let digits = false;
    let wide = false;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      let k: Kind = c < 0x80 ? (ASCII_KIND[c] as Kind) : classify(c);
      if (k === Kind.Invisible) continue;
      if (k === Kind.Symbol) {
        // @ and $ stand for a and s only inside a word: "@didas", "Adida$"; otherwise they separate.
        const prev = i > 0 ? classify(s.charCodeAt(i - 1)) : Kind.Space;
        const next = i + 1 < n ? classify(s.charCodeAt(i + 1)) : Kind.Space;
        if (prev === Kind.Letter || next === Kind.Letter) k = Kind.Letter;
        else k = Kind.Punct;
      }
      if (k === Kind.Space || k === Kind.Punct) {
        if (inToken) {
          inToken = false;
          gap = 0;
        }
        if (k === Kind.Space) gap = 2;
        else if (gap === 0) gap = 1;
        continue;
      }
      if (!inToken) {
        if (tokens === this.tokStart.length) {
          const ts = new Int32Array(tokens * 2);
          ts.set(this.tokStart);
          this.tokStart = ts;
          const tg = new Uint8Array(tokens * 2);
          tg.set(this.tokGap);
          this.tokGap = tg;
        }
        this.tokStart[tokens] = len;
        this.tokGap[tokens] = tokens === 0 ? 0 : gap;
        tokens++;
        inToken = true;
      }
      if (c < 0x80) {
        codes[len] = ASCII_FOLD[c] as number;
        if (k === Kind.Digit) digits = true;
      } else {
        codes[len] = lowerFold(c);
        wide = true;
      }
      orig[len] = i;
      len++;
    }
    orig[len] = n;
    this.len = len;
    bound.fill(MID, 0, len + 1);
    const { tokStart, tokGap } = this;
    for (let t = 0; t < tokens; t++) {
      const start = tokStart[t] as number;
      const end = t + 1 < tokens ? (tokStart[t + 1] as number) : len;
      if (digits) this.foldDigits(start, end);
      if (t === 0) continue;
      const prevLen = start - (tokStart[t - 1] as number);
      // A space next to a one-letter token is the spacing evasion ("N i k e"): matches run across it freely.
      bound[start] = tokGap[t] === 2 && prevLen > 1 && end - start > 1 ? SPACE : SOFT;
    }
    bound[0] = SOFT;
    bound[len] = SOFT;
    if (!digits && !wide) return;
    // Inside a token: letter/digit changes and anything next to CJK are soft boundaries (CJK has no spaces).
    for (let p = 1; p < len; p++) {
      if (bound[p] !== MID) continue;
      const a = codes[p - 1] as number;
      const b = codes[p] as number;
      const ad = a >= 0x30 && a <= 0x39;
      const bd = b >= 0x30 && b <= 0x39;
      if (ad !== bd || isCjk(a) || isCjk(b)) bound[p] = SOFT;
    }
  }

  /** A lone digit between letters of a word of 3+ letters reads as a letter: "N1ke", "Adid4s", "L0uis". */
  private foldDigits(start: number, end: number): void {
    const { codes } = this;
    let letters = 0;
    let digits = 0;
    for (let p = start; p < end; p++) {
      const c = codes[p] as number;
      if (c >= 0x30 && c <= 0x39) digits++;
      else letters++;
    }
    if (digits === 0 || letters < 3) return;
    for (let p = start; p < end; p++) {
      const c = codes[p] as number;
      const mapped = DIGIT_LETTERS[c];
      if (mapped === undefined) continue;
      const prevDigit = p > start && isDigit(codes[p - 1] as number);
      const nextDigit = p + 1 < end && isDigit(codes[p + 1] as number);
      if (prevDigit || nextDigit) continue;
      const prevLetter = p > start;
      const nextLetter = p + 1 < end;
      if (prevLetter || nextLetter) codes[p] = mapped;
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** One mark variant, normalised: its units and where it has a separator (a match may run across a space there). */
export interface NormalizedMark {
  codes: Uint16Array;
  /** bound[i] for i in 1..len-1: SOFT or SPACE where the mark itself has a separator or a letter/digit change. */
  bound: Uint8Array;
}

export function normalizeMark(text: string, n: Normalizer = new Normalizer()): NormalizedMark {
  n.run(text);
  return { codes: n.codes.slice(0, n.len), bound: n.bound.slice(0, n.len + 1) };
}

/** The compact form as a string (tests, debugging). */
export function compactOf(text: string): string {
  const n = new Normalizer();
  n.run(text);
  return String.fromCharCode(...n.codes.subarray(0, n.len));
}
