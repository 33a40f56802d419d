import { z } from 'zod';
import { missingFacts } from '../domain/conversation/flow.js';
import { decide } from '../domain/decision/decide.js';
import { ROUTE_IDS } from '../domain/decision/route-rules.js';
import { Details, FACT_KEYS, type FactKey, Facts } from '../domain/model/facts.js';
import type { KnowledgeBase } from '../domain/model/knowledge-base.js';

// Scoring of the evaluation set (every eval/*.jsonl): how well a reader (the rules, a model, or both merged)
// reads each message's facts, and whether the route the case ends on is the one a lawyer expects. Pure.

export const EvalRow = z
  .object({
    id: z.string().min(1),
    text: z.string().min(1),
    /** The facts the message itself states: what a careful reader takes from it. */
    stated: Facts,
    /**
     * The details the message states, exactly as Details values (names, amounts, dates, numbers). Optional:
     * a row without it has its details left unscored; a row with it lists every detail the message states,
     * so a detail read beyond them counts as wrong (score-details.ts).
     */
    details: Details.optional(),
    /** The seller's answers to the questions the message leaves open. */
    answers: Facts,
    /** The routes a lawyer expects for the whole case (store_sweep, which every case gets, left out). */
    routes: z.array(z.enum(ROUTE_IDS)).min(1),
    note: z.string().optional(),
  })
  .strict();
export type EvalRow = z.infer<typeof EvalRow>;

/** Parses one JSONL file of the set, naming the file and line of a bad row. */
export function parseEvalSet(text: string, file = 'eval'): EvalRow[] {
  const rows: EvalRow[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file} line ${i + 1}: not JSON (${(e as Error).message})`);
    }
    const parsed = EvalRow.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id =
        typeof (json as { id?: unknown })?.id === 'string' ? ` (${(json as { id: string }).id})` : '';
      throw new Error(`${file} line ${i + 1}${id}: ${issue?.path.join('.')} ${issue?.message}`);
    }
    rows.push(parsed.data);
  });
  return rows;
}

/** Several files' rows as one set; an id used twice is named with both places. */
export function joinEvalSets(files: readonly { file: string; text: string }[]): EvalRow[] {
  const seen = new Map<string, string>();
  const rows: EvalRow[] = [];
  for (const { file, text } of files)
    parseEvalSet(text, file).forEach((row) => {
      const where = seen.get(row.id);
      if (where) throw new Error(`${file}: id ${row.id} is used twice (also in ${where})`);
      seen.set(row.id, file);
      rows.push(row);
    });
  return rows;
}

export interface FactScore {
  /** Messages that state the fact. */
  stated: number;
  /** Of those, read with the stated value. */
  read: number;
  /** Messages where a value was read that is not the stated one (a wrong value, or one the message does not say). */
  wrong: number;
}

export interface ReaderScore {
  facts: Record<FactKey, FactScore>;
  /** Messages whose every fact was read right (nothing missed, nothing wrong). */
  allRight: number;
  routesRight: number;
  /** Questions the seller is asked in all, after the reading (each one the flow still needs). */
  questions: number;
  total: number;
  failures: string[];
}

/** How many questions the flow asks after this reading, the seller answering each truthfully. */
export function questionsAfter(read: Facts, row: EvalRow): number {
  const truth: Record<string, string> = { ...row.answers, ...row.stated };
  const facts: Record<string, string> = { ...(read as Record<string, string>) };
  let n = 0;
  for (let key = missingFacts(facts as Facts)[0]; key !== undefined; key = missingFacts(facts as Facts)[0]) {
    // A question the set has no answer for ends the count (the eval row would need that answer).
    const v = truth[key];
    if (v === undefined) break;
    facts[key] = v;
    n++;
  }
  return n;
}

/** The routes a case ends on when the seller answers every question the reading left open, truthfully. */
export function routesFor(read: Facts, row: EvalRow, kb: KnowledgeBase): string[] {
  const truth: Record<string, string> = { ...row.answers, ...row.stated };
  const final: Record<string, string> = { ...truth, ...(read as Record<string, string>) };
  const ids = decide(final as Facts, kb, {})
    .map((r) => r.id)
    .filter((id) => id !== 'store_sweep');
  return [...new Set(ids)].sort();
}

export function scoreReader(rows: EvalRow[], readings: Facts[], kb: KnowledgeBase): ReaderScore {
  const facts = Object.fromEntries(FACT_KEYS.map((k) => [k, { stated: 0, read: 0, wrong: 0 }])) as Record<
    FactKey,
    FactScore
  >;
  let allRight = 0;
  let routesRight = 0;
  let questions = 0;
  const failures: string[] = [];
  rows.forEach((row, i) => {
    const got = readings[i] ?? {};
    const wrongs: string[] = [];
    for (const k of FACT_KEYS) {
      const want = row.stated[k];
      const have = got[k];
      const s = facts[k];
      if (want !== undefined) s.stated++;
      if (want !== undefined && have === want) s.read++;
      // Platform follows from a listing link or the words; reading it unstated is no error when it is true.
      const truth = row.answers[k];
      if (
        have !== undefined &&
        have !== want &&
        !(want === undefined && have === truth && k === 'platform')
      ) {
        s.wrong++;
        wrongs.push(`${k}=${have} (expected ${want ?? 'unset'})`);
      } else if (want !== undefined && have === undefined) wrongs.push(`${k} missed`);
    }
    if (wrongs.length === 0) allRight++;
    questions += questionsAfter(got, row);
    const routes = routesFor(got, row, kb);
    const routeOk = routes.join(',') === [...row.routes].sort().join(',');
    if (routeOk) routesRight++;
    if (wrongs.length > 0 || !routeOk)
      failures.push(
        `${row.id}: ${wrongs.join('; ')}${routeOk ? '' : `${wrongs.length ? '; ' : ''}routes ${routes.join('+') || 'none'} (expected ${[...row.routes].sort().join('+')})`}`,
      );
  });
  return { facts, allRight, routesRight, questions, total: rows.length, failures };
}
