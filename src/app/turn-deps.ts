import type { Stores } from '../adapters/storage/open-store.js';
import type { CoreContext } from '../domain/conversation/outcome.js';
import { caseScope } from './case-scope.js';
import { catalogsFor } from './catalogs.js';
import type { Clock, LanguageModel } from './ports.js';
import type { TurnDeps } from './turn.js';

/** What Slack's and Teams' deps both carry for a conversation turn. */
export interface ChannelTurnDeps {
  ctx: CoreContext;
  stores: Stores;
  clock: Clock;
  llm?: LanguageModel;
  watchlistFile?: string;
}

/**
 * The core's deps for one turn: the same store, clock, model, team catalog and case scope (a team reaches
 * only its own cases by id) in every chat channel.
 */
export function turnDeps(deps: ChannelTurnDeps): TurnDeps {
  return {
    ctx: deps.ctx,
    cases: deps.stores.cases,
    reminders: deps.stores.reminders,
    clock: deps.clock,
    ...(deps.llm ? { llm: deps.llm } : {}),
    catalogs: catalogsFor(deps),
    scope: caseScope,
  };
}
