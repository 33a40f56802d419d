import type { Details } from '../model/facts.js';
import { NUM } from './detail-money.js';

// What the seller has and has already done: stock on hand, and whether the listing or its records were
// deleted or the listing taken offline (deleting matters to a lawyer: evidence must be kept).

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

export function stockUnits(t: string): number | undefined {
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

export function deleted(t: string): Details['deleted'] {
  const out: ('listing' | 'records')[] = [];
  const zh = zhDeleted(t);
  if (DELETED_LISTING.test(t) || zh.includes('listing')) out.push('listing');
  if (DELETED_RECORDS.test(t) || zh.includes('records')) out.push('records');
  return out.length > 0 ? out : undefined;
}

// `delisted` means the listing is off sale, whoever took it down: the seller ("we took it down"), or the
// platform acting on the complaint (Amazon's "We removed the content.", "eBay took down https://…/itm/…",
// AliExpress's "The product has been removed."). Read sentence by sentence: a question, a hedge or a plan
// ("have they removed it?", "Amazon may have removed the listing", "if the listing is removed") is not it,
// nor a part of the listing ("removed the brand name from the title", "the listing's photos were removed").
const LISTING_NOUN = String.raw`(?:listings?|products?|items?|asins?|content|offers?|product pages?|pages?|links?)`;
const DOWN_VERB = String.raw`(?:delisted|deleted|removed|deactivated|disabled|suppressed|blocked|taken down|took down|closed)`;
const NOT_PART = String.raw`(?!['’]s)(?! (?:from|photos?|images?|pictures?|titles?|descriptions?))`;
const DELISTED_PATTERNS: RegExp[] = [
  // "we already delisted it", "we removed the listing", "Amazon removed our listing", "We removed the content".
  new RegExp(
    String.raw`\b(?:already|have|has|had|we|i)\s+${DOWN_VERB}\s+(?:it|them)\b(?! from)|\b(?:already|have|has|had|we|i|they|amazon|ebay|aliexpress|walmart|etsy|temu|tiktok|the platform)\s+${DOWN_VERB}\s+(?:the|this|that|these|those|our|your|my|its|their)\s+${LISTING_NOUN}\b${NOT_PART}`,
  ),
  // "the listing was removed", "The product has been removed.", "item 334455667788 was taken down".
  new RegExp(
    String.raw`\b${LISTING_NOUN}(?: (?:b0[a-z0-9]{8}|\d{6,}))?\s+(?:was|were|is|are|has been|have been|had been|got)\s+(?:delisted|deleted|removed|taken down|taken offline|deactivated|disabled|suppressed|blocked)\b${NOT_PART}`,
  ),
  // "we took it down", "eBay took down https://www.ebay.com/itm/…", "took down the listing".
  new RegExp(
    String.raw`\b(?:took|taken) (?:it|them|the listing|the product|the item) down\b|\btook down (?:(?:the|our|your|this|that|my) )?(?:${LISTING_NOUN}\b${NOT_PART}|(?:https?:\/\/|www\.)\S*(?:\/itm\/|\/item\/|\/dp\/|\/ip\/|\/listing\/)|(?:item|listing|asin) (?:b0[a-z0-9]{8}|\d{6,}))`,
  ),
  // Taken offline is not deleted, but it is down.
  /\b(?:took|taken|put|set) (?:it|the (?:listing|product|item)) offline\b|\b(?:listing|product|item) (?:is|was|has been) (?:offline|deactivated)\b/,
];
// A question, a hedge, a condition or a plan in the sentence before the words.
const NOT_SURE =
  /\b(?:may|might|maybe|perhaps|possibly|probably|not sure|unsure|if|whether|unless|once|when|will|would|should|could|i think|we think|seems?|be)\s+(?:\S+\s+){0,4}$/;

export function delisted(t: string, gone: Details['deleted']): boolean {
  if (gone?.includes('listing')) return true;
  if (ZH_OFFLINE.test(t)) return true;
  for (const sentence of t.split(/(?<=[.!?;])\s+/)) {
    if (sentence.includes('?')) continue;
    for (const re of DELISTED_PATTERNS) {
      const m = re.exec(sentence);
      if (m && !NOT_SURE.test(sentence.slice(0, m.index))) return true;
    }
  }
  return false;
}
