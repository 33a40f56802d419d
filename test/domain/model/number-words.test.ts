import { describe, expect, it } from 'vitest';
import { inventedClaim } from '../../../src/domain/grounding/answer-claims.js';
import { findDate, parseCount } from '../../../src/domain/model/dates.js';
import { NUMBER_WORDS } from '../../../src/domain/model/number-words.js';

// One table of English number words, read by dates and by the check of numbers in a model's answer.

const sources = (sections: string) => ({
  sections,
  caseText: '',
  guidanceIds: new Set<string>(),
  citedGuidanceIds: new Set<string>(),
});

describe('number words', () => {
  it('counts one to nineteen, the tens, and hundred/thousand/million', () => {
    expect(NUMBER_WORDS.one).toBe(1);
    expect(NUMBER_WORDS.seventeen).toBe(17);
    expect(NUMBER_WORDS.ninety).toBe(90);
    expect(NUMBER_WORDS.thousand).toBe(1000);
  });

  it('dates read every count below a hundred, and "a"', () => {
    expect(parseCount('thirteen')).toBe(13);
    expect(parseCount('a')).toBe(1);
    expect(parseCount('hundred')).toBeUndefined();
    expect(findDate('thirteen days ago', '2026-11-28')).toBe('2026-11-15');
  });

  it('an answer\'s "twenty-one days" is the 21 of its sources (the one of "twenty-one" counts)', () => {
    expect(
      inventedClaim('You have twenty-one days to reply.', sources('Reply within 21 days.')),
    ).toBeUndefined();
    expect(inventedClaim('You have twenty-two days to reply.', sources('Reply within 21 days.'))).toContain(
      '22',
    );
  });

  it('"one" alone is no number claim; a dozen and a fortnight are', () => {
    expect(inventedClaim('One of the steps is to reply.', sources('Reply to the notice.'))).toBeUndefined();
    expect(inventedClaim('Reply within a fortnight.', sources('Reply within days.'))).toContain('14');
  });
});
