import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HostedFile, visibleText } from '../../fakes/slack-api.js';
import { encodeGbk } from '../../helpers/gbk.js';
import { CHANNEL, eventually, SELLER, type SlackHarness } from './harness.js';
import { decidedCourtCase, openByCommand, startClean, ui } from './harness-extra.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

const LISTINGS =
  'Product ID,Title,Description\n' +
  '1005006000000001,N.I.K.E running shoes,\n' +
  '1005006000000002,Phone case for iPhone 15,\n' +
  '1005006000000003,Plain mug,Mickey Mouse print\n' +
  '1005006000000004,Acmeco garden hose,\n' +
  '1005006000000005,Steel bottle,\n';

let eventCounter = 0;
/** A user shares files into a thread (or a DM), as Slack sends it: a message with subtype file_share. */
function share(
  files: HostedFile[],
  o: { thread_ts?: string; channel?: string; event_id?: string; user?: string; bot_id?: string } = {},
) {
  eventCounter++;
  const channel = o.channel ?? CHANNEL;
  const ts = `1732790000.${String(eventCounter).padStart(6, '0')}`;
  return h.event(
    {
      type: 'message',
      subtype: 'file_share',
      user: o.user ?? SELLER,
      ...(o.bot_id ? { bot_id: o.bot_id } : {}),
      text: '',
      ts,
      channel,
      channel_type: channel.startsWith('D') ? 'im' : 'channel',
      ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
      files,
      upload: false,
      display_as_bot: false,
    },
    { event_id: o.event_id ?? `Ev0SWEEP${eventCounter}` },
  );
}

const threadText = (root: string) => ui(h).threadText(root);

describe('a listing export shared in a case thread', () => {
  it('is downloaded with the bot token, swept, and answered with the summary and the findings CSV', async () => {
    const root = await openByCommand(
      h,
      '1005006123456789 trademark complaint from Acmeco, their logo is on it',
    );
    const rec = await h.stores.cases.byConversation(`slack:T0001:${CHANNEL}:${root}`);
    expect(rec?.state.details.brand).toBe('Acmeco');
    const file = h.api.hostFile({ name: 'listings.csv', content: LISTINGS });
    expect(await share([file], { thread_ts: root })).toBe(200);
    await eventually(() => expect(h.api.uploads.filter((u) => u.completed)).toHaveLength(1), 10_000);

    const dl = h.api.callsTo('url_private_download');
    expect(dl).toHaveLength(1);
    expect(dl[0]?.auth).toEqual({ present: true, prefix: 'xoxb-', source: 'header' });
    expect(dl[0]?.ok).toBe(true);

    const text = threadText(root);
    expect(text).toContain(
      `Sweeping listings.csv (${LISTINGS.length} bytes): every listing against 279 watched marks and the complaint’s brand "Acmeco"…`,
    );
    expect(text).toContain('Store sweep: 4 of 5 listings carry a watched mark');
    // The complaint's brand, from the case, is checked and listed first.
    expect(text.indexOf('Acmeco (the complaint’s brand): 1 high')).toBeLessThan(text.indexOf('Nike: 1 high'));
    const upload = h.api.uploads[0];
    expect(upload?.filename).toBe(`${rec?.id}-sweep-findings.csv`);
    expect(upload?.thread_ts).toBe(root);
    expect(upload?.content).toContain('high,Nike,1005006000000001,aliexpress,2,title,N.I.K.E');
    expect(upload?.content).toContain('Delete AliExpress listing 1005006000000001');
  });

  it('in a court case, every finding says take offline and delete nothing', async () => {
    const root = await decidedCourtCase(h);
    const file = h.api.hostFile({ name: 'listings.csv', content: LISTINGS });
    await share([file], { thread_ts: root });
    await eventually(() => expect(h.api.uploads.filter((u) => u.completed)).toHaveLength(1), 10_000);
    expect(threadText(root)).toContain('delete nothing');
    const csv = h.api.uploads[0]?.content ?? '';
    expect(csv).toContain('now, and keep it as evidence (do not delete)');
    expect(csv).not.toContain('Delete AliExpress listing');
  });

  it('reads a GBK export, and sweeps a Slack retry of the same event once', async () => {
    const root = await openByCommand(h, '1005006123456789 trademark complaint');
    const file = h.api.hostFile({
      name: '商品导出.csv',
      content: encodeGbk('商品ID,标题\r\n1005006000000009,耐克运动鞋\r\n'),
    });
    await share([file], { thread_ts: root, event_id: 'Ev0SAME' });
    await share([file], { thread_ts: root, event_id: 'Ev0SAME' });
    await eventually(() => expect(h.api.uploads.filter((u) => u.completed)).toHaveLength(1), 10_000);
    expect(threadText(root)).toContain('Read as GBK');
    expect(h.api.callsTo('url_private_download')).toHaveLength(1);
  });

  it('answers a spreadsheet or a bad file with what to do, and ignores screenshots', async () => {
    const root = await openByCommand(h, '1005006123456789 trademark complaint');
    const xlsx = h.api.hostFile({
      name: 'listings.xlsx',
      content: 'PK\u0003\u0004',
      mimetype: 'application/zip',
    });
    const empty = h.api.hostFile({ name: 'empty.csv', content: '' });
    const shot = h.api.hostFile({ name: 'notice.png', content: 'png', mimetype: 'image/png' });
    await share([xlsx, empty, shot], { thread_ts: root });
    await eventually(() =>
      expect(threadText(root)).toContain('I could not sweep empty.csv: the file is empty.'),
    );
    expect(threadText(root)).toContain('That is a spreadsheet, not a CSV');
    // Only the CSV was downloaded: not the spreadsheet, not the screenshot.
    expect(h.api.callsTo('url_private_download').map((c) => c.args.download)).toEqual(['1']);
    expect(h.api.uploads).toHaveLength(0);
  });

  it('never sends the bot token to a host that is not Slack’s', async () => {
    const root = await openByCommand(h, '1005006123456789 trademark complaint');
    const real = h.api.hostFile({ name: 'listings.csv', content: LISTINGS });
    const foreign = {
      ...real,
      url_private: 'http://127.0.0.2:9/x.csv',
      url_private_download: 'http://127.0.0.2:9/x.csv',
    };
    await share([foreign], { thread_ts: root });
    await eventually(() => expect(threadText(root)).toContain('I could not download listings.csv'));
    expect(h.api.callsTo('url_private_download')).toHaveLength(0);
  });
});

describe('the fake file host', () => {
  it('serves a shared file only with the bot token, like Slack (a sign-in page otherwise)', async () => {
    const file = h.api.hostFile({ name: 'a.csv', content: 'id,title\n' });
    const anon = await fetch(file.url_private_download);
    expect(anon.headers.get('content-type')).toContain('text/html');
    expect(await anon.text()).toContain('Sign in');
    const user = await fetch(file.url_private_download, { headers: { Authorization: 'Bearer xoxp-user' } });
    expect(user.headers.get('content-type')).toContain('text/html');
    const bot = await fetch(file.url_private_download, {
      headers: { Authorization: 'Bearer xoxb-test-token' },
    });
    expect(await bot.text()).toBe('id,title\n');
    const info = await fetch(`${h.api.url}files.info?file=${file.id}`, {
      headers: { Authorization: 'Bearer xoxb-test-token' },
    });
    expect(((await info.json()) as { file: HostedFile }).file.name).toBe('a.csv');
  });
});

describe('/ipcheck sweep', () => {
  it('asks for the file in a thread, and sweeps what is shared there', async () => {
    expect(await h.command('sweep')).toBe(200);
    await eventually(() => expect(ui(h).caseMessages()).toHaveLength(1));
    const ask = ui(h).caseMessages()[0];
    expect(visibleText(ask ?? {})).toContain(
      'Store sweep: upload your listing export (CSV) as a reply in this thread',
    );
    const file = h.api.hostFile({ name: 'listings.csv', content: LISTINGS });
    await share([file], { thread_ts: ask?.ts });
    await eventually(() => expect(h.api.uploads.filter((u) => u.completed)).toHaveLength(1), 10_000);
    expect(h.api.uploads[0]?.filename).toBe('sweep-findings.csv');
    expect(threadText(ask?.ts ?? '')).toContain('Store sweep: 3 of 5 listings');
  });

  it('says how to add the bot when it is not in the channel', async () => {
    h.api.failNext('chat.postMessage', { error: 'not_in_channel' });
    expect(await h.command('sweep')).toBe(200);
    await eventually(() => expect(h.api.responses).toHaveLength(1));
    expect(visibleText(h.api.responses[0]?.body ?? {})).toContain('I am not in this channel yet');
  });

  it('a CSV in any other thread is left alone', async () => {
    const file = h.api.hostFile({ name: 'listings.csv', content: LISTINGS });
    await share([file], { thread_ts: '1732700000.000100' });
    await share([file]);
    // Every request's work has finished (Bolt acks first and works after).
    await eventually(() => expect(h.running.inFlight.size).toBe(0));
    expect(h.api.callsTo('url_private_download')).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('never sweeps the bot’s own findings file', async () => {
    const root = await openByCommand(h, '1005006123456789 trademark complaint');
    const file = h.api.hostFile({ name: 'listings.csv', content: LISTINGS });
    await share([file], { thread_ts: root });
    await eventually(() => expect(h.api.uploads.filter((u) => u.completed)).toHaveLength(1), 10_000);
    const own = h.api.hostFile({
      name: h.api.uploads[0]?.filename ?? '',
      content: h.api.uploads[0]?.content ?? '',
    });
    // Slack echoes the bot's upload as a file_share message from the bot user (with or without bot_id).
    await share([own], { thread_ts: root, user: 'U0BOT' });
    await share([own], { thread_ts: root, user: 'U0BOT', bot_id: 'B0BOT' });
    await share([own], { thread_ts: root });
    // Every request's work has finished (Bolt acks first and works after).
    await eventually(() => expect(h.running.inFlight.size).toBe(0));
    expect(h.api.callsTo('url_private_download')).toHaveLength(1);
    expect(h.api.uploads).toHaveLength(1);
  });

  it('a CSV sent in a DM is swept', async () => {
    const file = h.api.hostFile({ name: 'listings.csv', content: LISTINGS });
    await share([file], { channel: 'D0SELLER' });
    await eventually(() => expect(h.api.uploads.filter((u) => u.completed)).toHaveLength(1), 10_000);
    expect(h.api.uploads[0]?.channel_id).toBe('D0SELLER');
  });
});

describe('the swept export becomes the team’s catalog', () => {
  it('a new case says whether its listing is in the catalog, and which marks its title carries', async () => {
    const file = h.api.hostFile({ name: 'listings.csv', content: LISTINGS });
    await share([file], { channel: 'D0SELLER' });
    await eventually(() => expect(h.api.uploads.filter((u) => u.completed)).toHaveLength(1), 10_000);
    expect(h.api.messagesIn('D0SELLER').map(visibleText).join('\n')).toContain(
      "Saved as your team's catalog (5 listings)",
    );

    const never = await openByCommand(h, '1005006000000099 trademark complaint');
    await eventually(() => expect(threadText(never)).toContain('Is the reported listing really yours?'));
    expect(threadText(never)).toContain(
      '1005006000000099 is not among the 5 listings of your catalog (loaded 2026-11-28): it looks like it was never in your store.',
    );
    expect(threadText(never)).toContain('[No, it was never in our store (not in your catalog)]');
    // A suggestion only: the answer is still the seller's.
    const rec = await h.stores.cases.byConversation(`slack:T0001:${CHANNEL}:${never}`);
    expect(rec?.state.facts.listingIsOurs).toBeUndefined();

    const ours = await openByCommand(h, '1005006000000001 trademark complaint');
    await eventually(() => expect(threadText(ours)).toContain('Is the reported listing really yours?'));
    expect(threadText(ours)).toContain(
      'In your catalog: 1005006000000001 is "N.I.K.E running shoes"; its title carries Nike.',
    );
  });
});
