// Case-store update rate and the memory 10,000 open cases take, on a SQLite file and on a real
// redis-server started on a free loopback port (skipped, and said so, when redis-server is not installed).

import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStores, type Stores } from '../adapters/storage/open-store.js';
import { fixedClock } from '../boot/clock.js';
import { newCase } from '../domain/model/case-state.js';
import { fmtRate, mb, perSec, type Report, timeIt } from './report.js';

const clock = fixedClock('2026-11-28T10:00:00Z');
const OPEN_CASES = 10_000;
const UPDATES = 1000;
const SQLITE_CREATE_BUDGET_MS = 60_000;

/**
 * `budgetMs` bounds the 10,000 creates: an SQLite write is a committed, synced transaction, and on a busy
 * disk they can crawl; the run then reports how many it made in the time (and lists those).
 */
async function benchStore(
  report: Report,
  label: string,
  stores: Stores,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<void> {
  const base = await stores.cases.create({
    conversation: 'bench',
    channel: 'bench',
    openedBy: 'bench',
    state: newCase(),
    now: clock.now(),
  });
  const append = (i: number) =>
    stores.cases.update(base.id, (r) => ({
      ...r,
      audit: [
        ...r.audit.slice(-20),
        { at: clock.now().toISOString(), who: 'bench', action: 'answer' as const, detail: `u${i}` },
      ],
    }));
  const seq = await timeIt(UPDATES, append);
  report(`${label}: case updates, one at a time`, fmtRate(UPDATES, seq), { per_s: perSec(UPDATES, seq) });
  const t0 = performance.now();
  await Promise.all(Array.from({ length: UPDATES }, (_, i) => append(i)));
  const par = performance.now() - t0;
  report(`${label}: case updates, ${UPDATES} at once on one case (locked)`, fmtRate(UPDATES, par), {
    per_s: perSec(UPDATES, par),
  });

  const t1 = performance.now();
  let made = 0;
  for (let i = 0; i < OPEN_CASES && performance.now() - t1 < budgetMs; i += 250) {
    made += Math.min(250, OPEN_CASES - i);
    await Promise.all(
      Array.from({ length: Math.min(250, OPEN_CASES - i) }, (_, j) =>
        stores.cases.create({
          conversation: `open-${i + j}`,
          channel: 'bench',
          openedBy: 'bench',
          state: newCase(),
          now: clock.now(),
        }),
      ),
    );
  }
  const created = performance.now() - t1;
  const what =
    made < OPEN_CASES
      ? `${made.toLocaleString('en-US')} of ${OPEN_CASES.toLocaleString('en-US')} (stopped at the ${Math.round(budgetMs / 1000)} s budget)`
      : OPEN_CASES.toLocaleString('en-US');
  report(`${label}: create ${what} open cases`, fmtRate(made, created), {
    per_s: perSec(made, created),
    cases: made,
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t2 = performance.now();
  const open = await stores.cases.listOpen();
  const listMs = performance.now() - t2;
  report(`${label}: list ${open.length.toLocaleString('en-US')} open cases`, `${Math.round(listMs)} ms`, {
    ms: listMs,
    cases: open.length,
  });
  gc?.();
  // Measured while `open` is still referenced: the memory an instance needs to hold every open case's summary.
  const held = process.memoryUsage().heapUsed - heap0;
  report(
    `${label}: heap holding the ${open.length.toLocaleString('en-US')}-case list`,
    gc ? mb(held) : 'run with node --expose-gc to measure',
    gc ? { bytes: held } : {},
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function redisUsedMemory(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = new Socket();
    let buf = '';
    s.on('data', (d) => {
      buf += d.toString();
      const m = /used_memory:(\d+)/.exec(buf);
      if (m?.[1]) {
        s.destroy();
        resolve(Number(m[1]));
      }
    });
    s.on('error', reject);
    s.connect(port, '127.0.0.1', () => s.write('INFO memory\r\n'));
  });
}

export async function benchStores(report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ipcheck-bench-'));
  try {
    const file = join(dir, 'bench.sqlite');
    const sqlite = await openStores(`sqlite://${file}`, clock);
    await benchStore(report, 'sqlite', sqlite, SQLITE_CREATE_BUDGET_MS);
    const held = (await sqlite.cases.listOpen()).length;
    await sqlite.close();
    const size = (await stat(file)).size;
    report(`sqlite: file size with ${held.toLocaleString('en-US')} open cases`, mb(size), {
      bytes: size,
      cases: held,
    });

    const port = await freePort();
    const redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    );
    const failed = new Promise<'failed'>((r) => redis.once('error', () => r('failed')));
    let stores: Stores | undefined;
    try {
      for (let i = 0; i < 50 && !stores; i++) {
        if ((await Promise.race([failed, new Promise((r) => setTimeout(r, 100))])) === 'failed') break;
        stores = await openStores(`redis://127.0.0.1:${port}`, clock).catch(() => undefined);
      }
      if (stores) {
        const before = await redisUsedMemory(port);
        await benchStore(report, 'redis', stores);
        const used = (await redisUsedMemory(port)) - before;
        report(`redis: server memory for ${OPEN_CASES.toLocaleString('en-US')} open cases`, mb(used), {
          bytes: used,
        });
        await stores.close();
      } else {
        report('redis', 'skipped: redis-server is not installed (apt-get install redis-server)');
      }
    } finally {
      redis.kill();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
