import type { Details } from '../model/facts.js';
import { type Amount, FREEZE_WORD, readFrozenAccounts } from './frozen-accounts.js';

// Money in the seller's words or a pasted notice: what is frozen (and in which accounts) and what a demand
// letter asks for. Amounts are kept as written ("$12,450", "5万元"); none of them decides a route.

// ---------- amounts ----------

// A number as written: "5,000", "12,500.50", "5000", "1.5". Thousands groups are matched exactly, and where a
// number may start is fenced with (?<![\d,.]), so a long run of digits and commas is read in linear time.
export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

// "$3,200", "US$ 12,500.50", "USD 8,000", "3200 USD", "5000美元", "5万元", "3万美元", "1.2万元", "￥8,000".
const AMOUNT = new RegExp(
  String.raw`(?:us\$|usd|\$|rmb|cny|¥|￥|eur|€|gbp|£)\s?${NUM}(?:k\b|万|萬)?|(?<![\d,.])${NUM}\s?(?:(?:usd|dollars|rmb|eur|gbp)\b|[万萬]?(?:美元|美金|元|人民币|人民幣))`,
  'gi',
);

function amounts(text: string): Amount[] {
  return [...text.matchAll(AMOUNT)].map((m) => ({
    text: m[0].replace(/\s+/g, ' '),
    at: m.index,
    end: m.index + m[0].length,
  }));
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

// What the seller may pay, asks about paying or budgets is its settlement authority, not the other side's
// demand: "we can pay up to $2,000", "our budget is $3,000", "Can we settle for $2,000?", "我们最多能赔2万".
const OURS =
  /\b(?:we|i)\b(?:\s+[\w']+){0,3}?\s+(?:pay|settle|offer|afford|spend|give|accept)\b|\b(?:budget|afford|up to|at most|max(?:imum)?|no more than|willing|prepared to|authori[sz]\w*|(?:can|could|should|shall|do|would) (?:we|i))\b|(?:我们|我方|我司|老板)[^，。,]{0,8}?(?:愿意|能|可以|最多|只能|打算)|预算|最多/i;

// Unless the words say the other side asks it: "we were asked to pay $5,000", "they want us to pay $3,000".
const THEIRS =
  /\b(?:(?:we|i) (?:were|was|are|am|have been|'ve been) (?:asked|told|ordered|required) to|(?:asks?|asked|wants?|wanted|tells?|told|demands?|demanded|requires?|required) (?:us|me) to)\b|要求我们/i;

function demandAmount(text: string, all: Amount[], frozen: Amount[]): string | undefined {
  for (const w of text.matchAll(DEMAND_WORD)) {
    const after = w.index + w[0].length;
    const next = all.find((a) => a.at >= after && a.at - after <= 40 && !frozen.includes(a));
    // The amount must be in the same sentence as the demand.
    if (!next || /[.;!?。；！？\n]/.test(text.slice(after, next.at).replace(/\d\.\d/g, ''))) continue;
    // The sentence up to the amount (a sentence is short: no more than 200 characters are read back).
    const from = Math.max(0, w.index - 200);
    const head = text.slice(from, next.at).replace(/\d\.\d/g, '0');
    const sentence = head.slice(head.search(/[^.;!?。；！？\n]*$/));
    if (!OURS.test(sentence) || THEIRS.test(sentence)) return next.text;
  }
  return undefined;
}

const ACCOUNTS =
  /\b(paypal|payoneer|stripe|alipay|pingpong|lianlian|worldfirst|aliexpress|amazon|walmart|ebay)\b/g;
const ACCOUNT_NAMES: Record<string, string> = {
  paypal: 'PayPal',
  aliexpress: 'AliExpress',
  ebay: 'eBay',
  pingpong: 'PingPong',
  lianlian: 'LianLian',
  worldfirst: 'WorldFirst',
};

type Money = Pick<Details, 'frozenAmount' | 'frozenAccounts' | 'demandAmount'>;

/**
 * The frozen amounts (each with its account, when the words pair them), and the demanded amount.
 * `frozenAmount` is the human summary: "$12,450 (AliExpress); $3,100 (PayPal)", or with one amount as before,
 * "$1,200 (PayPal)". `frozenAccounts` holds only the sure pairs: an unsure account is left for the lawyer
 * note to ask about, never guessed.
 */
export function readMoney(text: string, t: string): Money {
  const d: Money = {};
  const all = amounts(text);
  const reading = readFrozenAccounts(text, all);
  if (reading.pairs.length > 0) d.frozenAccounts = reading.pairs.slice(0, 20);
  // With no amount beside an account, the amount nearest a freeze word (the reading before accounts were
  // paired), but not money said of something else ("we paid them $2,000, … the PayPal funds are still frozen").
  const frozen =
    reading.named.length > 0
      ? undefined
      : frozenAmount(
          text,
          all.filter((a) => !reading.otherMoney.includes(a.at)),
        );
  if (reading.named.length > 0) {
    d.frozenAmount = reading.named
      .map((n) => `${n.amount} (${n.accounts.join(', ')})`)
      .join('; ')
      .slice(0, 200);
  } else if (frozen) {
    // No amount sits beside an account: the amount nearest a freeze word, with every account the text names
    // (which one holds it is for the lawyer to ask).
    // Not the marketplace of a pasted link: "aliexpress.com/item/…" is the listing, not a frozen account.
    const words = t.replace(/\S+/g, (w) => (/https?:\/\/|www\.|\.com\//.test(w) ? ' ' : w));
    const accounts = [...new Set([...words.matchAll(ACCOUNTS)].map((m) => m[1] as string))];
    const names = accounts.map((a) => ACCOUNT_NAMES[a] ?? `${a[0]?.toUpperCase()}${a.slice(1)}`);
    d.frozenAmount = names.length > 0 ? `${frozen.text} (${names.join(', ')})` : frozen.text;
  }
  const frozenOnes = all.filter((a) => reading.named.some((n) => n.amount === a.text) || a === frozen);
  const demand = demandAmount(text, all, frozenOnes);
  if (demand) d.demandAmount = demand;
  return d;
}
