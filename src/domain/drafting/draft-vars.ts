import type { Deadline } from '../decision/deadlines.js';
import type { Route } from '../decision/decide.js';
import type { Action } from '../decision/delist-actions.js';
import { formatDay } from '../model/dates.js';
import type { Details, Facts } from '../model/facts.js';

// Turns a case into template variables. A value the case does not know becomes a visible
// [FILL IN: …] placeholder: drafts never invent a fact, and never state an action the seller did not take.

export const fillIn = (what: string): string => `[FILL IN: ${what}]`;

export interface DraftInput {
  facts: Facts;
  details: Details;
  routes: readonly Route[];
  deadlines: readonly Deadline[];
  /** The outcome's own delist and dispute actions: the lawyer note says what ipcheck advised from these. */
  actions: readonly Action[];
  caseId?: string;
}

export const IP_WORDS: Record<string, string> = {
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

/** The accused listing, and the others of the same case ("1005…, and 2 more: …"). */
export function listingsText(facts: Facts, details: Details): string {
  const first = facts.listingId ?? fillIn('listing id');
  const others = (details.otherListings ?? []).map((l) => l.listingId).filter((id) => id !== facts.listingId);
  if (others.length === 0) return first;
  return `${first}, and ${others.length} more: ${others.join(', ')}`;
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
    // Amazon takes an appeal; a formal (DMCA) counter-notice there is a legal act that goes through legal.
    disputeWord: facts.platform === 'amazon' ? 'Appeal' : 'Counter-notice',
  };
}

export const numbered = (items: readonly string[]): string =>
  items.map((s, i) => `${i + 1}. ${s}`).join('\n');
export const bullets = (items: readonly string[]): string => items.map((s) => `- ${s}`).join('\n');

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

const IF_YOU_HAVE_IT = fillIn('if you have it');
const IF_YOU_HAVE_THEM = fillIn('if you have them');
const LETTER_EVIDENCE =
  "Authorization letter signed by the rights owner, naming the brand and valid on the complaint's date";
const INVOICE_EVIDENCE =
  'Invoices for this product from the brand owner or its authorized distributor, signed or sealed, matching the listing (prices may be blacked out)';

/** What to attach, by what the seller holds. Only what they said they have is listed without a placeholder. */
export function evidenceFor(facts: Facts, details: Details = {}): string {
  if (facts.rights === 'own') {
    return bullets([
      `Our registration certificate: ${fillIn('registration number and country')}`,
      'Photos of the product as sold',
    ]);
  }
  if (facts.rights === 'authorized') {
    if (details.rightsBasis === 'letter')
      return bullets([LETTER_EVIDENCE, `${IF_YOU_HAVE_THEM} ${INVOICE_EVIDENCE}`]);
    if (details.rightsBasis === 'invoices')
      return bullets([INVOICE_EVIDENCE, 'Photos of the product and its packaging, taken by us']);
    // Not said which: the seller keeps the line that is true and deletes the other.
    return bullets([`${IF_YOU_HAVE_IT} ${LETTER_EVIDENCE}`, `${IF_YOU_HAVE_THEM} ${INVOICE_EVIDENCE}`]);
  }
  switch (facts.ipType) {
    case 'design_patent':
      return bullets([
        'Side-by-side images of our product and the patent drawings, from the same angles',
        `${fillIn('optional')} proof our product was on sale before the patent was filed`,
      ]);
    case 'copyright':
      // Self-shot photos are proven by the camera files and the shoot itself (knowledge: ip.copyright-evidence).
      return bullets([
        `${IF_YOU_HAVE_THEM} Original photo files (RAW or full-size camera files) with their EXIF data: camera, date and time taken`,
        `${IF_YOU_HAVE_THEM} Other shots from the same session, and a photo of the set-up or of the product being photographed`,
        `${IF_YOU_HAVE_IT} Proof of when we first published the photos (an earlier listing or upload date)`,
        `${IF_YOU_HAVE_IT} Licence from the photographer or supplier, if someone else took them`,
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

/**
 * What the seller's rights are, in the words that are true of them: an authorization only with a letter;
 * invoices prove genuine goods (first sale), never an authorization.
 */
export function rightsStatement(facts: Facts, details: Details): string {
  const ip = IP_WORDS[facts.ipType ?? 'unknown'];
  if (facts.rights === 'own')
    return `We hold a ${ip} registration of our own: ${fillIn('registration number and country')}.`;
  const owner = details.brand ? ` (${details.brand})` : '';
  const letter = `We sell this product under a written authorization from the rights owner${owner}, valid on the date of the complaint; the letter is attached.`;
  const genuine = `The goods in this listing are genuine${details.brand ? ` ${details.brand}` : ''} products that we bought from ${fillIn('supplier: the brand owner or its authorized distributor')}; our invoices trace them to the brand. ${fillIn('confirm: sold unaltered, in their original packaging')} We resell them as supplied and do not claim to be an authorized dealer.`;
  if (details.rightsBasis === 'letter') return letter;
  if (details.rightsBasis === 'invoices') return genuine;
  return `${fillIn('keep the one that is true, delete the other')} ${letter} / ${genuine}`;
}

/** The request line and the point-by-point answer of the rights dispute, by what the seller holds. */
export function rightsArgument(details: Details): { requestReason: string; rightsPoint: string } {
  if (details.rightsBasis === 'invoices')
    return {
      requestReason: 'because the goods are genuine products of the brand, bought from its supply chain',
      rightsPoint:
        'Reselling genuine goods that the brand owner itself put on the market, unaltered, is generally not infringement; the attached invoices show where ours come from.',
    };
  if (details.rightsBasis === 'letter')
    return {
      requestReason: "because we sell this product with the rights owner's authorization",
      rightsPoint:
        'Our listing is covered by the authorization described above, as the attached letter shows.',
    };
  return {
    requestReason: `because ${fillIn('we sell with the rights owner’s authorization / the goods are genuine products of the brand')}`,
    rightsPoint: `${fillIn('keep the one that is true')} Our listing is covered by the authorization described above / Reselling genuine goods that the brand owner itself put on the market, unaltered, is generally not infringement.`,
  };
}

export function retractionReason(variant: string, facts: Facts, details: Details): string {
  if (variant === 'not_ours') return 'The reported listing has never been in our store.';
  if (variant === 'rights') return `${rightsStatement(facts, details)} We can send you the documents.`;
  // The right named with its number when the case has one ("your design patent US D912,345").
  const numbers = details.ipNumbers?.length ? ` ${details.ipNumbers.join(', ')}` : '';
  const ip = `${IP_WORDS[facts.ipType ?? 'unknown']}${numbers}`;
  if (facts.ipType === 'design_patent' && details.differences?.length)
    return `We believe our product does not infringe your design patent${numbers}. Its overall appearance differs from the patented design:\n${differencesList(details)}`;
  const verb = facts.ipType === 'design_patent' || facts.ipType === 'utility_patent' ? 'infringe' : 'use';
  return `We believe our product does not ${verb} your ${ip}: ${fillIn('the main reason, in one sentence')}.`;
}

/** How the complainant withdraws, per platform: each accepts only a withdrawal from the complainant itself. */
export function withdrawHow(facts: Facts): string {
  if (facts.platform === 'amazon')
    return "On Amazon, only a retraction you send yourself counts: please write to Amazon from the email address the complaint was filed with (Amazon's notice names notice-retraction@amazon.com), or use the retraction tool in Brand Registry, and say that the complaint was made in error. Amazon does not accept a retraction we forward.";
  if (facts.platform === 'aliexpress')
    return 'On AliExpress, please withdraw it on the IPP platform (ipp.alibabagroup.com), where the complaint was filed: a withdrawal sent through us does not count.';
  return 'Please send the withdrawal to the platform yourself, from the account that filed the complaint: a withdrawal sent through us does not count.';
}
