import { LocalKv } from '../../src/adapters/storage/local-kv.js';
import { type Stores, storesOn } from '../../src/adapters/storage/open-store.js';
import type { LanguageModel } from '../../src/app/ports.js';
import { runTurn } from '../../src/app/turn.js';
import { fixedClock } from '../../src/boot/clock.js';
import type { CoreContext } from '../../src/domain/conversation/outcome.js';
import { renderRepliesText } from '../../src/domain/conversation/render-text.js';
import type { Reply } from '../../src/domain/conversation/replies.js';
import type { CoreEvent } from '../../src/domain/conversation/step.js';
import type { CaseState } from '../../src/domain/model/case-state.js';

export const NOW = '2026-11-28T10:00:00Z';

/** A conversation driven through the real turn runner, read like a transcript: send → expect. */
export class Conversation {
  readonly clock = fixedClock(NOW);
  readonly stores: Stores;
  last: Reply[] = [];
  caseId: string | undefined;
  /** A language model for the turns (the LLM tests set one); none by default. */
  llm: LanguageModel | undefined;
  /** How many turns said they were waiting for the language model ("working…"). */
  working = 0;

  constructor(
    private readonly ctx: CoreContext,
    private readonly key = 'test',
    stores?: Stores,
  ) {
    this.stores = stores ?? storesOn(LocalKv.memory(), this.clock);
  }

  async send(event: CoreEvent | string, who = 'U_SELLER'): Promise<Reply[]> {
    const ev: CoreEvent = typeof event === 'string' ? { type: 'text', text: event } : event;
    const deps = {
      ctx: this.ctx,
      cases: this.stores.cases,
      reminders: this.stores.reminders,
      clock: this.clock,
      ...(this.llm ? { llm: this.llm } : {}),
    };
    const r = await runTurn(deps, {
      conversation: this.key,
      who,
      channel: 'test',
      event: ev,
      onWorking: () => {
        this.working++;
      },
    });
    this.last = r.replies;
    this.caseId = r.caseId;
    return r.replies;
  }

  get text(): string {
    return renderRepliesText(this.last);
  }

  async state(): Promise<CaseState> {
    const rec = await this.stores.cases.byConversation(this.key);
    if (!rec) throw new Error('no case yet');
    return rec.state;
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
