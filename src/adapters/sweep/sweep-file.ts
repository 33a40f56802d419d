import { SweepInputError } from './decode.js';
import { findingsCsv, renderSweepText, summarizeSweep } from './report.js';
import { formatBytes, runSweep, type SweepResult } from './run-sweep.js';
import type { Mark } from './watchlist.js';

/**
 * A file sent to the bot in a chat (Slack today, Teams next): whether it is a listing export to sweep, and
 * the sweep's answer as data (a message text and the findings CSV). The channel only downloads the bytes
 * and posts what comes back.
 */

/** Uploads larger than this are refused before downloading (a CSV of 1,000,000 listings is ~170 MB). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface SharedFile {
  name: string;
  /** Bytes, as the platform reports them (checked against MAX_UPLOAD_BYTES before downloading). */
  size?: number;
  mimetype?: string;
}

/** csv: sweep it; spreadsheet: say how to save it as CSV; other (images, PDFs of the notice): not for the sweep. */
export function fileKind(f: SharedFile): 'csv' | 'spreadsheet' | 'other' {
  const name = f.name.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(name) || /^text\/(csv|tab-separated-values|plain)/.test(f.mimetype ?? ''))
    return 'csv';
  if (/\.(xlsx|xls|xlsm|numbers|ods)$/.test(name)) return 'spreadsheet';
  return 'other';
}

const MAX_MESSAGE_CHARS = 30_000;

export const SAVE_AS_CSV =
  'That is a spreadsheet, not a CSV. Open it and use File > Save As > "CSV UTF-8 (Comma delimited)", then send that file here.';

export interface SweepFileOptions {
  marks: readonly Mark[];
  brand?: string;
  preserve?: boolean;
  /** Names the findings file, e.g. "IPC-0042-sweep-findings.csv". */
  caseId?: string;
  /** The most findings shown per mark and risk in the message (all are in the CSV). */
  perRisk?: number;
  /** The most marks shown in the message. */
  maxGroups?: number;
  /** Every listing with an id (for the team's catalog). */
  onListing?: (id: string, title: string) => void;
}

export type SweepReply =
  | { ok: true; text: string; csv: string; csvName: string; result: SweepResult }
  | { ok: false; text: string };

/** What the bot says before it starts (a large file takes a few seconds). */
export function sweepStarting(f: SharedFile, marks: number, brand?: string): string {
  const size = f.size ? ` (${formatBytes(f.size)})` : '';
  const also = brand ? ` and the complaint’s brand "${brand}"` : '';
  return `Sweeping ${f.name}${size}: every listing against ${marks} watched marks${also}…`;
}

/** The whole sweep of one shared file: its problems come back as a message, never as a throw. */
export async function sweepFile(
  f: SharedFile,
  bytes: AsyncIterable<Uint8Array>,
  o: SweepFileOptions,
): Promise<SweepReply> {
  if (f.size !== undefined && f.size > MAX_UPLOAD_BYTES)
    return {
      ok: false,
      text: `${f.name} is ${formatBytes(f.size)}; the most I take in a chat is ${formatBytes(MAX_UPLOAD_BYTES)}. Split the export, or run \`ipcheck sweep FILE\` on a computer (no size limit).`,
    };
  try {
    const result = await runSweep(bytes, {
      marks: o.marks,
      brand: o.brand,
      preserve: o.preserve,
      onListing: o.onListing,
      limits: { maxBytes: MAX_UPLOAD_BYTES },
    });
    const summary = summarizeSweep(result, o.perRisk ?? 3);
    const shown = o.maxGroups ?? 12;
    const hidden = summary.groups.length - shown;
    let text = renderSweepText({ ...summary, groups: summary.groups.slice(0, shown) }, result.preserve);
    if (hidden > 0) text += `\n\n… and ${hidden} more marks: see the findings file.`;
    // Chat messages have a length limit (Slack: 40,000 characters); long titles could reach it.
    if (text.length > MAX_MESSAGE_CHARS)
      text = `${text.slice(0, MAX_MESSAGE_CHARS)}\n… (cut here: every finding is in the findings file)`;
    return {
      ok: true,
      text,
      csv: findingsCsv(result),
      csvName: `${o.caseId ? `${o.caseId}-` : ''}sweep-findings.csv`,
      result,
    };
  } catch (err) {
    if (err instanceof SweepInputError)
      return { ok: false, text: `I could not sweep ${f.name}: ${err.message}.` };
    throw err;
  }
}
