import { z } from 'zod';
import { ACTION_NAMES, type ActionName, LEGAL_ACTION_NAMES } from '../../app/actions.js';
import { ButtonValue } from '../../app/button-value.js';

// What a card's Action.Submit sends back: which action, the case button value (the same one Slack's
// buttons carry), and the card's inputs merged in by Teams. It came over the network, so it is parsed
// strictly; anything malformed is refused.

/**
 * The actions a card's Action.Submit names in `ipc`: the app's action names themselves. Editing a draft is a
 * show-card (its form submits draft_save) and a link is an Action.OpenUrl, so neither is ever submitted.
 */
export type CardAction = Exclude<ActionName, 'draft_edit' | 'link'>;
const NOT_SUBMITTED: ReadonlySet<ActionName> = new Set<ActionName>(['draft_edit', 'link']);
export const CARD_ACTIONS: readonly CardAction[] = ACTION_NAMES.filter(
  (a): a is CardAction => !NOT_SUBMITTED.has(a),
);

/** Legal's actions: they work only in the case's own legal thread. */
export const LEGAL_ACTIONS: ReadonlySet<ActionName> = LEGAL_ACTION_NAMES;

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
