// npm run eval: reads every message of eval/messages.jsonl with the rules (and, when OPENAI_API_KEY is set,
// with the language model, alone and merged with the rules as the bot does), and prints extraction accuracy
// per fact and route accuracy. Failures are figures, printed with the message they come from.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coreContext } from '../boot/compose.js';
import { loadConfig } from '../boot/config.js';
import { createLanguageModel } from '../boot/create-llm.js';
import { PROJECT_ROOT } from '../boot/load-context.js';
import { FACT_KEYS, type Facts } from '../domain/model/facts.js';
import { extractFacts } from '../domain/reading/extract.js';
import { mergeFacts, sanitizeLlmFacts } from '../domain/reading/llm-facts.js';
import { type EvalRow, parseEvalSet, type ReaderScore, scoreReader } from './score.js';

const TODAY = '2026-11-28';
const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((n / d) * 100)}%`);

function printScore(name: string, s: ReaderScore, verbose: boolean) {
  process.stdout.write(`\n${name}\n`);
  process.stdout.write(`${'fact'.padEnd(20)} ${'read when stated'.padEnd(22)} wrong values\n`);
  for (const k of FACT_KEYS) {
    const f = s.facts[k];
    process.stdout.write(
      `${k.padEnd(20)} ${`${f.read}/${f.stated} (${pct(f.read, f.stated)})`.padEnd(22)} ${f.wrong}\n`,
    );
  }
  const stated = FACT_KEYS.reduce((n, k) => n + s.facts[k].stated, 0);
  const read = FACT_KEYS.reduce((n, k) => n + s.facts[k].read, 0);
  const wrong = FACT_KEYS.reduce((n, k) => n + s.facts[k].wrong, 0);
  process.stdout.write(
    `${'all facts'.padEnd(20)} ${`${read}/${stated} (${pct(read, stated)})`.padEnd(22)} ${wrong}\n`,
  );
  process.stdout.write(
    `messages read without a miss or a wrong value: ${s.allRight}/${s.total} (${pct(s.allRight, s.total)})\n`,
  );
  process.stdout.write(
    `route accuracy (after the questions): ${s.routesRight}/${s.total} (${pct(s.routesRight, s.total)})\n`,
  );
  process.stdout.write(
    `questions asked after the first message: ${(s.questions / s.total).toFixed(2)} per case\n`,
  );
  if (verbose) for (const f of s.failures) process.stdout.write(`  - ${f}\n`);
}

async function main() {
  const verbose = !process.argv.includes('--quiet');
  const config = loadConfig();
  const ctx = await coreContext(config);
  const rows: EvalRow[] = parseEvalSet(await readFile(join(PROJECT_ROOT, 'eval', 'messages.jsonl'), 'utf8'));
  process.stdout.write(`eval: ${rows.length} messages, today ${TODAY}\n`);
  const rule = rows.map((r) => extractFacts(r.text, TODAY).facts);
  printScore('rules only', scoreReader(rows, rule, ctx.kb), verbose);
  const model = await createLanguageModel(config.llm, (l) => {
    if (!l.includes('answered in')) process.stderr.write(`${l}\n`);
  });
  if (!model) {
    process.stdout.write(
      '\nlanguage model: not configured (set OPENAI_API_KEY, and OPENAI_BASE_URL / OPENAI_MODEL)\n',
    );
    return;
  }
  const alone: Facts[] = [];
  const merged: Facts[] = [];
  let failed = 0;
  const t0 = performance.now();
  for (const [i, row] of rows.entries()) {
    const out = await model.readFacts({ text: row.text, today: TODAY });
    if (!out) failed++;
    const llm = out ? sanitizeLlmFacts(out, row.text, TODAY) : {};
    alone.push(llm);
    merged.push(mergeFacts(rule[i] ?? {}, llm).facts);
  }
  const ms = performance.now() - t0;
  process.stdout.write(
    `\nlanguage model ${config.llm?.model}: ${rows.length - failed}/${rows.length} answered, ${Math.round(ms / rows.length)} ms per message\n`,
  );
  printScore('language model alone', scoreReader(rows, alone, ctx.kb), verbose);
  printScore(
    'rules + language model, merged (what the bot uses)',
    scoreReader(rows, merged, ctx.kb),
    verbose,
  );
}

await main();
