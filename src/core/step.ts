import { applyFacts, clearQuestion, withAnswered } from './case-edits.js';
import { type CaseState, newCase } from './case-state.js';
import { extractFacts } from './extract.js';
import { type Details, describeFact, FACT_KEYS, type FactKey, type Facts, VALUE_LABELS } from './facts.js';
import { nextQuestion } from './flow.js';
import { matchFollowUp } from './follow-ups.js';
import { cite } from './knowledge-base.js';
import { listingRefMessage } from './listing-ref.js';
import { buildOutcome, type CoreContext, todayFor } from './outcome.js';
import { type Question, questionById } from './questions.js';
import { readChoiceValue, readTextAnswer } from './read-answer.js';
import { DISCLAIMER, type Effect, HELP_COMMANDS, HELP_TEXT, type Reply } from './replies.js';

/** Something a seller did, already translated from its channel. */
export type CoreEvent =
  | { type: 'start'; text?: string }
  | { type: 'text'; text: string }
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
const MAX_TEXT = 4000;

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

/** Asks the next question that matters, or decides when none is left. */
function advance(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  const q = nextQuestion(state);
  return q ? ask(state, q) : decided(state, ctx, now);
}

function prepend(replies: Reply[], r: StepResult): StepResult {
  return { ...r, replies: [...replies, ...r.replies] };
}

function understood(before: Facts, after: Facts): Extract<Reply, { kind: 'understood' }> | undefined {
  const items: string[] = [];
  for (const key of FACT_KEYS) {
    const v = after[key];
    if (v === undefined || before[key] === v || key === 'platform') continue;
    if (key === 'listingId') {
      const platform = after.platform ? VALUE_LABELS.platform[after.platform] : '';
      items.push(`${platform} listing ${v}`.trim());
    } else {
      items.push(describeFact(key, v));
    }
  }
  if (items.length === 0) return undefined;
  return { kind: 'understood', items, hint: 'Say "back" to change the last one, or "change" to pick any.' };
}

const errorText = (text: string): Reply => ({ kind: 'text', text, tone: 'error' });

/** A follow-up question answered for this case (deleting is right after a complaint, wrong in a court case). */
function faqReply(text: string, ctx: CoreContext, facts: Facts): Reply | undefined {
  const f = matchFollowUp(text, facts);
  return f ? { kind: 'faq', text: f.answer, citations: f.citations.map((c) => cite(ctx.kb, c)) } : undefined;
}

const URGENT_NOTICE: Partial<Record<string, string>> = {
  court_or_tro:
    'Urgent: court papers, a TRO or frozen funds. Get a US lawyer who handles TRO cases today, and do not email or pay the plaintiff’s law firm yourself. Take the product off sale everywhere, and delete nothing (listings, orders, sales records, messages). A few more questions so legal gets what it needs:',
  rights_holder_letter:
    'A letter from their side: do not reply, sign or pay yourself; legal answers it. From now on delete nothing (listings, orders, sales records, messages): a lawsuit may follow. A few more questions so legal gets what it needs:',
};

/** Court papers or a letter change everything: say so at once, before the remaining questions. */
function urgentIfCourt(before: Facts, after: Facts): Reply[] {
  const text = after.notice ? URGENT_NOTICE[after.notice] : undefined;
  if (!text || before.notice === after.notice) return [];
  return [{ kind: 'text', tone: 'error', text }];
}

const DETAIL_NAMES: Partial<Record<keyof Details, string>> = {
  delisted: 'the listing is taken down',
  caseNumber: 'case number',
  court: 'court',
  lawFirm: 'law firm',
  frozenAmount: 'frozen',
  complaintId: 'complaint id',
  brand: 'complainant',
};

/** Details (not decision facts) said after the decision are simply noted: they only fill the drafts. */
function newDetails(state: CaseState, d: Details): Details {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(DETAIL_NAMES) as (keyof Details)[]) {
    if (d[k] !== undefined && state.details[k] !== d[k]) out[k] = d[k];
  }
  return out as Details;
}
const infoText = (text: string): Reply => ({ kind: 'text', text, tone: 'info' });

/** Re-shows where the case stands, without changing it (for stale buttons, help, and unclear text). */
function current(state: CaseState, ctx: CoreContext, now: Date): StepResult {
  if (state.pending?.questionId === CHANGE) return changeMenu(state);
  if (state.pending?.questionId === CONFIRM) return confirmMenu(state);
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

function start(state: CaseState, text: string | undefined, ctx: CoreContext, now: Date): StepResult {
  const fresh = newCase(state.caseId);
  const replies: Reply[] = [{ kind: 'notice', text: DISCLAIMER }];
  let next: CaseState = { ...fresh, disclaimerShown: true, status: 'open' };
  if (text && text.trim() !== '') {
    const ex = extractFacts(text.slice(0, MAX_TEXT), todayFor(ctx, now));
    next = applyFacts(next, ex.facts, ex.details);
    const u = understood({}, next.facts);
    if (u) replies.push(u);
    replies.push(...urgentIfCourt({}, next.facts));
    if (!ex.facts.listingId && ex.listingProblems[0])
      replies.push(errorText(listingRefMessage(ex.listingProblems[0])));
    const faq = faqReply(text, ctx, next.facts);
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
      if (v !== undefined) value = describeFact(q.sets.fact, v);
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
  facts: Facts,
  details: Details,
  extra: Facts,
  ctx: CoreContext,
  now: Date,
): StepResult {
  let next = applyFacts({ ...state, pending: null }, facts, details);
  // Extra facts from the same words only fill gaps; they never overwrite an earlier answer.
  const beforeExtra = next.facts;
  next = applyFacts(next, extra, {}, false);
  const u = understood(beforeExtra, next.facts);
  const r = advance(next, ctx, now);
  return prepend([...(u ? [u] : []), ...urgentIfCourt(state.facts, next.facts)], r);
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
  const q = questionById(ev.questionId);
  if (!q) return current(state, ctx, now);
  const read = readChoiceValue(q, ev.value, todayFor(ctx, now));
  if (!read.ok) return prepend([errorText(read.message)], current(state, ctx, now));
  return acceptAnswer(state, read.facts, read.details, read.extra, ctx, now);
}

/**
 * Free text after the decision. New facts in it are not applied silently (a casual "thanks, we deleted it
 * yesterday" must not move the notice date): they are shown with what the case says now, and applied
 * only when the seller confirms.
 */
function textAfterDecision(state: CaseState, text: string, ctx: CoreContext, now: Date): StepResult {
  const ex = extractFacts(text, todayFor(ctx, now));
  const changed = Object.fromEntries(
    Object.entries(ex.facts).filter(([k, v]) => state.facts[k as FactKey] !== v),
  ) as Facts;
  const faq = faqReply(text, ctx, { ...state.facts, ...changed });
  if (faq && Object.keys(changed).length === 0) return { state, replies: [faq], effects: [] };
  // A question asked with new facts in it ("we got a TRO, can we delete the listing?") is answered at once,
  // for the case as it would be, and the new facts still wait for confirmation.
  if (faq)
    return prepend([faq], confirmMenu({ ...state, proposal: { facts: changed, details: ex.details } }));
  if (Object.keys(changed).length === 0) {
    const noted = newDetails(state, ex.details);
    const names = Object.keys(noted).map((k) => DETAIL_NAMES[k as keyof Details]);
    if (names.length > 0) {
      return {
        state: { ...state, details: { ...state.details, ...noted }, pending: null, proposal: undefined },
        replies: [infoText(`Noted (${names.join('; ')}). It goes into the drafts and the lawyer note.`)],
        effects: [],
      };
    }
    return {
      state: { ...state, pending: null, proposal: undefined },
      replies: [
        infoText(
          'Your case is decided (above). Say "change" to change an answer, "restart" to start over, or "help" for more.',
        ),
      ],
      effects: [],
    };
  }
  return confirmMenu({ ...state, proposal: { facts: changed, details: ex.details } });
}

function confirmMenu(state: CaseState): StepResult {
  const p = state.proposal?.facts ?? {};
  const items = FACT_KEYS.filter((k) => p[k] !== undefined && k !== 'platform').map((k) => {
    const was = state.facts[k];
    const now = describeFact(k, p[k] as string);
    return was === undefined ? now : `${now} (the case says: ${describeFact(k, was)})`;
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
  if (!yes || !p) return { state: cleared, replies: [infoText('Kept as it is.')], effects: [] };
  const next = applyFacts(cleared, p.facts, p.details);
  const u = understood(state.facts, next.facts);
  const r = advance({ ...next, status: 'open' }, ctx, now);
  return prepend(
    [...(u ? [{ ...u, hint: `Updated. ${u.hint}` }] : []), ...urgentIfCourt(state.facts, next.facts)],
    r,
  );
}

function text(state: CaseState, raw: string, ctx: CoreContext, now: Date): StepResult {
  const t = raw.slice(0, MAX_TEXT);
  const cmd = t
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  if (cmd === '') return current(state, ctx, now);
  if (state.status === 'new') {
    if (cmd === 'help' || cmd === '?') return help(state, ctx, now);
    return start(state, t, ctx, now);
  }
  if (cmd === 'back' || cmd === 'undo') return back(state, ctx, now);
  if (cmd === 'restart' || cmd === 'start over' || cmd === 'reset')
    return step(ctx, state, { type: 'restart' }, now);
  if (cmd === 'help' || cmd === '?') return help(state, ctx, now);
  if (cmd === 'change' || cmd === 'change answer' || cmd === 'change an answer') return changeMenu(state);
  if (cmd === 'skip') return skip(state, ctx, now);
  const pending = state.pending;
  if (pending?.questionId === CONFIRM) {
    if (/^(1|y|yes|yes, update the case|update)$/.test(cmd)) return confirm(state, true, ctx, now);
    if (/^(2|n|no|no, keep it as it is|keep)$/.test(cmd)) return confirm(state, false, ctx, now);
    return textAfterDecision({ ...state, pending: null, proposal: undefined }, t, ctx, now);
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
  if (!q) return textAfterDecision(state, t, ctx, now);
  const read = readTextAnswer(q, t, todayFor(ctx, now));
  if (!read.ok) {
    const faq = faqReply(t, ctx, state.facts);
    return prepend([faq ?? errorText(read.message)], current(state, ctx, now));
  }
  return acceptAnswer(state, read.facts, read.details, read.extra, ctx, now);
}

/**
 * The pure conversation step: the next state, what to say, and the effects to run.
 * It never reads the clock, the store or the network; `now` comes from the caller.
 */
export function step(ctx: CoreContext, state: CaseState, event: CoreEvent, now: Date): StepResult {
  switch (event.type) {
    case 'start':
      return start(state, event.text, ctx, now);
    case 'text':
      return text(state, event.text, ctx, now);
    case 'answer':
      return answerButton(state, event, ctx, now);
    case 'back':
      return back(state, ctx, now);
    case 'change':
      return event.questionId ? change(state, event.questionId) : changeMenu(state);
    case 'skip':
      return skip(state, ctx, now);
    case 'restart': {
      const r = start(newCase(state.caseId), undefined, ctx, now);
      return { ...r, effects: [{ type: 'case_reset' }, ...r.effects] };
    }
    case 'help':
      return help(state, ctx, now);
    case 'show':
      return state.status === 'new' ? { state, replies: [], effects: [] } : current(state, ctx, now);
  }
}
