import { afterEach, describe, expect, it } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { type Stores, storesOn } from '../../../src/adapters/storage/open-store.js';
import { type RunningTeams, startTeams } from '../../../src/channels/teams/app.js';
import { type FakeBotConnector, startFakeBotConnector } from '../../fakes/bot-connector.js';
import { SlowKv } from '../../fakes/slow-kv.js';
import { activity, CHAT, teamsBase, visible } from './harness.js';

// Teams gives a bot 15 seconds to answer its HTTP request, and CloudAdapter answers only when the turn
// handler returns. So the handler claims the activity, sends a typing indicator and returns; the work
// runs after and replies through the conversation reference. These tests stall the store's case
// writes until the HTTP answer has arrived: the order of events shows who came first, no timing.

let connector: FakeBotConnector | undefined;
let running: RunningTeams | undefined;
let stores: Stores | undefined;

afterEach(async () => {
  await running?.stop();
  await connector?.stop();
  await stores?.close();
  running = undefined;
});

class FailingKv extends SlowKv {
  override async set(key: string, value: unknown, ttlMs?: number) {
    if (key.startsWith('case:')) throw new Error('disk I/O error at /var/lib/ipcheck');
    return super.set(key, value, ttlMs);
  }
}

async function start(kv: SlowKv) {
  connector = await startFakeBotConnector();
  const base = await teamsBase();
  stores = storesOn(kv, base.clock);
  running = await startTeams(
    { port: 0, host: '127.0.0.1' },
    { ctx: base.ctx, stores, clock: base.clock, log: base.log },
    { reminderIntervalMs: 3_600_000, ownServer: true },
  );
  const post = (text: string) =>
    fetch(`http://127.0.0.1:${running?.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(connector?.serviceUrl as string, { text })),
    });
  return { post, logs: base.logs };
}

/** A gate for the store's case writes: opened by the test, or after `ms` so a wrong order fails, not hangs. */
function gate(ms: number) {
  let open = () => {};
  const p = new Promise<void>((r) => {
    open = r;
    setTimeout(r, ms).unref();
  });
  return { p, open };
}

describe('Teams is answered before the work runs', () => {
  it('the HTTP answer comes before the reply, and the reply still arrives', async () => {
    const kv = new SlowKv(LocalKv.memory());
    const g = gate(10_000);
    kv.writeGate = g.p;
    const { post } = await start(kv);
    const events: string[] = [];
    const replied = connector?.waitFor(CHAT, 1).then((m) => {
      events.push('reply');
      return m;
    });
    const r = await post('ipcheck 1005006123456789');
    events.push(`http ${r.status}`);
    g.open();
    const msgs = (await replied) ?? [];
    expect(events).toEqual(['http 200', 'reply']);
    expect(connector?.typing).toContain(CHAT);
    expect(msgs.map(visible).join('\n')).toMatch(/1005006123456789/);
  }, 60_000);

  it('stopping waits for the work after the answer, so its reply is sent before the store closes', async () => {
    const kv = new SlowKv(LocalKv.memory());
    const g = gate(30_000);
    kv.writeGate = g.p;
    const { post } = await start(kv);
    expect((await post('ipcheck 1005006123456789')).status).toBe(200);
    expect(running?.inFlight.size).toBeGreaterThan(0);
    const stopped = running?.stop();
    g.open();
    await stopped;
    expect(connector?.messages(CHAT).length).toBeGreaterThan(0);
  }, 60_000);

  it('an error in the work reaches the user as a clear message and the log, not an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { post, logs } = await start(new FailingKv(LocalKv.memory()));
      expect((await post('ipcheck 1005006123456789')).status).toBe(200);
      const msgs = (await connector?.waitFor(CHAT, 1)) ?? [];
      await running?.inFlight.drain(30_000);
      expect(msgs.map(visible).join('\n')).toMatch(
        /Something went wrong on my side, and nothing was changed/,
      );
      expect(logs.join('\n')).toMatch(/teams: message in .* failed: disk I\/O error/);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  }, 60_000);
});
