import { type Action, actionsFor } from '../../domain/decision/delist-actions.js';
import type { Risk, SweepFinding, SweepResult } from './run-sweep.js';

/**
 * What a sweep tells the seller, as data (every channel renders it its own way) and as plain text, plus the
 * findings as a CSV file.
 */

export const RISKS: readonly Risk[] = ['high', 'medium', 'low'];

export const RISK_LABELS: Record<Risk, string> = {
  high: 'High risk (the mark is in the title or brand)',
  medium: 'Medium risk (the mark is in the description only)',
  low: 'Lower risk (compatibility wording: "for X", "compatible with X")',
};

const COMPAT_ADVICE =
  'Compatibility wording ("for X", "fits X") is usually allowed when it only says what the product fits: keep their name out of the brand field, and use no logo, no product photos of theirs and no "original"/"genuine". If unsure, treat it as high risk.';

/**
 * The delist action for one listing at risk: the same links and steps as a case's (delist-actions.ts), so in
 * a court case or after a letter it is "take offline, delete nothing" here too. Medium and low risk ask for a
 * look first: the mark may be in a description by accident, and compatibility wording is often allowed.
 */
export function findingAction(f: SweepFinding, preserve: boolean): Action {
  const actions = actionsFor(
    [{ id: 'delist_now', variant: preserve ? 'preserve' : 'infringing' }],
    { platform: f.platform, listingId: f.listingId.startsWith('row ') ? undefined : f.listingId },
    { preserve },
  );
  const base = actions[0] as Action;
  if (f.risk === 'high') return base;
  const lower = base.title.charAt(0).toLowerCase() + base.title.slice(1);
  if (f.risk === 'medium')
    return {
      ...base,
      title: `Check the description of ${f.listingId}; if it uses ${f.mark}: ${lower}`,
      steps: [`Read the description for "${f.found}"; remove it if it is only a mention.`, ...base.steps],
    };
  return {
    ...base,
    title: `Check the compatibility wording of ${f.listingId} ("${f.found}"); if more than that: ${lower}`,
    steps: [COMPAT_ADVICE, ...base.steps],
  };
}

export interface SweepGroup {
  mark: string;
  /** The complaint's own brand (shown first). */
  fromComplaint: boolean;
  counts: Record<Risk, number>;
  /** Findings by risk, at most `perRisk` each (counts has the totals). */
  findings: Record<Risk, SweepFinding[]>;
}

export interface SweepSummary {
  headline: string;
  /** Facts about the file: encoding, columns used, columns missing, rows read. */
  about: string[];
  groups: SweepGroup[];
  /** What was skipped and why, limits reached; empty when the whole file was read cleanly. */
  warnings: string[];
  /** What to do with the findings (the delist action, worded for a court case or not). */
  advice: string[];
}

export function summarizeSweep(r: SweepResult, perRisk = 10): SweepSummary {
  const byMark = new Map<string, SweepGroup>();
  for (const f of r.findings) {
    let g = byMark.get(f.mark);
    if (!g) {
      g = {
        mark: f.mark,
        fromComplaint: f.markSource === 'complaint',
        counts: { high: 0, medium: 0, low: 0 },
        findings: { high: [], medium: [], low: [] },
      };
      byMark.set(f.mark, g);
    }
    g.counts[f.risk]++;
    if (g.findings[f.risk].length < perRisk) g.findings[f.risk].push(f);
  }
  const groups = [...byMark.values()].sort(
    (a, b) =>
      Number(b.fromComplaint) - Number(a.fromComplaint) ||
      b.counts.high - a.counts.high ||
      b.counts.medium - a.counts.medium ||
      b.counts.low - a.counts.low ||
      a.mark.localeCompare(b.mark),
  );
  const listings = new Set(r.findings.map((f) => f.row)).size;
  const total = r.findings.length + r.findingsDropped;
  const high = r.findings.filter((f) => f.risk === 'high').length;
  const headline =
    total === 0
      ? `Store sweep: no watched mark found in ${r.checked.toLocaleString('en-US')} listings (${r.marksChecked} marks checked).`
      : `Store sweep: ${listings.toLocaleString('en-US')} of ${r.checked.toLocaleString('en-US')} listings carry a watched mark (${high.toLocaleString('en-US')} high-risk findings, ${groups.length} marks; ${r.marksChecked} marks checked).`;
  const about = [
    `Read as ${r.encoding.toUpperCase()}, ${r.delimiter === '\t' ? 'tab' : `"${r.delimiter}"`}-separated; columns used: ${Object.entries(
      r.columns,
    )
      .map(([role, name]) => `${role} = "${name}"`)
      .join(', ')}.`,
    ...r.missingColumns.map(
      (m) => `Not found: ${m}.${m.startsWith('description') ? ' Only titles were checked.' : ''}`,
    ),
  ];
  if (r.brand) about.push(`The complaint's brand "${r.brand}" was checked first.`);
  const warnings: string[] = [];
  if (r.stoppedEarly) warnings.push(`Partial result: ${r.stoppedEarly}.`);
  if (r.skippedCount > 0) {
    warnings.push(
      `${r.skippedCount.toLocaleString('en-US')} row${r.skippedCount === 1 ? '' : 's'} had a problem:`,
      ...r.skipped.map((s) => `row ${s.row}: ${s.reason}`),
    );
    if (r.skippedCount > r.skipped.length)
      warnings.push(`… and ${(r.skippedCount - r.skipped.length).toLocaleString('en-US')} more.`);
  }
  if (r.findingsDropped > 0)
    warnings.push(
      `${r.findingsDropped.toLocaleString('en-US')} further findings were counted but not listed (limit ${r.findings.length.toLocaleString('en-US')}).`,
    );
  const advice =
    total === 0
      ? ['Nothing found is not a clearance: look at designs and photos too, which words cannot show.']
      : [
          r.preserve
            ? 'A court case or a letter is running: take each high-risk listing offline now, and delete nothing (not the listings, photos or sales records) until the lawyer says so. Screenshot each one and give legal the list.'
            : 'Delete each high-risk listing that really carries their mark (not only take it offline), keep its sales records, and do not relist it. Check medium-risk ones by hand.',
          COMPAT_ADVICE,
        ];
  return { headline, about, groups, warnings, advice };
}

export function renderSweepText(s: SweepSummary, preserve = false): string {
  const out = [s.headline, ...s.about.map((a) => `  ${a}`)];
  for (const g of s.groups) {
    const counts = RISKS.filter((r) => g.counts[r] > 0)
      .map((r) => `${g.counts[r]} ${r}`)
      .join(', ');
    out.push('', `${g.mark}${g.fromComplaint ? ' (the complaint’s brand)' : ''}: ${counts}`);
    for (const risk of RISKS) {
      const list = g.findings[risk];
      if (list.length === 0) continue;
      out.push(`  ${RISK_LABELS[risk]}:`);
      for (const f of list)
        out.push(
          `    row ${f.row} · ${f.listingId} · "${f.title}" (${f.where}: "${f.found}") → ${findingAction(f, preserve).title}`,
        );
      const more = g.counts[risk] - list.length;
      if (more > 0) out.push(`    … and ${more} more (all are in the findings CSV)`);
    }
  }
  if (s.advice.length > 0) out.push('', ...s.advice);
  if (s.warnings.length > 0) out.push('', ...s.warnings);
  return out.join('\n');
}

const CSV_HEADER = [
  'risk',
  'mark',
  'listing_id',
  'platform',
  'row',
  'where',
  'found',
  'title',
  'action',
  'link',
];

/** A cell as CSV: quoted when needed, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The findings CSV, line by line (UTF-8 with a BOM so Excel shows Chinese titles), highest risk first. */
export function* findingsCsvLines(r: SweepResult): Generator<string> {
  yield `\uFEFF${CSV_HEADER.join(',')}\r\n`;
  const sorted = [...r.findings].sort(
    (a, b) => RISKS.indexOf(a.risk) - RISKS.indexOf(b.risk) || a.mark.localeCompare(b.mark) || a.row - b.row,
  );
  for (const f of sorted) {
    const action = findingAction(f, r.preserve);
    yield `${[
      f.risk,
      f.mark,
      f.listingId,
      f.platform,
      String(f.row),
      f.where,
      f.found,
      f.title,
      action.title,
      action.links[0]?.url ?? '',
    ]
      .map(csvCell)
      .join(',')}\r\n`;
  }
}

export function findingsCsv(r: SweepResult): string {
  return [...findingsCsvLines(r)].join('');
}
