import type { Reply } from '../domain/conversation/replies.js';

// What the app asks of a channel when it acts for a person: the channel renders the replies its own way
// (Block Kit, Adaptive Cards, text) and delivers them; the app never knows which platform it is on.
// Use cases with posts of their own (the legal thread, the seller's thread) extend this with those.

export interface ChannelPort {
  /** Sends replies where the person acted (the case thread, the chat, the terminal). */
  send(replies: readonly Reply[]): Promise<void>;
  /** Tells only the person who acted where the platform can (Slack: an ephemeral message); else like send. */
  tell(reply: Reply): Promise<void>;
  /** Replaces the message the action came from (a draft marked sent, the card a form was on), where there is one. */
  replaceSource?(replies: readonly Reply[]): Promise<void>;
}
