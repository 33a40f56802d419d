import { expect } from 'vitest';
import { isRelevant } from '../../src/domain/conversation/flow.js';
import type { CoreContext, Outcome } from '../../src/domain/conversation/outcome.js';
import { questionById } from '../../src/domain/conversation/questions.js';
import type { Reply } from '../../src/domain/conversation/replies.js';
import { type CoreEvent, step } from '../../src/domain/conversation/step.js';
import { type CaseState, newCase } from '../../src/domain/model/case-state.js';

// Every way through the guided conversation, by pressing each button (and typing or skipping where a
// question allows it), down to the outcome. The flow tests and the judgement tests walk the same paths.

export const FLOW_NOW = new Date('2026-11-28T10:00:00Z');

export interface Path {
  answers: string[];
  outcome: Outcome;
}

type Question = Extract<Reply, { kind: 'question' }>;

/** Every way to answer the pending question: each choice, plus free text and skip where allowed. */
function moves(q: Question): { label: string; event: CoreEvent }[] {
  const out = q.choices.map((c) => ({
    label: `${q.questionId}=${c.value}`,
    event: { type: 'answer', questionId: q.questionId, value: c.value, seq: q.seq } as CoreEvent,
  }));
  const def = questionById(q.questionId);
  if (def?.freeText?.kind === 'listing') {
    out.push({
      label: 'listingId=ali',
      event: { type: 'text', text: 'https://www.aliexpress.com/item/1005006123456789.html' },
    });
    out.push({ label: 'listingId=asin', event: { type: 'text', text: 'B0C1234567' } });
  }
  if (def?.freeText?.kind === 'date')
    out.push({ label: 'noticeDate=typed', event: { type: 'text', text: '2026-11-20' } });
  if (def?.freeText?.kind === 'list')
    out.push({ label: 'differences', event: { type: 'text', text: 'round; 3 buttons' } });
  if (q.canSkip) out.push({ label: `${q.questionId}=skip`, event: { type: 'skip' } });
  return out;
}

function walk(ctx: CoreContext, state: CaseState, replies: Reply[], answers: string[], paths: Path[]): void {
  const outcome = replies.find((r) => r.kind === 'outcome');
  if (outcome?.kind === 'outcome') {
    paths.push({ answers, outcome: outcome.outcome });
    return;
  }
  const q = replies.find((r): r is Question => r.kind === 'question');
  if (!q) throw new Error(`dead end after ${answers.join(', ')}`);
  // The property the flow promises: a question is asked only when its value is unknown and it matters.
  const def = questionById(q.questionId);
  if (!def) throw new Error(`unknown question ${q.questionId}`);
  if ('fact' in def.sets) expect(state.facts[def.sets.fact]).toBeUndefined();
  expect(isRelevant(def, state.facts)).toBe(true);
  if (answers.length > 12) throw new Error(`path too long: ${answers.join(', ')}`);
  for (const m of moves(q)) {
    const r = step(ctx, state, m.event, FLOW_NOW);
    walk(ctx, r.state, r.replies, [...answers, m.label], paths);
  }
}

/** All paths from a fresh case (or from the first message given) to an outcome. */
export function allPaths(ctx: CoreContext, firstMessage?: string): Path[] {
  const first = step(
    ctx,
    newCase(),
    firstMessage ? { type: 'start', text: firstMessage } : { type: 'start' },
    FLOW_NOW,
  );
  const paths: Path[] = [];
  walk(ctx, first.state, first.replies, [], paths);
  return paths;
}
