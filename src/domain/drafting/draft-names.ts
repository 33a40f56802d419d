import type { DraftKind } from './template.js';

// What each draft is called, and who it goes to: one table for every renderer and the `draft` command.

interface DraftName {
  name: string;
  to: string;
  /** Offered beside the drafts the routes call for, not instead of them. */
  optional: boolean;
  /** What a seller types to see it again. */
  say: string;
}

const NAMES: Record<DraftKind, DraftName> = {
  dispute_reply: { name: 'Dispute reply', to: 'to the platform', optional: false, say: 'draft dispute' },
  lawyer_escalation: { name: 'Lawyer-escalation note', to: 'to legal', optional: false, say: 'draft note' },
  retraction_request: {
    name: 'Retraction request',
    to: 'to the complainant',
    optional: true,
    say: 'draft retraction',
  },
  plan_of_action: { name: 'Plan of action', to: 'to Amazon', optional: true, say: 'draft plan' },
};

/** "Retraction request (to the complainant, optional)"; without `optional`, the title alone. */
export function draftTitle(kind: DraftKind, o: { optional?: boolean; lower?: boolean } = {}): string {
  const n = NAMES[kind];
  const title = `${n.name} (${n.to}${o.optional && n.optional ? ', optional' : ''})`;
  return o.lower ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title;
}

export function draftSay(kind: DraftKind): string {
  return NAMES[kind].say;
}
