import { auditStep } from '../domain/conversation/audit.js';
import { wantsCatalog, withCatalog } from '../domain/conversation/catalog-notes.js';
import { type CaseCommand, parseCaseCommand } from '../domain/conversation/commands.js';
import { type CoreContext, deadlinesOf, outcomeOfRecord } from '../domain/conversation/outcome.js';
import type { Effect, Reply } from '../domain/conversation/replies.js';
import { smallTalkOf, smallTalkReplies } from '../domain/conversation/small-talk.js';
import { type CoreEvent, isSellerWords, step } from '../domain/conversation/step.js';
import { planReminders } from '../domain/decision/reminder-plan.js';
import { advisesDeletion, notCoveredReply } from '../domain/grounding/grounding.js';
import type { CaseRecord, ThreadRef } from '../domain/model/case-record.js';
import { newCase } from '../domain/model/case-state.js';
import { factWords } from '../domain/model/claims.js';
import { IpcheckError, NOT_FOUND_FOR_TEAM, USER_TEXT } from '../domain/model/errors.js';
import { FACT_KEYS } from '../domain/model/facts.js';
import { mustPreserve } from '../domain/model/litigation.js';
import { isAboutAnotherListing } from '../domain/reading/extract.js';
import { isRestartCommand } from '../domain/reading/vocabulary.js';
import { assistText } from './assist.js';
import { closeCommand, draftCommand, draftsOf, pickDraft } from './case-commands.js';
import { dropStalePolish, needsPolish, polishDrafts, polishOutcome } from './polish.js';
import type {
  AuditEntry,
  CaseRepository,
  CaseScope,
  Catalogs,
  Clock,
  LanguageModel,
  ReminderStore,
} from './ports.js';

export interface TurnDeps {
  ctx: CoreContext;
  cases: CaseRepository;
  clock: Clock;
  reminders?: ReminderStore;
  /** An optional language model: reads free text and answers questions from the guidance (checked). */
  llm?: LanguageModel;
  /** The team's listing catalog (store sweep): whether the reported listing is the team's, and its title. */
  catalogs?: Catalogs;
  /** Which cases a conversation reaches by id (a chat team: only its own); without it, every case. */
  scope?: CaseScope;
}

export interface TurnInput {
  /** The conversation key: a terminal session, a Slack thread, a Teams conversation. */
  conversation: string;
  /** Who acted, for the audit trail. */
  who: string;
  channel: string;
  event: CoreEvent;
  /** Act on this case (a button carries its case id) instead of the conversation's. */
  caseId?: string;
  /** Where the seller's conversation lives, kept on a case this turn opens. */
  sellerThread?: ThreadRef;
  /** Open a new case for this event even when the conversation has one (Teams' `ipcheck <listing>`). */
  newCase?: boolean;
  /** The channel turns a plain "yes" into a `confirm` effect's command (the terminal does). */
  confirmInline?: boolean;
  /**
   * Called at once when the turn is about to wait for a language model, so the channel can show a
   * "working…" state (a line, a reaction). Never called for buttons, typed choices or commands.
   */
  onWorking?: () => unknown;
}

export interface TurnResult {
  caseId?: string;
  replies: Reply[];
  effects: Effect[];
}

function statusReply(rec: CaseRecord, ctx: CoreContext, now: Date): Reply {
  const facts = FACT_KEYS.filter((k) => rec.state.facts[k] !== undefined && k !== 'platform').map((k) =>
    factWords(k, rec.state.facts[k] as string, rec.state.details),
  );
  const routes = rec.state.status === 'decided' ? outcomeOfRecord(rec, ctx, now).routes.map((r) => r.id) : [];
  return {
    kind: 'status',
    caseId: rec.id,
    open: rec.status === 'open',
    stage: rec.state.status,
    facts,
    routes,
    audit: rec.audit,
  };
}

async function mustGet(cases: CaseRepository, id: string): Promise<CaseRecord> {
  const rec = await cases.get(id);
  if (!rec) throw new IpcheckError('case_not_found', `case ${id} does not exist`);
  return rec;
}

/**
 * A case named by id (a typed command, a button): one of another team is answered exactly like one that
 * does not exist, before anything reads or changes it.
 */
async function caseById(deps: TurnDeps, input: TurnInput, id: string): Promise<CaseRecord> {
  const rec = await mustGet(deps.cases, id);
  if (deps.scope && !deps.scope.visible(rec, input.conversation))
    throw new IpcheckError('case_not_found', `case ${id} is not reachable from ${input.conversation}`);
  return rec;
}

function newCaseInit(input: TurnInput, now: Date) {
  return {
    conversation: input.conversation,
    channel: input.channel,
    openedBy: input.who,
    state: newCase(),
    now,
    ...(input.sellerThread ? { sellerThread: input.sellerThread } : {}),
  };
}

/** An empty case ("new"): nothing to apply yet. */
async function openCase(deps: TurnDeps, input: TurnInput, now: Date): Promise<CaseRecord> {
  return deps.cases.create(newCaseInit(input, now));
}

/** The words an event carries for the language model to read, if any. */
function wordsOf(event: CoreEvent): string | undefined {
  return (event.type === 'text' || event.type === 'start') && event.text ? event.text : undefined;
}

/**
 * Opens a case with `event` (the opening words) already applied: read, stepped and saved in one write, so
 * a crash (kill -9, the store failing) leaves either no case or a case with the seller's words in it.
 * Saving an empty case first and the words second left empty cases behind ("it is now open", no facts).
 */
async function openWith(deps: TurnDeps, input: TurnInput, event: CoreEvent, now: Date): Promise<TurnResult> {
  const words = wordsOf(event);
  const { hints, notes } = words
    ? await assisted(deps, input, newCase(), words, now)
    : { hints: undefined, notes: [] };
  const ev = words && (event.type === 'text' || event.type === 'start') ? { ...event, hints } : event;
  let replies: Reply[] = [];
  let effects: Effect[] = [];
  const saved = await deps.cases.create(newCaseInit(input, now), (fresh) => {
    const r = stepped(deps, input, fresh, ev, now, notes);
    replies = r.replies;
    effects = r.effects;
    return r.record;
  });
  return afterStep(deps, input, saved, replies, effects, isFreeText(newCase(saved.id), ev), now);
}

/** One event applied to a record: the new state, its audit entries (and `notes`), replies and effects. */
function stepped(
  deps: TurnDeps,
  input: TurnInput,
  current: CaseRecord,
  event: CoreEvent,
  now: Date,
  notes: AuditEntry[],
) {
  const r = step(deps.ctx, current.state, event, now);
  const audit = auditStep(current.state, r, input.who, now.toISOString(), current);
  const record: CaseRecord = {
    ...current,
    state: { ...r.state, caseId: current.id },
    audit: [...current.audit, ...audit, ...notes],
  };
  return { record, replies: r.replies, effects: r.effects };
}

/** Steps the case under its lock: the event always applies to the latest saved state, and is saved once. */
async function stepCase(
  deps: TurnDeps,
  input: TurnInput,
  rec: CaseRecord,
  event: CoreEvent,
  now: Date,
  notes: AuditEntry[] = [],
) {
  let replies: Reply[] = [];
  let effects: Effect[] = [];
  const saved = await deps.cases.update(rec.id, (current) => {
    // The model read the message outside the lock: if the case changed meanwhile, its hints are re-checked
    // against the locked state (a reading is dropped; an answer that now breaks the preservation rule goes).
    const checked =
      current.version === rec.version ? { event, notes: [] } : recheckHints(event, current, now);
    const r = stepped(deps, input, current, checked.event, now, [...notes, ...checked.notes]);
    replies = r.replies;
    effects = r.effects;
    return r.record;
  });
  const fromState = event.type === 'start' ? newCase(rec.id) : rec.state;
  return afterStep(deps, input, saved, replies, effects, isFreeText(fromState, event), now);
}

/** What follows a saved step: reminders, the catalog's hints, and the model's polish of new drafts. */
async function afterStep(
  deps: TurnDeps,
  input: TurnInput,
  saved: CaseRecord,
  stepReplies: Reply[],
  effects: Effect[],
  freeText: boolean,
  now: Date,
): Promise<TurnResult> {
  let replies = stepReplies;
  await scheduleReminders(deps, saved, replies, input.who, now);
  const listingId = saved.state.facts.listingId;
  if (deps.catalogs && listingId && wantsCatalog(replies)) {
    // The catalog only adds hints: if it cannot be read, the case goes on without them.
    const found = await deps.catalogs.lookup(input.conversation, listingId).catch(() => undefined);
    if (found) replies = withCatalog(replies, listingId, found);
  }
  // A model's rewrite made from an older template (a detail added since) is dropped: the template is shown.
  await dropStalePolish(deps, saved, now);
  // A new outcome's drafts may be reworded by the language model (checked; the template stays on any
  // failure), but only on a turn of the seller's own words: a button, a typed choice or a command never
  // waits for a model ("draft …" polishes one draft on request).
  if (deps.llm && effects.some((e) => e.type === 'outcome_ready') && freeText)
    replies = await polishOutcome(deps, saved.id, replies, now, input.onWorking);
  return { caseId: saved.id, replies, effects };
}

/**
 * A model's hints for an event, checked again against a case that changed while the model worked: its
 * reading of the facts is dropped (the rules' reading still applies), and an answer that advises deleting
 * anything is withheld once the case must keep everything (mustPreserve).
 */
function recheckHints(
  event: CoreEvent,
  current: CaseRecord,
  now: Date,
): { event: CoreEvent; notes: AuditEntry[] } {
  if ((event.type !== 'text' && event.type !== 'start') || !event.hints) return { event, notes: [] };
  const { llmFacts: _, ...hints } = event.hints;
  const answer = hints.answer;
  if (
    answer?.kind === 'faq' &&
    mustPreserve(current.state.facts, current.state.details) &&
    [answer.text, ...answer.citations.map((c) => c.quote)].some(advisesDeletion)
  ) {
    const detail =
      'the case came to need everything kept while the model answered, and the answer advises deleting something';
    return {
      event: { ...event, hints: { ...hints, answer: notCoveredReply() } },
      notes: [{ at: now.toISOString(), who: 'system', action: 'answer_withheld', detail }],
    };
  }
  return { event: { ...event, hints }, notes: [] };
}

/** A turn of the seller's own words (not a button, a typed choice or a command), on a case in state `before`. */
function isFreeText(before: CaseRecord['state'], event: CoreEvent): boolean {
  const text = event.type === 'text' || event.type === 'start' ? event.text : undefined;
  return text !== undefined && isSellerWords(before, text);
}

/** "draft …": a draft the model has not reworded yet is polished first (one call), when a model is set. */
async function draftWithPolish(
  deps: TurnDeps,
  input: TurnInput,
  cmd: Extract<CaseCommand, { cmd: 'draft' }>,
  target: CaseRecord | undefined,
  now: Date,
) {
  if (deps.llm && target && target.state.status === 'decided' && cmd.unknown === undefined) {
    const pick = pickDraft(draftsOf(target, deps.ctx, now), cmd.kind);
    const built = outcomeOfRecord(target, deps.ctx, now);
    const d =
      'show' in pick
        ? [...built.drafts, ...built.optionalDrafts].find((x) => x.kind === pick.show.kind)
        : undefined;
    if (d && needsPolish(target, d)) {
      await polishDrafts(deps, target.id, [d], now, input.onWorking);
      return draftCommand(cmd, await mustGet(deps.cases, target.id), deps.ctx, now);
    }
  }
  return draftCommand(cmd, target, deps.ctx, now);
}

/**
 * Reminders before each deadline of a decided case; deterministic ids make this safe to repeat. Planned after
 * every step of a decided case, not only when the outcome is shown: a TRO date or a letter's reply date noted
 * later moves or adds a deadline, and its old reminder is dropped as stale when due.
 */
async function scheduleReminders(deps: TurnDeps, rec: CaseRecord, replies: Reply[], who: string, now: Date) {
  if (!deps.reminders) return;
  const shown = replies.find((r) => r.kind === 'outcome');
  const deadlines =
    shown?.kind === 'outcome'
      ? shown.outcome.deadlines
      : rec.state.status === 'decided' && rec.status === 'open'
        ? deadlinesOf(rec.state, deps.ctx, now)
        : [];
  const added: string[] = [];
  for (const r of planReminders(rec.id, deadlines, now)) {
    if (await deps.reminders.schedule(r)) added.push(`${r.at.slice(0, 10)}: ${r.text}`);
  }
  if (added.length === 0) return;
  const at = now.toISOString();
  await deps.cases.update(rec.id, (cur) => ({
    ...cur,
    audit: [
      ...cur.audit,
      ...added.map((detail) => ({ at, who, action: 'reminder_scheduled' as const, detail })),
    ],
  }));
}

async function runCommand(
  deps: TurnDeps,
  input: TurnInput,
  cmd: CaseCommand,
  now: Date,
): Promise<TurnResult> {
  const here = await deps.cases.byConversation(input.conversation);
  switch (cmd.cmd) {
    case 'status': {
      const rec = cmd.caseId ? await caseById(deps, input, cmd.caseId) : here;
      if (!rec)
        return {
          replies: [
            { kind: 'text', tone: 'info', text: 'No case here yet. Tell me what happened to open one.' },
          ],
          effects: [],
        };
      return { caseId: rec.id, replies: [statusReply(rec, deps.ctx, now)], effects: [] };
    }
    case 'cases': {
      const scope = deps.scope;
      const all = await deps.cases.listOpen();
      const cases = scope ? all.filter((c) => scope.listed(c, input.conversation)) : all;
      return { caseId: here?.id, replies: [{ kind: 'cases', cases }], effects: [] };
    }
    case 'export': {
      const id = cmd.caseId ?? here?.id;
      if (!id)
        return {
          replies: [{ kind: 'text', tone: 'info', text: 'No case here yet to export.' }],
          effects: [],
        };
      await caseById(deps, input, id);
      return { caseId: id, replies: [], effects: [{ type: 'export', caseId: id }] };
    }
    case 'open': {
      const rec = await caseById(deps, input, cmd.caseId);
      if (rec.status === 'closed') {
        const text = `${rec.id} is closed, so it cannot be continued; "status ${rec.id}" shows it.`;
        return { caseId: here?.id, replies: [{ kind: 'text', tone: 'error', text }], effects: [] };
      }
      await deps.cases.linkConversation(input.conversation, rec.id);
      const r = await stepCase(deps, input, rec, { type: 'show' }, now);
      const intro: Reply = { kind: 'text', tone: 'info', text: `Continuing case ${rec.id} here.` };
      return { ...r, replies: [intro, ...r.replies] };
    }
    case 'new': {
      const rec = await openCase(deps, input, now);
      const intro: Reply = {
        kind: 'text',
        tone: 'info',
        text: `Opened case ${rec.id}. Tell me what happened.`,
      };
      return { caseId: rec.id, replies: [intro], effects: [] };
    }
    case 'close': {
      const target = cmd.caseId ? await caseById(deps, input, cmd.caseId) : here;
      return closeCommand(deps.cases, cmd, target, input, now);
    }
    case 'draft':
      return draftWithPolish(
        deps,
        input,
        cmd,
        cmd.caseId ? await caseById(deps, input, cmd.caseId) : here,
        now,
      );
  }
}

function isRestart(ev: CoreEvent): boolean {
  if (ev.type === 'restart') return true;
  return ev.type === 'text' && isRestartCommand(ev.text);
}

/**
 * A listing other than the decided case's: a new complaint, not a change to this one. Not when the message
 * names the case's listing too, or adds listings to this case ("the complaint also names …").
 */
function otherListing(rec: CaseRecord, text: string): boolean {
  return isAboutAnotherListing(text, rec.state.facts.listingId);
}

async function newCaseFor(
  deps: TurnDeps,
  input: TurnInput,
  old: CaseRecord,
  now: Date,
  why: 'other_listing' | 'closed' = 'other_listing',
): Promise<TurnResult> {
  const words = (input.event as { text: string }).text;
  const r = await openWith(deps, input, { type: 'start', text: words }, now);
  const text =
    why === 'closed'
      ? `${old.id} is closed, so this is a new case, ${r.caseId}.`
      : `That is a different listing, so this is a new case, ${r.caseId}. ${old.id} stays saved ("open ${old.id}" to go back).`;
  return { ...r, replies: [{ kind: 'text', tone: 'info', text }, ...r.replies] };
}

/**
 * The one place a conversation does I/O: find or open the case, step it under its lock (saving the
 * state and the audit entries together), schedule deadline reminders, and hand back replies and effects.
 */
export async function runTurn(deps: TurnDeps, given: TurnInput): Promise<TurnResult> {
  const now = deps.clock.now();
  // "Working…" is said once per turn, however many model calls the turn makes (the facts, then the drafts).
  let working = false;
  const input: TurnInput = {
    ...given,
    onWorking: () => {
      if (working) return;
      working = true;
      return given.onWorking?.();
    },
  };
  if (input.event.type === 'text') {
    const cmd = parseCaseCommand(input.event.text);
    if (cmd) {
      try {
        return await runCommand(deps, input, cmd, now);
      } catch (err) {
        // An unknown case id is the seller's typo, not a failure: say so, change nothing.
        if (!(err instanceof IpcheckError) || err.code !== 'case_not_found') throw err;
        const id = 'caseId' in cmd && cmd.caseId ? `${cmd.caseId}: ` : '';
        // In a team's conversation the answer says where it looked: the same for another team's case.
        const words = deps.scope?.teamOf(input.conversation) ? NOT_FOUND_FOR_TEAM : USER_TEXT.case_not_found;
        return {
          replies: [{ kind: 'text', tone: 'error', text: `${id}${words}` }],
          effects: [],
        };
      }
    }
  }
  if (input.event.type === 'text' && !input.caseId) {
    // A greeting, thanks or "help" has nothing to act on: it never opens, changes or saves a case.
    const talk = smallTalkOf(input.event.text);
    const here = talk ? await deps.cases.byConversation(input.conversation) : undefined;
    const r = talk && smallTalkReplies(deps.ctx, input.event.text, talk, here, input.channel, now);
    if (r) return { ...r, effects: [] };
  }
  const found = input.caseId
    ? await caseById(deps, input, input.caseId)
    : input.newCase
      ? undefined
      : await deps.cases.byConversation(input.conversation);
  if (!found) return openWith(deps, input, input.event, now);
  const rec = found;
  if (rec.status === 'closed') {
    // A closed case stays closed in every channel: new words open a new case, and its old buttons do nothing.
    if (input.event.type === 'text' && !input.caseId) return newCaseFor(deps, input, rec, now, 'closed');
    const text = `${rec.id} is closed, so it cannot be changed. Tell me about another complaint to open a new case.`;
    return { caseId: rec.id, replies: [{ kind: 'text', tone: 'error', text }], effects: [{ type: 'stale' }] };
  }
  if (rec.escalation && isRestart(input.event)) {
    // Legal is working from this case's answers; wiping them would also drop its deadline reminders.
    const text = `${rec.id} is with legal, so it cannot be started over. Use "change" to correct an answer, or open a new case.`;
    return { caseId: rec.id, replies: [{ kind: 'text', tone: 'error', text }], effects: [] };
  }
  if (rec.state.status === 'decided' && input.event.type === 'text' && !input.caseId) {
    if (otherListing(rec, input.event.text)) return newCaseFor(deps, input, rec, now);
  }
  if (input.event.type === 'text') {
    const { hints, notes } = await assisted(deps, input, rec.state, input.event.text, now);
    return stepCase(deps, input, rec, { ...input.event, hints }, now, notes);
  }
  if (input.event.type === 'start' && input.event.text) {
    // A channel's opening words (Slack's /ipcheck <listing> …) start the case afresh: read as a first message.
    const { hints, notes } = await assisted(deps, input, newCase(rec.id), input.event.text, now);
    return stepCase(deps, input, rec, { ...input.event, hints }, now, notes);
  }
  return stepCase(deps, input, rec, input.event, now);
}

/** The model's reading or a guidance answer for free text, before the step (which stays pure). */
async function assisted(
  deps: TurnDeps,
  input: TurnInput,
  state: CaseRecord['state'],
  text: string,
  now: Date,
) {
  const a = await assistText(deps, state, text, now, input.onWorking);
  const notes: AuditEntry[] = a.withheld
    ? [{ at: now.toISOString(), who: 'system', action: 'answer_withheld', detail: a.withheld.slice(0, 2000) }]
    : [];
  return { hints: a.hints, notes };
}
