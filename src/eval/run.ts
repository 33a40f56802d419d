// npm run eval: reads every message of every eval/*.jsonl file with the rules (and, when OPENAI_API_KEY is
// set, with the language model, alone and merged with the rules as the bot does), and prints extraction
// accuracy per fact and per detail (details by class: names, money, dates, numbers, other), wrong values
// counted apart from misses, route accuracy, and the issue's goals with PASS or FAIL. Failures are figures,
// printed with the message they come from. `--json` prints the figures as one JSON object instead;
// `--quiet` leaves out the failing messages.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coreContext } from '../boot/compose.js';
import { loadConfig } from '../boot/config.js';
import { createLanguageModel } from '../boot/create-llm.js';
import { PROJECT_ROOT } from '../boot/load-context.js';
import { DETAIL_KEYS, type Details, FACT_KEYS, type Facts } from '../domain/model/facts.js';
import { extractFacts } from '../domain/reading/extract.js';
import { mergeFacts, sanitizeLlmFacts } from '../domain/reading/llm-facts.js';
import { factTotals, type Goal, goalLine, goalsFor } from './goals.js';
import { type EvalRow, joinEvalSets, type ReaderScore, scoreReader } from './score.js';
import { CLASS_NAMES, classOf, type DetailScore, type DetailsScore, scoreDetails } from './score-details.js';

const TODAY = '2026-11-28';
const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((n / d) * 100)}%`);
const out = (s: string) => process.stdout.write(s);

interface ReaderReport {
  id: 'rules' | 'model' | 'merged';
  name: string;
  facts: ReaderScore;
  /** Absent for the model alone: it reads facts only (the bot's details always come from the rules). */
  details?: DetailsScore;
  goals: Goal[];
}

function report(
  id: ReaderReport['id'],
  name: string,
  rows: EvalRow[],
  facts: Facts[],
  details: Details[] | undefined,
  kb: Parameters<typeof scoreReader>[2],
): ReaderReport {
  const f = scoreReader(rows, facts, kb);
  const d = details ? scoreDetails(rows, details) : undefined;
  return { id, name, facts: f, ...(d ? { details: d } : {}), goals: goalsFor(f, d) };
}

const detailCell = (s: DetailScore) =>
  `${`${s.right}/${s.stated} (${pct(s.right, s.stated)})`.padEnd(22)} ${String(s.missed).padEnd(8)} ${s.wrong}`;

function printReport(r: ReaderReport, verbose: boolean) {
  const s = r.facts;
  out(`\n${r.name}\n`);
  out(`${'fact'.padEnd(20)} ${'read when stated'.padEnd(22)} wrong values\n`);
  for (const k of FACT_KEYS) {
    const f = s.facts[k];
    out(`${k.padEnd(20)} ${`${f.read}/${f.stated} (${pct(f.read, f.stated)})`.padEnd(22)} ${f.wrong}\n`);
  }
  const t = factTotals(s);
  out(
    `${'all facts'.padEnd(20)} ${`${t.read}/${t.stated} (${pct(t.read, t.stated)})`.padEnd(22)} ${t.wrong}\n`,
  );
  out(
    `messages read without a miss or a wrong value: ${s.allRight}/${s.total} (${pct(s.allRight, s.total)})\n`,
  );
  out(`route accuracy (after the questions): ${s.routesRight}/${s.total} (${pct(s.routesRight, s.total)})\n`);
  out(`questions asked after the first message: ${(s.questions / s.total).toFixed(2)} per case\n`);
  if (verbose) for (const f of s.failures) out(`  - ${f}\n`);
  const d = r.details;
  if (!d) out('details: not read by this reader (the bot takes them from the rules)\n');
  else {
    out(`\ndetails (${d.rows} messages state theirs)\n`);
    out(`${'detail'.padEnd(20)} ${'read right / stated'.padEnd(22)} ${'missed'.padEnd(8)} wrong values\n`);
    for (const c of CLASS_NAMES) {
      const keys = DETAIL_KEYS.filter(
        (k) => classOf(k) === c && d.details[k].stated + d.details[k].wrong > 0,
      );
      out(`${c.padEnd(20)} ${detailCell(d.classes[c])}\n`);
      for (const k of keys) out(`  ${k.padEnd(18)} ${detailCell(d.details[k])}\n`);
    }
    out(`${'all details'.padEnd(20)} ${detailCell(d.total)}\n`);
    out(`messages whose details were all read right: ${d.allRight}/${d.rows} (${pct(d.allRight, d.rows)})\n`);
    if (verbose) for (const f of d.failures) out(`  - ${f}\n`);
  }
  out(`${goalLine(r.goals)}\n`);
}

/** Every eval/*.jsonl, in name order. */
async function loadRows(): Promise<{ rows: EvalRow[]; files: { file: string; rows: number }[] }> {
  const dir = join(PROJECT_ROOT, 'eval');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort();
  const files = await Promise.all(
    names.map(async (n) => ({ file: `eval/${n}`, text: await readFile(join(dir, n), 'utf8') })),
  );
  const rows = joinEvalSets(files);
  return { rows, files: files.map((f) => ({ file: f.file, rows: joinEvalSets([f]).length })) };
}

async function main() {
  const json = process.argv.includes('--json');
  const verbose = !process.argv.includes('--quiet');
  const config = loadConfig();
  const ctx = await coreContext(config);
  const { rows, files } = await loadRows();
  const readings = rows.map((r) => extractFacts(r.text, TODAY));
  const rule = readings.map((x) => x.facts);
  const ruleDetails = readings.map((x) => x.details);
  const reports = [report('rules', 'rules only', rows, rule, ruleDetails, ctx.kb)];
  if (!json) {
    out(
      `eval: ${rows.length} messages in ${files.map((f) => `${f.file} (${f.rows})`).join(', ')}, today ${TODAY}\n`,
    );
    printReport(reports[0] as ReaderReport, verbose);
  }
  const model = await createLanguageModel(config.llm, (l) => {
    if (!l.includes('answered in')) process.stderr.write(`${l}\n`);
  });
  let modelRun: { model?: string; answered: number; msPerMessage: number } | undefined;
  if (!model) {
    if (!json)
      out('\nlanguage model: not configured (set OPENAI_API_KEY, and OPENAI_BASE_URL / OPENAI_MODEL)\n');
  } else {
    const alone: Facts[] = [];
    const merged: Facts[] = [];
    let failed = 0;
    const t0 = performance.now();
    for (const [i, row] of rows.entries()) {
      const answer = await model.readFacts({ text: row.text, today: TODAY });
      if (!answer) failed++;
      const llm = answer ? sanitizeLlmFacts(answer, row.text, TODAY) : {};
      alone.push(llm);
      merged.push(mergeFacts(rule[i] ?? {}, llm).facts);
    }
    const ms = performance.now() - t0;
    modelRun = {
      model: config.llm?.model,
      answered: rows.length - failed,
      msPerMessage: Math.round(ms / rows.length),
    };
    const more = [
      report('model', 'language model alone', rows, alone, undefined, ctx.kb),
      report(
        'merged',
        'rules + language model, merged (what the bot uses)',
        rows,
        merged,
        ruleDetails,
        ctx.kb,
      ),
    ];
    reports.push(...more);
    if (!json) {
      out(
        `\nlanguage model ${modelRun.model}: ${modelRun.answered}/${rows.length} answered, ${modelRun.msPerMessage} ms per message\n`,
      );
      for (const r of more) printReport(r, verbose);
    }
  }
  if (json)
    out(
      `${JSON.stringify(
        {
          today: TODAY,
          messages: rows.length,
          files,
          languageModel: modelRun ?? null,
          readers: reports.map((r) => ({
            id: r.id,
            name: r.name,
            facts: { ...factTotals(r.facts), perFact: r.facts.facts },
            messagesAllRight: r.facts.allRight,
            routesRight: r.facts.routesRight,
            questionsPerCase: r.facts.questions / r.facts.total,
            details: r.details
              ? {
                  messages: r.details.rows,
                  messagesAllRight: r.details.allRight,
                  total: r.details.total,
                  classes: r.details.classes,
                  perDetail: Object.fromEntries(
                    DETAIL_KEYS.filter(
                      (k) => r.details?.details[k].stated || r.details?.details[k].wrong,
                    ).map((k) => [k, r.details?.details[k]]),
                  ),
                  failures: r.details.failures,
                }
              : null,
            goals: r.goals,
            failures: r.facts.failures,
          })),
        },
        null,
        2,
      )}\n`,
    );
}

await main();
