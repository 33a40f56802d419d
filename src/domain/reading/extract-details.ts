import type { Details } from '../model/facts.js';

// Details for the drafts and the lawyer note, read from the seller's words or a pasted notice: who (plaintiff,
// law firm, court, store), which ids, how much (frozen, demanded, in stock) and what the seller already did
// (deleted the listing or its records). The dates (the TRO's issue date, the reply-by date) are in extract-dates.ts. None of them
// decides a route; a detail not found is simply absent and shows as a placeholder in the drafts.

// ---------- amounts ----------

// A number as written: "5,000", "12,500.50", "5000", "1.5". Thousands groups are matched exactly, and where a
// number may start is fenced with (?<![\d,.]), so a long run of digits and commas is read in linear time.
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

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

// ---------- who: plaintiff, law firm, court, store ----------

// A name as written: capitalised words, "&", "and", commas between parts ("Greer, Burns & Crain", "Nike, Inc.").
const NAME_WORD = String.raw`[A-Z][\w&'’.-]*`;
const NAME = `${NAME_WORD}(?:,? (?:&|and|of) ${NAME_WORD}|,? ${NAME_WORD}){0,5}`;
const ABBREVIATED = /\b(inc|corp|co|ltd|bros|l\.l\.c|s\.a|n\.v|b\.v|p\.c)\.$/i;

/** A name without a sentence's full stop ("LLC."), keeping an abbreviation's ("Acme Inc."). */
function tidyName(name: string): string {
  const s = name.trim().replace(/[,;:]+$/, '');
  return ABBREVIATED.test(s) ? s : s.replace(/\.+$/, '');
}

function plaintiff(text: string): string | undefined {
  // "Plaintiff: Acme Corp", "the plaintiff is Acme Holdings LLC." (a name starts with a capital: not "is not …").
  // Not "Counsel for Plaintiff: Greer, Burns & Crain" (the firm); a comma before "Ltd."/"Inc." is the name's.
  const label =
    /(?<!\bfor )\b(?:[Pp]laintiffs?|PLAINTIFFS?|[Cc]omplainant|[Rr]ights? (?:[Hh]older|[Oo]wner)|[Bb]rand [Oo]wner)(?: is|\s*[:：])\s*(?:the )?([A-Z0-9][^\n;:()]{1,80}?)(?=\s*(?:,(?!\s*(?:Ltd|Inc|LLC|L\.L\.C|Co|Corp|GmbH|S\.A|B\.V)\b)|[;\n(]|(?<!\b(?:Inc|Corp|Co|Ltd))\.(?:\s|$)|$| v\.| and | has | have | is | was ))/.exec(
      text,
    );
  // "Acme Corp. We got the email …": the abbreviation's full stop also ended the sentence.
  if (label?.[1])
    return tidyName(label[1].replace(/^(.*?\b(?:Inc|Corp|Co|Ltd)\.)\s+[A-Z][a-z]*\s+[a-z].*$/, '$1'));
  // A caption over several lines: "ACME BRANDS, INC.,\nPlaintiff,\nv.\nTHE PARTNERSHIPS …".
  const block = /(?:^|\n)\s*([A-Z][^\n]{1,100}?),?\s*\n\s*Plaintiffs?,?\s*\n\s*vs?\.?\s*(?:\n|$)/.exec(text);
  if (block?.[1]) return tidyName(block[1]);
  // A court caption: "Acme Inc. v. The Partnerships and Unincorporated Associations Identified on Schedule A".
  const caption = new RegExp(
    String.raw`(?<![\w-])(${NAME})\s+vs?\.\s+(?:the\s+)?(?:partnerships|individuals|defendants|schedule|[A-Z])`,
  ).exec(text);
  const name = caption?.[1] && tidyName(caption[1].replace(/^(?:Case|In|Re|Caption|Plaintiff)\b[\s,:]*/, ''));
  if (name && /^[A-Z]/.test(name)) return name;
  const zh = /(?:原告|投诉方|权利人|品牌方)\s*[:：]\s*([^\s，。；,;\n]{2,60})/.exec(text);
  return zh?.[1];
}

// Law firms that file many Schedule A cases, as sellers write them (initials, no punctuation, one partner).
const KNOWN_FIRMS: [RegExp, string][] = [
  [/greer,? burns,? (?:&|and) crain|\bgbc\b/i, 'Greer, Burns & Crain'],
  [/keith (?:a\. )?vogt/i, 'Keith A. Vogt, Ltd.'],
  [/palmer law group/i, 'Palmer Law Group'],
  [/hughes socol piers|\bhsprd\b/i, 'Hughes Socol Piers Resnick & Dym'],
  [/aronberg goldgehn|\bagdg\b/i, 'Aronberg Goldgehn Davis & Garmisa'],
  [/epstein drangel/i, 'Epstein Drangel'],
  [/ference (?:&|and) associates/i, 'Ference & Associates'],
  [/david gulbransen/i, 'Law Office of David Gulbransen'],
  [/ford banister/i, 'Ford Banister IP'],
];

// Suffixes law firms use; not LLC or Ltd, which most plaintiffs (companies) carry too.
const FIRM_SUFFIX = String.raw`(?:LLP|L\.L\.P\.|PLLC|P\.C\.|Law Group|Law Firm|Law Offices?|IP Law|& Associates)`;
const LEADING_WORDS =
  /^(?:Yesterday|Today|The|A|An|From|By|Our|We|Got|Dear|Counsel|Attorneys?|Lawyers?|Firm|Email|Letter)\b[\s,:]*/;

function lawFirm(text: string): string | undefined {
  for (const [re, name] of KNOWN_FIRMS) if (re.test(text)) return name;
  const officeOf = new RegExp(String.raw`\bLaw Offices? of (${NAME})`).exec(text);
  if (officeOf?.[0]) return tidyName(officeOf[0]);
  const suffixed = new RegExp(String.raw`(${NAME}),? ${FIRM_SUFFIX}(?![\w])`).exec(text);
  if (suffixed?.[0]) {
    let name = suffixed[0];
    while (LEADING_WORDS.test(name)) name = name.replace(LEADING_WORDS, '');
    if (name.length > 0 && !new RegExp(`^${FIRM_SUFFIX}$`).test(name)) return tidyName(name);
  }
  const zh = /([A-Za-z\u4e00-\u9fa5]{2,20}律师事务所)/.exec(text);
  if (zh?.[1]) return zh[1];
  // "an email from the Nike law firm": the name the seller gave, marked as a law firm.
  const from =
    /\b(?:from|by)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+(law firm|lawyers?|attorneys?)\b/.exec(
      text,
    );
  if (from?.[1]) return `${from[1]} (law firm)`;
  return undefined;
}

const COURT_ABBREVIATIONS: Record<string, string> = {
  ndil: 'N.D. Ill.',
  ndill: 'N.D. Ill.',
  sdny: 'S.D.N.Y.',
  edny: 'E.D.N.Y.',
  sdfl: 'S.D. Fla.',
  sdfla: 'S.D. Fla.',
  wdpa: 'W.D. Pa.',
};
const COURT_ZH: [RegExp, string][] = [
  [/伊利诺伊州?北区/, 'Northern District of Illinois'],
  [/纽约州?南区/, 'Southern District of New York'],
  [/佛罗里达州?南区/, 'Southern District of Florida'],
  [/宾夕法尼亚州?西区/, 'Western District of Pennsylvania'],
];

function court(text: string): string | undefined {
  const district =
    /\b((?:northern|southern|eastern|western|central|middle) district of [a-z]+(?: [a-z]+)?)|\b([NSEWCM]\.\s?D\.\s?(?:[A-Z]\.\s?[A-Z]\.|[A-Z][a-z]+\.?))/i.exec(
      text,
    );
  if (district?.[1]) return district[1].replace(/\s+(and|court|on|in|with|the|case|for)$/i, '');
  if (district?.[2]) return district[2];
  const short = /\b(ndil|ndill|sdny|edny|sdfl|sdfla|wdpa)\b/i.exec(text);
  if (short?.[1]) return COURT_ABBREVIATIONS[short[1].toLowerCase()];
  for (const [re, name] of COURT_ZH) if (re.test(text)) return name;
  return undefined;
}

function store(text: string): string | undefined {
  const labelled = /\b(?:store|shop)(?: name)?\s*[:：]\s*([^\n,;，；。]{2,60}?)\s*(?=[\n,;，；。]|$)/i.exec(
    text,
  );
  if (labelled?.[1]) return labelled[1].trim();
  // "our store XYZ Official Store": a capitalised name right after "our store", not "our store on AliExpress".
  const ours =
    /\b[Oo]ur (?:store|shop)(?:,| is| called| named)?\s+["“]?([A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9&][\w&'’.-]*){0,5})/.exec(
      text,
    );
  if (ours?.[1] && !/^(AliExpress|Amazon|ASIN|IPC-\d+)$/i.test(ours[1])) return ours[1].replace(/[.,]+$/, '');
  const official = /\b([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4}\s+Official\s+(?:Store|Shop))\b/.exec(text);
  if (official?.[1]) return official[1];
  const zh = /(?:店铺名称?|店名|店铺)\s*(?:是|叫|[:：])\s*([^\s，。；,;\n]{2,40})/.exec(text);
  return zh?.[1];
}

// ---------- ids ----------

// "Complaint ID: 1234567", "Amazon case ID 12345678901", "投诉编号：…". Not "Case No. 1:25-cv-01234" (a court case).
const COMPLAINT_ID =
  /\b(?:complaint|ipr|report|ticket|notice|reference)\s*(?:id|no\.?|number|#)\s*[:：#]?\s*([A-Z0-9][A-Z0-9-]{3,39})|\bcase\s*id\s*[:：#]?\s*([A-Z0-9][A-Z0-9-]{3,39})|(?:投诉|案件)(?:编号|单号|号|id)\s*[:：]?\s*([A-Z0-9-]{4,40})/gi;

export function complaintIdSpans(text: string): { id: string; index: number; end: number }[] {
  const out: { id: string; index: number; end: number }[] = [];
  for (const m of text.matchAll(COMPLAINT_ID)) {
    const id = m[1] ?? m[2] ?? m[3];
    // An id has a digit ("complaint no. from the brand" is not one), and a court case number is not a complaint id.
    if (!id || !/\d/.test(id) || /\d{2}-cv-/i.test(id)) continue;
    out.push({ id, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

// ---------- stock ----------

// Stock counts, most telling first: what is left beats what was sold ("sold 300 units, 20 left").
const STOCK_PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`(?<![\w.,$/:-])(${NUM})\s*(k\b)?\s*(?:(?:units?|pcs|pieces?|sets?|items?|products?) )?(?:in stock|in inventory|left|in (?:the |our )?warehouse)`,
  ),
  new RegExp(
    String.raw`\b(?:stock|inventory)(?: level)?(?: is| of|:)? (?:about |around |~)?(${NUM})\s*(k\b)?`,
  ),
  // 库存5000件, 库存 1万 件, 还有30件库存, 还剩200个.
  new RegExp(String.raw`库存(?:还)?(?:有|约|大约|大概|共|剩)?\s*(${NUM})\s*(万)?\s*(?:件|个|套|pcs)?`),
  new RegExp(
    String.raw`(?<![\d,.])(${NUM})\s*(万)?\s*(?:件|个|套)\s*(?:的)?库存|还(?:剩|有)\s*(${NUM})\s*(万)?\s*(?:件|个|套)`,
  ),
  // Not "we sold 3,000 units last year": sales are not stock.
  new RegExp(
    String.raw`(?<![\w.,$/:-])(?<!(?:sold|shipped|sell|sells|selling|ordered|delivered) (?:about |around |over |only )?)(${NUM})\s*(k\b)?\s*(?:units?|pcs|pieces?|sets?)\b`,
  ),
];

function stockUnits(t: string): number | undefined {
  // Not "2 items were reported" or "$3 per unit".
  for (const re of STOCK_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const digits = m[1] ?? m[3];
    const unit = m[1] !== undefined ? m[2] : m[4];
    if (!digits) continue;
    const n = Number(digits.replace(/,/g, ''));
    const times = unit === 'k' ? 1000 : unit === '万' ? 10_000 : 1;
    if (Number.isFinite(n)) return Math.round(n * times);
  }
  return undefined;
}

// ---------- what the seller already did ----------

const NEGATED = String.raw`(?<!(?:n't|not|never|no) (?:\w+ ){0,2})`;
const DELETED_LISTING = new RegExp(
  String.raw`${NEGATED}\b(?:deleted|permanently removed)\s+(?:it|them|the (?:listings?|products?|items?|asins?|links?|page)|this (?:listing|product|item|asin)|that (?:listing|product|item)|all (?:the |our )?listings)\b(?! from)|\b(?:listing|product|item|asin|link)s? (?:was|were|is|are|has been|have been) deleted\b`,
);
// Records are everything the case could need besides the listing: sales and order data, reports, buyer
// messages, the photos.
const RECORD_WORDS = String.raw`(?:(?:sales|orders?|transactions?)\s*(?:records?|history|data|reports?)|sales reports?|(?:buyer |customer )?(?:messages|chats?|chat (?:history|logs?))|photos|pictures|images)`;
const DELETED_RECORDS = new RegExp(
  String.raw`${NEGATED}\b(?:deleted|removed|cleared|erased|wiped)\b(?:(?!\bfrom\b)[^.;!?]){0,40}?\b${RECORD_WORDS}\b|\b${RECORD_WORDS} (?:was|were|is|are|has been|have been) (?:deleted|cleared|erased)`,
);
// 已删除, 删除了链接: not 没有删除 / 不要删除 / 要不要删除 / 删除吗.
// In Chinese, what was deleted is read clause by clause: the object may come before the verb (把聊天记录删了),
// and only a finished deletion counts (已 / 了 / 过). A question, a plan (打算, 想, 明天…), a deletion in
// progress (正在) or the platform's own removal (平台删除了我们的链接) is not the seller's act.
const ZH_RECORDS = /订单|销售|交易|记录|数据|报表|聊天|消息|照片|图片|发票/;
const ZH_LISTING = /链接|产品|商品|listing|页面|宝贝/;
const ZH_NOT_DONE =
  /吗|？|\?|没|未|不要|别|是否|能不能|能否|可以|要不要|需要|应该|必须|请|建议|要求|打算|想|计划|准备|明天|以后|将|会|正在|老板说|让我们|平台|速卖通|亚马逊|系统|官方/;

function zhDeleted(text: string): ('listing' | 'records')[] {
  const found = new Set<'listing' | 'records'>();
  for (const clause of text.split(/[，,。.;；！!？?\n]/)) {
    const at = clause.search(/删|清空|清除|销毁/);
    if (at < 0) continue;
    const done = /已|删(?:除|掉)?了|删过|清空了|清除了|销毁了/.test(clause);
    if (!done || ZH_NOT_DONE.test(clause)) continue;
    const records = ZH_RECORDS.test(clause);
    if (records) found.add('records');
    if (ZH_LISTING.test(clause) || !records) found.add('listing');
  }
  return [...found];
}
const ZH_OFFLINE = /(?<!没有?|未|不要?|别|否|要不要|是否)(?:已经?|已)下架|下架了/;

function deleted(t: string): Details['deleted'] {
  const out: ('listing' | 'records')[] = [];
  const zh = zhDeleted(t);
  if (DELETED_LISTING.test(t) || zh.includes('listing')) out.push('listing');
  if (DELETED_RECORDS.test(t) || zh.includes('records')) out.push('records');
  return out.length > 0 ? out : undefined;
}

function delisted(t: string, gone: Details['deleted']): boolean {
  if (gone?.includes('listing')) return true;
  // The listing itself must be what was taken down, not "removed the brand name from the title".
  return (
    /(already|have|has|we|i) (delisted|deleted|removed|taken down|took down) (it|the (listing|product|item|asin)|this (listing|product|item|asin)|that (listing|product|item))\b(?! from)/.test(
      t,
    ) ||
    /(already|have|has|we|i) (delisted|deleted) it\b|\b(took|taken) (it|the listing|the product) down\b|(listing|product|item|asin) (was|is|has been) (delisted|deleted|removed|taken down)/.test(
      t,
    ) ||
    // Taken offline is not deleted, but it is down.
    /\b(took|taken|put|set) (it|the (listing|product|item)) offline\b|\b(listing|product|item) (is|was|has been) (offline|deactivated)\b/.test(
      t,
    ) ||
    ZH_OFFLINE.test(t)
  );
}

// ---------- brand ----------

function brandOf(text: string): string | undefined {
  const m =
    /\b(?:from|by)\s+([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\b(?!\s*(?:'s\s+)?(?:law firm|lawyers?|attorneys?)\b)(?=\s*(?:'s\s+)?(?:(?:brand|trademark|complaint|on|about|against|regarding)\b|,|\.|$))/.exec(
      text,
    ) ??
    /\b([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s+(?:trademark|brand|design patent|patent|copyright|logo)\b/.exec(
      text,
    ) ??
    /商标是\s*([A-Za-z][\w&'’-]*)/.exec(text);
  const brand = m?.[1]?.trim();
  if (!brand) return undefined;
  const stop = new Set([
    'A',
    'An',
    'The',
    'Got',
    'I',
    'We',
    'My',
    'Our',
    'Their',
    'Amazon',
    'AliExpress',
    'ASIN',
    'TRO',
    'IP',
    'IPR',
    'US',
    'Design',
    'Utility',
    'GBC',
  ]);
  const words = brand.split(/\s+/).filter((w) => !stop.has(w));
  return words.length ? words.join(' ') : undefined;
}

// ---------- all together ----------

const ACCOUNTS =
  /\b(paypal|payoneer|stripe|alipay|pingpong|lianlian|worldfirst|aliexpress|amazon|walmart|ebay)\b/g;
const ACCOUNT_NAMES: Record<string, string> = { paypal: 'PayPal', aliexpress: 'AliExpress', ebay: 'eBay' };

/**
 * Every detail in the text except the listings and the dates that need the notice date (see extract.ts).
 * `text` is as written (names keep their capitals); `t` is lower-cased with whitespace collapsed.
 */
export function readDetails(text: string, t: string): Details {
  const d: Details = {};
  // US federal case numbers: "1:25-cv-01234", often written without the office number ("25-cv-01234").
  const caseNo = /\b((?:\d:)?\d{2}-cv-\d{2,6}(?:-[A-Z]{1,4})?)\b/i.exec(text);
  if (caseNo?.[1]) d.caseNumber = caseNo[1];
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
  const firm = lawFirm(text);
  if (firm) d.lawFirm = firm;
  const where = court(text);
  if (where) d.court = where;
  const complaint = complaintIdSpans(text)[0];
  if (complaint) d.complaintId = complaint.id;
  const who = plaintiff(text);
  if (who) d.plaintiff = who.slice(0, 300);
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
  return d;
}
