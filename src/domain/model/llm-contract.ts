import { z } from 'zod';
import {
  ComplainantContact,
  Inventory,
  IpType,
  ListingIsOurs,
  Notice,
  Platform,
  Rights,
  UsesTheirIp,
} from './facts.js';

// What a language model may answer, as schemas: the only shapes its output can take. Every field is required
// and nullable (what OpenAI's strict structured outputs accept); an answer that does not fit is discarded.
// Nothing here can name a route, a channel or a recipient: the route is always decided from the facts.

/** Fact extraction: the triage contract's keys and values (facts.ts), null when the message does not say. */
export const LlmFactsOut = z
  .object({
    platform: Platform.nullable(),
    listingId: z.string().max(200).nullable(),
    notice: Notice.nullable(),
    ipType: IpType.nullable(),
    listingIsOurs: ListingIsOurs.nullable(),
    usesTheirIp: UsesTheirIp.nullable(),
    rights: Rights.nullable(),
    complainantContact: ComplainantContact.nullable(),
    inventory: Inventory.nullable(),
    noticeDate: z.string().max(10).nullable(),
  })
  .strict();
export type LlmFactsOut = z.infer<typeof LlmFactsOut>;

/** A grounded answer: numbered citations point at the sections given, with the exact words relied on. */
export const LlmAnswerOut = z
  .object({
    supported: z.boolean(),
    answer: z.string().max(3000),
    citations: z.array(z.object({ section: z.number().int(), quote: z.string().max(1000) }).strict()).max(8),
  })
  .strict();
export type LlmAnswerOut = z.infer<typeof LlmAnswerOut>;

/** A polished draft: the body only (the subject stays the template's). */
export const LlmDraftOut = z.object({ body: z.string().max(20_000) }).strict();
export type LlmDraftOut = z.infer<typeof LlmDraftOut>;

/** A knowledge section as given to the model, numbered from 1 in the order given. */
export interface GivenSection {
  n: number;
  ref: string;
  title: string;
  text: string;
}
