import type { CitationRef } from './knowledge-base.js';

// Questions sellers ask once they know what to do, answered from the guidance with its words. Matched
// on the seller's text; an answer is shown only with the sentence that supports it.

export interface FollowUp {
  id: string;
  patterns: RegExp[];
  answer: string;
  citations: CitationRef[];
}

export const FOLLOW_UPS: readonly FollowUp[] = [
  {
    id: 'relist',
    patterns: [
      /\b(re-?list|list (it|them|this|the product) again|upload (it|them) again|(a )?new listing|another listing)\b/,
      /\bmove (the |our )?(stock|inventory|goods) (to )?(another|a different|a new) warehouse\b/,
    ],
    answer:
      'No. Do not put the same product up again under a new listing, even after moving it to another warehouse: the rights holder reports it again, and the store takes the next strike.',
    citations: [
      {
        ref: 'guidance#1.1',
        quote: 'It is not recommended to create a new list sale after moving the warehouse.',
      },
    ],
  },
  {
    id: 'contact_firm',
    patterns: [
      /\b(email|e-mail|write to|contact|call|reply to|answer|negotiate with|pay) (the |their |that )?(plaintiff'?s? )?(law ?firm|lawyers?|attorneys?|plaintiff)\b/,
    ],
    answer:
      'Not yourself. Law firms rarely answer sellers, and handling it unprofessionally can cost more. A US lawyer who knows TRO cases contacts them for you; send the case to legal.',
    citations: [
      {
        ref: 'guidance#1.3',
        quote: "It is not recommended to send an email directly to the plaintiff's law firm.",
      },
      {
        ref: 'guidance#1.3',
        quote:
          "The seller sends the information himself, and the plaintiff's law firm generally does not reply.",
      },
    ],
  },
  {
    id: 'offline_or_delete',
    patterns: [
      /\b(offline|take (it )?down|hide it|deactivate)\b.*\b(delete|enough|ok|fine)\b|\b(delete|remove)\b.*\b(offline|or just)\b/,
    ],
    answer:
      'Delete a listing that really infringes. An offline listing stays in your product library and AliExpress still checks it; take a listing offline only while legal decides whether it infringes.',
    citations: [
      { ref: 'facts#ae.offline-still-checked', quote: 'deleting the listing is the safer clean-up' },
    ],
  },
  {
    id: 'other_listings',
    patterns: [/\b(other|similar|more) (listings|products|items)\b|\b(rest of|whole) (the |our )?store\b/],
    answer:
      'Yes, check them now: start with the complainant’s brand, then similar designs and photos you did not shoot, offline listings included.',
    citations: [
      {
        ref: 'guidance#3.1',
        quote:
          'Taking time to look carefully can largely avoid the risk of closing the store caused by the warning of re-infringement.',
      },
    ],
  },
];

/** The follow-up a seller's words ask about, if any. */
export function matchFollowUp(text: string): FollowUp | undefined {
  const t = ` ${text.toLowerCase().replace(/[’`]/g, "'")} `;
  if (!/\?|\b(can|should|do|may|must|shall) (i|we)\b|\bis it (ok|fine|enough)\b/.test(t)) return undefined;
  return FOLLOW_UPS.find((f) => f.patterns.some((p) => p.test(t)));
}
