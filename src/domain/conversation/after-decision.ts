import type { CaseState } from '../model/case-state.js';
import type { Facts } from '../model/facts.js';
import { splitAnswerDetails } from './answer-details.js';
import { asOtherListing, mergeDetails } from './case-edits.js';
import { confirmMenu } from './confirm-update.js';
import { detailItems } from './describe-details.js';
import { type CoreContext, todayFor } from './outcome.js';
import { answerFor, read, withNotice } from './read-message.js';
import { disputedNote } from './said-back.js';
import { deadlinesMoved, deletionWarning, legalSignsNotice } from './step-notices.js';
import { infoText, prepend, type StepResult, type TextHints } from './step-result.js';

/**
 * Free text after the decision. New facts in it are not applied silently (a casual "thanks, we deleted it
 * yesterday" must not move the notice date): they are shown with what the case says now, and applied
 * only when the seller confirms. Details are taken as an answer's are (answer-details.ts): they fill what
 * the case does not know at once, lists grow and statements add up, but a value that differs from one the
 * case has ("Doe 58" when the seller said Doe 57) is never silently replaced: it joins the confirm menu.
 */
export function textAfterDecision(
  state: CaseState,
  text: string,
  ctx: CoreContext,
  now: Date,
  hints?: TextHints,
): StepResult {
  const { ex, disputed, notes } = read(
    text,
    todayFor(ctx, now),
    { noticeDate: state.facts.noticeDate },
    hints,
    true,
  );
  const folded = asOtherListing(state, ex.facts);
  const changed = Object.fromEntries(
    Object.entries(folded.facts).filter(([k, v]) => state.facts[k as keyof Facts] !== v),
  ) as Facts;
  // Details are notes for the drafts, not decision facts: what fills a gap is kept at once.
  const listings = [...(folded.details.otherListings ?? []), ...(ex.details.otherListings ?? [])];
  const details = withNotice(
    { ...ex.details, ...(listings.length > 0 ? { otherListings: listings } : {}) },
    text,
  );
  const split = splitAnswerDetails(state.details, details, changed);
  const noted: CaseState = {
    ...state,
    details: mergeDetails(state.details, split.take, state.facts),
    pending: null,
    proposal: undefined,
  };
  const items = detailItems(state.details, noted.details);
  const note = [
    ...(items.length > 0
      ? [infoText(`Noted (${items.join('; ')}). It goes into the drafts and the lawyer note.`)]
      : []),
    ...deletionWarning(state, noted),
    ...legalSignsNotice(state, noted),
    ...deadlinesMoved(state, noted, ctx, now),
    ...disputedNote(disputed, noted),
    ...notes,
  ];
  // A question asked with new facts in it ("we got a TRO, can we delete the listing?") is answered at once,
  // for the case as it would be; the new facts still wait for confirmation.
  const faq = answerFor(text, ctx, { ...state.facts, ...changed }, noted.details, hints);
  const asked = Object.keys(changed).length > 0 || Object.keys(split.conflicts).length > 0;
  if (!asked) {
    if (note.length > 0 || faq)
      return { state: noted, replies: [...note, ...(faq ? [faq] : [])], effects: [] };
    return {
      state: noted,
      replies: [
        infoText(
          'Your case is decided (above). Say "change" to change an answer, "restart" to start over, or "help" for more.',
        ),
      ],
      effects: [],
    };
  }
  return prepend(
    [...note, ...(faq ? [faq] : [])],
    confirmMenu({ ...noted, proposal: { facts: changed, details: split.conflicts } }),
  );
}
