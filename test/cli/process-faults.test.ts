import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStores } from '../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../src/boot/clock.js';
import { buttons, eventually } from '../channels/slack/harness.js';
import { startFakeSlackApi } from '../fakes/slack-api.js';
import { blockActionsBody, postToBolt, slashCommandBody } from '../fakes/slack-signing.js';
import { PROCESS_SECRET, startSlackProcess } from '../helpers/slack-process.js';
import { tempDir } from '../helpers/temp-dir.js';

// The real built app, signalled and killed mid-work, on a real SQLite file. SIGTERM with a request running
// is in start-slack.test.ts; here: what the file holds afterwards, and kill -9 (no chance to finish) with a
// restart on the same file.

const CHANNEL = 'C0SELLERS';
const SELLER = 'U0SELLER';
const FORM = 'application/x-www-form-urlencoded';

/** The case as the file holds it, read with a fresh store after the process is gone. */
async function caseInFile(file: string, id: string) {
  const stores = await openStores(`sqlite://${file}`, fixedClock('2026-11-28T10:00:00Z'));
  try {
    return { rec: await stores.cases.get(id), open: await stores.cases.listOpenReport() };
  } finally {
    await stores.close();
  }
}

describe('the Slack app process under SIGTERM and kill -9 (SQLite)', () => {
  it('SIGTERM while a case is being opened: the file holds the whole case, readable, once', async () => {
    const api = await startFakeSlackApi();
    const file = join(await tempDir('sigterm'), 'cases.sqlite');
    const app = await startSlackProcess(api, { IPCHECK_STORE_URL: `sqlite://${file}` });
    await api.waitFor('auth.test', 5000);
    api.failNext('chat.postMessage', { delayMs: 1500 });
    const body = slashCommandBody({
      text: 'B0C1234567 trademark complaint, their logo is on it',
      user_id: SELLER,
      channel_id: CHANNEL,
      response_url: api.responseUrl(),
    });
    expect((await postToBolt(app.url, { secret: PROCESS_SECRET, body, contentType: FORM })).status).toBe(200);
    await api.waitFor('chat.postMessage', 5000);
    app.child.kill('SIGTERM');
    expect((await app.exit).code).toBe(0);
    const { rec, open } = await caseInFile(file, 'IPC-0001');
    expect(open.unreadable).toEqual([]);
    expect(open.cases.map((c) => c.id)).toEqual(['IPC-0001']);
    expect(rec?.state.facts).toMatchObject({
      listingId: 'B0C1234567',
      ipType: 'trademark',
      usesTheirIp: 'yes',
    });
    // The case knows its Slack thread, and the first question was asked there before the exit.
    const root = api.messagesIn(CHANNEL, { topLevelOnly: true });
    expect(root).toHaveLength(1);
    expect(rec?.state.pending).not.toBeNull();
    expect(buttons(api.thread(CHANNEL, root[0]?.ts as string)).length).toBeGreaterThan(0);
    await api.close();
  }, 60_000);

  it('kill -9 between two answers, restart on the same file: the case continues, nothing is posted twice', async () => {
    const api = await startFakeSlackApi();
    const file = join(await tempDir('kill9'), 'cases.sqlite');
    const env = { IPCHECK_STORE_URL: `sqlite://${file}` };
    let app = await startSlackProcess(api, env);
    await api.waitFor('auth.test', 5000);
    const command = (text: string) =>
      postToBolt(app.url, {
        secret: PROCESS_SECRET,
        body: slashCommandBody({
          text,
          user_id: SELLER,
          channel_id: CHANNEL,
          response_url: api.responseUrl(),
        }),
        contentType: FORM,
      });
    expect((await command('B0C1234567 trademark complaint, their logo is on it')).status).toBe(200);
    await eventually(() => expect(api.callsTo('chat.update')).toHaveLength(1), 10_000);
    const root = api.messagesIn(CHANNEL, { topLevelOnly: true })[0]?.ts as string;
    await eventually(() => expect(buttons(api.thread(CHANNEL, root)).length).toBeGreaterThan(0), 10_000);

    app.child.kill('SIGKILL');
    expect((await app.exit).signal).toBe('SIGKILL');
    const before = (await caseInFile(file, 'IPC-0001')).rec;
    expect(before?.state.pending).not.toBeNull();

    app = await startSlackProcess(api, env);
    // The seller presses the first answer of the question that was on screen when the process died.
    const thread = api.thread(CHANNEL, root).filter((m) => m.ts !== root);
    const b = buttons(thread).find((x) => x.action_id === 'ipc_answer');
    if (!b) throw new Error('no answer button in the thread');
    const msg = api.messages.find((m) => m.ts === b.ts);
    const posted = api.callsTo('chat.postMessage').length;
    const click = await postToBolt(app.url, {
      secret: PROCESS_SECRET,
      body: blockActionsBody({
        user: SELLER,
        channel: CHANNEL,
        message_ts: b.ts,
        thread_ts: root,
        actions: [{ action_id: b.action_id, value: b.value ?? '', text: b.label }],
        message: {
          type: 'message',
          ts: b.ts,
          thread_ts: root,
          text: msg?.text ?? '',
          blocks: msg?.blocks ?? [],
        },
        response_url: api.responseUrl(),
      }),
      contentType: FORM,
    });
    expect(click.status).toBe(200);
    await eventually(() => expect(api.callsTo('chat.postMessage').length).toBeGreaterThan(posted), 10_000);
    // The same listing again: a link to the open case, not a second case message.
    expect((await command('B0C1234567')).status).toBe(200);
    await eventually(() => expect(api.responses.length).toBeGreaterThan(0), 10_000);
    app.child.kill('SIGTERM');
    expect((await app.exit).code).toBe(0);

    expect(api.messagesIn(CHANNEL, { topLevelOnly: true })).toHaveLength(1);
    const { rec, open } = await caseInFile(file, 'IPC-0001');
    expect(open.cases.map((c) => c.id)).toEqual(['IPC-0001']);
    // One more answer than before the kill, and everything from before it kept.
    expect(rec?.audit.length).toBe((before?.audit.length ?? 0) + 1);
    expect(rec?.state.facts).toMatchObject(before?.state.facts ?? {});
    expect(rec?.state.seq).toBeGreaterThan(before?.state.seq ?? 0);
    await api.close();
  }, 90_000);

  it('kill -9 while a case is being opened, restart: /ipcheck again finishes it with one case message', async () => {
    const api = await startFakeSlackApi();
    const file = join(await tempDir('kill9-open'), 'cases.sqlite');
    const env = { IPCHECK_STORE_URL: `sqlite://${file}` };
    let app = await startSlackProcess(api, env);
    await api.waitFor('auth.test', 5000);
    const command = (text: string) =>
      postToBolt(app.url, {
        secret: PROCESS_SECRET,
        body: slashCommandBody({
          text,
          user_id: SELLER,
          channel_id: CHANNEL,
          response_url: api.responseUrl(),
        }),
        contentType: FORM,
      });
    // The case message lands in Slack, but the process dies before it hears back.
    api.failNext('chat.postMessage', { delayMs: 3000 });
    expect((await command('B0C1234567 trademark complaint')).status).toBe(200);
    await api.waitFor('chat.postMessage', 5000);
    app.child.kill('SIGKILL');
    await app.exit;

    app = await startSlackProcess(api, env);
    const root = () => api.messagesIn(CHANNEL, { topLevelOnly: true })[0]?.ts as string;
    const seen = api.responses.length;
    expect((await command('B0C1234567 trademark complaint')).status).toBe(200);
    // Not "being opened right now" for minutes: the lease of the dead process is taken over at once, and
    // the case message already in Slack is found and used (opening.ts), so there is still one.
    await eventually(() => expect(api.callsTo('chat.update')).toHaveLength(1), 10_000);
    await eventually(() => expect(buttons(api.thread(CHANNEL, root())).length).toBeGreaterThan(0), 10_000);
    expect(api.responses.slice(seen).map((r) => JSON.stringify(r.body))).not.toContainEqual(
      expect.stringContaining('being opened right now'),
    );
    const { rec } = await caseInFile(file, 'IPC-0001');
    expect(rec?.state.facts).toMatchObject({ listingId: 'B0C1234567', ipType: 'trademark' });
    app.child.kill('SIGTERM');
    await app.exit;
    expect(api.messagesIn(CHANNEL, { topLevelOnly: true })).toHaveLength(1);
    await api.close();
  }, 90_000);
});
