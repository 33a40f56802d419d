// Helpers shared by the Slack end-to-end tests beyond flow.test.ts: finding what a user sees in a case
// thread and pressing the buttons there, the way Slack would send the block_actions payload.

import { expect } from 'vitest';
import { visibleText } from '../../fakes/slack-api.js';
import { buttons, CHANNEL, eventually, LEGAL, SELLER, type SlackHarness, startHarness } from './harness.js';

/**
 * startHarness(), then wait for Bolt's own start-up auth.test (it lands a moment after start) and forget
 * it, so a test sees only the calls its own requests caused.
 */
export async function startClean(opts?: Parameters<typeof startHarness>[0]): Promise<SlackHarness> {
  const h = await startHarness(opts);
  await h.api.waitFor('auth.test');
  h.api.reset();
  return h;
}

export interface Ui {
  /** The top-level messages the bot posted in a channel (case messages), oldest first. */
  caseMessages(channel?: string): { ts: string; text?: string; blocks?: unknown[] }[];
  /** The replies in a thread (without its root). */
  threadOf(ts: string, channel?: string): { ts: string; text?: string; blocks?: unknown[] }[];
  threadText(ts: string, channel?: string): string;
  /** Press the newest button with this label in a thread; returns the HTTP status Bolt answered with. */
  press(label: string, root: string, opts?: { user?: string; channel?: string }): Promise<number>;
  /** The block_actions body options for that button, to send it more than once or through Socket Mode. */
  clickOf(
    label: string,
    root: string,
    opts?: { user?: string; channel?: string },
  ): Parameters<SlackHarness['click']>[0];
}

/** What ui() needs: the fake Web API and a way to send a block_actions payload (HTTP or Socket Mode). */
export type Clicker = Pick<SlackHarness, 'api' | 'click'>;

export function ui(h: Clicker): Ui {
  const threadOf = (ts: string, channel = CHANNEL) => h.api.thread(channel, ts).filter((m) => m.ts !== ts);
  const clickOf: Ui['clickOf'] = (label, root, o = {}) => {
    const channel = o.channel ?? CHANNEL;
    const all = buttons(channel === LEGAL ? h.api.thread(LEGAL, root) : threadOf(root, channel));
    const b = [...all].reverse().find((x) => x.label === label);
    if (!b) throw new Error(`no button "${label}" among ${all.map((x) => x.label).join(', ')}`);
    const msg = h.api.messages.find((m) => m.ts === b.ts);
    return {
      user: o.user ?? SELLER,
      channel,
      message_ts: b.ts,
      ...(msg?.thread_ts ? { thread_ts: msg.thread_ts } : {}),
      actions: [{ action_id: b.action_id, ...(b.value ? { value: b.value } : {}), text: b.label }],
      message: {
        type: 'message',
        ts: b.ts,
        text: msg?.text ?? '',
        blocks: msg?.blocks ?? [],
        ...(msg?.thread_ts ? { thread_ts: msg.thread_ts } : {}),
      },
    };
  };
  return {
    caseMessages: (channel = CHANNEL) => h.api.messagesIn(channel, { topLevelOnly: true }),
    threadOf,
    threadText: (ts, channel = CHANNEL) => threadOf(ts, channel).map(visibleText).join('\n---\n'),
    clickOf,
    press: (label, root, o = {}) => h.click(clickOf(label, root, o)),
  };
}

/** `/ipcheck <text>` and wait for the case message to carry its case id; returns the case message ts. */
export async function openByCommand(h: SlackHarness, text: string): Promise<string> {
  const before = h.api.callsTo('chat.update').length;
  expect(await h.command(text)).toBe(200);
  await eventually(() => expect(h.api.callsTo('chat.update').length).toBeGreaterThan(before));
  const root = ui(h).caseMessages().at(-1)?.ts;
  if (!root) throw new Error('no case message posted');
  return root;
}

/** Confirms a claim read from the seller's words ("You said … is that right?"), as the seller would. */
export async function confirmSaid(h: Clicker, root: string): Promise<void> {
  const u = ui(h);
  const yes = 'Yes, that is right';
  await eventually(() => expect(buttons(u.threadOf(root)).some((b) => b.label === yes)).toBe(true));
  expect(await u.press(yes, root)).toBe(200);
}

/**
 * A court case (TRO) on a listing, decided through the thread's buttons. With the default notice date
 * 2026-11-26 the TRO ends 2026-12-10 and the answer is due 2026-12-17.
 */
export async function decidedCourtCase(
  h: SlackHarness,
  listing = '1005006123456789',
  noticeDate = '2026-11-26',
): Promise<string> {
  const u = ui(h);
  const root = await openByCommand(h, `${listing} we got court papers, a TRO, on ${noticeDate}`);
  // Answer whatever the thread still asks with the first choice that fits, until the outcome appears.
  const answers = [
    'Yes, it is our listing',
    'Trademark',
    'Yes, it does',
    'No rights',
    'Large stock, we want to keep selling',
  ];
  for (let i = 0; i < 10; i++) {
    const text = u.threadText(root);
    if (/What to do: IPC-\d+/.test(text)) break;
    const labels = buttons(u.threadOf(root)).map((b) => b.label);
    const next = answers.find((a) => labels.includes(a));
    if (!next) throw new Error(`no known answer among ${labels.join(', ')}\n${text}`);
    const seen = u.threadOf(root).length;
    expect(await u.press(next, root)).toBe(200);
    await eventually(() => expect(u.threadOf(root).length).toBeGreaterThan(seen));
    // Let the "answered" update of the pressed question land before looking for the next buttons.
    await eventually(() => expect(buttons(u.threadOf(root)).some((b) => b.label === next)).toBe(false));
  }
  await eventually(() => expect(u.threadText(root)).toMatch(/What to do: IPC-\d+/));
  return root;
}
