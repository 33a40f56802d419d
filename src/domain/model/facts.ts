import { z } from 'zod';

// The triage contract (product.md): these keys and values are stable names used by the CLI,
// the JSON output, stored cases and the tests. Do not rename.
export const Platform = z.enum(['aliexpress', 'amazon', 'other']);
export const Notice = z.enum(['platform_complaint', 'rights_holder_letter', 'court_or_tro']);
export const IpType = z.enum(['trademark', 'design_patent', 'utility_patent', 'copyright', 'unknown']);
export const ListingIsOurs = z.enum(['yes', 'no']);
export const UsesTheirIp = z.enum(['yes', 'no', 'unsure']);
export const Rights = z.enum(['own', 'authorized', 'none']);
export const ComplainantContact = z.enum(['no_reply', 'not_tried', 'replied']);
export const Inventory = z.enum(['large_keep_selling', 'small_or_stop']);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const Facts = z
  .object({
    platform: Platform,
    listingId: z.string().min(1).max(200),
    notice: Notice,
    ipType: IpType,
    listingIsOurs: ListingIsOurs,
    usesTheirIp: UsesTheirIp,
    rights: Rights,
    complainantContact: ComplainantContact,
    inventory: Inventory,
    noticeDate: IsoDate,
  })
  .partial()
  .strict();
export type Facts = z.infer<typeof Facts>;
export type FactKey = keyof Facts;

export const FACT_KEYS = [
  'platform',
  'listingId',
  'notice',
  'ipType',
  'listingIsOurs',
  'usesTheirIp',
  'rights',
  'complainantContact',
  'inventory',
  'noticeDate',
] as const satisfies readonly FactKey[];

/** Facts whose values are a closed set, with the words a seller sees for each value. */
export const VALUE_LABELS = {
  platform: { aliexpress: 'AliExpress', amazon: 'Amazon', other: 'another platform' },
  notice: {
    platform_complaint: 'a platform IP complaint',
    rights_holder_letter: 'a letter from the rights holder or its law firm',
    court_or_tro: 'court papers, a TRO or frozen funds',
  },
  ipType: {
    trademark: 'trademark',
    design_patent: 'design patent',
    utility_patent: 'utility patent',
    copyright: 'copyright',
    unknown: 'not sure which right',
  },
  listingIsOurs: { yes: 'the listing is ours', no: 'the listing was never in our store' },
  usesTheirIp: {
    yes: 'the product or listing does use their mark, design or work',
    no: 'the product does not use their mark, design or work',
    unsure: 'not sure whether it uses their IP',
  },
  rights: {
    own: 'we own the right',
    authorized: 'authorized by the owner (letter), or genuine goods (invoices)',
    none: 'we hold no rights to it',
  },
  complainantContact: {
    no_reply: 'the complainant did not reply to repeated contact',
    not_tried: 'we have not contacted the complainant',
    replied: 'the complainant replied',
  },
  inventory: {
    large_keep_selling: 'large stock, want to keep selling',
    small_or_stop: 'small stock, or we can stop selling',
  },
} as const;

export const FACT_NAMES: Record<FactKey, string> = {
  platform: 'platform',
  listingId: 'listing',
  notice: 'what you received',
  ipType: 'right named',
  listingIsOurs: 'listing is yours',
  usesTheirIp: 'uses their IP',
  rights: 'your rights',
  complainantContact: 'contact with complainant',
  inventory: 'stock',
  noticeDate: 'notice date',
};

export type EnumFactKey = keyof typeof VALUE_LABELS;

export function isEnumFact(key: FactKey): key is EnumFactKey {
  return key in VALUE_LABELS;
}

/** The accepted values of a fact key, for error messages ("expected one of …"). */
export function allowedValues(key: FactKey): string {
  if (isEnumFact(key)) return Object.keys(VALUE_LABELS[key]).join(' | ');
  if (key === 'noticeDate') return 'a date as YYYY-MM-DD';
  return 'a listing id';
}

/** Human words for one known fact, e.g. "notice date: 2026-11-20". */
export function describeFact(key: FactKey, value: string): string {
  if (isEnumFact(key)) {
    const labels = VALUE_LABELS[key] as Record<string, string>;
    return labels[value] ?? value;
  }
  return `${FACT_NAMES[key]}: ${value}`;
}

/**
 * Details are not decision inputs; they fill drafts and the lawyer note. Every one is optional and
 * a missing one is shown as a placeholder, never invented.
 */
export const Details = z
  .object({
    brand: z.string().max(200),
    store: z.string().max(200),
    /** Who signs the drafts: name, role, email. */
    contact: z.string().max(300),
    complaintId: z.string().max(200),
    caseNumber: z.string().max(200),
    court: z.string().max(200),
    lawFirm: z.string().max(200),
    frozenAmount: z.string().max(200),
    stockUnits: z.number().int().nonnegative(),
    differences: z.array(z.string().max(500)).max(20),
    /** The listing is off sale, whoever took it down (the seller, or the platform on the complaint). */
    delisted: z.boolean(),
    /** Marketplace host of the listing link (e.g. amazon.co.uk): picks the right seller portal. */
    marketplace: z.string().max(100),
    /** Further accused listings of the same case (a Schedule A case or one complaint often names many). */
    otherListings: z
      .array(z.object({ platform: Platform, listingId: z.string().min(1).max(200) }).strict())
      .max(500),
    /** The day the TRO was issued, when the papers say it: the TRO's 14 days run from it. */
    troDate: IsoDate,
    /** The plaintiff or complainant as named in the notice (may differ from the brand). */
    plaintiff: z.string().max(300),
    /** What a demand letter asks to be paid, as written ("$15,000"). */
    demandAmount: z.string().max(200),
    /** The reply-by date a demand letter sets. */
    responseDue: IsoDate,
    /** What the seller says was already deleted: the accused listing and/or its sales records. */
    deleted: z.array(z.enum(['listing', 'records'])).max(2),
    /** What an "authorized" answer rests on: an authorization letter, or invoices for genuine goods (first sale). */
    rightsBasis: z.enum(['letter', 'invoices']),
    /**
     * Signs that a lawyer, a demand or a court may be involved, found anywhere in the seller's words
     * (labels from litigation.ts). Any one of them means: take offline, delete nothing (mustPreserve).
     */
    legalSigns: z.array(z.string().max(60)).max(20),
    /** The notice as the seller pasted it, kept for the lawyer's file. */
    noticeText: z.string().max(20_000),
    // ---- what a Schedule A defence firm asks for at intake (each read when said, else asked for by name) ----
    /** Every frozen account with its own amount, as written ("AliExpress" "$12,450"; "PayPal" "$3,100"). */
    frozenAccounts: z
      .array(z.object({ account: z.string().min(1).max(60), amount: z.string().min(1).max(100) }).strict())
      .max(20),
    /** Patent or registration numbers asserted, in one normal form ("US D912,345", "US Reg. No. 6,123,456"): see detail-numbers.ts. */
    ipNumbers: z.array(z.string().min(1).max(80)).max(20),
    /** The rights owner's email address, as a notice gives it (Amazon's "Rights owner email"). */
    rightsOwnerEmail: z.string().max(200),
    /** The defendant entity: the seller's company name, country, address, contact. */
    defendant: z.string().max(500),
    /** The seller ids and store URLs the case names (Schedule A lists them). */
    sellerIds: z.array(z.string().min(1).max(200)).max(50),
    storeUrls: z.array(z.string().min(1).max(500)).max(50),
    /** The seller's line (Doe number) on Schedule A. */
    doeNumber: z.number().int().positive(),
    /** When the accused product was first listed or sold. */
    firstListed: IsoDate,
    /** Where the accused product came from. */
    supplier: z.string().max(300),
    /** Earlier complaints from the same brand or rights owner. */
    earlierComplaints: z.string().max(500),
    /** Anything already signed, paid or said to the plaintiff or its lawyers. */
    toldPlaintiff: z.string().max(1000),
    /** How far the seller may go in a settlement (an amount, or who decides). */
    settlementAuthority: z.string().max(300),
    /** How the case was served: who emailed, the link, whether the complaint, TRO and Schedule A were downloaded. */
    service: z.string().max(500),
  })
  .partial()
  .strict();
export type Details = z.infer<typeof Details>;
export type DetailKey = keyof Details;
export const DETAIL_KEYS = Object.keys(Details.shape) as DetailKey[];
