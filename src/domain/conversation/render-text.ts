import type { Deadline } from '../decision/deadlines.js';
import type { Route } from '../decision/decide.js';
import type { Action } from '../decision/delist-actions.js';
import type { Draft } from '../drafting/build-drafts.js';
import { draftTitle } from '../drafting/draft-names.js';
import type { AuditEntry } from '../model/case-record.js';
import { formatDay } from '../model/dates.js';
import type { Citation } from '../model/knowledge-base.js';
import { backgroundOf } from './background.js';
import type { Outcome } from './outcome.js';
import { partsText, type Reply } from './replies.js';

// Plain-text rendering of replies: the terminal chat uses it, and every other channel uses it as
// its fallback text. Pure functions: replies in, text out.

export function citationLabel(c: Citation): string {
  if (c.doc === 'guidance') return `Guidance §${c.section}`;
  const hedge = c.confidence === 'uncertain' ? ', unconfirmed: check the live rule' : '';
  return `${c.sectionTitle}${hedge}`;
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? '' : pad + l))
    .join('\n');
}

export function whenText(d: Deadline): string {
  if (d.daysLeft === -1) return '1 day ago, PASSED';
  if (d.daysLeft < 0) return `${-d.daysLeft} days ago, PASSED`;
  if (d.daysLeft === 0) return 'TODAY, urgent';
  if (d.daysLeft === 1) return 'tomorrow, urgent';
  return `in ${d.daysLeft} days`;
}

function renderRoute(r: Route, n: number): string {
  const lines = [
    `${n}. ${r.title}${r.urgent ? '  [URGENT]' : ''}  (${r.id})`,
    `   Why: ${r.reason}`,
    '   What to do:',
  ];
  for (const s of r.steps) lines.push(`   - ${s}`);
  lines.push('   The guidance says:');
  for (const c of r.citations) lines.push(`   > "${c.quote}" (${citationLabel(c)})`);
  return lines.join('\n');
}

function renderDeadline(d: Deadline): string {
  return [
    `- ${d.label}: ${formatDay(d.date)} (${whenText(d)})`,
    `  Counted as ${d.basis}.`,
    `  ${d.caveat}${d.source.confidence === 'uncertain' ? ' This rule is not confirmed for every platform.' : ''}`,
  ].join('\n');
}

function renderAction(a: Action): string {
  const lines = [`${a.title}`];
  a.steps.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s}`);
  });
  for (const l of a.links) lines.push(`  ${l.label}: ${l.url}`);
  if (a.warning) lines.push(`  Warning: ${a.warning}`);
  return lines.join('\n');
}

export function renderDraftText(d: Draft): string {
  const left = d.placeholders > 0 ? ` (fill in the ${d.placeholders} [FILL IN] places before sending)` : '';
  return [
    `${draftTitle(d.kind, { optional: true })}${left}`,
    `Subject: ${d.subject}`,
    '-----',
    d.body,
    '-----',
  ].join('\n');
}

/** The background facts not shown before, in full; and a line for those that were, saying how to see them. */
function sources(o: Outcome, shownBefore: readonly string[]): string[] {
  const all = backgroundOf(o);
  const lines = all
    .filter((c) => !shownBefore.includes(c.ref))
    .map((c) => `- ${citationLabel(c)}: ${c.quote} (source: ${c.sources[0] ?? 'n/a'})`);
  const left = all.length - lines.length;
  if (left > 0)
    lines.push(
      `- ${left === 1 ? 'One sourced fact' : `${left} sourced facts`} shown earlier in this case ${left === 1 ? 'is' : 'are'} left out here: say "background" to see ${left === 1 ? 'it' : 'them'} again.`,
    );
  return lines;
}

/** The outcome as text; `shownBefore`: background facts the case has shown already (only named here). */
export function renderOutcomeText(o: Outcome, shownBefore: readonly string[] = []): string {
  const parts: string[] = ['=== What to do ==='];
  o.routes.forEach((r, i) => {
    parts.push(renderRoute(r, i + 1));
  });
  if (o.deadlines.length > 0) parts.push(['Deadlines', ...o.deadlines.map(renderDeadline)].join('\n'));
  if (o.actions.length > 0) parts.push(['Actions', ...o.actions.map(renderAction)].join('\n'));
  for (const d of o.drafts) parts.push(renderDraftText(d));
  for (const d of o.optionalDrafts) parts.push(renderDraftText(d));
  const facts = sources(o, shownBefore);
  if (facts.length > 0) parts.push(['Background (sourced facts)', ...facts].join('\n'));
  if (o.notes.length > 0) parts.push(['Notes', ...o.notes.map((n) => `- ${n}`)].join('\n'));
  return parts.join('\n\n');
}

export function renderReplyText(r: Reply): string {
  switch (r.kind) {
    case 'notice':
      return `(${r.text})`;
    case 'say':
      return r.tone === 'error' ? `Sorry: ${partsText(r.parts)}` : partsText(r.parts);
    case 'text':
      if (r.tone === 'urgent') return `!! ${r.text}`;
      return r.tone === 'error' ? `Sorry: ${r.text}` : r.text;
    case 'understood':
      return `I understood: ${r.items.join('; ')}. ${r.hint}`;
    case 'question': {
      const lines = [r.text];
      if (r.help) lines.push(indent(r.help, '  '));
      r.choices.forEach((c, i) => {
        lines.push(`  ${i + 1}. ${c.label}`);
      });
      if (r.freeTextHint) lines.push(`  ${r.freeTextHint}`);
      const extras = [r.canSkip ? '"skip"' : '', r.canGoBack ? '"back"' : ''].filter(Boolean);
      if (extras.length > 0 && !r.freeTextHint) lines.push(`  (or say ${extras.join(' or ')})`);
      return lines.join('\n');
    }
    case 'outcome':
      return renderOutcomeText(r.outcome, r.backgroundShown);
    case 'help':
      return [r.text, '', 'Commands:', ...r.commands.map((c) => `  ${c.command}: ${c.what}`)].join('\n');
    case 'faq':
      return [r.text, ...r.citations.map((c) => `> "${c.quote}" (${citationLabel(c)})`)].join('\n');
    case 'status':
      return renderStatusText(r);
    case 'cases':
      if (r.cases.length === 0) return 'No open cases.';
      return [
        'Open cases:',
        ...r.cases.map(
          (c) =>
            `  ${c.id}  ${c.platform ?? ''} ${c.listingId ?? '(no listing yet)'}  ${c.status}, updated ${c.updatedAt.slice(0, 16).replace('T', ' ')}`,
        ),
      ].join('\n');
  }
}

export function auditLine(e: AuditEntry): string {
  return `${e.at.slice(0, 16).replace('T', ' ')} UTC  ${e.who}  ${e.action.replace(/_/g, ' ')}${e.detail ? `: ${e.detail}` : ''}`;
}

function renderStatusText(r: Extract<Reply, { kind: 'status' }>): string {
  const stage = { new: 'not started', open: 'questions in progress', decided: 'decided' }[r.stage];
  return [
    `Case ${r.caseId}: ${r.open ? 'open' : 'closed'}, ${stage}`,
    r.facts.length > 0 ? `Known: ${r.facts.join('; ')}` : 'Known: nothing yet',
    ...(r.routes.length > 0 ? [`Routes: ${r.routes.join(', ')}`] : []),
    'Audit trail:',
    ...r.audit.map((e) => `  ${auditLine(e)}`),
  ].join('\n');
}

export function renderRepliesText(replies: readonly Reply[]): string {
  return replies.map(renderReplyText).join('\n\n');
}
