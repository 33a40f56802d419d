import type { Details, Facts } from '../model/facts.js';
import { isCourtCase } from '../model/litigation.js';
import { fillIn } from './draft-vars.js';

// What a Schedule A defence firm asks at intake, for the lawyer note. In a court case every item is there:
// the seller's value as given, or the item asked for by name ("Doe number on Schedule A: [FILL IN: ask the
// seller]"). Outside court, only what the seller gave is listed. Nothing is invented.

const ASK = 'ask the seller';

/** Each intake item: its name in the note, the value given (or undefined), and what to ask when missing. */
function items(d: Details): [string, string | undefined, string][] {
  return [
    [
      'Defendant entity (company name, country, address, contact)',
      d.defendant,
      `${ASK}: the company that owns the store, its country, address and a contact`,
    ],
    ['Seller ids', d.sellerIds?.join(', '), `${ASK}: every seller id the case names`],
    ['Store URLs', d.storeUrls?.join(', '), `${ASK}: the store links (Schedule A lists them)`],
    ['Doe number on Schedule A', d.doeNumber?.toString(), ASK],
    ['Date first listed or sold', d.firstListed, ASK],
    ['Supplier of the accused product', d.supplier, ASK],
    ['Earlier complaints from the same brand', d.earlierComplaints, ASK],
    ['Anything already signed, paid or said to the plaintiff', d.toldPlaintiff, ASK],
    ['Settlement authority (how far we may go, who decides)', d.settlementAuthority, ASK],
    [
      'How service came (who emailed, the link, whether the complaint, TRO and Schedule A were downloaded)',
      d.service,
      ASK,
    ],
  ];
}

/** The intake lines of the note: every item in a court case, the given ones otherwise. */
export function intakeLines(facts: Facts, details: Details): string {
  const court = isCourtCase(facts);
  const lines = items(details)
    .filter(([, value]) => court || value !== undefined)
    .map(([name, value, ask]) => `- ${name}: ${value ?? fillIn(ask)}`);
  if (details.rightsOwnerEmail) lines.push(`- Rights owner email: ${details.rightsOwnerEmail}`);
  return lines.length > 0 ? lines.join('\n') : '- nothing more given';
}

/** Every frozen account with its own amount ("AliExpress $12,450; PayPal $3,100"), else the one amount read. */
export function frozenText(facts: Facts, details: Details): string {
  const accounts = details.frozenAccounts ?? [];
  if (accounts.length > 0) return accounts.map((a) => `${a.account} ${a.amount}`).join('; ');
  if (details.frozenAmount) return details.frozenAmount;
  return isCourtCase(facts)
    ? fillIn(
        `${ASK}: each frozen account and its amount (PayPal, Payoneer, PingPong, LianLian, Amazon, AliExpress…)`,
      )
    : 'none reported';
}

/** The patent or registration numbers asserted, in their normal form (detail-numbers.ts). */
export function ipNumbersText(facts: Facts, details: Details): string {
  const numbers = details.ipNumbers ?? [];
  if (numbers.length > 0) return numbers.join(', ');
  return isCourtCase(facts) || facts.ipType === 'design_patent' || facts.ipType === 'utility_patent'
    ? fillIn('the patent or registration numbers, from the complaint or notice')
    : 'not given';
}

/** Stock, and when it is large and its count unknown, the count asked for. */
export function stockAsk(facts: Facts, details: Details): string {
  if (details.stockUnits !== undefined) return '';
  if (facts.inventory === 'large_keep_selling')
    return ` ${fillIn(`${ASK}: units on hand and where they are (warehouse, FBA)`)}`;
  return '';
}
