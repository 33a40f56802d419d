import {
  addBusinessDays,
  addDays,
  COUNT,
  type FoundDate,
  findDateIn,
  findFirstDateIn,
  parseCount,
} from '../model/dates.js';

// The dates a notice carries besides the day it arrived: the TRO's issue date (its 14 days run from it) and
// the reply-by date a letter sets. Each is found with where its words are, so the notice date is not read
// from them.

const WEEKDAY_FIRST =
  /^(?:the\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?:the\s+)?/i;

/** A date right after `at` (a few characters of filler allowed), read as past or as a day to come. */
function dateAfter(
  text: string,
  at: number,
  today: string,
  ahead: boolean,
  slack = 4,
): FoundDate | undefined {
  const window = text.slice(at, at + 64);
  // "entered on Friday, December 18, 2026": a weekday before the date is part of it, not filler.
  const weekday = WEEKDAY_FIRST.exec(window)?.[0].length ?? 0;
  // The date right there, not another one further on written in a form a finder prefers.
  const found = findFirstDateIn(window, today, ahead);
  if (!found || found.index > slack + weekday) return undefined;
  return { date: found.date, index: at + found.index, end: at + found.end };
}

// "granted the TRO on 2026-12-18", "the judge signed a temporary restraining order Friday, Dec 18": the verb first.
const VERB_THEN_ORDER =
  /\b(?:issued|entered|granted|signed)\s+(?:(?:a|an|the|its|our|their|this)\s+)?(?:sealed\s+)?(?:ex parte\s+)?(?:tro|temporary restraining order|restraining order|preliminary injunction|asset (?:freeze|restraining) order)\b(?:\s+(?:on|dated))?\s*/gi;
// Chinese puts the date first: "2026年12月18日法院签发了临时禁令", "12月18日TRO下来了".
const ZH_ORDER_AFTER_DATE =
  /^\s*(?:(?:法院|法官)?(?:签发|簽發|发出|發出|下达|下達|批准|颁布|頒布|下)了?(?:临时禁令|臨時禁令|禁令|tro)|的?(?:临时禁令|臨時禁令|禁令|tro)(?:已经?|已經)?(?:下来|下來|签发|簽發|生效|批准?))/i;

const COURT_ORDER =
  /\b(tro|temporary restraining order|restraining order|court order|injunction)\b|临时禁令|禁令|法院命令/i;
// "The order was entered …" is a court order only in a message about a court case (not a customer's order).
const BARE_ORDER = /(?<!(?:customer|purchase|sales|buyer'?s?|shipping|work|amazon|aliexpress)\s)\border\b/i;
const OTHER_PAPER = /\b(letter|e-?mail|complaint|notice|warning|message|invoice)\b/i;

/** Where the last order word of a sentence ends (0 when none). */
function lastOrderWord(sentence: string): number {
  let end = 0;
  for (const m of sentence.matchAll(
    /\b(?:tro|temporary restraining order|restraining order|court order|injunction|order)\b/gi,
  ))
    end = m.index + m[0].length;
  return end;
}
const COURT_CASE = /\b(tro|court|judge|injunction|lawsuit|schedule a|plaintiff|defendants?)\b|\d{2}-cv-\d/i;

/** The TRO's issue date: "TRO issued on Nov 20", "the order was entered 11/20/2026", "临时禁令于11月20日签发". */
export function troDate(text: string, today: string): FoundDate | undefined {
  for (const m of text.matchAll(/\b(?:issued|entered|granted|signed|dated)\b(?:\s+(?:on|at|in))?\s*/gi)) {
    // The order must be named before the verb, in the same sentence: "complaint dated Nov 20" is not a TRO.
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const sentence = before.slice(before.search(/[^.;!?\n]*$/));
    // "Order entered" is docket language; an order "dated" or "issued" may be a customer's, unless the
    // message is about a court case.
    const courtOrder =
      COURT_ORDER.test(sentence) ||
      (BARE_ORDER.test(sentence) && (/^entered/i.test(m[0]) || COURT_CASE.test(text)));
    // "… ask for a TRO, letter dated Dec 18": another paper named after the order is the one dated.
    if (!courtOrder || OTHER_PAPER.test(sentence.slice(lastOrderWord(sentence)))) continue;
    const d = dateAfter(text, m.index + m[0].length, today, false);
    if (d && d.date <= today) return { ...d, index: m.index };
  }
  for (const m of text.matchAll(VERB_THEN_ORDER)) {
    const d = dateAfter(text, m.index + m[0].length, today, false);
    if (d && d.date <= today) return { ...d, index: m.index };
  }
  // Pasted court papers: "ENTERED: November 20, 2026" on its own line (or run into the text when pasted from a
  // PDF: "ENTERED:" is docket language wherever it stands), in an order about a TRO or injunction.
  if (/\b(tro|temporary restraining order|restraining order|injunction)\b/i.test(text)) {
    for (const m of text.matchAll(/(?:^|\n)\s*(?:entered|dated|signed|issued)\s*:\s*|\bentered\s*:\s*/gi)) {
      const d = dateAfter(text, m.index + m[0].length, today, false, 0);
      if (d && d.date <= today) return { ...d, index: m.index };
    }
  }
  for (const m of text.matchAll(/(?:临时禁令|禁令|tro|法院命令)(?:已经?|于|在)?/gi)) {
    const d = dateAfter(text, m.index + m[0].length, today, false, 2);
    if (d && d.date <= today && /^(?:签发|发出|下达|颁布|发布|生效)/.test(text.slice(d.end))) return d;
  }
  return zhDateThenOrder(text, today);
}

/** "2026年12月18日法院签发了临时禁令": a date whose own words go on to say the order was issued. */
function zhDateThenOrder(text: string, today: string): FoundDate | undefined {
  let rest = text;
  for (let i = 0; i < 6; i++) {
    const found = findFirstDateIn(rest, today);
    if (!found) return undefined;
    if (found.date <= today && ZH_ORDER_AFTER_DATE.test(text.slice(found.end, found.end + 24))) return found;
    rest = blank(rest, found);
  }
  return undefined;
}

// "respond by", "a written response by December 14", "contact our office no later than", "deadline: …".
const REPLY_BY =
  /\b(?:respond|responses?|reply|replies|answer|pay|payment|comply|contact (?:us|our office|me|the undersigned)|hear from you|get back to (?:us|them))\b[^.;!?\n]{0,30}?\b(?:by|before|until|no later than|on or before)\b\s*|\b(?:deadline|due date|due by|due on|reply-by date|respond by|reply by|no later than)\b\s*(?:is\s*|:\s*|of\s*)?(?:on\s*)?|(?:回复|答复|回覆|答覆)?(?:期限|截止日期|截止时间|截止時間|最后期限|最後期限)\s*(?:是|为|為|：|:)?\s*/gi;

const WITHIN = new RegExp(
  String.raw`\bwithin (${COUNT}) (business |working |calendar )?days?\b|(${COUNT})个?(工作日|天|日)(?:之)?内`,
  'i',
);

export interface ReplyBy {
  /** A written-out reply-by date, with where it is (so it is not also read as the notice date). */
  date?: FoundDate;
  /** "within 10 days": counted from the notice date, which the caller knows better. */
  within?: { days: number; business: boolean };
}

/** The reply-by date a letter sets: "respond by December 10", "请在12月10日前回复", or "within 10 days". */
export function replyBy(text: string, today: string): ReplyBy {
  for (const m of text.matchAll(REPLY_BY)) {
    const d = dateAfter(text, m.index + m[0].length, today, true);
    if (d && d.date >= today) return { date: { ...d, index: m.index } };
  }
  // "在12月10日前回复": the date comes before the verb in Chinese.
  for (const m of text.matchAll(
    /(?:在|于|於)?([^。；，,]{2,16}?)(?:之前|以前|前)(?:以?书面(?:形式)?|以?書面(?:形式)?|正式)?(?:回复|答复|回覆|答覆|回应|回應|付款|联系|聯繫)/g,
  )) {
    const d = findDateIn(m[1] ?? '', today, true);
    if (d && d.date >= today) return { date: { date: d.date, index: m.index, end: m.index + m[0].length } };
  }
  const w = WITHIN.exec(text);
  if (w) {
    const days = parseCount(w[1] ?? w[3] ?? '') ?? Number.NaN;
    const business = /business|working|工作日/i.test(w[2] ?? w[4] ?? '');
    if (Number.isFinite(days) && days > 0) return { within: { days, business } };
  }
  return {};
}

/** "within 10 days" as a date, from the day the notice arrived. */
export function dueFrom(base: string, within: { days: number; business: boolean }): string {
  return within.business ? addBusinessDays(base, within.days) : addDays(base, within.days);
}

/** A found date's words blanked out, so another reader (the notice date) does not take it. */
export function blank(text: string, found: FoundDate | undefined): string {
  if (!found) return text;
  return `${text.slice(0, found.index)}${' '.repeat(found.end - found.index)}${text.slice(found.end)}`;
}

// What a date in the seller's words is about. "We deleted the listing yesterday" or "listed since 2024-01-10"
// dates something the seller did, not the day the notice arrived: taking it would count court deadlines
// from the wrong day (too late, or already passed). Such a date is passed over, and the question is asked.
const OTHER_EVENT =
  /\b(listed|listing it|sold|selling|since|deleted|removed|took (?:it )?down|taken down|delisted|bought|purchased|launched|created|uploaded|shipped|shipment|ordered|registered|filed|founded|started|made|stock|inventory|went live|live since)\b|上架|删除|下架|购买|买的|进货|到货|发货|注册|开始卖|销售/g;
const NOTICE_EVENT =
  /\b(received|receive|got|get|arrived|came|come|served|sent|emailed|notice|notified|complaint|letter|warning|tro|summons|email|dated)\b|收到|投诉|通知|律师函|警告/g;
const CLAUSE_END = /[.;!?\n。；！？,，]/;

function lastIndex(re: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(re)) last = m.index;
  return last;
}

/**
 * Whether a date's own clause says it dates something else: the nearest event word before it (English puts
 * the verb first: "we listed it on Nov 2") or, with none, right after it (Chinese: 我们10月1日上架的).
 */
function datesSomethingElse(text: string, found: FoundDate): boolean {
  const before = text.slice(0, found.index);
  let start = before.length - 1;
  while (start >= 0 && !CLAUSE_END.test(before[start] ?? '')) start--;
  const head = before.slice(start + 1).toLowerCase();
  const after = text.slice(found.end);
  const stop = after.search(CLAUSE_END);
  const tail = (stop < 0 ? after : after.slice(0, stop)).toLowerCase();
  const other = lastIndex(OTHER_EVENT, head);
  const notice = lastIndex(NOTICE_EVENT, head);
  if (other >= 0 || notice >= 0) return other > notice;
  return lastIndex(OTHER_EVENT, tail) >= 0 && lastIndex(NOTICE_EVENT, tail) < 0;
}

/** Whether a date is the one a reply-by phrase sets: "respond by Dec 14", "12月14日前回复". */
function isReplyByDate(text: string, found: FoundDate): boolean {
  if (/^\s*(?:之前|以前|前)/.test(text.slice(found.end))) return true;
  for (const m of text.matchAll(REPLY_BY)) {
    const end = m.index + m[0].length;
    if (end > found.index) break;
    const weekday = WEEKDAY_FIRST.exec(text.slice(end, found.index + 1))?.[0].length ?? 0;
    if (found.index - end <= 4 + weekday) return true;
  }
  return false;
}

/** The day the notice arrived, as the words say it: the first date that is not about something else. */
export function noticeDateIn(text: string, today: string): string | undefined {
  let rest = text;
  for (let i = 0; i < 6; i++) {
    const found = findDateIn(rest, today);
    if (!found) return undefined;
    // A day to come (a hearing, a reply-by date) is never the day the notice arrived, nor is a reply-by
    // date already passed ("a written response by December 14", read on the 20th).
    if (found.date <= today && !datesSomethingElse(rest, found) && !isReplyByDate(rest, found))
      return found.date;
    rest = blank(rest, found);
  }
  return undefined;
}
