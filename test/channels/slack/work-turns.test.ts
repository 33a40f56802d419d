import { afterEach, describe, expect, it } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { storesOn } from '../../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { makeLogger } from '../../../src/channels/shared/logger.js';
import { type RunningSlack, startSlack } from '../../../src/channels/slack/app.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/slack-api.js';
import { postToBolt, slashCommandBody } from '../../fakes/slack-signing.js';
import { testContext } from '../../helpers/context.js';
import { eventually } from './harness.js';

// Under a burst, every request is acked at once and its work waits for a turn (shared/work-gate.ts): here one turn
// at a time, and the first case's message takes 3 s to post, so the other four are acked while it runs.

const SECRET = 'work-turns-signing-secret-0001';
let api: FakeSlackApi | undefined;
let running: RunningSlack | undefined;
afterEach(async () => {
  await running?.stop();
  await api?.close();
});

describe('Slack: acked work takes turns', () => {
  it('acks a burst of commands while earlier work runs, then does every one, in order', async () => {
    api = await startFakeSlackApi();
    const clock = fixedClock('2026-11-28T10:00:00Z');
    const stores = storesOn(LocalKv.memory(), clock);
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    running = await startSlack(
      {
        mode: 'http',
        botToken: 'xoxb-turns',
        signingSecret: SECRET,
        apiUrl: api.url,
        port: 0,
        host: '127.0.0.1',
      },
      { ctx: await testContext(), stores, clock, exportDir: '/tmp/ipcheck-test-exports', log },
      { reminderIntervalMs: 3_600_000, logger: makeLogger(() => {}), workLimit: 1 },
    );
    await api.waitFor('auth.test');
    api.reset();
    const url = `http://127.0.0.1:${running.port}/slack/events`;
    const fake = api;
    fake.failNext('chat.postMessage', { delayMs: 3000 });
    const listings = ['B0C0000001', 'B0C0000002', 'B0C0000003', 'B0C0000004', 'B0C0000005'];
    const send = (listing: string) =>
      postToBolt(url, {
        secret: SECRET,
        body: slashCommandBody({ text: listing, channel_id: 'C0SELLERS', response_url: fake.responseUrl() }),
        contentType: 'form',
      });
    const first = await send(listings[0] as string);
    expect(first.status).toBe(200);
    const rest = await Promise.all(listings.slice(1).map(send));
    expect(rest.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // All acked while the first case's message is still being posted; the other four wait for their turn,
    // so none of them has opened its case yet (without turns, all four would have by now).
    expect(running.inFlight.size).toBe(5);
    expect((await stores.cases.listOpen()).length).toBeLessThanOrEqual(1);
    await eventually(() => expect(fake.callsTo('chat.update')).toHaveLength(5), 20_000);
    const opened = fake.callsTo('chat.update').map((c) => /B0C000000\d/.exec(String(c.args.text))?.[0]);
    expect(opened[0]).toBe('B0C0000001');
    expect(new Set(opened)).toEqual(new Set(listings));
  }, 40_000);
});
