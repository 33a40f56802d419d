import { nextDeadline } from '../decision/deadlines.js';
import type { CaseRecord, Escalation } from '../model/case-record.js';
import { formatDay } from '../model/dates.js';
import type { Outcome } from './outcome.js';

// The case's post in the legal channel, as data: what legal reads at a glance (the case, the listing, who
// escalated, the routes, the next deadline, where it stands) and which of legal's buttons it offers. Slack
// and Teams only lay it out, so the words and the rule "a resolved case offers no buttons" exist once.

export type LegalButton = 'acknowledge' | 'request_info' | 'resolve';

export interface LegalPost {
  caseId: string;
  urgent: boolean;
  /** "aliexpress listing 1005…", or that the listing is not given yet. */
  listing: string;
  /** The person who escalated (a platform id: each channel names people its own way). */
  seller: string;
  routes: string[];
  deadline?: { label: string; day: string };
  status: {
    state: Escalation['status'];
    word: string;
    /** Who acknowledged or resolved it, when known. */
    by?: string;
    /** Legal's outcome, as they wrote it (a resolved case). */
    resolution?: string;
  };
  buttons: LegalButton[];
  /** The post as one line, for notifications and clients without blocks or cards. */
  fallback: string;
}

const STATUS_WORD: Record<Escalation['status'], string> = {
  open: 'Waiting for legal',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export function legalPost(
  rec: CaseRecord,
  o: Outcome,
  esc: Pick<Escalation, 'status' | 'ackBy' | 'resolvedBy' | 'resolution'>,
  seller: string,
): LegalPost {
  const f = rec.state.facts;
  const urgent = o.routes.some((r) => r.urgent);
  const listing = f.listingId ? `${f.platform ?? ''} listing ${f.listingId}` : 'listing not given yet';
  const d = nextDeadline(o.deadlines);
  const by =
    esc.status === 'acknowledged' ? esc.ackBy : esc.status === 'resolved' ? esc.resolvedBy : undefined;
  return {
    caseId: rec.id,
    urgent,
    listing,
    seller,
    routes: o.routes.map((r) => r.title),
    ...(d ? { deadline: { label: d.label, day: formatDay(d.date) } } : {}),
    status: {
      state: esc.status,
      word: STATUS_WORD[esc.status],
      ...(by ? { by } : {}),
      ...(esc.status === 'resolved' && by ? { resolution: esc.resolution ?? '' } : {}),
    },
    buttons:
      esc.status === 'resolved'
        ? []
        : esc.status === 'open'
          ? ['acknowledge', 'request_info', 'resolve']
          : ['request_info', 'resolve'],
    fallback: `${urgent ? 'URGENT: ' : ''}${rec.id} escalated to legal (${listing})`,
  };
}

/** The label of legal's "Request info" box (a Slack modal, a Teams card form). */
export const askLabel = (caseId: string) => `What do you need from the seller for ${caseId}?`;
/** The label of legal's "Resolve" box: the outcome goes to the seller as written. */
export const outcomeLabel = (caseId: string) => `Outcome for ${caseId} (the seller will see it)`;
