import { describe, expect, it } from 'vitest';
import { decodeValue } from '../../../src/channels/slack/action-ids.js';
import {
  draftMessages,
  escapeMrkdwn,
  renderSlack,
  type SlackMessage,
} from '../../../src/channels/slack/render-block-kit.js';
import type { Reply } from '../../../src/domain/conversation/replies.js';
import type { Draft } from '../../../src/domain/drafting/build-drafts.js';

type Q = Extract<Reply, { kind: 'question' }>;

const question = (over: Partial<Q> = {}): Q => ({
  kind: 'question',
  questionId: 'listingIsOurs',
  seq: 3,
  text: 'Is the reported listing really yours?',
  choices: [
    { value: 'yes', label: 'Yes, it is our listing' },
    { value: 'no', label: 'No, it was never in our store' },
  ],
  canSkip: false,
  canGoBack: false,
  ...over,
});

type AnyBlock = {
  type: string;
  text?: { type: string; text: string };
  elements?: { type: string; text: string | { text: string }; action_id?: string; value?: string }[];
};
const blocksOf = (m: SlackMessage | undefined) => (m?.blocks ?? []) as AnyBlock[];
const answerButtons = (m: SlackMessage | undefined) =>
  blocksOf(m)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id === 'ipc_answer');
const unescapeMrkdwn = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('Block Kit: one question', () => {
  it('renders a section, its help as context, and answer buttons carrying case, question, value and seq', () => {
    const msgs = renderSlack([question({ help: 'Check Seller Center > Products.' })], { caseId: 'IPC-0007' });
    expect(msgs).toEqual([
      {
        text: 'Is the reported listing really yours?\n  Check Seller Center &gt; Products.\n  1. Yes, it is our listing\n  2. No, it was never in our store',
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: '*Is the reported listing really yours?*' },
          },
          {
            type: 'context',
            elements: [{ type: 'mrkdwn', text: 'Check Seller Center &gt; Products.' }],
          },
          {
            type: 'actions',
            block_id: 'q_listingIsOurs_3_0',
            elements: [
              {
                type: 'button',
                text: { type: 'plain_text', text: 'Yes, it is our listing' },
                action_id: 'ipc_answer',
                value: '{"c":"IPC-0007","q":"listingIsOurs","v":"yes","s":3}',
              },
              {
                type: 'button',
                text: { type: 'plain_text', text: 'No, it was never in our store' },
                action_id: 'ipc_answer',
                value: '{"c":"IPC-0007","q":"listingIsOurs","v":"no","s":3}',
              },
            ],
          },
          {
            type: 'actions',
            block_id: 'nav_3_0',
            elements: [
              {
                type: 'button',
                text: { type: 'plain_text', text: 'Start over' },
                action_id: 'ipc_restart',
                value: '{"c":"IPC-0007"}',
              },
            ],
          },
        ],
      },
    ]);
    // What a button carries comes back through the same decoder the click handler uses.
    expect(decodeValue(answerButtons(msgs[0])[1]?.value)).toEqual({
      c: 'IPC-0007',
      q: 'listingIsOurs',
      v: 'no',
      s: 3,
    });
  });

  it('clips button labels over 75 characters with "…"', () => {
    const long = `Authorized by the owner, with a signed letter, the invoices and the chain of distribution ${'x'.repeat(40)}`;
    expect(long.length).toBeGreaterThan(75);
    const [m] = renderSlack([question({ choices: [{ value: 'authorized', label: long }] })], {
      caseId: 'IPC-0001',
    });
    const [b] = answerButtons(m);
    const label = (b?.text as { text: string } | undefined)?.text ?? '';
    expect(label.length).toBe(75);
    expect(label.endsWith('…')).toBe(true);
    expect(label.slice(0, 74)).toBe(long.slice(0, 74));
  });

  it('degrades a question with more than 25 choices to a numbered list (no answer buttons)', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ value: `v${i + 1}`, label: `Choice ${i + 1}` }));
    const [m] = renderSlack([question({ choices })], { caseId: 'IPC-0001' });
    expect(answerButtons(m)).toEqual([]);
    const list = blocksOf(m).find((b) => b.type === 'section' && b.text?.text.startsWith('1. Choice 1\n'));
    expect(list?.text?.text.split('\n')).toEqual(choices.map((c, i) => `${i + 1}. ${c.label}`));
    for (const b of blocksOf(m))
      if (b.type === 'actions') expect((b.elements ?? []).length).toBeLessThanOrEqual(25);
  });
});

describe('Block Kit: seller text is never a mention or a link', () => {
  const hostile = 'hey <!channel> and <@U123> see <https://evil.example|click> & <!here>';

  it('escapes <, > and & in mrkdwn', () => {
    expect(escapeMrkdwn(hostile)).toBe(
      'hey &lt;!channel&gt; and &lt;@U123&gt; see &lt;https://evil.example|click&gt; &amp; &lt;!here&gt;',
    );
  });

  it('keeps seller text harmless in the blocks and in the notification text of a message', () => {
    const replies: Reply[] = [
      { kind: 'understood', items: [`brand: ${hostile}`], hint: 'Say "back" to change the last one.' },
      { kind: 'text', tone: 'error', text: `I could not read "${hostile}"` },
      question({ text: `About ${hostile}?`, help: hostile }),
    ];
    const msgs = renderSlack(replies, { caseId: 'IPC-0001' });
    expect(msgs.length).toBeGreaterThan(0);
    for (const m of msgs) {
      // Both what the blocks show and the `text` fallback (used for notifications) are mrkdwn.
      for (const s of [JSON.stringify(m.blocks), m.text]) {
        expect(s).not.toContain('<!channel>');
        expect(s).not.toContain('<!here>');
        expect(s).not.toContain('<@U123>');
        expect(s).not.toContain('<https://evil.example');
      }
      expect(JSON.stringify(m.blocks)).toContain('&lt;!channel&gt;');
    }
  });

  it('escapes seller text in a draft (subject and body)', () => {
    const d: Draft = {
      kind: 'dispute_reply',
      template: 't',
      subject: 'Re: <!channel> listing',
      body: 'Dear <@U123>,\n\nwe never listed it. <!here>',
      placeholders: 0,
    };
    for (const m of draftMessages(d, { caseId: 'IPC-0001' })) {
      for (const s of [JSON.stringify(m.blocks), m.text]) {
        expect(s).not.toContain('<!channel>');
        expect(s).not.toContain('<!here>');
        expect(s).not.toContain('<@U123>');
      }
    }
  });
});

describe('Block Kit: seller text shows as typed, never as formatting', () => {
  // Slack has no escape for *bold*, _italics_, ~strike~ and `code`. What a person sees of escaped text:
  // a date token shows its fallback as plain text; entities decode; the soft hyphen is invisible.
  const shown = (mrkdwn: string) =>
    mrkdwn
      .replace(/<!date\^\d+\^\{_\}\|([^>]*)>/g, '$1')
      .replace(/\u00ad/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  /**
   * The formatting characters Slack could still act on, outside the plain-text tokens: any backtick, and
   * a * _ ~ at a word's edge (Slack formats nothing with one between two letters or digits: snake_case).
   */
  const live = (mrkdwn: string) =>
    mrkdwn
      .replace(/<!date\^\d+\^\{_\}\|[^>]*>/g, '\u0000')
      .match(/`|(?<![A-Za-z0-9])[*_~]|[*_~](?![A-Za-z0-9])/g) ?? [];
  const TYPED = [
    '*bold* and _italic_ and ~strike~ and `code`',
    '```rm -rf /```',
    '**double** __under__ a*b*c snake_case_name',
    '> not a quote\nsecond line\n> also not',
    'price 5*3 = 15 ~ish',
  ];

  it('escapes every formatting character, and what is shown is exactly what was typed', () => {
    for (const typed of TYPED) {
      const out = escapeMrkdwn(typed);
      expect(live(out), typed).toEqual([]);
      expect(shown(out), typed).toBe(typed);
      // A line that starts with ">" is not a block quote: it does not start with &gt; any more.
      for (const line of out.split('\n')) expect(line.startsWith('&gt;'), typed).toBe(false);
    }
  });

  it('leaves emoji shortcodes working and text without formatting characters unchanged', () => {
    expect(escapeMrkdwn('done :white_check_mark: :+1:')).toBe('done :white_check_mark: :+1:');
    for (const plain of ['Nike trademark complaint on B0C1234567', 'notice=court_or_tro', 'a*b*c 5*3 x~y'])
      expect(escapeMrkdwn(plain)).toBe(plain);
  });

  it('in the replies: the seller’s words in "I understood", an error quoting them, and a question', () => {
    const replies: Reply[] = [
      { kind: 'understood', items: ['brand: *Nike* `x`'], hint: 'Say "back" to change the last one.' },
      { kind: 'text', tone: 'error', text: 'I could not read "_TRO_ ~maybe~"' },
      { kind: 'text', tone: 'info', text: 'Noted: *urgent*' },
    ];
    const [m] = renderSlack(replies, { caseId: 'IPC-0001' });
    const texts = (m?.blocks ?? []).flatMap((b) => {
      const x = b as AnyBlock;
      return [
        x.text?.text ?? '',
        ...(x.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : '')),
      ];
    });
    const all = texts.join('\n');
    expect(shown(all)).toContain('brand: *Nike* `x`');
    expect(shown(all)).toContain('I could not read "_TRO_ ~maybe~"');
    // Our own formatting stays: "I understood:" is bold, and so is the hint's button name.
    expect(all).toContain('*I understood:*');
    expect(all).toContain('Use *Change an answer* to correct any of it.');
    for (const t of [
      m?.text ?? '',
      ...texts.filter((t) => t.includes('Nike') || t.includes('TRO') || t.includes('urgent')),
    ])
      expect(live(t.replace('*I understood:*', '')), t).toEqual([]);
  });

  it('a draft’s body stays exact in its code block (copied into an email), and its subject cannot format', () => {
    const d: Draft = {
      kind: 'dispute_reply',
      template: 't',
      subject: 'Re: *urgent* case_42',
      body: 'Dear *team*,\n\nsee `SKU_1` and ~old~ terms.',
      placeholders: 0,
    };
    const [m] = draftMessages(d, { caseId: 'IPC-0001' });
    const blocks = blocksOf(m);
    const code = blocks.find((b) => b.text?.text.startsWith('```'));
    expect(code?.text?.text).toBe('```Dear *team*,\n\nsee `SKU_1` and ~old~ terms.```');
    const subject = blocks.find((b) => b.text?.text.startsWith('*Subject:*'))?.text?.text ?? '';
    expect(live(subject.replace('*Subject:*', ''))).toEqual([]);
    expect(shown(subject)).toBe('*Subject:* Re: *urgent* case_42');
  });

  it('our own rule text keeps its `command` as code, escaped inside', async () => {
    const { buildOutcome } = await import('../../../src/domain/conversation/outcome.js');
    const { outcomeMessages } = await import('../../../src/channels/slack/render-block-kit.js');
    const { testContext } = await import('../../helpers/context.js');
    const o = buildOutcome(
      {
        facts: { notice: 'court_or_tro', usesTheirIp: 'yes', rights: 'none', noticeDate: '2026-11-20' },
        details: {},
        today: '2026-11-28',
      },
      await testContext(),
    );
    const all = JSON.stringify(outcomeMessages(o, { caseId: 'IPC-0042' }).flatMap((m) => m.blocks));
    expect(all).toContain('`ipcheck sweep listings.csv --brand &lt;their brand&gt;`');
  });
});

describe('Block Kit: a long draft', () => {
  // About 20,000 characters of paragraphs of varying length, some full of characters that escaping makes longer.
  function longBody(): string {
    const paras: string[] = [];
    let i = 0;
    while (paras.join('\n\n').length < 20_000) {
      i += 1;
      const n = 200 + ((i * 373) % 700);
      const filler =
        i % 5 === 0 ? 'R&D <tested> & approved; ' : `Point ${i}: the product differs from the design. `;
      paras.push(`${i}. ${filler.repeat(Math.ceil(n / filler.length))}`.slice(0, n).trimEnd());
    }
    return paras.join('\n\n').slice(0, 20_000).trimEnd();
  }

  it('is split into several messages within Slack limits, at paragraph boundaries, losing nothing', () => {
    const body = longBody();
    expect(body.length).toBeGreaterThan(19_900);
    const d: Draft = { kind: 'dispute_reply', template: 't', subject: 'Appeal', body, placeholders: 0 };
    const msgs = draftMessages(d, { caseId: 'IPC-0001' });
    expect(msgs.length).toBeGreaterThan(1);
    const pieces: string[] = [];
    for (const m of msgs) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(12_000);
      expect(m.text.length).toBeLessThanOrEqual(3000);
      for (const b of blocksOf(m)) {
        if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
        if (b.type === 'section' && b.text?.text.startsWith('```')) {
          expect(b.text.text.endsWith('```')).toBe(true);
          pieces.push(unescapeMrkdwn(b.text.text.slice(3, -3)));
        }
      }
    }
    expect(pieces.length).toBeGreaterThan(6);
    // Every piece ends where a paragraph ends, and together they are the draft, character for character.
    for (const p of pieces) expect(body.includes(`${p}\n\n`) || body.endsWith(p)).toBe(true);
    expect(pieces.join('\n\n')).toBe(body);
    // The buttons come once, at the end.
    const all = msgs.flatMap((m) => blocksOf(m)).filter((b) => b.type === 'actions');
    expect(all).toHaveLength(1);
    expect(blocksOf(msgs.at(-1)).at(-1)?.type).toBe('actions');
  });
});

describe('outcome messages that would not fit one Slack message', () => {
  it('split in order, every part within limits, the buttons still in the last part', async () => {
    const { buildOutcome } = await import('../../../src/domain/conversation/outcome.js');
    const { outcomeMessages } = await import('../../../src/channels/slack/render-block-kit.js');
    const { testContext } = await import('../../helpers/context.js');
    const o = buildOutcome(
      {
        facts: {
          notice: 'court_or_tro',
          usesTheirIp: 'yes',
          rights: 'none',
          inventory: 'large_keep_selling',
          noticeDate: '2026-11-20',
        },
        details: {},
        today: '2026-11-28',
      },
      await testContext(),
    );
    const big = { ...o, routes: Array.from({ length: 12 }, () => o.routes).flat() };
    const msgs = outcomeMessages(big, { caseId: 'IPC-0042' });
    expect(msgs.length).toBeGreaterThan(1);
    for (const m of msgs) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(12_000);
    }
    const last = JSON.stringify(msgs[msgs.length - 1]?.blocks);
    expect(last).toContain('Escalate to legal');
    expect(msgs.flatMap((m) => m.blocks).filter((b) => b.type === 'header')).toHaveLength(1);
  });

  it('keeps three backticks in a draft from closing its code block', async () => {
    const { draftMessages } = await import('../../../src/channels/slack/render-block-kit.js');
    const [m] = draftMessages(
      { kind: 'dispute_reply', template: 't', subject: 's', body: 'before ``` after', placeholders: 0 },
      { caseId: 'IPC-0001' },
    );
    const texts = JSON.stringify(m?.blocks);
    expect(texts).toContain('before `\u200b`` after');
  });
});
