import { type CaseState, newCase } from '../model/case-state.js';
import { claimQuestion, claimToConfirm, confirmClaim, factWords, markClaims } from '../model/claims.js';
import {
  type Details,
  FACT_KEYS,
  FACT_NAMES,
  type FactKey,
  type Facts,
  VALUE_LABELS,
} from '../model/facts.js';
import { type Extraction, extractFacts, type Known } from '../reading/extract.js';
import { listingRefMessage } from '../reading/listing-ref.js';
import { mergeFacts } from '../reading/llm-facts.js';
import { noticeTextOf } from '../reading/notice-text.js';
import { rightsNote } from '../reading/rights-words.js';
import {
  applyFacts,
  asOtherListing,
  clearQuestion,
  keepSaid,
  mergeDetails,
  recountResponseDue,
  withAnswered,
} from './case-edits.js';
import { detailItems } from './describe-details.js';
import { isRelevant, nextQuestion } from './flow.js';
import { buildOutcome, type CoreContext, todayFor } from './outcome.js';
import { type Question, questionById } from './questions.js';
import { isBareChoice, readChoiceValue, readTextAnswer } from './read-answer.js';
import { DISCLAIMER, type Effect, HELP_COMMANDS, HELP_TEXT, type Reply } from './replies.js';
import {
  deadlinesMoved,
  deletionWarning,
  faqReply,
  legalSignsNotice,
  urgentIfCourt,
} from './step-notices.js';

/**
 * What was read or answered for a message outside the step (a language model, ranked retrieval), passed in
 * as data: the step itself stays pure.
 */
export interface TextHints {
  /** Facts a language model read in the message (contract values, already checked against the message). */
  llmFacts?: Facts;
  /** An answer to a question in the message, shown where a rule-based follow-up answer would be. */
  answer?: Reply;
}

/** Something a seller did, already translated from its channel. */
export type CoreEvent =
  | { type: 'start'; text?: string; hints?: TextHints }
  | { type: 'text'; text: string; hints?: TextHints }
  | { type: 'answer'; questionId: string; value: string; seq?: number }
  | { type: 'back' }
  | { type: 'change'; questionId?: string }
  | { type: 'skip' }
  | { type: 'restart' }
  | { type: 'help' }
  /** Shows where the case stands (after a resume or a switch), changing nothing. */
  | { type: 'show' };

export interface StepResult {
  state: CaseState;
  replies: Reply[];
  effects: Effect[];
}

const CHANGE = '__change';
const CONFIRM = '__confirm';
/** "You said X. A dispute will say so to the platform: is that right?" (claims.ts). */
const CLAIM = '__claim';
// What the step reads of one message: a whole pasted notice (the schema's limit for it). Extraction is linear
// in the text's length, ~20 ms for this much.
const MAX_TEXT = 20_000;
const CONFIRM_YES = /^(1|y|yes|yes, update the case|update|是|是的|好|好的|确认|更新)$/;
const CONFIRM_NO = /^(2|n|no|no, keep it as it is|keep|否|不|不用|不要|保持)$/;
const CLAIM_YES =
  /^(1|y|yes|yeah|yep|yup|correct|right|true|that's right|that is right|yes, that is right|是|是的|对|对的|没错|正确|确认)$/;
const CLAIM_NO = /^(2|n|no|nope|wrong|not right|incorrect|no, ask me again|否|不|不是|不对|错|错了)$/;
// "yes, we never listed it", "no, it is ours": a yes or no, and more words.
const CLAIM_LEAD =
  /^(yes|yeah|yep|correct|right|that's right|是的|是|对的|对|没错|no|nope|wrong|not right|不是|不对|否|不)[\s,，.。!！:：;；]+(.+)$/;
const CLAIM_LEAD_YES = /^(yes|yeah|yep|correct|right|that's right|是的|是|对的|对|没错)$/;
const COMMANDS = new Set(['back', 'undo', 'restart', 'start over', 'reset', 'help', '?', 'skip']);
const CHANGE_COMMANDS = new Set(['change', 'change answer', 'change an answer']);

// ---------- replies ----------

function questionHelp(q: Question, facts: Facts): string | undefined {
  if (q.helpBy) {
    const v = facts[q.helpBy.key];
    const byValue = q.helpBy.values[v ?? 'unknown'];
    if (byValue) return byValue;
  }
  return q.help;
}

function ask(state: CaseState, q: Question): StepResult {
  const seq = state.seq + 1;
  const reply: Reply = {
    kind: 'question',
    questionId: q.id,
    seq,
    text: q.text,
    help: questionHelp(q, state.facts),
    choices: q.choices.map((c) => ({ value: c.value, label: c.label })),
    freeTextHint: q.freeText?.hint,
    canSkip: q.skippable ?? false,
    canGoBack: state.answered.length > 0,
  };
  return {
    state: { ...state, status: 'open', seq, pending: { questionId: q.id, seq } },
    replies: [reply],
    effects: [],
  };
}

function decided(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const outcome = buildOutcome(
    { facts: state.facts, details: state.details, caseId: state.caseId, today: todayFor(ctx, now) },
    ctx,
  );
  return {
    state: { ...state, status: 'decided', pending: null },
    replies: [{ kind: 'outcome', outcome }],
    effects: [{ type: 'outcome_ready', routes: outcome.routes.map((r) => r.id) }],
  };
}

/**
 * Asks the next question that matters, or decides when none is left. A claim read from the seller's words
 * is confirmed first: no draft says it before the seller has seen it said back.
 */
function advance(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const claim = claimToConfirm(state);
  if (claim) return askClaim(state, claim);
  const q = nextQuestion(state);
  return q ? ask(state, q) : decided(state, ctx, now);
}

function askClaim(state: CaseState, key: FactKey): StepResult {
  const seq = state.pending?.questionId === CLAIM ? state.pending.seq : state.seq + 1;
  const reply: Reply = {
    kind: 'question',
    questionId: CLAIM,
    seq,
    text: claimQuestion(state, key),
    choices: [
      { value: 'yes', label: 'Yes, that is right' },
      { value: 'no', label: 'No, ask me again' },
    ],
    canSkip: false,
    canGoBack: state.answered.length > 0,
  };
  return {
    state: { ...state, status: 'open', seq, pending: { questionId: CLAIM, seq } },
    replies: [reply],
    effects: [],
  };
}

/** Yes: the claim stands. No: it is forgotten, and its question is asked again. */
function claimAnswer(state: CaseState, yes: boolean, ctx: CoreContext, now: Date): StepResult {
  const key = claimToConfirm(state);
  const open = { ...state, pending: null };
  if (!key) return advance(open, ctx, now);
  if (yes) return advance(confirmClaim(open, key), ctx, now);
  const cleared = clearQuestion(open, key);
  const q = questionById(key);
  return q && isRelevant(q, cleared.facts) && !claimToConfirm(cleared)
    ? ask(cleared, q)
    : advance(cleared, ctx, now);
}

/**
 * Words typed at the confirmation. "yes"/"no" answer it; "yes, we never listed it" confirms; "no, it is
 * ours" (or any other words) drops the claim and is read as the answer to its question.
 */
function claimText(
  state: CaseState,
  cmd: string,
  raw: string,
  ctx: CoreContext,
  now: Date,
  hints?: TextHints,
): StepResult {
  const key = claimToConfirm(state);
  if (!key) return current({ ...state, pending: null }, ctx, now);
  if (CLAIM_YES.test(cmd)) return claimAnswer(state, true, ctx, now);
  if (CLAIM_NO.test(cmd)) return claimAnswer(state, false, ctx, now);
  const lead = CLAIM_LEAD.exec(cmd);
  const words = lead?.[2] ?? raw;
  const q = questionById(key);
  if (lead && CLAIM_LEAD_YES.test(lead[1] ?? '') && q) {
    const said = readTextAnswer(q, words, todayFor(ctx, now), state.facts);
    if (!said.ok || said.facts[key] === undefined || said.facts[key] === state.facts[key])
      return claimAnswer(state, true, ctx, now);
  }
  const again = claimAnswer(state, false, ctx, now);
  return again.state.pending ? text(again.state, words, ctx, now, hints) : again;
}

function prepend(replies: Reply[], r: StepResult): StepResult {
  return { ...r, replies: [...replies, ...r.replies] };
}

function understood(before: CaseState, after: CaseState): Extract<Reply, { kind: 'understood' }> | undefined {
  const items: string[] = [];
  for (const key of FACT_KEYS) {
    const v = after.facts[key];
    if (v === undefined || before.facts[key] === v || key === 'platform') continue;
    if (key === 'listingId') {
      const platform = after.facts.platform ? VALUE_LABELS.platform[after.facts.platform] : '';
      items.push(`${platform} listing ${v}`.trim());
    } else {
      items.push(factWords(key, v, after.details));
    }
  }
  items.push(...detailItems(before.details, after.details));
  if (items.length === 0) return undefined;
  return { kind: 'understood', items, hint: 'Say "back" to change the last one, or "change" to pick any.' };
}

const errorText = (text: string): Reply => ({ kind: 'text', text, tone: 'error' });

interface Reading {
  ex: Extraction;
  /** Facts the rules and the language model read differently: not taken, so they are asked. */
  disputed: FactKey[];
  /** What is said about an authorization that was not taken (a verbal OK, no letter named). */
  notes: Reply[];
}

/** The rule-based reading of a message, with what a language model read in it (when one did). */
function read(
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
function settleRights(
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

/** Said when the message could be read two ways: the fact is asked (or kept), never guessed. */
function disputedNote(disputed: FactKey[], state: CaseState): Reply[] {
  const open = disputed.filter((k) => state.facts[k] === undefined);
  if (open.length === 0) return [];
  const names = open.map((k) => FACT_NAMES[k]).join(', ');
  return [infoText(`Your words could be read two ways for: ${names}. I did not guess; it is asked below.`)];
}

/** A firm rule's answer to a follow-up question, else the one found outside the step (hints). */
function answerFor(
  text: string,
  ctx: CoreContext,
  facts: Facts,
  details: Details,
  hints: TextHints | undefined,
): Reply | undefined {
  return faqReply(text, ctx, facts, details) ?? hints?.answer;
}

/** A pasted notice is kept whole (up to its limit), not only the part the step reads. */
function withNotice(details: Details, raw: string): Details {
  if (details.noticeText === undefined) return details;
  return { ...details, noticeText: noticeTextOf(raw) ?? details.noticeText };
}

/**
 * Other facts in an answer: they fill what the case does not know yet. One that contradicts a known fact is
 * not applied: it comes back as a conflict, to be shown and asked about (the case keeps its answer meanwhile).
 * A listing named when the case has one is another listing of the same case.
 */
function takeExtra(state: CaseState, extra: Facts, details: Details): { state: CaseState; conflicts: Facts } {
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
  // What fills a gap came from the seller's words: a claim among it is confirmed before a draft says it.
  const filled = markClaims(applyFacts(state, fill as Facts, all, false), fill as Facts, true);
  return { state: filled, conflicts: conflicts as Facts };
}

const infoText = (text: string): Reply => ({ kind: 'text', text, tone: 'info' });

/** Re-shows where the case stands, without changing it (for stale buttons, help, and unclear text). */
function current(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  if (state.pending?.questionId === CHANGE) return changeMenu(state);
  if (state.pending?.questionId === CONFIRM) return confirmMenu(state);
  if (state.pending?.questionId === CLAIM) {
    const claim = claimToConfirm(state);
    return claim ? askClaim(state, claim) : advance({ ...state, pending: null }, ctx, now);
  }
  const q = state.pending ? questionById(state.pending.questionId) : undefined;
  if (q) {
    // Re-asking keeps the same seq so the buttons already on screen stay valid.
    const r = ask({ ...state, seq: state.seq - 1 }, q);
    return { ...r, state };
  }
  if (state.status === 'decided') return { ...decided(state, ctx, now), effects: [] };
  return advance(state, ctx, now);
}

// ---------- commands ----------

function start(
  state: CaseState,
  text: string | undefined,
  ctx: CoreContext,
  now: Date,
  hints?: TextHints,
): StepResult {
  // The sequence carries on over a start-over: a button shown before it must not match a new question.
  const fresh = { ...newCase(state.caseId), seq: state.seq };
  const replies: Reply[] = [{ kind: 'notice', text: DISCLAIMER }];
  let next: CaseState = { ...fresh, disclaimerShown: true, status: 'open' };
  if (text && text.trim() !== '') {
    const { ex, disputed, notes } = read(text, todayFor(ctx, now), {}, hints);
    const before = next;
    next = markClaims(applyFacts(next, ex.facts, withNotice(ex.details, text)), ex.facts, true);
    const u = understood(before, next);
    if (u) replies.push(u);
    replies.push(...notes);
    replies.push(...disputedNote(disputed, next));
    replies.push(...urgentIfCourt({}, next.facts), ...legalSignsNotice(before, next));
    if (!ex.facts.listingId && ex.listingProblems[0])
      replies.push(errorText(listingRefMessage(ex.listingProblems[0])));
    const faq = answerFor(text, ctx, next.facts, next.details, hints);
    if (faq) replies.push(faq);
  }
  return prepend(replies, advance(next, ctx, now));
}

function back(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const last = state.answered[state.answered.length - 1];
  if (!last) return prepend([infoText('There is no answer to go back to yet.')], current(state, ctx, now));
  const cleared = clearQuestion({ ...state, pending: null }, last);
  const q = questionById(last);
  return q ? ask(cleared, q) : advance(cleared, ctx, now);
}

function changeMenu(state: CaseState): StepResult {
  const answeredQs = state.answered
    .map((id) => questionById(id))
    .filter((q): q is Question => q !== undefined);
  if (answeredQs.length === 0) {
    return { state, replies: [infoText('Nothing has been answered yet.')], effects: [] };
  }
  const choices = answeredQs.map((q) => {
    let value = 'skipped';
    if ('fact' in q.sets) {
      const v = state.facts[q.sets.fact];
      if (v !== undefined) value = factWords(q.sets.fact, v, state.details);
    } else if (state.details.differences) {
      value = `${state.details.differences.length} differences`;
    }
    return { value: q.id, label: `${q.text} (${value})` };
  });
  const seq = state.pending?.questionId === CHANGE ? state.pending.seq : state.seq + 1;
  return {
    state: { ...state, seq, pending: { questionId: CHANGE, seq } },
    replies: [
      {
        kind: 'question',
        questionId: CHANGE,
        seq,
        text: 'Which answer do you want to change?',
        choices,
        canSkip: false,
        canGoBack: false,
      },
    ],
    effects: [],
  };
}

function change(state: CaseState, questionId: string): StepResult {
  const q = questionById(questionId);
  if (!q || !state.answered.includes(questionId)) {
    return prepend([errorText('That answer cannot be changed; pick one from the list.')], changeMenu(state));
  }
  return ask(clearQuestion({ ...state, pending: null }, questionId), q);
}

function skip(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const q = state.pending ? questionById(state.pending.questionId) : undefined;
  if (!q?.skippable) {
    return prepend(
      [errorText('This question cannot be skipped: the decision depends on it.')],
      current(state, ctx, now),
    );
  }
  const next = {
    ...state,
    pending: null,
    skipped: [...state.skipped, q.id],
    answered: withAnswered(state, [q.id]),
  };
  return advance(next, ctx, now);
}

function help(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const reply: Reply = { kind: 'help', text: HELP_TEXT, commands: HELP_COMMANDS };
  if (state.status === 'new') return { state, replies: [reply], effects: [] };
  return prepend([reply], current(state, ctx, now));
}

// ---------- answers ----------

function acceptAnswer(
  state: CaseState,
  answer: { facts: Facts; details: Details; extra: Facts },
  fromWords: boolean,
  ctx: CoreContext,
  now: Date,
  notes: Reply[] = [],
): StepResult {
  const answered = markClaims(
    applyFacts({ ...state, pending: null }, answer.facts, {}),
    answer.facts,
    fromWords,
  );
  // Extra facts from the same words only fill gaps; one that contradicts an earlier answer is asked about.
  const { state: next, conflicts } = takeExtra(answered, answer.extra, answer.details);
  // Read from a sentence, the answer itself is said back too; a button press is not.
  const u = understood(fromWords ? state : answered, next);
  const said = [
    ...(u ? [u] : []),
    ...notes,
    ...urgentIfCourt(state.facts, next.facts),
    ...legalSignsNotice(state, next),
  ];
  if (Object.keys(conflicts).length > 0)
    return prepend(said, confirmMenu({ ...next, proposal: { facts: conflicts, details: {} } }));
  return prepend(said, advance(next, ctx, now));
}

/**
 * Words that do not answer the pending question may still say other things ("the complaint came
 * yesterday, complaint ID 881…"): those are taken, and the question is asked again (its buttons stay valid).
 * Undefined when the words say nothing new.
 */
function takeWordsOnly(
  state: CaseState,
  raw: string,
  why: { message: string; aside?: boolean },
  ctx: CoreContext,
  now: Date,
  hints?: TextHints,
): StepResult | undefined {
  const pending = state.pending;
  const q = pending ? questionById(pending.questionId) : undefined;
  if (!pending || !q || q.freeText?.kind === 'list') return undefined;
  const { ex, disputed, notes } = read(
    raw,
    todayFor(ctx, now),
    { noticeDate: state.facts.noticeDate },
    hints,
  );
  // The question's own fact was not read for a reason ("no, it's ours" says two things): it stays asked.
  const others: Record<string, unknown> = { ...ex.facts };
  if ('fact' in q.sets) delete others[q.sets.fact];
  const { state: next, conflicts } = takeExtra(state, others as Facts, withNotice(ex.details, raw));
  const u = understood(state, next);
  const twoWays = disputedNote(disputed, next);
  if (!u && Object.keys(conflicts).length === 0 && twoWays.length === 0) return undefined;
  // A date question's message says what was wrong ("Nov 20 is when the TRO was issued"); a generic
  // "I did not catch that" would contradict what was just understood.
  const faq = answerFor(raw, ctx, next.facts, next.details, hints);
  // Why the question's own answer was not taken, when that is worth saying beside what was.
  const whyNot = why.aside
    ? [infoText(why.message)]
    : q.freeText?.kind === 'date'
      ? [errorText(why.message)]
      : notes;
  const said = [
    ...(u ? [u] : []),
    ...twoWays,
    ...urgentIfCourt(state.facts, next.facts),
    ...legalSignsNotice(state, next),
    ...(why.aside ? [...whyNot, ...(faq ? [faq] : [])] : faq ? [faq] : whyNot),
  ];
  if (Object.keys(conflicts).length > 0)
    return prepend(
      said,
      confirmMenu({ ...next, pending: null, proposal: { facts: conflicts, details: {} } }),
    );
  const again = nextQuestion(next);
  if (again?.id !== q.id) return prepend(said, advance({ ...next, pending: null }, ctx, now));
  // The same question again, with the same seq: the buttons already on screen stay valid.
  const r = ask({ ...next, seq: pending.seq - 1 }, q);
  return prepend(said, { ...r, state: { ...r.state, seq: Math.max(r.state.seq, state.seq) } });
}

function answerButton(
  state: CaseState,
  ev: { questionId: string; value: string; seq?: number },
  ctx: CoreContext,
  now: Date,
): StepResult {
  const pending = state.pending;
  const stale =
    !pending || pending.questionId !== ev.questionId || (ev.seq !== undefined && ev.seq !== pending.seq);
  if (stale) {
    const r = prepend(
      [infoText('That question was already answered; here is where the case stands.')],
      current(state, ctx, now),
    );
    return { ...r, effects: [{ type: 'stale' }] };
  }
  if (ev.questionId === CHANGE) return change(state, ev.value);
  if (ev.questionId === CONFIRM) return confirm(state, ev.value === 'yes', ctx, now);
  if (ev.questionId === CLAIM) return claimAnswer(state, ev.value === 'yes', ctx, now);
  const q = questionById(ev.questionId);
  if (!q) return current(state, ctx, now);
  const read = readChoiceValue(q, ev.value, todayFor(ctx, now));
  if (!read.ok) return prepend([errorText(read.message)], current(state, ctx, now));
  return acceptAnswer(state, read, false, ctx, now);
}

/**
 * Free text after the decision. New facts in it are not applied silently (a casual "thanks, we deleted it
 * yesterday" must not move the notice date): they are shown with what the case says now, and applied
 * only when the seller confirms.
 */

function textAfterDecision(
  state: CaseState,
  text: string,
  ctx: CoreContext,
  now: Date,
  hints?: TextHints,
): StepResult {
  const { ex, disputed, notes } = read(
    text,
    todayFor(ctx, now),
    { noticeDate: state.facts.noticeDate },
    hints,
    true,
  );
  const folded = asOtherListing(state, ex.facts);
  const changed = Object.fromEntries(
    Object.entries(folded.facts).filter(([k, v]) => state.facts[k as keyof Facts] !== v),
  ) as Facts;
  // Details are notes for the drafts, not decision facts: they are kept at once.
  const listings = [...(folded.details.otherListings ?? []), ...(ex.details.otherListings ?? [])];
  const details = withNotice(
    { ...ex.details, ...(listings.length > 0 ? { otherListings: listings } : {}) },
    text,
  );
  const noted: CaseState = {
    ...state,
    details: mergeDetails(state.details, details, state.facts),
    pending: null,
    proposal: undefined,
  };
  const items = detailItems(state.details, noted.details);
  const note = [
    ...(items.length > 0
      ? [infoText(`Noted (${items.join('; ')}). It goes into the drafts and the lawyer note.`)]
      : []),
    ...deletionWarning(state, noted),
    ...legalSignsNotice(state, noted),
    ...deadlinesMoved(state, noted, ctx, now),
    ...disputedNote(disputed, noted),
    ...notes,
  ];
  // A question asked with new facts in it ("we got a TRO, can we delete the listing?") is answered at once,
  // for the case as it would be; the new facts still wait for confirmation.
  const faq = answerFor(text, ctx, { ...state.facts, ...changed }, noted.details, hints);
  if (Object.keys(changed).length === 0) {
    if (note.length > 0 || faq)
      return { state: noted, replies: [...note, ...(faq ? [faq] : [])], effects: [] };
    return {
      state: noted,
      replies: [
        infoText(
          'Your case is decided (above). Say "change" to change an answer, "restart" to start over, or "help" for more.',
        ),
      ],
      effects: [],
    };
  }
  return prepend(
    [...note, ...(faq ? [faq] : [])],
    confirmMenu({ ...noted, proposal: { facts: changed, details: {} } }),
  );
}

function confirmMenu(state: CaseState): StepResult {
  const p = state.proposal?.facts ?? {};
  const items = FACT_KEYS.filter((k) => p[k] !== undefined && k !== 'platform').map((k) => {
    const was = state.facts[k];
    const now = factWords(k, p[k] as string, { ...state.details, ...state.proposal?.details });
    return was === undefined ? now : `${now} (the case says: ${factWords(k, was, state.details)})`;
  });
  const seq = state.pending?.questionId === CONFIRM ? state.pending.seq : state.seq + 1;
  return {
    state: { ...state, seq, pending: { questionId: CONFIRM, seq } },
    replies: [
      { kind: 'understood', items, hint: 'Nothing is changed until you say so.' },
      {
        kind: 'question',
        questionId: CONFIRM,
        seq,
        text: 'Update the case with this?',
        choices: [
          { value: 'yes', label: 'Yes, update the case' },
          { value: 'no', label: 'No, keep it as it is' },
        ],
        canSkip: false,
        canGoBack: false,
      },
    ],
    effects: [],
  };
}

function confirm(state: CaseState, yes: boolean, ctx: CoreContext, now: Date): StepResult {
  const p = state.proposal;
  const cleared = { ...state, pending: null, proposal: undefined };
  if (!yes || !p) {
    const kept = infoText('Kept as it is.');
    // Before the decision, the questions go on.
    if (state.status !== 'decided') return prepend([kept], advance(cleared, ctx, now));
    return { state: cleared, replies: [kept], effects: [] };
  }
  // Shown and agreed to: a claim among them counts as confirmed.
  const next = markClaims(applyFacts(cleared, p.facts, p.details), p.facts, false);
  const u = understood(state, next);
  const r = advance({ ...next, status: 'open' }, ctx, now);
  return prepend(
    [
      ...(u ? [{ ...u, hint: `Updated. ${u.hint}` }] : []),
      ...urgentIfCourt(state.facts, next.facts),
      ...legalSignsNotice(state, next),
    ],
    r,
  );
}

function text(state: CaseState, raw: string, ctx: CoreContext, now: Date, hints?: TextHints): StepResult {
  const t = raw.slice(0, MAX_TEXT);
  const cmd = t
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (cmd === '') return current(state, ctx, now);
  if (state.status === 'new') {
    if (cmd === 'help' || cmd === '?') return help(state, ctx, now);
    return start(state, t, ctx, now, hints);
  }
  if (cmd === 'back' || cmd === 'undo') return back(state, ctx, now);
  if (cmd === 'restart' || cmd === 'start over' || cmd === 'reset')
    return step(ctx, state, { type: 'restart' }, now);
  if (cmd === 'help' || cmd === '?') return help(state, ctx, now);
  if (CHANGE_COMMANDS.has(cmd)) return changeMenu(state);
  if (cmd === 'skip') return skip(state, ctx, now);
  const pending = state.pending;
  if (pending?.questionId === CLAIM) return claimText(state, cmd, t, ctx, now, hints);
  if (pending?.questionId === CONFIRM) {
    if (CONFIRM_YES.test(cmd)) return confirm(state, true, ctx, now);
    if (CONFIRM_NO.test(cmd)) return confirm(state, false, ctx, now);
    if (state.status === 'decided')
      return textAfterDecision({ ...state, pending: null, proposal: undefined }, t, ctx, now, hints);
    // Before the decision: the proposal is dropped and the words are read as an answer to the next question.
    const r = advance({ ...state, pending: null, proposal: undefined }, ctx, now);
    return r.state.pending ? text(r.state, raw, ctx, now, hints) : r;
  }
  if (pending?.questionId === CHANGE) {
    const menu = changeMenu(state);
    const first = menu.replies[0];
    const choices = first?.kind === 'question' ? first.choices : [];
    const n = Number(cmd);
    const picked = Number.isInteger(n) ? choices[n - 1] : choices.find((c) => c.value.toLowerCase() === cmd);
    if (picked) return change(state, picked.value);
    return prepend([errorText(`Pick 1 to ${choices.length}.`)], menu);
  }
  const q = pending ? questionById(pending.questionId) : undefined;
  if (!q) return textAfterDecision(state, t, ctx, now, hints);
  const got = readTextAnswer(q, t, todayFor(ctx, now), state.facts);
  if (!got.ok) {
    const taken = takeWordsOnly(state, raw, got, ctx, now, hints);
    if (taken) return taken;
    const faq = answerFor(t, ctx, state.facts, state.details, hints);
    // Why the words were not taken comes first when it explains them (a verbal OK is no authorization).
    const said = got.aside ? [infoText(got.message), ...(faq ? [faq] : [])] : [faq ?? errorText(got.message)];
    return prepend(said, current(state, ctx, now));
  }
  // The question's own answer is read by the rules; a model's reading only adds the other facts in the words.
  const llm = { ...hints?.llmFacts };
  for (const key of Object.keys(got.facts)) delete llm[key as FactKey];
  const merged = mergeFacts(got.extra, hints?.llmFacts ? llm : undefined).facts;
  // An authorization among the other facts counts only with what it rests on (as in any other message).
  const extra = settleRights(merged, got.details, t, got.facts);
  const answer = { facts: got.facts, details: withNotice(got.details, raw), extra: extra.facts };
  // A typed number or choice is a button press; a sentence is the seller's words, and a claim in it is confirmed.
  return acceptAnswer(state, answer, !isBareChoice(q, t), ctx, now, extra.notes);
}

/**
 * Commands, typed choices ("1", "yes") and menu picks are not the seller's words; everything else is, and is
 * kept on the case with its time (for the lawyer's file), whether or not it answered anything.
 */
export function isSellerWords(state: CaseState, raw: string): boolean {
  const cmd = raw
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (cmd === '' || COMMANDS.has(cmd) || CHANGE_COMMANDS.has(cmd)) return false;
  const pending = state.pending;
  if (pending?.questionId === CONFIRM) return !CONFIRM_YES.test(cmd) && !CONFIRM_NO.test(cmd);
  if (pending?.questionId === CLAIM) return !CLAIM_YES.test(cmd) && !CLAIM_NO.test(cmd);
  if (pending?.questionId === CHANGE) return false;
  const q = pending ? questionById(pending.questionId) : undefined;
  return !(q && isBareChoice(q, raw));
}

function kept(r: StepResult, raw: string | undefined, now: Date): StepResult {
  if (raw === undefined || raw.trim() === '') return r;
  return { ...r, state: keepSaid(r.state, raw, now.toISOString()) };
}

/**
 * The pure conversation step: the next state, what to say, and the effects to run.
 * It never reads the clock, the store or the network; `now` comes from the caller.
 */
export function step(ctx: CoreContext, state: CaseState, event: CoreEvent, now: Date): StepResult {
  const r = stepEvent(ctx, state, event, now);
  if (r.state.facts.noticeDate === state.facts.noticeDate) return r;
  return { ...r, state: recountResponseDue(r.state, todayFor(ctx, now)) };
}

function stepEvent(ctx: CoreContext, state: CaseState, event: CoreEvent, now: Date): StepResult {
  switch (event.type) {
    case 'start':
      return kept(start(state, event.text, ctx, now, event.hints), event.text, now);
    case 'text': {
      const r = text(state, event.text, ctx, now, event.hints);
      return isSellerWords(state, event.text) ? kept(r, event.text, now) : r;
    }
    case 'answer':
      return answerButton(state, event, ctx, now);
    case 'back':
      return back(state, ctx, now);
    case 'change':
      return event.questionId ? change(state, event.questionId) : changeMenu(state);
    case 'skip':
      return skip(state, ctx, now);
    case 'restart': {
      const r = start(state, undefined, ctx, now);
      return { ...r, effects: [{ type: 'case_reset' }, ...r.effects] };
    }
    case 'help':
      return help(state, ctx, now);
    case 'show':
      return state.status === 'new' ? { state, replies: [], effects: [] } : current(state, ctx, now);
  }
}
