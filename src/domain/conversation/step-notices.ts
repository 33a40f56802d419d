import type { Deadline } from '../decision/deadlines.js';
import { matchFollowUp } from '../decision/follow-ups.js';
import type { CaseState } from '../model/case-state.js';
import { formatDay } from '../model/dates.js';
import type { Details, Facts } from '../model/facts.js';
import { cite } from '../model/knowledge-base.js';
import { isLitigation, mustPreserve } from '../model/litigation.js';
import { type CoreContext, deadlinesOf } from './outcome.js';
import type { Reply } from './replies.js';

// What the conversation says besides its questions: answers to follow-up questions, and the warnings that
// cannot wait for the outcome (court papers, a deletion in a court case, deadlines that just moved).

/** A follow-up question answered for this case (deleting is right after a complaint, wrong in a court case). */
export function faqReply(text: string, ctx: CoreContext, facts: Facts, details: Details): Reply | undefined {
  const f = matchFollowUp(text, facts, details);
  return f ? { kind: 'faq', text: f.answer, citations: f.citations.map((c) => cite(ctx.kb, c)) } : undefined;
}

const URGENT_NOTICE: Partial<Record<string, string>> = {
  court_or_tro:
    'Urgent: court papers, a TRO or frozen funds. Get a US lawyer who handles TRO cases today, and do not email or pay the plaintiff’s law firm yourself. Take the product off sale everywhere, and delete nothing (listings, orders, sales records, messages). A few more questions so legal gets what it needs:',
  rights_holder_letter:
    'A letter from their side: do not reply, sign or pay yourself; legal answers it. From now on delete nothing (listings, orders, sales records, messages): a lawsuit may follow. A few more questions so legal gets what it needs:',
};

/** Court papers or a letter change everything: say so at once, before the remaining questions. */
export function urgentIfCourt(before: Facts, after: Facts): Reply[] {
  const text = after.notice ? URGENT_NOTICE[after.notice] : undefined;
  if (!text || before.notice === after.notice) return [];
  return [{ kind: 'text', tone: 'urgent', text }];
}

/**
 * A sign of a lawyer, a demand or a court just read in the seller's words, on a case that is not (yet) a
 * court case or a letter: said at once, because it changes "delete" into "take offline, keep".
 */
export function legalSignsNotice(before: CaseState, after: CaseState): Reply[] {
  if (isLitigation(after.facts)) return [];
  const had = new Set(before.details.legalSigns ?? []);
  const fresh = (after.details.legalSigns ?? []).filter((s) => !had.has(s));
  if (fresh.length === 0) return [];
  return [
    {
      kind: 'text',
      tone: 'urgent',
      text: `You mentioned ${fresh.join(', ')}. Until legal has seen the case, delete nothing (listings, photos, orders, sales records, messages): take listings offline instead, and do not reply to, sign for or pay anyone yourself. If a lawyer or a court wrote to you, say so: it is a letter or a court case, not a platform complaint.`,
    },
  ];
}

/** A deletion just reported in a court case or after a letter: said at once, not only in the outcome's notes. */
export function deletionWarning(before: CaseState, after: CaseState): Reply[] {
  const litigation = mustPreserve(after.facts, after.details);
  const fresh = (after.details.deleted ?? []).filter((d) => !(before.details.deleted ?? []).includes(d));
  if (!litigation || fresh.length === 0) return [];
  return [
    {
      kind: 'text',
      tone: 'urgent',
      text: 'Stop: delete nothing more (listings, photos, orders, sales records, messages). Tell the lawyer today what was deleted and when (it is in the lawyer note), and export now whatever the platform still keeps.',
    },
  ];
}

/** A date noted after the decision (a TRO issue date, a reply-by date) that moves a deadline is shown at once. */
export function deadlinesMoved(before: CaseState, after: CaseState, ctx: CoreContext, now: Date): Reply[] {
  const line = (d: Deadline) =>
    `${d.label}: ${formatDay(d.date)}${d.urgent ? ` (${d.daysLeft === 0 ? 'TODAY' : 'tomorrow'}, urgent)` : ''}`;
  const moved = deadlinesOf(after, ctx, now);
  const was = deadlinesOf(before, ctx, now).map(line).join('\n');
  if (moved.length === 0 || was === moved.map(line).join('\n')) return [];
  const tone = moved.some((d) => d.urgent) ? 'urgent' : 'info';
  return [{ kind: 'text', tone, text: `Deadlines now: ${moved.map(line).join('; ')}.` }];
}
