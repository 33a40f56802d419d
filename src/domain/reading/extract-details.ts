import type { Details } from '../model/facts.js';
import { deleted, delisted, stockUnits } from './detail-deeds.js';
import { readIntake } from './detail-intake.js';
import { readMoney } from './detail-money.js';
import { brandOf, court, FIRM_SUFFIX, lawFirm, plaintiff, rightsOwnerEmail, store } from './detail-names.js';
import { caseNumber, complaintIdSpans, readIpNumbers } from './detail-numbers.js';

// Details for the drafts and the lawyer note, read from the seller's words or a pasted notice: who (plaintiff,
// law firm, court, store), which ids, how much (frozen, demanded, in stock) and what the seller already did
// (deleted the listing or its records). The dates (the TRO's issue date, the reply-by date) are in extract-dates.ts. None of them
// decides a route; a detail not found is simply absent and shows as a placeholder in the drafts.

// Each class has its own file: money (detail-money.ts), names (detail-names.ts), numbers (detail-numbers.ts),
// what the seller did and holds (detail-deeds.ts).

export { complaintIdSpans };

/**
 * Every detail in the text except the listings and the dates that need the notice date (see extract.ts).
 * `text` is as written (names keep their capitals); `t` is lower-cased with whitespace collapsed.
 */
export function readDetails(text: string, t: string): Details {
  const d: Details = {};
  const caseNo = caseNumber(text);
  if (caseNo) d.caseNumber = caseNo;
  Object.assign(d, readMoney(text, t));
  const firm = lawFirm(text);
  if (firm) d.lawFirm = firm;
  const where = court(text);
  if (where) d.court = where;
  const complaint = complaintIdSpans(text)[0];
  if (complaint) d.complaintId = complaint.id;
  Object.assign(d, readIpNumbers(text));
  const who = plaintiff(text);
  if (who) d.plaintiff = who.slice(0, 300);
  const ownerEmail = rightsOwnerEmail(text);
  if (ownerEmail) d.rightsOwnerEmail = ownerEmail;
  const shop = store(text);
  if (shop) d.store = shop.slice(0, 200);
  const units = stockUnits(t);
  if (units !== undefined) d.stockUnits = units;
  const brand = brandOf(text);
  // "a letter from Acme LLP": the firm, not the brand.
  if (brand && !(firm?.startsWith(brand) || new RegExp(`${FIRM_SUFFIX}$`).test(brand))) d.brand = brand;
  const gone = deleted(t);
  if (gone) d.deleted = gone;
  if (delisted(t, gone)) d.delisted = true;
  Object.assign(d, readIntake(text, t));
  return d;
}
