import { randomUUID } from 'node:crypto';
import KeyvRedis, { createClient } from '@keyv/redis';
import Keyv from 'keyv';
import { IpcheckError } from '../../domain/model/errors.js';
import { type Kv, redactUrl, withDeadline } from './kv.js';
import { KeyedMutex } from './mutex.js';

// Redis lets several ipcheck instances share cases. Values go through keyv; the atomic operations keyv
// lacks use the adapter's Redis client directly: SET NX PX (claims and locks), INCR (case ids), and a
// compare-and-delete script so a lock is only released by its owner.

const OP_TIMEOUT_MS = 3000;
const CONNECT_TIMEOUT_MS = 2000;
const LOCK_TTL_MS = 10_000;
const LOCK_WAIT_MS = 5000;
const RAW_PREFIX = 'ipcheck:';
// Each instance says it is alive (alive:<owner>, refreshed every ALIVE_EVERY_MS, gone ALIVE_TTL_MS after
// its last refresh). A lease (work in progress) names its owner, so once that instance is dead (kill -9, a
// crash, a lost machine) another may take the work over after seconds instead of waiting out the lease
// (2-5 minutes), which left "a case is being opened right now" for minutes after a restart.
const ALIVE_TTL_MS = 10_000;
const ALIVE_EVERY_MS = 2_000;
const ALIVE_PREFIX = `${RAW_PREFIX}alive:`;

const RELEASE_LOCK =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

// Set-if-absent for markers, where a lease whose owner is no longer alive counts as absent. A done marker
// ('1') and a lease of a live instance stay. ARGV: owner, ttl ms, the alive-key prefix.
const ADD_MARKER = `
local held = redis.call('GET', KEYS[1])
if held then
  if string.sub(held, 1, 6) ~= 'lease:' then return 0 end
  if redis.call('EXISTS', ARGV[3] .. string.sub(held, 7)) == 1 then return 0 end
end
redis.call('SET', KEYS[1], 'lease:' .. ARGV[1], 'PX', ARGV[2])
return 1`;

/** The few client calls this file makes (node-redis's generic client type is unwieldy). */
interface Client {
  sendCommand(args: string[]): Promise<unknown>;
  close(): Promise<unknown>;
  destroy(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RedisKv implements Kv {
  readonly shared = true;
  private readonly mutex = new KeyedMutex();
  /** This instance's mark on the leases it takes, and the name of its alive key. */
  private readonly owner = randomUUID();
  private heartbeat: NodeJS.Timeout | undefined;

  private constructor(
    private readonly client: Client,
    private readonly keyv: Keyv,
    readonly describe: string,
  ) {}

  /** Says this instance is alive now, and every ALIVE_EVERY_MS until close (a failed beat is retried next time). */
  private async startHeartbeat(): Promise<void> {
    const beat = () =>
      this.timed(
        'saying this instance is alive',
        this.raw(['SET', `${ALIVE_PREFIX}${this.owner}`, '1', 'PX', String(ALIVE_TTL_MS)]),
      );
    await beat();
    this.heartbeat = setInterval(() => {
      beat().catch(() => {});
    }, ALIVE_EVERY_MS);
    // The heartbeat alone never keeps the process running.
    this.heartbeat.unref();
  }

  /** Connects, or fails within seconds with the (password-free) address and the reason. */
  static async connect(url: string): Promise<RedisKv> {
    const describe = redactUrl(url);
    let ready = false;
    const client = createClient({
      url,
      // Commands fail at once while disconnected instead of queueing forever (a dead Redis must not hang a turn).
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        // The first connection fails fast; once running, reconnect with a short backoff.
        reconnectStrategy: (retries: number) => (ready ? Math.min(100 * 2 ** retries, 2000) : false),
      },
    });
    // node-redis emits 'error' on every failed (re)connect; unhandled, that would crash the process.
    client.on('error', () => {});
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.connect(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS} ms`)),
            CONNECT_TIMEOUT_MS + 500,
          );
        }),
      ]);
    } catch (err) {
      try {
        client.destroy();
      } catch {
        // Already closed by the failed connect; nothing left to release.
      }
      throw new IpcheckError(
        'store_unavailable',
        `cannot connect to the case store (${describe}): ${(err as Error).message || (err as Error).name}`,
      );
    } finally {
      clearTimeout(timer);
    }
    // A read-only server (a replica, or one refusing writes for lack of disk or memory) answers reads;
    // only the first case write would fail, in front of a seller. A test write fails at startup instead.
    try {
      await withDeadline(
        describe,
        'a test write',
        OP_TIMEOUT_MS,
        client.sendCommand(['SET', `${RAW_PREFIX}meta:probe`, String(Date.now()), 'PX', '60000']),
      );
    } catch (err) {
      client.destroy();
      const msg = (err as Error).message.replace(/^the case store \([^)]*\) failed [^:]*: /, '');
      throw new IpcheckError(
        'store_unavailable',
        /READONLY|MISCONF|OOM|NOPERM/.test(msg)
          ? `the case store (${describe}) is not writable (${msg}); point IPCHECK_STORE_URL at a writable Redis primary`
          : `the case store (${describe}) failed a test write: ${msg}`,
      );
    }
    ready = true;
    // The adapter's generic client type is wider than createClient's default one; same runtime object.
    const adapter = new KeyvRedis(client as unknown as ConstructorParameters<typeof KeyvRedis>[0], {
      namespace: 'ipcheck',
      throwOnErrors: true,
      throwOnConnectError: true,
    });
    const keyv = new Keyv({ store: adapter, namespace: 'ipcheck', throwOnErrors: true });
    keyv.on('error', () => {});
    const kv = new RedisKv(client, keyv, describe);
    await kv.startHeartbeat();
    return kv;
  }

  private timed<T>(what: string, p: Promise<T>): Promise<T> {
    return withDeadline(this.describe, what, OP_TIMEOUT_MS, p);
  }

  private raw(args: string[]): Promise<unknown> {
    return this.client.sendCommand(args);
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.timed(`reading ${key}`, this.keyv.get<T>(key));
  }

  async getMany<T>(keys: string[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    return this.timed('reading cases', this.keyv.get<T>(keys));
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.timed(`writing ${key}`, this.keyv.set(key, value, ttlMs));
  }

  async delete(key: string): Promise<void> {
    await this.timed(`deleting ${key}`, this.keyv.delete(key));
  }

  async addMarker(key: string, ttlMs: number): Promise<boolean> {
    const r = await this.timed(
      `claiming ${key}`,
      this.raw([
        'EVAL',
        ADD_MARKER,
        '1',
        `${RAW_PREFIX}mark:${key}`,
        this.owner,
        String(ttlMs),
        ALIVE_PREFIX,
      ]),
    );
    return Number(r) === 1;
  }

  async setMarker(key: string, ttlMs: number): Promise<void> {
    await this.timed(
      `marking ${key}`,
      this.raw(['SET', `${RAW_PREFIX}mark:${key}`, '1', 'PX', String(ttlMs)]),
    );
  }

  async deleteMarker(key: string): Promise<void> {
    await this.timed(`releasing ${key}`, this.raw(['DEL', `${RAW_PREFIX}mark:${key}`]));
  }

  async incr(key: string): Promise<number> {
    return Number(await this.timed(`counting ${key}`, this.raw(['INCR', `${RAW_PREFIX}count:${key}`])));
  }

  async count(key: string): Promise<number> {
    return Number((await this.timed(`reading ${key}`, this.raw(['GET', `${RAW_PREFIX}count:${key}`]))) ?? 0);
  }

  /** In-process queue first (no busy-waiting between our own callers), then the Redis lock across instances. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.mutex.run(name, async () => {
      const key = `${RAW_PREFIX}lock:${name}`;
      const token = randomUUID();
      const deadline = Date.now() + LOCK_WAIT_MS;
      const release = () => this.raw(['EVAL', RELEASE_LOCK, '1', key, token]);
      for (let attempt = 0; ; attempt++) {
        let r: unknown;
        try {
          r = await this.timed(
            `locking ${name}`,
            this.raw(['SET', key, token, 'NX', 'PX', String(LOCK_TTL_MS)]),
          );
        } catch (err) {
          // A SET that timed out (Redis stalled) still runs once Redis answers again, leaving a lock nobody
          // releases: every writer to this case was then refused as busy until LOCK_TTL_MS ran out. Commands
          // on one connection run in order, so a release sent now runs right after it.
          release().catch(() => {});
          throw err;
        }
        if (r === 'OK') break;
        if (Date.now() > deadline)
          throw new IpcheckError('store_busy', `${name} stayed locked for ${LOCK_WAIT_MS} ms`);
        await sleep(Math.min(5 * 2 ** attempt, 50) + Math.random() * 10);
      }
      try {
        return await fn();
      } finally {
        // Timed like every other command: an untimed release hung the caller (and everyone queued behind it
        // on this case) for as long as Redis stalled.
        await this.timed(`unlocking ${name}`, release()).catch(() => {
          // The lock expires by itself after LOCK_TTL_MS; a failed release only delays the next writer.
        });
      }
    });
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    // Everything this instance ran has finished by now (the caller drained it): no lease of ours is left
    // that another instance should wait for.
    await this.timed('closing', this.raw(['DEL', `${ALIVE_PREFIX}${this.owner}`])).catch(() => {});
    try {
      await this.client.close();
    } catch {
      this.client.destroy();
    }
  }
}
