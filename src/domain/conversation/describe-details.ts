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
  demandAmount: 'they demand',
  responseDue: 'reply due by',
  store: 'store',
  stockUnits: 'stock',
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
      return v === undefined ? undefined : `${DETAIL_NAMES[key]}: ${short(String(v))}`;
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
