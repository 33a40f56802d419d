import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/domain/conversation/outcome.js';
import type { Reply } from '../../../src/domain/conversation/replies.js';
import { type CoreEvent, step } from '../../../src/domain/conversation/step.js';
import { type CaseState, newCase } from '../../../src/domain/model/case-state.js';
import { testContext } from '../../helpers/context.js';

// The conversation's own prompts (the change menu, the update to confirm, the claim to confirm) are pending
// as what they are, and their replies say so: a renderer asks `prompt`, never a fake question id.

const NOW = new Date('2026-11-28T10:00:00Z');
let ctx: CoreContext;
beforeAll(async () => {
  ctx = await testContext();
});

function run(events: CoreEvent[]): { state: CaseState; question: Extract<Reply, { kind: 'question' }> } {
  let state = newCase('IPC-0001');
  let replies: Reply[] = [];
  for (const e of events) ({ state, replies } = step(ctx, state, e, NOW));
  const question = replies.find((r): r is Extract<Reply, { kind: 'question' }> => r.kind === 'question');
  if (!question) throw new Error('no question asked');
  return { state, question };
}

const START = 'trademark complaint on B0C1234567 yesterday, their logo is on the product';

describe('the step’s own prompts', () => {
  it('a case question: pending as the question, no prompt on its reply', () => {
    const { state, question } = run([{ type: 'start', text: START }]);
    expect(state.pending).toEqual({ kind: 'question', questionId: question.questionId, seq: question.seq });
    expect(question.prompt).toBeUndefined();
  });

  it('"change": the change menu', () => {
    const { state, question } = run([
      { type: 'start', text: START },
      { type: 'text', text: 'change' },
    ]);
    expect(state.pending).toEqual({ kind: 'change', seq: question.seq });
    expect(question).toMatchObject({ prompt: 'change', questionId: '__change' });
  });

  it('a claim read from the seller’s words: the claim to confirm', () => {
    const { state, question } = run([{ type: 'start', text: 'complaint on B0C1234567, we never listed it' }]);
    expect(state.pending).toEqual({ kind: 'claim', seq: question.seq });
    expect(question).toMatchObject({ prompt: 'claim', questionId: '__claim' });
  });

  it('news after the decision: the update to confirm', () => {
    let state = newCase('IPC-0001');
    state = step(ctx, state, { type: 'start', text: START }, NOW).state;
    for (let i = 0; i < 10 && state.status !== 'decided'; i++)
      state = step(ctx, state, { type: 'text', text: '1' }, NOW).state;
    expect(state.status).toBe('decided');
    const r = step(ctx, state, { type: 'text', text: 'actually the notice came on 2026-11-20' }, NOW);
    const q = r.replies.find((x) => x.kind === 'question');
    expect(r.state.pending?.kind).toBe('confirm');
    expect(q).toMatchObject({ prompt: 'confirm', questionId: '__confirm' });
  });
});
