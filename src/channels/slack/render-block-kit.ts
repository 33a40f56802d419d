import type { types } from '@slack/bolt';
import { SKIP_VALUE } from '../../app/button-event.js';
import type { Outcome } from '../../domain/conversation/outcome.js';
import {
  auditLine,
  citationLabel,
  renderReplyText,
  whenText,
} from '../../domain/conversation/render-text.js';
import { partsText, type Reply } from '../../domain/conversation/replies.js';
import type { Draft } from '../../domain/drafting/build-drafts.js';
import { draftTitle } from '../../domain/drafting/draft-names.js';
import { formatDay } from '../../domain/model/dates.js';
import { clip, splitText } from '../shared/split-text.js';
import { ACTION, encodeValue } from './action-ids.js';

export { clip, splitText };

// Reply → Block Kit, as pure functions. Slack's limits are enforced here so Slack never rejects a
// message: 50 blocks, 3000 characters per section, 75 per button label, 25 elements per actions block,
// ~12,000 characters of blocks per message (longer drafts are split across messages).

type Block = types.KnownBlock;
type Button = types.Button;

export interface SlackMessage {
  /** Plain-text fallback: notifications, screen readers, old clients. */
  text: string;
  blocks: Block[];
}

export const LIMITS = {
  blocks: 50,
  section: 3000,
  button: 75,
  actions: 25,
  header: 150,
  messageChars: 11_000,
};

/** Slack's three control characters, for text inside a code block (where nothing else is read). */
export function escapeEntities(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Slack has no escape for *bold*, _italics_, ~strike~ and `code`. A character given as the fallback of a
// date token with an invalid format is shown (and copied) as itself, as plain text, and never starts or
// ends formatting (the same trick as jsx-slack's <Escape>). The fallback cannot hold an entity, so a line
// that starts with "&gt;" (a block quote) gets an invisible soft hyphen in front instead.
const plainChar = (c: string) => `<!date^00000000^{_}|${c}>`;
// An emoji shortcode (`:white_check_mark:`) is left as it is: its underscores format nothing.
const FORMATTING = /(:[a-z0-9+'-]+(?:_[a-z0-9+'-]+)+:)|[*_~`]/g;
// Slack formats with * _ ~ only at a word's edge: one between two letters or digits (snake_case, 5*3)
// formats nothing and is left as it is. A backtick is always escaped.
const WORD = /[A-Za-z0-9]/;
const inWord = (s: string, i: number) => WORD.test(s[i - 1] ?? '') && WORD.test(s[i + 1] ?? '');

/**
 * Text a person wrote (or that quotes them), for mrkdwn: it shows exactly as typed, and never becomes a
 * mention, a link, a block quote or formatting. The one place seller words are escaped for Slack.
 */
export function escapeMrkdwn(s: string): string {
  return escapeEntities(s)
    .replace(
      FORMATTING,
      (c: string, emoji: string | undefined, at: number, all: string) =>
        emoji ?? (c !== '`' && inWord(all, at) ? c : plainChar(c)),
    )
    .replace(/^&gt;/gm, '\u00ad&gt;');
}

/** ipcheck's own rule text (route steps): escaped the same, but its `command` spans stay code. */
function ruleText(s: string): string {
  return s
    .split(/(`[^`\n]+`)/)
    .map((part) =>
      /^`[^`\n]+`$/.test(part) ? `\`${escapeEntities(part.slice(1, -1))}\`` : escapeMrkdwn(part),
    )
    .join('');
}

const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, LIMITS.section) },
});
const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.section) }],
});
const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: clip(text, LIMITS.header) },
});

function button(text: string, actionId: string, value?: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(text, LIMITS.button) },
    action_id: actionId,
    ...(value !== undefined ? { value } : {}),
    ...(style ? { style } : {}),
  };
}

function linkButton(text: string, url: string, i: number): Button {
  // Distinct action ids: Slack requires them unique within a message.
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(text, LIMITS.button) },
    url,
    action_id: `${ACTION.link}_${i}`,
  };
}

function actions(elements: Button[], blockId?: string): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.actions) {
    out.push({
      type: 'actions',
      ...(blockId ? { block_id: `${blockId}_${i}` } : {}),
      elements: elements.slice(i, i + LIMITS.actions),
    });
  }
  return out;
}

// ---------- questions and small replies ----------

function questionBlocks(r: Extract<Reply, { kind: 'question' }>, caseId: string): Block[] {
  const blocks: Block[] = [section(`*${escapeMrkdwn(r.text)}*`)];
  if (r.help) blocks.push(context(escapeMrkdwn(r.help)));
  const choiceButtons = r.choices.map((c) =>
    button(c.label, ACTION.answer, encodeValue({ c: caseId, q: r.questionId, v: c.value, s: r.seq })),
  );
  if (choiceButtons.length > LIMITS.actions) {
    // Too many for buttons: a numbered list the seller answers by typing the number.
    blocks.push(section(r.choices.map((c, i) => `${i + 1}. ${escapeMrkdwn(c.label)}`).join('\n')));
  } else if (choiceButtons.length > 0) {
    blocks.push(...actions(choiceButtons, `q_${r.questionId}_${r.seq}`));
  }
  if (r.freeTextHint) blocks.push(context(`Reply in this thread. ${escapeMrkdwn(r.freeTextHint)}`));
  const nav: Button[] = [];
  if (r.canSkip)
    nav.push(
      button('Skip', ACTION.answer, encodeValue({ c: caseId, q: r.questionId, v: SKIP_VALUE, s: r.seq })),
    );
  if (r.canGoBack) nav.push(button('Change an answer', ACTION.change, encodeValue({ c: caseId })));
  if (r.prompt !== 'change') nav.push(button('Start over', ACTION.restart, encodeValue({ c: caseId })));
  if (nav.length > 0) blocks.push(...actions(nav, `nav_${r.seq}`));
  return blocks;
}

// ---------- the outcome ----------

function routeBlocks(o: Outcome): Block[] {
  const blocks: Block[] = [];
  o.routes.forEach((r, i) => {
    const urgent = r.urgent ? '  :rotating_light: *urgent*' : '';
    blocks.push(section(`*${i + 1}. ${escapeMrkdwn(r.title)}*${urgent}\n${escapeMrkdwn(r.reason)}`));
    if (r.steps.length > 0) blocks.push(section(r.steps.map((s) => `• ${ruleText(s)}`).join('\n')));
    const quotes = r.citations.map(
      (c) => `> “${escapeMrkdwn(c.quote)}” — _${escapeMrkdwn(citationLabel(c))}_`,
    );
    if (quotes.length > 0) blocks.push(context(quotes.join('\n')));
  });
  return blocks;
}

function deadlineBlocks(o: Outcome): Block[] {
  if (o.deadlines.length === 0) return [];
  const lines = o.deadlines.map(
    (d) =>
      `• *${formatDay(d.date)}* (${whenText(d)}): ${escapeMrkdwn(d.label)}\n   _${escapeMrkdwn(`Counted as ${d.basis}. ${d.caveat}`)}_`,
  );
  return [section(`*Deadlines*\n${lines.join('\n')}`)];
}

function actionBlocks(o: Outcome): Block[] {
  const blocks: Block[] = [];
  let n = 0;
  for (const a of o.actions) {
    const steps = a.steps.map((s, i) => `${i + 1}. ${escapeMrkdwn(s)}`).join('\n');
    const warning = a.warning ? `\n:warning: ${escapeMrkdwn(a.warning)}` : '';
    blocks.push(section(`*${escapeMrkdwn(a.title)}*\n${steps}${warning}`));
    if (a.links.length > 0) blocks.push(...actions(a.links.map((l) => linkButton(l.label, l.url, n++))));
  }
  return blocks;
}

export interface OutcomeView {
  caseId: string;
  /** Permalink to the legal thread once escalated. */
  escalatedTo?: string;
}

/** The outcome: one message when it fits, split in order otherwise (the buttons always come last). */
export function outcomeMessages(o: Outcome, view: OutcomeView): SlackMessage[] {
  const blocks: Block[] = [
    header(`What to do: ${view.caseId}`),
    ...routeBlocks(o),
    { type: 'divider' },
    ...deadlineBlocks(o),
    ...actionBlocks(o),
  ];
  const next: Button[] = [];
  const value = encodeValue({ c: view.caseId });
  if (o.drafts.some((d) => d.kind === 'dispute_reply'))
    next.push(button('Draft the dispute reply', ACTION.draftDispute, value, 'primary'));
  if (view.escalatedTo) next.push(linkButton('Open the legal thread', view.escalatedTo, 99));
  else
    next.push(
      button(
        'Escalate to legal',
        ACTION.escalate,
        value,
        o.routes.some((r) => r.urgent) ? 'danger' : undefined,
      ),
    );
  next.push(button('Change an answer', ACTION.change, value), button('Start over', ACTION.restart, value));
  blocks.push(...actions(next, 'outcome_next'));
  if (o.notes.length > 0) blocks.push(context(o.notes.map(escapeMrkdwn).join(' ')));
  const text = `What to do for ${view.caseId}: ${escapeMrkdwn(o.routes.map((r) => r.title).join('; '))}`;
  return splitMessages(text, blocks);
}

// ---------- drafts ----------

export interface DraftView {
  caseId: string;
  edited?: boolean;
  sentBy?: string;
  sentAt?: string;
  /** Without buttons: the copy posted in the legal thread. */
  buttons?: boolean;
}

/** A draft as one or more messages: the body split at paragraph boundaries, never rejected for length. */
export function draftMessages(d: Draft, view: DraftView): SlackMessage[] {
  const status = view.sentAt
    ? `:white_check_mark: Marked as sent by <@${view.sentBy}> on ${view.sentAt.slice(0, 10)}`
    : `${view.edited ? 'Edited. ' : ''}${d.placeholders > 0 ? `Fill in the ${d.placeholders} [FILL IN] places before sending.` : 'Ready to send.'}`;
  const head: Block[] = [
    header(`${draftTitle(d.kind)}: ${view.caseId}`),
    section(`*Subject:* ${escapeMrkdwn(d.subject)}`),
  ];
  // Escape first, then split: escaping makes text longer (& → &amp;), so splitting the raw text could
  // give a piece over 3000 characters that clip() would cut, losing part of the draft.
  // Three backticks in the draft would close the code block early: a zero-width space keeps them apart.
  // Inside the code block only the entities need escaping, and the body stays exact for copying.
  const body = escapeEntities(d.body).replace(/```/g, '`\u200b``');
  const pieces = splitText(body, LIMITS.section - 10).map((p) => section(`\`\`\`${p}\`\`\``));
  const tail: Block[] = [context(status)];
  if (view.buttons !== false) {
    const v = encodeValue({ c: view.caseId, d: d.kind });
    tail.push(
      ...actions(
        [
          button('Edit', ACTION.draftEdit, v),
          button('Regenerate', ACTION.draftRegenerate, v),
          button('Mark as sent', ACTION.draftSent, v, 'primary'),
        ],
        `draft_${d.kind}`,
      ),
    );
  }
  // The fallback `text` is mrkdwn too (and drives notifications): seller text in it is escaped as well.
  const text = `${draftTitle(d.kind)} for ${view.caseId}: ${escapeMrkdwn(d.subject)}`;
  return splitMessages(text, [...head, ...pieces, ...tail]);
}

// ---------- everything else ----------

function statusBlocks(r: Extract<Reply, { kind: 'status' }>): Block[] {
  const stage = { new: 'not started', open: 'questions in progress', decided: 'decided' }[r.stage];
  const blocks: Block[] = [
    section(
      `*Case ${r.caseId}*: ${r.open ? 'open' : 'closed'}, ${stage}${r.routes.length ? `\nRoutes: ${r.routes.join(', ')}` : ''}`,
    ),
  ];
  if (r.facts.length > 0) blocks.push(context(escapeMrkdwn(r.facts.join(' · '))));
  const audit = r.audit.map((e) => `• ${escapeMrkdwn(auditLine(e))}`);
  for (const piece of splitText(audit.join('\n'), LIMITS.section - 30))
    blocks.push(section(`*Audit trail*\n${piece}`));
  return blocks;
}

function replyBlocks(r: Reply, view: OutcomeView): Block[] {
  switch (r.kind) {
    case 'notice':
      return [context(`:information_source: ${escapeMrkdwn(r.text)}`)];
    case 'say': {
      const t = partsText(r.parts, (id) => `<@${id}>`, escapeMrkdwn);
      return [section(r.tone === 'error' ? `:warning: ${t}` : t)];
    }
    case 'text':
      if (r.tone === 'urgent') return [section(`:rotating_light: *${escapeMrkdwn(r.text)}*`)];
      return [section(r.tone === 'error' ? `:warning: ${escapeMrkdwn(r.text)}` : escapeMrkdwn(r.text))];
    case 'understood':
      return [
        section(`*I understood:* ${r.items.map(escapeMrkdwn).join(' · ')}`),
        context(
          // Our own bold goes in after escaping (escaping first would show its asterisks).
          escapeMrkdwn(r.hint).replace(/Say "back"[^.]*\./, 'Use *Change an answer* to correct any of it.'),
        ),
      ];
    case 'question':
      return questionBlocks(r, view.caseId);
    case 'help':
      return [
        section(escapeMrkdwn(r.text)),
        context(r.commands.map((c) => `*${escapeMrkdwn(c.command)}*: ${escapeMrkdwn(c.what)}`).join('\n')),
      ];
    case 'faq':
      return [
        section(escapeMrkdwn(r.text)),
        context(
          r.citations
            .map((c) => `> “${escapeMrkdwn(c.quote)}” — _${escapeMrkdwn(citationLabel(c))}_`)
            .join('\n'),
        ),
      ];
    case 'status':
      return statusBlocks(r);
    case 'cases':
      return [
        section(
          r.cases.length === 0
            ? 'No open cases.'
            : `*Open cases*\n${r.cases.map((c) => `• *${c.id}* ${escapeMrkdwn(`${c.platform ?? ''} ${c.listingId ?? '(no listing yet)'}`)} — ${c.status}`).join('\n')}`,
        ),
      ];
    case 'outcome':
      return outcomeMessages(r.outcome, view).flatMap((m) => m.blocks);
  }
}

/** Renders a turn's replies as Slack messages: the outcome gets its own message; small replies share one. */
export function renderSlack(replies: readonly Reply[], view: OutcomeView): SlackMessage[] {
  const out: SlackMessage[] = [];
  let blocks: Block[] = [];
  let texts: string[] = [];
  const flush = () => {
    // The fallback `text` is mrkdwn and drives notifications: seller text in it must not become
    // <!channel>, a mention or a link, so it is escaped like the blocks.
    if (blocks.length > 0) out.push(...splitMessages(clip(escapeMrkdwn(texts.join('\n')), 3000), blocks));
    blocks = [];
    texts = [];
  };
  for (const r of replies) {
    if (r.kind === 'outcome') {
      flush();
      out.push(...outcomeMessages(r.outcome, view));
      continue;
    }
    blocks.push(...replyBlocks(r, view));
    texts.push(renderReplyText(r));
  }
  flush();
  return out;
}

function blockChars(b: Block): number {
  return JSON.stringify(b).length;
}

/** Splits a block list into messages within the block-count and total-size limits. */
export function splitMessages(text: string, blocks: Block[]): SlackMessage[] {
  const out: SlackMessage[] = [];
  let cur: Block[] = [];
  let chars = 0;
  for (const b of blocks) {
    const n = blockChars(b);
    if (cur.length > 0 && (cur.length >= LIMITS.blocks || chars + n > LIMITS.messageChars)) {
      out.push({ text: clip(out.length === 0 ? text : `${text} (continued)`, 3000), blocks: cur });
      cur = [];
      chars = 0;
    }
    cur.push(b);
    chars += n;
  }
  if (cur.length > 0)
    out.push({ text: clip(out.length === 0 ? text : `${text} (continued)`, 3000), blocks: cur });
  return out;
}
