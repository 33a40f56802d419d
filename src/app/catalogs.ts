import { type AppDepsSource, appDeps } from './app-deps.js';
import type { Catalogs } from './ports.js';

/** A sweep's listings for a team's catalog: [id, title] pairs, and whether the file had more than kept. */
export interface CatalogListings {
  readonly listings: readonly (readonly [string, string])[];
  readonly partial: boolean;
}

/** The team catalogs: looked up by a conversation's turn, replaced by a sweep a team shares. */
export interface CatalogBook extends Catalogs {
  /** Replaces the catalog of the conversation's team with a sweep's listings, read from `source`. */
  save(conversation: string, listings: CatalogListings, source: string, now: Date): Promise<unknown>;
}

/** The team catalogs of a channel's deps (one service per running app: it caches the watchlist matcher). */
export const catalogsFor = (deps: AppDepsSource): CatalogBook => appDeps(deps).catalogs;
