// npm run bench: speed and memory figures, printed (never asserted in unit tests).
// Loops are bounded; Redis figures need the redis-server package and use a server on a free loopback port.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../app/clock.js';
import { loadContext } from '../app/load-context.js';
import { newCase } from '../core/case-state.js';
import type { Facts } from '../core/facts.js';
import { buildOutcome } from '../core/outcome.js';
import { runTurn } from '../core/turn.js';
import { LocalKv } from '../storage/local-kv.js';
import { openStores, type Stores, storesOn } from '../storage/open-store.js';

const clock = fixedClock('2026-11-28T10:00:00Z');
const rows: [string, string][] = [];
const report = (what: string, figure: string) => {
  rows.push([what, figure]);
  process.stdout.write(`${what.padEnd(58)} ${figure}\n`);
};
const perSec = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function timeIt(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return performance.now() - t0;
}

async function benchCore() {
  const ctx = await loadContext();
  const facts: Facts = {
    platform: 'aliexpress',
    listingId: '1005006123456789',
    notice: 'court_or_tro',
    listingIsOurs: 'yes',
    ipType: 'trademark',
    usesTheirIp: 'yes',
    rights: 'none',
    inventory: 'large_keep_selling',
    noticeDate: '2026-11-20',
  };
  const n = 5000;
  const ms = await timeIt(n, () => buildOutcome({ facts, details: {}, today: '2026-11-28' }, ctx));
  report(
    'decision + deadlines + drafts (buildOutcome)',
    `${perSec(n, ms)}  (${(ms / n).toFixed(3)} ms each)`,
  );

  const stores = storesOn(LocalKv.memory(), clock);
  const deps = { ctx, cases: stores.cases, reminders: stores.reminders, clock };
  const lines = [
    'got a trademark complaint on 1005006123456789, their logo is on the product',
    '1',
    'none',
    '2',
    'yesterday',
  ];
  const convs = 300;
  const t = await timeIt(convs, async (i) => {
    for (const text of lines)
      await runTurn(deps, {
        conversation: `c${i}`,
        who: 'bench',
        channel: 'bench',
        event: { type: 'text', text },
      });
  });
  report(
    'whole conversation, 5 turns, memory store',
    `${perSec(convs, t)} conversations  (${(t / convs / 5).toFixed(2)} ms per turn)`,
  );
}

async function benchStore(label: string, stores: Stores, cases: number) {
  const base = await stores.cases.create({
    conversation: 'bench',
    channel: 'bench',
    openedBy: 'bench',
    state: newCase(),
    now: clock.now(),
  });
  const updates = 1000;
  const append = (i: number) =>
    stores.cases.update(base.id, (r) => ({
      ...r,
      audit: [
        ...r.audit.slice(-20),
        { at: clock.now().toISOString(), who: 'bench', action: 'answer' as const, detail: `u${i}` },
      ],
    }));
  const seq = await timeIt(updates, append);
  report(`${label}: case updates, one at a time`, perSec(updates, seq));
  const t0 = performance.now();
  await Promise.all(Array.from({ length: updates }, (_, i) => append(i)));
  report(
    `${label}: case updates, 1000 at once on one case (locked)`,
    perSec(updates, performance.now() - t0),
  );

  const t1 = performance.now();
  for (let i = 0; i < cases; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, cases - i) }, (_, j) =>
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
  report(
    `${label}: create ${cases.toLocaleString('en-US')} open cases`,
    perSec(cases, performance.now() - t1),
  );
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t2 = performance.now();
  const open = await stores.cases.listOpen();
  report(
    `${label}: list ${open.length.toLocaleString('en-US')} open cases`,
    `${Math.round(performance.now() - t2)} ms`,
  );
  gc?.();
  // Measured while `open` is still referenced: the memory an instance needs to hold every open case's summary.
  const held = process.memoryUsage().heapUsed - heap0;
  report(
    `${label}: heap holding the ${open.length.toLocaleString('en-US')}-case list`,
    gc ? mb(held) : 'run with node --expose-gc to measure',
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

async function redisInfoMemory(port: number): Promise<number> {
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

async function main() {
  const cases = 10_000;
  process.stdout.write(`ipcheck bench (node ${process.version})\n\n`);
  await benchCore();

  const dir = await mkdtemp(join(tmpdir(), 'ipcheck-bench-'));
  const file = join(dir, 'bench.sqlite');
  const sqlite = await openStores(`sqlite://${file}`, clock);
  await benchStore('sqlite', sqlite, cases);
  await sqlite.close();
  report('sqlite: file size with 10,000 open cases', mb((await stat(file)).size));

  const port = await freePort();
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    {
      stdio: 'ignore',
    },
  );
  const failed = new Promise<'failed'>((r) => redis.once('error', () => r('failed')));
  let stores: Stores | undefined;
  for (let i = 0; i < 50 && !stores; i++) {
    if ((await Promise.race([failed, new Promise((r) => setTimeout(r, 100))])) === 'failed') break;
    stores = await openStores(`redis://127.0.0.1:${port}`, clock).catch(() => undefined);
  }
  if (stores) {
    const before = await redisInfoMemory(port);
    await benchStore('redis', stores, cases);
    report('redis: server memory for 10,000 open cases', mb((await redisInfoMemory(port)) - before));
    await stores.close();
  } else {
    report('redis', 'skipped: redis-server is not installed (apt-get install redis-server)');
  }
  redis.kill();
  await rm(dir, { recursive: true, force: true });
}

await main();
