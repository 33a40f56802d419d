import { type ColumnRole, type Columns, detectColumns, lookedFor } from './columns.js';
import { CsvReader, type Delimiter } from './csv-stream.js';
import { type Encoding, StreamDecoder, SweepInputError } from './decode.js';
import { MarkMatcher } from './matcher.js';
import { brandMark, type Mark, type MarkSource, mergeMarks } from './watchlist.js';

export type Risk = 'high' | 'medium' | 'low';
export type SweepPlatform = 'aliexpress' | 'amazon' | 'other';

export interface SweepFinding {
  /** The spreadsheet row (the header is row 1). */
  row: number;
  listingId: string;
  platform: SweepPlatform;
  title: string;
  mark: string;
  markSource: MarkSource;
  /** high: the mark is in the title or brand; medium: in the description only; low: compatibility wording. */
  risk: Risk;
  where: 'brand' | 'title' | 'description';
  /** The text as found, e.g. "N.I.K.E". */
  found: string;
}

export interface SkippedRow {
  row: number;
  reason: string;
}

export interface SweepResult {
  encoding: Encoding;
  delimiter: Delimiter;
  /** The header names used for each role. */
  columns: Partial<Record<ColumnRole, string>>;
  /** Roles not found, each with the names looked for. */
  missingColumns: string[];
  /** Data rows read (blank lines not counted) and checked. */
  rows: number;
  checked: number;
  /** Rows not checked, or checked with a caveat, with why (the first MAX_LISTED; skippedCount has them all). */
  skipped: SkippedRow[];
  skippedCount: number;
  findings: SweepFinding[];
  /** Findings over MAX_FINDINGS, counted but not kept. */
  findingsDropped: number;
  marksChecked: number;
  /** Set when a limit stopped the sweep before the end of the file: what was not read. */
  stoppedEarly?: string;
  /** The complaint's brand, when one was given. */
  brand?: string;
  /** In a court case or after a letter: the delist action takes listings offline and deletes nothing. */
  preserve: boolean;
}

export interface SweepLimits {
  /** Listings read at most; the rest of the file is not read, and the result says so. */
  maxRows: number;
  /** Bytes read at most (uploads); unlimited when 0. */
  maxBytes: number;
  /** Findings kept at most (the rest are counted). */
  maxFindings: number;
}

export const DEFAULT_LIMITS: SweepLimits = { maxRows: 2_000_000, maxBytes: 0, maxFindings: 100_000 };
/** Skipped rows listed one by one; beyond this they are only counted. */
export const MAX_LISTED = 50;
/** Listing titles are kept up to this many characters in findings. */
const TITLE_CHARS = 200;

export interface SweepOptions {
  marks: readonly Mark[];
  /** The current complaint's brand, always checked (added to the marks). */
  brand?: string;
  /** The platform of every listing; otherwise read from the id (ASIN → Amazon, a long number → AliExpress). */
  platform?: SweepPlatform;
  preserve?: boolean;
  limits?: Partial<SweepLimits>;
  /** Called for every listing checked that has an id (to keep the team's catalog). */
  onListing?: (id: string, title: string) => void;
  /** Called after each block read: bytes so far and rows so far (for a progress bar). */
  onProgress?: (p: { bytes: number; rows: number }) => void;
}

/**
 * A copy that does not keep the file's text alive: V8 keeps a sliced string's whole parent (a 64 KiB block of
 * the file) in memory, so 30,000 findings would otherwise hold most of a large file.
 */
export function own(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

export function platformOfId(id: string): SweepPlatform {
  if (/^B0[0-9A-Z]{8}$/i.test(id)) return 'amazon';
  if (/^\d{10,20}$/.test(id)) return 'aliexpress';
  return 'other';
}

const RISK_ORDER: Record<Risk, number> = { high: 0, medium: 1, low: 2 };

/**
 * The store sweep, channel-neutral: a listing export (CSV bytes, streamed) in, the listings at risk out.
 * A file it cannot read at all throws SweepInputError with the reason; rows it cannot use are skipped and
 * listed with their row numbers in the result.
 */
export async function runSweep(
  source: AsyncIterable<Uint8Array | string>,
  options: SweepOptions,
): Promise<SweepResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const marks = mergeMarks([...options.marks], options.brand ? brandMark(options.brand) : []);
  const matcher = new MarkMatcher(marks);
  const decoder = new StreamDecoder();
  const skipped: SkippedRow[] = [];
  let skippedCount = 0;
  const skip = (row: number, reason: string) => {
    skippedCount++;
    if (skipped.length < MAX_LISTED) skipped.push({ row, reason });
  };
  let header: string[] | undefined;
  let cols: Columns = {};
  let width = 0;
  let rows = 0;
  let checked = 0;
  let findingsDropped = 0;
  let stoppedEarly: string | undefined;
  const findings: SweepFinding[] = [];

  const onRecord = (fields: string[], row: number) => {
    if (!header) {
      header = fields.map((f) => f.trim());
      cols = detectColumns(header);
      width = header.length;
      if (cols.title === undefined)
        throw new SweepInputError(
          `no title column found. The first row has: ${header
            .slice(0, 12)
            .map((h) => `"${h.slice(0, 30)}"`)
            .join(
              ', ',
            )}. Name the columns in the first row, e.g. id,title,description,brand (${lookedFor('title')})`,
        );
      return;
    }
    if (stoppedEarly) return;
    rows++;
    if (rows > limits.maxRows) {
      rows--;
      stoppedEarly = `stopped after ${limits.maxRows.toLocaleString('en-US')} listings (the limit); rows from ${row} on were not checked`;
      return;
    }
    if (fields.length !== width) {
      const extraEmpty = fields.length > width && fields.slice(width).every((f) => f.trim() === '');
      if (!extraEmpty) {
        skip(
          row,
          `${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${width} (a missing delimiter, an extra one, or a stray line break?); skipped`,
        );
        return;
      }
    }
    const title = (fields[cols.title as number] ?? '').trim();
    const brandCell = cols.brand === undefined ? '' : (fields[cols.brand] ?? '').trim();
    const description = cols.description === undefined ? '' : (fields[cols.description] ?? '');
    if (title === '' && brandCell === '' && description.trim() === '') {
      skip(row, 'no title, brand or description; skipped');
      return;
    }
    let id = cols.id === undefined ? '' : (fields[cols.id] ?? '').trim();
    if (id === '') {
      if (cols.id !== undefined) skip(row, 'no listing id; checked, and shown by its row number');
      id = `row ${row}`;
    } else options.onListing?.(id, title);
    if (title.includes('\uFFFD') || description.includes('\uFFFD'))
      skip(row, 'has characters that are not valid in the file’s encoding; checked as far as readable');
    checked++;
    const best = new Map<number, SweepFinding>();
    const platform = options.platform ?? platformOfId(id);
    const add = (text: string, where: SweepFinding['where']) => {
      if (text === '') return;
      for (const hit of matcher.find(text)) {
        const risk: Risk =
          where === 'brand' ? 'high' : hit.compat ? 'low' : where === 'title' ? 'high' : 'medium';
        const had = best.get(hit.mark);
        if (had && RISK_ORDER[had.risk] <= RISK_ORDER[risk]) continue;
        const mark = marks[hit.mark] as Mark;
        best.set(hit.mark, {
          row,
          listingId: own(id),
          platform,
          title: own(title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title),
          mark: mark.name,
          markSource: mark.source,
          risk,
          where,
          found: own(hit.found),
        });
      }
    };
    add(brandCell, 'brand');
    add(title, 'title');
    add(description, 'description');
    for (const f of best.values()) {
      if (findings.length < limits.maxFindings) findings.push(f);
      else findingsDropped++;
    }
  };

  const reader = new CsvReader(onRecord, (p) => skip(p.row, p.reason));
  let bytes = 0;
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    bytes += buf.length;
    if (limits.maxBytes > 0 && bytes > limits.maxBytes) {
      stoppedEarly = `the file is larger than ${formatBytes(limits.maxBytes)} (the limit); only the first ${formatBytes(limits.maxBytes)} were checked`;
      const room = buf.length - (bytes - limits.maxBytes);
      // Only whole rows count: the cut row is dropped by not ending the reader with it.
      reader.push(decoder.push(buf.subarray(0, room)));
      break;
    }
    reader.push(decoder.push(buf));
    options.onProgress?.({ bytes, rows });
    if (stoppedEarly) break;
  }
  if (bytes === 0) throw new SweepInputError('the file is empty');
  if (!stoppedEarly) {
    reader.push(decoder.end());
    reader.end();
  }
  options.onProgress?.({ bytes, rows });
  if (!header || header.every((h) => h === ''))
    throw new SweepInputError('the file has no header row: it is blank');
  if (rows === 0 && skippedCount === 0)
    throw new SweepInputError('the file has a header row but no listings under it');

  const names: Partial<Record<ColumnRole, string>> = {};
  const missingColumns: string[] = [];
  for (const role of ['id', 'title', 'description', 'brand'] as const) {
    const at = cols[role];
    if (at === undefined) missingColumns.push(lookedFor(role));
    else names[role] = header[at];
  }
  return {
    encoding: decoder.encoding ?? 'utf-8',
    delimiter: reader.delimiter ?? ',',
    columns: names,
    missingColumns,
    rows,
    checked,
    skipped,
    skippedCount,
    findings,
    findingsDropped,
    marksChecked: marks.length,
    stoppedEarly,
    brand: options.brand,
    preserve: options.preserve ?? false,
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`;
}
