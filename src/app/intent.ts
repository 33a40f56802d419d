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
  | {
      kind: 'action';
      action: ActionName;
      value: ButtonValue;
      /** A form's fields by id (a Teams card's inputs: an edited draft's subject and body, legal's text). */
      inputs?: Record<string, string>;
      /** The draft revision the form was opened on (a draft card's Save): a newer saved one refuses it. */
      rev?: number;
    }
);

/** A button or a form's submit, decoded (src/app/handle-action.ts runs it). */
export type ActionIntent = Extract<Intent, { kind: 'action' }>;
