import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { messageEvent } from '../../fakes/slack-signing.js';
import { freePort, type RedisProcess, spawnRedis } from '../../helpers/redis-server.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { CHANNEL, eventually, SELLER, type SlackHarness } from './harness.js';
import { openByCommand, startClean, ui } from './harness-extra.js';

// Redis stops in the middle of a conversation and comes back (same address, same data on disk): the
// seller is told plainly that nothing was changed, nothing saved is lost, and the next message works.

let h: SlackHarness | undefined;
let redis: RedisProcess | undefined;
let stores: Stores | undefined;
afterEach(async () => {
  await h?.stop();
  await stores?.close().catch(() => {});
  if (redis && !redis.exited()) {
    const gone = new Promise((r) => redis?.proc.once('exit', r));
    redis.proc.kill('SIGTERM');
    await gone;
  }
  if (redis) await rm(redis.dir, { recursive: true, force: true });
  h = undefined;
  redis = undefined;
  stores = undefined;
});

/** redis-server keeping its data in `dir` (append-only file, written on every change). */
const persistent = (port: number, dir: string) =>
  spawnRedis(port, ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir]);

async function stopRedis(r: RedisProcess): Promise<void> {
  const gone = new Promise((res) => r.proc.once('exit', res));
  r.proc.kill('SIGTERM');
  await gone;
}

describe('Slack on Redis: the store stops mid-conversation and comes back', () => {
  it('tells the seller nothing was changed, loses nothing, and the next message works', async () => {
    const port = await freePort();
    const dir = await tempDir('redis-data');
    redis = await persistent(port, dir);
    stores = await openStores(`redis://127.0.0.1:${port}`, fixedClock('2026-11-28T10:00:00Z'));
    h = await startClean({ stores });
    const harness = h;
    const root = await openByCommand(harness, 'B0C1234567 their logo is on it');
    await eventually(() => expect(ui(harness).threadText(root)).toMatch(/\?/));
    const before = await stores.cases.get('IPC-0001');
    expect(before?.state.facts).toMatchObject({ listingId: 'B0C1234567', usesTheirIp: 'yes' });

    await stopRedis(redis);
    // spawnRedis made a working folder for this server too (the data is in `dir`): removed now.
    await rm(redis.dir, { recursive: true, force: true });
    const say = (text: string) =>
      harness.event(messageEvent({ text, user: SELLER, channel: CHANNEL, thread_ts: root }));
    const seen = ui(harness).threadOf(root).length;
    expect(await say('we got court papers, a TRO')).toBe(200);
    await eventually(
      () =>
        expect(ui(harness).threadText(root)).toContain(
          'I cannot reach the case store right now, so nothing was changed. Nothing already saved is lost',
        ),
      10_000,
    );
    expect(ui(harness).threadOf(root).length).toBe(seen + 1);

    redis = await persistent(port, dir);
    // The client reconnects on its own; the seller just says it again.
    await eventually(async () => expect(await stores?.cases.get('IPC-0001')).toBeDefined(), 10_000);
    expect(await say('we got court papers, a TRO')).toBe(200);
    await eventually(async () =>
      expect((await stores?.cases.get('IPC-0001'))?.state.facts.notice).toBe('court_or_tro'),
    );
    const after = await stores.cases.get('IPC-0001');
    // Everything from before the outage is still there, and the answer was applied once.
    expect(after?.state.facts).toMatchObject({ listingId: 'B0C1234567', usesTheirIp: 'yes' });
    expect(after?.audit.filter((e) => e.detail?.startsWith('notice=court_or_tro'))).toHaveLength(1);
    expect(after?.audit.length).toBe((before?.audit.length ?? 0) + 1);
    expect(await stores.cases.listOpen()).toHaveLength(1);
    await eventually(() => expect(ui(harness).threadOf(root).length).toBeGreaterThan(seen + 1));
  }, 60_000);
});
