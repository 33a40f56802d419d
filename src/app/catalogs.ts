import type { Kv } from '../adapters/storage/kv.js';
import { CatalogService } from '../adapters/sweep/catalog.js';

/** What a channel's deps carry that the catalog needs (Slack's and Teams' deps both do). */
export interface CatalogDeps {
  stores: { kv: Kv };
  watchlistFile?: string;
}

// One catalog service per running app (it caches the watchlist matcher), made on first use.
const services = new WeakMap<CatalogDeps, CatalogService>();

export function catalogsFor(deps: CatalogDeps): CatalogService {
  let s = services.get(deps);
  if (!s) {
    s = new CatalogService(deps.stores.kv, deps.watchlistFile);
    services.set(deps, s);
  }
  return s;
}
