import {
  DraftChangedError,
  draftEdited,
  draftRegenerated,
  draftSent,
} from '../domain/conversation/case-actions.js';
import type { Reply } from '../domain/conversation/replies.js';
import type { Draft } from '../domain/drafting/build-drafts.js';
import type { CaseRecord, SavedDraft } from '../domain/model/case-record.js';
import type { DraftKind } from '../domain/model/draft-kind.js';
import { CaseConflictError } from '../domain/model/errors.js';
import type { AppDeps } from './app-deps.js';
import { currentDraft } from './case-drafts.js';
import { caseInTeam } from './case-scope.js';
import type { ChannelPort } from './channel-port.js';
import { type EditPlace, DRAFT_WORDS as W } from './draft-words.js';
import { LEGAL_WORDS } from './legal-words.js';
import { updateIfChanged } from './update-if-changed.js';

// A draft's buttons, for every channel: show it, open it for editing, save an edit, regenerate it from
// the case, mark it as sent. Each reads or changes the case under its lock and says what is true; the
// channel only renders the draft (Block Kit, an Adaptive Card) and delivers. The button's case was already
// checked against where it was pressed (button-guard.ts).

/** A draft as a channel shows it: its text, and where it stands (the revision an edit starts from). */
export interface ShownDraft {
  caseId: string;
  draft: Draft;
  /** The saved revision an edit of this draft starts from (0: never saved). */
  rev: number;
  /** The team edited the template's text. */
  edited: boolean;
  /** Marked as sent: by whom (as the channel names people) and when. */
  sent?: { by: string | undefined; at: string };
}

/** What a channel does for the draft buttons besides answering the person who pressed. */
export interface DraftPort extends ChannelPort {
  /** Shows a draft where the person pressed, with its buttons. */
  showDraft(d: ShownDraft): Promise<void>;
  /** Shows the draft as it stands now on the message pressed, where the platform has one to update. */
  replaceDraft(d: ShownDraft): Promise<void>;
}

/** A channel whose edits are written in a form of their own (Slack's modal), opened by the Edit button. */
export interface DraftEditorPort extends ChannelPort {
  openEditor(d: ShownDraft): Promise<void>;
}

/** A press of a draft button: the case and draft it carries, and who pressed. */
export interface DraftPress {
  caseId: string;
  /** The draft the button is for; a button without one is for the dispute reply. */
  kind?: DraftKind | undefined;
  who: string;
}

const kindOf = (p: { kind?: DraftKind | undefined }): DraftKind => p.kind ?? 'dispute_reply';

function shown(caseId: string, d: { draft: Draft; saved?: SavedDraft }): ShownDraft {
  const s = d.saved;
  return {
    caseId,
    draft: d.draft,
    rev: s?.rev ?? 0,
    edited: Boolean(s?.editedAt),
    ...(s?.sentAt ? { sent: { by: s.sentBy, at: s.sentAt } } : {}),
  };
}

/** The case's draft of `kind` as the team last saw it, or undefined (no case, or no such draft now). */
async function draftOf(app: AppDeps, caseId: string, kind: DraftKind) {
  const rec = await app.cases.get(caseId);
  const d = rec ? currentDraft(rec, kind, app) : undefined;
  return rec && d ? { rec, d } : undefined;
}

/** "Draft the dispute reply" (and the other drafts): the draft as the team last saw it. */
export async function showDraft(app: AppDeps, port: DraftPort, press: DraftPress): Promise<void> {
  const found = await draftOf(app, press.caseId, kindOf(press));
  if (!found) return port.tell(W.noSuchDraft);
  await port.showDraft(shown(found.rec.id, found.d));
}

/** Edit: opens the channel's form on the draft as it stands, with the revision a save starts from. */
export async function editDraft(app: AppDeps, port: DraftEditorPort, press: DraftPress): Promise<void> {
  const found = await draftOf(app, press.caseId, kindOf(press));
  if (!found) return port.tell(W.noDraftAnyMore);
  await port.openEditor(shown(found.rec.id, found.d));
}

/** Regenerate: the team's edits are dropped and the draft is built again from the case. */
export async function regenerateDraft(app: AppDeps, port: DraftPort, press: DraftPress): Promise<void> {
  const kind = kindOf(press);
  const at = app.clock.now().toISOString();
  const rec = await app.cases.update(press.caseId, (cur) =>
    draftRegenerated(cur, { who: press.who, at }, kind),
  );
  const d = currentDraft(rec, kind, app);
  if (d) await port.showDraft(shown(rec.id, d));
}

/** Mark as sent: recorded once, however many presses; the second presser is told who did. */
export async function markDraftSent(app: AppDeps, port: DraftPort, press: DraftPress): Promise<void> {
  const kind = kindOf(press);
  const at = app.clock.now().toISOString();
  const found = await draftOf(app, press.caseId, kind);
  if (!found) return port.tell(W.noDraftAnyMore);
  const { draft } = found.d;
  // Decided inside the update, under the case's lock: a double click records "sent" once.
  const { rec, changed } = await updateIfChanged(app.cases, press.caseId, (cur) =>
    draftSent(cur, { who: press.who, at }, kind, draft),
  );
  const saved = rec.drafts.find((x) => x.kind === kind);
  if (!changed) return port.tell(W.alreadySent(saved?.sentBy));
  await port.replaceDraft(shown(rec.id, { draft, ...(saved ? { saved } : {}) }));
  await port.send([W.markedSent(press.who, kind, rec.id)]);
}

/** An edited draft, as written in a form or on the draft's card. */
export interface DraftEdit extends DraftPress {
  subject: string;
  body: string;
  /** The revision the form or card was opened on: a newer saved one refuses the edit. */
  fromRev: number;
  place: EditPlace;
  /** The team the edit came from, when the case was not checked yet (a form names its case itself). */
  team?: string;
}

/**
 * An edit's result, known before anything is posted: a channel that must answer the form first (Slack's
 * modals) answers it, then shows the saved draft.
 */
export type DraftSaveResult =
  | { ok: false; refusal: Reply /** The case as it stood, when it was read. */; rec?: CaseRecord }
  | { ok: true; rec: CaseRecord; shown: ShownDraft | undefined };

/** Saves an edited draft as a new revision, unless someone saved a newer one since it was opened. */
export async function saveDraft(app: AppDeps, edit: DraftEdit): Promise<DraftSaveResult> {
  const subject = edit.subject.trim();
  const body = edit.body.trim();
  if (!subject || !body) return { ok: false, refusal: W.empty(edit.place) };
  const kind = kindOf(edit);
  // A form names its case itself: one of another team is answered like a case that does not exist.
  const before = edit.team !== undefined ? await app.cases.get(edit.caseId) : undefined;
  if (edit.team !== undefined && (!before || !caseInTeam(before, edit.team)))
    return { ok: false, refusal: LEGAL_WORDS.formNotHere };
  const at = app.clock.now().toISOString();
  let rec: CaseRecord;
  try {
    // Under the case lock; an edit older than the saved draft is refused, not applied.
    rec = await app.cases.update(edit.caseId, (cur) =>
      draftEdited(cur, { who: edit.who, at }, kind, { subject, body }, edit.fromRev),
    );
  } catch (err) {
    if (!(err instanceof DraftChangedError || err instanceof CaseConflictError)) throw err;
    return {
      ok: false,
      refusal: W.changedMeanwhile(edit.place, subject, body),
      ...(before ? { rec: before } : {}),
    };
  }
  const d = currentDraft(rec, kind, app);
  return { ok: true, rec, shown: d ? shown(rec.id, d) : undefined };
}

/** Save on a draft's card: the card shows the saved revision (so its next save is not stale), and says so. */
export async function saveDraftFromCard(
  app: AppDeps,
  port: DraftPort,
  edit: Omit<DraftEdit, 'place' | 'team'>,
): Promise<void> {
  const r = await saveDraft(app, { ...edit, place: 'card' });
  if (!r.ok) return port.tell(r.refusal);
  if (r.shown) await port.replaceDraft(r.shown);
  await port.send([W.saved(kindOf(edit), r.rec.id)]);
}
