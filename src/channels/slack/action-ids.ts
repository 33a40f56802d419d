import { z } from 'zod';
import { DraftKind } from '../../drafting/template.js';

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

/** What a button carries back. Short keys: Slack caps a button value at 2000 characters. */
export const ButtonValue = z
  .object({
    /** case id */
    c: z.string().regex(/^IPC-\d{4,}$/),
    /** question id */
    q: z.string().max(40).optional(),
    /** chosen value */
    v: z.string().max(200).optional(),
    /** question sequence number (stale-button check) */
    s: z.number().int().nonnegative().optional(),
    /** draft kind */
    d: DraftKind.optional(),
  })
  .strict();
export type ButtonValue = z.infer<typeof ButtonValue>;

export function encodeValue(v: ButtonValue): string {
  return JSON.stringify(v);
}

/** Parses a button value; anything malformed is refused (it came over the network). */
export function decodeValue(raw: string | undefined): ButtonValue | undefined {
  if (!raw || raw.length > 2000) return undefined;
  try {
    const r = ButtonValue.safeParse(JSON.parse(raw));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** Modal private_metadata: which case (and draft) the modal is about. */
export const ViewMeta = z
  .object({
    c: z.string().regex(/^IPC-\d{4,}$/),
    d: DraftKind.optional(),
    v: z.number().int().optional(),
  })
  .strict();
export type ViewMeta = z.infer<typeof ViewMeta>;
