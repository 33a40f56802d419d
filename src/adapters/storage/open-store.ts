import type { CaseStore, Claims, Clock, ReminderStore } from '../../app/ports.js';
import { IpcheckError } from '../../domain/model/errors.js';
import type { Kv } from './kv.js';
import { KvCaseRepository, type StoreLog } from './kv-case-repository.js';
import { KvClaims } from './kv-claims.js';
import { KvReminderStore } from './kv-reminders.js';
import { LocalKv, type SqliteOpenOptions } from './local-kv.js';
import { RedisKv } from './redis-kv.js';
import { parseStoreUrl, STORE_URL_FORMS } from './store-url.js';

export type { CaseStore };

export interface Stores {
  cases: CaseStore;
  claims: Claims;
  reminders: ReminderStore;
  kv: Kv;
  close(): Promise<void>;
}

export function storesOn(kv: Kv, clock: Clock, log?: StoreLog): Stores {
  return {
    cases: new KvCaseRepository(kv, clock, log),
    claims: new KvClaims(kv),
    reminders: new KvReminderStore(kv),
    kv,
    close: () => kv.close(),
  };
}

/**
 * Opens the store IPCHECK_STORE_URL names; a store that is down fails here, within seconds, with a clear
 * message. `use` matters for an SQLite file: a process that writes names its kind (`owner`) and takes the
 * file's owner lock, so a second one is refused; a command that only reads says `readOnly`. Without it
 * (tests, benchmarks on their own files) no lock is taken. Redis is shared by design and takes none.
 * `log` hears of a damaged open-case index being rebuilt.
 */
export async function openStores(
  url: string,
  clock: Clock,
  use: SqliteOpenOptions & { log?: StoreLog } = {},
): Promise<Stores> {
  const spec = parseStoreUrl(url);
  if ('error' in spec) {
    throw new IpcheckError(
      'store_unavailable',
      `IPCHECK_STORE_URL: ${spec.error}; expected ${STORE_URL_FORMS}`,
    );
  }
  const kv =
    spec.kind === 'memory'
      ? LocalKv.memory()
      : spec.kind === 'sqlite'
        ? await LocalKv.sqlite(spec.path, use)
        : await RedisKv.connect(spec.url);
  return storesOn(kv, clock, use.log);
}
