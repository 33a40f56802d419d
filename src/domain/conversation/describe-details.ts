import type { Details } from '../model/facts.js';

// Details worth saying back to the seller, in the order they are said; the rest (marketplace, differences)
// show elsewhere.
const DETAIL_NAMES: Partial<Record<keyof Details, string>> = {
  deleted: 'deleted',
  delisted: 'the listing is taken down',
  otherListings: 'other listings',
  complaintId: 'complaint id',
  caseNumber: 'case number',
  court: 'court',
  troDate: 'TRO issued',
  plaintiff: 'plaintiff',
  lawFirm: 'law firm',
  brand: 'complainant',
  frozenAmount: 'frozen',
  frozenAccounts: 'frozen',
  ipNumbers: 'numbers asserted',
  rightsOwnerEmail: 'rights owner email',
  demandAmount: 'they demand',
  responseDue: 'reply due by',
  store: 'store',
  stockUnits: 'stock',
  defendant: 'your company',
  sellerIds: 'seller ids',
  storeUrls: 'store links',
  doeNumber: 'Doe number on Schedule A',
  firstListed: 'first listed',
  supplier: 'supplier',
  earlierComplaints: 'earlier complaints',
  toldPlaintiff: 'already said or done with the plaintiff',
  settlementAuthority: 'settlement authority',
  service: 'how the papers came',
  rightsBasis: 'your rights rest on',
  legalSigns: 'you mentioned',
  noticeText: 'notice',
};

const short = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function detailItem(key: keyof Details, d: Details): string | undefined {
  switch (key) {
    case 'delisted':
      return d.delisted && !d.deleted?.includes('listing') ? 'the listing is taken down' : undefined;
    case 'deleted': {
      const g = d.deleted ?? [];
      if (g.length === 2) return 'the listing and its sales records are deleted';
      return g[0] === 'listing'
        ? 'the listing is deleted'
        : g[0]
          ? 'the sales records are deleted'
          : undefined;
    }
    case 'otherListings': {
      const l = d.otherListings ?? [];
      const ids = l.slice(0, 5).map((x) => x.listingId);
      return `${l.length} more listing${l.length === 1 ? '' : 's'} (${ids.join(', ')}${l.length > 5 ? ', …' : ''})`;
    }
    case 'frozenAccounts':
      return `frozen: ${(d.frozenAccounts ?? []).map((a) => `${a.account} ${a.amount}`).join('; ')}`;
    case 'frozenAmount':
      // Each account with its amount is said instead, when it was read.
      return d.frozenAccounts?.length ? undefined : `frozen: ${short(d.frozenAmount ?? '')}`;
    case 'stockUnits':
      return `stock: ${d.stockUnits} units`;
    case 'rightsBasis':
      // Invoices prove genuine goods (first sale), never an authorization.
      return `your rights rest on: ${d.rightsBasis === 'letter' ? 'a signed authorization letter' : 'invoices for genuine goods, not an authorization'}`;
    case 'noticeText':
      return 'the pasted notice is kept for the lawyer';
    case 'legalSigns':
      return `you mentioned ${(d.legalSigns ?? []).join(', ')}: take offline, delete nothing`;
    default: {
      const v = d[key];
      if (v === undefined) return undefined;
      return `${DETAIL_NAMES[key]}: ${short(Array.isArray(v) ? v.join(', ') : String(v))}`;
    }
  }
}

/** The details that are new or changed, in words. */
export function detailItems(before: Details, after: Details): string[] {
  const out: string[] = [];
  for (const k of Object.keys(DETAIL_NAMES) as (keyof Details)[]) {
    if (after[k] === undefined || JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    const item = detailItem(k, after);
    if (item) out.push(item);
  }
  return out;
}

/**
 * Details proposed in place of the case's (a value an answer gave that differs from one the seller gave
 * before), each beside what the case says now: asked about, like a fact that contradicts an answer.
 */
export function proposedDetailItems(current: Details, proposed: Details = {}): string[] {
  const out: string[] = [];
  for (const k of Object.keys(DETAIL_NAMES) as (keyof Details)[]) {
    if (proposed[k] === undefined) continue;
    const now = detailItem(k, { ...current, ...proposed });
    if (!now) continue;
    const was = current[k] === undefined ? undefined : detailItem(k, current);
    out.push(was ? `${now} (the case says: ${was})` : now);
  }
  return out;
}
