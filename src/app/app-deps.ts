import type { CoreContext } from '../domain/conversation/outcome.js';
import { caseScope } from './case-scope.js';
import { catalogsFor } from './catalogs.js';
import type {
  CaseScope,
  CaseStore,
  Catalogs,
  Claims,
  Clock,
  LanguageModel,
  Records,
  ReminderStore,
} from './ports.js';

// Everything a use case in src/app may reach: the ports, never a store's own API. Channels hold an AppDeps
// and pass it to the app; they never read or write a case, a claim, a reminder or a record themselves.

export interface AppDeps {
  ctx: CoreContext;
  cases: CaseStore;
  claims: Claims;
  reminders: ReminderStore;
  records: Records;
  catalogs: Catalogs;
  scope: CaseScope;
  clock: Clock;
  llm?: LanguageModel;
  /** Warnings the person who acted does not need to read (a notice that could not be posted). */
  warn: (line: string) => void;
}

/** What a channel's deps carry today, from which the app's deps are made (once per deps object). */
export interface AppDepsSource {
  ctx: CoreContext;
  stores: { cases: CaseStore; claims: Claims; reminders: ReminderStore; kv: Records };
  clock: Clock;
  llm?: LanguageModel;
  watchlistFile?: string;
  log?: { warn(line: string): void };
}

const made = new WeakMap<AppDepsSource, AppDeps>();

/** The app's deps for a channel's deps, made once and kept for the life of those deps. */
export function appDeps(d: AppDepsSource): AppDeps {
  let a = made.get(d);
  if (!a) {
    a = {
      ctx: d.ctx,
      cases: d.stores.cases,
      claims: d.stores.claims,
      reminders: d.stores.reminders,
      records: d.stores.kv,
      // Interim: the catalog service still needs the whole store; the composition root will hand it in.
      catalogs: catalogsFor(d as unknown as Parameters<typeof catalogsFor>[0]),
      scope: caseScope,
      clock: d.clock,
      ...(d.llm ? { llm: d.llm } : {}),
      warn: (line) => d.log?.warn(line),
    };
    made.set(d, a);
  }
  return a;
}
