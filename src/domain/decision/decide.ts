import type { Details, Facts } from '../model/facts.js';
import { type Citation, cite, citeWhole, type KnowledgeBase } from '../model/knowledge-base.js';
import { holds } from './conditions.js';
import { ROUTE_RULES, type RouteId, type RouteRule } from './route-rules.js';

export interface Route {
  id: RouteId;
  variant: string;
  title: string;
  reason: string;
  urgent: boolean;
  steps: string[];
  /** Guidance sentences that support the route. */
  citations: Citation[];
  /** Sourced facts behind the steps, each with its confidence. */
  supporting: Citation[];
}

/** The rule as it reads for these facts: its first override that holds replaces the fields it names. */
function worded(rule: RouteRule, facts: Facts, details: Details): RouteRule {
  const o = rule.overrides?.find((x) => holds(x.when, facts, details));
  return o ? { ...rule, ...o } : rule;
}

function reasonFor(rule: RouteRule, facts: Facts): string {
  if (!rule.reasonBy) return rule.reason;
  const v = facts[rule.reasonBy.key];
  const extra = v ? rule.reasonBy.values[v] : undefined;
  const fallback =
    facts.platform === 'amazon'
      ? 'Appeal to Amazon with your evidence.'
      : 'Send the platform your evidence before the counter-notice deadline.';
  return `${rule.reason}${extra ?? fallback}`.trim();
}

/** Platform-specific facts only where they apply: no Amazon advice on an AliExpress case, and back. */
function appliesTo(ref: string, facts: Facts): boolean {
  if (ref.startsWith('facts#amazon.')) return facts.platform === 'amazon';
  if (ref.startsWith('facts#ae.')) return facts.platform !== 'amazon';
  return true;
}

/**
 * The pure decision: which routes the known facts lead to, each with its reason and citations. `details`
 * carries the legal signs in the seller's words, which turn any deletion into "take offline, keep".
 */
export function decide(facts: Facts, kb: KnowledgeBase, details: Details): Route[] {
  const routes: Route[] = [];
  for (const base of ROUTE_RULES) {
    if (routes.some((r) => r.id === base.id)) continue;
    if (!holds(base.when, facts, details)) continue;
    const rule = worded(base, facts, details);
    const refs = [...rule.citations];
    for (const extra of rule.citationsWhen ?? [])
      if (holds(extra.when, facts, details)) refs.push(...extra.citations);
    routes.push({
      id: rule.id,
      variant: rule.variant,
      title: rule.title,
      reason: reasonFor(rule, facts),
      urgent: rule.urgent ?? false,
      steps: rule.steps,
      citations: refs.map((c) => cite(kb, c)),
      supporting: rule.facts.filter((ref) => appliesTo(ref, facts)).map((ref) => citeWhole(kb, ref)),
    });
  }
  return routes;
}

/** Every citation the rules make, so startup can prove each quote is in the knowledge base. */
export function checkRuleCitations(kb: KnowledgeBase): void {
  for (const rule of ROUTE_RULES) {
    for (const c of rule.citations) cite(kb, c);
    for (const extra of rule.citationsWhen ?? []) for (const c of extra.citations) cite(kb, c);
    for (const ref of [...rule.facts, ...(rule.overrides ?? []).flatMap((o) => o.facts ?? [])])
      citeWhole(kb, ref);
  }
}
