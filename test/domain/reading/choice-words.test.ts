import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../../src/domain/conversation/questions.js';
import { matchChoice } from '../../../src/domain/conversation/read-answer.js';

describe('the words of the choices', () => {
  it.each(QUESTIONS.filter((q) => q.choices.length > 0).map((q) => [q.id, q] as const))(
    '%s: every label and synonym picks its own choice, and no word belongs to two choices',
    (_id, q) => {
      const seen = new Map<string, string>();
      for (const c of q.choices) {
        for (const w of [c.label, ...(c.synonyms ?? [])]) {
          const key = w.toLowerCase();
          expect(seen.get(key) ?? c.value, `"${w}" is a word of two choices`).toBe(c.value);
          seen.set(key, c.value);
          expect(matchChoice(q, w)?.value, `"${w}"`).toBe(c.value);
        }
      }
    },
  );
});
