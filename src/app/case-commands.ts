import { closedByTeam } from '../domain/conversation/case-actions.js';
import type { CaseCommand, DraftKind } from '../domain/conversation/commands.js';
import { type CoreContext, outcomeOfRecord } from '../domain/conversation/outcome.js';
import type { Effect, Reply } from '../domain/conversation/replies.js';
import { draftSay, draftTitle } from '../domain/drafting/draft-names.js';
import type { CaseRecord } from '../domain/model/case-record.js';
import { describeFact } from '../domain/model/facts.js';
import { isStalePolish } from './polish.js';
import type { CaseRepository } from './ports.js';

// "close" and "draft": case commands that read or change a saved case, outside the guided questions.
// The turn calls these; they return replies as data like every other command.

export interface CommandResult {
  caseId?: string;
  replies: Reply[];
  effects: Effect[];
}

const info = (text: string): Reply => ({ kind: 'text', tone: 'info', text });
const error = (text: string): Reply => ({ kind: 'text', tone: 'error', text });
const say = (reply: Reply, caseId?: string): CommandResult => ({
  ...(caseId ? { caseId } : {}),
  replies: [reply],
  effects: [],
});

/** "IPC-0042 (AliExpress listing 1005006123456789, decided)": enough to be sure it is the right case. */
function caseLabel(rec: CaseRecord): string {
  const f = rec.state.facts;
  const listing = f.listingId
    ? `${f.platform ? `${describeFact('platform', f.platform)} ` : ''}listing ${f.listingId}`
    : 'no listing yet';
  const stage = { new: 'not started', open: 'questions in progress', decided: 'decided' }[rec.state.status];
  return `${rec.id} (${listing}, ${stage})`;
}

export interface CloseInput {
  who: string;
  /** The channel remembers the question and turns a plain "yes" into the confirmation. */
  confirmInline?: boolean;
}

/** Asks first, then closes: a closed case is no longer continued, listed as open, or reminded about. */
export async function closeCommand(
  cases: CaseRepository,
  cmd: Extract<CaseCommand, { cmd: 'close' }>,
  target: CaseRecord | undefined,
  input: CloseInput,
  now: Date,
): Promise<CommandResult> {
  if (!target) return say(info('No case here to close.'));
  if (target.status === 'closed')
    return say(
      info(`${target.id} is already closed. "status ${target.id}" shows its audit trail.`),
      target.id,
    );
  if (target.escalation && target.escalation.status !== 'resolved') {
    // Legal is working from this case; it closes when legal resolves it.
    return say(
      error(
        `${target.id} is with legal, so legal closes it when they resolve it (Resolve in the legal thread).`,
      ),
      target.id,
    );
  }
  if (!cmd.confirmed) {
    const how = input.confirmInline
      ? 'Say "yes" to close it; anything else keeps it open.'
      : `To close it, say "close ${target.id} yes".`;
    return {
      caseId: target.id,
      replies: [
        info(
          `Close case ${caseLabel(target)}? A closed case is no longer continued or listed as open, and its reminders stop; "status ${target.id}" and "export ${target.id}" still show it. ${how}`,
        ),
      ],
      effects: [{ type: 'confirm', yes: `close ${target.id} yes`, no: `${target.id} stays open.` }],
    };
  }
  const after = await cases.update(target.id, (cur) =>
    closedByTeam(cur, { who: input.who, at: now.toISOString() }),
  );
  if (after.status !== 'closed')
    return say(
      error(`${target.id} was just escalated to legal, so legal closes it when they resolve it.`),
      target.id,
    );
  return say(
    info(
      `Closed case ${target.id}. It is no longer listed as open; "status ${target.id}" shows its audit trail. Tell me about another complaint to open a new case.`,
    ),
    target.id,
  );
}

export interface ShownDraft {
  kind: DraftKind;
  subject: string;
  body: string;
  optional: boolean;
  /** Who edited or sent it, when someone did (Slack's Edit and Mark as sent). */
  history: string;
}

/** The case's drafts as the team last saw them: an edited or sent text wins over the template's. */
export function draftsOf(rec: CaseRecord, ctx: CoreContext, now: Date): ShownDraft[] {
  const o = outcomeOfRecord(rec, ctx, now);
  const built = [
    ...o.drafts.map((d) => ({ d, optional: false })),
    ...o.optionalDrafts.map((d) => ({ d, optional: true })),
  ];
  return built.map(({ d, optional }) => {
    // A model's rewrite of an older template (a detail added since) is not shown: the template is.
    const saved = rec.drafts.find(
      (s) => s.kind === d.kind && (s.editedAt || s.sentAt) && !isStalePolish(s, d.body),
    );
    const history = [
      saved?.editedAt ? `edited by ${saved.editedBy ?? 'someone'} on ${saved.editedAt.slice(0, 10)}` : '',
      saved?.sentAt ? `marked as sent by ${saved.sentBy ?? 'someone'} on ${saved.sentAt.slice(0, 10)}` : '',
    ].filter(Boolean);
    return {
      kind: d.kind,
      subject: saved?.subject ?? d.subject,
      body: saved?.body ?? d.body,
      optional,
      history: history.length > 0 ? ` (${history.join('; ')})` : '',
    };
  });
}

const listOf = (drafts: ShownDraft[]) =>
  drafts
    .map((d) => `"${draftSay(d.kind)}" for the ${draftTitle(d.kind, { optional: true, lower: true })}`)
    .join('; ');

function draftText(rec: CaseRecord, d: ShownDraft, others: ShownDraft[]): string {
  const left = (`${d.subject}\n${d.body}`.match(/\[FILL IN:/g) ?? []).length;
  const fill = left > 0 ? ` Fill in the ${left} [FILL IN] places before sending.` : '';
  const name = draftTitle(d.kind, { optional: true, lower: true });
  const also = others.length > 0 ? `\nAlso on this case: ${listOf(others)}.` : '';
  return `${rec.id}: the ${name}${d.history}.${fill}\nSubject: ${d.subject}\n-----\n${d.body}\n-----${also}`;
}

export type DraftChoice =
  | { show: ShownDraft; others: ShownDraft[] }
  | { missing: DraftKind }
  /** Several drafts and none named: the person picks (never a guess between two letters). */
  | { choose: ShownDraft[] };

/** Which draft "draft [kind]" means: the named one, else the one main draft (optional ones are named). */
export function pickDraft(all: ShownDraft[], kind?: DraftKind): DraftChoice {
  if (kind) {
    const d = all.find((x) => x.kind === kind);
    return d ? { show: d, others: [] } : { missing: kind };
  }
  const main = all.filter((d) => !d.optional);
  const only = main.length === 1 ? main[0] : all.length === 1 ? all[0] : undefined;
  return only ? { show: only, others: all.filter((d) => d !== only) } : { choose: all };
}

/** Shows one draft again; with no kind, the case's main draft, or the list when there is a choice. */
export function draftCommand(
  cmd: Extract<CaseCommand, { cmd: 'draft' }>,
  target: CaseRecord | undefined,
  ctx: CoreContext,
  now: Date,
): CommandResult {
  if (!target) return say(info('No case here yet. Tell me what happened to open one.'));
  const id = target.id;
  if (cmd.unknown !== undefined)
    return say(
      error(
        `there is no "${cmd.unknown}" draft. Say "draft dispute", "draft note", "draft retraction" or "draft plan".`,
      ),
      id,
    );
  if (target.state.status !== 'decided')
    return say(
      info(`${id} has no drafts yet: they come with the decision, after the remaining questions.`),
      id,
    );
  const all = draftsOf(target, ctx, now);
  if (all.length === 0) return say(info(`${id} has no drafts: its routes need no letter or note.`), id);
  const pick = pickDraft(all, cmd.kind);
  if ('missing' in pick)
    return say(
      info(
        `${id} has no ${draftTitle(pick.missing, { optional: true, lower: true })}. Its drafts: ${listOf(all)}.`,
      ),
      id,
    );
  if ('choose' in pick) return say(info(`${id} has ${all.length} drafts. Say which: ${listOf(all)}.`), id);
  return say(info(draftText(target, pick.show, pick.others)), id);
}
