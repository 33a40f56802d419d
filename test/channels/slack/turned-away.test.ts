import { afterEach, describe, expect, it } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { storesOn } from '../../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { makeLogger } from '../../../src/channels/shared/logger.js';
import { type RunningSlack, startSlack } from '../../../src/channels/slack/app.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/slack-api.js';
import {
  appMentionEvent,
  blockActionsBody,
  eventBody,
  messageEvent,
  postToBolt,
  slashCommandBody,
} from '../../fakes/slack-signing.js';
import { testContext } from '../../helpers/context.js';
import { eventually } from './harness.js';

// The line of acked requests waiting for their turn is bounded (IPCHECK_MAX_QUEUED). Unbounded, a flood of
// 12,000 requests grew the heap from 36 to 135 MB and kept working 45 s after its last ack. Here one turn at
// a time and two may wait: the first case's message takes 3 s to post, so everything sent meanwhile past
// the two waiting is turned away at once, and its person told privately to try again in a minute.

const SECRET = 'turned-away-signing-secret-001';
const SELLER = 'U0SELLER';
let api: FakeSlackApi | undefined;
let running: RunningSlack | undefined;
afterEach(async () => {
  await running?.stop();
  await api?.close();
});

describe('Slack: a full line turns requests away, and says so', () => {
  it('acks every request, works on at most limit + maxQueued, and tells the others "busy, try again"', async () => {
    api = await startFakeSlackApi();
    const clock = fixedClock('2026-11-28T10:00:00Z');
    const stores = storesOn(LocalKv.memory(), clock);
    const logs: string[] = [];
    const log = { info: () => {}, warn: (m: string) => logs.push(m), error: () => {} };
    running = await startSlack(
      {
        mode: 'http',
        botToken: 'xoxb-turned-away',
        signingSecret: SECRET,
        apiUrl: api.url,
        port: 0,
        host: '127.0.0.1',
      },
      { ctx: await testContext(), stores, clock, exportDir: '/tmp/ipcheck-test-exports', log },
      { reminderIntervalMs: 3_600_000, logger: makeLogger(() => {}), workLimit: 1, maxQueued: 2 },
    );
    await api.waitFor('auth.test');
    api.reset();
    const url = `http://127.0.0.1:${running.port}/slack/events`;
    const fake = api;
    fake.failNext('chat.postMessage', { delayMs: 3000 });
    const command = (listing: string) =>
      postToBolt(url, {
        secret: SECRET,
        body: slashCommandBody({
          text: listing,
          user_id: SELLER,
          channel_id: 'C0SELLERS',
          response_url: fake.responseUrl(),
        }),
        contentType: 'form',
      });
    const listings = Array.from({ length: 30 }, (_, i) => `B0C00000${String(i).padStart(2, '0')}`);
    const first = await command(listings[0] as string);
    expect(first.status).toBe(200);
    const rest = [];
    for (const l of listings.slice(1)) rest.push(await command(l));
    expect(rest.every((r) => r.status === 200)).toBe(true);
    // The first is working, two wait; the other 27 were answered in their ack: busy, try again.
    const busy = rest.filter((r) => JSON.stringify(r.json ?? '').includes('try again in a minute'));
    expect(busy).toHaveLength(27);
    expect(busy[0]?.json).toMatchObject({ response_type: 'ephemeral' });
    expect(running.inFlight.size).toBeLessThanOrEqual(3);

    // A message to the bot (a DM, a mention) and a button get the same answer, privately.
    const event = (ev: Record<string, unknown>) =>
      postToBolt(url, { secret: SECRET, body: eventBody({ event: ev }), contentType: 'json' });
    expect((await event(messageEvent({ text: 'hello', user: SELLER, channel: 'D0SELLER' }))).status).toBe(
      200,
    );
    expect(
      (await event(appMentionEvent({ text: '<@U0BOT> help', user: SELLER, channel: 'C0SELLERS' }))).status,
    ).toBe(200);
    const click = await postToBolt(url, {
      secret: SECRET,
      body: blockActionsBody({
        user: SELLER,
        channel: 'C0SELLERS',
        message_ts: '1732780000.000100',
        thread_ts: '1732780000.000100',
        actions: [{ action_id: 'ipc_answer', value: 'x' }],
      }),
      contentType: 'form',
    });
    expect(click.status).toBe(200);
    await eventually(() =>
      expect(
        fake
          .callsTo('chat.postEphemeral')
          .filter((c) => String(c.args.text).includes('try again in a minute')),
      ).toHaveLength(3),
    );
    const told = fake
      .callsTo('chat.postEphemeral')
      .map((c) => ({ channel: c.args.channel, user: c.args.user }));
    expect(told).toEqual(
      expect.arrayContaining([
        { channel: 'D0SELLER', user: SELLER },
        { channel: 'C0SELLERS', user: SELLER },
      ]),
    );
    // Logged at warn, once for the whole burst (not once per request).
    expect(logs.filter((l) => l.includes('too many requests waiting'))).toHaveLength(1);

    // The three let in are all done; nothing was opened for the ones turned away.
    await eventually(() => expect(fake.callsTo('chat.update')).toHaveLength(3), 20_000);
    expect((await stores.cases.listOpen()).map((c) => c.listingId).sort()).toEqual(listings.slice(0, 3));
    // With the line empty again, the next request is worked on as usual.
    expect(JSON.stringify((await command('B0C0000099')).json ?? '')).not.toContain('try again');
    await eventually(() => expect(fake.callsTo('chat.update')).toHaveLength(4), 20_000);
  }, 60_000);
});
