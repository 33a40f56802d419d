import type { Route } from '../core/decide.js';
import {
  commonVars,
  type DraftInput,
  differencesList,
  evidenceFor,
  lawyerVars,
  noInfringementPoints,
  retractionReason,
  rightsStatement,
} from './draft-vars.js';
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
  if (route.variant === 'not_ours') return { name: 'dispute-not-ours', vars: base };
  if (route.variant === 'rights') {
    return {
      name: 'dispute-rights',
      vars: { ...base, rightsStatement: rightsStatement(facts, details), evidenceList: evidenceFor(facts) },
    };
  }
  if (facts.ipType === 'design_patent') {
    return {
      name: 'dispute-design-patent',
      vars: {
        ...base,
        patentNumber: '[FILL IN: patent number from the complaint]',
        differencesList: differencesList(details),
        evidenceList: evidenceFor(facts),
      },
    };
  }
  if (facts.ipType === 'copyright')
    return { name: 'dispute-copyright', vars: { ...base, evidenceList: evidenceFor(facts) } };
  return {
    name: 'dispute-no-infringement',
    vars: { ...base, points: noInfringementPoints(facts), evidenceList: evidenceFor(facts) },
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

/** Extra drafts that fit but are optional: a polite retraction request before disputing (guidance §2). */
export function buildOptionalDrafts(input: DraftInput, templates: Templates): Draft[] {
  const dispute = input.routes.find((r) => r.id === 'dispute_reply');
  if (!dispute || input.facts.complainantContact === 'no_reply') return [];
  const vars = {
    ...commonVars(input),
    reasonLine: retractionReason(dispute.variant, input.facts, input.details),
  };
  return [make(templates, 'retraction-request', vars)];
}

export const TEMPLATE_NAMES = [
  'dispute-not-ours',
  'dispute-rights',
  'dispute-no-infringement',
  'dispute-design-patent',
  'dispute-copyright',
  'lawyer-escalation',
  'retraction-request',
] as const;
