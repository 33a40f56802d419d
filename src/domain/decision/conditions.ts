import type { Details, FactKey, Facts } from '../model/facts.js';
import { mustPreserve } from '../model/litigation.js';

/**
 * A condition on facts, written as data so the flow can be validated and every path enumerated.
 * `is`: each named fact is known and has one of the listed values.
 * `not`: each named fact is unknown or has none of the listed values.
 * `preserve`: the case must (true) or need not (false) keep everything, as litigation.ts's mustPreserve says
 * (litigation, an unknown notice, or a sign of a lawyer in the seller's words).
 */
export interface Condition {
  is?: Partial<Record<FactKey, readonly string[]>>;
  not?: Partial<Record<FactKey, readonly string[]>>;
  preserve?: boolean;
}

/** Whether a condition holds for a case. `details` carries the legal signs the preservation rule reads. */
export function holds(cond: Condition, facts: Facts, details: Pick<Details, 'legalSigns'>): boolean {
  if (cond.preserve !== undefined && mustPreserve(facts, details) !== cond.preserve) return false;
  for (const [key, values] of Object.entries(cond.is ?? {})) {
    const v = facts[key as FactKey];
    if (v === undefined || !values?.includes(v)) return false;
  }
  for (const [key, values] of Object.entries(cond.not ?? {})) {
    const v = facts[key as FactKey];
    if (v !== undefined && values?.includes(v)) return false;
  }
  return true;
}

/** True when any of the conditions holds; an empty list means "always". */
export function anyHolds(
  conds: readonly Condition[],
  facts: Facts,
  details: Pick<Details, 'legalSigns'>,
): boolean {
  return conds.length === 0 || conds.some((c) => holds(c, facts, details));
}

export function conditionKeys(conds: readonly Condition[]): FactKey[] {
  const keys = new Set<FactKey>();
  for (const c of conds) {
    for (const k of Object.keys(c.is ?? {})) keys.add(k as FactKey);
    for (const k of Object.keys(c.not ?? {})) keys.add(k as FactKey);
  }
  return [...keys];
}
