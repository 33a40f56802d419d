import type { Condition } from './conditions.js';
import type { FactKey } from './facts.js';
import type { CitationRef } from './knowledge-base.js';

export const ROUTE_IDS = [
  'lawyer_escalation',
  'delist_now',
  'dispute_reply',
  'legal_opinion',
  'store_sweep',
] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

/** A reason that depends on one fact's value (e.g. whether the complainant answered). */
export interface ReasonBy {
  key: FactKey;
  values: Record<string, string>;
}

export interface RouteRule {
  id: RouteId;
  /** Which case of the route this is; drafts and renderers pick wording by it. */
  variant: string;
  title: string;
  when: Condition;
  reason: string;
  reasonBy?: ReasonBy;
  urgent?: boolean;
  /** What to do, in order, in plain words. */
  steps: string[];
  citations: CitationRef[];
  /** Extra citations when a further condition holds (e.g. design patents: list the differences). */
  citationsWhen?: { when: Condition; citations: CitationRef[] }[];
  /** Sourced facts (knowledge/domain-facts.md) behind the steps and deadlines; shown with their confidence. */
  facts: string[];
}

const COURT: Condition['is'] = { notice: ['court_or_tro'] };

const Q = {
  takeOff:
    "If you find that your products have someone else's trademarks on them, you should take them off the shelves in time, instead of waiting until you are sued.",
  noRelist: 'It is not recommended to create a new list sale after moving the warehouse.',
  reportsAgain: 'he will not stop there in many cases, but will report it once he sees it.',
  keepSelling:
    "If the inventory is huge and you want to continue to sell, you can contact the plaintiff's law firm.",
  noDirectEmail: "It is not recommended to send an email directly to the plaintiff's law firm.",
  noReply: "The seller sends the information himself, and the plaintiff's law firm generally does not reply.",
  troLawyer:
    'Try to ask an American lawyer who is familiar with TRO to determine the scope of the temporary injunction, and ensure that a lawyer is hired immediately to respond within the defense period to ensure that the defense period is not missed.',
  nonInfringement:
    'If there is no infringement or dispute, or there are corresponding intellectual property rights, and the complainant has not received a response after repeated contact, it is recommended to provide the platform official with analytical evidence of product non-infringement by email.',
  notOurs:
    'If the complaint is not true, for example, the reported ASIN has never appeared in your store, you can try to write an email to explain all this and ask to restore the normal state of the store.',
  designDiffs: 'You can also write an email to refute it and list one point two or three differences.',
  calm: 'In a word, complaints should be restrained reasonably, and never show anger and panic.',
  otherRisks:
    'it is very likely that there are other products with infringement risks in the store, but no complaints have been received from the obligee.',
  lookCarefully:
    'Taking time to look carefully can largely avoid the risk of closing the store caused by the warning of re-infringement.',
  frozen: 'shops with large violations will be frozen',
} as const;

const g = (section: string, quote: string): CitationRef => ({ ref: `guidance#${section}`, quote });

const CONTACT_REASONS: Record<string, string> = {
  no_reply:
    'The complainant has not answered repeated contact, so send the platform analytical evidence that the product does not infringe.',
  not_tried:
    'Ask the complainant politely to withdraw first; if they do not answer, send the platform your evidence before the counter-notice deadline.',
  replied:
    'The complainant answered: if they agree, ask them to send the retraction to the platform themselves; if not, send the platform your evidence.',
};

/**
 * The decision table of product.md, derived from the guidance. Order matters: for a route id that
 * several rules could give, the first rule that holds wins (the court variant before the others).
 */
export const ROUTE_RULES: readonly RouteRule[] = [
  {
    id: 'lawyer_escalation',
    variant: 'court',
    title: 'Escalate to a US lawyer now (urgent)',
    when: { is: COURT },
    urgent: true,
    reason:
      'Court papers, a TRO or frozen funds: hire a US lawyer who knows TRO cases today, have them find the scope of the order and answer within the defense period. Do not email the plaintiff’s law firm yourself.',
    steps: [
      'Send the lawyer-escalation note below to legal today.',
      'Do not email or pay the plaintiff’s law firm yourself; let the lawyer make contact.',
      'Check the case number on the public court docket: fake “court” emails exist.',
      'Collect for the lawyer: the notices with their email headers, frozen amounts per account, the accused listing’s own sales (units and revenue, US separately), stock, and supplier invoices.',
    ],
    citations: [g('1.3', Q.troLawyer), g('1.3', Q.noDirectEmail), g('1.3', Q.noReply)],
    facts: [
      'facts#us.lawyer-not-seller',
      'facts#us.answer-21-days',
      'facts#us.tro-14-days',
      'facts#us.default-judgment',
      'facts#us.freeze-can-be-narrowed',
      'facts#us.verify-case',
    ],
  },
  {
    id: 'delist_now',
    variant: 'court_preserve',
    title: 'Stop selling it now, and keep the evidence',
    when: {
      is: { usesTheirIp: ['yes'], rights: ['none'], notice: ['court_or_tro'] },
      not: { listingIsOurs: ['no'] },
    },
    reason:
      'The listing carries someone else’s mark, design or work and you hold no rights: take it offline now so it sells no more, but do not delete it or its records while the case runs unless your lawyer says so.',
    steps: [
      'Screenshot the listing and export its orders and sales first; the lawyer needs them.',
      'Take the listing offline now (see the steps below). Do not delete it until the lawyer says so.',
      'Do not upload the same product again under a new listing or after moving warehouse.',
    ],
    citations: [g('1.1', Q.takeOff), g('1.1', Q.noRelist)],
    facts: ['facts#us.keep-evidence', 'facts#ae.relist-violation'],
  },
  {
    id: 'delist_now',
    variant: 'infringing',
    title: 'Delist the listing now',
    when: { is: { usesTheirIp: ['yes'], rights: ['none'] }, not: { listingIsOurs: ['no'] } },
    reason:
      'The listing carries someone else’s mark, design or work and you hold no rights: take it down now rather than wait for more complaints, and do not relist it under a new listing.',
    steps: [
      'Screenshot the listing and save its sales records first (a lawyer may need them).',
      'Delete the listing (do not only take it offline; see the delist steps below).',
      'Do not upload the same product again under a new listing or after moving warehouse.',
    ],
    citations: [g('1.1', Q.takeOff), g('1.1', Q.noRelist), g('1.2', Q.reportsAgain)],
    facts: ['facts#ae.offline-still-checked', 'facts#ae.relist-violation', 'facts#ae.penalties'],
  },
  {
    id: 'lawyer_escalation',
    variant: 'keep_selling',
    title: 'Escalate to a US lawyer to keep selling',
    when: {
      is: { usesTheirIp: ['yes'], rights: ['none'], inventory: ['large_keep_selling'] },
      not: { listingIsOurs: ['no'] },
    },
    reason:
      'The stock is large and you want to keep selling: reach the rights holder (or its law firm) only through a US lawyer who knows these cases, not directly.',
    steps: [
      'Keep the listing down while the lawyer talks to the rights holder.',
      'Send the lawyer-escalation note below to legal.',
      'Do not email the rights holder or its law firm yourself.',
    ],
    citations: [g('1.3', Q.keepSelling), g('1.3', Q.noDirectEmail), g('1.3', Q.noReply)],
    facts: ['facts#us.lawyer-not-seller'],
  },
  {
    id: 'dispute_reply',
    variant: 'not_ours',
    title: 'Dispute: the listing was never ours',
    when: { is: { listingIsOurs: ['no'], notice: ['platform_complaint'] } },
    reason:
      'The reported listing never appeared in your store: write to the platform, explain, and ask it to restore the store’s normal state.',
    steps: [
      'Check your product library (online and offline) to be sure the id was never yours.',
      'Send the dispute reply below to the platform, calm and factual.',
    ],
    citations: [g('2.1', Q.notOurs), g('2.2', Q.calm)],
    facts: [
      'facts#ae.counter-notice-window',
      'facts#amazon.clear-complaint',
      'facts#dispute.tone-and-structure',
    ],
  },
  {
    id: 'dispute_reply',
    variant: 'non_infringement',
    title: 'Dispute: no infringement',
    when: {
      is: {
        usesTheirIp: ['no'],
        notice: ['platform_complaint'],
        ipType: ['trademark', 'design_patent', 'copyright'],
      },
      not: { listingIsOurs: ['no'] },
    },
    reason: 'The product does not use their right. ',
    reasonBy: { key: 'complainantContact', values: CONTACT_REASONS },
    steps: [
      'Gather the evidence that fits the right named (see the draft’s attachment list).',
      'Send the dispute reply below to the platform before the counter-notice deadline. Get it right the first time: later appeals are harder.',
    ],
    citations: [g('2.1', Q.nonInfringement), g('2.2', Q.calm)],
    citationsWhen: [{ when: { is: { ipType: ['design_patent'] } }, citations: [g('2.2', Q.designDiffs)] }],
    facts: [
      'facts#ae.counter-notice-window',
      'facts#dispute.first-time-right',
      'facts#dispute.contact-complainant',
    ],
  },
  {
    id: 'dispute_reply',
    variant: 'rights',
    title: 'Dispute: you hold the rights',
    when: {
      is: { usesTheirIp: ['yes', 'unsure'], rights: ['own', 'authorized'], notice: ['platform_complaint'] },
      not: { listingIsOurs: ['no'] },
    },
    reason: 'You hold the rights to what the complaint names. ',
    reasonBy: { key: 'complainantContact', values: CONTACT_REASONS },
    steps: [
      'Attach the registration certificate, or the authorization letter valid on the complaint date, or recent invoices from the brand owner that match the product.',
      'Send the dispute reply below to the platform before the counter-notice deadline.',
    ],
    citations: [g('2.1', Q.nonInfringement), g('2.2', Q.calm)],
    facts: ['facts#ae.evidence', 'facts#ae.counter-notice-window', 'facts#amazon.clear-complaint'],
  },
  {
    id: 'legal_opinion',
    variant: 'letter',
    title: 'A letter from their side: legal answers it, not you',
    when: { is: { notice: ['rights_holder_letter'] } },
    reason:
      'A letter from the rights holder or its law firm: do not answer it or email the firm yourself. Send it to legal with the note below; if an answer is needed, a US lawyer sends it.',
    steps: [
      'Do not reply to the letter, sign anything, or pay.',
      'Send the letter (with its email headers) and the note below to legal.',
      'If you are not sure the product uses their right, take the listing offline while legal looks.',
    ],
    citations: [g('1.3', Q.noDirectEmail), g('1.3', Q.noReply)],
    facts: ['facts#us.lawyer-not-seller', 'facts#us.verify-case'],
  },
  {
    id: 'legal_opinion',
    variant: 'check_first',
    title: 'Check with legal before you dispute',
    when: {
      is: { usesTheirIp: ['no'], notice: ['platform_complaint'], ipType: ['utility_patent', 'unknown'] },
      not: { listingIsOurs: ['no'] },
    },
    reason:
      'A dispute needs analytical evidence that the product does not infringe: a utility patent is judged by its claims, and a right you cannot name cannot be answered point by point. Ask legal first; the counter-notice deadline still runs.',
    steps: [
      'Find in the complaint the right it names (patent or registration number, country).',
      'Send the case to legal with the complaint today, so the dispute can go out before the counter-notice deadline.',
      'Keep the listing as it is unless legal says otherwise.',
    ],
    citations: [g('2.1', Q.nonInfringement), g('2.2', Q.calm)],
    facts: [
      'facts#ip.utility-patent-claims',
      'facts#ae.counter-notice-window',
      'facts#dispute.first-time-right',
    ],
  },
  {
    id: 'legal_opinion',
    variant: 'unsure',
    title: 'Not sure: judge it, and ask legal',
    when: {
      is: { usesTheirIp: ['unsure'], rights: ['none'] },
      not: { notice: ['court_or_tro'], listingIsOurs: ['no'] },
    },
    reason:
      'You are not sure the product uses their right: judge it with the test below, and if still unsure ask legal for an opinion; take the listing offline meanwhile.',
    steps: [
      'Trademark: is their name or logo on the product, packaging, photos or title?',
      'Design patent: would an ordinary buyer take the overall look for theirs?',
      'Copyright: are their photos, artwork or text in your listing?',
      'Take the listing offline now (not delete: legal may clear it), and send the case to legal for an opinion.',
    ],
    citations: [g('1.1', Q.takeOff)],
    facts: [
      'facts#ip.trademark-confusion',
      'facts#ip.design-ordinary-observer',
      'facts#ip.copyright-evidence',
    ],
  },
  {
    id: 'store_sweep',
    variant: 'always',
    title: 'Sweep the rest of the store',
    when: {},
    reason:
      'After any complaint, check the rest of the store for listings at risk (the complainant’s brand first): repeated complaints can freeze or close the store.',
    steps: [
      'Search your listings, online and offline, for the complainant’s brand name and logo.',
      'Look for designs like the one reported and for photos you did not shoot.',
      'Delete what infringes; do not relist it.',
    ],
    citations: [g('3.1', Q.otherRisks), g('3.1', Q.lookCarefully), g('3.2', Q.frozen)],
    facts: ['facts#sweep.audit-store', 'facts#ae.penalties'],
  },
];
