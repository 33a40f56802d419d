import { z } from 'zod';
import { Details, FACT_KEYS, Facts } from './facts.js';

/** One conversation's state. Stored as-is by the case store, so it is versioned and validated. */
export const CaseState = z.object({
  v: z.literal(1),
  caseId: z.string().optional(),
  status: z.enum(['new', 'open', 'decided']),
  facts: Facts,
  details: Details,
  /** Question ids in the order they got a value (or were skipped): "back" undoes the last one. */
  answered: z.array(z.string()),
  skipped: z.array(z.string()),
  /** The question waiting for an answer; `seq` lets a button from an older question be recognised. */
  pending: z.object({ questionId: z.string(), seq: z.number().int() }).nullable(),
  seq: z.number().int().nonnegative(),
  disclaimerShown: z.boolean(),
  /**
   * Facts that make a draft claim something ("never ours", "no infringement", "authorized", "we own it"),
   * read from the seller's own sentence rather than a button: each is confirmed before a draft says it.
   */
  unconfirmed: z.array(z.enum(FACT_KEYS)).max(FACT_KEYS.length).optional(),
  /** Facts the seller mentioned after the decision, waiting for "yes, update the case". */
  proposal: z.object({ facts: Facts, details: Details }).optional(),
  /** The seller's own free-text messages, as written (kept on the case and in its export). */
  said: z
    .array(z.object({ at: z.string(), text: z.string().max(20_000) }))
    .max(500)
    .optional(),
});
export type CaseState = z.infer<typeof CaseState>;

export function newCase(caseId?: string): CaseState {
  return {
    v: 1,
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
