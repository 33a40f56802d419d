import { type CaseState, newCase } from './case-state.js';
import type { CoreContext } from './outcome.js';
import type { CaseStore, Clock } from './ports.js';
import type { Effect, Reply } from './replies.js';
import { type CoreEvent, step } from './step.js';

export interface TurnDeps {
  ctx: CoreContext;
  store: CaseStore;
  clock: Clock;
}

export interface TurnResult {
  state: CaseState;
  replies: Reply[];
  effects: Effect[];
}

/** The one place a conversation does I/O: load the case, step, save once, hand back replies and effects. */
export async function runTurn(deps: TurnDeps, key: string, event: CoreEvent): Promise<TurnResult> {
  const before = (await deps.store.get(key)) ?? newCase();
  const result = step(deps.ctx, before, event, deps.clock.now());
  await deps.store.set(key, result.state);
  return result;
}
