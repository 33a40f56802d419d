import type { Details } from '../model/facts.js';
import { supplier } from './detail-supplier.js';
import { sentencesOf } from './sentences.js';
import { toSimplified } from './traditional-zh.js';

export { sentencesOf };

// What a Schedule A defence firm asks at intake, when the seller's words say it: who the defendant is (the
// seller's company), its seller ids and store links, its Doe number on Schedule A, when the product was first
// listed, where it came from, earlier complaints from the same brand, what was already signed, paid or said
// to the plaintiff, how far a settlement may go, and how the case was served. None decides a route.
// Each reading is conservative: a detail the words do not state plainly is left absent (the lawyer note asks
// for it by name). Free-text details keep the seller's own sentence; nothing is reworded into a claim.

type Intake = Pick<
  Details,
  | 'defendant'
  | 'sellerIds'
  | 'storeUrls'
  | 'doeNumber'
  | 'firstListed'
  | 'supplier'
  | 'earlierComplaints'
  | 'toldPlaintiff'
  | 'settlementAuthority'
  | 'service'
>;

/**
 * The statements of a text: its sentences, and in Chinese each clause ("，" runs sentences on), so a value
 * is the seller's own words about that one thing.
 */
function statementsOf(text: string): string[] {
  return sentencesOf(text).flatMap((s) =>
    /[\u4e00-\u9fff]/.test(s)
      ? s
          .split(/[，,]/)
          .map((c) => c.trim())
          .filter((c) => c !== '')
      : [s],
  );
}

/** From the clause where the statement starts: "got a complaint on …, this is the second one" → "this is …". */
function fromClauseAt(s: string, at: number): string {
  let start = 0;
  for (const m of s.slice(0, at).matchAll(/,\s/g)) start = m.index + m[0].length;
  return s.slice(start);
}

/** A sentence kept as the seller wrote it, without its closing stop, within a length. */
const said = (s: string, max: number): string => s.replace(/[.。]+$/, '').slice(0, max);

// A plain negation a few words before a verb: "we have not paid", "I never signed", "没有付款".
const NEGATED_EN = /\b(?:not|never|n't|no)\b(?:\s+\w+){0,2}\s*$|n't\s*(?:\w+\s*){0,2}$/;
// A question, a plan or advice is not something done: "should we pay?", "do not sign", "we will reply".
const NOT_DONE_EN =
  /^(?:should|shall|can|could|may|must|do|does|is|are|would|will|how|what|whether)\b|\b(?:if|unless|whether|plan to|going to|want to|wants to|will|would|should|must|asked us to|ask us to|told us to|tell us to)\s+(?:\w+\s+){0,2}$/i;

function doneByUs(sentence: string, verbAt: number): boolean {
  const before = sentence.slice(Math.max(0, verbAt - 40), verbAt).toLowerCase();
  return !NEGATED_EN.test(before) && !NOT_DONE_EN.test(before) && !sentence.includes('?');
}

// ---------- the defendant: the seller's company ----------

// A company name as written: capitalised words, with commas and "&" inside ("Shenzhen Fangyuan Trading Co., Ltd.").
const CO_WORD = String.raw`[A-Z][\w&'’.()-]*`;
const CO_NAME = String.raw`${CO_WORD}(?:,? (?:&|and|${CO_WORD})){0,8}`;
const CO_SUFFIX =
  /\b(?:Co\.?,? ?Ltd\.?|Co\.|Ltd\.?|Limited|LLC|L\.L\.C\.|Inc\.?|Corp\.?|Corporation|GmbH|S\.A\.|B\.V\.|Pte\.? Ltd\.?|Company|Trading|Technology|Industrial)\s*$/;
const COUNTRIES =
  /^(?:China|P\.?R\.? China|PRC|Hong Kong|Taiwan|Vietnam|Viet Nam|Malaysia|Singapore|Thailand|India|Pakistan|Turkey|Korea|South Korea|Japan|USA|U\.S\.A\.|US|United States|UK|United Kingdom|Canada|Germany|Poland)$/;
const NOT_OUR_NAME =
  /^(?:Amazon|AliExpress|Alibaba|Doe|Defendant|Plaintiff|Schedule|The|A|An|Chinese|American|Based|Located|Registered)\b/;

const DEFENDANT_LABEL =
  /\b(?:[Oo]ur|[Mm]y) (?:company|business|legal entity|entity|registered company)(?: name)?(?: is called| is named| is|:|：)\s+|\b(?:[Cc]ompany name|[Ll]egal entity|[Dd]efendant entity|[Rr]egistered (?:company|entity)|[Cc]ompany)\s*[:：]\s*|\b(?:[Ww]e are|[Ww]e're|[Ii] am|[Ii]'m|[Ww]e operate as|[Rr]egistered as)\s+/g;

function companyName(text: string): { name: string; end: number } | undefined {
  for (const m of text.matchAll(DEFENDANT_LABEL)) {
    const at = m.index + m[0].length;
    const name = new RegExp(`^${CO_NAME}`).exec(text.slice(at, at + 160))?.[0];
    if (!name) continue;
    // The name ends at its suffix when the next word starts a sentence ("…Co., Ltd. We sell…").
    const tidy = name
      .replace(/(\b(?:Ltd|Inc|Corp|Co|LLC|Limited|GmbH)\.?) (?!(?:&|and|Ltd|Limited)\b).*$/, '$1')
      // A stop then a new word ends it too ("…, China. Store link"), not an abbreviation's ("No. 8").
      .replace(/(?<!\b(?:Co|No|St))\.\s.*$/, '')
      .replace(/,\s*$/, '')
      .replace(/(?<!\b(?:Co|Ltd|Inc|Corp))\.$/, '');
    const label = /[:：]|company name|entity/i.test(m[0]);
    const words = tidy.split(/\s+/).length;
    // "we are Doe 45", "our company is Chinese": a company name has a company suffix, or is labelled as one.
    if (NOT_OUR_NAME.test(tidy)) continue;
    const bare = tidy.replace(/(?:,\s*[A-Z][\w ]*)+$/, '');
    if (
      !CO_SUFFIX.test(tidy) &&
      !CO_SUFFIX.test(bare) &&
      !(label && words >= 1) &&
      !(/^[Oo]ur|^[Mm]y/.test(m[0]) && words >= 2)
    )
      continue;
    return { name: tidy, end: at + tidy.length };
  }
  return undefined;
}

/** "Shenzhen Fangyuan Trading Co., Ltd., Shenzhen, China": the name, and the place when a country ends it. */
function withPlace(full: string): string {
  const parts = full.split(/,\s*/);
  for (let i = parts.length - 1; i > 0; i--) {
    if (!COUNTRIES.test(parts[i] ?? '')) continue;
    const nameParts = parts.slice(0, i);
    // The place is the last one or two parts before the country that are not the company suffix.
    let j = nameParts.length;
    while (
      j > 1 &&
      /^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(nameParts[j - 1] ?? '') &&
      !CO_SUFFIX.test(nameParts[j - 1] ?? '')
    )
      j--;
    return `${nameParts.slice(0, j).join(', ')}, ${[...nameParts.slice(j), parts[i]].join(', ')}`;
  }
  return full;
}

const ZH_COMPANY =
  /(?<!对方|原告|他们|品牌方|投诉方|权利人)(?:我们|我司|我方|本)?(?:公司|企业)(?:名称|全称|名字|名)?(?:是|叫|为|[:：])\s*([\u4e00-\u9fa5A-Za-z0-9（）()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|商行|贸易公司|公司|厂))|(?:我们|我司)是\s*([\u4e00-\u9fa5（）()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|商行|厂))/;

const ADDRESS =
  /(?:\b(?:[Oo]ur (?:company |registered |business |office )?address|[Cc]ompany address|[Rr]egistered address|[Bb]usiness address)(?: is|:|：)|(?:^|[\n;；,，]\s*)[Aa]ddress\s*[:：])\s*([^\n;；]{8,200}?)(?=\s*(?:[\n;；]|\.\s+(?:We|I|Our|The|It|They|Please)\b|\.?$))|(?:(?:公司|注册|我们的?)|(?:^|[\n，,；;]\s*))地址\s*(?:是|为|[:：])\s*([^\n；;。]{4,100})/;

function defendant(text: string): string | undefined {
  const parts: string[] = [];
  const en = companyName(text);
  if (en) {
    // A place after the name in the same sentence: "…Co., Ltd., Shenzhen, China" or "…, based in Shenzhen, China".
    const rest =
      /^(?:,\s*(?:based |located )?(?:in )?|\s+(?:based |located )?in\s+)([A-Z][^\n.;:]{1,60})/.exec(
        text.slice(en.end),
      )?.[1];
    const place = rest?.split(/,\s*/) ?? [];
    const upTo = place.findIndex((p) => COUNTRIES.test(p.trim()));
    parts.push(
      upTo >= 0 ? withPlace(`${en.name}, ${place.slice(0, upTo + 1).join(', ')}`) : withPlace(en.name),
    );
  } else {
    const zh = ZH_COMPANY.exec(text);
    const name = zh?.[1] ?? zh?.[2];
    if (name) parts.push(name);
  }
  const address = ADDRESS.exec(text);
  const where = (address?.[1] ?? address?.[2])?.trim().replace(/[.。]+$/, '');
  if (where) parts.push(`address: ${where}`);
  return parts.length > 0 ? parts.join('; ').slice(0, 500) : undefined;
}

// ---------- seller ids and store links ----------

// A link as written; a store link is one of the platforms' storefront forms, not a product page.
const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]{}，。]+|\b(?:[a-z]{1,6}\.)?(?:aliexpress|amazon|ebay|walmart|etsy|temu)\.[a-z.]{2,12}\/[^\s<>"'()[\]{}，。]+/gi;
const STORE_PATH =
  /aliexpress\.[a-z.]+\/store\/(?:\d{3,15}|[\w-]+\/\d{3,15})|amazon\.[a-z.]+\/(?:sp\?\S*seller=[A-Z0-9]{8,20}|shops\/[\w-]+|s\?\S*\bme=[A-Z0-9]{8,20})|ebay\.[a-z.]+\/(?:str|usr)\/[\w.-]+|walmart\.com\/seller\/\d+|etsy\.com\/shop\/[\w-]+|temu\.com\/[\w-]*-m-\d+/i;

export function linksIn(text: string): string[] {
  return [...text.matchAll(URL)].map((m) => m[0].replace(/[.,;:!?)\]]+$/, ''));
}

function storeUrls(text: string): string[] {
  return [...new Set(linksIn(text).filter((u) => STORE_PATH.test(u)))];
}

// "seller id: A1B2C3D4E5F6G7", "Amazon seller ID is A2XYZ…", "store ID 1102345678", "店铺ID：…". An id has a digit.
const SELLER_ID =
  /\b(?:seller|merchant|store|shop|vendor)[ -]?(?:id|token|number|no\.?)\b\s*(?:is|=|#|:|：)?\s*#?([A-Za-z0-9]{5,30})\b|(?:店铺|卖家|商家)\s*(?:ID|id|编号|号)\s*(?:是|为|[:：])?\s*([A-Za-z0-9]{5,30})/gi;
const SELLER_IN_URL = /[?&](?:seller|me)=([A-Z0-9]{8,20})\b/g;

function sellerIds(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(SELLER_ID)) {
    const id = m[1] ?? m[2];
    if (id && /\d/.test(id) && !/^B0[A-Z0-9]{8}$/.test(id)) ids.push(id);
  }
  for (const m of text.matchAll(SELLER_IN_URL)) if (m[1] && /\d/.test(m[1])) ids.push(m[1]);
  return [...new Set(ids)];
}

// ---------- the Doe number on Schedule A ----------

// "Doe 123", "Defendant No. 45", "#45 on Schedule A", "Schedule A line 45", "第45号被告". Not a range
// ("Does 1-100", "Doe 1 through 50") or a list ("Doe 12, 14"), not a case number ("No. 1:25-cv-…"), not
// "45 defendants". A comma after the number only ends the clause ("we are Doe 112, our seller ID is …").
const RANGE_AFTER = String.raw`(?!\d|,\d)(?!\s*(?:-|–|—|,|&|\/|to|through|thru|and|or)\s*(?:doe\s*|#\s*)?\d)`;
const NOT_RANGE = `(?!:)${RANGE_AFTER}`;
const DOE_PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`(?<!(?:through|thru|to|-|–)\s{0,3})\bdoe\s*(?:no\.?|number|#)?\s*(\d{1,4})\b${NOT_RANGE}`,
    'g',
  ),
  new RegExp(String.raw`\bdefendant\s*(?:no\.?|number|#)\s*(\d{1,4})\b${NOT_RANGE}`, 'g'),
  new RegExp(
    String.raw`\b(?:we are|we're|i am|i'm|our store is|we were named as|named as) defendant\s+(\d{1,4})\b${NOT_RANGE}`,
    'g',
  ),
  /(?:#|\bno\.?|\bnumber|\bline|\brow|\bdefendant)\s*(\d{1,4})\s+(?:on|in|of)\s+(?:the\s+)?schedule a\b/g,
  new RegExp(
    String.raw`\bschedule a\b[^.\n]{0,30}?(?:#|\bno\.?|\bnumber|\bline|\brow)\s*(\d{1,4})\b${RANGE_AFTER}`,
    'g',
  ),
  /第\s*(\d{1,4})\s*(?:号|名|个|位)?\s*被告|被告\s*(?:编号|序号|号码)?\s*(?:是|为|[:：])?\s*(?:第\s*)?(\d{1,4})\s*号|附表\s*a?\s*(?:中|里|上)?的?第\s*(\d{1,4})\s*(?:号|个|名|位|行)/g,
];

function doeNumber(t: string): number | undefined {
  const found = new Set<number>();
  for (const re of DOE_PATTERNS)
    for (const m of t.matchAll(re)) {
      const n = Number(m[1] ?? m[2] ?? m[3]);
      if (Number.isInteger(n) && n > 0) found.add(n);
    }
  // Two different numbers: which line is the seller's is asked, not guessed.
  return found.size === 1 ? [...found][0] : undefined;
}

// ---------- when the product was first listed or sold ----------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
// A whole date with its year: "2024-03-01", "2024/3/1", "2024年3月1日", "March 1, 2024", "1 March 2024".
const FULL_DATE = new RegExp(
  String.raw`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b|(\d{4})年(\d{1,2})月(\d{1,2})[日号]|\b${MONTH} (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b|\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH},? (\d{4})\b`,
  'i',
);

function isoOf(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  if (y < 1990 || y > 2100) return undefined;
  return date.toISOString().slice(0, 10);
}

function fullDate(s: string): { date: string; index: number } | undefined {
  const m = FULL_DATE.exec(s);
  if (!m) return undefined;
  const month = (w: string | undefined) => MONTHS.indexOf((w ?? '').slice(0, 3).toLowerCase()) + 1;
  let date: string | undefined;
  if (m[1]) date = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  else if (m[4]) date = isoOf(Number(m[4]), Number(m[5]), Number(m[6]));
  else if (m[7]) date = isoOf(Number(m[9]), month(m[7]), Number(m[8]));
  else if (m[10]) date = isoOf(Number(m[12]), month(m[11]), Number(m[10]));
  return date ? { date, index: m.index } : undefined;
}

// The words that say the product went on sale; not "listed as a defendant" or "listed on Schedule A".
const FIRST_LISTED =
  /\b(?:first listed|(?:we |i )?listed (?:it|this|them|the (?:product|item|listing))|(?:we |i )?(?:launched|started selling|began selling|started to sell|first sold|put (?:it|this|them) (?:on sale|online|up)|first put (?:it|this|them) (?:on sale|online))|(?:on sale|selling (?:it|this|them) |live) since|(?:listing|launch) date|date first (?:listed|sold|available)|first available|listing (?:was )?created|went live)\b(?! (?:as|among|in the|on (?:the )?schedule))|(?:首次|开始|第一次)(?:上架|销售|卖|售卖)|上架(?:时[间間]|日期)/i;
const ZH_LISTED_AFTER = /(?:上架|开始(?:销售|卖))/;

function firstListed(text: string): string | undefined {
  // Traditional Chinese read as simplified (開始賣, 上架時間): only the date is kept, so nothing is cut.
  for (const s of sentencesOf(toSimplified(text))) {
    const w = FIRST_LISTED.exec(s);
    if (w) {
      const after = fullDate(s.slice(w.index + w[0].length, w.index + w[0].length + 60));
      if (after) return after.date;
      // "上架时间：2024年3月1日" is after; "2024年3月1日上架" before.
    }
    const zh = ZH_LISTED_AFTER.exec(s);
    if (zh) {
      const before = fullDate(s.slice(Math.max(0, zh.index - 20), zh.index));
      if (before) return before.date;
    }
  }
  return undefined;
}

// ---------- earlier complaints from the same brand ----------

const EARLIER_YES =
  /\bnot (?:the|our) first (?:complaint|notice|time)\b|\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|another) (?:complaint|notice|report|strike|warning|time (?:they|this brand|the brand|[A-Z]\w*) (?:complained|reported|filed))\b|\b(?:complained|reported us|filed (?:a )?complaints?)(?: about us| against us| on us)? (?:before|earlier|previously|last (?:year|month|time)|twice|again|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b|\b(?:earlier|previous|prior|past|older) (?:complaints?|notices?|reports?)\b(?! (?:from|by) (?:other|another|different))|\bsame (?:brand|company|complainant|rights owner|plaintiff) (?:also |already )?(?:complained|reported|filed|sent)\b|\b(?:has|have) (?:complained|reported us|filed complaints?) (?:about|against) us (?:before|twice|several times|many times)\b|之前(?:也)?(?:被)?(?:他们|对方|这个品牌)?(?:投诉|起诉)过|第[二三四五两2-5]次(?:被)?投诉|再次(?:被)?投诉|又(?:被)?投诉|以前(?:也)?(?:被)?投诉过/i;
const EARLIER_NO =
  /\b(?:(?:this is|it's|it is) (?:the|our) first (?:complaint|notice|time)|first (?:complaint|notice) (?:we(?: have)? (?:ever )?(?:got|had|received)|ever)|never (?:had|got|received) (?:a |any )?(?:complaints?|notices?)(?: before| from (?:them|this brand|this company))?|no (?:earlier|previous|prior|other) complaints?)\b|第一次(?:被)?投诉|(?:之前|以前|从来)没(?:有)?(?:被)?投诉过/i;

function earlierComplaints(text: string): string | undefined {
  const yes: string[] = [];
  const no: string[] = [];
  for (const s of statementsOf(text)) {
    const y = EARLIER_YES.exec(s);
    const n = y ? undefined : EARLIER_NO.exec(s);
    if (y) yes.push(fromClauseAt(s, y.index));
    else if (n) no.push(fromClauseAt(s, n.index));
  }
  // Both said: what the seller wrote is ambiguous, so it is asked.
  if (yes.length > 0 && no.length > 0) return undefined;
  const all = yes.length > 0 ? yes : no;
  return all.length > 0 ? said(all.join(' '), 500) : undefined;
}

// ---------- what was already signed, paid or said to the plaintiff ----------

const TOLD_VERB =
  /\b(?:we|i)(?: have| had|'ve|'d)?(?: already| just| also)? (?:paid|signed|replied to|responded to|answered|emailed|e-mailed|wrote to|written to|called|phoned|contacted|messaged|told|sent|offered|agreed|accepted|settled|admitted|negotiated|talked to|spoke (?:to|with))\b/gi;
const TOLD_NEG =
  /\b(?:we|i) (?:have |had |did )?(?:not|never|n't|haven't|hadn't|didn't)(?: yet)? (?:paid|signed|replied|responded|answered|emailed|written|wrote|called|contacted|messaged|told|sent|offered|agreed|accepted|settled|talked|spoken|said)\b|\bnothing (?:has been |was )?(?:signed|paid)\b/i;
const TOLD_TARGET =
  /\b(?:plaintiffs?|them|their (?:lawyers?|attorneys?|law ?firm|counsel)|the (?:law ?firm|lawyers?|attorneys?|brand(?: owner)?|rights? (?:owner|holder)|complainant|other side)|law ?firm|lawyers?|attorneys?|counsel|settlement|agreement|\$ ?\d|gbc)\b/i;
const ZH_TOLD_TARGET = /对方|原告|律师|律所|品牌方|权利人|投诉方/;
const ZH_TOLD_VERB =
  /付款|付了|支付了|签了|签署了|回复了|联系了|回了|发了邮件|沟通了|答应了|同意了|和解了|承认了/;
const ZH_TOLD_NOT = /没|未|不要|别|吗|？|\?|是否|要不要|打算|准备|想|应该|能不能/;

function toldPlaintiff(text: string): string | undefined {
  const kept: string[] = [];
  for (const s of statementsOf(text)) {
    if (!TOLD_TARGET.test(s) && !ZH_TOLD_TARGET.test(s)) continue;
    const done = [...s.matchAll(TOLD_VERB)].find((m) => doneByUs(s, m.index));
    const zh = ZH_TOLD_TARGET.test(s) && ZH_TOLD_VERB.test(s) && !ZH_TOLD_NOT.test(s);
    // "We have not paid or signed anything" is itself what the lawyer asks.
    const denied = s.includes('?') ? null : TOLD_NEG.exec(s);
    const at = Math.min(done?.index ?? s.length, denied?.index ?? s.length);
    if (zh) kept.push(s);
    else if (done || denied) kept.push(fromClauseAt(s, at));
  }
  return kept.length > 0 ? said(kept.join(' '), 1000) : undefined;
}

// ---------- settlement authority ----------

const AMOUNT = String.raw`(?:us\$|usd|\$|rmb|¥|€)\s?\d[\d,.]*k?|\d[\d,.]*\s?(?:usd|dollars|rmb|元|美元|万)`;
const AUTHORITY = new RegExp(
  String.raw`\b(?:we|i|the boss|our boss|the owner|management)\b[^.?!\n]{0,30}?\b(?:can|could|would|will|are willing to|am willing to|is willing to|willing to|able to|prepared to|ok to|okay to|happy to)\s+(?:pay|settle|offer|accept|spend)\b[^.?!\n]{0,40}?(?:${AMOUNT})|\b(?:won't|will not|would not|wouldn't|can't|cannot|can not) (?:pay|offer|settle for) (?:more than|over|above)\s+(?:${AMOUNT})|\b(?:our |my |the )?(?:settlement )?budget\b[^.?!\n]{0,20}?(?:${AMOUNT})|\b(?:max(?:imum)?|at most|up to|no more than)\b[^.?!\n]{0,20}?\b(?:we|i)\b[^.?!\n]{0,15}?\b(?:pay|settle|offer)\b|\b(?:the boss|our boss|the owner|our ceo|the ceo|management|my manager|our manager)\b[^.?!\n]{0,20}?\b(?:decides?|has to approve|must approve|needs to approve|will decide|approves?)\b|最多(?:能|可以|愿意|只能)?(?:赔|付|出|接受|给)|(?:和解|赔偿)?预算|老板(?:决定|说了算|拍板|同意)`,
  'i',
);

function settlementAuthority(text: string): string | undefined {
  for (const s of statementsOf(text)) {
    const m = AUTHORITY.exec(s);
    if (!m) continue;
    // "Can we settle for $2,000?" asks; it grants nothing.
    if (/[?？吗]/.test(s) || /^(?:can|could|should|may|shall|do|would)\b/i.test(s)) continue;
    return said(fromClauseAt(s, m.index), 300);
  }
  return undefined;
}

// ---------- how the case was served ----------

// Service is a court's matter: read only where the words speak of a case.
const COURT_CONTEXT =
  /\b(?:served|service|summons|tro|temporary restraining order|schedule a|lawsuit|complaint and|court|case no|docket|\d{2}-cv-\d+)\b|送达|传票|起诉|法院|禁令/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const SENT_BY =
  /\b(?:email|e-mail|message|notice|link|papers|documents)(?: came| was sent| arrived)? from ([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|^from:\s*[^\n<]*<?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|\b(?:served|emailed|sent) (?:us |me )?(?:by|from) ([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/im;
const SENT_BY_FIRM =
  /\b(?:served|emailed|sent)(?: to)? (?:us |me )?(?:by email |via email )?(?:by|from) (?:the )?([A-Z][\w&'’,.-]*(?: [A-Z&][\w&'’,.-]*){0,5})/;
const DOC_LINK_CONTEXT =
  /\b(?:link|download|documents?|papers|complaint|tro|schedule a|summons|served|service|court|case|docket|dropbox|drive)\b|下载|链接|文件|起诉/i;
const DOCS: [string, RegExp][] = [
  ['the complaint', /\b(?:the )?complaint\b|起诉书|诉状/i],
  ['the TRO', /\btro\b|temporary restraining order|禁令/i],
  ['Schedule A', /\bschedule a\b|附表\s*a/i],
  ['the summons', /\bsummons\b|传票/i],
];
const GOT_DOCS =
  /\b(?:we |i )?(?:have |had )?(?:downloaded|saved|opened|got|received|have) (?:all )?(?:the |a copy of the )?(?:complaint|tro|temporary restraining order|schedule a|summons|documents|papers|files)\b[^.;!?\n]{0,80}|已?下载了[^，。；;\n]{0,30}/gi;
const NOT_GOT_DOCS =
  /\b(?:could ?n[o']t|can ?n[o']t|cannot|did ?n[o']t|did not|have ?n[o']t|have not|not yet|unable to|failed to) (?:download|open|get|access|find)\b[^.;!?\n]{0,80}|\b(?:link|page) (?:has )?(?:expired|is broken|doesn't work|does not work|didn't work)\b|没(?:有)?下载[^，。；;\n]{0,30}|下载不了[^，。；;\n]{0,30}|打不开/gi;

function docsIn(span: string): string[] {
  return DOCS.filter(([, re]) => re.test(span)).map(([name]) => name);
}

function service(text: string, t: string): string | undefined {
  if (!COURT_CONTEXT.test(t)) return undefined;
  const parts: string[] = [];
  const by = SENT_BY.exec(text);
  const who = by?.[1] ?? by?.[2] ?? by?.[3] ?? SENT_BY_FIRM.exec(text)?.[1]?.replace(/[,.]+$/, '');
  if (who && !/amazon\.com$|aliexpress|alibaba/i.test(who)) parts.push(`sent by ${who}`);
  else if (/\bserved (?:us |me )?(?:by|via) e-?mail\b|\bservice (?:by|via) e-?mail\b|邮件送达/i.test(text))
    parts.push('served by email');
  for (const s of sentencesOf(text)) {
    const link = linksIn(s).find(
      (u) => !STORE_PATH.test(u) && !/\/item\/|\/dp\/|\/gp\/product\//i.test(u) && !EMAIL.test(u),
    );
    if (link && DOC_LINK_CONTEXT.test(s.replace(link, ' '))) {
      parts.push(`link: ${link}`);
      break;
    }
  }
  const got = new Set<string>();
  const notGot = new Set<string>();
  for (const m of text.matchAll(NOT_GOT_DOCS)) for (const d of docsIn(m[0])) notGot.add(d);
  for (const m of text.matchAll(GOT_DOCS)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (/\b(?:not|n't|never)\s*$|没有?$|未$/.test(before)) continue;
    const docs = docsIn(m[0]);
    const all = /documents|papers|files/i.test(m[0]) && docs.length === 0;
    for (const d of all ? ['all the documents'] : docs) if (!notGot.has(d)) got.add(d);
  }
  if (got.size > 0) parts.push(`downloaded: ${[...got].join(', ')}`);
  if (notGot.size > 0) parts.push(`not downloaded: ${[...notGot].join(', ')}`);
  return parts.length > 0 ? parts.join('; ').slice(0, 500) : undefined;
}

// ---------- all of it ----------

/** The intake details in the text; `text` is as written, `t` lower-cased with whitespace collapsed. */
export function readIntake(text: string, t: string): Intake {
  const d: Intake = {};
  const who = defendant(text);
  if (who) d.defendant = who;
  const urls = storeUrls(text);
  if (urls.length > 0) d.storeUrls = urls.slice(0, 50);
  const ids = sellerIds(text);
  if (ids.length > 0) d.sellerIds = ids.slice(0, 50);
  const doe = doeNumber(t);
  if (doe !== undefined) d.doeNumber = doe;
  const listed = firstListed(text);
  if (listed) d.firstListed = listed;
  const from = supplier(text);
  if (from) d.supplier = from;
  const earlier = earlierComplaints(text);
  if (earlier) d.earlierComplaints = earlier;
  const told = toldPlaintiff(text);
  if (told) d.toldPlaintiff = told;
  const authority = settlementAuthority(text);
  if (authority) d.settlementAuthority = authority;
  const served = service(text, t);
  if (served) d.service = served;
  return d;
}
