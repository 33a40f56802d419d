import { afterEach, describe, expect, it } from 'vitest';
import type { SentActivity } from '../../fakes/bot-connector.js';
import {
  CHAT,
  cardActions,
  LAWYER,
  LEGAL,
  startTeamsHarness,
  type TeamsHarness,
  visible,
} from './harness.js';

let h: TeamsHarness;
afterEach(async () => {
  await h.stop();
});

const chatText = () => h.connector.messages(CHAT).map(visible).join('\n---\n');
const lastChat = () => h.connector.messages(CHAT).at(-1) as SentActivity;

async function decidedCase(): Promise<void> {
  await h.say('ipcheck 1005006123456789');
  await h.press('A platform IP complaint or warning');
  await h.press('No, it was never in our store');
  await h.press('Today');
}

describe('Teams: escalation to the legal channel', () => {
  it('before the bot is added to the legal channel, escalating says so and changes nothing', async () => {
    h = await startTeamsHarness();
    await decidedCase();
    await h.press('Escalate to legal');
    expect(lastChat().text).toContain('I have not been added to the legal channel yet');
    expect(h.connector.created).toEqual([]);
    expect((await h.stores.cases.get('IPC-0001'))?.escalation).toBeUndefined();
    // Once it is added, the same button works (the claim was given back).
    expect(await h.addToLegal()).toBe(200);
    await h.press('Escalate to legal');
    expect(h.connector.created.length).toBe(1);
  });

  it('without a legal channel configured, escalating says how to set it', async () => {
    h = await startTeamsHarness({ legal: false });
    await decidedCase();
    await h.press('Escalate to legal');
    expect(lastChat().text).toContain('IPCHECK_TEAMS_LEGAL_CHANNEL');
  });

  it('posts one message per case in the legal channel, the note in its thread, and tells the seller', async () => {
    h = await startTeamsHarness();
    await h.addToLegal();
    expect(h.connector.messages(LEGAL).map(visible).join()).toContain('set up here as the legal channel');
    await decidedCase();
    await h.press('Escalate to legal');
    expect(h.connector.created.length).toBe(1);
    const post = h.connector.created[0];
    expect(post?.channel).toBe(LEGAL);
    const thread = post?.conversation as string;
    const parent = visible(h.connector.messages(thread)[0] as SentActivity);
    expect(parent).toContain('IPC-0001 · aliexpress listing 1005006123456789 · escalated by Sam Seller');
    expect(parent).toContain('Waiting for legal');
    expect(h.connector.messages(thread).map(visible).join()).toContain('Lawyer-escalation note');
    expect(chatText()).toContain('IPC-0001 is escalated to legal: https://teams.microsoft.com/l/message/');
    // A second press posts nothing more.
    await h.press('Escalate to legal');
    expect(h.connector.created.length).toBe(1);
    expect(lastChat().text).toContain('already with legal');
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.escalation).toMatchObject({ channel: LEGAL, ts: thread, status: 'open' });
  });

  it("legal's Acknowledge, Request info and Resolve update the post and tell the seller", async () => {
    h = await startTeamsHarness();
    await h.addToLegal();
    await decidedCase();
    await h.press('Escalate to legal');
    const thread = h.connector.created[0]?.conversation as string;
    // A button of the legal post pressed anywhere else does nothing.
    const ack = cardActions(h.connector.messages(thread)[0] as SentActivity).find(
      (a) => a.title === 'Acknowledge',
    );
    expect(ack).toBeDefined();
    await h.press('Acknowledge', { conversation: thread, from: LAWYER });
    expect(visible(h.connector.messages(thread)[0] as SentActivity)).toContain('Acknowledged by Lee Lawyer');
    expect(chatText()).toContain('Legal (Lee Lawyer) acknowledged IPC-0001 and is on it.');
    // The card lost its Acknowledge button: nothing to press twice.

    await h.press('Send to the seller', {
      conversation: thread,
      from: LAWYER,
      inputs: { question: 'Do you have the purchase invoices?' },
    });
    expect(chatText()).toContain(
      'Legal (Lee Lawyer) asks about IPC-0001: Do you have the purchase invoices?',
    );
    // The seller's next message is the answer, passed to the legal thread.
    await h.say('Yes, from 2024, I can send them');
    expect(lastChat().text).toBe('Thanks, I passed your answer to legal.');
    expect(h.connector.messages(thread).map(visible).join()).toContain('Sam Seller answered: Yes, from 2024');

    await h.press('Resolve', {
      conversation: thread,
      from: LAWYER,
      inputs: { outcome: 'Appeal filed; listing back.' },
    });
    expect(chatText()).toContain('Legal (Lee Lawyer) resolved IPC-0001: Appeal filed; listing back.');
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.status).toBe('closed');
    expect(rec?.escalation?.status).toBe('resolved');
    expect(visible(h.connector.messages(thread)[0] as SentActivity)).toContain('Resolved by Lee Lawyer');
    expect(cardActions(h.connector.messages(thread)[0] as SentActivity)).toEqual([]);
  });

  it("legal's buttons work only in the case's legal thread", async () => {
    h = await startTeamsHarness();
    await h.addToLegal();
    await decidedCase();
    await h.press('Escalate to legal');
    await h.post({
      type: 'message',
      id: 'forged-ack',
      channelId: 'msteams',
      serviceUrl: h.connector.serviceUrl,
      from: { id: '29:seller', name: 'Sam Seller' },
      recipient: { id: '28:ipcheck-bot', name: 'ipcheck' },
      conversation: { id: CHAT, tenantId: 'tenant-0001', conversationType: 'personal' },
      value: { ipc: 'legal_ack', b: { c: 'IPC-0001' } },
    });
    expect(lastChat().text).toContain('does not belong to this thread');
    expect((await h.stores.cases.get('IPC-0001'))?.escalation?.status).toBe('open');
  });

  it('a second Acknowledge (an old card, another lawyer) posts nothing again and says who did', async () => {
    h = await startTeamsHarness();
    await h.addToLegal();
    await decidedCase();
    await h.press('Escalate to legal');
    const thread = h.connector.created[0]?.conversation as string;
    const root = h.connector.messages(thread)[0] as SentActivity;
    const data = cardActions(root).find((a) => a.title === 'Acknowledge')?.data;
    await h.press('Acknowledge', { conversation: thread, from: LAWYER });
    const told = h.connector.messages(CHAT).length;
    await h.post({
      type: 'message',
      id: 'old-card-ack',
      channelId: 'msteams',
      serviceUrl: h.connector.serviceUrl,
      from: { id: '29:other', name: 'Other Lawyer' },
      recipient: { id: '28:ipcheck-bot', name: 'ipcheck' },
      conversation: { id: thread, tenantId: 'tenant-0001', conversationType: 'channel', isGroup: true },
      replyToId: root.id,
      value: data,
    });
    expect(visible(h.connector.messages(thread).at(-1) as SentActivity)).toBe(
      'IPC-0001 was already acknowledged by Lee Lawyer, so nothing was posted again.',
    );
    expect(h.connector.messages(CHAT).length).toBe(told);
    const audit = (await h.stores.cases.get('IPC-0001'))?.audit.filter(
      (e) => e.action === 'legal_acknowledged',
    );
    expect(audit?.length).toBe(1);
  });
});

describe("Teams: people's words never become markdown", () => {
  // Teams reads a message's `text` as markdown: `[invoice](https://phish.example)` would be a link
  // that hides where it goes. Words of sellers and lawyers travel in TextRuns, as typed.
  const LINK = '[invoice](https://phish.example)';
  const noMarkdownText = (conversation: string) =>
    h.connector
      .messages(conversation)
      .filter((m) => m.text?.includes('phish.example'))
      .map((m) => m.text);

  it("a seller's answer, legal's question and resolution, and a typed listing stay plain", async () => {
    h = await startTeamsHarness();
    await h.addToLegal();
    await decidedCase();
    await h.press('Escalate to legal');
    const thread = h.connector.created[0]?.conversation as string;
    await h.press('Send to the seller', {
      conversation: thread,
      from: LAWYER,
      inputs: { question: `Is this yours: ${LINK}?` },
    });
    await h.say(`Here it is: ${LINK}`);
    await h.press('Resolve', { conversation: thread, from: LAWYER, inputs: { outcome: `See ${LINK}` } });
    await h.say(`ipcheck ${LINK}`);
    const threadText = h.connector.messages(thread).map(visible).join('\n');
    expect(threadText).toContain(`Sam Seller answered: Here it is: ${LINK}`);
    expect(threadText).toContain(`asked the seller: Is this yours: ${LINK}?`);
    expect(chatText()).toContain(`asks about IPC-0001: Is this yours: ${LINK}?`);
    expect(chatText()).toContain(`resolved IPC-0001: See ${LINK}`);
    expect(visible(lastChat())).toContain('("[invoice](https://phish.example');
    expect(noMarkdownText(thread)).toEqual([]);
    expect(noMarkdownText(CHAT)).toEqual([]);
  });
});
