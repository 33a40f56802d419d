import { afterEach, describe, expect, it } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { type Stores, storesOn } from '../../../src/adapters/storage/open-store.js';
import { type RunningTeams, startTeams } from '../../../src/channels/teams/app.js';
import { type FakeBotConnector, startFakeBotConnector } from '../../fakes/bot-connector.js';
import { SlowKv } from '../../fakes/slow-kv.js';
import { eventually } from '../slack/harness.js';
import { activity, TENANT, teamsBase, visible } from './harness.js';

// Teams answers each activity before its work runs (bot.ts), so without a bound every message of a flood
// was worked on at once, for as long as it took. The work now takes turns (at most `workLimit` at once)
// and at most `maxQueued` wait; a message past that is answered at once: busy, try again in a minute.

let connector: FakeBotConnector | undefined;
let running: RunningTeams | undefined;
let stores: Stores | undefined;

afterEach(async () => {
  await running?.stop();
  await connector?.stop();
  await stores?.close();
});

describe('Teams: a full line turns messages away, and says so', () => {
  it('works on at most workLimit + maxQueued messages and answers the others "busy, try again"', async () => {
    connector = await startFakeBotConnector();
    const base = await teamsBase();
    const kv = new SlowKv(LocalKv.memory());
    stores = storesOn(kv, base.clock);
    running = await startTeams(
      { port: 0, host: '127.0.0.1' },
      { ctx: base.ctx, stores, clock: base.clock, log: base.log },
      { reminderIntervalMs: 3_600_000, ownServer: true, workLimit: 1, maxQueued: 1 },
    );
    // The store stalls every case write until the test opens it: the first message's work stays running.
    let open = () => {};
    kv.writeGate = new Promise<void>((r) => {
      open = r;
    });
    const chats = Array.from({ length: 6 }, (_, i) => `a:personal-chat-${i}`);
    const post = (conversation: string, n = chats.indexOf(conversation)) =>
      fetch(`http://127.0.0.1:${running?.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          activity(connector?.serviceUrl as string, {
            conversation,
            text: `ipcheck B0C123456${n} trademark complaint`,
          }),
        ),
      });
    for (const c of chats) expect((await post(c)).status).toBe(200);
    // One working, one waiting; the other four were told at once.
    const busy = (c: string) =>
      (connector?.messages(c) ?? []).some((m) => visible(m).includes('try again in a minute'));
    await eventually(() => expect(chats.filter(busy)).toEqual(chats.slice(2)));
    expect(base.logs.filter((l) => l.includes('too many requests waiting'))).toHaveLength(1);
    open();
    kv.writeGate = undefined;
    // The two let in are done; the four turned away opened nothing.
    await running.inFlight.drain(20_000);
    expect((await stores.cases.listOpen()).map((c) => c.conversation).sort()).toEqual(
      chats.slice(0, 2).map((c) => `teams:${TENANT}:${c}`),
    );
    // A message sent again later is worked on as usual.
    expect((await post(chats[5] as string)).status).toBe(200);
    await running.inFlight.drain(20_000);
    expect((await stores.cases.listOpen()).length).toBe(3);
  }, 60_000);
});
