import { addBusinessDays, addDays, daysBetween, formatDay } from '../model/dates.js';
import type { Details, Facts } from '../model/facts.js';
import { type Citation, citeWhole, type KnowledgeBase } from '../model/knowledge-base.js';
import { isCourtCase, isLetter, isPlatformComplaint } from '../model/litigation.js';
import { isCourtDay, nextCourtDay } from './court-days.js';
import { decide } from './decide.js';
import type { RouteId } from './route-rules.js';

export interface Deadline {
  id: 'counter_notice' | 'court_answer' | 'tro_expiry' | 'letter_reply' | 'stated_reply';
  label: string;
  date: string;
  /** How the date was computed, in plain words. */
  basis: string;
  /** What could make it wrong, and what to check. */
  caveat: string;
  /** Days from today; negative when the date has passed. */
  daysLeft: number;
  /** Due today or tomorrow: shown first and loudly, everywhere. */
  urgent: boolean;
  source: Citation;
}

interface DeadlineRule {
  id: Deadline['id'];
  applies: (f: Facts, routes: readonly RouteId[]) => boolean;
  /** The date and its basis, or nothing when the case does not give the day it counts from. */
  compute: (f: Facts, d: Details) => { date: string; basis: string } | undefined;
  /** Whether the rule needs the notice date (to say "tell me the date" when it is unknown). */
  needsNoticeDate: boolean;
  label: string;
  caveat: string;
  fact: string;
}

const fromNotice =
  (days: (from: string) => string, basis: string) =>
  (f: Facts): { date: string; basis: string } | undefined =>
    f.noticeDate ? { date: days(f.noticeDate), basis } : undefined;

/** A reply-by date the notice gives ("respond by December 10", or counted from "within 10 days"). */
function statedReply(_f: Facts, d: Details): { date: string; basis: string } | undefined {
  return d.responseDue
    ? {
        date: d.responseDue,
        basis: 'the reply-by date the notice gives (or counted from its "within N days")',
      }
    : undefined;
}

/**
 * A court date that falls when the court is closed (a weekend or a federal holiday): said with the same
 * roll-over reasoning as the answer date, but not moved, because an order or a stated date can set its own
 * terms. The lawyer checks the order.
 */
function closedCourtDay(date: string, what: string): string | undefined {
  if (isCourtDay(date)) return undefined;
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  const why = wd === 0 || wd === 6 ? 'a weekend' : 'a federal holiday';
  return `${what} (${formatDay(date)}) falls on ${why}: under FRCP 6(a) a court period ending then usually runs on to the next court day (${formatDay(nextCourtDay(date))}), but an order can set its own terms, so the earlier date is shown; check the order`;
}

/** A court date's basis with the closed-court reasoning added when it applies. */
function withClosedDay(at: { date: string; basis: string }, what: string): { date: string; basis: string } {
  const note = closedCourtDay(at.date, what);
  return note ? { ...at, basis: `${at.basis}; ${note}` } : at;
}

/** FRCP 6(a)(1)(C): a court period ending on a weekend or federal holiday runs on to the next court day. */
function courtAnswer(f: Facts): { date: string; basis: string } | undefined {
  if (!f.noticeDate) return undefined;
  const raw = addDays(f.noticeDate, 21);
  const date = nextCourtDay(raw);
  const basis =
    '21 days after service; service is often just an email, so counted from the day the email arrived';
  return date === raw
    ? { date, basis }
    : {
        date,
        basis: `${basis}; day 21 (${formatDay(raw)}) is not a court day, so it runs on to the next one (FRCP 6(a))`,
      };
}

/** AliExpress's first counter-notice: about 3 business days after the complaint (facts#ae.counter-notice-window). */
export function counterNoticeDue(noticeDate: string): string {
  return addBusinessDays(noticeDate, 3);
}

/** A platform complaint the seller may appeal: a dispute, or one waiting on legal's opinion. */
export function appealOnTable(f: Facts, routes: readonly RouteId[]): boolean {
  // Legal's opinion puts an appeal on the table only when nothing is to be delisted: an infringing listing
  // that legal sees because a lawyer was mentioned is not one to appeal.
  return (
    isPlatformComplaint(f) &&
    (routes.includes('dispute_reply') || (routes.includes('legal_opinion') && !routes.includes('delist_now')))
  );
}

// Hedged on purpose (product.md): dates come with their basis and caveat, never as legal certainty.
const RULES: DeadlineRule[] = [
  {
    id: 'counter_notice',
    // AliExpress only (Amazon has no such window; an unknown platform gets a note instead, see outcome.ts),
    // and only when an appeal is on the table: telling an infringing seller to appeal invites a bad-faith one.
    applies: (f, routes) => f.platform === 'aliexpress' && appealOnTable(f, routes),
    compute: fromNotice(
      counterNoticeDue,
      'about 3 business days after the complaint arrived (Monday to Friday; public holidays are not skipped here, so the real countdown may end a day or two later)',
    ),
    needsNoticeDate: true,
    label: 'First counter-notice (appeal) to the platform',
    caveat: 'The countdown on the case in Seller Center is the real deadline; check it today.',
    fact: 'facts#ae.counter-notice-window',
  },
  {
    id: 'tro_expiry',
    applies: isCourtCase,
    compute: (f, d) => {
      const at = d.troDate
        ? {
            date: addDays(d.troDate, 14),
            basis: `at most 14 days after the TRO was issued on ${formatDay(d.troDate)} (an ex parte TRO lasts no longer unless extended)`,
          }
        : fromNotice(
            (n) => addDays(n, 14),
            'at most 14 days after the TRO was issued (an ex parte TRO lasts no longer unless extended), and it was issued on or before the day you heard of it',
          )(f);
      return at && withClosedDay(at, 'Day 14');
    },
    needsNoticeDate: false,
    label: 'TRO ends at the latest, unless extended',
    caveat:
      'The court can extend it once, and the plaintiff usually asks for a preliminary injunction before it ends.',
    fact: 'facts#us.tro-14-days',
  },
  {
    id: 'court_answer',
    applies: isCourtCase,
    compute: courtAnswer,
    needsNoticeDate: true,
    label: 'Answer to the court due',
    caveat:
      'A US lawyer must confirm the service date and the deadline (federal holidays are skipped here, state holidays of the court are not); missing it risks a default judgment.',
    fact: 'facts#us.answer-21-days',
  },
  {
    id: 'letter_reply',
    applies: isLetter,
    compute: statedReply,
    needsNoticeDate: false,
    label: 'Reply date the letter sets',
    caveat:
      'It is the sender’s demand, not a court deadline: legal decides whether and how to answer, and you do not reply yourself.',
    fact: 'facts#us.preserve-on-letter',
  },
  {
    // A date the court papers or the firm's email state: real until the lawyer says otherwise.
    id: 'stated_reply',
    applies: isCourtCase,
    compute: (f, d) => {
      const at = statedReply(f, d);
      return at && withClosedDay(at, 'That date');
    },
    needsNoticeDate: false,
    label: 'Date stated in the court papers or email',
    caveat: 'Treat it as real and send it to legal today; the lawyer confirms what it is and what is due.',
    fact: 'facts#us.answer-21-days',
  },
  {
    // The platform's own countdown, as the seller read it: the real deadline, ahead of any estimate.
    id: 'stated_reply',
    applies: (f) => isPlatformComplaint(f) || f.notice === undefined,
    compute: statedReply,
    needsNoticeDate: false,
    label: 'Reply date the notice states',
    caveat: 'The countdown on the case in the seller portal is the real deadline; act before it.',
    fact: 'facts#ae.counter-notice-window',
  },
];

/**
 * Deadlines that apply to the case, as dates, nearest first. None without the day they count from: a
 * guessed date could be too late.
 */
export function computeDeadlines(
  facts: Facts,
  today: string,
  kb: KnowledgeBase,
  /** `details`: a TRO issue date or a reply-by date; `routes`: when the caller has decided them already. */
  o: { details?: Details; routes?: readonly RouteId[] } = {},
): Deadline[] {
  const details = o.details ?? {};
  const routes = o.routes ?? decide(facts, kb, details).map((r) => r.id);
  const out: Deadline[] = [];
  for (const r of RULES) {
    if (!r.applies(facts, routes)) continue;
    const at = r.compute(facts, details);
    if (!at) continue;
    const daysLeft = daysBetween(today, at.date);
    out.push({
      id: r.id,
      label: r.label,
      date: at.date,
      basis: at.basis,
      caveat: r.caveat,
      daysLeft,
      urgent: daysLeft >= 0 && daysLeft <= 1,
      source: citeWhole(kb, r.fact),
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether any deadline rule would apply if the notice date were known (to say "tell me the date"). */
export function deadlinesNeedDate(
  facts: Facts,
  kb: KnowledgeBase,
  // Only the route ids matter here, and the legal signs change wording, never which routes apply.
  routes: readonly RouteId[] = decide(facts, kb, {}).map((r) => r.id),
): boolean {
  return !facts.noticeDate && RULES.some((r) => r.needsNoticeDate && r.applies(facts, routes));
}

/** The nearest deadline that has not passed, if any (lists, App Home, the legal summary). */
export function nextDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  return [...deadlines].filter((d) => d.daysLeft >= 0).sort((a, b) => a.date.localeCompare(b.date))[0];
}

export function checkDeadlineSources(kb: KnowledgeBase): void {
  for (const r of RULES) citeWhole(kb, r.fact);
}
