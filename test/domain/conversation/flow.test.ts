import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../src/domain/conversation/flow.js';
import { QUESTIONS } from '../../../src/domain/conversation/questions.js';
import { ROUTE_IDS } from '../../../src/domain/decision/route-rules.js';
import { testContext } from '../../helpers/context.js';
import { allPaths } from '../../helpers/flow-paths.js';

describe('the guided flow', () => {
  it('is valid data: known facts and values, every question reachable in order', () => {
    expect(validateFlow()).toEqual([]);
  });

  it('ends every path through the flow in a firm decision with routes', async () => {
    const paths = allPaths(await testContext());
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
    const paths = allPaths(await testContext());
    const seen = new Set(paths.flatMap((p) => p.outcome.routes.map((r) => `${r.id}/${r.variant}`)));
    expect([...seen].sort()).toEqual([
      'delist_now/infringing',
      'delist_now/preserve',
      'dispute_reply/non_infringement',
      'dispute_reply/not_ours',
      'dispute_reply/rights',
      'lawyer_escalation/court',
      'lawyer_escalation/keep_selling',
      'legal_opinion/amazon_patent',
      'legal_opinion/check_first',
      'legal_opinion/letter',
      'legal_opinion/own_right',
      'legal_opinion/unsure',
      'store_sweep/always',
    ]);
  });
});
