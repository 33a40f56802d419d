import type { CaseRecord } from '../core/case-record.js';
import { formatDay } from '../core/dates.js';
import { describeFact, FACT_KEYS } from '../core/facts.js';
import type { Outcome } from '../core/outcome.js';
import { auditLine, citationLabel, renderDraftText } from './render-text.js';

// A case for the lawyer's file: everything known, what was decided and why, the drafts, and the full
// audit trail. Markdown for people, JSON for systems. Pure: the caller writes or uploads the result.

export function exportCaseJson(rec: CaseRecord, outcome: Outcome | undefined): string {
  return `${JSON.stringify({ exportedFormat: 'ipcheck-case/1', case: rec, outcome: outcome ?? null }, null, 2)}\n`;
}

export function exportCaseMarkdown(rec: CaseRecord, outcome: Outcome | undefined, exportedAt: Date): string {
  const f = rec.state.facts;
  const lines: string[] = [
    `# Case ${rec.id}`,
    '',
    `- Status: ${rec.status}${rec.state.status === 'decided' ? ', decided' : ', questions in progress'}`,
    `- Opened: ${rec.createdAt} by ${rec.openedBy} (${rec.channel})`,
    `- Last change: ${rec.updatedAt} (version ${rec.version})`,
    `- Exported: ${exportedAt.toISOString()}`,
    '',
    '## Facts',
    '',
  ];
  const known = FACT_KEYS.filter((k) => f[k] !== undefined);
  if (known.length === 0) lines.push('Nothing established yet.');
  for (const k of known) lines.push(`- \`${k}\`: ${f[k]} (${describeFact(k, f[k] as string)})`);
  const d = rec.state.details;
  for (const [k, v] of Object.entries(d)) {
    lines.push(`- ${k}: ${Array.isArray(v) ? v.map((x, i) => `${i + 1}. ${x}`).join(' ') : String(v)}`);
  }
  if (outcome) {
    lines.push('', '## Decision', '');
    for (const r of outcome.routes) {
      lines.push(`### ${r.title} (\`${r.id}\`)`, '', r.reason, '');
      for (const c of r.citations) lines.push(`> ${c.quote}`, `> — ${citationLabel(c)}`, '');
    }
    if (outcome.deadlines.length > 0) {
      lines.push('## Deadlines', '');
      for (const dl of outcome.deadlines)
        lines.push(`- **${formatDay(dl.date)}**: ${dl.label}. ${dl.basis}. ${dl.caveat}`);
      lines.push('');
    }
    if (outcome.drafts.length > 0) {
      lines.push('## Drafts', '');
      for (const dr of outcome.drafts) lines.push('```text', renderDraftText(dr), '```', '');
    }
    if (outcome.missing.length > 0) lines.push(`Still unknown: ${outcome.missing.join(', ')}`, '');
  }
  lines.push('## Audit trail', '');
  for (const e of rec.audit) lines.push(`- ${auditLine(e)}`);
  lines.push('', '_ipcheck is not legal advice; a person sends every draft._', '');
  return lines.join('\n');
}
