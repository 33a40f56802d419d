import { z } from 'zod';
import { DraftKind } from '../domain/model/draft-kind.js';

// What a case button carries back, in every channel (a Slack button value, a Teams Action.Submit's data).
// It came over the network: it is parsed strictly, and anything malformed is refused.

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
