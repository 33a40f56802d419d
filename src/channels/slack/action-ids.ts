import { z } from 'zod';
import { DraftKind } from '../../domain/drafting/template.js';

// Every Slack action id and modal callback id ipcheck uses, in one place. Handlers are looked up in a
// table keyed by these ids (ACTION_HANDLERS in handlers/actions.ts), not an if/else chain.

export const ACTION = {
  answer: 'ipc_answer',
  change: 'ipc_change',
  restart: 'ipc_restart',
  draftDispute: 'ipc_draft_dispute',
  escalate: 'ipc_escalate',
  draftEdit: 'ipc_draft_edit',
  draftRegenerate: 'ipc_draft_regenerate',
  draftSent: 'ipc_draft_sent',
  legalAck: 'ipc_legal_ack',
  legalInfo: 'ipc_legal_info',
  legalResolve: 'ipc_legal_resolve',
  /** Link buttons (delist pages, permalinks): Slack still sends an action that must be acked. */
  link: 'ipc_link',
} as const;
export type ActionId = (typeof ACTION)[keyof typeof ACTION];

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
