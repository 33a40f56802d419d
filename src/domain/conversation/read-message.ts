import type { CaseState } from '../model/case-state.js';
import { markClaims } from '../model/claims.js';
import { type Details, FACT_KEYS, type FactKey, type Facts } from '../model/facts.js';
import { type Extraction, extractFacts, type Known } from '../reading/extract.js';
import { mergeFacts } from '../reading/llm-facts.js';
import { noticeTextOf } from '../reading/notice-text.js';
import { rightsNote } from '../reading/rights-words.js';
import { splitAnswerDetails } from './answer-details.js';
import { applyFacts, asOtherListing } from './case-edits.js';
import type { CoreContext } from './outcome.js';
import type { Reply } from './replies.js';
import { faqReply } from './step-notices.js';
import { infoText, MAX_TEXT, type TextHints } from './step-result.js';

// What the step reads in a seller's message: its facts (by the rules, and a language model's when there
// is one), what the rights it names rest on, a pasted notice, and a follow-up question's answer.

export interface Reading {
  ex: Extraction;
  /** Facts the rules and the language model read differently: not taken, so they are asked. */
  disputed: FactKey[];
  /** What is said about an authorization that was not taken (a verbal OK, no letter named). */
  notes: Reply[];
}

/** The rule-based reading of a message, with what a language model read in it (when one did). */
export function read(
  raw: string,
  today: string,
  known: Known,
  hints: TextHints | undefined,
  decided = false,
): Reading {
  const ex = extractFacts(raw.slice(0, MAX_TEXT), today, known);
  const merged = mergeFacts(ex.facts, hints?.llmFacts);
  const settled = settleRights(merged.facts, ex.details, raw);
  // After the decision no question comes next: the seller is told how to answer it again.
  const notes = decided
    ? settled.notes.map((n) =>
        n.kind === 'text'
          ? { ...n, text: `${n.text} Say "change" to change your answer about your rights.` }
          : n,
      )
    : settled.notes;
  return { ex: { ...ex, facts: settled.facts }, disputed: merged.disputed, notes };
}

/**
 * An authorization read from words counts only when they say what it rests on (a letter, or invoices for
 * genuine goods); otherwise the rights question asks which. A verbal OK is said to be none.
 */
export function settleRights(
  facts: Facts,
  details: Details,
  raw: string,
  answered: Facts = {},
): { facts: Facts; notes: Reply[] } {
  const t = raw.slice(0, MAX_TEXT).toLowerCase();
  const dropped = facts.rights === 'authorized' && details.rightsBasis === undefined;
  const { rights: _r, ...rest } = facts;
  const kept = dropped ? rest : facts;
  const note = rightsNote(t, { ...answered, ...kept }, dropped);
  return { facts: kept, notes: note ? [infoText(note)] : [] };
}

/** A firm rule's answer to a follow-up question, else the one found outside the step (hints). */
export function answerFor(
  text: string,
  ctx: CoreContext,
  facts: Facts,
  details: Details,
  hints: TextHints | undefined,
): Reply | undefined {
  return faqReply(text, ctx, facts, details) ?? hints?.answer;
}

/** A pasted notice is kept whole (up to its limit), not only the part the step reads. */
export function withNotice(details: Details, raw: string): Details {
  if (details.noticeText === undefined) return details;
  return { ...details, noticeText: noticeTextOf(raw) ?? details.noticeText };
}

/**
 * Other facts in an answer: they fill what the case does not know yet. One that contradicts a known fact is
 * not applied: it comes back as a conflict, to be shown and asked about (the case keeps its answer meanwhile).
 * A listing named when the case has one is another listing of the same case. The answer's details are taken
 * the same way (answer-details.ts): they fill gaps, and a value that differs from the seller's earlier one
 * is asked about, never silently replaced.
 */
export function takeExtra(
  state: CaseState,
  extra: Facts,
  details: Details,
): { state: CaseState; conflicts: Facts; detailConflicts: Details } {
  const folded = asOtherListing(state, extra);
  const fill: Record<string, string> = {};
  const conflicts: Record<string, string> = {};
  for (const key of FACT_KEYS) {
    const v = folded.facts[key];
    if (v === undefined) continue;
    const known = state.facts[key];
    if (known === undefined) fill[key] = v;
    else if (known !== v) conflicts[key] = v;
  }
  const listings = [...(folded.details.otherListings ?? []), ...(details.otherListings ?? [])];
  const all: Details = { ...details, ...(listings.length > 0 ? { otherListings: listings } : {}) };
  const split = splitAnswerDetails(state.details, all, conflicts as Facts);
  // What fills a gap came from the seller's words: a claim among it is confirmed before a draft says it.
  const filled = markClaims(applyFacts(state, fill as Facts, split.take, false), fill as Facts, true);
  return { state: filled, conflicts: conflicts as Facts, detailConflicts: split.conflicts };
}

/** Whether an answer left anything to ask about: a fact or a detail that differs from the case's. */
export function hasConflicts(c: { conflicts: Facts; detailConflicts: Details }): boolean {
  return Object.keys(c.conflicts).length > 0 || Object.keys(c.detailConflicts).length > 0;
}
