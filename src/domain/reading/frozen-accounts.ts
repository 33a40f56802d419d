// Which account holds which frozen amount: "$12,450 on AliExpress and $3,100 on PayPal" is two accounts with
// two amounts, not one amount in two accounts. A lawyer asks a court to release each account by its amount, so
// an amount is paired with an account only when the words leave no doubt: the two sit side by side in the same
// clause with nothing but filler between them ("on", "in our", "冻结了", ":"). When an amount could belong to
// either of two accounts, or to several named together ("PayPal and Payoneer froze $5,000"), no pair is made
// (the lawyer note asks) and the summary names them together, as the seller did.

/** An amount as written, and where its words are. */
export interface Amount {
  text: string;
  at: number;
  end: number;
}

export interface AccountAmount {
  account: string;
  amount: string;
}

/** Each frozen amount with the account(s) it is said of, in the order written. */
export interface FrozenReading {
  /** Sure pairs only: one account, one amount. */
  pairs: AccountAmount[];
  /** Every frozen amount that names an account, sure or not (several accounts when unsure). */
  named: { amount: string; accounts: string[] }[];
  /** Where the amounts about other money start ("we paid them $2,000", "sales of $9,000"): never frozen. */
  otherMoney: number[];
}

// The account names a Schedule A defence firm asks about, English and Chinese (simplified and traditional).
const ACCOUNT_WORDS: [RegExp, string][] = [
  [/\bpay ?pal\b/gi, 'PayPal'],
  [/\bpayoneer\b|派安盈/gi, 'Payoneer'],
  [/\bping ?pong\b/gi, 'PingPong'],
  [/\blian ?lian(?: ?pay)?\b|连连(?:支付)?|連連(?:支付)?/gi, 'LianLian'],
  [/\bworld ?first\b|万里汇|萬里匯/gi, 'WorldFirst'],
  [/\bstripe\b/gi, 'Stripe'],
  [/\bali ?pay\b|支付宝|支付寶/gi, 'Alipay'],
  [/\bamazon\b|亚马逊|亞馬遜/gi, 'Amazon'],
  [/\bali ?express\b|速卖通|速賣通/gi, 'AliExpress'],
  [/\bwalmart\b|沃尔玛|沃爾瑪/gi, 'Walmart'],
  [/\bebay\b|易贝|易貝/gi, 'eBay'],
];

// Words that stand between an account and its amount without changing what is said of whom.
// "from" is not one: "$3,000 from Amazon sales frozen in PayPal" is PayPal's money.
const FILLER =
  /^(?:[\s:：\-–—(（~]|\b(?:on|in|at|of|with|our|my|the|its|their|account|accounts|acct|wallet|balance|store|shop|seller|funds?|money|is|are|was|were|has|have|had|been|got|being|frozen|froze|freezes|held|hold|restrained|locked|about|around|approx(?:imately|\.)?|roughly|nearly|almost|over|total(?:ling)?)\b|冻结了?|凍結了?|被|的|账户|账号|帐户|帐号|賬戶|帳戶|帳號|里面?|裡面?|中|内|內|有|资金|資金|余额|餘額|钱|錢|约|約|大约|大約|大概|一共|共)*$/i;
// Words that list accounts together: "PayPal and Payoneer", "PayPal、连连".
const LIST_JOIN = /^\s*(?:,|&|\/|\+|\band\b|\bor\b|、|和|及|以及|与|與|跟|，)\s*$/i;
const MAX_GAP = 40;

// A freeze in the seller's or the notice's words; "restrained" and "withheld" are how a TRO and a platform say it.
export const FREEZE_WORD =
  /\b(frozen|froze|freeze|freezing|on hold|held|withheld|restrain\w*|locked)\b|冻结|凍結|冻住/gi;
// A clause about other money: sales, a demand, a price. An amount there is not a frozen amount, unless the
// clause itself says frozen.
const OTHER_MONEY =
  /\b(sold|sell|sales|revenue|turnover|earned|made|profit|price|cost|worth|value|refund\w*|withdr\w*|transferred|paid|pay|owe|demand\w*|settle\w*|damages|compensation|penalty|wants?|asks?|asking|fine)\b|销售|銷售|销量|卖了|賣了|营业额|收入|利润|赔偿|賠償|索赔|和解|要求|罚款|退款|提现|价格|售价|货值|库存|庫存/i;
const SUB_CLAUSE_BREAK = /,|，|、|\band\b|\bbut\b|\bwhile\b|和|但|另外/gi;

interface Token {
  kind: 'amount' | 'account';
  text: string;
  at: number;
  end: number;
}

/** The text with links and email addresses blanked (same length): "aliexpress.com/item/…" is a listing. */
function withoutLinks(text: string): string {
  // Word by word: a pattern like \S*link\S* would rescan a long word from each of its letters.
  return text.replace(/\S+/g, (w) => (/https?:\/\/|www\.|\.com\b|@/i.test(w) ? ' '.repeat(w.length) : w));
}

function accountTokens(text: string): Token[] {
  const words = withoutLinks(text);
  const out: Token[] = [];
  for (const [re, name] of ACCOUNT_WORDS)
    for (const m of words.matchAll(re))
      out.push({ kind: 'account', text: name, at: m.index, end: m.index + m[0].length });
  return out;
}

/** Sentence number of each position: a sentence ends at . ; ! ? or a new line (not a decimal point). */
function sentenceIds(text: string): Int32Array {
  const ids = new Int32Array(text.length + 1);
  let id = 0;
  for (let i = 0; i < text.length; i++) {
    ids[i] = id;
    const c = text[i] ?? '';
    if (/[;!?\n。；！？]/.test(c) || (c === '.' && !/\d/.test(text[i + 1] ?? ''))) id++;
  }
  ids[text.length] = id;
  return ids;
}

/** The clause around an amount, between commas, "and", "but" (and the sentence's ends). */
function subClause(sentence: string, at: number, end: number): string {
  // A clause is short: looking no further than this keeps a sentence of thousands of amounts linear.
  const from = Math.max(0, at - 200);
  const window = sentence.slice(from, end + 200);
  let start = 0;
  let stop = window.length;
  at -= from;
  end -= from;
  for (const m of window.matchAll(SUB_CLAUSE_BREAK)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= end) {
      stop = m.index;
      break;
    }
  }
  return window.slice(start, stop);
}

const hasFreeze = (s: string) => new RegExp(FREEZE_WORD.source, 'i').test(s);

/**
 * The frozen amounts and the accounts they are said of. `amounts` are every amount in `text` (any order).
 * An amount counts as frozen when its sentence says a freeze and its own clause is not about other money
 * (sales, a demand), or when it is a line of a list under a freeze ("Frozen:\nPayPal: $3,000").
 */
export function readFrozenAccounts(text: string, amounts: Amount[]): FrozenReading {
  const tokens: Token[] = [
    ...amounts.map((a) => ({ kind: 'amount' as const, text: a.text, at: a.at, end: a.end })),
    ...accountTokens(text),
  ].sort((a, b) => a.at - b.at);
  const ids = sentenceIds(text);
  const sentenceOf = (t: Token) => ids[t.at] ?? 0;
  const sentences = sentenceTexts(text, ids);
  const gap = (a: Token, b: Token) => text.slice(a.end, b.at);
  const tight = (a: Token | undefined, b: Token | undefined) =>
    !!a && !!b && sentenceOf(a) === sentenceOf(b) && b.at - a.end <= MAX_GAP && FILLER.test(gap(a, b));
  const joined = (a: Token | undefined, b: Token | undefined) =>
    !!a && !!b && sentenceOf(a) === sentenceOf(b) && LIST_JOIN.test(gap(a, b));

  const frozenSentences = qualifyingSentences(sentences, text, tokens, ids);
  const otherMoney: number[] = [];
  for (const t of tokens) {
    const s = sentences[sentenceOf(t)];
    if (t.kind !== 'amount' || !s) continue;
    const clause = subClause(s.text, t.at - s.start, t.end - s.start);
    if (OTHER_MONEY.test(clause) && !hasFreeze(clause)) otherMoney.push(t.at);
  }
  const frozen = tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => {
      if (t.kind !== 'amount') return false;
      const s = sentences[sentenceOf(t)];
      if (!s || !frozenSentences.has(sentenceOf(t))) return false;
      const clause = subClause(s.text, t.at - s.start, t.end - s.start);
      return hasFreeze(clause) || !OTHER_MONEY.test(clause);
    });

  // An account is bound when an amount sits tight on its far side: "$12,450 on AliExpress and PayPal froze
  // $3,100" lists no group, AliExpress has its own amount.
  const boundAway = (i: number, step: number) => {
    const far = tokens[i + step];
    return far?.kind === 'amount' && (step > 0 ? tight(tokens[i], far) : tight(far, tokens[i]));
  };
  /** The accounts named together from token i outwards (step −1 or +1), i included. */
  const group = (i: number, step: number): number[] => {
    const out = [i];
    let j = i;
    while (true) {
      const next = j + step;
      const other = tokens[next];
      if (other?.kind !== 'account') break;
      if (!(step > 0 ? joined(tokens[j], other) : joined(other, tokens[j]))) break;
      if (boundAway(next, step)) break;
      out.push(next);
      j = next;
    }
    return out;
  };

  type Candidate = { amountAt: number; options: number[]; group?: number[] };
  const candidates: Candidate[] = [];
  for (const { i } of frozen) {
    const options: number[] = [];
    let grouped: number[] | undefined;
    for (const step of [-1, 1]) {
      const n = i + step;
      const acc = tokens[n];
      if (acc?.kind !== 'account' || !(step < 0 ? tight(acc, tokens[i]) : tight(tokens[i], acc))) continue;
      const g = group(n, step);
      if (g.length > 1) grouped = [...(grouped ?? []), ...g];
      else options.push(n);
    }
    candidates.push(grouped ? { amountAt: i, options: [], group: grouped } : { amountAt: i, options });
  }

  // An amount with one account beside it takes it; an account two amounts want goes to neither; an amount
  // with an account on each side waits for its neighbours to take theirs ("PayPal $3,000 Payoneer $2,000").
  const taken = new Map<number, number>(); // account → amount (−1: wanted by two, given to neither)
  const owner = new Map<number, number>(); // amount → account
  let open = candidates.filter((c) => !c.group && c.options.length > 0);
  for (let round = 0; round < 4 && open.length > 0; round++) {
    const claims = new Map<number, Candidate[]>();
    for (const c of open) {
      c.options = c.options.filter((o) => !taken.has(o));
      const only = c.options.length === 1 ? c.options[0] : undefined;
      if (only !== undefined) claims.set(only, [...(claims.get(only) ?? []), c]);
    }
    if (claims.size === 0) break;
    for (const [acc, wanted] of claims) {
      const [one] = wanted;
      if (wanted.length === 1 && one) {
        taken.set(acc, one.amountAt);
        owner.set(one.amountAt, acc);
      } else {
        taken.set(acc, -1);
        for (const c of wanted) c.options = [];
      }
    }
    open = open.filter((c) => !owner.has(c.amountAt) && c.options.length > 0);
  }

  const pairs: AccountAmount[] = [];
  const named: FrozenReading['named'] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const amount = tokens[c.amountAt]?.text ?? '';
    const acc = owner.get(c.amountAt);
    if (acc !== undefined) {
      const account = tokens[acc]?.text ?? '';
      if (!seen.has(`${account}\n${amount}`)) {
        seen.add(`${account}\n${amount}`);
        pairs.push({ account, amount });
        named.push({ amount, accounts: [account] });
      }
    } else {
      const around = c.group ?? c.options;
      const accounts = [...new Set(around.sort((a, b) => a - b).map((n) => tokens[n]?.text ?? ''))];
      if (accounts.length > 0) named.push({ amount, accounts });
    }
  }
  if (pairs.length === 0 && named.length === 0) {
    const held = heldAccount(
      text,
      tokens,
      frozen.map(({ t }) => t),
      sentences,
      sentenceOf,
    );
    if (held) {
      pairs.push(held);
      named.push({ amount: held.amount, accounts: [held.account] });
    }
  }
  return { pairs, named, otherMoney };
}

// Words that say an account's money is what is frozen: "a hold on the funds in your Amazon seller account".
const MONEY_OF_ACCOUNT =
  /\b(?:accounts?|funds?|balance|wallet|money|payments?|disbursements?|payouts?)\b|账户|账号|帐户|資金|资金|余额|餘額|賬戶|帳戶/i;

/**
 * A platform's or a payment firm's own hold email: one account, said frozen in one sentence, and one frozen
 * amount in another ("We have placed a hold on the funds in your Amazon seller account due to a restraining
 * order. Funds withheld: $9,870.12."). Paired only when the whole text names that one account and no other,
 * the account's sentence speaks of its money being frozen, the amount's sentence names no account, and no
 * other amount is frozen.
 */
function heldAccount(
  text: string,
  tokens: Token[],
  frozen: Token[],
  sentences: Sentence[],
  sentenceOf: (t: Token) => number,
): AccountAmount | undefined {
  const amounts = [...new Set(frozen.map((t) => t.text))];
  const accountTokens = tokens.filter((t) => t.kind === 'account');
  const names = [...new Set(accountTokens.map((t) => t.text))];
  const [amount] = frozen;
  if (amounts.length !== 1 || names.length !== 1 || !amount) return undefined;
  if (accountTokens.some((t) => sentenceOf(t) === sentenceOf(amount))) return undefined;
  const said = accountTokens.some((t) => {
    const s = sentences[sentenceOf(t)]?.text ?? '';
    return hasFreeze(s) && MONEY_OF_ACCOUNT.test(s.replace(text.slice(t.at, t.end), ' '));
  });
  return said ? { account: names[0] ?? '', amount: amount.text } : undefined;
}

interface Sentence {
  text: string;
  start: number;
}

function sentenceTexts(text: string, ids: Int32Array): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (ids[i] !== ids[i - 1] || i === text.length) {
      out.push({ text: text.slice(start, i), start });
      start = i;
    }
  }
  return out;
}

/**
 * The sentences that speak of frozen money: those with a freeze word, and the lines of a list right under one
 * ("Frozen accounts:\n- PayPal: $3,000\n- Payoneer: $2,000"), a list line holding only an account and an amount.
 */
function qualifyingSentences(
  sentences: Sentence[],
  text: string,
  tokens: Token[],
  ids: Int32Array,
): Set<number> {
  const out = new Set<number>();
  const bySentence = new Map<number, Token[]>();
  for (const t of tokens) {
    const list = bySentence.get(ids[t.at] ?? 0);
    if (list) list.push(t);
    else bySentence.set(ids[t.at] ?? 0, [t]);
  }
  let listOpen = false;
  sentences.forEach((s, n) => {
    if (hasFreeze(s.text)) {
      out.add(n);
      listOpen = true;
      return;
    }
    const mine = bySentence.get(n) ?? [];
    let rest = text.slice(s.start, s.start + s.text.length);
    for (const t of mine)
      rest = `${rest.slice(0, t.at - s.start)}${' '.repeat(t.end - t.at)}${rest.slice(t.end - s.start)}`;
    const listLine =
      mine.some((t) => t.kind === 'amount') &&
      mine.some((t) => t.kind === 'account') &&
      /^[\s\-–•*·:：()（）\d.、]*$/.test(rest);
    if (listOpen && listLine) out.add(n);
    // A bullet's number ("1.") is no sentence of its own: only words end the list.
    else if (/[a-z\u4e00-\u9fff]/i.test(s.text)) listOpen = false;
  });
  return out;
}
