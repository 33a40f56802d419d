import type { Reply } from '../domain/conversation/replies.js';
import type { CoreEvent } from '../domain/conversation/step.js';
import { type ActionName, LEGAL_ACTION_NAMES } from './actions.js';
import type { AppDeps } from './app-deps.js';
import { buttonEvent, type ConversationAction } from './button-event.js';
import { type ButtonPlace, buttonRefusal } from './button-guard.js';
import {
  type DraftEditorPort,
  type DraftPort,
  type DraftPress,
  editDraft,
  markDraftSent,
  regenerateDraft,
  saveDraftFromCard,
  showDraft,
} from './drafts.js';
import { type EscalatePort, escalate } from './escalate.js';
import type { ActionIntent } from './intent.js';
import { acknowledge, type LegalPort, legalFormRefusal, requestInfo, resolve } from './legal.js';
import { LEGAL_WORDS, type LegalTraits } from './legal-words.js';

// A button or a card's submit, for every channel: the channel decodes its payload into an ActionIntent
// and hands over an ActionPort (what it can do where the person pressed); here the press is checked
// against where it came from, then dispatched by its ActionName to the use case, from one table. The
// channel keeps its rendering and transport (Block Kit, Adaptive Cards, modals) behind the port.

/** Legal's two forms, named as their text arrives in an action's inputs (a Teams card's Input.Text ids). */
export type LegalForm = 'question' | 'outcome';

/** What a channel supplies for a press: where it came from, and what the platform can do there. */
export interface ActionPort {
  /** Where the press came from, as the button guard reads it (button-guard.ts). */
  place: ButtonPlace;
  /** The channel's ways with legal's sentences (legal-words.ts). */
  traits: LegalTraits;
  /** Tells only the person who pressed, where the platform can (a refusal). */
  tell(reply: Reply): Promise<void>;
  /**
   * Runs the conversation's turn for a question's button on its case, then renders and delivers what it
   * says (and whatever the platform does to the message pressed, such as Slack marking the answer).
   */
  turn(event: CoreEvent, caseId: string): Promise<void>;
  /**
   * The draft buttons' posts. `openEditor`: the channel's own editor (Slack's modal), opened by Edit; a
   * channel without one edits on the draft's card, whose Save submits draft_save with the text in inputs.
   */
  drafts: DraftPort & Partial<Pick<DraftEditorPort, 'openEditor'>>;
  /** The escalation's posts, and the legal channel an admin set; absent where lawyers cannot be reached. */
  escalate?: { port: EscalatePort; legalChannel: string | undefined };
  /** Legal's buttons; absent where the platform has no legal thread. */
  legal?: {
    port: LegalPort;
    /** Whether the presser may act for legal (Slack: a member of the legal channel); absent: anyone in the thread. */
    isLegal?(): Promise<boolean>;
    /** Opens the platform's own form (Slack's modal); absent: the form is on the card and its text in inputs. */
    openForm?(form: LegalForm, caseId: string): Promise<void>;
  };
}

/** An action the platform has no way to do: said plainly, and nothing changes. */
const cannot = (doing: string, t: LegalTraits): Reply => ({
  kind: 'text',
  tone: 'info',
  text: `I cannot ${doing} in ${t.platform}, so nothing was changed.`,
});

type Run = (app: AppDeps, i: ActionIntent, port: ActionPort) => Promise<void>;
type LegalRun = (
  app: AppDeps,
  i: ActionIntent,
  port: ActionPort,
  legal: NonNullable<ActionPort['legal']>,
) => Promise<void>;

const press = (i: ActionIntent): DraftPress => ({ caseId: i.value.c, kind: i.value.d, who: i.actor.id });

/** A question's button: the same turn a typed answer would run, on the case the button belongs to. */
const conversation =
  (a: ConversationAction): Run =>
  (_app, i, port) =>
    port.turn(buttonEvent(a, i.value), i.value.c);

const draft =
  (run: (app: AppDeps, port: DraftPort, p: DraftPress) => Promise<void>): Run =>
  (app, i, port) =>
    run(app, port.drafts, press(i));

/** Legal's buttons need the platform's legal thread, and (where the platform knows it) a lawyer. */
const legal =
  (run: LegalRun): Run =>
  async (app, i, port) => {
    const l = port.legal;
    if (!l) return port.tell(cannot('act for legal', port.traits));
    if (l.isLegal && !(await l.isLegal())) return port.tell(LEGAL_WORDS.onlyLegal);
    await run(app, i, port, l);
  };

/** Request info and Resolve: the platform's form opens on a case legal may still act on, or the card's text is used. */
const legalForm = (form: LegalForm): Run =>
  legal(async (app, i, port, l) => {
    const caseId = i.value.c;
    if (l.openForm) {
      const refusal = await legalFormRefusal(app, caseId);
      if (refusal) return port.tell(refusal);
      return l.openForm(form, caseId);
    }
    const w = { caseId, who: i.actor.id, text: i.inputs?.[form] ?? '' };
    const r =
      form === 'question' ? await requestInfo(app, l.port, port.traits, w) : await resolve(app, l.port, w);
    if (!r.ok) return l.port.tell(r.refusal);
    await r.spread();
  });

/** Every action, by name: one table for every channel. */
const ACTIONS: Record<Exclude<ActionName, 'link'>, Run> = {
  answer: conversation('answer'),
  change: conversation('change'),
  restart: conversation('restart'),
  draft: draft(showDraft),
  draft_edit: async (app, i, port) => {
    const { openEditor } = port.drafts;
    if (!openEditor) return port.tell(cannot('open a draft in an editor', port.traits));
    await editDraft(app, { ...port.drafts, openEditor }, press(i));
  },
  // Save on the draft's card: its inputs carry the edited text, the intent the revision it started from.
  draft_save: (app, i, port) =>
    saveDraftFromCard(app, port.drafts, {
      ...press(i),
      subject: i.inputs?.subject ?? '',
      body: i.inputs?.body ?? '',
      fromRev: i.rev ?? 0,
    }),
  draft_sent: draft(markDraftSent),
  draft_regenerate: draft(regenerateDraft),
  escalate: async (app, i, port) => {
    const e = port.escalate;
    if (!e) return port.tell(cannot('escalate to legal', port.traits));
    await escalate(app, e.port, port.traits, {
      caseId: i.value.c,
      who: i.actor.id,
      legalChannel: e.legalChannel,
    });
  },
  legal_ack: legal((app, i, _port, l) => acknowledge(app, l.port, { caseId: i.value.c, who: i.actor.id })),
  legal_info: legalForm('question'),
  legal_resolve: legalForm('outcome'),
};

/**
 * A press, for every channel. The button names its case, and that came over the network: before anything
 * changes the case must belong where the press came from (button-guard.ts); a refusal is told to the presser.
 */
export async function handleAction(app: AppDeps, intent: ActionIntent, port: ActionPort): Promise<void> {
  // A link button opens a URL; there is nothing to do.
  if (intent.action === 'link') return;
  const refusal = await buttonRefusal(
    app,
    port.traits,
    intent.value.c,
    LEGAL_ACTION_NAMES.has(intent.action),
    port.place,
  );
  if (refusal) return port.tell(refusal);
  await ACTIONS[intent.action](app, intent, port);
}
