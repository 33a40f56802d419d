import type { ChildProcess } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Stores } from '../../../src/adapters/storage/open-store.js';
import type { CaseRecord } from '../../../src/domain/model/case-record.js';
import type { IpcheckError } from '../../../src/domain/model/errors.js';
import { freePort, spawnRedis } from '../../helpers/redis-server.js';
import { expectIpcheckError, newCaseInput, sleep, T0, useStores } from './harness.js';

// A store that is down or stuck must give a clear store_unavailable within seconds, never a hang, and
// must not lose what was saved. Timing is checked loosely; the error and the data are what matter.

const h = useStores();
const FAST_MS = 6000;

// --- redis-server processes this file controls directly (stop, stall, restart on the same port) ------

const procs = new Set<ChildProcess>();
/** The servers' working folders, removed after the file (awaited, once their servers are gone). */
const dirs = new Set<string>();

async function redisOn(port: number, extra: string[] = []): Promise<ChildProcess> {
  const { proc, dir } = await spawnRedis(port, extra);
  procs.add(proc);
  dirs.add(dir);
  proc.once('exit', () => {
    procs.delete(proc);
  });
  return proc;
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGCONT');
  proc.kill('SIGTERM');
  await gone;
}

const servers = new Set<Server>();
const openSockets = new Set<Socket>();

afterAll(async () => {
  for (const s of openSockets) s.destroy();
  for (const srv of servers) srv.close();
  await Promise.all(
    [...procs].map((p) => {
      const gone = new Promise((r) => p.once('exit', r));
      p.kill('SIGCONT');
      p.kill('SIGKILL');
      return gone;
    }),
  );
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function eventually<T>(what: string, f: () => Promise<T>, withinMs = 5000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await f();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what} did not recover within ${withinMs} ms: ${err}`);
      await sleep(100);
    }
  }
}

function expectUnavailable(err: IpcheckError, address: string): void {
  expect(err.code).toBe('store_unavailable');
  expect(err.message).toContain(address);
}

describe('a Redis store that is down or stuck', () => {
  it('fails fast and names the address when nothing listens there', async () => {
    const port = await freePort();
    const { err, elapsedMs } = await expectIpcheckError(h.open(`redis://127.0.0.1:${port}`));
    expectUnavailable(err, `127.0.0.1:${port}`);
    expect(err.message).toContain('cannot connect to the case store');
    expect(elapsedMs).toBeLessThan(FAST_MS);
  });

  it('fails at startup naming the address when the server is read-only (a replica)', async () => {
    // A replica of a primary that is not there: it answers reads, and refuses every write.
    const port = await freePort();
    const proc = await redisOn(port, ['--replicaof', '127.0.0.1', String(await freePort())]);
    const { err, elapsedMs } = await expectIpcheckError(h.open(`redis://127.0.0.1:${port}`));
    expectUnavailable(err, `127.0.0.1:${port}`);
    expect(err.message).toMatch(/is not writable \(READONLY/);
    expect(elapsedMs).toBeLessThan(FAST_MS);
    await stop(proc);
  });

  it('gives up within seconds on a server that accepts but never answers', async () => {
    const srv = createServer((sock) => {
      openSockets.add(sock);
    });
    servers.add(srv);
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const addr = srv.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const { err, elapsedMs } = await expectIpcheckError(h.open(`redis://127.0.0.1:${port}`));
    expectUnavailable(err, `127.0.0.1:${port}`);
    expect(elapsedMs).toBeLessThan(FAST_MS);
  });

  it('reports every operation as store_unavailable once redis-server stops, and recovers when it is back', async () => {
    const port = await freePort();
    const address = `127.0.0.1:${port}`;
    let proc = await redisOn(port);
    const stores = await h.open(`redis://${address}`);
    const rec = await stores.cases.create(newCaseInput(1));
    await stop(proc);

    const calls: [string, () => Promise<unknown>][] = [
      ['get', () => stores.cases.get(rec.id)],
      ['update', () => stores.cases.update(rec.id, (cur) => ({ ...cur, channel: 'changed' }))],
      ['create', () => stores.cases.create(newCaseInput(2))],
      ['byConversation', () => stores.cases.byConversation('conv-1')],
      ['listOpen', () => stores.cases.listOpen()],
      ['claim', () => stores.claims.claim('slack:Ev1', 60_000)],
      ['schedule', () => stores.reminders.schedule({ id: 'r', caseId: rec.id, at: T0, text: 't' })],
      ['due', () => stores.reminders.due(new Date(T0))],
    ];
    for (const [name, call] of calls) {
      const { err, elapsedMs } = await expectIpcheckError(call());
      expect(err.code, name).toBe('store_unavailable');
      expect(err.message, name).toContain(address);
      expect(elapsedMs, name).toBeLessThan(FAST_MS);
    }

    // redis-server comes back on the same address (empty: the test server keeps nothing on disk).
    proc = await redisOn(port);
    const again = await eventually('create', () => stores.cases.create(newCaseInput(3)));
    expect(again.id).toMatch(/^IPC-\d{4}$/);
    expect((await stores.cases.get(again.id))?.openedBy).toBe('U3');
    await h.close(stores);
    await stop(proc);
  });

  it('closes without hanging while the server is down', async () => {
    const port = await freePort();
    const proc = await redisOn(port);
    const stores = await h.open(`redis://127.0.0.1:${port}`);
    await stop(proc);
    const started = Date.now();
    await h.close(stores);
    expect(Date.now() - started).toBeLessThan(FAST_MS);
  });

  it('times out on a stalled server, and leaves no stray lock behind once it answers again', async () => {
    const port = await freePort();
    const address = `127.0.0.1:${port}`;
    const proc = await redisOn(port);
    const stores = await h.open(`redis://${address}`);
    const rec = await stores.cases.create(newCaseInput(1));

    proc.kill('SIGSTOP');
    const read = await expectIpcheckError(stores.cases.get(rec.id));
    expectUnavailable(read.err, address);
    expect(read.elapsedMs).toBeLessThan(FAST_MS);
    const write = await expectIpcheckError(stores.cases.update(rec.id, (cur) => ({ ...cur, channel: 'x' })));
    expectUnavailable(write.err, address);
    expect(write.elapsedMs).toBeLessThan(FAST_MS);
    proc.kill('SIGCONT');

    // The lock request that timed out ran once Redis woke up; it must not keep the case locked.
    const next = await stores.cases.update(rec.id, (cur) => ({ ...cur, channel: 'after' }));
    expect(next.channel).toBe('after');
    expect(next.version).toBe(2);
    await h.close(stores);
    await stop(proc);
  });

  it('does not hang when the server stalls in the middle of an update', async () => {
    const port = await freePort();
    const address = `127.0.0.1:${port}`;
    const proc = await redisOn(port);
    const stores = await h.open(`redis://${address}`);
    const rec = await stores.cases.create(newCaseInput(1));
    // Safety net so a regression fails on the timing below instead of hanging the suite.
    const wake = setTimeout(() => proc.kill('SIGCONT'), 15_000);
    try {
      const { err, elapsedMs } = await expectIpcheckError(
        stores.cases.update(rec.id, (cur) => {
          proc.kill('SIGSTOP'); // the lock is held and the record read; the write (and unlock) now stall
          return { ...cur, channel: 'mid' };
        }),
      );
      expectUnavailable(err, address);
      // One timed-out write plus one timed-out unlock (3 s each), not "as long as Redis stalls".
      expect(elapsedMs).toBeLessThan(9000);
    } finally {
      clearTimeout(wake);
      proc.kill('SIGCONT');
    }
    // Whatever landed, the case is whole and readable, and the next update goes through.
    const now = (await stores.cases.get(rec.id)) as CaseRecord;
    expect([1, 2]).toContain(now.version);
    const next = await stores.cases.update(rec.id, (cur) => ({ ...cur, channel: 'later' }));
    expect(next.version).toBe(now.version + 1);
    await h.close(stores);
    await stop(proc);
  }, 30_000);
});

describe('an SQLite store that cannot be used', () => {
  it('fails fast naming the path when its folder cannot be created (under a regular file)', async () => {
    const blocker = join(h.dir, 'not-a-folder');
    await writeFile(blocker, 'just a file');
    const file = join(blocker, 'data', 'ipcheck.sqlite');
    const { err, elapsedMs } = await expectIpcheckError(h.open(`sqlite://${file}`));
    expectUnavailable(err, file);
    expect(elapsedMs).toBeLessThan(FAST_MS);
  });

  it('fails fast naming the path when the path is a folder', async () => {
    const { err, elapsedMs } = await expectIpcheckError(h.open(`sqlite://${h.dir}`));
    expectUnavailable(err, h.dir);
    expect(elapsedMs).toBeLessThan(FAST_MS);
  });

  it('fails fast naming the path when the file is not an SQLite database', async () => {
    const file = join(h.dir, 'garbage.sqlite');
    await writeFile(file, 'this is not a database, just some text that is long enough '.repeat(20));
    const { err, elapsedMs } = await expectIpcheckError(h.open(`sqlite://${file}`));
    expectUnavailable(err, file);
    expect(elapsedMs).toBeLessThan(FAST_MS);
  });

  it('keeps the previous record when a write fails (file locked by another writer)', async () => {
    const url = h.url('sqlite');
    const file = url.slice('sqlite://'.length);
    const stores: Stores = await h.open(url);
    const rec = await stores.cases.create(newCaseInput(1));
    const v2 = await stores.cases.update(rec.id, (cur) => ({ ...cur, channel: 'kept' }));

    // Another connection takes the write lock and keeps it: our write cannot land.
    const other = new sqlite3.Database(file);
    const exec = (sql: string) =>
      new Promise<void>((res, rej) => other.exec(sql, (e: Error | null) => (e ? rej(e) : res())));
    await exec('BEGIN IMMEDIATE');
    try {
      const { err, elapsedMs } = await expectIpcheckError(
        stores.cases.update(rec.id, (cur) => ({ ...cur, channel: 'lost' })),
      );
      expectUnavailable(err, file);
      expect(elapsedMs).toBeLessThan(FAST_MS);
      // Reading still works while writes are blocked, and shows the record as it was.
      expect(await stores.cases.get(rec.id)).toEqual(v2);
    } finally {
      await exec('ROLLBACK');
      await new Promise<void>((res) => other.close(() => res()));
    }
    expect(await stores.cases.get(rec.id)).toEqual(v2);
    // After a restart too.
    await h.close(stores);
    const reopened = await h.open(url);
    expect(await reopened.cases.get(rec.id)).toEqual(v2);
    const v3 = await reopened.cases.update(rec.id, (cur) => ({ ...cur, channel: 'next' }));
    expect(v3.version).toBe(3);
  }, 20_000);

  it('keeps the previous record when the change fails midway, across a restart', async () => {
    const url = h.url('sqlite');
    const stores = await h.open(url);
    const rec = await stores.cases.create(newCaseInput(1));
    const v2 = await stores.cases.update(rec.id, (cur) => ({
      ...cur,
      audit: [...cur.audit, { at: T0, who: 'U1', action: 'answer', detail: 'kept' }],
    }));
    await expect(
      stores.cases.update(rec.id, (cur) => {
        cur.audit.push({ at: T0, who: 'U1', action: 'draft_sent', detail: 'never sent' });
        throw new Error('boom in the middle');
      }),
    ).rejects.toThrow('boom in the middle');
    await h.close(stores);
    const reopened = await h.open(url);
    const after = (await reopened.cases.get(rec.id)) as CaseRecord;
    expect(after).toEqual(v2);
    expect(after.version).toBe(2);
    expect(after.audit.map((e) => e.detail)).toEqual(['in test', 'kept']);
  });
});
