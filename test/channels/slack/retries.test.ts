import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../fakes/slack-api.js';
import { appMentionEvent, fakeEventId, messageEvent } from '../../fakes/slack-signing.js';
import { buttons, CHANNEL, eventually, LEGAL, SELLER, type SlackHarness, sleep } from './harness.js';
import { decidedCourtCase, openByCommand, startClean, ui } from './harness-extra.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

const answersFor = async (caseId: string, fact: string) =>
  ((await h.stores.cases.get(caseId))?.audit ?? []).filter(
    (e) => e.action === 'answer' && e.detail?.startsWith(`${fact}=`),
  );

/** Lets work that a duplicate might have started finish (or not) before counting. */
const settle = () => sleep(200);

describe('Slack: redelivered events do their work once', () => {
  it('an app_mention delivered twice (the second as retry 1) opens one case with one set of replies', async () => {
    const ts = '1732790000.000200';
    const event = appMentionEvent({
      text: '<@U0BOT> got a Nike trademark complaint on B0C1234567',
      user: SELLER,
      channel: CHANNEL,
      ts,
    });
    const event_id = fakeEventId();
    expect(await h.event(event, { event_id })).toBe(200);
    await eventually(() => expect(ui(h).threadText(ts)).toContain('Is the reported listing really yours?'));
    const first = h.api.thread(CHANNEL, ts).length;
    expect(await h.event(event, { event_id, retryNum: 1 })).toBe(200);
    await settle();
    expect(h.api.thread(CHANNEL, ts)).toHaveLength(first);
    expect(await h.stores.cases.listOpen()).toHaveLength(1);
    expect(
      ui(h)
        .threadText(ts)
        .match(/I understood:/g),
    ).toHaveLength(1);
  });

  it('an app_mention retried while the first delivery is still running opens one case', async () => {
    const ts = '1732790000.000300';
    const event = appMentionEvent({
      text: '<@U0BOT> complaint on B0C1234567',
      user: SELLER,
      channel: CHANNEL,
      ts,
    });
    const event_id = fakeEventId();
    // Slack's first retry comes "nearly immediately" after a timeout: both run at the same time here.
    h.api.failNext('chat.postMessage', { delayMs: 300 });
    const statuses = await Promise.all([
      h.event(event, { event_id }),
      sleep(50).then(() => h.event(event, { event_id, retryNum: 1 })),
    ]);
    expect(statuses).toEqual([200, 200]);
    await eventually(() => expect(ui(h).threadText(ts)).toContain('Is the reported listing really yours?'));
    await settle();
    expect(await h.stores.cases.listOpen()).toHaveLength(1);
    expect(
      ui(h)
        .threadText(ts)
        .match(/Is the reported listing really yours\?/g),
    ).toHaveLength(1);
  });

  it('a thread message redelivered applies the answer once', async () => {
    const root = await openByCommand(h, 'B0C1234567');
    await eventually(() => expect(ui(h).threadText(root)).toContain('What did you receive?'));
    const reply = messageEvent({ text: 'court papers', user: SELLER, channel: CHANNEL, thread_ts: root });
    const event_id = fakeEventId();
    await h.event(reply, { event_id });
    await eventually(() => expect(ui(h).threadText(root)).toContain('Is the reported listing really yours?'));
    const posted = h.api.callsTo('chat.postMessage').length;
    await h.event(reply, { event_id, retryNum: 1 });
    await h.event(reply, { event_id, retryNum: 2 });
    await settle();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(posted);
    expect(await answersFor('IPC-0001', 'notice')).toHaveLength(1);
    expect((await h.stores.cases.get('IPC-0001'))?.state.facts.notice).toBe('court_or_tro');
  });

  it('a slash command re-sent with the same trigger_id posts one case message', async () => {
    const trigger_id = '1732770999.1000000999.00000000000000000000000000000abc';
    expect(await h.command('B0C1234567 trademark complaint', { trigger_id })).toBe(200);
    expect(await h.command('B0C1234567 trademark complaint', { trigger_id })).toBe(200);
    await eventually(() => expect(h.api.callsTo('chat.update')).toHaveLength(1));
    await settle();
    expect(ui(h).caseMessages()).toHaveLength(1);
    expect(await h.stores.cases.listOpen()).toHaveLength(1);
    // Nothing is said twice: the duplicate gets no second answer either.
    expect(h.api.callsTo('chat.update')).toHaveLength(1);
  });

  it('a delivery that failed midway is done by the retry (the claim was given back)', async () => {
    const ts = '1732790000.000400';
    const event = appMentionEvent({
      text: '<@U0BOT> complaint on B0C1234567',
      user: SELLER,
      channel: CHANNEL,
      ts,
    });
    const event_id = fakeEventId();
    h.api.failNext('chat.postMessage', { error: 'internal_error' });
    await h.event(event, { event_id });
    await eventually(() =>
      expect(h.api.callsTo('chat.postMessage').some((c) => c.error === 'internal_error')).toBe(true),
    );
    // The seller is told the truth: the case was saved, the reply did not make it.
    await eventually(() => expect(ui(h).threadText(ts)).toContain('Sorry: I saved that, but could not post'));
    expect(ui(h).threadText(ts)).not.toContain('Is the reported listing really yours?');
    await h.event(event, { event_id, retryNum: 1 });
    await eventually(() => expect(ui(h).threadText(ts)).toContain('Is the reported listing really yours?'));
    expect(await h.stores.cases.listOpen()).toHaveLength(1);
    // The retry did not apply the mention a second time.
    expect(await answersFor('IPC-0001', 'listingId')).toHaveLength(1);
    // And a third delivery (the work is done now) does nothing.
    const posted = h.api.callsTo('chat.postMessage').length;
    await h.event(event, { event_id, retryNum: 2 });
    await settle();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(posted);
  });

  it('a thread answer whose reply failed to post is not applied again by the retry', async () => {
    const root = await openByCommand(h, 'B0C1234567');
    await eventually(() => expect(ui(h).threadText(root)).toContain('What did you receive?'));
    const event_id = fakeEventId();
    const reply = messageEvent({ text: 'court papers', user: SELLER, channel: CHANNEL, thread_ts: root });
    h.api.failNext('chat.postMessage', { error: 'internal_error' });
    await h.event(reply, { event_id });
    await eventually(() =>
      expect(h.api.callsTo('chat.postMessage').some((c) => c.error === 'internal_error')).toBe(true),
    );
    await eventually(() => expect(ui(h).threadText(root)).toContain('Sorry: I saved that'));
    await h.event(reply, { event_id, retryNum: 1 });
    await eventually(() => expect(ui(h).threadText(root)).toContain('Is the reported listing really yours?'));
    expect(await answersFor('IPC-0001', 'notice')).toHaveLength(1);
  });
});

describe('Slack: double clicks', () => {
  it('the same answer button pressed twice sets the fact once; the second click is told privately', async () => {
    const u = ui(h);
    const root = await openByCommand(h, 'B0C1234567 got a trademark complaint yesterday');
    await eventually(() => expect(u.threadText(root)).toContain('Is the reported listing really yours?'));
    const click = u.clickOf('Yes, it is our listing', root);
    const before = u.threadOf(root).length;
    const statuses = await Promise.all([h.click(click), h.click(click)]);
    expect(statuses).toEqual([200, 200]);
    await eventually(() =>
      expect(h.api.ephemerals.map((e) => e.text)).toContain(
        'That question was already answered; the thread shows where the case stands.',
      ),
    );
    await eventually(() => expect(u.threadText(root)).toContain(':white_check_mark: Yes, it is our listing'));
    await settle();
    expect(h.api.ephemerals).toHaveLength(1);
    expect(h.api.ephemerals[0]).toMatchObject({ user: SELLER, channel: CHANNEL, thread_ts: root });
    expect(await answersFor('IPC-0001', 'listingIsOurs')).toHaveLength(1);
    // One new question, not two.
    const added = u.threadOf(root).slice(before);
    expect(added).toHaveLength(1);
    expect(visibleText(added[0] ?? {})).toContain('Does the product or listing actually use their right?');
    // The pressed question was updated once, and shows who answered.
    expect(h.api.callsTo('chat.update').filter((c) => c.args.ts === click.message_ts)).toHaveLength(1);
  });

  it('an old question’s button pressed after the case moved on changes nothing', async () => {
    const u = ui(h);
    const root = await openByCommand(h, 'B0C1234567 got a trademark complaint yesterday');
    await eventually(() => expect(u.threadText(root)).toContain('Is the reported listing really yours?'));
    const old = u.clickOf('No, it was never in our store', root);
    await u.press('Yes, it is our listing', root);
    await eventually(() =>
      expect(u.threadText(root)).toContain('Does the product or listing actually use their right?'),
    );
    await h.click(old);
    await eventually(() => expect(h.api.ephemerals).toHaveLength(1));
    expect((await h.stores.cases.get('IPC-0001'))?.state.facts.listingIsOurs).toBe('yes');
    expect(buttons(u.threadOf(root)).some((b) => b.label === 'Yes, it does')).toBe(true);
  });
});

describe('Slack: escalation double click', () => {
  it('two presses of "Escalate to legal" at once post one legal thread and one link', async () => {
    const u = ui(h);
    const root = await decidedCourtCase(h);
    const click = u.clickOf('Escalate to legal', root);
    expect(await Promise.all([h.click(click), h.click(click)])).toEqual([200, 200]);
    await eventually(() => expect(u.threadText(root)).toContain('Escalated to legal: https://'));
    // The second press, while the first is still posting, is told so privately.
    await eventually(() =>
      expect(
        h.api.ephemerals.some((e) => /already with legal|is being escalated right now/.test(e.text ?? '')),
      ).toBe(true),
    );
    await settle();
    expect(h.api.messagesIn(LEGAL, { topLevelOnly: true })).toHaveLength(1);
    expect(u.threadText(root).match(/Escalated to legal:/g)).toHaveLength(1);
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.audit.filter((e) => e.action === 'escalated')).toHaveLength(1);
  });
});

describe('Slack: rate limits', () => {
  it('a 429 on chat.postMessage is retried after Retry-After and the message lands', {
    timeout: 10_000,
  }, async () => {
    const u = ui(h);
    h.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    expect(await h.command('B0C1234567 got a trademark complaint yesterday')).toBe(200);
    await eventually(() => expect(u.caseMessages()).toHaveLength(1), 6000);
    const posts = h.api.callsTo('chat.postMessage');
    expect(posts[0]?.status).toBe(429);
    expect(posts[1]?.status).toBe(200);
    // Not before Slack said it could.
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    const root = u.caseMessages()[0]?.ts as string;
    await eventually(
      () => expect(u.threadText(root)).toContain('Is the reported listing really yours?'),
      6000,
    );
    // One case message, not one per attempt.
    expect(u.caseMessages()).toHaveLength(1);
    expect(await h.stores.cases.listOpen()).toHaveLength(1);
  });
});
