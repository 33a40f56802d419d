import type { Records } from '../../app/ports.js';
import type { ConversationRef } from './bot-adapter.js';
import { channelOf } from './teams-deps.js';

// Teams lets a bot post into a conversation later (legal's answer to the seller, a reminder) only with
// that conversation's reference, which arrives on the activities the bot receives. ipcheck keeps the
// reference of every conversation a case lives in, and of the legal channel once it is added there.

const KEEP_MS = 400 * 24 * 3600_000;
const convRefKey = (conversationId: string) => `teams:ref:${conversationId}`;
const legalRefKey = (channelId: string) => `teams:legal-ref:${channelId}`;

export async function saveRef(kv: Records, ref: ConversationRef): Promise<void> {
  await kv.set(convRefKey(ref.conversation.id), ref, KEEP_MS);
}

export function refOfConversation(kv: Records, conversationId: string): Promise<ConversationRef | undefined> {
  return kv.get<ConversationRef>(convRefKey(conversationId));
}

/** Remembers the legal channel: where (serviceUrl, tenant, bot) to create posts in it. */
export async function saveLegalRef(kv: Records, channelId: string, ref: ConversationRef): Promise<void> {
  await kv.set(
    legalRefKey(channelId),
    { ...ref, conversation: { ...ref.conversation, id: channelId } },
    KEEP_MS,
  );
}

export function legalRef(kv: Records, channelId: string): Promise<ConversationRef | undefined> {
  return kv.get<ConversationRef>(legalRefKey(channelId));
}

/** The reference of one legal thread (a case's post in the legal channel and its replies). */
export function threadRef(channelRef: ConversationRef, threadId: string): ConversationRef {
  return { ...channelRef, conversation: { ...channelRef.conversation, id: threadId, isGroup: true } };
}

export const isInChannel = (conversationId: string, channelId: string | undefined) =>
  channelId !== undefined && channelOf(conversationId) === channelId;
