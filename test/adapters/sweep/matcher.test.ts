import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../src/adapters/sweep/aho-corasick.js';
import { MarkMatcher } from '../../../src/adapters/sweep/matcher.js';
import { compactOf } from '../../../src/adapters/sweep/normalize.js';
import { type Mark, mergeMarks, parseWatchlist } from '../../../src/adapters/sweep/watchlist.js';
import { PROJECT_ROOT } from '../../../src/boot/load-context.js';

const marks = (...lines: string[]): Mark[] => parseWatchlist(lines.join('\n'), 'watchlist').marks;

const matcher = new MarkMatcher(
  marks(
    'Apple | iPhone | 苹果',
    'Nike | Air Jordan | 耐克',
    'Coca-Cola',
    'Superdry',
    '3M',
    'Louis Vuitton | LV',
    'Dyson | 戴森',
    'Pokemon | ポケモン',
    'Samsung | 三星',
  ),
);

/** The names of the marks found in text, with "(compat)" for compatibility wording. */
function found(text: string): string[] {
  return matcher
    .find(text)
    .map((h) => `${matcher.marks[h.mark]?.name}${h.compat ? ' (compat)' : ''}`)
    .sort();
}

describe('word-aware matching', () => {
  it('finds a mark as a word, not inside another word', () => {
    expect(found('Apple Watch band')).toEqual(['Apple']);
    expect(found('applesauce maker')).toEqual([]);
    expect(found('pineapple slicer')).toEqual([]);
    expect(found('Nikon camera strap')).toEqual([]);
    expect(found('snikers')).toEqual([]);
    expect(found('LVL laser level')).toEqual([]);
  });

  it('finds a mark next to numbers and punctuation', () => {
    expect(found('Nike2024 running shoes')).toEqual(['Nike']);
    expect(found('(Nike) shoes')).toEqual(['Nike']);
    expect(found('shoes/nike/men')).toEqual(['Nike']);
    expect(found('3M double-sided tape')).toEqual(['3M']);
  });

  it('does not read two ordinary words as a one-word mark', () => {
    expect(found('super dry microfibre towel')).toEqual([]);
    expect(found('SuperDry hoodie')).toEqual(['Superdry']);
  });

  it('matches multi-word marks however they are spaced or joined', () => {
    expect(found('Coca Cola glass')).toEqual(['Coca-Cola']);
    expect(found('CocaCola glass')).toEqual(['Coca-Cola']);
    expect(found('coca-cola glass')).toEqual(['Coca-Cola']);
    expect(found('louis   vuitton bag')).toEqual(['Louis Vuitton']);
  });

  it('does not read a short digit mark into ordinary letters', () => {
    expect(found('EM tape')).toEqual([]);
    expect(found('LV bag')).toEqual(['Louis Vuitton']);
    expect(found('IV bag stand')).toEqual([]);
  });
});

describe('evasions', () => {
  it.each([
    ['N i k e shoes'],
    ['N.I.K.E shoes'],
    ['n-ike shoes'],
    ['N_I_K_E shoes'],
    ['NIKE shoes'],
    ['Ｎｉｋｅ shoes'], // full-width
    ['Nіke shoes'], // Cyrillic і
    ['Νike shoes'], // Greek capital nu
    ['N1ke shoes'],
    ['Nik3 shoes'],
    ['Ni\u200bke shoes'], // zero-width space
    ['Níké shoes'], // accents
  ])('%s is Nike', (text) => {
    expect(found(text)).toEqual(['Nike']);
  });

  it('reads digits and symbols used for letters', () => {
    expect(found('App1e charger')).toEqual(['Apple']);
    expect(found('L0uis Vu1tton wallet')).toEqual(['Louis Vuitton']);
    expect(found('Samsun9 case')).toEqual([]); // 9 is not a letter look-alike
    expect(found('$am$ung case')).toEqual(['Samsung']);
    expect(found('Dy5on vacuum')).toEqual(['Dyson']);
  });

  it('keeps numbers that are numbers', () => {
    expect(compactOf('iPhone 15 Pro')).toBe('iphone15pro');
    expect(compactOf('Nike 2024')).toBe('nike2024');
  });
});

describe('compatibility wording is flagged separately', () => {
  it.each([
    ['Case for iPhone 15', 'Apple (compat)'],
    ['Compatible with Dyson V8 filter', 'Dyson (compat)'],
    ['Replacement brush fits Dyson V10', 'Dyson (compat)'],
    ['Charger, Samsung compatible', 'Samsung (compat)'],
    ['适用于戴森吸尘器滤网', 'Dyson (compat)'],
    ['戴森专用滤网', 'Dyson (compat)'],
    ['Dyson filter', 'Dyson'],
  ])('%s → %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('covers each mark of a list after "for"', () => {
    expect(found('Screen protector for Apple / Samsung phones')).toEqual([
      'Apple (compat)',
      'Samsung (compat)',
    ]);
    expect(found('Cable compatible with iPhone and Samsung')).toEqual(['Apple (compat)', 'Samsung (compat)']);
  });

  it('is not compatibility when other words stand between "for" and the mark', () => {
    expect(found('Shoes for kids Nike style')).toEqual(['Nike']);
    expect(found('Socks for men, Nike logo')).toEqual(['Nike']);
    expect(found('Filter for Dyson V8, V10 and Samsung')).toEqual(['Dyson (compat)', 'Samsung (compat)']);
    expect(found('适用于苹果、三星手机')).toEqual(['Apple (compat)', 'Samsung (compat)']);
  });

  it('a plain use outweighs a compatibility one in the same text', () => {
    expect(found('Apple logo case for iPhone')).toEqual(['Apple']);
  });
});

describe('Unicode and CJK', () => {
  it('finds CJK marks without word boundaries', () => {
    expect(found('耐克运动鞋男款')).toEqual(['Nike']);
    expect(found('新款苹果手机壳')).toEqual(['Apple']);
    expect(found('ポケモンカード')).toEqual(['Pokemon']);
  });

  it('finds a Latin mark touching CJK text', () => {
    expect(found('耐克Nike运动鞋')).toEqual(['Nike']);
    expect(found('正品NIKE鞋')).toEqual(['Nike']);
  });

  it('full-width CJK punctuation separates words', () => {
    expect(found('【Nike】运动鞋')).toEqual(['Nike']);
  });

  it('returns each mark once with the text as found', () => {
    const hits = matcher.find('N.I.K.E shoes, Nike socks');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.found).toBe('N.I.K.E');
  });

  it('handles empty and symbol-only text', () => {
    expect(found('')).toEqual([]);
    expect(found('!!! --- ???')).toEqual([]);
    expect(found('😀 Nike 😀')).toEqual(['Nike']);
  });
});

describe('the watchlist', () => {
  it('has 150+ marks and parses without problems', async () => {
    const text = await readFile(join(PROJECT_ROOT, 'knowledge', 'watchlist.txt'), 'utf8');
    const { marks: list, problems } = parseWatchlist(text, 'watchlist');
    expect(problems).toEqual([]);
    expect(list.length).toBeGreaterThanOrEqual(150);
    const m = new MarkMatcher(list);
    const names = (t: string) => m.find(t).map((h) => m.marks[h.mark]?.name);
    expect(names('Air Jordan 1 retro')).toEqual(['Nike']);
    expect(names('Hello Kitty phone charm')).toEqual(['Hello Kitty']);
    expect(names('plain cotton t-shirt, black')).toEqual([]);
  });

  it('reports bad lines with their line numbers and keeps the rest', () => {
    const { marks: list, problems } = parseWatchlist(
      '# c\nNike | N\n\nA\nAdidas # trailing comment\n',
      'team',
    );
    expect(list.map((m) => [m.name, m.variants])).toEqual([
      ['Nike', []],
      ['Adidas', []],
    ]);
    expect(problems.map((p) => p.line)).toEqual([2, 4]);
  });

  it('merges lists, keeping every variant once', () => {
    const merged = mergeMarks(marks('Nike | Air Max'), [
      { name: 'nike', variants: ['Swoosh'], source: 'complaint' },
    ]);
    expect(merged).toEqual([{ name: 'Nike', variants: ['Air Max', 'Swoosh'], source: 'complaint' }]);
  });
});

/** Every occurrence, the obvious way: indexOf from each position. */
function naiveOccurrences(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, pi) => {
    if (p.length === 0) return;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${pi}@${i + p.length}`);
  });
  return out.sort();
}

function acOccurrences(patterns: string[], text: string): string[] {
  const codes = (s: string) => Uint16Array.from(s, (ch) => ch.charCodeAt(0));
  const ac = new AhoCorasick(patterns.map(codes));
  const out: string[] = [];
  ac.scan(codes(text), text.length, (p, end) => out.push(`${p}@${end}`));
  return out.sort();
}

describe('Aho–Corasick', () => {
  // A small alphabet mixing dense (a, b, 1) and sparse (耐, 克, ж) units makes overlaps and shared suffixes common.
  const unit = fc.constantFrom('a', 'b', '1', '耐', '克', 'ж');
  const word = (max: number) => fc.array(unit, { minLength: 0, maxLength: max }).map((u) => u.join(''));

  it('finds exactly what a naive scan finds', () => {
    fc.assert(
      fc.property(fc.array(word(5), { minLength: 1, maxLength: 12 }), word(60), (patterns, text) => {
        expect(acOccurrences(patterns, text)).toEqual(naiveOccurrences(patterns, text));
      }),
      { numRuns: 400 },
    );
  });

  it('handles duplicate and nested patterns', () => {
    expect(acOccurrences(['he', 'she', 'hers', 'he', 'e'], 'ushers')).toEqual(
      naiveOccurrences(['he', 'she', 'hers', 'he', 'e'], 'ushers'),
    );
  });

  it('the mark matcher agrees with a word-by-word reference', () => {
    // Latin words and spaces only (CJK and punctuation have their own tests above), so the reference is simple:
    // a mark is found when it equals a run of consecutive words, joined only across gaps next to a one-letter
    // word (the spacing evasion "N i k e").
    const text = fc.array(fc.constantFrom('a', 'b', 'c', ' '), { maxLength: 30 }).map((u) => u.join(''));
    const name = fc
      .array(fc.constantFrom('a', 'b', 'c'), { minLength: 2, maxLength: 4 })
      .map((u) => u.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), text, (names, t) => {
        const m = new MarkMatcher(
          names.map((n) => ({ name: n, variants: [], source: 'watchlist' as const })),
        );
        const got = m.find(t).map((h) => names[h.mark]);
        const expected = names.filter((n) => wordRuns(t).includes(n));
        expect([...got].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 500 },
    );
  });
});

/** Every run of consecutive words whose inner gaps each touch a one-letter word, concatenated. */
function wordRuns(t: string): string[] {
  const words = t.split(' ').filter((w) => w !== '');
  const runs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let run = words[i] as string;
    runs.push(run);
    for (let j = i + 1; j < words.length; j++) {
      const a = words[j - 1] as string;
      const b = words[j] as string;
      if (a.length > 1 && b.length > 1) break;
      run += b;
      runs.push(run);
    }
  }
  return runs;
}
