import { z } from 'zod';
import { ButtonValue } from '../../app/button-value.js';

// What a card's Action.Submit sends back: which action, the case button value (the same one Slack's
// buttons carry), and the card's inputs merged in by Teams. It came over the network, so it is parsed
// strictly; anything malformed is refused.

export const CARD_ACTIONS = [
  'answer',
  'change',
  'restart',
  'draft',
  'draft_save',
  'draft_sent',
  'draft_regenerate',
  'escalate',
  'legal_ack',
  'legal_info',
  'legal_resolve',
] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** Legal's actions: they work only in the case's own legal thread. */
export const LEGAL_ACTIONS = new Set<CardAction>(['legal_ack', 'legal_info', 'legal_resolve']);

const Submit = z.object({
  ipc: z.enum(CARD_ACTIONS),
  b: ButtonValue,
  /** The draft revision an edit form was made from. */
  r: z.number().int().nonnegative().optional(),
  subject: z.string().max(1000).optional(),
  body: z.string().max(20_000).optional(),
  question: z.string().max(3000).optional(),
  outcome: z.string().max(3000).optional(),
});
export type Submit = z.infer<typeof Submit>;

export function submitData(action: CardAction, b: ButtonValue, rev?: number): Record<string, unknown> {
  return { ipc: action, b, ...(rev !== undefined ? { r: rev } : {}) };
}

/** The card submit in an activity's value, or undefined when it is not one of ours (or malformed). */
export function readSubmit(value: unknown): Submit | undefined {
  const r = Submit.safeParse(value);
  return r.success ? r.data : undefined;
}
