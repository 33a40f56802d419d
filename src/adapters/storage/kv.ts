import { IpcheckError } from '../../domain/model/errors.js';

// The few storage operations ipcheck needs, on top of keyv. keyv itself only has get/set/delete, so the
// atomic ones (set-if-absent, increment, lock) are done by each backend its own way: an in-process lock
// for SQLite and memory (one instance), Redis commands through the adapter's client (many instances).

export interface Kv {
  /** The store's address with any password removed, for messages. */
  readonly describe: string;
  /** True when several instances may share this store (Redis). */
  readonly shared: boolean;
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: string[]): Promise<(T | undefined)[]>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Markers are presence-only keys (claims): set when absent, atomically. Never read them with get(). */
  addMarker(key: string, ttlMs: number): Promise<boolean>;
  setMarker(key: string, ttlMs: number): Promise<void>;
  deleteMarker(key: string): Promise<void>;
  /** Atomic counter; never read it with get(). */
  incr(key: string): Promise<number>;
  /** The counter's value without changing it (0 before its first incr). */
  count(key: string): Promise<number>;
  /** Runs `fn` while holding a lock on `name`, across instances where the store is shared. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Runs one store operation with a deadline: a store that does not answer becomes a clear
 * store_unavailable error naming the store and the operation, never a hang.
 */
export async function withDeadline<T>(describe: string, what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } catch (err) {
    if (err instanceof IpcheckError) throw err;
    // The store answered, but what it holds there is not JSON (a damaged row): that value is unreadable,
    // the store is not down. Said apart, so one damaged case does not read as "cannot reach the store".
    if (err instanceof SyntaxError)
      throw new IpcheckError(
        'case_unreadable',
        `the case store (${describe}) holds a damaged value (${what}): ${err.message}`,
      );
    throw new IpcheckError(
      'store_unavailable',
      `the case store (${describe}) failed ${what}: ${(err as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Removes credentials from a store address before it appears in any message or log. */
export function redactUrl(url: string): string {
  // Up to the LAST '@': a password may contain an unencoded '@' (URL parsers, node-redis included, take the
  // last one as the end of the credentials), and stopping at the first one showed the rest of the password.
  return url.replace(/\/\/[^/?#]*@/, '//***@');
}
