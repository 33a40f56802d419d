import { z } from 'zod';

// The shape of an incoming activity, checked before botbuilder or the bot reads it. botbuilder threw on
// an activity without a `type` (Teams answered 500), and in local mode a `message` without a
// conversation, a sender or a serviceUrl reached the bot and failed there, with nobody told. Bot Framework
// activities carry much more; only what ipcheck reads is checked, and everything else passes through.

const Party = z.looseObject({ id: z.string().min(1) });

const httpUrl = z
  .string()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'must be an http(s) URL');

/** Any activity: botbuilder routes on its type. */
const Any = z.looseObject({ type: z.string().min(1) });

/** The activities the bot acts on: it answers into their conversation, at their serviceUrl. */
const Conversational = Any.extend({
  serviceUrl: httpUrl,
  channelId: z.string().min(1),
  conversation: Party,
  from: Party,
  recipient: Party,
  id: z.string().optional(),
  text: z.string().optional(),
  replyToId: z.string().optional(),
  membersAdded: z.array(Party).optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  attachments: z.array(z.unknown()).optional(),
  channelData: z.looseObject({}).optional(),
});

const ACTED_ON = new Set(['message', 'conversationUpdate', 'installationUpdate']);

function say(issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.') || 'activity';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
    return `the activity has no "${path}"`;
  if (issue.code === 'invalid_type')
    return `the activity's "${path}" must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  if (issue.code === 'too_small') return `the activity's "${path}" must not be empty`;
  return `the activity's "${path}" ${issue.message}`;
}

/** What is wrong with an activity (one sentence naming the field), or undefined when it can be served. */
export function activityProblem(body: Record<string, unknown>): string | undefined {
  const any = Any.safeParse(body);
  if (!any.success) return any.error.issues[0] ? say(any.error.issues[0]) : 'the activity is not valid';
  if (!ACTED_ON.has(any.data.type)) return undefined;
  const full = Conversational.safeParse(body);
  if (full.success) return undefined;
  return full.error.issues[0] ? say(full.error.issues[0]) : 'the activity is not valid';
}
