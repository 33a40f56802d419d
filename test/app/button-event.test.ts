import { describe, expect, it } from 'vitest';
import { buttonEvent, SKIP_VALUE } from '../../src/app/button-event.js';

// A conversation button means the same turn in Slack and Teams.

describe('buttonEvent', () => {
  const b = { c: 'IPC-0001', q: 'rights', v: 'none', s: 4 };
  it('an answer carries its question, value and sequence (the stale-button check)', () => {
    expect(buttonEvent('answer', b)).toEqual({ type: 'answer', questionId: 'rights', value: 'none', seq: 4 });
    expect(buttonEvent('answer', { c: 'IPC-0001', q: 'rights', v: 'none' })).toEqual({
      type: 'answer',
      questionId: 'rights',
      value: 'none',
    });
  });
  it('Skip is an answer button carrying the skip value', () => {
    expect(buttonEvent('answer', { ...b, v: SKIP_VALUE })).toEqual({ type: 'skip' });
  });
  it('Change an answer and Start over ignore the value', () => {
    expect(buttonEvent('change', b)).toEqual({ type: 'change' });
    expect(buttonEvent('restart', b)).toEqual({ type: 'restart' });
  });
});
