import type { StoreLog } from '../adapters/storage/kv-case-repository.js';
import type { SqliteOpenOptions } from '../adapters/storage/local-kv.js';
import { openStores, type Stores } from '../adapters/storage/open-store.js';
import { CatalogService } from '../adapters/sweep/catalog.js';
import type { AppDeps } from '../app/app-deps.js';
import { caseScope } from '../app/case-scope.js';
import type { Clock, LanguageModel } from '../app/ports.js';
import type { CoreContext } from '../domain/conversation/outcome.js';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import { createLanguageModel } from './create-llm.js';
import { loadContext } from './load-context.js';

// The composition root: the one place that loads the context, opens the store, builds the language model
// and the catalog service, and wires them into the app's ports (AppDeps). What it builds is handed to the
// channel being started (src/cli/ipcheck.ts picks which); channels never open or close a store themselves.

/** The knowledge, templates and rules every conversation runs with, plus the configured defaults and zone. */
export async function coreContext(config: Pick<Config, 'defaults' | 'timeZone'>): Promise<CoreContext> {
  return { ...(await loadContext()), defaults: config.defaults, timeZone: config.timeZone };
}

/** The parts an AppDeps is made of: the store's ports and what the turns use beside them. */
export interface AppParts {
  ctx: CoreContext;
  stores: Stores;
  clock: Clock;
  llm?: LanguageModel;
  /** The team catalogs; made on the store (with IPCHECK_WATCHLIST's marks) when not given. */
  catalogs?: CatalogService;
  watchlistFile?: string;
  log?: { warn(line: string): void };
}

/** The app's ports over one store: what every channel passes to the use cases. */
export function composeApp(p: AppParts): AppDeps {
  return {
    ctx: p.ctx,
    cases: p.stores.cases,
    claims: p.stores.claims,
    reminders: p.stores.reminders,
    records: p.stores.kv,
    catalogs: p.catalogs ?? new CatalogService(p.stores.kv, p.watchlistFile),
    scope: caseScope,
    clock: p.clock,
    ...(p.llm ? { llm: p.llm } : {}),
    warn: (line) => p.log?.warn(line),
  };
}

/** Everything a running ipcheck is built from, made once at startup. */
export interface Root {
  ctx: CoreContext;
  /** The store, for channel deps that still carry it; its lifetime is the root's (`close`). */
  stores: Stores;
  clock: Clock;
  llm?: LanguageModel;
  catalogs: CatalogService;
  app: AppDeps;
  watchlistFile?: string;
  /** The store's address with any password removed, for startup lines and messages. */
  storeName: string;
  /** Closes the store: once every channel has stopped and its running work is done. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  /** How this process uses an SQLite store: its owner lock (a process that writes) or read-only. */
  store: SqliteOpenOptions;
  /** Warnings: a rebuilt case index, a model that failed (a server's scrubbed logger). */
  log?: StoreLog & { info(line: string): void };
  /**
   * The language model: 'logged' reports its timings and failures to `log`, 'quiet' keeps them out of a
   * terminal conversation, 'off' makes none (commands that only read).
   */
  llm: 'logged' | 'quiet' | 'off';
  clock?: Clock;
}

/** Loads the context, opens the store, builds the model, the catalogs and the AppDeps. */
export async function compose(config: Config, opts: ComposeOptions): Promise<Root> {
  const clock = opts.clock ?? systemClock;
  const ctx = await coreContext(config);
  const log = opts.log;
  const stores = await openStores(config.storeUrl, clock, { ...opts.store, ...(log ? { log } : {}) });
  let llm: LanguageModel | undefined;
  try {
    if (opts.llm !== 'off')
      llm = await createLanguageModel(
        config.llm,
        opts.llm === 'logged' && log ? (m, level) => log[level](m) : undefined,
      );
  } catch (err) {
    await stores.close();
    throw err;
  }
  const watchlistFile = config.watchlistFile;
  const catalogs = new CatalogService(stores.kv, watchlistFile);
  const app = composeApp({ ctx, stores, clock, catalogs, ...(llm ? { llm } : {}), ...(log ? { log } : {}) });
  return {
    ctx,
    stores,
    clock,
    ...(llm ? { llm } : {}),
    catalogs,
    app,
    ...(watchlistFile ? { watchlistFile } : {}),
    storeName: stores.kv.describe,
    close: () => stores.close(),
  };
}
