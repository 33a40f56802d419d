import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCase } from '../../../src/domain/model/case-state.js';
import { visibleText } from '../../fakes/slack-api.js';
import { messageEvent } from '../../fakes/slack-signing.js';
import { CHANNEL, eventually, SELLER, type SlackHarness, sleep } from './harness.js';
import { decidedCourtCase, openByCommand, startClean, ui } from './harness-extra.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

const OTHER_TEAM = 'T0002';
const OTHER_CHANNEL = 'C0OTHERTEAM';

/** What the user privately saw from the latest /ipcheck: the response_url body, as text. */
async function lastResponse(count: number): Promise<{ text: string; type: unknown }> {
  await eventually(() => expect(h.api.responses).toHaveLength(count));
  const body = h.api.responses[count - 1]?.body as {
    text?: string;
    blocks?: unknown[];
    response_type?: unknown;
  };
  return { text: visibleText(body), type: body.response_type };
}

/** A case opened in another workspace (an org-wide install sees several). */
async function otherTeamCase(): Promise<void> {
  const before = (await h.stores.cases.listOpen()).length;
  expect(
    await h.command('B0D7654321 trademark complaint yesterday', {
      team_id: OTHER_TEAM,
      channel_id: OTHER_CHANNEL,
      user_id: 'U0OTHER',
    }),
  ).toBe(200);
  await eventually(async () => expect(await h.stores.cases.listOpen()).toHaveLength(before + 1));
  await eventually(() =>
    expect(h.api.callsTo('chat.update').some((c) => c.args.channel === OTHER_CHANNEL)).toBe(true),
  );
}

describe('/ipcheck on a listing another workspace has a case for', () => {
  it('opens a case here instead of linking into the other workspace', async () => {
    await otherTeamCase();
    const n = h.api.responses.length;
    expect(await h.command('B0D7654321')).toBe(200);
    await eventually(async () => expect(await h.stores.cases.listOpen()).toHaveLength(2));
    expect(
      h.api.responses
        .slice(n)
        .map((r) => JSON.stringify(r.body))
        .join(' '),
    ).not.toContain('already open');
  });
});

describe('/ipcheck list and status', () => {
  it('lists this workspace’s open cases privately, with status and next deadline', async () => {
    await decidedCourtCase(h);
    await otherTeamCase();
    const n = h.api.responses.length;
    const posted = h.api.callsTo('chat.postMessage').length;
    await h.command('list');
    const r = await lastResponse(n + 1);
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('Open cases (1)');
    expect(r.text).toContain('*IPC-0001* aliexpress 1005006123456789 · decided');
    // The TRO of 2026-11-26 ends 2026-12-10: the nearest deadline still ahead.
    expect(r.text).toContain('next: TRO ends at the latest, unless extended 2026-12-10');
    expect(r.text).not.toContain('IPC-0002');
    expect(r.text).not.toContain('B0D7654321');
    // Nothing public.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(posted);
  });

  it('says so when there are no open cases', async () => {
    await h.command('list');
    const r = await lastResponse(1);
    expect(r).toEqual({ text: 'No open cases in this workspace.', type: 'ephemeral' });
  });

  it('shows one case with its audit trail, privately', async () => {
    await decidedCourtCase(h);
    const n = h.api.responses.length;
    await h.command('status IPC-0001');
    const r = await lastResponse(n + 1);
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('*Case IPC-0001*: open, decided');
    expect(r.text).toContain('Audit trail');
    expect(r.text).toContain(`${SELLER}  case opened`);
    expect(r.text).toContain('answer: notice=court_or_tro');
    expect(r.text).toContain('reminder scheduled: 2026-12-07');
    // lower case works too
    await h.command('status ipc-0001');
    expect((await lastResponse(n + 2)).text).toContain('*Case IPC-0001*');
  });

  it('answers a bad or missing case id with how to write one', async () => {
    await h.command('status nope');
    await h.command('status');
    const a = await lastResponse(2);
    expect(a.type).toBe('ephemeral');
    expect(a.text).toBe('`/ipcheck status` needs a case id, like `/ipcheck status IPC-0042`.');
    expect(visibleText(h.api.responses[0]?.body as { text?: string })).toBe(a.text);
    await h.command('status IPC-0999');
    const b = await lastResponse(3);
    expect(b.text).toContain('IPC-0999');
    expect(b.text).toContain('I cannot find that case');
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('does not show a case of another workspace', async () => {
    await otherTeamCase();
    const n = h.api.responses.length;
    await h.command('status IPC-0001');
    const r = await lastResponse(n + 1);
    expect(r.text).not.toContain('Audit trail');
    expect(r.text).not.toContain('B0D7654321');
    expect(r.text).toContain('I cannot find that case');
  });
});

describe('commands typed in a case thread', () => {
  it('"status" shows the case with its audit trail in the thread', async () => {
    const root = await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    await eventually(() => expect(ui(h).threadText(root)).toContain('Is the reported listing really yours?'));
    await h.event(messageEvent({ text: 'status', user: SELLER, channel: CHANNEL, thread_ts: root }));
    await eventually(() =>
      expect(ui(h).threadText(root)).toContain('*Case IPC-0001*: open, questions in progress'),
    );
    const text = ui(h).threadText(root);
    expect(text).toContain('Audit trail');
    expect(text).toContain('answer: listingId=B0C1234567');
    // Showing is not answering.
    expect((await h.stores.cases.get('IPC-0001'))?.state.pending).toMatchObject({
      kind: 'question',
      questionId: 'listingIsOurs',
    });
  });

  it('"cases" in a thread lists only this workspace’s cases', async () => {
    await otherTeamCase();
    const root = await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    await eventually(() => expect(ui(h).threadText(root)).toContain('Is the reported listing really yours?'));
    await h.event(messageEvent({ text: 'cases', user: SELLER, channel: CHANNEL, thread_ts: root }));
    await eventually(() => expect(ui(h).threadText(root)).toContain('*Open cases*'));
    const text = ui(h).threadText(root);
    expect(text).toContain('IPC-0002');
    expect(text).not.toContain('IPC-0001');
    expect(text).not.toContain('B0D7654321');
  });

  it('"export" uploads the case as IPC-0001.md and IPC-0001.json in the thread', async () => {
    const root = await decidedCourtCase(h);
    await h.event(messageEvent({ text: 'export', user: SELLER, channel: CHANNEL, thread_ts: root }));
    await eventually(() => expect(h.api.uploads.filter((u) => u.completed)).toHaveLength(2));
    expect(h.api.callsTo('files.getUploadURLExternal')).toHaveLength(2);
    const [complete] = h.api.callsTo('files.completeUploadExternal');
    expect(complete?.args).toMatchObject({ channel_id: CHANNEL, thread_ts: root });
    expect(String(complete?.args.initial_comment)).toContain("Case IPC-0001 for the lawyer's file");
    const md = h.api.uploads.find((u) => u.filename === 'IPC-0001.md');
    const json = h.api.uploads.find((u) => u.filename === 'IPC-0001.json');
    expect(md).toMatchObject({ channel_id: CHANNEL, thread_ts: root, completed: true });
    expect(md?.content).toContain('IPC-0001');
    expect(md?.content).toContain('**Thu 10 Dec 2026**: TRO ends at the latest');
    expect(md?.content).toContain('## Audit trail');
    expect(md?.length).toBe(Buffer.byteLength(md?.content ?? ''));
    const parsed = JSON.parse(json?.content ?? '{}') as {
      case?: { id?: string; state?: { facts?: { notice?: string } } };
      outcome?: { deadlines?: { date: string }[] };
    };
    expect(parsed.case?.id).toBe('IPC-0001');
    expect(parsed.case?.state?.facts?.notice).toBe('court_or_tro');
    expect(parsed.outcome?.deadlines?.map((d) => d.date)).toEqual(['2026-12-10', '2026-12-17']);
  });

  it('"export IPC-0001" of another workspace’s case uploads nothing', async () => {
    await otherTeamCase();
    const root = await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    await eventually(() => expect(ui(h).threadText(root)).toContain('Is the reported listing really yours?'));
    await h.event(messageEvent({ text: 'export IPC-0001', user: SELLER, channel: CHANNEL, thread_ts: root }));
    await eventually(() => expect(ui(h).threadText(root)).toContain('I cannot find that case'));
    await sleep(100);
    expect(h.api.uploads).toEqual([]);
  });
});

describe('a Microsoft Teams case in the same store', () => {
  it('is not reachable from Slack by its id: status, open and /ipcheck status say it is not found', async () => {
    const teamsCase = await h.stores.cases.create({
      conversation: 'teams:tenant-0001:a:personal-chat',
      channel: 'teams',
      openedBy: 'Sam Seller',
      state: newCase(),
      now: h.clock.now(),
      sellerThread: { team: 'tenant-0001', channel: 'a:personal-chat' },
    });
    const root = await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    await eventually(() => expect(ui(h).threadText(root)).toContain('Is the reported listing really yours?'));
    for (const text of [`status ${teamsCase.id}`, `open ${teamsCase.id}`]) {
      await h.event(messageEvent({ text, user: SELLER, channel: CHANNEL, thread_ts: root }));
      await eventually(() =>
        expect(
          ui(h).threadText(root).split(`${teamsCase.id}: I cannot find that case for this team`),
        ).toHaveLength(text.startsWith('status') ? 2 : 3),
      );
    }
    const n = h.api.responses.length;
    await h.command(`status ${teamsCase.id}`);
    expect((await lastResponse(n + 1)).text).toContain(
      `${teamsCase.id}: I cannot find that case for this team`,
    );
    expect(ui(h).threadText(root)).not.toContain('Audit trail');
    expect((await h.stores.cases.get(teamsCase.id))?.conversations).toEqual([
      'teams:tenant-0001:a:personal-chat',
    ]);
  });
});

describe('/ipcheck where the bot is not in the channel', () => {
  it('says privately how to /invite it, and leaves no case open', async () => {
    h.api.failNext('chat.postMessage', { error: 'not_in_channel' });
    expect(await h.command('B0C1234567 trademark complaint yesterday')).toBe(200);
    const r = await lastResponse(1);
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('/invite @ipcheck');
    expect(r.text).not.toContain('Sorry');
    expect(await h.stores.cases.listOpen()).toEqual([]);
    expect(h.api.messages).toEqual([]);
    // After the invite, the same command works.
    await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    expect(await h.stores.cases.listOpen()).toHaveLength(1);
  });
});
