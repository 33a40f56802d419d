import { SKIP_VALUE } from '../../app/button-event.js';
import type { ButtonValue } from '../../app/button-value.js';
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
import type { OutActivity } from './bot-adapter.js';
import { type CardAction, submitData } from './card-data.js';

// Reply → Adaptive Cards 1.5, as pure functions. Teams' limits are kept here, so Teams never rejects a
// message: every message stays under 28 KB (a card too big is split into several, in order), and carries
// a plain-text fallback (`summary` for notifications, the card's `fallbackText` for clients that cannot
// render it). Text that came from a person or a listing goes in TextRuns, which Teams does not read as
// markdown, so seller text can never become a link or formatting.

export type Element = Record<string, unknown>;
export type CardActionJson = Record<string, unknown>;

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams refuses messages over 28 KB; the margin covers the activity around the card. */
export const MAX_CARD_BYTES = 26_000;
// Teams shows at most 6 actions in one action set; more are put in the next set.
const ACTIONS_PER_SET = 5;

interface RunStyle {
  weight?: 'Bolder';
  italic?: boolean;
  isSubtle?: boolean;
  color?: 'Attention' | 'Good' | 'Warning' | 'Accent';
  size?: 'Medium' | 'Large';
}

/**
 * Text runs for a paragraph: a `command` between backticks (the core's way of naming what to type, which
 * Slack shows as code) becomes a monospace run without its backticks. Nothing else is formatted: TextRuns
 * are never read as markdown, so no text can become a link.
 */
function runs(text: string, style: RunStyle): object[] {
  const parts = text.split(/`([^`\n]+)`/);
  if (parts.length === 1) return [{ type: 'TextRun', text, ...style }];
  return parts
    .map((t, i) =>
      i % 2 === 1
        ? { type: 'TextRun', text: t, fontType: 'Monospace', ...style }
        : { type: 'TextRun', text: t, ...style },
    )
    .filter((r) => r.text !== '');
}

/** A paragraph of data text: never read as markdown. */
export function para(text: string, style: RunStyle = {}, spacing?: 'Medium' | 'Small'): Element {
  return {
    type: 'RichTextBlock',
    ...(spacing ? { spacing } : {}),
    inlines: runs(clip(text, 5000), style),
  };
}

/** A line with a bold lead-in and data after it. */
function labelled(label: string, text: string): Element {
  return {
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: `${label} `, weight: 'Bolder' },
      { type: 'TextRun', text: clip(text, 5000) },
    ],
  };
}

export function submit(
  title: string,
  action: CardAction,
  b: ButtonValue,
  opts: { style?: 'positive' | 'destructive'; rev?: number } = {},
): CardActionJson {
  return {
    type: 'Action.Submit',
    title: clip(title, 75),
    data: submitData(action, b, opts.rev),
    ...(opts.style ? { style: opts.style } : {}),
  };
}

const openUrl = (title: string, url: string): CardActionJson => ({
  type: 'Action.OpenUrl',
  title: clip(title, 75),
  url,
});

export function actionSets(actions: CardActionJson[]): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_SET)
    out.push({ type: 'ActionSet', actions: actions.slice(i, i + ACTIONS_PER_SET) });
  return out;
}

export function cardJson(body: Element[], fallback: string): Element {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    fallbackText: clip(fallback, 1000),
    body,
  };
}

export function cardMessage(card: Element, summary: string): OutActivity {
  return {
    type: 'message',
    summary: clip(summary, 250),
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }],
  };
}

/**
 * A short message that carries someone's words (a seller's answer, legal's question, a display name, what
 * a seller typed). Teams reads a message's plain `text` as markdown, so `[invoice](https://phish.example)`
 * would arrive as a link that hides where it goes; in a card's TextRuns it stays the characters typed.
 * The plain text is the notification summary and the card's fallback.
 */
export function wordsMessage(text: string): OutActivity {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return cardMessage(
    cardJson(
      (lines.length ? lines : [' ']).map((l) => para(l)),
      text,
    ),
    text,
  );
}

export const messageBytes = (m: OutActivity) => Buffer.byteLength(JSON.stringify(m), 'utf8');

/** One card when it fits, split in order into several otherwise (actions stay with their section). */
export function cardMessages(body: Element[], fallback: string): OutActivity[] {
  const out: OutActivity[] = [];
  let cur: Element[] = [];
  let size = 0;
  const push = () => {
    const text = out.length === 0 ? fallback : `${fallback} (continued)`;
    out.push(cardMessage(cardJson(cur, text), text));
  };
  for (const el of body) {
    const n = Buffer.byteLength(JSON.stringify(el), 'utf8');
    if (cur.length > 0 && size + n > MAX_CARD_BYTES - 2000) {
      push();
      cur = [];
      size = 0;
    }
    cur.push(el);
    size += n;
  }
  if (cur.length > 0) push();
  return out;
}

const heading = (text: string): Element => ({
  type: 'TextBlock',
  text: clip(text, 150),
  weight: 'Bolder',
  size: 'Medium',
  wrap: true,
});

// ---------- questions ----------

function questionBody(r: Extract<Reply, { kind: 'question' }>, caseId: string): Element[] {
  const body: Element[] = [para(r.text, { weight: 'Bolder' }, 'Medium')];
  if (r.help) body.push(para(r.help, { isSubtle: true }));
  const choices = r.choices.map((c) =>
    submit(c.label, 'answer', { c: caseId, q: r.questionId, v: c.value, s: r.seq }),
  );
  if (choices.length > 25) body.push(para(r.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')));
  else body.push(...actionSets(choices));
  if (r.freeTextHint) body.push(para(`Reply here in your own words. ${r.freeTextHint}`, { isSubtle: true }));
  const nav: CardActionJson[] = [];
  if (r.canSkip) nav.push(submit('Skip', 'answer', { c: caseId, q: r.questionId, v: SKIP_VALUE, s: r.seq }));
  if (r.canGoBack) nav.push(submit('Change an answer', 'change', { c: caseId }));
  if (r.prompt !== 'change') nav.push(submit('Start over', 'restart', { c: caseId }));
  body.push(...actionSets(nav));
  return body;
}

// ---------- the outcome ----------

function routeBody(o: Outcome): Element[] {
  const body: Element[] = [];
  o.routes.forEach((r, i) => {
    body.push(
      para(
        `${i + 1}. ${r.title}${r.urgent ? '  (urgent)' : ''}`,
        {
          weight: 'Bolder',
          ...(r.urgent ? { color: 'Attention' as const } : {}),
        },
        'Medium',
      ),
      para(r.reason),
    );
    if (r.steps.length > 0) body.push(para(r.steps.map((s) => `• ${s}`).join('\n')));
    for (const c of r.citations)
      body.push({
        type: 'Container',
        style: 'emphasis',
        items: [para(`“${c.quote}”`, { italic: true }), para(`— ${citationLabel(c)}`, { isSubtle: true })],
      });
  });
  return body;
}

function deadlineBody(o: Outcome): Element[] {
  if (o.deadlines.length === 0) return [];
  return [
    heading('Deadlines'),
    ...o.deadlines.flatMap((d) => [
      labelled(`${formatDay(d.date)} (${whenText(d)}):`, d.label),
      para(`Counted as ${d.basis}. ${d.caveat}`, { isSubtle: true }),
    ]),
  ];
}

function actionBody(o: Outcome): Element[] {
  const body: Element[] = [];
  for (const a of o.actions) {
    body.push(para(a.title, { weight: 'Bolder' }, 'Medium'));
    body.push(para(a.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')));
    if (a.warning) body.push(para(`⚠ ${a.warning}`, { color: 'Warning' }));
    if (a.links.length > 0) body.push(...actionSets(a.links.map((l) => openUrl(l.label, l.url))));
  }
  return body;
}

export interface OutcomeView {
  caseId: string;
  /** A link to the legal thread once escalated. */
  escalatedTo?: string;
}

export function outcomeCards(o: Outcome, view: OutcomeView): OutActivity[] {
  const b = { c: view.caseId };
  const next: CardActionJson[] = [];
  if (o.drafts.some((d) => d.kind === 'dispute_reply'))
    next.push(
      submit('Draft the dispute reply', 'draft', { ...b, d: 'dispute_reply' }, { style: 'positive' }),
    );
  if (view.escalatedTo) next.push(openUrl('Open the legal thread', view.escalatedTo));
  else
    next.push(
      submit(
        'Escalate to legal',
        'escalate',
        b,
        o.routes.some((r) => r.urgent) ? { style: 'destructive' } : {},
      ),
    );
  next.push(submit('Change an answer', 'change', b), submit('Start over', 'restart', b));
  const body: Element[] = [
    heading(`What to do: ${view.caseId}`),
    ...routeBody(o),
    ...deadlineBody(o),
    ...actionBody(o),
    ...actionSets(next),
  ];
  if (o.notes.length > 0) body.push(para(o.notes.join(' '), { isSubtle: true }));
  return cardMessages(body, `What to do for ${view.caseId}: ${o.routes.map((r) => r.title).join('; ')}`);
}

// ---------- drafts ----------

export interface DraftView {
  caseId: string;
  /** The saved revision the edit form starts from (a save from an older one is refused). */
  rev: number;
  edited?: boolean;
  sentBy?: string;
  sentAt?: string;
  /** Without the form and buttons: the copy posted in the legal thread, or a draft marked as sent. */
  readOnly?: boolean;
}

// An Input.Text holds the whole draft; past this many bytes (as JSON: Chinese text is 3 bytes a character)
// it is shown read-only in parts, since one input cannot be split across cards.
const EDITABLE_MAX_BYTES = 18_000;

export function draftCards(d: Draft, view: DraftView): OutActivity[] {
  const title = `${draftTitle(d.kind)}: ${view.caseId}`;
  const status = view.sentAt
    ? `Marked as sent by ${view.sentBy ?? 'someone'} on ${view.sentAt.slice(0, 10)}.`
    : `${view.edited ? 'Edited. ' : ''}${d.placeholders > 0 ? `Fill in the ${d.placeholders} [FILL IN] places before sending.` : 'Ready to send.'}`;
  const fallback = `${draftTitle(d.kind)} for ${view.caseId}: ${d.subject}`;
  const editable =
    !view.readOnly && !view.sentAt && Buffer.byteLength(JSON.stringify(d.body), 'utf8') <= EDITABLE_MAX_BYTES;
  if (!editable) {
    const body: Element[] = [
      heading(title),
      labelled('Subject:', d.subject),
      ...splitText(d.body, 4000).map((p) => para(p)),
      para(status, { isSubtle: true }),
    ];
    if (!view.readOnly && !view.sentAt)
      body.push(...actionSets([submit('Mark as sent', 'draft_sent', { c: view.caseId, d: d.kind })]));
    return cardMessages(body, fallback);
  }
  const b = { c: view.caseId, d: d.kind };
  const body: Element[] = [
    heading(title),
    { type: 'Input.Text', id: 'subject', label: 'Subject', value: d.subject, maxLength: 1000 },
    { type: 'Input.Text', id: 'body', label: 'Text', value: d.body, isMultiline: true, maxLength: 20_000 },
    para(status, { isSubtle: true }),
    ...actionSets([
      submit('Save', 'draft_save', b, { rev: view.rev }),
      submit('Mark as sent', 'draft_sent', b, { style: 'positive' }),
      submit('Regenerate', 'draft_regenerate', b),
    ]),
  ];
  return cardMessages(body, fallback);
}

// ---------- everything else ----------

function statusBody(r: Extract<Reply, { kind: 'status' }>): Element[] {
  const stage = { new: 'not started', open: 'questions in progress', decided: 'decided' }[r.stage];
  const body: Element[] = [heading(`Case ${r.caseId}: ${r.open ? 'open' : 'closed'}, ${stage}`)];
  if (r.routes.length) body.push(labelled('Routes:', r.routes.join(', ')));
  if (r.facts.length > 0) body.push(para(r.facts.join(' · '), { isSubtle: true }));
  body.push(para('Audit trail', { weight: 'Bolder' }, 'Medium'));
  for (const piece of splitText(r.audit.map((e) => `• ${auditLine(e)}`).join('\n'), 4000))
    body.push(para(piece));
  return body;
}

function replyBody(r: Reply, view: OutcomeView): Element[] {
  switch (r.kind) {
    case 'notice':
      return [para(`ℹ ${r.text}`, { isSubtle: true })];
    case 'say': {
      const t = partsText(r.parts);
      return [para(r.tone === 'error' ? `⚠ ${t}` : t, r.tone === 'error' ? { color: 'Warning' } : {})];
    }
    case 'text':
      if (r.tone === 'urgent') return [para(r.text, { weight: 'Bolder', color: 'Attention' })];
      return [
        para(r.tone === 'error' ? `⚠ ${r.text}` : r.text, r.tone === 'error' ? { color: 'Warning' } : {}),
      ];
    case 'understood':
      return [
        labelled('I understood:', r.items.join(' · ')),
        para(r.hint.replace(/Say "back"[^.]*\./, 'Use Change an answer to correct any of it.'), {
          isSubtle: true,
        }),
      ];
    case 'question':
      return questionBody(r, view.caseId);
    case 'help':
      return [para(r.text), ...r.commands.map((c) => labelled(`${c.command}:`, c.what))];
    case 'faq':
      return [
        para(r.text),
        ...r.citations.map((c) => para(`“${c.quote}” — ${citationLabel(c)}`, { italic: true })),
      ];
    case 'status':
      return statusBody(r);
    case 'cases':
      return r.cases.length === 0
        ? [para('No open cases.')]
        : [
            heading('Open cases'),
            ...r.cases.map((c) =>
              para(`• ${c.id} ${c.platform ?? ''} ${c.listingId ?? '(no listing yet)'} — ${c.status}`),
            ),
          ];
    case 'outcome':
      return [];
  }
}

/** A turn's replies as Teams messages: the outcome gets its own card; small replies share one. */
export function renderTeams(replies: readonly Reply[], view: OutcomeView): OutActivity[] {
  const out: OutActivity[] = [];
  let body: Element[] = [];
  let texts: string[] = [];
  const flush = () => {
    if (body.length > 0) out.push(...cardMessages(body, clip(texts.join('\n'), 1000)));
    body = [];
    texts = [];
  };
  for (const r of replies) {
    if (r.kind === 'outcome') {
      flush();
      out.push(...outcomeCards(r.outcome, view));
      continue;
    }
    body.push(...replyBody(r, view));
    texts.push(renderReplyText(r));
  }
  flush();
  return out;
}
