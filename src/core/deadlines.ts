import { addBusinessDays, addDays, daysBetween } from './dates.js';
import { decide } from './decide.js';
import type { Facts } from './facts.js';
import { type Citation, citeWhole, type KnowledgeBase } from './knowledge-base.js';
import type { RouteId } from './route-rules.js';

export interface Deadline {
  id: 'counter_notice' | 'court_answer' | 'tro_expiry';
  label: string;
  date: string;
  /** How the date was computed, in plain words. */
  basis: string;
  /** What could make it wrong, and what to check. */
  caveat: string;
  /** Days from today; negative when the date has passed. */
  daysLeft: number;
  source: Citation;
}

interface DeadlineRule {
  id: Deadline['id'];
  applies: (f: Facts, routes: readonly RouteId[]) => boolean;
  compute: (noticeDate: string) => string;
  label: string;
  basis: string;
  caveat: string;
  fact: string;
}

// Hedged on purpose (product.md): dates come with their basis and caveat, never as legal certainty.
const RULES: DeadlineRule[] = [
  {
    id: 'counter_notice',
    // Only when an appeal is on the table: telling an infringing seller to appeal invites a bad-faith one.
    applies: (f, routes) =>
      f.notice === 'platform_complaint' &&
      f.platform !== 'amazon' &&
      (routes.includes('dispute_reply') || routes.includes('legal_opinion')),
    compute: (d) => addBusinessDays(d, 3),
    label: 'First counter-notice (appeal) to the platform',
    basis: 'about 3 business days after the complaint arrived (Monday to Friday; holidays not counted)',
    caveat: 'The countdown on the case in Seller Center is the real deadline; check it today.',
    fact: 'facts#ae.counter-notice-window',
  },
  {
    id: 'tro_expiry',
    applies: (f) => f.notice === 'court_or_tro',
    compute: (d) => addDays(d, 14),
    label: 'TRO ends at the latest, unless extended',
    basis:
      'at most 14 days after the TRO was issued (an ex parte TRO lasts no longer unless extended), and it was issued on or before the day you heard of it',
    caveat:
      'The court can extend it once, and the plaintiff usually asks for a preliminary injunction before it ends.',
    fact: 'facts#us.tro-14-days',
  },
  {
    id: 'court_answer',
    applies: (f) => f.notice === 'court_or_tro',
    compute: (d) => addDays(d, 21),
    label: 'Answer to the court due',
    basis: '21 days after service; service is often just an email, so counted from the day the email arrived',
    caveat:
      'A US lawyer must confirm the service date and the deadline; missing it risks a default judgment.',
    fact: 'facts#us.answer-21-days',
  },
];

/** Deadlines that apply to the case, as dates. None without a notice date: a guessed date could be too late. */
export function computeDeadlines(
  facts: Facts,
  today: string,
  kb: KnowledgeBase,
  routes: readonly RouteId[] = decide(facts, kb).map((r) => r.id),
): Deadline[] {
  const from = facts.noticeDate;
  if (!from) return [];
  return RULES.filter((r) => r.applies(facts, routes)).map((r) => {
    const date = r.compute(from);
    return {
      id: r.id,
      label: r.label,
      date,
      basis: r.basis,
      caveat: r.caveat,
      daysLeft: daysBetween(today, date),
      source: citeWhole(kb, r.fact),
    };
  });
}

/** Whether any deadline rule would apply if the notice date were known (to say "tell me the date"). */
export function deadlinesNeedDate(
  facts: Facts,
  kb: KnowledgeBase,
  routes: readonly RouteId[] = decide(facts, kb).map((r) => r.id),
): boolean {
  return !facts.noticeDate && RULES.some((r) => r.applies(facts, routes));
}

/** The nearest deadline that has not passed, if any (lists, App Home, the legal summary). */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  return [...deadlines].filter((d) => d.daysLeft >= 0).sort((a, b) => a.date.localeCompare(b.date))[0];
}

export function checkDeadlineSources(kb: KnowledgeBase): void {
  for (const r of RULES) citeWhole(kb, r.fact);
}
