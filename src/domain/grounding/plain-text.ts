// Text as a person reads it, for the checks on what a model says: a word spelled with look-alike letters
// (Cyrillic "е" in "Dеlete"), fullwidth or mathematical letters, hidden characters (zero-width spaces, soft
// hyphens), accents, digits for letters ("d3lete") or spaced-out letters ("d e l e t e") reads as the plain
// word. The checks then need only plain lower-case English and Chinese. Pure.

import { LOOK_ALIKES, plainLetter, UPPER_LOOK_ALIKES } from '../model/look-alikes.js';

// Letters that look like Latin ones in other scripts: the one table in model/look-alikes.ts.
const LOOK_ALIKE = new RegExp(
  `[${[...Object.keys(LOOK_ALIKES), ...Object.keys(UPPER_LOOK_ALIKES)].join('')}]`,
  'gu',
);

// Characters that show nothing: zero-width spaces and joiners, soft hyphens, direction marks, word joiners,
// variation selectors, Hangul fillers.
const INVISIBLE = /\p{Cf}|\u034F|[\u115F\u1160\u3164\uFFA0]|[\u180B-\u180F]|[\uFE00-\uFE0F]/gu;

// Digits standing for letters inside a word ("d3lete", "p4y"): only in a word that starts and ends with a
// letter and has at least two letters, so ids, dates and amounts ("B0C1234567", "21st") stay as they are.
const LEET_WORD = /(?<![\p{L}\p{N}])\p{L}[\p{L}0-9@$]*[0-9@$][\p{L}0-9@$]*\p{L}(?![\p{L}\p{N}])/gu;
const LEET: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const VOWEL = /[aeiou]/;

function unLeet(word: string): string {
  if ((word.match(/\p{L}/gu)?.length ?? 0) < 2) return word;
  return [...word]
    .map((c, i, all) => {
      if (c === '1') {
        // "de1ete" (between vowels) is an l, "rel1st" (between consonants) an i.
        const around = `${all[i - 1] ?? ''}${all[i + 1] ?? ''}`;
        return VOWEL.test(around) ? 'l' : 'i';
      }
      return LEET[c] ?? c;
    })
    .join('');
}

// Single letters in a row with one separator between each ("d e l e t e", "r.e.l.i.s.t", "d-e-l-e-t-e").
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·•|~+/]\p{L}(?![\p{L}\p{N}])){2,}/gu;

// The verbs the checks look for, split inside by one separator ("de-lete", "del ete", "re-list").
const STEMS = [
  'delete',
  'remove',
  'erase',
  'purge',
  'destroy',
  'shred',
  'discard',
  'dispose',
  'relist',
  'reupload',
  'settle',
  'ignore',
  'apologise',
  'apologize',
  'scrub',
  'wipe',
  'clear',
];
const SPLIT_STEMS = new RegExp(
  `(?<![\\p{L}'’])(?:${STEMS.map((w) => [...w].join('[ \\-_.*·]?')).join('|')})`,
  'gu',
);

/** The text as a person reads it: plain lower-case letters, no hidden characters, single spaces. */
export function plainText(text: string): string {
  let t = text.normalize('NFKC').replace(INVISIBLE, '');
  // Accents off ("délété"), Han and other scripts untouched (they have no combining marks here).
  t = t
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC');
  // Capitals first (Greek Ν is N), then lower case, then the lower-case look-alikes (Cyrillic Е → е → e).
  t = t.replace(LOOK_ALIKE, plainLetter).toLowerCase().replace(LOOK_ALIKE, plainLetter);
  t = t.replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
  t = t.replace(LEET_WORD, unLeet);
  t = t.replace(SPACED_LETTERS, (m) => m.replace(/[^\p{L}]/gu, ''));
  t = t.replace(SPLIT_STEMS, (m) => m.replace(/[^\p{L}]/gu, ''));
  return t.replace(/\s+/g, ' ').trim();
}

// A word that mixes Latin letters with Cyrillic, Greek or Armenian ones: honest text never does.
const MIXED_SCRIPT =
  /(?=[\p{L}]*\p{Script=Latin})(?=[\p{L}]*[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}])[\p{L}]+/u;
const HIDDEN = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u;

/** Why a text looks disguised (look-alike letters inside a word, hidden characters), if it does. */
export function disguisedText(text: string): string | undefined {
  if (HIDDEN.test(text)) return 'it hides invisible characters between its letters';
  const m = MIXED_SCRIPT.exec(text.normalize('NFKC'));
  if (m) return `"${m[0]}" mixes look-alike letters of other alphabets with Latin ones`;
  return undefined;
}
