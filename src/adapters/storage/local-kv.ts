import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { IpcheckError } from '../../domain/model/errors.js';
import { type Kv, withDeadline } from './kv.js';
import { KeyedMutex } from './mutex.js';
import { claimStore, type OwnerMode, StoreInUseError, type StoreOwnership } from './store-owner.js';

// SQLite file (the default) or process memory (tests). One instance owns the store, so an in-process
// lock makes read-modify-write atomic. A second process on one SQLite file is refused at startup by the
// owner lock (store-owner.ts); commands that only read open it read-only, beside the owner. Several
// processes: use Redis.

export interface SqliteOpenOptions {
  /** Take the owner lock for this kind of process (every process that writes). */
  owner?: OwnerMode;
  /** Only read: no owner lock, no test write, and any write is refused. */
  readOnly?: boolean;
}

const OP_TIMEOUT_MS = 5000;

// keyv never deletes an expired row from SQLite unless that very key is read again, and a delivery claim
// never is: every Slack event, command and Teams activity left a row for good (9,803 after a burst of
// 12,000 requests). Every PURGE_EVERY marker writes (and once at startup), up to PURGE_BATCH expired claim
// rows are deleted: bounded work each time, and the table stays at about what is still within its window.
const PURGE_EVERY = 50;
const PURGE_BATCH = 500;
// The namespaced key range of claims ('ipcheck:claim:' up to, not including, 'ipcheck:claim;'), so the
// primary key index finds them without reading the cases.
const CLAIMS_FROM = 'ipcheck:claim:';
const CLAIMS_TO = 'ipcheck:claim;';

/** The one SQL call this file makes past keyv: the SQLite adapter's own query function. */
interface SqlStore {
  query(sql: string, ...params: unknown[]): Promise<unknown>;
}

const timed = <T>(what: string, describe: string, p: Promise<T>): Promise<T> =>
  withDeadline(describe, what, OP_TIMEOUT_MS, p);

/** Startup failures of an SQLite store, with what to check when it is the file system's permissions. */
function notWritable(describe: string, err: unknown): IpcheckError {
  const msg = (err as Error).message;
  if (/SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|EACCES|EROFS|readonly/i.test(msg)) {
    const cause = msg.replace(/^the case store \([^)]*\) failed [^:]*: /, '');
    return new IpcheckError(
      'store_unavailable',
      `the case store (${describe}) is not writable (${cause}); ipcheck needs to write the file and its folder: check their owner and permissions`,
    );
  }
  return err instanceof IpcheckError ? err : new IpcheckError('store_unavailable', msg);
}

export class LocalKv implements Kv {
  readonly shared = false;
  private readonly mutex = new KeyedMutex();
  /** This process's mark on the leases it takes (see addMarker). */
  private readonly owner = randomUUID();
  private markerWrites = 0;
  private purging: Promise<unknown> | undefined;

  private constructor(
    private readonly keyv: Keyv,
    readonly describe: string,
    /** The SQLite adapter, for purging expired claims (none for memory://, which lives as long as a test). */
    private readonly sql?: SqlStore,
    private readonly readOnly = false,
    private readonly ownership?: StoreOwnership,
  ) {}

  static memory(): LocalKv {
    return new LocalKv(
      new Keyv({ store: new Map(), namespace: 'ipcheck', throwOnErrors: true }),
      'memory://',
    );
  }

  /** Opens (and creates, with its folder) an SQLite file, and checks it answers. */
  static async sqlite(path: string, opts: SqliteOpenOptions = {}): Promise<LocalKv> {
    const file = resolve(path);
    const describe = `sqlite://${file}`;
    try {
      await mkdir(dirname(file), { recursive: true });
    } catch (err) {
      throw new IpcheckError(
        'store_unavailable',
        `cannot create the folder for ${describe}: ${(err as Error).message}`,
      );
    }
    // The owner lock comes first: a second process is refused before it touches the file.
    let ownership: StoreOwnership | undefined;
    if (opts.owner && !opts.readOnly) {
      try {
        ownership = await claimStore(file, describe, opts.owner);
      } catch (err) {
        if (err instanceof StoreInUseError) throw err;
        // A folder that cannot be written shows here first (the lock sits beside the file).
        const msg = (err as Error).message;
        const e = notWritable(describe, new Error(`taking its owner lock: ${msg}`));
        throw e.message.includes(describe)
          ? e
          : new IpcheckError(
              'store_unavailable',
              `the case store (${describe}) failed taking its owner lock: ${msg}`,
            );
      }
    }
    const store = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 3000 });
    const keyv = new Keyv({ store, namespace: 'ipcheck', throwOnErrors: true });
    // keyv re-emits store errors; without a listener an 'error' event would crash the process.
    keyv.on('error', () => {});
    const kv = new LocalKv(keyv, describe, store as unknown as SqlStore, opts.readOnly === true, ownership);
    try {
      await timed('its first read', describe, keyv.get('meta:probe'));
      // Reads work on a read-only file (or in a folder SQLite cannot write its journal to); only the first
      // case write would fail, in front of a seller. A test write here fails at startup instead.
      if (!opts.readOnly) await timed('a test write', describe, keyv.set('meta:probe', Date.now()));
    } catch (err) {
      await keyv.disconnect().catch(() => {});
      await ownership?.release();
      throw notWritable(describe, err);
    }
    // What a long run before this one left behind (a purge that fails only leaves rows for the next one).
    await kv.purgeExpiredClaims().catch(() => {});
    return kv;
  }

  /**
   * Deletes up to PURGE_BATCH claim rows whose time is up (keyv keeps `expires`, in ms, in the row's JSON).
   * Returns how many went. Only expired rows: a claim still within its window is what stops a retry.
   */
  async purgeExpiredClaims(now = Date.now()): Promise<number> {
    // A read-only open never writes, purges included.
    if (!this.sql || this.readOnly) return 0;
    const sql = this.sql;
    const run = async () => {
      const rows = (await sql.query(
        `SELECT key FROM keyv WHERE key >= ? AND key < ? AND json_extract(value, '$.expires') < ? LIMIT ?`,
        CLAIMS_FROM,
        CLAIMS_TO,
        now,
        PURGE_BATCH,
      )) as { key: string }[];
      if (rows.length === 0) return 0;
      // Deleted only if still expired: a claim taken again meanwhile has a new `expires`.
      await sql.query(
        `DELETE FROM keyv WHERE key IN (SELECT value FROM json_each(?)) AND json_extract(value, '$.expires') < ?`,
        JSON.stringify(rows.map((r) => r.key)),
        now,
      );
      return rows.length;
    };
    return timed('purging expired claims', this.describe, run());
  }

  /** Every PURGE_EVERY marker writes, one purge in the background (never two at once, never awaited). */
  private notePurge(): void {
    if (!this.sql || ++this.markerWrites % PURGE_EVERY !== 0 || this.purging) return;
    this.purging = this.purgeExpiredClaims()
      .catch(() => {
        // The store failing here fails the next real operation too, with a clear message; rows just wait.
      })
      .finally(() => {
        this.purging = undefined;
      });
  }

  /** A read-only open (a command that only reads, beside the owner) never writes, whatever asks it to. */
  private writable(what: string): void {
    if (this.readOnly)
      throw new IpcheckError(
        'store_unavailable',
        `the case store (${this.describe}) is open read-only here; ${what} was refused`,
      );
  }

  get<T>(key: string): Promise<T | undefined> {
    return timed(`reading ${key}`, this.describe, this.keyv.get<T>(key));
  }

  async getMany<T>(keys: string[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    return timed('reading cases', this.describe, this.keyv.get<T>(keys));
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    this.writable(`writing ${key}`);
    await timed(`writing ${key}`, this.describe, this.keyv.set(key, value, ttlMs));
  }

  async delete(key: string): Promise<void> {
    this.writable(`deleting ${key}`);
    await timed(`deleting ${key}`, this.describe, this.keyv.delete(key));
  }

  addMarker(key: string, ttlMs: number): Promise<boolean> {
    this.notePurge();
    return this.mutex.run(`marker:${key}`, async () => {
      const held = await this.get<unknown>(key);
      if (held !== undefined && !this.leftByAnEarlierProcess(held)) return false;
      await this.set(key, { lease: this.owner }, ttlMs);
      return true;
    });
  }

  /**
   * One process owns a local store, so a lease (work in progress) written by another process was left by
   * one that died (kill -9, a crash): its work will never finish, and a retry may take it over at once
   * instead of being told "in progress" until the lease runs out. Done markers (`true`) always count.
   */
  private leftByAnEarlierProcess(held: unknown): boolean {
    return typeof held === 'object' && held !== null && (held as { lease?: unknown }).lease !== this.owner;
  }

  setMarker(key: string, ttlMs: number): Promise<void> {
    this.notePurge();
    return this.set(key, true, ttlMs);
  }

  deleteMarker(key: string): Promise<void> {
    return this.delete(key);
  }

  incr(key: string): Promise<number> {
    return this.mutex.run(`counter:${key}`, async () => {
      const next = ((await this.get<number>(key)) ?? 0) + 1;
      await this.set(key, next);
      return next;
    });
  }

  async count(key: string): Promise<number> {
    return (await this.get<number>(key)) ?? 0;
  }

  withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.mutex.run(`lock:${name}`, fn);
  }

  async close(): Promise<void> {
    await this.purging;
    try {
      await this.keyv.disconnect();
    } finally {
      await this.ownership?.release();
    }
  }
}
