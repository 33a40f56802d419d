import { anyHolds, type Condition, conditionKeys } from '../decision/conditions.js';
import { ROUTE_RULES } from '../decision/route-rules.js';
import {
  allowedValues,
  type Details,
  FACT_KEYS,
  type FactKey,
  type Facts,
  isEnumFact,
  VALUE_LABELS,
} from '../model/facts.js';
import { choiceFactValue, QUESTIONS, type Question } from './questions.js';

export interface FlowView {
  facts: Facts;
  details: Details;
  skipped: readonly string[];
}

function isKnown(q: Question, view: FlowView): boolean {
  if ('fact' in q.sets) return view.facts[q.sets.fact] !== undefined;
  return view.details[q.sets.detail] !== undefined;
}

export function isRelevant(q: Question, facts: Facts): boolean {
  // Which questions matter never depends on the preservation rule (a test keeps askWhen free of it).
  return anyHolds(q.askWhen, facts, {});
}

/** The next question: the first one whose value is unknown, not skipped, and relevant to the decision. */
export function nextQuestion(view: FlowView): Question | undefined {
  return QUESTIONS.find(
    (q) => !isKnown(q, view) && !view.skipped.includes(q.id) && isRelevant(q, view.facts),
  );
}

/** Fact keys still needed for a firm decision (the contract's `missing`). */
export function missingFacts(facts: Facts): FactKey[] {
  const out: FactKey[] = [];
  for (const q of QUESTIONS) {
    if (!('fact' in q.sets)) continue;
    const key = q.sets.fact;
    if (facts[key] === undefined && isRelevant(q, facts)) out.push(key);
  }
  return out;
}

/** Checks the flow data once at startup: names and values exist, and every question can be reached. */
export function validateFlow(): string[] {
  const errors: string[] = [];
  const checkCond = (where: string, conds: readonly Condition[]) => {
    for (const c of conds) {
      for (const part of [c.is, c.not]) {
        for (const [key, values] of Object.entries(part ?? {})) {
          if (!(FACT_KEYS as readonly string[]).includes(key)) {
            errors.push(`${where}: unknown fact ${key}`);
            continue;
          }
          const k = key as FactKey;
          if (!isEnumFact(k)) continue;
          for (const v of values ?? []) {
            if (!(v in VALUE_LABELS[k]))
              errors.push(`${where}: ${key}=${v} is not one of ${allowedValues(k)}`);
          }
        }
      }
    }
  };
  const ids = new Set<string>();
  for (const q of QUESTIONS) {
    if (ids.has(q.id)) errors.push(`question ${q.id} is defined twice`);
    ids.add(q.id);
    checkCond(`question ${q.id}`, q.askWhen);
    if ('fact' in q.sets && isEnumFact(q.sets.fact)) {
      const allowed = VALUE_LABELS[q.sets.fact];
      for (const c of q.choices) {
        if (!(choiceFactValue(c) in allowed))
          errors.push(`question ${q.id}: choice ${c.value} is not a value of ${q.sets.fact}`);
      }
      if (new Set(q.choices.map(choiceFactValue)).size !== Object.keys(allowed).length) {
        errors.push(`question ${q.id}: choices do not cover every value of ${q.sets.fact}`);
      }
    }
    if (q.choices.length === 0 && !q.freeText)
      errors.push(`question ${q.id} has neither choices nor free text`);
    // A question may only depend on facts asked before it, or it could never be reached in order.
    const earlier = QUESTIONS.slice(0, QUESTIONS.indexOf(q))
      .filter((p) => 'fact' in p.sets)
      .map((p) => (p.sets as { fact: FactKey }).fact);
    for (const k of conditionKeys(q.askWhen)) {
      if (!earlier.includes(k)) errors.push(`question ${q.id} depends on ${k}, which is not asked before it`);
    }
  }
  for (const rule of ROUTE_RULES) {
    checkCond(`route ${rule.id}/${rule.variant}`, [rule.when]);
    for (const extra of rule.citationsWhen ?? []) checkCond(`route ${rule.id}/${rule.variant}`, [extra.when]);
    for (const o of rule.overrides ?? []) checkCond(`route ${rule.id}/${rule.variant} override`, [o.when]);
  }
  return errors;
}
