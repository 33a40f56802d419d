/**
 * The watchlist: marks to look for, each with its variants. Format (knowledge/watchlist.txt, and the team's
 * own file named by IPCHECK_WATCHLIST):
 *
 *   # a comment; blank lines are ignored
 *   Louis Vuitton | LV | 路易威登        the mark's name first, then variants, separated by |
 *
 * Matching ignores case, accents, spacing and punctuation, so "Coca-Cola" needs no "coca cola" variant.
 */

export type MarkSource = 'watchlist' | 'team' | 'complaint';

export interface Mark {
  name: string;
  variants: string[];
  source: MarkSource;
}

export interface WatchlistProblem {
  line: number;
  message: string;
}

export interface ParsedWatchlist {
  marks: Mark[];
  problems: WatchlistProblem[];
}

/** A variant shorter than this (after dropping spaces and punctuation) would hit everywhere ("LV" is 2: kept). */
const MIN_VARIANT = 2;
const MAX_VARIANT = 100;

export function parseWatchlist(text: string, source: MarkSource): ParsedWatchlist {
  const marks: Mark[] = [];
  const problems: WatchlistProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line
      .split('|')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const ok = parts.filter((p) => {
      const letters = p.replace(/[\s\p{P}\p{S}]/gu, '').length;
      if (letters < MIN_VARIANT || p.length > MAX_VARIANT) {
        problems.push({
          line: i + 1,
          message: `"${p.slice(0, 40)}" ignored: a variant needs ${MIN_VARIANT} to ${MAX_VARIANT} characters`,
        });
        return false;
      }
      return true;
    });
    const [name, ...variants] = ok;
    if (name) marks.push({ name, variants, source });
  });
  return { marks, problems };
}

/** Later lists add to earlier ones; a mark named twice (any case) keeps one entry with every variant. */
export function mergeMarks(...lists: readonly Mark[][]): Mark[] {
  const byName = new Map<string, Mark>();
  for (const list of lists) {
    for (const m of list) {
      const key = m.name.toLowerCase();
      const had = byName.get(key);
      if (!had) byName.set(key, { ...m, variants: [...m.variants] });
      else {
        for (const v of m.variants) if (!had.variants.includes(v)) had.variants.push(v);
        // The complaint's own brand is the one the seller most needs to see first.
        if (m.source === 'complaint') had.source = 'complaint';
      }
    }
  }
  return [...byName.values()];
}

/** The current complaint's brand as a mark ("Nike" or "Nike | NIKE INC"). */
export function brandMark(brand: string): Mark[] {
  const parts = brand
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.replace(/[\s\p{P}\p{S}]/gu, '').length >= MIN_VARIANT);
  const [name, ...variants] = parts;
  return name ? [{ name, variants, source: 'complaint' }] : [];
}
