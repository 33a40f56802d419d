import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postDueReminders } from '../../../src/channels/slack/reminders.js';
import { FAKE_BOT_USER_ID, FAKE_TS_EPOCH } from '../../fakes/slack-api.js';
import { appMentionEvent, fakeEventId, messageEvent } from '../../fakes/slack-signing.js';
import { CHANNEL, eventually, LAWYER, LEGAL, SELLER, type SlackHarness, sleep } from './harness.js';
import { decidedCourtCase, openByCommand, startClean, ui } from './harness-extra.js';

// Slack stores a post but its answer is lost (a timeout, a proxy's 5xx): the post must not appear twice.
// Every post a seller or a lawyer sees is made the way case messages are: never retried blindly, looked
// for by the key in its metadata before it is posted again. And a legal parent posted by a try whose answer
// was lost is found however many messages came after it.

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

// Long enough for a blind retry (the shared client's first retry waits about half a second).
const settle = () => sleep(2500);
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
/** The next chat.postMessage that `match` picks is stored, but Slack's answer is a 500. */
const storeButLoseAnswer = (match: (args: Record<string, unknown>) => boolean) =>
  h.api.failNext('chat.postMessage', { status: 500, applied: true, match });

async function escalatedCase(): Promise<{ root: string; parent: string }> {
  const root = await decidedCourtCase(h);
  await ui(h).press('Escalate to legal', root);
  await eventually(() => expect(h.api.messagesIn(LEGAL, { topLevelOnly: true })).toHaveLength(1));
  await eventually(() => expect(ui(h).threadText(root)).toContain('Escalated to legal: https://'));
  return { root, parent: h.api.messagesIn(LEGAL, { topLevelOnly: true })[0]?.ts as string };
}

describe('Slack: a post stored by Slack whose answer was lost appears once', () => {
  it('the first question of a case opened by a mention', async () => {
    const ts = '1732790000.000700';
    storeButLoseAnswer((a) => a.thread_ts === ts);
    await h.event(
      appMentionEvent({
        text: '<@U0BOT> got a Nike trademark complaint on B0C1234567',
        user: SELLER,
        channel: CHANNEL,
        ts,
      }),
      { event_id: fakeEventId() },
    );
    await eventually(() => expect(ui(h).threadText(ts)).toContain('Is the reported listing really yours?'));
    await settle();
    expect(count(ui(h).threadText(ts), /Is the reported listing really yours\?/g)).toBe(1);
    expect(count(ui(h).threadText(ts), /I understood:/g)).toBe(1);
    expect(h.api.callsTo('chat.postMessage').some((c) => c.status === 500)).toBe(true);
  });

  it('the next question after a typed answer in the thread', async () => {
    const root = await openByCommand(h, 'B0C1234567');
    await eventually(() => expect(ui(h).threadText(root)).toContain('What did you receive?'));
    storeButLoseAnswer((a) => a.thread_ts === root);
    await h.event(messageEvent({ text: 'court papers', user: SELLER, channel: CHANNEL, thread_ts: root }), {
      event_id: fakeEventId(),
    });
    await eventually(() => expect(ui(h).threadText(root)).toContain('Is the reported listing really yours?'));
    await settle();
    expect(count(ui(h).threadText(root), /Is the reported listing really yours\?/g)).toBe(1);
  });

  it('a reply in a direct message, looked for from the seller’s own message on', async () => {
    const dm = 'D0DM0009';
    const said = messageEvent({
      text: 'got a Nike trademark complaint on B0C1234567',
      user: SELLER,
      channel: dm,
    });
    storeButLoseAnswer((a) => a.channel === dm);
    await h.event(said, { event_id: fakeEventId() });
    await eventually(() =>
      expect(
        h.api
          .messagesIn(dm)
          .map((m) => String(m.text))
          .join('\n'),
      ).toContain('Is the reported listing'),
    );
    await settle();
    const texts = h.api.messagesIn(dm).map((m) => ui(h).threadText(m.ts, dm) || String(m.text));
    expect(count(texts.join('\n'), /Is the reported listing really yours\?/g)).toBe(1);
    // No read of the channel before posting: the lookup starts at the seller's message.
    const reads = h.api.callsTo('conversations.history').filter((c) => c.args.channel === dm);
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r.args.oldest).toBe(said.ts);
  });

  it('"Acknowledged" in the legal thread and the news in the seller’s thread', async () => {
    const { root, parent } = await escalatedCase();
    storeButLoseAnswer((a) => String(a.text ?? '').startsWith('Acknowledged by'));
    storeButLoseAnswer((a) => String(a.text ?? '').startsWith('Legal (<@U0LAWYER>) acknowledged'));
    await ui(h).press('Acknowledge', parent, { user: LAWYER, channel: LEGAL });
    await eventually(() => expect(ui(h).threadText(root)).toContain('acknowledged IPC-0001 and is on it'));
    await settle();
    expect(count(ui(h).threadText(parent, LEGAL), /Acknowledged by <@U0LAWYER>\./g)).toBe(1);
    expect(count(ui(h).threadText(root), /acknowledged IPC-0001 and is on it/g)).toBe(1);
    expect(h.api.callsTo('chat.postMessage').filter((c) => c.status === 500)).toHaveLength(2);
  });

  it('a deadline reminder', async () => {
    const root = await decidedCourtCase(h);
    h.clock.set('2026-12-07T09:00:00Z');
    storeButLoseAnswer((a) => String(a.text ?? '').startsWith(':alarm_clock:'));
    expect(await postDueReminders(h.deps, h.running.app.client)).toHaveLength(1);
    await settle();
    expect(count(ui(h).threadText(root), /Reminder for IPC-0001/g)).toBe(1);
  });
});

describe('Slack: the legal parent of a try whose answer was lost is found, however much came after it', () => {
  it('1,200 newer messages in the legal channel: the next press finds the parent, no second one', async () => {
    const root = await decidedCourtCase(h);
    storeButLoseAnswer((a) => a.channel === LEGAL && a.thread_ts === undefined);
    await ui(h).press('Escalate to legal', root);
    await eventually(() =>
      expect(h.api.ephemerals.map((e) => e.text).join('\n')).toContain(
        'Escalating IPC-0001 did not go through',
      ),
    );
    const parents = () =>
      h.api.messagesIn(LEGAL, { topLevelOnly: true }).filter((m) => m.user === FAKE_BOT_USER_ID);
    expect(parents()).toHaveLength(1);
    const parent = parents()[0]?.ts as string;
    // The legal channel is busy: 1,200 messages by people come after the parent before anyone presses again.
    for (let i = 1; i <= 1200; i++)
      h.api.messages.push({
        channel: LEGAL,
        ts: `${FAKE_TS_EPOCH + 10}.${String(i).padStart(6, '0')}`,
        user: 'U0SOMEONE',
        bot_id: '',
        text: `message ${i}`,
      });
    await ui(h).press('Escalate to legal', root);
    await eventually(() => expect(ui(h).threadText(root)).toContain('Escalated to legal: https://'));
    await settle();
    expect(parents()).toHaveLength(1);
    expect((await h.stores.cases.get('IPC-0001'))?.escalation?.ts).toBe(parent);
    // The lookup read the channel from the parent's try on, page by page, not a fixed number of pages.
    const lookups = h.api.callsTo('conversations.history').filter((c) => c.args.oldest !== undefined);
    expect(lookups.length).toBeGreaterThan(0);
  });
});
