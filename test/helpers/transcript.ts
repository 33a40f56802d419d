import { fixedClock } from '../../src/app/clock.js';
import type { CaseState } from '../../src/core/case-state.js';
import type { CoreContext } from '../../src/core/outcome.js';
import type { Reply } from '../../src/core/replies.js';
import type { CoreEvent } from '../../src/core/step.js';
import { runTurn } from '../../src/core/turn.js';
import { renderRepliesText } from '../../src/render/render-text.js';
import { MemoryCaseStore } from '../../src/storage/memory-store.js';

export const NOW = '2026-11-28T10:00:00Z';

/** A conversation driven through the real turn runner, read like a transcript: send → expect. */
export class Conversation {
  readonly store = new MemoryCaseStore();
  readonly clock = fixedClock(NOW);
  last: Reply[] = [];

  constructor(
    private readonly ctx: CoreContext,
    private readonly key = 'test',
  ) {}

  async send(event: CoreEvent | string): Promise<Reply[]> {
    const ev: CoreEvent = typeof event === 'string' ? { type: 'text', text: event } : event;
    const r = await runTurn({ ctx: this.ctx, store: this.store, clock: this.clock }, this.key, ev);
    this.last = r.replies;
    return r.replies;
  }

  get text(): string {
    return renderRepliesText(this.last);
  }

  async state(): Promise<CaseState> {
    const s = await this.store.get(this.key);
    if (!s) throw new Error('no case yet');
    return s;
  }

  question(): Extract<Reply, { kind: 'question' }> {
    const q = this.last.find((r): r is Extract<Reply, { kind: 'question' }> => r.kind === 'question');
    if (!q) throw new Error(`expected a question, got: ${this.text}`);
    return q;
  }

  outcome() {
    const o = this.last.find((r): r is Extract<Reply, { kind: 'outcome' }> => r.kind === 'outcome');
    if (!o) throw new Error(`expected the outcome, got: ${this.text}`);
    return o.outcome;
  }
}
