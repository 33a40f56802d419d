import {
  appealOnTable,
  computeDeadlines,
  counterNoticeDue,
  type Deadline,
  deadlinesNeedDate,
} from '../decision/deadlines.js';
import { decide, type Route } from '../decision/decide.js';
import { type Action, actionsFor } from '../decision/delist-actions.js';
import { buildDrafts, buildOptionalDrafts, type Draft } from '../drafting/build-drafts.js';
import type { Templates } from '../drafting/template.js';
import type { CaseRecord } from '../model/case-record.js';
import { dayIn, formatDay } from '../model/dates.js';
import { type Details, FACT_NAMES, type FactKey, type Facts } from '../model/facts.js';
import type { KnowledgeBase, Retriever } from '../model/knowledge-base.js';
import { isCourtCase, isLitigation, mustPreserve, preservationWhy } from '../model/litigation.js';
import { missingFacts } from './flow.js';

/** Everything ipcheck concludes about a case: the triage contract's JSON, and what every channel renders. */
export interface Outcome {
  facts: Facts;
  details: Details;
  missing: FactKey[];
  routes: Route[];
  deadlines: Deadline[];
  actions: Action[];
  drafts: Draft[];
  optionalDrafts: Draft[];
  /** Plain-words notes that qualify the outcome (e.g. "no dates: the notice date is unknown"). */
  notes: string[];
}

export interface CoreContext {
  kb: KnowledgeBase;
  templates: Templates;
  /** Team-wide details (store name, contact line) used where a case does not say otherwise. */
  defaults?: Details;
  /** The team's time zone (IANA), for what "today" and "yesterday" mean; UTC when unset. */
  timeZone?: string;
  /** Ranked retrieval over the knowledge, for questions no rule answers (set by loadContext). */
  retriever?: Retriever;
}

/** Today for the team, from the caller's clock. */
export function todayFor(ctx: CoreContext, now: Date): string {
  return dayIn(now, ctx.timeZone);
}

export interface OutcomeInput {
  facts: Facts;
  details: Details;
  caseId?: string;
  /** Today as YYYY-MM-DD, from the caller's clock. */
  today: string;
}

export function buildOutcome(input: OutcomeInput, ctx: CoreContext): Outcome {
  const { facts, today } = input;
  const details: Details = { ...ctx.defaults, ...input.details };
  const routes = decide(facts, ctx.kb, details);
  const ids = routes.map((r) => r.id);
  // Deadlines depend on the routes: decided once here, not again inside them.
  const deadlines = computeDeadlines(facts, today, ctx.kb, { routes: ids, details });
  const actions = actionsFor(routes, facts, {
    preserve: mustPreserve(facts, details),
    marketplace: details.marketplace,
    others: (details.otherListings ?? []).map((l) => l.listingId),
  });
  const draftInput = { facts, details, routes, deadlines, actions, caseId: input.caseId };
  const missing = missingFacts(facts);
  // A deadline due today or tomorrow comes before anything else.
  const notes: string[] = deadlines
    .filter((d) => d.urgent)
    .map(
      (d) =>
        `Due ${d.daysLeft === 0 ? 'TODAY' : 'tomorrow'}: ${d.label.toLowerCase()} (${formatDay(d.date)}). Act now and tell legal.`,
    );
  if (missing.length > 0)
    notes.push(
      `Some answers are missing (${missing.map((k) => FACT_NAMES[k]).join(', ')}), so this is not a firm decision yet.`,
    );
  if (deadlinesNeedDate(facts, ctx.kb, ids))
    notes.push('No deadline dates: the day the notice arrived is unknown.');
  // A TRO that has run its 14 days is not a missed deadline, and not the end of the freeze.
  if (deadlines.some((d) => d.daysLeft < 0 && d.id !== 'tro_expiry'))
    notes.push('A deadline has already passed: act today and tell legal.');
  if (deadlines.some((d) => d.daysLeft < 0 && d.id === 'tro_expiry'))
    notes.push(
      'The TRO’s 14 days have passed, but that does not mean the freeze is over: a preliminary injunction usually replaces it. The lawyer checks the docket.',
    );
  notes.push(...preservationNotes(facts, details));
  if (!facts.platform && appealOnTable(facts, ids))
    notes.push(
      `Which platform is it? On AliExpress the first counter-notice is due about 3 business days after the complaint${facts.noticeDate ? ` (${formatDay(counterNoticeDue(facts.noticeDate))})` : ''}; Amazon has no fixed window. Give the listing link for exact steps and a reminder.`,
    );
  if (isCourtCase(facts)) notes.push('Court case: do not email or pay the plaintiff’s law firm yourself.');
  return {
    facts,
    details,
    missing,
    routes,
    deadlines,
    actions,
    drafts: buildDrafts(draftInput, ctx.templates),
    optionalDrafts: buildOptionalDrafts(draftInput, ctx.templates),
    notes,
  };
}

/**
 * The preservation rule, said once more where nobody can miss it, and a warning for what is already gone:
 * in a court case or after a letter, nothing is deleted until the lawyer says so.
 */
function preservationNotes(facts: Facts, details: Details): string[] {
  const litigation = isLitigation(facts);
  const gone = details.deleted ?? [];
  const notes: string[] = [];
  if (litigation)
    notes.push(
      'Keep everything: delete nothing (listings, photos, orders, sales records, messages) until the lawyer says so.',
    );
  else if (mustPreserve(facts, details))
    notes.push(
      `Keep everything for now: ${preservationWhy(facts, details)}, so take listings offline rather than delete them, and delete no records (photos, orders, sales records, messages) until legal has seen the case.`,
    );
  if (gone.length > 0) {
    const what = gone.map((g) => (g === 'listing' ? 'the listing' : 'sales records')).join(' and ');
    notes.push(
      mustPreserve(facts, details)
        ? `You said ${what} ${gone.length > 1 ? 'were' : 'was'} already deleted: tell the lawyer today (the note says so), delete nothing more, and export now whatever the platform still keeps (orders, payouts, messages).`
        : `You said ${what} ${gone.length > 1 ? 'were' : 'was'} already deleted: keep every other record from now on, and export what the platform still keeps (orders, payouts), in case a lawyer needs it.`,
    );
  }
  return notes;
}

/** A case's deadlines as of `now`, without building its drafts (reminders, moved-deadline notices). */
export function deadlinesOf(
  state: { facts: Facts; details: Details },
  ctx: CoreContext,
  now: Date,
): Deadline[] {
  return computeDeadlines(state.facts, todayFor(ctx, now), ctx.kb, { details: state.details });
}

/** The outcome of a saved case as of `now`: what status, exports, reminders and channels show. */
export function outcomeOfRecord(rec: CaseRecord, ctx: CoreContext, now: Date): Outcome {
  return buildOutcome(
    { facts: rec.state.facts, details: rec.state.details, caseId: rec.id, today: todayFor(ctx, now) },
    ctx,
  );
}
