import { formatDay } from '../model/dates.js';
import { VALUE_LABELS } from '../model/facts.js';
import { isCourtCase, isLetter, isPlatformComplaint } from '../model/litigation.js';
import {
  bullets,
  type DraftInput,
  evidenceFor,
  fillIn,
  IP_WORDS,
  listingsText,
  numbered,
  platformName,
} from './draft-vars.js';
import { frozenText, intakeLines, ipNumbersText, stockAsk } from './intake-lines.js';

// The lawyer-escalation note: everything legal needs on one page, in the seller's facts. It never asks
// when something was deleted: in a court case or after a letter nothing is deleted, and if something
// already was, the note says so plainly for the lawyer.

/** The longest stretch of the pasted notice quoted in the note; the whole text is in the case export. */
const NOTICE_QUOTE_CHARS = 2000;

function urgencyOf(input: DraftInput): string {
  const { facts, routes } = input;
  if (isCourtCase(facts)) return 'URGENT, court case or TRO';
  if (isLetter(facts)) return 'Soon, letter from the rights holder';
  if (routes.some((r) => r.id === 'lawyer_escalation' && r.variant === 'keep_selling'))
    return 'Soon, wants to keep selling';
  return 'Opinion needed';
}

function positionOf(input: DraftInput): string {
  const { facts, details } = input;
  if (facts.listingIsOurs === 'no') return 'We say the reported listing was never in our store.';
  if (facts.usesTheirIp === 'yes' && facts.rights === 'none')
    return 'The product does use their mark, design or work, and we hold no rights to it.';
  if (facts.rights === 'own')
    return `We hold a registration of our own (${fillIn('number and country')}); please compare it with the right named in the complaint.`;
  if (facts.rights === 'authorized') {
    if (details.rightsBasis === 'letter')
      return 'We hold a signed authorization letter from the rights owner.';
    if (details.rightsBasis === 'invoices')
      return `The goods are genuine, bought from ${fillIn('supplier: the brand owner or its distributor')}, with invoices (first sale); we hold no letter from the rights owner.`;
    return `We say we sell with the owner's authorization or genuine goods: ${fillIn('letter, or invoices only?')}`;
  }
  if (facts.usesTheirIp === 'no') return 'We believe the product does not use their right.';
  if (facts.usesTheirIp === 'unsure')
    return 'We are not sure whether the product uses their right, and need your opinion.';
  return fillIn('our position in one sentence');
}

/** What was done, as the seller said it, and what ipcheck advised; never an action the seller did not report. */
function actionsOf(input: DraftInput): string {
  const { details } = input;
  const lines: string[] = [];
  const deleted = details.deleted ?? [];
  if (deleted.includes('listing'))
    lines.push(`WARNING: we say we already deleted the accused listing (${fillIn('when')}).`);
  if (deleted.includes('records'))
    lines.push(
      `WARNING: we say we already deleted records of the accused product (sales, orders, messages or photos): ${fillIn('which ones, and when')}.`,
    );
  if (details.delisted && !deleted.includes('listing'))
    lines.push(`We say the listing has been taken down (${fillIn('date, and how: offline or closed')}).`);
  // Said from the outcome's own actions, so the note can never report advice the seller was not given.
  const done = fillIn('done or not yet, and the date');
  const deleteAction = input.actions.find((a) => a.kind === 'delete_listing');
  const offline = input.actions.find((a) => a.kind === 'take_offline');
  if (offline?.keepsEvidence)
    lines.push(
      `ipcheck advised taking the product off sale on every channel and keeping everything (listing, photos, orders, sales records, messages, stock); ${fillIn('what was done and when, and say plainly if anything was already deleted')}.`,
    );
  else if (deleteAction)
    lines.push(`ipcheck advised deleting the listing and keeping its sales records; ${done}.`);
  else if (offline)
    lines.push(`ipcheck advised taking the listing offline (not deleting it) while you look; ${done}.`);
  if (lines.length === 0) return fillIn('what was done so far, if anything');
  return lines.join('\n  ');
}

function evidenceOf(input: DraftInput): string {
  const { facts, details } = input;
  if (facts.rights === 'own' || facts.rights === 'authorized')
    return evidenceFor(facts, details).replace(/^- /gm, '').replace(/\n/g, '; ');
  return fillIn('invoices, authorization letters, own registrations, design files, original photos');
}

function asksOf(input: DraftInput): string[] {
  const { facts, routes, deadlines } = input;
  const keep = 'Tell us what we must keep, and how.';
  const answerPassed = deadlines.some((d) => d.id === 'court_answer' && d.daysLeft < 0);
  if (isCourtCase(facts))
    return [
      'Check the case on the court docket and determine the scope of the TRO: which accounts, listings and amounts it covers.',
      answerPassed
        ? 'The answer date we counted has passed: check the docket for a default or a default judgment, and whether it can still be answered or set aside.'
        : 'Appear and respond within the defense period; confirm the service date and the answer deadline.',
      "Contact the plaintiff's law firm on our behalf.",
      "Advise whether the freeze can be narrowed to the accused product's own sales.",
      keep,
    ];
  if (isLetter(facts))
    return [
      'Read the letter (forwarded with its email headers) and tell us whether and how to answer it, before any reply date it sets.',
      'Answer the rights holder or its law firm on our behalf if an answer is needed; we will not reply, sign or pay ourselves.',
      keep,
    ];
  if (routes.some((r) => r.id === 'lawyer_escalation' && r.variant === 'keep_selling'))
    return [
      "Contact the rights holder's law firm on our behalf about continuing to sell this stock.",
      'Advise what we must change or stop, and the risk if a TRO follows.',
    ];
  if (routes.some((r) => r.id === 'legal_opinion' && r.variant === 'amazon_patent'))
    return [
      'Tell us whether the product infringes the patent named, and if not, give us a written non-infringement opinion we can send with a retraction request or an Amazon appeal.',
      'If the patent owner starts an APEX evaluation (utility patents), advise whether to take part and answer it for us within its window.',
    ];
  if (routes.some((r) => r.id === 'legal_opinion' && r.variant === 'lawyer_sign'))
    return [
      `A lawyer, a demand or a court came up in this platform complaint (we mentioned: ${(input.details.legalSigns ?? []).join(', ') || fillIn('what')}): tell us whether a letter or a lawsuit is likely, and what we must keep.`,
      'Tell us whether we may delete the listing, or must keep it offline as evidence.',
      'Tell us whether the product infringes the right named, and whether to dispute the complaint before its deadline.',
      keep,
    ];
  const windowPassed = deadlines.some((d) => d.id === 'counter_notice' && d.daysLeft < 0);
  const hasWindow = deadlines.some((d) => d.id === 'counter_notice');
  return [
    windowPassed
      ? 'Tell us as soon as you can whether the product infringes the right named: the counter-notice window has probably passed (see Dates), so say whether a later appeal is worth it.'
      : hasWindow
        ? 'Tell us whether the product infringes the right named, before the counter-notice deadline.'
        : 'Tell us whether the product infringes the right named.',
    'If it does not, tell us what evidence to attach to the dispute.',
  ];
}

function deadlinesOf(input: DraftInput): string {
  const { facts, deadlines } = input;
  if (deadlines.length > 0)
    return bullets(
      deadlines.map(
        (d) =>
          `${d.label}: ${formatDay(d.date)} (${d.basis})${d.daysLeft < 0 ? ', PASSED' : d.urgent ? ', DUE NOW' : ''}`,
      ),
    );
  if (facts.noticeDate)
    return `- Deadlines: ipcheck computes none for this kind of notice; ${fillIn('any date the letter or the platform gives')}`;
  return `- Deadlines: ${fillIn('no dates yet, the notice date is unknown')}`;
}

function noticeQuote(text: string | undefined): string {
  if (!text) return 'not pasted into ipcheck; forwarded separately with its email headers';
  const cut =
    text.length > NOTICE_QUOTE_CHARS
      ? `${text.slice(0, NOTICE_QUOTE_CHARS)} […cut: whole text in the case export]`
      : text;
  return `\n${cut
    .split('\n')
    .map((l) => `  > ${l}`)
    .join('\n')}`;
}

export function lawyerVars(input: DraftInput): Record<string, string> {
  const { facts, details } = input;
  const court = isCourtCase(facts);
  const letter = isLetter(facts);
  const inventory = facts.inventory
    ? VALUE_LABELS.inventory[facts.inventory]
    : fillIn('stock of the accused product');
  const units = details.stockUnits !== undefined ? ` (about ${details.stockUnits} units)` : '';
  return {
    urgency: urgencyOf(input),
    caseRef: input.caseId ?? '(not saved in ipcheck)',
    store: details.store ?? fillIn('store name and seller id'),
    platformName: platformName(facts),
    listingId: facts.listingId ?? fillIn('listing id'),
    listingsText: listingsText(facts, details),
    noticeText: facts.notice ? VALUE_LABELS.notice[facts.notice] : fillIn('what arrived'),
    complaintId: details.complaintId ?? (isPlatformComplaint(facts) ? fillIn('complaint id') : 'none'),
    ipTypeText: facts.ipType ? (IP_WORDS[facts.ipType] ?? 'unknown') : fillIn('right named'),
    brand: details.plaintiff ?? details.brand ?? fillIn('plaintiff or brand name'),
    lawFirm: details.lawFirm ?? fillIn('law firm and its email, from the notice'),
    // A court a letter names (where it threatens to sue) is not a court case: shown only for one.
    court: court ? (details.court ?? fillIn('court, e.g. N.D. Illinois')) : 'none, no court case',
    caseNumber: details.caseNumber ?? (court ? fillIn('case number, e.g. 1:25-cv-01234') : 'none'),
    noticeDateText: facts.noticeDate ? formatDay(facts.noticeDate) : fillIn('date the notice arrived'),
    deadlinesList: deadlinesOf(input),
    demandText:
      details.demandAmount ?? (letter ? fillIn('amount the letter demands, if any') : 'none reported'),
    frozenText: frozenText(facts, details),
    inventoryText: `${inventory}${units}${stockAsk(facts, details)}`,
    ipNumbersText: ipNumbersText(facts, details),
    intakeList: intakeLines(facts, details),
    salesText: fillIn('units and revenue of the accused product, US separately, date range'),
    actionsText: actionsOf(input),
    evidenceText: evidenceOf(input),
    positionText: details.differences?.length
      ? `${positionOf(input)}\n  Differences we see from their design: ${details.differences.join('; ')}`
      : positionOf(input),
    noticeQuote: noticeQuote(details.noticeText),
    asksList: numbered(asksOf(input)),
  };
}
