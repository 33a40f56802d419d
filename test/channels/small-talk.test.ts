import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalKv } from '../../src/adapters/storage/local-kv.js';
import { type Stores, storesOn } from '../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../src/boot/clock.js';
import { runTerminalChat } from '../../src/channels/terminal/chat.js';
import { visibleText } from '../fakes/slack-api.js';
import { appMentionEvent, messageEvent } from '../fakes/slack-signing.js';
import { testContext } from '../helpers/context.js';
import { CHANNEL, eventually, SELLER, type SlackHarness } from './slack/harness.js';
import { startClean } from './slack/harness-extra.js';
import { CHAT, startTeamsHarness, type TeamsHarness, visible } from './teams/harness.js';

// Greetings, thanks and help in every channel: a short answer that says how to start, and no case opened
// or saved. After them, a real complaint still gets the first case id (none was used up).

const SMALL_TALK = ['hi', 'hello there', 'thanks!', 'good morning', '你好', '谢谢', 'help', '?'];

let slack: SlackHarness | undefined;
let teams: TeamsHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  await teams?.stop();
  slack = undefined;
  teams = undefined;
});

/** What a Slack user reads: the message's text with Slack's three escapes undone. */
const slackText = (m: Parameters<typeof visibleText>[0]) =>
  visibleText(m).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function noCase(stores: Stores): Promise<void> {
  expect(await stores.cases.listOpen()).toEqual([]);
  expect(await stores.cases.get('IPC-0001')).toBeUndefined();
}

describe('the terminal', () => {
  async function session(stores: Stores, lines: string[]): Promise<string> {
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => {
      out += d.toString();
    });
    await runTerminalChat({
      ctx: await testContext(),
      stores,
      clock: fixedClock('2026-11-28T10:00:00Z'),
      input: Readable.from([`${lines.join('\n')}\n`]),
      output,
      interactive: false,
      user: 'seller',
      exportDir: '/tmp/ipcheck-test-exports',
    });
    return out;
  }

  it('answers small talk with how to start, and opens no case', async () => {
    const stores = storesOn(LocalKv.memory(), fixedClock('2026-11-28T10:00:00Z'));
    const out = await session(stores, SMALL_TALK);
    expect(out).toContain('To start, tell me what happened');
    expect(out).toContain('Commands:');
    expect(out).not.toContain('IPC-0001');
    await noCase(stores);
  });

  it('"help" (or "hi") after the last case was closed opens no new empty case; "cases" lists none', async () => {
    const stores = storesOn(LocalKv.memory(), fixedClock('2026-11-28T10:00:00Z'));
    await session(stores, ['complaint on 1005006123456789', 'close', 'yes']);
    expect((await stores.cases.get('IPC-0001'))?.status).toBe('closed');
    const out = await session(stores, ['help', 'hi', 'thanks', 'cases']);
    expect(out).toContain('Your last case, IPC-0001, is closed');
    expect(out).toContain('No open cases.');
    expect(await stores.cases.get('IPC-0002')).toBeUndefined();
    // A real complaint still opens the next case.
    await session(stores, ['complaint on B0C1234567']);
    expect((await stores.cases.get('IPC-0002'))?.state.facts.listingId).toBe('B0C1234567');
  });
});

describe('Slack', () => {
  it('a DM, a mention and /ipcheck with small talk get how to start, and open no case', async () => {
    slack = await startClean();
    const h = slack;
    for (const [i, text] of SMALL_TALK.entries()) {
      const dm = `D0DM000${i}`;
      expect(await h.event(messageEvent({ text, user: SELLER, channel: dm, channel_type: 'im' }))).toBe(200);
      await eventually(() => expect(h.api.messagesIn(dm).length).toBeGreaterThan(0));
      expect(h.api.messagesIn(dm).map(slackText).join('\n')).toContain('/ipcheck <listing>');
    }
    const ts = '1700000000.000100';
    expect(
      await h.event(appMentionEvent({ text: '<@U0BOT> hello', user: SELLER, channel: CHANNEL, ts })),
    ).toBe(200);
    await eventually(() => expect(h.api.thread(CHANNEL, ts).length).toBeGreaterThan(0));
    expect(h.api.thread(CHANNEL, ts).map(slackText).join('\n')).toContain('/ipcheck <listing>');
    // A bare mention is a request for help.
    const bare = '1700000000.000200';
    await h.event(appMentionEvent({ text: '<@U0BOT>', user: SELLER, channel: CHANNEL, ts: bare }));
    await eventually(() => expect(h.api.thread(CHANNEL, bare).length).toBeGreaterThan(0));
    for (const text of ['hi', 'thanks', '你好']) {
      const n = h.api.responses.length;
      expect(await h.command(text)).toBe(200);
      await eventually(() => expect(h.api.responses).toHaveLength(n + 1));
      const body = h.api.responses[n]?.body as { text?: string; response_type?: string };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain('`/ipcheck <listing> [what happened]` opens a case');
    }
    await noCase(h.stores);
    expect(h.api.callsTo('chat.update')).toEqual([]);
  });
});

describe('Teams', () => {
  it('small talk in a chat, and "ipcheck hi", get how to start, and open no case', async () => {
    teams = await startTeamsHarness();
    const h = teams;
    for (const text of SMALL_TALK) {
      const before = h.connector.messages(CHAT).length;
      expect(await h.say(text)).toBe(200);
      const said = h.connector.messages(CHAT).slice(before).map(visible).join('\n');
      expect(said).toContain('ipcheck <listing> [what happened]');
    }
    for (const text of ['ipcheck hi', 'ipcheck thanks', 'ipcheck 你好']) {
      const before = h.connector.messages(CHAT).length;
      await h.say(text);
      const said = h.connector.messages(CHAT).slice(before).map(visible).join('\n');
      expect(said).toContain('ipcheck <listing> [what happened] opens a case');
    }
    await noCase(h.stores);
    // The first real complaint still gets the first case id.
    await h.say('ipcheck 1005006123456789');
    expect((await h.stores.cases.get('IPC-0001'))?.channel).toBe('teams');
  });

  it('"help" in a chat whose last case is closed opens no new case, and "ipcheck list" shows none', async () => {
    teams = await startTeamsHarness();
    const h = teams;
    await h.say('ipcheck 1005006123456789');
    await h.say('close IPC-0001 yes');
    expect((await h.stores.cases.get('IPC-0001'))?.status).toBe('closed');
    for (const text of ['help', 'hi', 'thanks']) await h.say(text);
    const before = h.connector.messages(CHAT).length;
    await h.say('ipcheck list');
    expect(h.connector.messages(CHAT).slice(before).map(visible).join('\n')).toContain('No open cases here.');
    expect(await h.stores.cases.get('IPC-0002')).toBeUndefined();
  });
});
