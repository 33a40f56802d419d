import { formatDay } from '../core/dates.js';
import type { Deadline } from '../core/deadlines.js';
import type { Route } from '../core/decide.js';
import { type Details, type Facts, VALUE_LABELS } from '../core/facts.js';

// Turns a case into template variables. A value the case does not know becomes a visible
// [FILL IN: …] placeholder: drafts never invent a fact.

export const fillIn = (what: string): string => `[FILL IN: ${what}]`;

export interface DraftInput {
  facts: Facts;
  details: Details;
  routes: readonly Route[];
  deadlines: readonly Deadline[];
  caseId?: string;
}

const IP_WORDS: Record<string, string> = {
  trademark: 'trademark',
  design_patent: 'design patent',
  utility_patent: 'utility patent',
  copyright: 'copyright',
  unknown: 'intellectual property',
};

export function platformName(facts: Facts): string {
  if (facts.platform === 'aliexpress') return 'AliExpress';
  if (facts.platform === 'amazon') return 'Amazon';
  return 'the platform';
}

export function commonVars(input: DraftInput): Record<string, string> {
  const { facts, details } = input;
  return {
    store: details.store ?? fillIn('store name'),
    complaintId: details.complaintId ?? fillIn('complaint id'),
    listingId: facts.listingId ?? fillIn('listing id'),
    platformName: platformName(facts),
    brandText: details.brand ? `from ${details.brand}` : `from ${fillIn('complainant or brand')}`,
    noticeDateText: facts.noticeDate ? formatDay(facts.noticeDate) : fillIn('date the complaint arrived'),
    ipTypeText: IP_WORDS[facts.ipType ?? 'unknown'] ?? 'intellectual property',
    contact: details.contact ?? fillIn('your name, role and email'),
  };
}

const numbered = (items: readonly string[]): string => items.map((s, i) => `${i + 1}. ${s}`).join('\n');
const bullets = (items: readonly string[]): string => items.map((s) => `- ${s}`).join('\n');

export function differencesList(details: Details): string {
  const diffs = details.differences?.filter((d) => d.trim() !== '') ?? [];
  if (diffs.length > 0) return numbered(diffs);
  return numbered([
    fillIn('first visible difference'),
    fillIn('second difference'),
    fillIn('third difference'),
  ]);
}

export function noInfringementPoints(facts: Facts): string {
  switch (facts.ipType) {
    case 'trademark':
      return numbered([
        "The product, its packaging and photos do not carry the complainant's logo, and the listing does not present our product as theirs.",
        `${fillIn('check the title: if it names their brand (e.g. "compatible with …"), say why, or remove it before sending')}`,
        `Our product is sold under ${fillIn('your own brand, or "no brand"')}.`,
        fillIn('any other point, e.g. a word used only to describe the product'),
      ]);
    case 'utility_patent':
      return numbered([
        `Our product does not work the way the patent's claims describe: ${fillIn('the claimed feature your product lacks')}.`,
        `Patent named: ${fillIn('patent number, and whether it is granted and in force in the selling country')}.`,
      ]);
    default:
      return numbered([
        `The listing does not use the right named in the complaint: ${fillIn('why, in one sentence')}.`,
      ]);
  }
}

export function evidenceFor(facts: Facts): string {
  if (facts.rights === 'own') {
    return bullets([
      `Our registration certificate: ${fillIn('registration number and country')}`,
      'Photos of the product as sold',
    ]);
  }
  if (facts.rights === 'authorized') {
    // Only what the seller actually holds goes in: they pick, and delete the other line.
    return bullets([
      `${fillIn('if you have it')} Authorization letter signed by the rights owner, naming the brand and valid on the complaint's date`,
      `${fillIn('if you have them')} Recent invoices from the brand owner or its authorized distributor for this product, signed or sealed, matching the listing`,
    ]);
  }
  switch (facts.ipType) {
    case 'design_patent':
      return bullets([
        'Side-by-side images of our product and the patent drawings, from the same angles',
        `${fillIn('optional')} proof our product was on sale before the patent was filed`,
      ]);
    case 'copyright':
      return bullets([
        `${fillIn('if you have them')} Original photo files (RAW or full size) with their creation dates`,
        `${fillIn('if you have them')} Photos taken during the shoot`,
        `${fillIn('if you have it')} Licence from the photographer or supplier`,
      ]);
    case 'trademark':
      return bullets([
        'Photos of the product and packaging from every side',
        'Screenshot of the listing title and images',
      ]);
    default:
      return bullets([fillIn('documents that show the product does not use the right named')]);
  }
}

export function rightsStatement(facts: Facts, details: Details): string {
  const ip = IP_WORDS[facts.ipType ?? 'unknown'];
  if (facts.rights === 'own')
    return `We own the ${ip} for this product: ${fillIn('registration number and country')}.`;
  const owner = details.brand ? ` (${details.brand})` : '';
  return `We sell this product with the authorization of the rights owner${owner}, as the attached documents show.`;
}

export function lawyerVars(input: DraftInput): Record<string, string> {
  const { facts, details, routes, deadlines } = input;
  const court = facts.notice === 'court_or_tro';
  const ids = routes.map((r) => r.id);
  const keepSelling = routes.some((r) => r.id === 'lawyer_escalation' && r.variant === 'keep_selling');
  const urgency = court
    ? 'URGENT, court case or TRO'
    : keepSelling
      ? 'Soon, wants to keep selling'
      : 'Opinion needed';
  const deadlinesList =
    deadlines.length > 0
      ? bullets(
          deadlines.map(
            (d) => `${d.label}: ${formatDay(d.date)} (${d.basis})${d.daysLeft < 0 ? ', PASSED' : ''}`,
          ),
        )
      : facts.noticeDate
        ? `- Deadlines: ipcheck computes none for this kind of notice; ${fillIn('any date the letter or the platform gives')}`
        : `- Deadlines: ${fillIn('no dates yet, the notice date is unknown')}`;
  const windowPassed = deadlines.some((d) => d.id === 'counter_notice' && d.daysLeft < 0);
  const inventory = facts.inventory
    ? VALUE_LABELS.inventory[facts.inventory]
    : fillIn('stock of the accused product');
  const units = details.stockUnits !== undefined ? ` (about ${details.stockUnits} units)` : '';
  let position = fillIn('our position in one sentence');
  if (facts.listingIsOurs === 'no') position = 'We say the reported listing was never in our store.';
  else if (facts.usesTheirIp === 'yes' && facts.rights === 'none')
    position = 'The product does use their mark, design or work, and we hold no rights to it.';
  else if (facts.rights === 'own' || facts.rights === 'authorized')
    position = `We hold rights: ${VALUE_LABELS.rights[facts.rights]}.`;
  else if (facts.usesTheirIp === 'no') position = 'We believe the product does not use their right.';
  else if (facts.usesTheirIp === 'unsure')
    position = 'We are not sure whether the product uses their right, and need your opinion.';
  let actions = fillIn('what was done so far, e.g. listing deleted on a date, stock set aside');
  if (details.delisted) actions = 'the listing has been taken down';
  else if (ids.includes('delist_now'))
    actions = `delisting recommended by ipcheck; ${fillIn('date it was deleted')}`;
  else if (ids.includes('legal_opinion'))
    actions = `taking the listing offline while you look; ${fillIn('date')}`;
  const evidence =
    facts.rights === 'own' || facts.rights === 'authorized'
      ? `${evidenceFor(facts).replace(/^- /gm, '').replace(/\n/g, '; ')}`
      : fillIn('invoices, authorization letters, own registrations, design files, original photos');
  const letter = facts.notice === 'rights_holder_letter';
  const asks = court
    ? [
        'Check the case on the court docket and determine the scope of the TRO: which accounts, listings and amounts it covers.',
        'Appear and respond within the defense period; confirm the service date and the answer deadline.',
        "Contact the plaintiff's law firm on our behalf.",
        "Advise whether the freeze can be narrowed to the accused product's own sales.",
      ]
    : letter
      ? [
          'Read the letter (forwarded with its email headers) and tell us whether and how to answer it.',
          'Answer the rights holder or its law firm on our behalf if an answer is needed; we will not reply ourselves.',
          'Tell us whether the listing must come down meanwhile.',
        ]
      : keepSelling
        ? [
            "Contact the rights holder's law firm on our behalf about continuing to sell this stock.",
            'Advise what we must change or stop, and the risk if a TRO follows.',
          ]
        : [
            windowPassed
              ? 'Tell us as soon as you can whether the product infringes the right named: the counter-notice window has probably passed (see Dates), so say whether a later appeal is worth it.'
              : 'Tell us whether the product infringes the right named, before the counter-notice deadline.',
            'If it does not, tell us what evidence to attach to the dispute.',
          ];
  return {
    urgency,
    caseRef: input.caseId ?? '(not saved in ipcheck)',
    store: details.store ?? fillIn('store name and seller id'),
    platformName: platformName(facts),
    listingId: facts.listingId ?? fillIn('listing id'),
    noticeText: facts.notice ? VALUE_LABELS.notice[facts.notice] : fillIn('what arrived'),
    ipTypeText: facts.ipType ? (IP_WORDS[facts.ipType] ?? 'unknown') : fillIn('right named'),
    brand: details.brand ?? fillIn('plaintiff or brand name'),
    lawFirm: details.lawFirm ?? fillIn('law firm and its email, from the notice'),
    court: details.court ?? (court ? fillIn('court, e.g. N.D. Illinois') : 'none, no court case'),
    caseNumber: details.caseNumber ?? (court ? fillIn('case number, e.g. 1:25-cv-01234') : 'none'),
    noticeDateText: facts.noticeDate ? formatDay(facts.noticeDate) : fillIn('date the notice arrived'),
    deadlinesList,
    frozenText: details.frozenAmount ?? (court ? fillIn('each frozen account and amount') : 'none reported'),
    inventoryText: `${inventory}${units}`,
    salesText: fillIn('units and revenue of the accused product, US separately, date range'),
    actionsText: actions,
    evidenceText: evidence,
    positionText: position,
    asksList: numbered(asks),
  };
}

export function retractionReason(variant: string, facts: Facts, details: Details): string {
  if (variant === 'not_ours') return 'The reported listing has never been in our store.';
  if (variant === 'rights') return `${rightsStatement(facts, details)} We can send you the documents.`;
  return `We believe our product does not use your ${IP_WORDS[facts.ipType ?? 'unknown']}: ${fillIn('the main reason, in one sentence')}.`;
}
