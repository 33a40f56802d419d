import type { CatalogLookup, Catalogs } from '../../app/ports.js';
import type { Kv } from '../storage/kv.js';
import { CATALOG_TITLE_CHARS, KvCatalogStore, MAX_CATALOG_LISTINGS } from '../storage/kv-catalog.js';
import { loadMarks } from './load-watchlist.js';
import { MarkMatcher } from './matcher.js';
import { own } from './run-sweep.js';

/**
 * The team a conversation belongs to, for its catalog: a Slack workspace (`slack:T…`), a Microsoft 365
 * tenant (`teams:<tenant>:…`: every chat and channel of one organisation shares one catalog), or "local"
 * for the terminal and the command line (one team per store).
 */
export function catalogTeamOf(conversation: string): string {
  const chat = /^(slack|teams):([^:]+):/.exec(conversation);
  return chat ? `${chat[1]}:${chat[2]}` : 'local';
}

/** Collects a sweep's listings (ids and titles, cut short) for the team's catalog, up to the limit. */
export class CatalogCollector {
  readonly listings: [string, string][] = [];
  partial = false;

  add = (id: string, title: string): void => {
    if (this.listings.length >= MAX_CATALOG_LISTINGS) {
      this.partial = true;
      return;
    }
    this.listings.push([own(id), own(title.slice(0, CATALOG_TITLE_CHARS))]);
  };
}

/** The Catalogs port: the store's catalog plus the watchlist marks each title carries. */
export class CatalogService implements Catalogs {
  readonly store: KvCatalogStore;
  private matcher: Promise<MarkMatcher> | undefined;

  constructor(
    kv: Kv,
    private readonly watchlistFile?: string,
  ) {
    this.store = new KvCatalogStore(kv);
  }

  private marks(): Promise<MarkMatcher> {
    this.matcher ??= loadMarks(this.watchlistFile).then((l) => new MarkMatcher(l.marks));
    return this.matcher;
  }

  async lookup(conversation: string, listingId: string): Promise<CatalogLookup> {
    const found = await this.store.lookup(catalogTeamOf(conversation), listingId);
    if (!found) return { status: 'none' };
    if (found.title === undefined)
      return {
        status: 'absent',
        count: found.meta.count,
        loadedAt: found.meta.loadedAt,
        partial: found.meta.partial,
      };
    const m = await this.marks();
    const marks = m.find(found.title).map((h) => m.marks[h.mark]?.name ?? '');
    return { status: 'present', title: found.title, marks };
  }

  save(conversation: string, c: CatalogCollector, source: string, now: Date) {
    return this.store.save(catalogTeamOf(conversation), c.listings, {
      source,
      loadedAt: now.toISOString(),
      partial: c.partial,
    });
  }
}

/** The words a chat says after saving a catalog. */
export function catalogSaved(count: number, partial: boolean): string {
  return partial
    ? `Saved the first ${count.toLocaleString('en-US')} listings as your team's catalog (the most kept): new cases show whether a reported listing is in it.`
    : `Saved as your team's catalog (${count.toLocaleString('en-US')} listings): a new case now says whether the reported listing was ever yours, and which watched marks its title carries.`;
}
