import type { CaseState } from '../model/case-state.js';
import { type Details, FACT_KEYS, type FactKey, type Facts } from '../model/facts.js';
import { mergeSigns } from '../model/litigation.js';
import { dueFrom, replyBy } from '../reading/extract-dates.js';
import { clip } from '../reading/notice-text.js';
import { QUESTIONS, questionById } from './questions.js';

// Edits to a case's answers. Each returns a new state; the input state is never mutated.

function questionOfFact(key: FactKey): string {
  // platform is set together with the listing id; both are answered by the listing question.
  return key === 'platform' ? 'listingId' : key;
}

export function withAnswered(state: CaseState, ids: string[]): string[] {
  const rest = state.answered.filter((id) => !ids.includes(id));
  return [...rest, ...ids];
}

/** Applies facts in question order, so "back" after a pre-fill undoes the last question first. */
export function applyFacts(
  state: CaseState,
  facts: Facts,
  details: Details = {},
  overwrite = true,
): CaseState {
  const merged: Record<string, unknown> = { ...state.facts };
  const newly: string[] = [];
  for (const key of FACT_KEYS) {
    const v = facts[key];
    if (v === undefined) continue;
    if (!overwrite && merged[key] !== undefined) continue;
    merged[key] = v;
    newly.push(questionOfFact(key));
  }
  const order = QUESTIONS.map((q) => q.id);
  const ids = [...new Set(newly)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const detailIds = details.differences ? ['differences'] : [];
  return {
    ...state,
    facts: merged as Facts,
    details: mergeDetails(state.details, details, merged as Facts),
    answered: withAnswered(state, [...ids, ...detailIds]),
    skipped: state.skipped.filter((id) => !ids.includes(id) && !detailIds.includes(id)),
  };
}

export function clearQuestion(state: CaseState, questionId: string): CaseState {
  const facts: Record<string, unknown> = { ...state.facts };
  const details: Record<string, unknown> = { ...state.details };
  const q = questionById(questionId);
  const key = q && 'fact' in q.sets ? q.sets.fact : undefined;
  if (key) delete facts[key];
  if (q && 'detail' in q.sets) delete details[q.sets.detail];
  // What an authorization rested on goes with the answer.
  if (key === 'rights') delete details.rightsBasis;
  if (questionId === 'listingId') {
    delete facts.platform;
    delete details.marketplace;
  }
  const unconfirmed = (state.unconfirmed ?? []).filter((k) => k !== key);
  const { unconfirmed: _old, ...rest } = state;
  return {
    ...rest,
    ...(unconfirmed.length > 0 ? { unconfirmed } : {}),
    facts: facts as Facts,
    details: details as Details,
    answered: state.answered.filter((id) => id !== questionId),
    skipped: state.skipped.filter((id) => id !== questionId),
  };
}

type Listing = NonNullable<Details['otherListings']>[number];
const MAX_OTHER_LISTINGS = 500;

/**
 * New details on top of the case's. Most replace the old value (the seller corrects a case number); lists
 * grow instead: other listings and what was deleted are added to, without duplicates and never the case's own
 * listing. The first pasted notice stays: a later one is usually a reminder, and the seller's words keep it.
 */
export function mergeDetails(current: Details, incoming: Details, facts: Facts): Details {
  const out: Details = { ...current, ...incoming };
  if (current.noticeText !== undefined) out.noticeText = current.noticeText;
  const own = facts.listingId !== undefined ? `${facts.platform}:${facts.listingId}` : undefined;
  const seen = new Set<string>(own ? [own] : []);
  const listings: Listing[] = [];
  for (const l of [...(current.otherListings ?? []), ...(incoming.otherListings ?? [])]) {
    const key = `${l.platform}:${l.listingId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    listings.push(l);
  }
  if (listings.length > 0) out.otherListings = listings.slice(0, MAX_OTHER_LISTINGS);
  else delete out.otherListings;
  const signs = mergeSigns(current.legalSigns, incoming.legalSigns);
  if (signs) out.legalSigns = signs;
  else delete out.legalSigns;
  const gone = new Set([...(current.deleted ?? []), ...(incoming.deleted ?? [])]);
  if (gone.size > 0) out.deleted = (['listing', 'records'] as const).filter((k) => gone.has(k));
  return out;
}

/**
 * A listing the seller names in an answer, when the case already has one: another listing of the same
 * case (a Schedule A case names many), not a correction of the case's listing (that is "change").
 */
export function asOtherListing(state: CaseState, facts: Facts): { facts: Facts; details: Details } {
  const known = state.facts.listingId;
  if (known === undefined) return { facts, details: {} };
  const { platform, listingId, ...rest } = facts;
  // The platform goes with the listing: once the case has one, a platform word does not change it.
  if (listingId === undefined || (listingId === known && platform === state.facts.platform))
    return { facts: rest, details: {} };
  return { facts: rest, details: { otherListings: [{ platform: platform ?? 'other', listingId }] } };
}

// The seller's words are kept as read: each message up to what the step reads, the latest 500.
const SAID_TEXT_MAX = 4000;
const SAID_MAX = 500;

/** The case with one more message of the seller's own words, and when it was said. */
export function keepSaid(state: CaseState, text: string, at: string): CaseState {
  const entry = { at, text: clip(text.trim(), SAID_TEXT_MAX) };
  return { ...state, said: [...(state.said ?? []), entry].slice(-SAID_MAX) };
}

/**
 * "Reply within 10 days" counts from the day the notice arrived. When that day becomes known (or is
 * corrected) after the words were read, the reply-by date is counted again from it, unless the seller or
 * the notice wrote out a date, which stands.
 */
export function recountResponseDue(state: CaseState, today: string): CaseState {
  const from = state.facts.noticeDate;
  if (from === undefined) return state;
  const texts = [state.details.noticeText, ...(state.said ?? []).map((m) => m.text)].filter(
    (t): t is string => t !== undefined,
  );
  let within: { days: number; business: boolean } | undefined;
  for (const t of texts) {
    const r = replyBy(t, today);
    if (r.date) return state;
    within = r.within ?? within;
  }
  if (!within) return state;
  const due = dueFrom(from, within);
  return due === state.details.responseDue
    ? state
    : { ...state, details: { ...state.details, responseDue: due } };
}
