import { describe, expect, it } from 'vitest';
import { readSubmit } from '../../../src/channels/teams/card-data.js';
import {
  draftCards,
  MAX_CARD_BYTES,
  messageBytes,
  para,
  renderTeams,
} from '../../../src/channels/teams/render-cards.js';
import type { Draft } from '../../../src/domain/drafting/build-drafts.js';

const TEAMS_LIMIT = 28 * 1024;

const draft = (body: string): Draft => ({
  kind: 'dispute_reply',
  template: 'dispute',
  subject: 'Appeal for 1005006123456789',
  body,
  placeholders: 0,
});

describe('Teams cards', () => {
  it('a long draft is split into several cards, each under the 28 KB limit, with nothing lost', () => {
    const para = (i: number) => `Paragraph ${i}: ${'we never listed this product in our store '.repeat(20)}`;
    const body = Array.from({ length: 60 }, (_, i) => para(i)).join('\n\n');
    const cards = draftCards(draft(body), { caseId: 'IPC-0001', rev: 0 });
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) {
      expect(messageBytes(c)).toBeLessThan(TEAMS_LIMIT);
      expect(messageBytes(c)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(c.summary).toContain('IPC-0001');
    }
    const text = JSON.stringify(cards);
    for (let i = 0; i < 60; i++) expect(text).toContain(`Paragraph ${i}:`);
  });

  it('a draft in Chinese (3 bytes a character) stays under the limit too', () => {
    const body = Array.from({ length: 12 }, () => '我们从未在店铺上架过该商品，请驳回投诉。'.repeat(40)).join(
      '\n\n',
    );
    const cards = draftCards(draft(body), { caseId: 'IPC-0001', rev: 0 });
    for (const c of cards) expect(messageBytes(c)).toBeLessThan(TEAMS_LIMIT);
  });

  it('a draft that fits is one card with an editable multiline input and Save / Mark as sent / Regenerate', () => {
    const [card, more] = draftCards(draft('Short text.'), { caseId: 'IPC-0001', rev: 3 });
    expect(more).toBeUndefined();
    const json = JSON.stringify(card);
    expect(json).toContain('"id":"body","label":"Text","value":"Short text.","isMultiline":true');
    const content = card?.attachments?.[0]?.content as {
      body: { actions?: { title: string; data: unknown }[] }[];
    };
    const save = content.body.flatMap((b) => b.actions ?? []).find((a) => a.title === 'Save');
    expect(readSubmit(save?.data)).toEqual({
      ipc: 'draft_save',
      b: { c: 'IPC-0001', d: 'dispute_reply' },
      r: 3,
    });
  });

  it('seller text goes in TextRuns (never read as markdown), and the fallback is plain text', () => {
    const [m] = renderTeams(
      [{ kind: 'text', tone: 'info', text: 'see [this](https://evil.example) **now**' }],
      {
        caseId: 'IPC-0001',
      },
    );
    const content = m?.attachments?.[0]?.content as {
      body: { type: string; inlines?: { type: string; text: string }[] }[];
      fallbackText: string;
    };
    expect(content.body[0]?.type).toBe('RichTextBlock');
    expect(content.body[0]?.inlines?.[0]).toMatchObject({
      type: 'TextRun',
      text: 'see [this](https://evil.example) **now**',
    });
    expect(content.fallbackText).toBe('see [this](https://evil.example) **now**');
  });

  it('a `command` in backticks becomes a monospace run without the backticks; nothing else is formatted', () => {
    const p = para('Run `ipcheck sweep listings.csv` here, or see [our site](https://phish.example).');
    expect(p.inlines).toEqual([
      { type: 'TextRun', text: 'Run ' },
      { type: 'TextRun', text: 'ipcheck sweep listings.csv', fontType: 'Monospace' },
      { type: 'TextRun', text: ' here, or see [our site](https://phish.example).' },
    ]);
    // A lone backtick is text as written.
    expect(para('it`s ours').inlines).toEqual([{ type: 'TextRun', text: 'it`s ours' }]);
  });

  it('refuses submit data that is not ours or is malformed', () => {
    expect(readSubmit({ ipc: 'answer', b: { c: 'IPC-0001', q: 'notice', v: 'x', s: 1 } })).toBeDefined();
    expect(readSubmit({ ipc: 'drop_tables', b: { c: 'IPC-0001' } })).toBeUndefined();
    expect(readSubmit({ ipc: 'answer', b: { c: 'IPC-0001', extra: 1 } })).toBeUndefined();
    expect(readSubmit({ ipc: 'answer', b: { c: '../../etc' } })).toBeUndefined();
    expect(readSubmit('text')).toBeUndefined();
  });
});
