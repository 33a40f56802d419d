import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_CONTENT_TYPE, MAX_CARD_BYTES } from '../../../src/channels/teams/render-cards.js';
import type { SentActivity } from '../../fakes/bot-connector.js';
import { BOT, CHAT, cardActions, SELLER, startTeamsHarness, type TeamsHarness, visible } from './harness.js';

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeamsHarness();
});
afterEach(async () => {
  await h.stop();
});

const chat = () => h.connector.messages(CHAT);
const chatText = () => chat().map(visible).join('\n---\n');
const last = () => chat().at(-1) as SentActivity;

/** `ipcheck 1005006123456789`, then the three buttons of a platform complaint about a listing that is not ours. */
async function decidedCase(): Promise<void> {
  expect(await h.say('ipcheck 1005006123456789')).toBe(200);
  expect(chatText()).toContain('What did you receive?');
  expect(await h.press('A platform IP complaint or warning')).toBe(200);
  expect(await h.press('No, it was never in our store')).toBe(200);
  expect(await h.press('Today')).toBe(200);
  expect(chatText()).toContain('What to do: IPC-0001');
}

describe('Teams: a whole case through cards', () => {
  it('opens a case with ipcheck <listing>, asks with Action.Submit buttons, and shows the outcome card', async () => {
    expect(await h.say('ipcheck 1005006123456789')).toBe(200);
    // The typing indicator goes first, before any message.
    expect(h.connector.typing).toContain(CHAT);
    const first = h.connector.requests.find((r) => r.path.includes('/activities'));
    expect(first?.body.type).toBe('typing');
    const [header, ...rest] = chat();
    expect(visible(header as SentActivity)).toContain(
      'IPC-0001 · AliExpress 1005006123456789 · opened by Sam Seller',
    );
    const q = rest.at(-1) as SentActivity;
    const content = q.attachments?.[0];
    expect(content?.contentType).toBe(CARD_CONTENT_TYPE);
    expect(content?.content.version).toBe('1.5');
    expect(String(content?.content.fallbackText)).toContain('What did you receive?');
    expect(q.summary).toBeTruthy();
    const titles = cardActions(q).map((a) => a.title);
    expect(titles).toEqual(
      expect.arrayContaining(['A platform IP complaint or warning', 'Change an answer', 'Start over']),
    );
    expect(cardActions(q).find((a) => a.title === 'Start over')?.type).toBe('Action.Submit');

    await h.press('A platform IP complaint or warning');
    await h.press('No, it was never in our store');
    await h.press('Today');
    const outcome = chat().find((m) => visible(m).includes('What to do: IPC-0001')) as SentActivity;
    const text = visible(outcome);
    expect(text).toContain('1. Dispute: ');
    expect(text).toMatch(/“[^”]+”/); // quoted guidance
    expect(text).toMatch(/— .*§|— /);
    expect(text).toContain('Deadlines');
    expect(text).toMatch(/\b2026\b/);
    const links = cardActions(outcome).filter((a) => a.type === 'Action.OpenUrl');
    expect(links.length).toBeGreaterThan(0);
    expect(String(links[0]?.url)).toMatch(/^https:\/\//);
    expect(cardActions(outcome).map((a) => a.title)).toEqual(
      expect.arrayContaining([
        'Draft the dispute reply',
        'Escalate to legal',
        'Change an answer',
        'Start over',
      ]),
    );
    for (const m of chat()) expect(Buffer.byteLength(JSON.stringify(m))).toBeLessThan(MAX_CARD_BYTES + 2000);
  });

  it('shows the draft in an editable card; Save keeps the edit and Mark as sent records who', async () => {
    await decidedCase();
    await h.press('Draft the dispute reply');
    const draft = last();
    expect(visible(draft)).toContain('Dispute reply (to the platform): IPC-0001');
    const body = JSON.stringify(draft.attachments?.[0]?.content);
    expect(body).toContain('"isMultiline":true');
    expect(body).toContain('Input.Text');
    await h.press('Save', {
      inputs: { subject: 'Our appeal', body: 'We never listed this item. Please reject.' },
    });
    expect(last().text).toContain('Saved the dispute reply (to the platform) on IPC-0001');
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.drafts[0]).toMatchObject({ subject: 'Our appeal', rev: 1, editedBy: 'Sam Seller' });
    // The card was updated in place to start from revision 1, so a second save is not refused as stale.
    await h.press('Save', { inputs: { subject: 'Our appeal v2', body: 'We never listed it.' } });
    expect((await h.stores.cases.get('IPC-0001'))?.drafts[0]).toMatchObject({
      subject: 'Our appeal v2',
      rev: 2,
    });
    await h.press('Mark as sent');
    expect(visible(last())).toMatch(/Sam Seller marked the dispute reply .*as sent/);
    const sent = await h.stores.cases.get('IPC-0001');
    expect(sent?.drafts[0]?.sentBy).toBe('Sam Seller');
    expect(sent?.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['draft_edited', 'draft_sent']));
  });

  it('a stale save (an older revision) is refused and the text is given back', async () => {
    await decidedCase();
    await h.press('Draft the dispute reply');
    const draftId = last().id;
    await h.press('Save', { inputs: { subject: 'A', body: 'first edit' } });
    // Pressing Save on the card as it was before (revision 0), as a second person with the old card would.
    const old = h.connector.requests.find(
      (r) => r.method === 'POST' && r.body.attachments && JSON.stringify(r.body).includes('"r":0'),
    );
    expect(old).toBeDefined();
    const status = await h.post({
      type: 'message',
      id: 'stale-save',
      channelId: 'msteams',
      serviceUrl: h.connector.serviceUrl,
      from: SELLER,
      recipient: BOT,
      conversation: { id: CHAT, tenantId: 'tenant-0001', conversationType: 'personal' },
      replyToId: draftId,
      value: {
        ipc: 'draft_save',
        b: { c: 'IPC-0001', d: 'dispute_reply' },
        r: 0,
        subject: 'B',
        body: 'second edit',
      },
    });
    expect(status).toBe(200);
    expect(visible(last())).toContain('Not saved: someone saved a newer version');
    expect(visible(last())).toContain('second edit');
    expect((await h.stores.cases.get('IPC-0001'))?.drafts[0]?.subject).toBe('A');
  });

  it('an @mention with free text starts a case, the mention taken out of the text', async () => {
    const status = await h.say(
      '<at>ipcheck</at> got a trademark complaint on B0C1234567, we never listed it',
      {
        entities: [{ type: 'mention', mentioned: BOT, text: '<at>ipcheck</at>' }],
      },
    );
    expect(status).toBe(200);
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.state.facts).toMatchObject({
      platform: 'amazon',
      listingId: 'B0C1234567',
      listingIsOurs: 'no',
    });
    expect(chatText()).not.toContain('<at>');
  });

  it('ipcheck help, list and status answer without opening a case', async () => {
    await h.say('ipcheck help');
    expect(chatText()).toContain('ipcheck <listing> [what happened] opens a case');
    await decidedCase();
    await h.say('ipcheck list');
    expect(visible(last())).toContain('IPC-0001 aliexpress 1005006123456789');
    await h.say('ipcheck status IPC-0001');
    expect(visible(last())).toContain('Case IPC-0001: open, decided');
    expect(visible(last())).toContain('Audit trail');
    await h.say('ipcheck status IPC-0099');
    expect(visible(last())).toContain('IPC-0099');
    await h.say('ipcheck not-a-listing');
    expect(visible(last())).toContain('ipcheck help');
  });

  it('a second ipcheck for the same open listing points to the case instead of opening another', async () => {
    await h.say('ipcheck 1005006123456789');
    await h.say('ipcheck https://www.aliexpress.com/item/1005006123456789.html');
    expect(last().text).toContain('Case IPC-0001 for this listing is already open here');
    expect(await h.stores.cases.get('IPC-0002')).toBeUndefined();
  });

  it('a retried activity (same id) has no second effect', async () => {
    await h.say('ipcheck 1005006123456789');
    const before = chat().length;
    const a = { id: 'retry-me' };
    await h.say('back', a);
    const afterFirst = chat().length;
    expect(afterFirst).toBeGreaterThan(before);
    expect(await h.say('back', a)).toBe(200);
    expect(chat().length).toBe(afterFirst);
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.audit.filter((e) => e.action === 'answer_cleared').length ?? 0).toBeLessThanOrEqual(1);
  });

  it('a retry of a delivery whose replies failed shows the case again and applies the text once', async () => {
    await h.say('ipcheck 1005006123456789');
    await h.press('A platform IP complaint or warning');
    // "1" answers "Is the listing yours?"; it is saved, but every reply (and the "Sorry") is refused.
    h.connector.refuseMessages(10);
    await h.say('1', { id: 'answer-once' });
    h.connector.refuseMessages(0);
    const after = await h.stores.cases.get('IPC-0001');
    expect(after?.state.facts.listingIsOurs).toBe('yes');
    // Teams retries the same activity: the case is shown where it stands; "1" does not answer the next question.
    await h.say('1', { id: 'answer-once' });
    const again = await h.stores.cases.get('IPC-0001');
    expect(again?.state.facts).toEqual(after?.state.facts);
    expect(again?.audit.length).toBe(after?.audit.length);
    expect(last().attachments).toBeDefined();
  });

  it('a double click on an answered question changes nothing and says so', async () => {
    await h.say('ipcheck 1005006123456789');
    await h.press('A platform IP complaint or warning');
    const q = chat().find((m) =>
      cardActions(m).some((a) => a.title === 'A platform IP complaint or warning'),
    ) as SentActivity;
    const data = cardActions(q).find((a) => a.title === 'A platform IP complaint or warning')?.data;
    await h.post({
      type: 'message',
      id: 'double',
      channelId: 'msteams',
      serviceUrl: h.connector.serviceUrl,
      from: SELLER,
      recipient: BOT,
      conversation: { id: CHAT, tenantId: 'tenant-0001', conversationType: 'personal' },
      replyToId: q.id,
      value: data,
    });
    expect(last().text).toContain('already answered');
  });

  it('a button naming a case of another conversation changes nothing', async () => {
    await h.say('ipcheck 1005006123456789');
    const status = await h.press('Start over', { conversation: CHAT });
    expect(status).toBe(200);
    await h.say('ipcheck B0C1234567', { conversation: 'a:other-chat' });
    await h.post({
      type: 'message',
      id: 'forged',
      channelId: 'msteams',
      serviceUrl: h.connector.serviceUrl,
      from: SELLER,
      recipient: BOT,
      conversation: { id: 'a:other-chat', tenantId: 'tenant-0001', conversationType: 'personal' },
      value: { ipc: 'restart', b: { c: 'IPC-0001' } },
    });
    expect(h.connector.messages('a:other-chat').at(-1)?.text).toContain(
      'does not belong to a case in this conversation',
    );
    await h.post({
      type: 'message',
      id: 'garbage',
      channelId: 'msteams',
      serviceUrl: h.connector.serviceUrl,
      from: SELLER,
      recipient: BOT,
      conversation: { id: CHAT, tenantId: 'tenant-0001', conversationType: 'personal' },
      value: { ipc: 'restart', b: { c: 'not a case' } },
    });
    expect(last().text).toContain('no longer valid');
  });
});
