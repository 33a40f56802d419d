import { findDate, isValidIsoDate } from './dates.js';
import { extractFacts } from './extract.js';
import type { Details, Facts } from './facts.js';
import { findListingRefs, listingRefMessage, parseListingRef } from './listing-ref.js';
import { type Choice, choiceFactValue, type Question } from './questions.js';

/** What a seller's text means as an answer to the pending question. */
export type ReadAnswer =
  | { ok: true; facts: Facts; details: Details /** other facts the same words gave */; extra: Facts }
  | { ok: false; message: string };

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[.!?]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Matches "2", "2.", "design patent", "design_patent" or a synonym to one choice. */
export function matchChoice(q: Question, text: string): Choice | undefined {
  return matchChoiceHow(q, text)?.choice;
}

function matchChoiceHow(q: Question, text: string): { choice: Choice; byPrefix: boolean } | undefined {
  const t = norm(text);
  const n = /^(\d{1,2})[.)]?$/.exec(t);
  if (n) {
    const c = q.choices[Number(n[1]) - 1];
    return c ? { choice: c, byPrefix: false } : undefined;
  }
  const exact =
    q.choices.find((c) => norm(c.label) === t || c.value === t.replace(/ /g, '_')) ??
    q.choices.find((c) => c.synonyms?.some((s) => norm(s) === t));
  if (exact) return { choice: exact, byPrefix: false };
  // Longer answers ("yes, we never listed it") match by their first choice-word only when unambiguous.
  const p = uniquePrefixMatch(q, t);
  return p ? { choice: p, byPrefix: true } : undefined;
}

function uniquePrefixMatch(q: Question, t: string): Choice | undefined {
  const hits = q.choices.filter((c) =>
    [c.label, ...(c.synonyms ?? [])].some((w) => {
      const word = norm(w);
      return word.length >= 2 && (t.startsWith(`${word} `) || t.startsWith(`${word},`));
    }),
  );
  return hits.length === 1 ? hits[0] : undefined;
}

function factsForChoice(q: Question, choice: Choice, today: string): Facts | undefined {
  const value = choiceFactValue(choice);
  if (!('fact' in q.sets)) return undefined;
  if (q.sets.fact === 'noticeDate') {
    if (value === 'today') return { noticeDate: today };
    if (value === 'yesterday') return { noticeDate: findDate('yesterday', today) };
    return undefined;
  }
  return { [q.sets.fact]: value } as Facts;
}

/** A button press: the value must be one of the question's choices. */
export function readChoiceValue(q: Question, value: string, today: string): ReadAnswer {
  const choice = q.choices.find((c) => c.value === value);
  const facts = choice ? factsForChoice(q, choice, today) : undefined;
  if (!choice || !facts) return { ok: false, message: `"${value.slice(0, 40)}" is not one of the choices.` };
  return { ok: true, facts, details: choice.details ?? {}, extra: {} };
}

function readListing(text: string): ReadAnswer {
  const direct = parseListingRef(text);
  const ref = direct.ok ? direct.ref : findListingRefs(text).refs[0];
  if (!ref)
    return { ok: false, message: listingRefMessage(direct.ok ? 'not_a_listing' : direct.problem, text) };
  const details: Details = ref.marketplace ? { marketplace: ref.marketplace } : {};
  return { ok: true, facts: { platform: ref.platform, listingId: ref.listingId }, details, extra: {} };
}

function readDate(text: string, today: string): ReadAnswer {
  const date = findDate(text, today);
  if (!date || !isValidIsoDate(date)) {
    return { ok: false, message: 'I need a date, like 2026-11-20, "Nov 20", "yesterday" or "3 days ago".' };
  }
  if (date > today) return { ok: false, message: `${date} is in the future; when did the notice arrive?` };
  return { ok: true, facts: { noticeDate: date }, details: {}, extra: {} };
}

function readList(text: string): ReadAnswer {
  const items = text
    .split(/\n|;|(?:^|\s)\d+[.)]\s/)
    .map((s) => s.trim().replace(/^[-*•]\s*/, ''))
    .filter((s) => s.length > 0)
    .slice(0, 20)
    .map((s) => s.slice(0, 500));
  if (items.length === 0) return { ok: false, message: 'List at least one difference, or say "skip".' };
  return { ok: true, facts: {}, details: { differences: items }, extra: {} };
}

/** Free text typed while a question is pending: a choice, the free-text kind it takes, or the seller's own words. */
export function readTextAnswer(q: Question, text: string, today: string): ReadAnswer {
  const how = matchChoiceHow(q, text);
  if (how && !how.byPrefix) return readChoiceValue(q, how.choice.value, today);
  if (how && 'fact' in q.sets) {
    // "No, it's ours": the first word says one thing and the rest another. Ask rather than guess.
    const said = extractFacts(text, today).facts[q.sets.fact];
    if (said !== undefined && said !== choiceFactValue(how.choice)) {
      const other = q.choices.find((c) => choiceFactValue(c) === said);
      return {
        ok: false,
        message: `I read both "${how.choice.label}" and "${other?.label ?? said}" in that. Answer with the number of the one you mean.`,
      };
    }
    return readChoiceValue(q, how.choice.value, today);
  }
  if (how) return readChoiceValue(q, how.choice.value, today);
  if (q.freeText?.kind === 'listing') return readListing(text);
  if (q.freeText?.kind === 'date') return readDate(text, today);
  if (q.freeText?.kind === 'list') return readList(text);
  // Their own words may answer it ("their logo is on the box") and say more besides.
  const ex = extractFacts(text, today);
  if ('fact' in q.sets) {
    const key = q.sets.fact;
    const v = ex.facts[key];
    if (v !== undefined) {
      const { [key]: _answered, ...extra } = ex.facts;
      return { ok: true, facts: { [key]: v } as Facts, details: ex.details, extra };
    }
  }
  const range = q.choices.length > 1 ? `1 to ${q.choices.length}` : '1';
  return { ok: false, message: `I did not catch that. Answer ${range}, or type the words of a choice.` };
}
