import type { CaseState } from './case-state.js';

// A case as a list shows it: enough to filter by team and sort by deadline, without the whole record.

export interface OpenCaseSummary {
  id: string;
  platform?: string;
  listingId?: string;
  status: CaseState['status'];
  updatedAt: string;
  openedBy: string;
  /** The conversation it started in (e.g. slack:T…:C…:ts), to filter by workspace. */
  conversation?: string;
  facts: CaseState['facts'];
  /** The case's details: a TRO issue date or a letter's reply date moves its deadlines. */
  details?: CaseState['details'];
  escalation?: 'open' | 'acknowledged' | 'resolved';
}
