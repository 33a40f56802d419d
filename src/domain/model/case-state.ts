import { z } from 'zod';
import { Details, FACT_KEYS, Facts } from './facts.js';

const Seq = z.number().int();

/**
 * What the conversation waits for. `seq` lets a button from an older prompt be recognised.
 * - question: one of the case's questions (questions.ts).
 * - change: the menu of answered questions, after "change".
 * - confirm: whether to apply the facts in `proposal` (new facts that contradict the case's answers).
 * - claim: whether a claim read from the seller's own words is right; which claim is the first of
 *   `unconfirmed` (claims.ts), so it is not stored twice.
 */
export const Pending = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('question'), questionId: z.string(), seq: Seq }),
  z.object({ kind: z.literal('change'), seq: Seq }),
  z.object({ kind: z.literal('confirm'), seq: Seq }),
  z.object({ kind: z.literal('claim'), seq: Seq }),
]);
export type Pending = z.infer<typeof Pending>;

export const CASE_STATE_VERSION = 2;

const CurrentCaseState = z.object({
  v: z.literal(CASE_STATE_VERSION),
  caseId: z.string().optional(),
  status: z.enum(['new', 'open', 'decided']),
  facts: Facts,
  details: Details,
  /** Question ids in the order they got a value (or were skipped): "back" undoes the last one. */
  answered: z.array(z.string()),
  skipped: z.array(z.string()),
  pending: Pending.nullable(),
  seq: z.number().int().nonnegative(),
  disclaimerShown: z.boolean(),
  /**
   * Facts that make a draft claim something ("never ours", "no infringement", "authorized", "we own it"),
   * read from the seller's own sentence rather than a button: each is confirmed before a draft says it.
   */
  unconfirmed: z.array(z.enum(FACT_KEYS)).max(FACT_KEYS.length).optional(),
  /** Facts the seller mentioned after the decision, waiting for "yes, update the case". */
  proposal: z.object({ facts: Facts, details: Details }).optional(),
  /**
   * The sourced background facts (knowledge section refs) the case has shown in full: a later outcome leaves
   * them out and says how to see them again (background.ts). Absent in states saved before it existed: those
   * show them once more.
   */
  backgroundShown: z.array(z.string().max(200)).max(200).optional(),
  /** The seller's own free-text messages, as written (kept on the case and in its export). */
  said: z
    .array(z.object({ at: z.string(), text: z.string().max(20_000) }))
    .max(500)
    .optional(),
});

/**
 * Version 1 kept the conversation's own prompts as fake question ids in `pending.questionId`; buttons
 * rendered then still carry these ids, so they stay the prompts' ids on the wire (pendingId).
 */
const PROMPT_IDS = { change: '__change', confirm: '__confirm', claim: '__claim' } as const;

/** The id a button for this prompt carries (a question's own id, or the prompt's). */
export function pendingId(p: Pending): string {
  return p.kind === 'question' ? p.questionId : PROMPT_IDS[p.kind];
}

function pendingFromV1(old: unknown): unknown {
  if (typeof old !== 'object' || old === null) return old;
  const { questionId, seq } = old as { questionId?: unknown; seq?: unknown };
  // Anything else is damaged, and left for the schema to say where.
  if (typeof questionId !== 'string') return old;
  for (const kind of ['change', 'confirm', 'claim'] as const)
    if (questionId === PROMPT_IDS[kind]) return { kind, seq };
  return { kind: 'question', questionId, seq };
}

/**
 * A stored state of any version, as today's shape (still to be validated). Cases are stored as they are,
 * so a row written by an older ipcheck is converted on every read; it is written back in today's shape on
 * its next save.
 */
export function fromStored(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const old = raw as Record<string, unknown>;
  if (old.v !== 1) return raw;
  return { ...old, v: CASE_STATE_VERSION, pending: pendingFromV1(old.pending) };
}

/** One conversation's state. Stored as-is by the case store, so it is versioned and validated. */
export const CaseState = z.preprocess(fromStored, CurrentCaseState);
export type CaseState = z.infer<typeof CurrentCaseState>;

export function newCase(caseId?: string): CaseState {
  return {
    v: CASE_STATE_VERSION,
    ...(caseId ? { caseId } : {}),
    status: 'new',
    facts: {},
    details: {},
    answered: [],
    skipped: [],
    pending: null,
    seq: 0,
    disclaimerShown: false,
  };
}
