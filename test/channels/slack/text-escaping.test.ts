import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromSlackText } from '../../../src/channels/slack/incoming-text.js';
import { visibleText } from '../../fakes/slack-api.js';
import { appMentionEvent, messageEvent, plainTextValue } from '../../fakes/slack-signing.js';
import { CHANNEL, eventually, LAWYER, LEGAL, SELLER, type SlackHarness } from './harness.js';
import { confirmSaid, decidedCourtCase, openByCommand, startClean, ui } from './harness-extra.js';

// Slack delivers message and command text with `&` `<` `>` encoded as `&amp;` `&lt;` `&gt;` (and links
// wrapped in <…>). These tests send text exactly as Slack would and check what the case stores (what
// was typed) and what is posted back (escaped once: "A&amp;B", never "A&amp;amp;B").

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

/** Every message the bot posted, as the raw mrkdwn Slack would render. */
const allPosted = () => h.api.messages.map((m) => `${m.text ?? ''}\n${visibleText(m)}`).join('\n');

// A link whose listing id is in the query, after an `&`: Slack sends it as `&amp;productId=`.
const URL_TYPED = 'https://www.aliexpress.com/i/item.html?spm=a2g0o&productId=1005006123456789';
const asSlackSends = (typed: string) =>
  typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('Slack: text Slack encodes is decoded before parsing, and escaped once when shown', () => {
  it('/ipcheck with a listing URL holding "&" and a brand "A&B" opens the right case and shows "A&B" once-escaped', async () => {
    const root = await openByCommand(
      h,
      asSlackSends(`${URL_TYPED} trademark complaint from A&B, received yesterday, we never listed it`),
    );
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.state.facts.listingId).toBe('1005006123456789');
    expect(rec?.state.details.brand).toBe('A&B');
    await confirmSaid(h, root);
    await eventually(() => expect(ui(h).threadText(root)).toContain('What to do: IPC-0001'));
    await ui(h).press('Draft the dispute reply', root);
    await eventually(() => expect(ui(h).threadText(root)).toContain('Dispute reply (to the platform)'));
    expect(allPosted()).toContain('A&amp;B');
    expect(allPosted()).not.toContain('&amp;amp;');
    expect(allPosted()).not.toContain('&amp;lt;');
  });

  it('an @mention with a Slack-wrapped link and an encoded brand opens the same kind of case', async () => {
    const ts = '1732790000.000700';
    await h.event(
      appMentionEvent({
        text: `<@U0BOT> got a complaint on <${asSlackSends(URL_TYPED)}> from A&amp;B, their logo is on the product`,
        user: SELLER,
        channel: CHANNEL,
        ts,
      }),
    );
    await eventually(() => expect(ui(h).threadText(ts)).toContain('I understood:'));
    const rec = await h.stores.cases.byConversation(`slack:T0001:${CHANNEL}:${ts}`);
    expect(rec?.state.facts.listingId).toBe('1005006123456789');
    expect(rec?.state.details.brand).toBe('A&B');
    expect(allPosted()).not.toContain('&amp;amp;');
  });

  it('a seller’s answer to legal with "<" and "&" reaches the legal thread escaped once', async () => {
    const u = ui(h);
    const root = await decidedCourtCase(h);
    await u.press('Escalate to legal', root);
    await eventually(() => expect(h.api.messagesIn(LEGAL, { topLevelOnly: true })).toHaveLength(1));
    const parent = h.api.messagesIn(LEGAL, { topLevelOnly: true })[0]?.ts as string;
    await eventually(() => expect(u.threadText(root)).toContain('Escalated to legal'));
    await u.press('Request info', parent, { user: LAWYER, channel: LEGAL });
    const modal = await h.api.waitFor('views.open');
    await h.submit({
      user: LAWYER,
      view: {
        callback_id: 'ipc_view_legal_info',
        private_metadata: (modal.args.view as { private_metadata: string }).private_metadata,
        // Modal inputs arrive as typed (not encoded): "R&D <docs>" is literal text.
        state: { values: { question: { value: plainTextValue('Do you have R&D <docs>?') } } },
      },
    });
    await eventually(() => expect(u.threadText(root)).toContain('Do you have R&amp;D &lt;docs&gt;?'));
    await h.event(
      messageEvent({
        text: asSlackSends('Yes: sold < 10 units & kept the invoices'),
        user: SELLER,
        channel: CHANNEL,
        thread_ts: root,
      }),
    );
    await eventually(() =>
      expect(u.threadText(parent, LEGAL)).toContain(
        'answered: Yes: sold &lt; 10 units &amp; kept the invoices',
      ),
    );
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.escalation?.infoRequests[0]).toMatchObject({
      question: 'Do you have R&D <docs>?',
      answer: 'Yes: sold < 10 units & kept the invoices',
    });
    expect(allPosted()).not.toMatch(/&amp;(amp|lt|gt);/);
  });

  it('a seller’s *bold*, _italics_, ~strike~ and `code` reach legal as typed, not as formatting', async () => {
    const u = ui(h);
    const root = await decidedCourtCase(h);
    await u.press('Escalate to legal', root);
    await eventually(() => expect(h.api.messagesIn(LEGAL, { topLevelOnly: true })).toHaveLength(1));
    const parent = h.api.messagesIn(LEGAL, { topLevelOnly: true })[0]?.ts as string;
    await eventually(() => expect(u.threadText(root)).toContain('Escalated to legal'));
    await u.press('Request info', parent, { user: LAWYER, channel: LEGAL });
    const modal = await h.api.waitFor('views.open');
    await h.submit({
      user: LAWYER,
      view: {
        callback_id: 'ipc_view_legal_info',
        private_metadata: (modal.args.view as { private_metadata: string }).private_metadata,
        state: { values: { question: { value: plainTextValue('Was it *only* on `AliExpress`?') } } },
      },
    });
    await eventually(() => expect(u.threadText(root)).toContain('Legal (<@U0LAWYER>) asks:'));
    const typed = '*yes* only there, _never_ ~on Amazon~, SKU `A-1`';
    await h.event(
      messageEvent({ text: asSlackSends(typed), user: SELLER, channel: CHANNEL, thread_ts: root }),
    );
    await eventually(() => expect(u.threadText(parent, LEGAL)).toContain('answered:'));
    const answered =
      u
        .threadText(parent, LEGAL)
        .split('\n---\n')
        .find((t) => t.includes('answered:')) ?? '';
    const asked =
      u
        .threadText(root)
        .split('\n---\n')
        .find((t) => t.includes('asks:')) ?? '';
    for (const [text, words] of [
      [answered, typed],
      [asked, 'Was it *only* on `AliExpress`?'],
    ] as const) {
      // What Slack shows: a date token shows its fallback as plain text.
      const tokens = /<!date\^\d+\^\{_\}\|([^>]*)>/g;
      expect(text.replace(tokens, '$1')).toContain(words);
      // No formatting character is left where Slack would act on it.
      const live = text.replace(tokens, '').replace(/<@U0[A-Z]+>/g, '');
      expect(live, text).not.toMatch(/[*`~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/);
    }
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.escalation?.infoRequests[0]?.answer).toBe(typed);
  });

  it('a bad listing quoted back in /ipcheck’s answer cannot become a mention', async () => {
    await h.command(asSlackSends('<!channel> hello'));
    await eventually(() => expect(h.api.responses).toHaveLength(1));
    const said = String(h.api.responses[0]?.body.text);
    expect(said).not.toContain('<!channel>');
  });
});

describe('fromSlackText', () => {
  it('unwraps links, channels and mentions, and decodes entities last', () => {
    expect(fromSlackText('see <https://x.example/a?b=1&amp;c=2|x.example>')).toBe(
      'see https://x.example/a?b=1&c=2',
    );
    expect(fromSlackText('<#C123|legal> <!here> <!subteam^S1|@ip-team> <@U1>')).toBe(
      '#legal @here @ip-team @U1',
    );
    expect(fromSlackText('R&amp;D &lt;b&gt; &amp;lt;')).toBe('R&D <b> &lt;');
    expect(fromSlackText('<mailto:a@b.example|a@b.example>')).toBe('a@b.example');
  });
});
