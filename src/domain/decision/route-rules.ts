import type { FactKey } from '../model/facts.js';
import type { CitationRef } from '../model/knowledge-base.js';
import type { Condition } from './conditions.js';
import { GUIDANCE_QUOTES as Q } from './route-quotes.js';
import {
  AMAZON_APPEAL_STEP,
  CONTACT_REASONS,
  CONTACT_REASONS_AMAZON,
  PRESERVE_REASONS,
} from './route-wording.js';

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

/** Wording for a narrower case of the same route (Amazon has no counter-notice window; a court case keeps its evidence). */
export interface RouteOverride {
  when: Condition;
  title?: string;
  reason?: string;
  reasonBy?: ReasonBy;
  steps?: string[];
  facts?: string[];
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
  /** The first override whose condition holds replaces the fields it names. */
  overrides?: RouteOverride[];
}

/** The store sweep ipcheck runs itself (src/sweep): offered in every outcome. */
const SWEEP_STEP =
  'Let ipcheck do the first pass: share your listing export (CSV) in this case’s chat thread, or run `ipcheck sweep listings.csv --brand <their brand>`; it lists every listing that carries a well-known mark, with its delist action.';

const COURT: Condition['is'] = { notice: ['court_or_tro'] };
/** A court case or a letter from their side: a lawsuit runs or may follow, so everything is evidence. */
const LITIGATION: Condition['is'] = { notice: ['court_or_tro', 'rights_holder_letter'] };
const NOT_OURS: Condition['not'] = { listingIsOurs: ['no'] };
const AMAZON: Condition = { is: { platform: ['amazon'] } };

const g = (section: string, quote: string): CitationRef => ({ ref: `guidance#${section}`, quote });

const GATHER_EVIDENCE = 'Gather the evidence that fits the right named (see the draft’s attachment list).';
const RIGHTS_STEPS = [
  'With an authorization letter: attach it, signed by the rights owner and valid on the complaint date.',
  'With invoices only: say the goods are genuine and attach the invoices that trace them to the brand owner or its authorized distributor; do not call yourself authorized, and use only photos you took yourself.',
];

/** The shared body of the two no-infringement dispute rules. */
const NON_INFRINGEMENT: Pick<
  RouteRule,
  'title' | 'reason' | 'reasonBy' | 'steps' | 'citations' | 'citationsWhen' | 'facts' | 'overrides'
> = {
  title: 'Dispute: no infringement',
  reason: 'The product does not use their right. ',
  reasonBy: { key: 'complainantContact', values: CONTACT_REASONS },
  steps: [
    GATHER_EVIDENCE,
    'Send the dispute reply below to the platform before the counter-notice deadline. Get it right the first time: later appeals are harder.',
  ],
  citations: [g('2.1', Q.nonInfringement), g('2.2', Q.calm)],
  citationsWhen: [{ when: { is: { ipType: ['design_patent'] } }, citations: [g('2.2', Q.designDiffs)] }],
  facts: [
    'facts#ae.counter-notice-window',
    'facts#dispute.first-time-right',
    'facts#dispute.contact-complainant',
  ],
  overrides: [
    {
      // An appeal explains; a formal DMCA counter-notice is a legal act (it consents to a US court).
      when: { is: { platform: ['amazon'], ipType: ['copyright'] } },
      reasonBy: { key: 'complainantContact', values: CONTACT_REASONS_AMAZON },
      steps: [
        GATHER_EVIDENCE,
        AMAZON_APPEAL_STEP,
        'The draft is an appeal, not a formal DMCA counter-notice: if Amazon asks for one, send it to legal first, because it consents to a US court hearing the case.',
      ],
      facts: ['facts#amazon.clear-complaint', 'facts#amazon.attachments', 'facts#ip.copyright-evidence'],
    },
    {
      when: AMAZON,
      reasonBy: { key: 'complainantContact', values: CONTACT_REASONS_AMAZON },
      steps: [GATHER_EVIDENCE, AMAZON_APPEAL_STEP],
      facts: ['facts#amazon.clear-complaint', 'facts#amazon.attachments', 'facts#dispute.first-time-right'],
    },
  ],
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
      'Take the accused product off sale on every channel now, and delete nothing (see below).',
      'Do not email or pay the plaintiff’s law firm yourself, and pay no link or amount from any email; let the lawyer make contact.',
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
    // Whatever the seller says about infringement: in a court case or after a demand letter the listing
    // and its records are evidence. Off sale at once, deleted only when the lawyer says so.
    id: 'delist_now',
    variant: 'preserve',
    title: 'Take it off sale everywhere now, and delete nothing',
    when: { is: LITIGATION, not: NOT_OURS },
    reason: '',
    reasonBy: { key: 'notice', values: PRESERVE_REASONS },
    steps: [
      'Before you change anything, save the evidence: screenshots of the listing (title, every photo, price) and exports of its orders, sales and buyer messages.',
      'Take the accused product off sale now on every channel: this listing, any copy of it, and the same product in your other stores, marketplaces and your own site (take offline or close; do not delete).',
      'Delete nothing (listings, photos, orders, sales records, messages), and do not sell off or throw away the stock, until the lawyer says so, even if the product does infringe.',
      'Do not upload the same product again under a new listing or after moving warehouse.',
    ],
    citations: [g('1.1', Q.takeOff), g('1.1', Q.noRelist)],
    // The guidance's TRO sentence is about court cases: it is not credited for a letter.
    citationsWhen: [{ when: { is: COURT }, citations: [g('1.3', Q.troLawyer)] }],
    facts: ['facts#us.keep-evidence', 'facts#us.preserve-on-letter', 'facts#ae.relist-violation'],
  },
  {
    id: 'delist_now',
    variant: 'infringing',
    title: 'Delist the listing now',
    when: { is: { usesTheirIp: ['yes'], rights: ['none'] }, not: NOT_OURS },
    reason:
      'The listing carries someone else’s mark, design or work and you hold no rights: take it down now rather than wait for more complaints, and do not relist it under a new listing.',
    steps: [
      'Screenshot the listing and export its sales records first, and keep them: only the listing is deleted.',
      'Delete the listing (do not only take it offline; see the delist steps below).',
      'Do not upload the same product again under a new listing or after moving warehouse.',
    ],
    citations: [g('1.1', Q.takeOff), g('1.1', Q.noRelist), g('1.2', Q.reportsAgain)],
    facts: ['facts#ae.offline-still-checked', 'facts#ae.relist-violation', 'facts#ae.penalties'],
    overrides: [
      {
        // A lawyer is about to talk to the rights holder: a claim may follow, so the listing is kept, not deleted.
        when: { is: { inventory: ['large_keep_selling'] } },
        title: 'Take the listing off sale now, and keep it',
        steps: [
          'Screenshot the listing and export its sales records first, and keep them.',
          'Take the listing offline now (see the steps below), but do not delete it while the lawyer talks to the rights holder: a claim may follow, and it is evidence.',
          'Do not upload the same product again under a new listing or after moving warehouse.',
        ],
        facts: ['facts#us.preserve-on-letter', 'facts#ae.relist-violation', 'facts#ae.penalties'],
      },
      {
        // A lawyer, a demand or a court was mentioned, or what arrived is not confirmed as a platform
        // complaint: a lawsuit may follow, so the listing comes down but is kept (litigation.ts mustPreserve).
        when: { preserve: true },
        title: 'Take the listing off sale now, and keep it',
        reason:
          'The listing carries someone else’s mark, design or work and you hold no rights: take it off sale now, and do not relist it. Keep it and its records rather than delete them: a lawyer, a demand or a court may be involved, or what you received is not confirmed as a platform complaint.',
        steps: [
          'Screenshot the listing and export its sales records first, and keep them.',
          'Take the listing offline now (see the steps below), and delete nothing (listing, photos, orders, sales records, messages) until legal has seen the case.',
          'Do not upload the same product again under a new listing or after moving warehouse.',
        ],
        facts: ['facts#us.preserve-on-letter', 'facts#ae.relist-violation', 'facts#ae.penalties'],
      },
      {
        when: AMAZON,
        steps: [
          'Screenshot the listing and download its sales report first, and keep them: only the listing is deleted.',
          'Delete the product and listing (Close listing only hides it; see the steps below).',
          'Do not argue the complaint: once the listing is gone, send Amazon a short, neutral plan of action (optional draft below), after legal has read it.',
          'Do not create a new listing or ASIN for the same product.',
        ],
        facts: ['facts#amazon.plan-of-action', 'facts#amazon.account-health', 'facts#dispute.admit-if-valid'],
      },
    ],
  },
  {
    id: 'lawyer_escalation',
    variant: 'keep_selling',
    title: 'Escalate to a US lawyer to keep selling',
    when: {
      is: { usesTheirIp: ['yes'], rights: ['none'], inventory: ['large_keep_selling'] },
      not: NOT_OURS,
    },
    reason:
      'The stock is large and you want to keep selling: reach the rights holder (or its law firm) only through a US lawyer who knows these cases, not directly.',
    steps: [
      'Keep the listing off sale while the lawyer talks to the rights holder.',
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
    when: {
      is: { usesTheirIp: ['no'], notice: ['platform_complaint'], ipType: ['trademark', 'copyright'] },
      not: NOT_OURS,
    },
    ...NON_INFRINGEMENT,
  },
  {
    // Amazon does not judge patents itself: its design-patent cases go to legal (amazon_patent), not to a dispute.
    id: 'dispute_reply',
    variant: 'non_infringement',
    when: {
      is: { usesTheirIp: ['no'], notice: ['platform_complaint'], ipType: ['design_patent'] },
      not: { ...NOT_OURS, platform: ['amazon'] },
    },
    ...NON_INFRINGEMENT,
  },
  {
    // Only an authorization (a letter) or genuine goods (invoices): owning a right of one's own is no answer
    // to someone else's, so `rights=own` goes to legal (own_right) instead.
    id: 'dispute_reply',
    variant: 'rights',
    title: 'Dispute: genuine goods (invoices), or the owner’s signed letter',
    when: {
      is: { usesTheirIp: ['yes', 'unsure'], rights: ['authorized'], notice: ['platform_complaint'] },
      not: NOT_OURS,
    },
    reason:
      'You sell genuine goods bought from the owner or its authorized distributor (invoices), or hold the owner’s signed authorization letter: show the platform the documents. ',
    reasonBy: { key: 'complainantContact', values: CONTACT_REASONS },
    steps: [
      ...RIGHTS_STEPS,
      'Send the dispute reply below to the platform before the counter-notice deadline.',
    ],
    citations: [g('2.1', Q.nonInfringement), g('2.2', Q.calm)],
    facts: ['facts#ae.evidence', 'facts#ip.first-sale', 'facts#ae.counter-notice-window'],
    overrides: [
      {
        when: AMAZON,
        reasonBy: { key: 'complainantContact', values: CONTACT_REASONS_AMAZON },
        steps: [...RIGHTS_STEPS, AMAZON_APPEAL_STEP],
        facts: ['facts#amazon.dispute-documents', 'facts#ip.first-sale', 'facts#amazon.attachments'],
      },
    ],
  },
  {
    id: 'legal_opinion',
    variant: 'letter',
    title: 'A letter from their side: legal answers it, not you',
    when: { is: { notice: ['rights_holder_letter'] } },
    reason:
      'A letter from the rights holder or its law firm: do not answer it or email the firm yourself, and do not ignore it. Send it to legal with the note below; if an answer is needed, a US lawyer sends it.',
    steps: [
      'Do not reply to the letter, sign anything, or pay (no payment link, no amount it demands).',
      'Send the letter (with its email headers) and the note below to legal today; if it sets a reply date, legal needs it well before then.',
      'Do not ignore it either: an unanswered letter is often followed by a lawsuit, which legal may still head off.',
    ],
    citations: [g('1.3', Q.noDirectEmail), g('1.3', Q.noReply), g('1.3', Q.compensation)],
    facts: ['facts#us.lawyer-not-seller', 'facts#us.verify-case', 'facts#us.preserve-on-letter'],
  },
  {
    id: 'legal_opinion',
    variant: 'own_right',
    title: 'Your own right may not answer theirs: ask legal first',
    when: {
      is: { usesTheirIp: ['yes', 'unsure'], rights: ['own'] },
      not: { ...NOT_OURS, notice: ['court_or_tro'] },
    },
    reason:
      'A patent or mark of your own is not, by itself, an answer to someone else’s: a product can carry your own patent and still infringe theirs. Unless the complaint names your very registration, legal compares the two before any dispute; the counter-notice deadline still runs.',
    steps: [
      'Find the right the complaint names (its number and country) and put it next to your own registration number.',
      'If it is your very registration, tell legal: the dispute is then short, with your certificate.',
      'Otherwise send the case to legal today with both registrations, and take the listing offline (do not delete it) while legal compares them.',
    ],
    citations: [g('2.1', Q.nonInfringement), g('2.2', Q.calm)],
    facts: ['facts#ip.own-right-no-defence', 'facts#ip.own-trademark', 'facts#ae.counter-notice-window'],
    overrides: [
      {
        when: AMAZON,
        reason:
          'A patent or mark of your own is not, by itself, an answer to someone else’s: a product can carry your own patent and still infringe theirs. Unless the complaint names your very registration, legal compares the two before you appeal.',
        facts: ['facts#ip.own-right-no-defence', 'facts#amazon.clear-complaint'],
      },
    ],
  },
  {
    id: 'legal_opinion',
    variant: 'amazon_patent',
    title: 'Amazon patent complaint: a retraction, backed by a lawyer’s opinion',
    when: {
      is: {
        platform: ['amazon'],
        notice: ['platform_complaint'],
        ipType: ['design_patent', 'utility_patent'],
        usesTheirIp: ['no'],
      },
      not: NOT_OURS,
    },
    reason:
      'Amazon is reported not to judge patent infringement itself, so your own arguments rarely bring the listing back. The usual way back is the patent owner’s retraction, backed by a US patent attorney’s written non-infringement opinion; for a utility patent the owner may instead start Amazon’s APEX evaluation, which has a short window to answer.',
    steps: [
      'Send the case to legal today for a US patent attorney’s non-infringement opinion letter.',
      'With the opinion in hand, legal asks the patent owner to retract, or tells you to (optional draft below, for after the opinion): Amazon accepts only a retraction the owner sends itself.',
      'Utility patent: if Amazon’s email mentions APEX or a neutral patent evaluation, send it to legal today (about three weeks to answer; no answer loses the listing).',
      'Do not list the product again under a new ASIN meanwhile.',
    ],
    citations: [g('2.1', Q.nonInfringement), g('2.2', Q.calm)],
    facts: ['facts#amazon.patent-complaints', 'facts#amazon.apex', 'facts#amazon.retraction-how'],
  },
  {
    id: 'legal_opinion',
    variant: 'check_first',
    title: 'Check with legal before you dispute',
    when: {
      is: { usesTheirIp: ['no'], notice: ['platform_complaint'], ipType: ['utility_patent', 'unknown'] },
      not: NOT_OURS,
    },
    reason:
      'A dispute needs analytical evidence that the product does not infringe: a utility patent is judged by its claims, and a right you cannot name cannot be answered point by point. Ask legal first; the counter-notice deadline still runs.',
    steps: [
      'Find in the complaint the right it names (patent or registration number, country).',
      'Send the case to legal with the complaint today, so the dispute can go out before the counter-notice deadline.',
      'Leave the listing as it is (do not delete it) unless legal says otherwise.',
    ],
    citations: [g('2.1', Q.nonInfringement), g('2.2', Q.calm)],
    facts: [
      'facts#ip.utility-patent-claims',
      'facts#ae.counter-notice-window',
      'facts#dispute.first-time-right',
    ],
    overrides: [
      {
        when: AMAZON,
        reason:
          'A dispute needs analytical evidence that the product does not infringe, and a right you cannot name cannot be answered point by point. Ask legal first; the listing stays down until an appeal or a retraction clears it.',
        steps: [
          'Find in the complaint the right it names (patent or registration number, country).',
          'Send the case to legal with the complaint today.',
          'Leave the listing as it is (do not delete it) unless legal says otherwise.',
        ],
        facts: [
          'facts#ip.utility-patent-claims',
          'facts#amazon.clear-complaint',
          'facts#dispute.first-time-right',
        ],
      },
    ],
  },
  {
    id: 'legal_opinion',
    variant: 'unsure',
    title: 'Not sure: judge it, and ask legal',
    when: {
      is: { usesTheirIp: ['unsure'], rights: ['none'] },
      not: { ...NOT_OURS, notice: ['court_or_tro'] },
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
    // A platform complaint with a lawyer, a demand or a court in the seller's words: nothing is deleted
    // (mustPreserve), so legal must see the case, or "until legal has seen it" would wait for nobody.
    id: 'legal_opinion',
    variant: 'lawyer_sign',
    title: 'A lawyer may be involved: show legal before anything is deleted',
    when: { is: { notice: ['platform_complaint'] }, preserve: true },
    reason:
      'You mentioned a lawyer, a law firm, a demand for money or a court. A complaint that a law firm files or follows up is often the first step towards a letter or a US lawsuit, and from then on the listing and its records are evidence: send the case to legal, keep everything, and let legal say what may be deleted. Any counter-notice deadline still runs.',
    steps: [
      'Send the case to legal today with the lawyer-escalation note below, the complaint, and any email from the firm or the brand (with its headers).',
      'Take listings offline rather than delete them, and delete no records, until legal answers.',
      'Do not reply to, sign for or pay the firm or the brand yourself.',
    ],
    citations: [g('1.3', Q.noDirectEmail), g('1.3', Q.noReply)],
    facts: ['facts#us.preserve-on-letter', 'facts#us.lawyer-not-seller', 'facts#us.verify-case'],
  },
  {
    id: 'store_sweep',
    variant: 'always',
    title: 'Sweep the rest of the store',
    when: {},
    reason:
      'After any complaint, check the rest of the store for listings at risk (the complainant’s brand first): repeated complaints can freeze or close the store.',
    steps: [
      SWEEP_STEP,
      'Search your listings, online and offline, for the complainant’s brand name and logo.',
      'Look for designs like the one reported and for photos you did not shoot.',
      'Delete what infringes; do not relist it.',
    ],
    citations: [g('3.1', Q.otherRisks), g('3.1', Q.lookCarefully), g('3.2', Q.frozen)],
    facts: ['facts#sweep.audit-store', 'facts#ae.penalties'],
    overrides: [
      {
        // While a case runs, other listings of the same brand may be part of it: off sale, not deleted.
        when: { is: LITIGATION },
        steps: [
          SWEEP_STEP,
          'Search your listings, online and offline, for the complainant’s brand name and logo.',
          'Look for designs like the one reported and for photos you did not shoot.',
          'Take what infringes off sale, but delete nothing while the case runs: screenshot each one and give legal the list.',
        ],
        facts: ['facts#sweep.audit-store', 'facts#us.keep-evidence'],
      },
      {
        when: { preserve: true },
        steps: [
          SWEEP_STEP,
          'Search your listings, online and offline, for the complainant’s brand name and logo.',
          'Look for designs like the one reported and for photos you did not shoot.',
          'Take what infringes off sale, but delete nothing until legal has seen the case: screenshot each one and give legal the list.',
        ],
        facts: ['facts#sweep.audit-store', 'facts#us.preserve-on-letter'],
      },
    ],
  },
];
