import { CatalogService } from '../../sweep/catalog.js';
import type { SlackDeps } from './slack-deps.js';

// One catalog service per running app (it caches the watchlist matcher), made on first use.
const services = new WeakMap<SlackDeps, CatalogService>();

export function catalogsFor(deps: SlackDeps): CatalogService {
  let s = services.get(deps);
  if (!s) {
    s = new CatalogService(deps.stores.kv, deps.watchlistFile);
    services.set(deps, s);
  }
  return s;
}
