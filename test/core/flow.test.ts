import { describe, expect, it } from 'vitest';
import { type CaseState, newCase } from '../../src/core/case-state.js';
import { isRelevant, validateFlow } from '../../src/core/flow.js';
import type { CoreContext, Outcome } from '../../src/core/outcome.js';
import { QUESTIONS, questionById } from '../../src/core/questions.js';
import type { Reply } from '../../src/core/replies.js';
import { ROUTE_IDS } from '../../src/core/route-rules.js';
import { type CoreEvent, step } from '../../src/core/step.js';
import { testContext } from '../helpers/context.js';

const NOW = new Date('2026-11-28T10:00:00Z');

interface Path {
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
    const r = step(ctx, state, m.event, NOW);
    walk(ctx, r.state, r.replies, [...answers, m.label], paths);
  }
}

describe('the guided flow', () => {
  it('is valid data: known facts and values, every question reachable in order', () => {
    expect(validateFlow()).toEqual([]);
  });

  it('ends every path through the flow in a firm decision with routes', async () => {
    const ctx = await testContext();
    const first = step(ctx, newCase(), { type: 'start' }, NOW);
    const paths: Path[] = [];
    walk(ctx, first.state, first.replies, [], paths);
    // Enough paths that a broken branch cannot hide; the exact count changes only when the flow does.
    expect(paths.length).toBeGreaterThan(200);
    const askedQuestions = new Set(paths.flatMap((p) => p.answers.map((a) => a.split('=')[0])));
    for (const q of QUESTIONS) expect(askedQuestions, `question ${q.id} is never asked`).toContain(q.id);
    for (const p of paths) {
      const ids = p.outcome.routes.map((r) => r.id);
      // Only what the seller chose to skip may still be missing.
      const skipped = p.answers.filter((a) => a.endsWith('=skip')).map((a) => a.split('=')[0]);
      expect(
        p.outcome.missing.filter((k) => !skipped.includes(k)),
        p.answers.join(', '),
      ).toEqual([]);
      expect(ids).toContain('store_sweep');
      // Besides the sweep, each path gives at least one thing to do about the complaint itself.
      expect(ids.filter((id) => id !== 'store_sweep').length, p.answers.join(', ')).toBeGreaterThan(0);
      for (const id of ids) expect(ROUTE_IDS).toContain(id);
      for (const r of p.outcome.routes) expect(r.citations.length).toBeGreaterThan(0);
    }
  });

  it('reaches every route id on some path', async () => {
    const ctx = await testContext();
    const first = step(ctx, newCase(), { type: 'start' }, NOW);
    const paths: Path[] = [];
    walk(ctx, first.state, first.replies, [], paths);
    const seen = new Set(paths.flatMap((p) => p.outcome.routes.map((r) => `${r.id}/${r.variant}`)));
    expect([...seen].sort()).toEqual([
      'delist_now/court_preserve',
      'delist_now/infringing',
      'dispute_reply/non_infringement',
      'dispute_reply/not_ours',
      'dispute_reply/rights',
      'lawyer_escalation/court',
      'lawyer_escalation/keep_selling',
      'legal_opinion/check_first',
      'legal_opinion/letter',
      'legal_opinion/unsure',
      'store_sweep/always',
    ]);
  });
});
