import type { Details } from '../model/facts.js';

// Money in the seller's words or a pasted notice: what is frozen (and in which accounts) and what a demand
// letter asks for. Amounts are kept as written ("$12,450", "5万元"); none of them decides a route.

// ---------- amounts ----------

// A number as written: "5,000", "12,500.50", "5000", "1.5". Thousands groups are matched exactly, and where a
// number may start is fenced with (?<![\d,.]), so a long run of digits and commas is read in linear time.
export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

// "$3,200", "US$ 12,500.50", "USD 8,000", "3200 USD", "5000美元", "5万元".
const AMOUNT = new RegExp(
  String.raw`(?:us\$|usd|\$|rmb|cny|¥|￥|eur|€)\s?${NUM}(?:k\b|万)?|(?<![\d,.])${NUM}\s?(?:(?:usd|dollars|rmb|eur)\b|万?(?:美元|美金|元|人民币))`,
  'gi',
);
const FREEZE_WORD = /\b(frozen|froze|freeze|freezing|on hold|held|restrain\w*)\b|冻结/gi;

interface Amount {
  text: string;
  at: number;
}

function amounts(text: string): Amount[] {
  return [...text.matchAll(AMOUNT)].map((m) => ({ text: m[0].replace(/\s+/g, ' '), at: m.index }));
}

/** The amount said to be frozen: of all amounts, the one closest to a freeze word ("owe $5,000, $1,200 is frozen"). */
function frozenAmount(text: string, all: Amount[]): Amount | undefined {
  const freezes = [...text.matchAll(FREEZE_WORD)].map((m) => m.index);
  if (freezes.length === 0) return undefined;
  let best: { amount: Amount; distance: number } | undefined;
  for (const a of all) {
    const distance = Math.min(...freezes.map((f) => Math.abs(f - a.at)));
    if (!best || distance < best.distance) best = { amount: a, distance };
  }
  return best?.amount;
}

// What a demand letter asks for: "demands $15,000", "a settlement of USD 8,000", "pay 5,000 USD in damages".
const DEMAND_WORD =
  /\b(demand(?:s|ed|ing)?|settle(?:ment)?|settling|ask(?:s|ed|ing)? (?:us )?(?:to pay|for)|wants?|want(?:s|ed)? us to pay|pay|owe|damages|compensation|penalty)\b|赔偿|索赔|和解|要求支付|罚款|要求/gi;

function demandAmount(text: string, all: Amount[], frozen: Amount | undefined): string | undefined {
  for (const w of text.matchAll(DEMAND_WORD)) {
    const after = w.index + w[0].length;
    const next = all.find((a) => a.at >= after && a.at - after <= 40 && a !== frozen);
    // The amount must be in the same sentence as the demand.
    if (next && !/[.;!?。；！？\n]/.test(text.slice(after, next.at).replace(/\d\.\d/g, ''))) return next.text;
  }
  return undefined;
}

const ACCOUNTS =
  /\b(paypal|payoneer|stripe|alipay|pingpong|lianlian|worldfirst|aliexpress|amazon|walmart|ebay)\b/g;
const ACCOUNT_NAMES: Record<string, string> = { paypal: 'PayPal', aliexpress: 'AliExpress', ebay: 'eBay' };

/** The frozen amount (with the accounts named) and the demanded amount, when the words say them. */
export function readMoney(text: string, t: string): Pick<Details, 'frozenAmount' | 'demandAmount'> {
  const d: Pick<Details, 'frozenAmount' | 'demandAmount'> = {};
  const all = amounts(text);
  const frozen = frozenAmount(text, all);
  if (frozen) {
    // Which account is frozen matters to the lawyer as much as how much.
    // Not the marketplace of a pasted link: "aliexpress.com/item/…" is the listing, not a frozen account.
    const words = t.replace(/\S*(?:https?:\/\/|www\.|\.com\/)\S*/g, ' ');
    const accounts = [...new Set([...words.matchAll(ACCOUNTS)].map((m) => m[1] as string))];
    const names = accounts.map((a) => ACCOUNT_NAMES[a] ?? `${a[0]?.toUpperCase()}${a.slice(1)}`);
    d.frozenAmount = names.length > 0 ? `${frozen.text} (${names.join(', ')})` : frozen.text;
  }
  const demand = demandAmount(text, all, frozen);
  if (demand) d.demandAmount = demand;
  return d;
}
