import type { Route } from '../decision/decide.js';
import {
  commonVars,
  type DraftInput,
  differencesList,
  evidenceFor,
  noInfringementPoints,
  retractionReason,
  rightsArgument,
  rightsStatement,
  withdrawHow,
} from './draft-vars.js';
import { lawyerVars } from './lawyer-vars.js';
import { type DraftKind, renderTemplate, requireTemplate, type Templates } from './template.js';

export interface Draft {
  kind: DraftKind;
  /** Which template made it, e.g. `dispute-design-patent`. */
  template: string;
  subject: string;
  body: string;
  /** How many [FILL IN: …] placeholders are left for a person to complete. */
  placeholders: number;
}

function make(templates: Templates, name: string, vars: Record<string, string>): Draft {
  const t = requireTemplate(templates, name);
  const { subject, body } = renderTemplate(t, vars);
  const placeholders = (`${subject}\n${body}`.match(/\[FILL IN:/g) ?? []).length;
  return { kind: t.kind, template: name, subject, body, placeholders };
}

function disputeTemplate(route: Route, input: DraftInput): { name: string; vars: Record<string, string> } {
  const base = commonVars(input);
  const { facts, details } = input;
  // A no-infringement dispute argues the product, not the seller's own registration (no defence to theirs).
  const evidenceList = evidenceFor(
    route.variant === 'rights' ? facts : { ...facts, rights: undefined },
    details,
  );
  if (route.variant === 'not_ours') {
    const libraryText =
      facts.platform === 'amazon'
        ? 'inventory (Manage All Inventory, active and inactive listings)'
        : 'product library, either online or offline';
    return { name: 'dispute-not-ours', vars: { ...base, libraryText } };
  }
  if (route.variant === 'rights') {
    return {
      name: 'dispute-rights',
      vars: {
        ...base,
        rightsStatement: rightsStatement(facts, details),
        ...rightsArgument(details),
        evidenceList,
      },
    };
  }
  if (facts.ipType === 'design_patent') {
    return {
      name: 'dispute-design-patent',
      vars: {
        ...base,
        // The numbers the seller typed or the notice gave; else the one thing to copy from the complaint.
        patentNumber: details.ipNumbers?.length
          ? details.ipNumbers.join(', ')
          : '[FILL IN: patent number from the complaint]',
        differencesList: differencesList(details),
        evidenceList,
      },
    };
  }
  if (facts.ipType === 'copyright') return { name: 'dispute-copyright', vars: { ...base, evidenceList } };
  return {
    name: 'dispute-no-infringement',
    vars: { ...base, points: noInfringementPoints(facts), evidenceList },
  };
}

/** The drafts the routes call for (contract kinds), filled from the case. */
export function buildDrafts(input: DraftInput, templates: Templates): Draft[] {
  const drafts: Draft[] = [];
  const dispute = input.routes.find((r) => r.id === 'dispute_reply');
  if (dispute) {
    const { name, vars } = disputeTemplate(dispute, input);
    drafts.push(make(templates, name, vars));
  }
  if (input.routes.some((r) => r.id === 'lawyer_escalation' || r.id === 'legal_opinion')) {
    drafts.push(buildLawyerNote(input, templates));
  }
  return drafts;
}

/** The lawyer-escalation note for any case: the routes decide its urgency and its asks. */
export function buildLawyerNote(input: DraftInput, templates: Templates): Draft {
  return make(templates, 'lawyer-escalation', lawyerVars(input));
}

/** The route a polite retraction request fits: a dispute, or an Amazon patent complaint (guidance §2). */
function retractionRoute(input: DraftInput): Route | undefined {
  return (
    input.routes.find((r) => r.id === 'dispute_reply') ??
    input.routes.find((r) => r.id === 'legal_opinion' && r.variant === 'amazon_patent')
  );
}

/**
 * Extra drafts that fit but are optional: a polite retraction request before disputing (guidance §2), and
 * for a valid Amazon complaint the plan of action Amazon expects instead of an argument.
 */
export function buildOptionalDrafts(input: DraftInput, templates: Templates): Draft[] {
  const out: Draft[] = [];
  const route = retractionRoute(input);
  if (route && input.facts.complainantContact !== 'no_reply') {
    const vars = {
      ...commonVars(input),
      reasonLine: retractionReason(route.variant, input.facts, input.details),
      withdrawHow: withdrawHow(input.facts),
    };
    out.push(make(templates, 'retraction-request', vars));
  }
  const delist = input.routes.find((r) => r.id === 'delist_now');
  // Not while a lawyer negotiates to keep selling: a plan of action would promise the opposite.
  const keepSelling = input.routes.some((r) => r.id === 'lawyer_escalation' && r.variant === 'keep_selling');
  // Nor when nothing may be deleted: the plan says the offer was deleted.
  const keeps = input.actions.some((a) => a.keepsEvidence);
  if (delist?.variant === 'infringing' && input.facts.platform === 'amazon' && !keepSelling && !keeps)
    out.push(make(templates, 'plan-of-action', commonVars(input)));
  return out;
}

export const TEMPLATE_NAMES = [
  'dispute-not-ours',
  'dispute-rights',
  'dispute-no-infringement',
  'dispute-design-patent',
  'dispute-copyright',
  'lawyer-escalation',
  'retraction-request',
  'plan-of-action',
] as const;
