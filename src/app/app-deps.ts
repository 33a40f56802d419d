import type { CoreContext } from '../domain/conversation/outcome.js';
import { caseScope } from './case-scope.js';
import type { CatalogBook } from './catalogs.js';
import type { CaseScope, CaseStore, Claims, Clock, LanguageModel, Records, ReminderStore } from './ports.js';

// Everything a use case in src/app may reach: the ports, never a store's own API. Channels hold an AppDeps
// and pass it to the app; they never read or write a case, a claim, a reminder or a record themselves.
// The composition root (src/boot/compose.ts) builds it, with the adapters behind each port.

export interface AppDeps {
  ctx: CoreContext;
  cases: CaseStore;
  claims: Claims;
  reminders: ReminderStore;
  records: Records;
  catalogs: CatalogBook;
  scope: CaseScope;
  clock: Clock;
  llm?: LanguageModel;
  /** Warnings the person who acted does not need to read (a notice that could not be posted). */
  warn: (line: string) => void;
}

/**
 * What a channel's deps carry: the AppDeps the root built (`app`), or, for deps put together by hand
 * (tests, benchmarks), the ports themselves, from which one AppDeps is made.
 */
export interface AppDepsSource {
  app?: AppDeps;
  ctx: CoreContext;
  stores: { cases: CaseStore; claims: Claims; reminders: ReminderStore; kv: Records };
  clock: Clock;
  llm?: LanguageModel;
  /** The team catalogs; without them, no conversation has a catalog (lookups say "none"). */
  catalogs?: CatalogBook;
  log?: { warn(line: string): void };
}

/** The catalog of deps that were given none: nothing is known, and saving one says why it cannot. */
const NO_CATALOGS: CatalogBook = {
  lookup: async () => ({ status: 'none' }),
  save: async () => {
    throw new Error('no catalog service: build the deps with src/boot/compose.ts');
  },
};

const made = new WeakMap<AppDepsSource, AppDeps>();

/** The app's deps for a channel's deps: the root's, or made once and kept for the life of those deps. */
export function appDeps(d: AppDepsSource): AppDeps {
  if (d.app) return d.app;
  let a = made.get(d);
  if (!a) {
    a = {
      ctx: d.ctx,
      cases: d.stores.cases,
      claims: d.stores.claims,
      reminders: d.stores.reminders,
      records: d.stores.kv,
      catalogs: d.catalogs ?? NO_CATALOGS,
      scope: caseScope,
      clock: d.clock,
      ...(d.llm ? { llm: d.llm } : {}),
      warn: (line) => d.log?.warn(line),
    };
    made.set(d, a);
  }
  return a;
}
