import type { ActionName } from './actions.js';
import type { ButtonValue } from './button-value.js';

// What a person did, as every channel decodes it: typed text, or an action (a button, a form) with the
// case button value it carries and the inputs of its form. The channel keeps the platform's details
// (signatures, acks, retries) and hands the app only this.

export interface Actor {
  /** The platform's id for the person (Slack user id; Teams display name or AAD id). */
  id: string;
}

export type Intent = {
  actor: Actor;
  /** The conversation key (`slack:T…:C…:ts`, `teams:<tenant>:<conversation id>`, `terminal:…`). */
  where: string;
  /** The platform's delivery id, for at-most-once handling of retries. */
  deliveryId?: string;
} & (
  | { kind: 'text'; text: string }
  | { kind: 'action'; action: ActionName; value: ButtonValue; inputs?: Record<string, string> }
);
