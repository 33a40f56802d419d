import { z } from 'zod';
import type { ActionName } from '../../app/actions.js';
import { DraftKind } from '../../domain/drafting/template.js';

// Every Slack action id and modal callback id ipcheck uses, in one place. They are Slack's spelling of the
// app's one action vocabulary (src/app/actions.ts): a button's action_id names an ActionName, and the app
// looks up what it does in one table for every channel (ACTIONS in src/app/handle-action.ts).

/** The actions a Slack button carries. Saving an edited draft is the edit modal's submission (VIEW.draftEdit). */
export type SlackButtonAction = Exclude<ActionName, 'draft_save'>;

/**
 * Slack's wire id of each action. Posted buttons carry these ids for as long as their messages live, so an
 * id never changes (the dispute draft's button stays `ipc_draft_dispute`).
 */
export const SLACK_ACTION_IDS = {
  answer: 'ipc_answer',
  change: 'ipc_change',
  restart: 'ipc_restart',
  draft: 'ipc_draft_dispute',
  draft_edit: 'ipc_draft_edit',
  draft_sent: 'ipc_draft_sent',
  draft_regenerate: 'ipc_draft_regenerate',
  escalate: 'ipc_escalate',
  legal_ack: 'ipc_legal_ack',
  legal_info: 'ipc_legal_info',
  legal_resolve: 'ipc_legal_resolve',
  /** Link buttons (delist pages, permalinks): Slack still sends an action that must be acked. */
  link: 'ipc_link',
} as const satisfies Record<SlackButtonAction, `ipc_${string}`>;

/** The same ids by the names Slack's handlers and renderers use. */
export const ACTION = {
  answer: SLACK_ACTION_IDS.answer,
  change: SLACK_ACTION_IDS.change,
  restart: SLACK_ACTION_IDS.restart,
  draftDispute: SLACK_ACTION_IDS.draft,
  escalate: SLACK_ACTION_IDS.escalate,
  draftEdit: SLACK_ACTION_IDS.draft_edit,
  draftRegenerate: SLACK_ACTION_IDS.draft_regenerate,
  draftSent: SLACK_ACTION_IDS.draft_sent,
  legalAck: SLACK_ACTION_IDS.legal_ack,
  legalInfo: SLACK_ACTION_IDS.legal_info,
  legalResolve: SLACK_ACTION_IDS.legal_resolve,
  link: SLACK_ACTION_IDS.link,
} as const;
export type ActionId = (typeof ACTION)[keyof typeof ACTION];

const BY_ID = new Map<string, SlackButtonAction>(
  (Object.entries(SLACK_ACTION_IDS) as [SlackButtonAction, string][]).map(([name, id]) => [id, name]),
);

/** The action a button's action_id names (link buttons are numbered: `ipc_link_3`), or undefined. */
export function actionNameOf(actionId: string): SlackButtonAction | undefined {
  return BY_ID.get(actionId) ?? (actionId.startsWith(`${SLACK_ACTION_IDS.link}_`) ? 'link' : undefined);
}

export const VIEW = {
  draftEdit: 'ipc_view_draft_edit',
  legalInfo: 'ipc_view_legal_info',
  legalResolve: 'ipc_view_legal_resolve',
} as const;

export { type ButtonValue, decodeValue, encodeValue } from '../../app/button-value.js';

/** Modal private_metadata: which case (and draft) the modal is about. */
export const ViewMeta = z
  .object({
    c: z.string().regex(/^IPC-\d{4,}$/),
    d: DraftKind.optional(),
    v: z.number().int().optional(),
  })
  .strict();
export type ViewMeta = z.infer<typeof ViewMeta>;
