import type { CaseRecord } from '../model/case-record.js';
import { factWords } from '../model/claims.js';
import { formatDay } from '../model/dates.js';
import { type Details, FACT_KEYS } from '../model/facts.js';
import type { Outcome } from './outcome.js';
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
  // Values are contract names, except the listing id, which may be the seller's text (platform=other).
  for (const k of known) {
    const v = k === 'listingId' ? inline(String(f[k])) : f[k];
    // A claim read from the seller's words and not yet confirmed says so: no draft has said it yet.
    const open = rec.state.unconfirmed?.includes(k)
      ? '; read from the seller’s words, not yet confirmed'
      : '';
    lines.push(`- \`${k}\`: ${v} (${inline(factWords(k, f[k] as string, rec.state.details))}${open})`);
  }
  lines.push(...detailLines(rec.state.details));
  const notice = rec.state.details.noticeText;
  lines.push(...noticeLines(notice), ...saidLines(rec.state.said ?? [], notice));
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

// ---------- the seller's words, safely ----------

/** Seller text on one line, with Markdown and HTML made inert: it reads as written and links or tags nothing. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

const DETAIL_LABELS: Record<Exclude<keyof Details, 'noticeText'>, string> = {
  brand: 'Complainant (brand)',
  plaintiff: 'Plaintiff',
  store: 'Store',
  contact: 'Contact',
  complaintId: 'Complaint id',
  caseNumber: 'Case number',
  court: 'Court',
  lawFirm: 'Law firm',
  troDate: 'TRO issued',
  frozenAmount: 'Frozen',
  demandAmount: 'Demand',
  responseDue: 'Reply due by',
  stockUnits: 'Stock (units)',
  differences: 'Differences',
  delisted: 'Listing taken down',
  deleted: 'Deleted',
  rightsBasis: 'Rights rest on',
  marketplace: 'Marketplace',
  otherListings: 'Other listings',
  legalSigns: 'Signs of a lawyer or court',
  frozenAccounts: 'Frozen accounts',
  ipNumbers: 'Patent or registration numbers',
  rightsOwnerEmail: 'Rights owner email',
  defendant: 'Defendant entity',
  sellerIds: 'Seller ids',
  storeUrls: 'Store URLs',
  doeNumber: 'Doe number (Schedule A)',
  firstListed: 'First listed or sold',
  supplier: 'Supplier',
  earlierComplaints: 'Earlier complaints',
  toldPlaintiff: 'Already signed, paid or said to the plaintiff',
  settlementAuthority: 'Settlement authority',
  service: 'How the case was served',
};

function detailLines(d: Details): string[] {
  const out: string[] = [];
  for (const [key, label] of Object.entries(DETAIL_LABELS) as [keyof typeof DETAIL_LABELS, string][]) {
    const v = d[key];
    if (v === undefined) continue;
    let text: string;
    if (key === 'otherListings')
      text = (d.otherListings ?? []).map((l) => `${l.platform} ${inline(l.listingId)}`).join(', ');
    else if (key === 'deleted')
      text = (d.deleted ?? [])
        .map((g) => (g === 'listing' ? 'the listing' : 'its sales records'))
        .join(' and ');
    else if (key === 'differences')
      text = (d.differences ?? []).map((x, i) => `${i + 1}. ${inline(x)}`).join(' ');
    else if (key === 'rightsBasis')
      text =
        d.rightsBasis === 'letter'
          ? 'a signed authorization letter'
          : 'invoices for genuine goods (first sale), no authorization letter';
    else if (key === 'legalSigns') text = (d.legalSigns ?? []).join(', ');
    else if (key === 'frozenAccounts')
      text = (d.frozenAccounts ?? []).map((a) => `${inline(a.account)} ${inline(a.amount)}`).join('; ');
    else if (Array.isArray(v)) text = (v as string[]).map(inline).join(', ');
    else if (typeof v === 'boolean') text = v ? 'yes' : 'no';
    else text = inline(String(v));
    out.push(`- ${label}: ${text}`);
  }
  return out;
}

/** The notice in a code fence longer than any run of backticks inside it, so no line of it can close the fence. */
function noticeLines(notice: string | undefined): string[] {
  if (notice === undefined) return [];
  const longest = Math.max(0, ...[...notice.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return ['', '## The notice as pasted', '', `${fence}text`, notice, fence];
}

// The file stays readable: the latest messages, each cut at a length; the JSON file has them as kept.
const SAID_SHOWN = 100;
const SAID_TEXT_SHOWN = 2000;

function saidLines(said: { at: string; text: string }[], notice: string | undefined): string[] {
  if (said.length === 0) return [];
  const out = ['', '## What the seller wrote', ''];
  if (said.length > SAID_SHOWN)
    out.push(`_${said.length - SAID_SHOWN} earlier messages are in the JSON file._`, '');
  for (const m of said.slice(-SAID_SHOWN)) {
    out.push(`- ${m.at.slice(0, 16).replace('T', ' ')} UTC:`, '');
    if (notice !== undefined && m.text.slice(0, 200) === notice.slice(0, 200)) {
      out.push('  > (the notice, pasted: see above)', '');
      continue;
    }
    for (const line of m.text.slice(0, SAID_TEXT_SHOWN).split('\n')) out.push(`  > ${inline(line)}`);
    const cut = m.text.length - SAID_TEXT_SHOWN;
    if (cut > 0) out.push(`  > [… cut: ${cut} more characters; the rest is in the JSON file]`);
    out.push('');
  }
  return out;
}
