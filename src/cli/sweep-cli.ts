import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CatalogCollector, catalogSaved } from '../adapters/sweep/catalog.js';
import { SweepInputError } from '../adapters/sweep/decode.js';
import { loadMarks } from '../adapters/sweep/load-watchlist.js';
import {
  findingAction,
  findingsCsvLines,
  renderSweepText,
  summarizeSweep,
} from '../adapters/sweep/report.js';
import { runSweep, type SweepPlatform } from '../adapters/sweep/run-sweep.js';
import { compose, type Root } from '../boot/compose.js';
import { type Config, loadConfig } from '../boot/config.js';
import { UsageError } from './triage-args.js';

export const SWEEP_USAGE =
  'usage: ipcheck sweep <listings.csv> [--brand NAME] [--out findings.csv] [--json] [--platform aliexpress|amazon|other] [--preserve] [--save-catalog]';

const PLATFORMS = ['aliexpress', 'amazon', 'other'];

/** A progress bar on stderr, redrawn at most 10 times a second; only on a terminal. */
function progressBar(total: number): { update: (bytes: number, rows: number) => void; done: () => void } {
  let last = 0;
  let drawn = false;
  return {
    update(bytes, rows) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const share = total > 0 ? Math.min(1, bytes / total) : 0;
      const width = 30;
      const full = Math.round(share * width);
      process.stderr.write(
        `\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${Math.round(share * 100)}% ${rows.toLocaleString('en-US')} listings`,
      );
      drawn = true;
    },
    done() {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}

function parseSweepArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        brand: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        platform: { type: 'string' },
        preserve: { type: 'boolean', default: false },
        'save-catalog': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    // node's own message names the bad option ("Unknown option '--x'"); usage errors exit with 2.
    throw new UsageError(`${(err as Error).message}; ${SWEEP_USAGE.replace('usage: ', '')}`);
  }
}

export async function sweepCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseSweepArgs(argv);
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError(`sweep needs one listing export file; ${SWEEP_USAGE.replace('usage: ', '')}`);
  if (values.platform && !PLATFORMS.includes(values.platform))
    throw new UsageError(`--platform ${values.platform}: expected ${PLATFORMS.join(' | ')}`);
  if (values.brand !== undefined && values.brand.trim().length < 2)
    throw new UsageError('--brand needs a brand name of at least 2 characters');
  const config = loadConfig();
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new SweepInputError(`${file} is not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof SweepInputError) throw err;
    throw new SweepInputError(`${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  // --save-catalog writes to the store, so it owns an SQLite file like a bot does; taken before the sweep,
  // a store in use is said at once, not after a long sweep. A sweep that only reports takes nothing.
  const root = values['save-catalog']
    ? await compose(config, { store: { owner: 'sweep' }, llm: 'off' })
    : undefined;
  try {
    return await sweepInto(file, size, values, config, root);
  } finally {
    await root?.close();
  }
}

async function sweepInto(
  file: string,
  size: number,
  values: ReturnType<typeof parseSweepArgs>['values'],
  config: Config,
  root: Root | undefined,
): Promise<number> {
  // The output file is opened first: a path that cannot be written fails before a long sweep, not after.
  let out: WriteStream | undefined;
  if (values.out) {
    out = createWriteStream(values.out);
    try {
      await once(out, 'open');
    } catch (err) {
      throw new SweepInputError(
        `cannot write ${values.out}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
  }
  const { marks, problems } = await loadMarks(config.watchlistFile);
  for (const p of problems) process.stderr.write(`ipcheck: watchlist: ${p}\n`);
  const bar = process.stderr.isTTY ? progressBar(size) : undefined;
  let result: Awaited<ReturnType<typeof runSweep>>;
  const catalog = values['save-catalog'] ? new CatalogCollector() : undefined;
  try {
    result = await runSweep(createReadStream(file), {
      marks,
      brand: values.brand?.trim(),
      platform: values.platform as SweepPlatform | undefined,
      preserve: values.preserve,
      onProgress: bar ? (p) => bar.update(p.bytes, p.rows) : undefined,
      onListing: catalog?.add,
    });
  } catch (err) {
    // No findings file for a sweep that could not run: an empty one would look like a clean store.
    if (out && values.out) {
      out.destroy();
      await rm(values.out, { force: true });
    }
    throw err;
  } finally {
    bar?.done();
  }
  if (out) {
    for (const line of findingsCsvLines(result)) if (!out.write(line)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  }
  if (catalog && root) {
    catalog.partial ||= result.stoppedEarly !== undefined;
    await root.catalogs.save('local', catalog, file, root.clock.now());
    process.stderr.write(`ipcheck: ${catalogSaved(catalog.listings.length, catalog.partial)}\n`);
  }
  const summary = summarizeSweep(result);
  if (values.json) {
    const findings = result.findings.map((f) => {
      const a = findingAction(f, result.preserve);
      return {
        ...f,
        action: { title: a.title, kind: a.kind, links: a.links, steps: a.steps, warning: a.warning },
      };
    });
    process.stdout.write(`${JSON.stringify({ ...result, findings, summary }, null, 2)}\n`);
  } else {
    const tail = values.out
      ? `\nAll findings: ${values.out}`
      : result.findings.length > 0
        ? '\nAdd --out findings.csv to save every finding with its delist action.'
        : '';
    process.stdout.write(`${renderSweepText(summary, result.preserve)}${tail}\n`);
  }
  return 0;
}
