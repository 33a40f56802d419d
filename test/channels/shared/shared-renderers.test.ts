import { describe, expect, it } from 'vitest';
import { draftMessages, renderSlack } from '../../../src/channels/slack/render-block-kit.js';
import type { OutActivity } from '../../../src/channels/teams/bot-adapter.js';
import { draftCards, renderTeams } from '../../../src/channels/teams/render-cards.js';
import type { Outcome } from '../../../src/domain/conversation/outcome.js';
import { renderDraftText, renderRepliesText } from '../../../src/domain/conversation/render-text.js';
import type { Reply } from '../../../src/domain/conversation/replies.js';
import { step } from '../../../src/domain/conversation/step.js';
import { newCase } from '../../../src/domain/model/case-state.js';
import { testContext } from '../../helpers/context.js';

// One table of conversations drives all three renderers: the terminal's text, Slack's Block Kit and
// Teams' Adaptive Cards must show the same routes, in the same order, with the same citations and
// deadlines, and the same drafts word for word. Each renderer's output is read back as a person would
// read it (Slack's escaping undone, split drafts joined), not compared by structure.

const NOW = new Date('2026-11-28T10:00:00Z');

interface Row {
  name: string;
  start: string;
  /** Choice values to pick when a question offers them; otherwise its first choice. */
  picks: string[];
  routes: string[];
}

const TABLE: Row[] = [
  {
    name: 'AliExpress listing that was never ours',
    start: '1005006123456789',
    picks: ['platform_complaint', 'no', 'today'],
    routes: ['dispute_reply', 'store_sweep'],
  },
  {
    name: 'court papers over a trademark',
    start: 'court papers and frozen funds over a trademark on 1005006123456789, the brand is A&B <Home>',
    picks: ['court_or_tro', 'yes', 'today'],
    routes: ['lawyer_escalation', 'delist_now', 'store_sweep'],
  },
  {
    name: 'Amazon trademark, their logo on our product',
    start: 'trademark complaint on B0C1234567 yesterday, their logo is on the product',
    picks: ['platform_complaint', 'yes', 'none', 'small_or_stop'],
    routes: ['delist_now', 'store_sweep'],
  },
];

async function converse(row: Row): Promise<{ replies: Reply[]; outcome: Outcome }> {
  const ctx = await testContext();
  let r = step(ctx, newCase(), { type: 'start', text: row.start }, NOW);
  const replies: Reply[] = [...r.replies];
  for (let i = 0; i < 15; i++) {
    const o = r.replies.find((x) => x.kind === 'outcome');
    if (o?.kind === 'outcome') return { replies, outcome: o.outcome };
    const q = r.replies.find((x) => x.kind === 'question');
    if (q?.kind !== 'question') throw new Error(`no question and no outcome in ${row.name}`);
    const c = q.choices.find((x) => row.picks.includes(x.value)) ?? q.choices[0];
    if (!c) throw new Error(`question ${q.questionId} has no choices`);
    r = step(ctx, r.state, { type: 'answer', questionId: q.questionId, value: c.value, seq: q.seq }, NOW);
    replies.push(...r.replies);
  }
  throw new Error(`${row.name}: no outcome after 15 answers`);
}

const unescapeSlack = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const squash = (s: string) =>
  s
    .replace(/\u200b/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Every string under `keys` in a JSON tree, not looking inside `skip` (button values, submit data). */
function strings(tree: unknown, keys: string[], skip: string[]): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    for (const [k, v] of Object.entries(x)) {
      if (keys.includes(k) && typeof v === 'string') out.push(v);
      else if (!skip.includes(k)) walk(v);
    }
  };
  walk(tree);
  return out;
}

/** What a person reads in Slack messages (block texts and button labels), Slack's escaping undone. */
const slackText = (messages: { blocks: unknown[] }[]) =>
  unescapeSlack(
    strings(
      messages.map((m) => m.blocks),
      ['text'],
      ['value'],
    )
      .join('\n')
      .replace(/```/g, ''),
  );

/** What a person reads in Teams cards (text runs and blocks, input values, action titles). */
const teamsText = (messages: OutActivity[]) =>
  strings(
    messages.map((m) => m.attachments?.map((a) => a.content)),
    ['text', 'value', 'title'],
    ['data', 'fallbackText'],
  ).join('\n');

/** The route titles, in the order a renderer shows them ("1. Title"). */
function routeOrder(text: string, o: Outcome): string[] {
  return o.routes
    .map((r) => ({ id: r.id, at: text.indexOf(r.title) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.id);
}

describe('one conversation, three renderers', () => {
  it.each(TABLE)('$name: the same routes, guidance, deadlines and drafts everywhere', async (row) => {
    const { replies, outcome } = await converse(row);
    expect(outcome.routes.map((r) => r.id)).toEqual(row.routes);
    const view = { caseId: 'IPC-0042' };
    const rendered = {
      terminal: renderRepliesText(replies),
      slack: slackText(renderSlack(replies, view)),
      teams: teamsText(renderTeams(replies, view)),
    };
    for (const [who, text] of Object.entries(rendered)) {
      expect(routeOrder(text, outcome), who).toEqual(row.routes);
      for (const r of outcome.routes) {
        expect(squash(text), `${who}: reason of ${r.id}`).toContain(squash(r.reason));
        for (const c of r.citations) expect(squash(text), `${who}: quote`).toContain(squash(c.quote));
      }
      for (const d of outcome.deadlines) expect(text, `${who}: deadline ${d.id}`).toContain(d.label);
      for (const a of outcome.actions)
        for (const l of a.links) expect(text, `${who}: link ${l.label}`).toContain(l.label);
    }
    // Drafts: subject and body word for word in each channel's draft view.
    for (const d of [...outcome.drafts, ...outcome.optionalDrafts]) {
      const views = {
        terminal: renderDraftText(d),
        slack: slackText(draftMessages(d, { caseId: 'IPC-0042' })),
        teams: teamsText(draftCards(d, { caseId: 'IPC-0042', rev: 0 })),
      };
      for (const [who, text] of Object.entries(views)) {
        expect(squash(text), `${who}: ${d.kind} subject`).toContain(squash(d.subject));
        expect(squash(text), `${who}: ${d.kind} body`).toContain(squash(d.body));
      }
    }
  });
});
