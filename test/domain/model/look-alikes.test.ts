import { describe, expect, it } from 'vitest';
import { compactOf } from '../../../src/adapters/sweep/normalize.js';
import { plainText } from '../../../src/domain/grounding/plain-text.js';
import { LOOK_ALIKES, plainLetter, UPPER_LOOK_ALIKES } from '../../../src/domain/model/look-alikes.js';

// One table of look-alike letters for the checks on a model's words and for the store sweep: a disguise one
// of them reads, the other reads too.

describe('look-alike letters, one table', () => {
  it('reads capitals before lower case (Greek Ν is N, ν is v) and other scripts as Latin', () => {
    expect(plainLetter('Ν')).toBe('n');
    expect(plainLetter('ν')).toBe('v');
    expect(plainLetter('Е')).toBe('e'); // Cyrillic capital
    expect(plainLetter('ᴋ')).toBe('k'); // small capital
    expect(plainLetter('A')).toBe('a');
    expect(plainLetter('好')).toBe('好');
  });

  it('the model checks read upper-case Cyrillic too (it used to stay Cyrillic after lower-casing)', () => {
    expect(plainText('DЕLЕTЕ THE LISTING')).toBe('delete the listing');
    expect(plainText('ΝIKE')).toBe('nike');
  });

  it('the sweep reads every look-alike the model checks read (small capitals, IPA), and the other way round', () => {
    expect(compactOf('ɴɪᴋᴇ')).toBe(compactOf('nike'));
    expect(compactOf('ℓouis')).toBe(compactOf('louis'));
    // (A letter NFKC already turns into another one, such as the lunate sigma, is read through that one.)
    for (const [from, to] of Object.entries(LOOK_ALIKES)) {
      if (from.normalize('NFKC') === from) expect(plainText(`x${from}x`), from).toBe(`x${to}x`);
    }
    for (const [from, to] of Object.entries(UPPER_LOOK_ALIKES)) expect(plainLetter(from), from).toBe(to);
  });
});
