import type { AuditEntry, CaseRecord, SavedDraft } from '../model/case-record.js';

// What legal and the team do to a case outside the guided questions — escalate, acknowledge, ask,
// answer, resolve, edit and send drafts — as pure changes to the record, each with its audit entry.
// Channels (Slack now, Teams next) call these inside CaseRepository.update, so every change is applied
// under the case's lock to the latest record, and the rules live in one place.

type DraftKind = SavedDraft['kind'];

export interface Actor {
  who: string;
  at: string;
}

const note = (rec: CaseRecord, a: Actor, action: AuditEntry['action'], detail?: string): AuditEntry[] => [
  ...rec.audit,
  { at: a.at, who: a.who, action, ...(detail ? { detail } : {}) },
];

/** The case's legal thread exists now. A case is escalated once: a second call changes nothing. */
export function escalated(rec: CaseRecord, a: Actor, thread: { channel: string; ts: string }): CaseRecord {
  if (rec.escalation) return rec;
  return {
    ...rec,
    escalation: {
      at: a.at,
      by: a.who,
      channel: thread.channel,
      ts: thread.ts,
      status: 'open',
      infoRequests: [],
    },
    audit: note(rec, a, 'escalated', `legal thread ${thread.channel}/${thread.ts}`),
  };
}

export function withPermalink(rec: CaseRecord, permalink: string): CaseRecord {
  return rec.escalation ? { ...rec, escalation: { ...rec.escalation, permalink } } : rec;
}

/** The lawyer note is in the legal thread (all of it; `ts` is its first message). */
export function escalationNotePosted(rec: CaseRecord, ts: string): CaseRecord {
  return rec.escalation ? { ...rec, escalation: { ...rec.escalation, noteTs: ts } } : rec;
}

/** The seller's thread was told where the legal thread is. */
export function escalationSellerTold(rec: CaseRecord, ts: string): CaseRecord {
  return rec.escalation ? { ...rec, escalation: { ...rec.escalation, sellerToldTs: ts } } : rec;
}

export type EscalationStep = 'note' | 'permalink' | 'seller';

/** What an escalation whose legal parent exists still has to do, in order (empty: finished). */
export function escalationPending(esc: NonNullable<CaseRecord['escalation']>): EscalationStep[] {
  // Escalated before the steps were recorded: the permalink was saved last but one, so it was finished.
  if (esc.permalink && esc.noteTs === undefined && esc.sellerToldTs === undefined) return [];
  const steps: EscalationStep[] = [];
  if (!esc.noteTs) steps.push('note');
  if (!esc.permalink) steps.push('permalink');
  if (!esc.sellerToldTs) steps.push('seller');
  return steps;
}

/** Legal takes the case; only the first acknowledgement counts. */
export function acknowledged(rec: CaseRecord, a: Actor): CaseRecord {
  if (rec.escalation?.status !== 'open') return rec;
  return {
    ...rec,
    escalation: { ...rec.escalation, status: 'acknowledged', ackBy: a.who, ackAt: a.at },
    audit: note(rec, a, 'legal_acknowledged'),
  };
}

/** Legal asks the seller something; only while the case is with legal and not resolved. */
export function infoRequested(rec: CaseRecord, a: Actor, question: string): CaseRecord {
  if (!rec.escalation || rec.escalation.status === 'resolved') return rec;
  return {
    ...rec,
    escalation: {
      ...rec.escalation,
      infoRequests: [...rec.escalation.infoRequests, { at: a.at, by: a.who, question }],
    },
    audit: note(rec, a, 'legal_info_requested', question.slice(0, 500)),
  };
}

/** The oldest question from legal still waiting for the seller, if any. */
export function openInfoRequest(rec: CaseRecord): number {
  return rec.escalation?.infoRequests.findIndex((q) => q.answer === undefined) ?? -1;
}

export function infoAnswered(rec: CaseRecord, a: Actor, answer: string): CaseRecord {
  const i = openInfoRequest(rec);
  if (!rec.escalation || i < 0) return rec;
  const infoRequests = rec.escalation.infoRequests.map((q, k) =>
    k === i ? { ...q, answer, answeredBy: a.who, answeredAt: a.at } : q,
  );
  return {
    ...rec,
    escalation: { ...rec.escalation, infoRequests },
    audit: note(rec, a, 'legal_info_answered', `seller answered: ${answer.slice(0, 500)}`),
  };
}

/**
 * Legal closes the matter: the case is closed with legal's outcome note. Once: a second resolve (a
 * replayed or stale form) leaves the first outcome on record.
 */
export function resolved(rec: CaseRecord, a: Actor, outcome: string): CaseRecord {
  if (!rec.escalation || rec.escalation.status === 'resolved') return rec;
  return {
    ...rec,
    status: 'closed',
    escalation: {
      ...rec.escalation,
      status: 'resolved',
      resolvedBy: a.who,
      resolvedAt: a.at,
      resolution: outcome,
    },
    audit: [
      ...note(rec, a, 'legal_resolved', outcome.slice(0, 1000)),
      { at: a.at, who: a.who, action: 'case_closed' },
    ],
  };
}

export class DraftChangedError extends Error {}

function saveDraft(rec: CaseRecord, next: SavedDraft): CaseRecord['drafts'] {
  return [...rec.drafts.filter((d) => d.kind !== next.kind), next];
}

/** An edit made from the draft as it was at `fromRev`; refused if someone saved a newer one meanwhile. */
export function draftEdited(
  rec: CaseRecord,
  a: Actor,
  kind: DraftKind,
  text: { subject: string; body: string },
  fromRev: number,
): CaseRecord {
  const saved = rec.drafts.find((d) => d.kind === kind);
  if ((saved?.rev ?? 0) !== fromRev)
    throw new DraftChangedError(`the ${kind} draft changed since revision ${fromRev}`);
  return {
    ...rec,
    drafts: saveDraft(rec, { kind, ...text, rev: fromRev + 1, editedBy: a.who, editedAt: a.at }),
    audit: note(rec, a, 'draft_edited', `${kind}: ${text.subject.slice(0, 200)}`),
  };
}

/** A person sent the draft. Recorded once: a second press leaves the first sender on record. */
export function draftSent(
  rec: CaseRecord,
  a: Actor,
  kind: DraftKind,
  draft: { subject: string; body: string },
): CaseRecord {
  const saved = rec.drafts.find((d) => d.kind === kind);
  if (saved?.sentAt) return rec;
  const edited = saved?.editedAt ? { editedAt: saved.editedAt, editedBy: saved.editedBy } : {};
  return {
    ...rec,
    drafts: saveDraft(rec, {
      kind,
      ...draft,
      rev: (saved?.rev ?? 0) + 1,
      ...edited,
      sentBy: a.who,
      sentAt: a.at,
    }),
    audit: note(rec, a, 'draft_sent', `${kind}: ${draft.subject}`),
  };
}

/** Back to the draft built from the case as it stands now (edits are dropped). */
export function draftRegenerated(rec: CaseRecord, a: Actor, kind: DraftKind): CaseRecord {
  return {
    ...rec,
    drafts: rec.drafts.filter((d) => d.kind !== kind),
    audit: note(rec, a, 'draft_created', `${kind} regenerated from the case`),
  };
}

/** The team closes the case (done, or not worth pursuing): no longer continued, listed or reminded. */
export function closedByTeam(rec: CaseRecord, a: Actor): CaseRecord {
  // Checked again under the case lock: a case escalated since the command read it is legal's to close.
  if (rec.status === 'closed' || (rec.escalation && rec.escalation.status !== 'resolved')) return rec;
  return { ...rec, status: 'closed', audit: note(rec, a, 'case_closed') };
}
