// npm run bench: speed and memory figures, printed as a table and written as JSON (never asserted in unit
// tests). Each section is a file exporting `benchX(report)`; loops are bounded so the whole run takes a
// few minutes on 2 cores. `npm run bench -- --only slack,core` runs some sections; `--out FILE` moves the
// JSON (default ./bench-results.json, gitignored).

import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { benchCore } from './core-bench.js';
import type { BenchRow, Report } from './report.js';
import { benchRetrieval } from './retrieval-bench.js';
import { benchSlackAck } from './slack-ack-bench.js';
import { benchStores } from './store-bench.js';
import { benchSweep } from './sweep-bench.js';

const SECTIONS: { name: string; title: string; run: (report: Report) => Promise<void> }[] = [
  { name: 'slack', title: 'Slack acknowledgement latency', run: benchSlackAck },
  { name: 'core', title: 'Core', run: benchCore },
  { name: 'store', title: 'Case store', run: benchStores },
  { name: 'retrieval', title: 'Knowledge retrieval', run: benchRetrieval },
  { name: 'sweep', title: 'Store sweep', run: (report) => benchSweep(report) },
];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const only = option('only')
    ?.split(',')
    .map((s) => s.trim());
  const unknown = only?.filter((n) => !SECTIONS.some((s) => s.name === n)) ?? [];
  if (unknown.length) {
    process.stderr.write(
      `ipcheck bench: unknown section ${unknown.join(', ')}; the sections are ${SECTIONS.map((s) => s.name).join(', ')}\n`,
    );
    return 2;
  }
  const out = resolve(option('out') ?? 'bench-results.json');
  const rows: BenchRow[] = [];
  const started = new Date();
  const cpu = cpus();
  process.stdout.write(
    `ipcheck bench: node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}\n`,
  );
  for (const s of SECTIONS) {
    if (only && !only.includes(s.name)) continue;
    process.stdout.write(`\n${s.title}\n`);
    const t0 = performance.now();
    await s.run((what, figure, values = {}) => {
      rows.push({ section: s.name, what, figure, values });
      process.stdout.write(`  ${what.padEnd(64)} ${figure}\n`);
    });
    process.stdout.write(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  const result = {
    startedAt: started.toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 100) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? '',
    rows,
  };
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${out} (${result.seconds} s in all)\n`);
  return 0;
}

process.exitCode = await main();
