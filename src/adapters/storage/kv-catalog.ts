import type { Kv } from './kv.js';

// A team's listing catalog (ids and titles from its last store sweep), so a new case can tell whether the
// reported listing was ever the team's. Kept compact: titles cut to TITLE_CHARS, and the ids spread over
// shards of about SHARD_SIZE listings each, so a lookup reads two small values (the meta and one shard),
// never the whole catalog. A new catalog is written under a new version and the old one deleted after.

/** Listings kept per team at most; a larger export keeps the first ones and says the catalog is partial. */
export const MAX_CATALOG_LISTINGS = 200_000;
export const CATALOG_TITLE_CHARS = 100;
const SHARD_SIZE = 2_000;

export interface CatalogMeta {
  version: number;
  count: number;
  shards: number;
  /** ISO time it was loaded. */
  loadedAt: string;
  /** The file it came from. */
  source: string;
  /** More listings than MAX_CATALOG_LISTINGS: an id not found may still be the team's. */
  partial: boolean;
}

const metaKey = (team: string) => `catalog:${team}:meta`;
const shardKey = (team: string, version: number, shard: number) => `catalog:${team}:v${version}:${shard}`;

/** FNV-1a: a stable, cheap spread of ids over shards. */
function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

export class KvCatalogStore {
  constructor(private readonly kv: Kv) {}

  meta(team: string): Promise<CatalogMeta | undefined> {
    return this.kv.get<CatalogMeta>(metaKey(team));
  }

  /** Replaces the team's catalog. `listings` is [id, title] pairs, at most MAX_CATALOG_LISTINGS of them. */
  async save(
    team: string,
    listings: readonly (readonly [string, string])[],
    o: { source: string; loadedAt: string; partial: boolean },
  ): Promise<CatalogMeta> {
    const old = await this.meta(team);
    const version = (old?.version ?? 0) + 1;
    const shards = Math.max(1, Math.ceil(listings.length / SHARD_SIZE));
    const buckets: Record<string, string>[] = Array.from({ length: shards }, () => ({}));
    for (const [id, title] of listings)
      (buckets[shardOf(id, shards)] as Record<string, string>)[id] = title.slice(0, CATALOG_TITLE_CHARS);
    for (let s = 0; s < shards; s++) await this.kv.set(shardKey(team, version, s), buckets[s]);
    const meta: CatalogMeta = { version, count: listings.length, shards, ...o };
    await this.kv.set(metaKey(team), meta);
    if (old) for (let s = 0; s < old.shards; s++) await this.kv.delete(shardKey(team, old.version, s));
    return meta;
  }

  /** The title of a listing in the team's catalog; undefined title when it is not there. */
  async lookup(team: string, id: string): Promise<{ meta: CatalogMeta; title?: string } | undefined> {
    const meta = await this.meta(team);
    if (!meta) return undefined;
    const shard = await this.kv.get<Record<string, string>>(
      shardKey(team, meta.version, shardOf(id, meta.shards)),
    );
    const title = shard?.[id];
    return title === undefined ? { meta } : { meta, title };
  }
}
