import { z } from 'zod';

// The drafts a case can have: a stored case names them, so the name lives with the case model.

export const DraftKind = z.enum([
  'dispute_reply',
  'lawyer_escalation',
  'retraction_request',
  'plan_of_action',
]);
export type DraftKind = z.infer<typeof DraftKind>;
