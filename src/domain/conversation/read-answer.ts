import { findDate, isValidIsoDate } from '../model/dates.js';
import type { Details, Facts } from '../model/facts.js';
import { type Extraction, extractFacts } from '../reading/extract.js';
import { findListingRefs, listingRefMessage, parseListingRef } from '../reading/listing-ref.js';
import {
  mentionsAuthorization,
  SUPPLIER_NOTE,
  someoneElsesAuthorization,
  VERBAL_NOTE,
  verbalOnly,
  WHICH_NOTE,
} from '../reading/rights-words.js';
import { BARE_YES_NO } from '../reading/vocabulary.js';
import { type Choice, choiceFactValue, type Question } from './questions.js';

/** What a seller's text means as an answer to the pending question. */
export type ReadAnswer =
  | {
      ok: true;
      /** The answer to the question. */
      facts: Facts;
      /** Details the same words gave (for the drafts). */
      details: Details;
      /** Other facts the same words gave: they fill gaps, and a contradiction is asked about (step.ts). */
      extra: Facts;
    }
  | {
      ok: false;
      message: string;
      /** The message explains why the words were not taken (info, not an error), even beside other facts taken. */
      aside?: boolean;
    };

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

interface ChoiceMatch {
  choice: Choice;
  byPrefix: boolean;
  /** For a match by the first words: the choice-word matched, and the words after it. */
  word?: string;
  rest?: string;
}

function matchChoiceHow(q: Question, text: string): ChoiceMatch | undefined {
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
  return p ? { ...p, byPrefix: true } : undefined;
}

// One Chinese character is a word ("是，有他们的logo"); one Latin letter is not ("n" in "no idea").
const CJK = /^[\u3400-\u9fff]$/;
const SEPARATORS = [' ', ',', '，', '、', '。', ';', '；', '.', '!', '！', ':', '：'];
const LEADING_SEPARATORS = /^[\s,，、。;；.!！:：]+/;

// "no letter", "no idea", "never contacted them": a negation before a word that does not start a clause
// negates that word; it is no answer to the question. "no, …", "no we …", "no haven't …" are answers.
const NEGATORS = new Set(['no', 'not', 'never', 'none', 'nothing']);
const CLAUSE_STARTERS = new Set(
  `i i'm i've we we're we've we'd it it's its they they're they've this that that's these those he she you our
  my the a an there is isn't are aren't was wasn't were weren't do don't dont does doesn't doesnt did didn't
  didnt have haven't havent has hasn't hasnt had hadn't can can't cant cannot could couldn't will won't would
  wouldn't not never sorry thanks thank actually really definitely absolutely just already still unfortunately
  honestly but and so because since as also only of`.split(/\s+/),
);

function isNegatedWord(word: string, sep: string, rest: string): boolean {
  if (!NEGATORS.has(word) || sep !== ' ') return false;
  const next = rest.split(/[\s,，.。!！?？;；:：]/)[0] ?? '';
  return !CLAUSE_STARTERS.has(next);
}

function uniquePrefixMatch(
  q: Question,
  t: string,
): { choice: Choice; word: string; rest: string } | undefined {
  const hits: { choice: Choice; word: string; rest: string }[] = [];
  for (const c of q.choices) {
    let best: { word: string; rest: string } | undefined;
    for (const w of [c.label, ...(c.synonyms ?? [])]) {
      const word = norm(w);
      if (word.length < 2 && !CJK.test(word)) continue;
      const sep = SEPARATORS.find((s) => t.startsWith(`${word}${s}`));
      if (sep === undefined) continue;
      const rest = t.slice(word.length).replace(LEADING_SEPARATORS, '');
      if (isNegatedWord(word, sep, rest)) continue;
      if (!best || word.length > best.word.length) best = { word, rest };
    }
    if (best) hits.push({ choice: c, ...best });
  }
  return hits.length === 1 ? hits[0] : undefined;
}

// Words that add nothing to a yes or no: "no, it isn't", "yes we do, thanks".
const FILLER = new Set(
  `it is isn't it's was wasn't does doesn't did didn't do don't we are aren't have haven't has hasn't they
  that that's right correct exactly definitely absolutely of course sure indeed sorry thanks thank you not at
  all i think so guess believe really actually honestly yes no nope never none nothing any anything yet`.split(
    /\s+/,
  ),
);
const FILLER_ZH = /^(是的|是|对的|对|没错|确实|当然|谢谢|不是|没有|的)+$/;
// "yes, and …", "是，另外…": the yes answers the question, the rest adds to it.
const ADDITIVE =
  /^(?:(?:and|also|plus|btw|by the way|besides|additionally|in addition|as well)\b|另外|而且|还有|并且|同时|顺便|也)/;

/** The words after a bare yes or no add nothing, add something else explicitly, or speak of this question. */
function answersHere(q: Question, rest: string, readHere: boolean): boolean {
  if (rest === '' || readHere || ADDITIVE.test(rest)) return true;
  const words = rest.split(/[\s,，.。!！?？;；:：]+/).filter((w) => w !== '');
  if (words.every((w) => FILLER.has(w)) || FILLER_ZH.test(words.join(''))) return true;
  return q.topic?.test(` ${rest} `) ?? false;
}

/** The text is exactly one choice (its number, label or a synonym): a typed button, not the seller's words. */
export function isBareChoice(q: Question, text: string): boolean {
  const how = matchChoiceHow(q, text);
  return how !== undefined && !how.byPrefix;
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

/** Another choice named in the words by one of its longer synonyms ("invoices", "authorization letter"). */
function otherChoiceNamed(q: Question, picked: Choice, text: string): Choice | undefined {
  const t = norm(text);
  return q.choices.find(
    (c) =>
      c !== picked &&
      choiceFactValue(c) !== choiceFactValue(picked) &&
      (c.synonyms ?? []).some((w) => {
        const word = norm(w);
        // "no letter" denies the letter; it does not name it.
        return (
          word.length >= 6 &&
          new RegExp(`(^|[^\\p{L}])(?<!\\b(?:no|without|not an?) )${word}($|[^\\p{L}])`, 'u').test(t)
        );
      }),
  );
}

/** Everything else the words say, besides the answer (`answered` facts are left out). */
function besides(ex: Extraction, answered: (keyof Facts)[]): { details: Details; extra: Facts } {
  const extra: Record<string, unknown> = { ...ex.facts };
  for (const k of answered) delete extra[k];
  return { details: ex.details, extra: extra as Facts };
}

function readListing(text: string, ex: Extraction): ReadAnswer {
  const direct = parseListingRef(text);
  // Several links pasted at once: the first is the case's listing, the others are kept with it.
  const refs = direct.ok ? [direct.ref] : findListingRefs(text).refs;
  const ref = refs[0];
  if (!ref)
    return { ok: false, message: listingRefMessage(direct.ok ? 'not_a_listing' : direct.problem, text) };
  const { details, extra } = besides(ex, ['platform', 'listingId']);
  const others = refs.slice(1).map((r) => ({ platform: r.platform, listingId: r.listingId }));
  const own: Details = { ...details, ...(ref.marketplace ? { marketplace: ref.marketplace } : {}) };
  if (others.length > 0) own.otherListings = others;
  else delete own.otherListings;
  return { ok: true, facts: { platform: ref.platform, listingId: ref.listingId }, details: own, extra };
}

function readDate(text: string, today: string, ex: Extraction): ReadAnswer {
  // The extraction keeps the TRO's issue date and a reply-by date apart from the day the notice arrived.
  const date = ex.facts.noticeDate ?? findDate(text, today);
  if (!date || !isValidIsoDate(date)) {
    return { ok: false, message: 'I need a date, like 2026-11-20, "Nov 20", "yesterday" or "3 days ago".' };
  }
  if (ex.facts.noticeDate === undefined && date === ex.details.troDate) {
    return {
      ok: false,
      message: `${date} is when the TRO was issued; when did the notice reach you (the email or the platform message)?`,
    };
  }
  if (date > today) return { ok: false, message: `${date} is in the future; when did the notice arrive?` };
  return { ok: true, facts: { noticeDate: date }, ...besides(ex, ['noticeDate']) };
}

// "1.", "2)", "-", "•", "①", "2、": list markers, not part of the point.
const BULLET = /^\s*(?:[-*•·‣▪●◦–—]+|\(?\d{1,2}[.)、:：]|[①-⑳]|[a-z][.)](?=\s))\s*/i;

function readList(text: string): ReadAnswer {
  const items = text
    .split(/\n|;|；/)
    // "1. rounded 2. three buttons" on one line: split before each number.
    .flatMap((line) => line.split(/\s+(?=\d{1,2}[.)]\s)/))
    .map((s) => s.replace(BULLET, '').trim())
    .filter((s) => s.length > 0)
    .slice(0, 20)
    .map((s) => s.slice(0, 500));
  if (items.length === 0) return { ok: false, message: 'List at least one difference, or say "skip".' };
  return { ok: true, facts: {}, details: { differences: items }, extra: {} };
}

/**
 * Free text typed while a question is pending: a choice, the free-text kind it takes, or the seller's own
 * words. Whatever else the words say (other facts, details) comes back too, so nothing the seller wrote is
 * lost because it arrived as the answer to another question. `known` is what the case already knows.
 */
export function readTextAnswer(q: Question, text: string, today: string, known: Facts = {}): ReadAnswer {
  const how = matchChoiceHow(q, text);
  if (how && !how.byPrefix) return readChoiceValue(q, how.choice.value, today);
  // A list (design differences) describes both products: its words are the answer, not facts about the case.
  if (!how && q.freeText?.kind === 'list') return readList(text);
  const ex = extractFacts(text, today, { noticeDate: known.noticeDate });
  const key = 'fact' in q.sets ? q.sets.fact : undefined;
  // An OK on the phone, or the supplier's letter, is no authorization, whatever word the answer starts with.
  if (key === 'rights') {
    const t = norm(text);
    if (verbalOnly(t)) return { ok: false, message: VERBAL_NOTE, aside: true };
    if (someoneElsesAuthorization(t)) return { ok: false, message: SUPPLIER_NOTE, aside: true };
  }
  if (how && key) {
    // "no, haven't talked to them": a bare yes or no before words about something else is not this answer.
    if (
      how.word &&
      BARE_YES_NO.has(how.word) &&
      !answersHere(q, how.rest ?? '', ex.facts[key] !== undefined)
    ) {
      const range = q.choices.length > 1 ? `1 to ${q.choices.length}` : '1';
      return {
        ok: false,
        message: `Your "${how.word}" may go with the rest of your message, not with this question, so I did not take it as the answer. Answer ${range}, or say it in other words.`,
        aside: true,
      };
    }
    const read = readChoiceValue(q, how.choice.value, today);
    // "No, it's ours": the first word says one thing and the rest another. Ask rather than guess.
    // "No letter, but invoices": a later word names another choice outright.
    const named = otherChoiceNamed(q, how.choice, text);
    const said = named ? choiceFactValue(named) : ex.facts[key];
    if (read.ok && said !== undefined && (named !== undefined || said !== read.facts[key])) {
      const other = named ?? q.choices.find((c) => choiceFactValue(c) === said);
      return {
        ok: false,
        message: `I read both "${how.choice.label}" and "${other?.label ?? said}" in that. Answer with the number of the one you mean.`,
      };
    }
    if (!read.ok) return read;
    // What the choice itself records (an authorization's basis) wins over what the words suggest.
    const rest = besides(ex, [key]);
    return { ...read, extra: rest.extra, details: { ...rest.details, ...read.details } };
  }
  if (how) return readChoiceValue(q, how.choice.value, today);
  if (q.freeText?.kind === 'listing') return readListing(text, ex);
  if (q.freeText?.kind === 'date') return readDate(text, today, ex);
  // Their own words may answer it ("their logo is on the box") and say more besides.
  if (key) {
    const v = ex.facts[key];
    // "We are an authorized dealer": a dispute may say so only on a letter; which one it is, is asked.
    if (key === 'rights' && v === 'authorized' && ex.details.rightsBasis === undefined)
      return { ok: false, message: WHICH_NOTE, aside: true };
    if (v !== undefined) return { ok: true, facts: { [key]: v } as Facts, ...besides(ex, [key]) };
    if (key === 'rights' && mentionsAuthorization(norm(text)))
      return { ok: false, message: WHICH_NOTE, aside: true };
  }
  const range = q.choices.length > 1 ? `1 to ${q.choices.length}` : '1';
  return { ok: false, message: `I did not catch that. Answer ${range}, or type the words of a choice.` };
}
