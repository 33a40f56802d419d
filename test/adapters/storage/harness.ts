import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openStores, type Stores } from '../../../src/adapters/storage/open-store.js';
import type { NewCase } from '../../../src/app/ports.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { type CaseState, newCase } from '../../../src/domain/model/case-state.js';
import { IpcheckError } from '../../../src/domain/model/errors.js';
import type { Facts } from '../../../src/domain/model/facts.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';

// Shared set-up for the storage suites: every backend-agnostic suite runs against all three stores —
// process memory, a real SQLite file in a temp folder, and a real redis-server on a free loopback port.

export const KINDS = ['memory', 'sqlite', 'redis'] as const;
export type Kind = (typeof KINDS)[number];

export const T0 = '2026-11-28T10:00:00.000Z';

export function stateWith(facts: Facts = {}): CaseState {
  return { ...newCase(), facts };
}

export function newCaseInput(n: number | string, facts: Facts = {}, now = new Date(T0)): NewCase {
  return { conversation: `conv-${n}`, channel: 'test', openedBy: `U${n}`, state: stateWith(facts), now };
}

/** Runs `p` expecting an IpcheckError; returns it (and how long the call took) for closer checks. */
export async function expectIpcheckError(
  p: Promise<unknown>,
): Promise<{ err: IpcheckError; elapsedMs: number }> {
  const started = Date.now();
  try {
    await p;
  } catch (err) {
    if (!(err instanceof IpcheckError)) throw err;
    return { err, elapsedMs: Date.now() - started };
  }
  throw new Error('expected an IpcheckError, but the call succeeded');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Harness {
  readonly clock: ReturnType<typeof fixedClock>;
  /** The temp folder for this file (removed after the file). */
  readonly dir: string;
  readonly redis: RedisServer;
  /** A store address: a new SQLite file on each call, the shared (emptied per test) Redis, or memory. */
  url(kind: Kind): string;
  /** Opens stores at a kind's fresh address or at a given URL; closed after the test if still open. */
  open(kindOrUrl: Kind | string): Promise<Stores>;
  /** Closes stores opened with `open` (idempotent). */
  close(stores: Stores): Promise<void>;
}

/** Registers the hooks (Redis started once per file and emptied before each test, temp dir) and returns the harness. */
export function useStores(): Harness {
  let redis: RedisServer | undefined;
  let dir: string | undefined;
  let files = 0;
  const opened = new Set<Stores>();
  const clock = fixedClock(T0);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipcheck-storage-'));
    redis = await startRedis();
  });

  beforeEach(async () => {
    clock.set(T0);
    if (!redis) return;
    const client = createClient({ url: redis.url });
    client.on('error', () => {});
    await client.connect();
    await client.sendCommand(['FLUSHALL']);
    await client.close();
  });

  afterEach(async () => {
    for (const s of opened) await s.close().catch(() => {});
    opened.clear();
  });

  afterAll(async () => {
    await redis?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const h: Harness = {
    clock,
    get dir() {
      if (!dir) throw new Error('harness not started');
      return dir;
    },
    get redis() {
      if (!redis) throw new Error('harness not started');
      return redis;
    },
    url(kind) {
      if (kind === 'memory') return 'memory://';
      if (kind === 'sqlite') return `sqlite://${join(h.dir, `cases-${++files}.sqlite`)}`;
      return h.redis.url;
    },
    async open(kindOrUrl) {
      const url = (KINDS as readonly string[]).includes(kindOrUrl) ? h.url(kindOrUrl as Kind) : kindOrUrl;
      const stores = await openStores(url, clock);
      opened.add(stores);
      return stores;
    },
    async close(stores) {
      if (!opened.delete(stores)) return;
      await stores.close();
    },
  };
  return h;
}
