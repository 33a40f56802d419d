import { plainText } from './plain-text.js';

// The acts a model's answer may never advise, in one list: the firm rules (follow-ups.ts) answer "no" to each
// of them, and the preservation rule (litigation.ts mustPreserve) forbids deleting anything while a case
// must keep everything. An act is found by what it does, not by one verb ("clear the order history", "scrub
// the chat logs", "get rid of the invoices" all destroy records), in text read as a person reads it
// (plain-text.ts: look-alike letters, hidden characters, spaced letters). An act counts as advised unless its
// own words forbid it: "should not hesitate to delete" is advice to delete (two negations), "do not delete,
// move or change" forbids all three, "deleting them can hurt the defence" warns. Pure.

export type ActId = 'destroy_records' | 'delete' | 'relist' | 'pay' | 'contact_firm' | 'ignore' | 'apologise';

export interface ForbiddenAct {
  id: ActId;
  /** How the act is named in a reason ("the answer advises …"). */
  label: string;
  /** Forbidden always (a firm rule), or only while the case must keep everything (mustPreserve). */
  when: 'always' | 'preserve';
  /** Matches in plain text; the named group `v` is the verb the act's polarity is read from. */
  re: RegExp;
  /** Keeping what the act destroys: the act is advised when keeping is advised against ("not worth keeping"). */
  notKept?: RegExp;
  /** The same act in Chinese, read with Chinese negations. */
  zh?: RegExp;
}

const w = String.raw;

/** Alternatives, each naming its verb `v`: numbered (v0, v1…), since one pattern may not repeat a name. */
const anyOf = (parts: string[], flags = 'dg') =>
  new RegExp(parts.map((p, i) => p.replaceAll('(?<v>', `(?<v${i}>`)).join('|'), flags);

// Verbs that destroy what they touch. `clear`, `empty`… count only with records as their object (one can
// "clear a complaint"); these count with any object while everything must be kept.
const DESTROY = w`(?:delet\w*|remov\w*|eras\w*|wip(?:e|es|ed|ing)|scrub\w*|purg\w*|destroy\w*|shred\w*|discard\w*|dispos\w*|trash\w*|expung\w*|obliterat\w*|nuk(?:e|es|ed|ing)|get(?:ting)? rid of|got rid of|clean\w* (?:up|out)|throw\w* (?:away|out)|threw (?:away|out)|do away with|sell\w* off|sold off|liquidat\w*|dump\w*)`;
const DESTROY_RECORDS = w`(?:${DESTROY}|clear(?:s|ed|ing)?|empt(?:y|ies|ied|ying)|eliminat\w*|burn\w*|overwrit\w*|wash\w* away)`;
// Keeping, the opposite of destroying.
const KEEP = w`(?:keep(?:s|ing)?|kept|preserv\w*|retain\w*|sav(?:e|es|ing)|stor(?:e|es|ing)|hold(?:s|ing)? on to|archiv\w*)`;
// Records are what a dispute or a court case is proven with; "files" or "photos" alone may be a listing's
// own (removing an infringing photo from a listing is right after a platform complaint).
const RECORDS = w`(?:records?|history|histories|logs?|chats?|conversations?|messages?|e-?mails?|mails?|inbox(?:es)?|invoices?|receipts?|orders?|data|evidence|screenshots?|(?:original|raw|source|sales|order|invoice|chat|customer|design) (?:files?|photos?|documents?)|paperwork|spreadsheets?|reports?|traces?|trail|correspondence|transactions?|statements?|ledgers?|backups?|archives?)\b`;
// Words between a verb and its object ("clear the whole order history"), never across a conjunction.
const GAP = w`(?:(?!(?:and|but|then|so|keep|keeping|save|preserve|retain|not|never|nothing|because|while|until|before|after|if)\b)[\w'$-]+\s+){0,5}?`;
const ZH_RECORDS = '记录|订单|数据|报表|聊天|消息|证据|发票';

// What "pay" must be paying for to count: them, the demand, money, an amount ("pay attention" does not
// count, nor "each side pays a $4,000 deposit" in Amazon's APEX procedure).
const PAY_OBJECT = w`(?:them|him|her|it|up|off|that|this|what|whatever|everything|anything|something|money|cash|quickly|now|immediately|right away|promptly|at once|directly|the (?:demand\w*|settlement|amount|sum|fee|fine|penalty|claim|damages|compensation|invoice|bill|plaintiff|firm|law firm|lawyers?|brand|rights? (?:holder|owner)|complainant|money|ransom|licen[cs]e fee|royalt\w*|full amount|asking price)|their (?:demand|fee|invoice|price|amount|claim|lawyers?|firm)|(?:a |any |the )?(?:settlement|fee|fine|penalty|compensation|damages|ransom|royalt\w*)\b|[$€£¥]\d|\d|(?:a |an |the )?[$€£¥]?\d[\d,.]*\s?(?:k|usd|dollars?|euros?|yuan|rmb)?\s?(?:settlement|fee|fine|penalty|demand|compensation|damages|licen[cs]e))`;

// Reaching the other side's firm yourself ("a US lawyer contacts them for you" is the lawyer's act).
const CONTACT = w`(?:contact\w*|e-?mail\w*|write|writes|wrote|writing|repl(?:y|ies|ied|ying)|respond\w*|answer\w*|call\w*|phon\w*|messag\w*|text\w*|reach\w* out|get\w* in touch|got in touch|negotiat\w*|talk\w*|speak\w*|spoke|deal\w*|engag\w*|correspond\w*|explain\w*|send\w* (?:an? )?(?:e-?mail|message|reply|letter|note|response|information|info|details))`;
const FIRM = w`(?:(?:the |their |that |this |its |opposing |the opposing )?(?:plaintiff|brand|rights? holder|rights? owner|complainant|other side|opposing side)'?s?'? (?:law ?firms?|firms?|lawyers?|attorneys?|counsel|solicitors?)|(?:the|their|that|this) (?:law ?firms?|firms?)|their (?:lawyers?|attorneys?|counsel|solicitors?)|the plaintiffs?|the opposing (?:party|side)|them (?:yourself|yourselves|directly|personally))`;

/** The one list: what no answer may advise, and when. */
export const FORBIDDEN_ACTS: readonly ForbiddenAct[] = [
  {
    id: 'destroy_records',
    label: 'deleting records (sales records, orders, invoices, messages, chat logs)',
    when: 'always',
    re: anyOf([
      w`\b(?<v>${DESTROY_RECORDS})\s+${GAP}${RECORDS}`,
      w`\b${RECORDS}\s+(?:(?!(?:and|but|so|then|keep|not|never)\b)[\w'$-]+\s+){0,4}?(?<v>${DESTROY_RECORDS})`,
      // "the records can go"
      w`\b${RECORDS}\s+(?:[\w'$-]+\s+){0,2}?(?<v>(?:can|may|could|should|might) (?:safely |just |now |all )?go)\b`,
    ]),
    notKept: anyOf([
      w`\b(?<v>${KEEP})\s+${GAP}${RECORDS}`,
      w`\b${RECORDS}\s+(?:[\w'$-]+\s+){0,4}?(?<v>${KEEP})\b`,
    ]),
    zh: new RegExp(
      `(?:删除|删掉|删|清空|清除|销毁|丢掉|扔掉).{0,10}?(?:${ZH_RECORDS})|(?:${ZH_RECORDS}).{0,6}?(?:删|清空|清除|销毁)`,
      'dg',
    ),
  },
  {
    id: 'delete',
    label: 'deleting something while the case must keep everything',
    when: 'preserve',
    re: anyOf([w`\b(?<v>${DESTROY})\b`]),
    // "no need to keep the listing" (but "no need to keep it online" takes it offline: right).
    notKept: anyOf([
      w`\b(?<v>${KEEP})\s+(?:it|them|everything|anything|all of it|the (?:listing|listings|photos?|images?|stock|inventory|product|goods|store))\b(?!\s+(?:online|up|live|active|visible|for sale|on sale|running|listed|selling))`,
    ]),
    zh: /删|清空|清除|销毁|丢掉|扔掉/dg,
  },
  {
    id: 'relist',
    label: 'relisting the product',
    when: 'always',
    re: anyOf([
      w`\b(?<v>re-?list\w*|re-?upload\w*|re-?publish\w*)`,
      w`\b(?<v>repost\w*) (?:it|them|the (?:product|listing|item)s?)\b`,
      w`\b(?<v>(?:list|upload|post|put|sell|offer)\w*) (?:it|them|the (?:same )?(?:product|item|goods|listing)s?)(?: back)?(?: up| online| on sale| for sale)? (?:again|under (?:a |an )?(?:new|different|fresh|other|another))`,
      w`\b(?<v>put\w*) (?:it|them|the (?:same )?(?:product|item|goods|listing)s?) back (?:up|online|on sale|for sale|in the store)`,
      w`\b(?<v>(?:creat|mak|open|post|start|add|publish|launch|set\w* up)\w*) (?:a |another |a fresh )?(?:new|second|fresh|different) (?:listing|asin|product page)`,
      w`\b(?<v>(?:sell|ship|list|offer|mov)\w*) (?:it |them |the (?:same )?(?:stock|product|goods|inventory|items?) )?(?:from|to|via|through|in) (?:another|a different|a new|your other|a second|the other) (?:warehouse|store|shop|account|seller account)`,
    ]),
    zh: /重新上架|再上架|换个?仓库|新链接|重新发布/dg,
  },
  {
    id: 'pay',
    label: 'paying or settling yourself',
    when: 'always',
    re: anyOf([
      w`\b(?<v>pay(?:s|ing)?)(?=\s+${PAY_OBJECT}|\s+(?:and|or|but|so|then|before|today|tonight|soon|fast|to (?:them|the|their))\b|\s*(?:[.,;:!?)]|$))`,
      w`\b(?<v>paying)(?=\s+(?:is|are|was|would|will|could|can|may|might|seems|looks|makes|sounds)\b)`,
      w`\b(?<v>settl(?:e|es|ing))\b(?!\s+(?:on|in|down|into)\b)`,
      w`\b(?<v>(?:send|wire|transfer|give|hand)\w*(?: over)?) (?:them |the (?:firm|plaintiff|brand|complainant) )?(?:the |some |any |your |their )?(?:money|funds|payment|cash|amount|sum)\b`,
      w`\b(?<v>(?:accept|agree to|take|sign)\w*) (?:the |their |this |that )?(?:demand|settlement offer|settlement|offer|terms|payment link)\b`,
      w`\b(?:be|get|gets|getting) (?<v>paid)\b(?! (?:to you|back|out to you))`,
    ]),
    zh: /付款|付钱|支付|打款|转账|赔钱|赔偿|和解|给钱/dg,
  },
  {
    id: 'contact_firm',
    label: 'answering or contacting the firm yourself',
    when: 'always',
    re: anyOf([
      w`\b(?<v>${CONTACT})(?: (?:directly|yourself|personally|back))?(?: (?:to|with|back to))? ${FIRM}`,
      w`\b(?<v>(?:answer|repl|respond|writ|e-?mail)\w*)(?: (?:back )?(?:to )?(?:it|them|(?:the|their|this|that) (?:demand |cease-and-desist |c&d |lawyer's |firm's )?(?:letter|e-?mail|demand|notice)))? (?:yourself|yourselves|myself|ourselves|personally)\b`,
    ]),
    zh: /(?:给|跟|和|联系).{0,6}(?:律师|律所|原告).{0,6}(?:发邮件|回复|回信|联系|沟通|谈)/dg,
  },
  {
    id: 'ignore',
    label: 'ignoring the complaint',
    when: 'always',
    re: anyOf([
      w`\b(?<v>ignor\w*|disregard\w*|do nothing|wait\w* it out|sit(?:ting)? on it|let (?:it|the (?:case|complaint|letter|deadline)) (?:slide|go|lapse|pass))\b`,
      // Not answering, said as advice: "no need to respond" (but "no need to reply yourself" is the firm rule).
      w`\b(?<v>(?:no need|not necessary|unnecessary|pointless|no point) (?:to|in) (?:reply|replying|respond|responding|answer|answering|react|reacting|do anything|doing anything))\b(?! (?:yourself|personally|directly|to (?:them|the (?:firm|law firm|lawyers?|plaintiff)|their)))`,
      w`\b(?<v>(?:leave|leaving|let) (?:it|them|the (?:letter|e-?mail|complaint|case|notice|demand|summons)) (?:unanswered|alone|be))\b`,
    ]),
    zh: /不理|不管|忽略|无视/dg,
  },
  {
    id: 'apologise',
    label: 'apologising or admitting anything',
    when: 'always',
    re: /\b(?<v0>apologi[sz]\w*|say\w* sorry|admit\w*|confess\w*|plead\w* guilty|(?:accept|take)\w* (?:the )?(?:blame|responsibility|fault|liability))\b/dg,
    zh: /道歉|认错|承认/dg,
  },
];

// --- Reading whether an act is advised ---------------------------------------------------------------

const set = (s: string) => new Set(s.split(' '));
// Negations: each one flips what follows.
const NEG = set('not no never none nothing nobody neither without hardly barely');
// Words that forbid what they govern: "avoid deleting", "refrain from", "it is a mistake to", "no harm in"
// (a negation of one of these is advice again: "do not hesitate to delete").
const AGAINST = set(
  'stop stops stopped avoid avoids avoided avoiding refrain refraining hesitate hesitating hesitation fail fails forget afraid reluctant wrong mistake bad risky dangerous unsafe unwise inadvisable illegal unlawful forbidden prohibited banned harm harmful quit cease resist against unnecessary pointless useless instead',
);
// Words that carry the advice through to the act without changing it.
const CARRY = set(
  "to be been being is are was were am will would shall should can could may might must ought need needs needed have has had do does did just simply also still now then safely quickly immediately really actually definitely certainly always usually often generally typically tend tends likely probably please go ahead feel free try want wish best better able allowed permitted fine ok okay safe wise advisable smart good great idea a an the it there in way option thing move step fix solution answer choice plan time sense point reason use worth right perfectly totally completely fully even ever under any circumstances all at first only most more less very too quite own your yourself personally directly fastest quickest easiest simplest safest cheapest smartest think consider considering decide choose plan planning rush hurry recommend recommended recommends suggest suggested suggests advise advised advises encourage encouraged urge urged feel let let's us about get ahead okay thing",
);
// Words that make the act a condition or a circumstance, not advice ("if you delete…", "before paying").
const FRAME = set('if unless whether before until than');
// Prepositions that make a following -ing act a noun phrase ("punished as destroying evidence").
const NOMINAL = set('as of for');
// Who the seller is.
const SELLER = set('you we i seller sellers');
// Others who do things in a case: their acts are not the seller's ("plaintiff firms tend to ignore…").
const THIRD = set(
  'firm firms plaintiff plaintiffs court courts judge judges amazon aliexpress alibaba platform platforms marketplace marketplaces they brand brands owner owners holder holders complainant complainants lawyer lawyers attorney attorneys counsel legal support order orders injunction side sides party parties scammers he she',
);
// The seller's own side: when they act, it is not the seller's act, but what they want is advice.
const OURS = set('lawyer lawyers attorney attorneys counsel legal');
// Verbs by which someone else makes the seller act ("the firm asks you to pay"): reporting, not advice.
const MAKES = set(
  'ask asks asked order orders ordered require requires required force forces forced demand demands demanded want wants wanted expect expects expected tell tells told pressure pressures urge urges make makes made',
);
// A predicate after an -ing subject ("paying the demand … is the best way"), and what judges it badly.
const PREDICATE =
  /\b(?:is|are|was|were|will|would|can|could|may|might|must|should|shall|does|do|did|has|have|had|counts?|leads?|means?|helps?|hurts?|works?|makes?|gets?|risks?|costs?|ends?|stops?|keeps?|violates?|breaks?|looks?|seems?|sounds?|remains?|becomes?|causes?|saves?|solves?|fixes?|puts?|brings?|triggers?|invites?|exposes?|wins?|loses?)\b/;
const BAD =
  /\b(?:hurts?|harm\w*|costs?|costly|los(?:e|es|ing|t)|punish\w*|sanction\w*|violat\w*|penal\w*|strikes?|default|risk\w*|danger\w*|mistakes?|wrong|bad|worse|worst|illegal|unlawful|forbidden|prohibited|banned|spoliation|against you|evidence against|destroy\w* evidence|unwise|problem\w*|trouble|backfire\w*|admission|repeat\w*|suspicious|weaken\w*|undermin\w*|jeopard\w*|closed|closure|suspend\w*|waste\w*|useless|pointless|unprofessional|fail\w*|contempt|liab\w*|damag\w*|flagged)\b/;
// Deferring to the lawyer makes any act their decision, not ours ("delete nothing until the lawyer says so").
const LAWYER_DECIDES =
  /\b(?:if|once|after|when|unless|until|only)\b[^.;]{0,60}\b(?:lawyer|attorney|counsel|legal|court)\b[^.;]{0,20}\b(?:says?|said|agrees?|approves?|tells?|confirms?|allows?|clears?|decides?|permits?|advises?)\b/;
const NEGATED_BEFORE_ZH = /(?:不要|别|不能|不得|切勿|不可|禁止|不|勿|没有|无需|不用)[^，。！？,.!?]{0,3}$/;

/** Contractions spelled out, so a negation is one word: "don't" → "do not". */
function expand(t: string): string {
  return t
    .replace(/\bcan'?t\b/g, 'can not')
    .replace(/\bcannot\b/g, 'can not')
    .replace(/\bwon'?t\b/g, 'will not')
    .replace(/\bshan'?t\b/g, 'shall not')
    .replace(/n't\b/g, ' not')
    .replace(/'d\b/g, ' would');
}

// Asides set off by commas that leave a negation standing: "must not, under any circumstances, delete".
const ASIDE =
  /,\s*(?:under any circumstances|in any circumstances|at any point|at any time|for any reason|in any case|whatever happens|no matter what|ever|even now|for now|at all|yourself|please)\s*,/g;

/** Sentences of plain text, the [n] / [§1.3] markers and asides left out. */
function sentences(plain: string): string[] {
  return expand(plain.replace(/\[[^\]]{1,40}\]/g, ' '))
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(ASIDE, ' ')
    .split(/(?<=[.!?。！？;；:：\n])\s+|(?<=[。！？；：])|\n+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
}

interface Found {
  act: ForbiddenAct;
  /** Where the act's verb starts and ends in the sentence. */
  start: number;
  end: number;
  /** Found as keeping what the act destroys: advised when keeping is advised against. */
  kept?: boolean;
  advised: boolean;
}

/** How an act's own words put it: advised, advised against, or neither (a condition, someone else's act). */
type Reading = 'advised' | 'against' | 'neither';

const TOKEN = /[\p{L}\p{N}'$-]+|[^\s\p{L}\p{N}]/gu;

/** Whether words name the other side ("the firm", "their lawyer"), not the seller's own lawyer. */
function theirs(words: string[]): boolean {
  return words.some(
    (x, i) =>
      THIRD.has(x) && (!OURS.has(x) || /^(?:their|opposing|plaintiff's|brand's)$/.test(words[i - 1] ?? '')),
  );
}

/**
 * What the words before a verb say about it: negations and words against it (their count's parity), or a
 * frame that makes it not the seller's act or not advice at all.
 */
function readBefore(
  before: string,
  gerund: boolean,
  passive: boolean,
): { negations: number; frame: boolean; opens: boolean } {
  const tokens = before.match(TOKEN) ?? [];
  let negations = 0;
  let content = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as string;
    const prev = tokens[i - 1];
    // "why not relist it?" suggests it.
    if (t === 'not' && prev === 'why') return { negations, frame: false, opens: false };
    if (!/[\p{L}\p{N}]/u.test(t) || /^(?:and|but|then|so|yet|or|nor|however)$/.test(t))
      return { negations, frame: false, opens: content === 0 };
    if (prev === 'even' && /^(?:if|after|when|though)$/.test(t))
      return { negations, frame: true, opens: false };
    if (prev === 'rather' && t === 'than') return { negations: negations + 1, frame: false, opens: false };
    if (prev === 'instead' && t === 'of') {
      negations++;
      i--;
      continue;
    }
    if (FRAME.has(t)) return { negations, frame: true, opens: false };
    if (gerund && content === 0 && NOMINAL.has(t)) return { negations, frame: true, opens: false };
    if (NEG.has(t) || AGAINST.has(t)) {
      negations++;
      content++;
      continue;
    }
    if (SELLER.has(t)) {
      // "if you delete…": a condition; "the firm asks you to pay": their demand, reported.
      if (prev && FRAME.has(prev)) return { negations, frame: true, opens: false };
      if (prev && MAKES.has(prev) && theirs(tokens.slice(Math.max(0, i - 5), i - 1)))
        return { negations, frame: true, opens: false };
      return { negations, frame: false, opens: false };
    }
    // Someone else acting ("plaintiff firms tend to ignore…"); but in the passive ("they can be deleted")
    // the subject is what the act is done to, and the seller is the one told to do it.
    if (THIRD.has(t)) return { negations, frame: !passive, opens: false };
    if (CARRY.has(t)) {
      if (
        !/^(?:just|simply|quickly|immediately|now|then|also|safely|really|actually|even|ever|only|first)$/.test(
          t,
        )
      )
        content++;
      continue;
    }
    return { negations, frame: false, opens: false };
  }
  return { negations, frame: false, opens: content === 0 };
}

/** For an act said as a subject ("paying the demand quickly is the best way"): whether its predicate favours it. */
function favouredBy(after: string): { favoured: boolean; predicate?: number } {
  const p = PREDICATE.exec(after);
  if (!p) return { favoured: true };
  const span = after.slice(p.index).split(/\s(?:and|but|so)\s|[,;]/)[0] ?? '';
  const negations = (span.match(TOKEN) ?? []).filter((t) => NEG.has(t)).length;
  const bad = BAD.test(span);
  return { favoured: (negations % 2 === 1) === bad, predicate: p.index };
}

// Between two acts joined by "or"/"nor" ("do not delete or wipe"), or by a bare comma in a list of verbs
// ("do not delete, move or change"): the second shares the first one's negation.
const JOINED = /^(?:\s*,\s*|(?:\s+[\w'$-]+){0,6}?\s*,?\s+(?:or|nor)\s+)$/;

const BE =
  /(?:^|\s)(?:be|been|being|is|are|was|were|get|gets|got|getting)\s+(?:(?:safely|just|all|now|then|also|simply)\s+)?$/;
const PRONOUN_OBJECT = /^\s+(?:it|them|those|these|everything|all of (?:it|them)|both)\b/;
const PRONOUN_SUBJECT = /\b(?:they|those|these|it|all of (?:it|them)|everything)\s+(?:[\w']+\s+){0,3}$/;
const MENTIONS_RECORDS = new RegExp(String.raw`\b${RECORDS}|${ZH_RECORDS}`);

/**
 * How the words around an act put it (the act's verb at `start`…`end` of the sentence). An act said as a
 * subject is judged by its predicate, and so is every act inside that subject ("putting it back up, for
 * example after moving the stock to another warehouse, is a violation"): `subjectEnd` is where it ends.
 */
function read(sentence: string, start: number, end: number): { reading: Reading; subjectEnd?: number } {
  const verb = sentence.slice(start, end);
  const gerund = /^\w+ing\b/.test(verb);
  const before = sentence.slice(0, start);
  const passive = /^\w+(?:ed|en)\b/.test(verb) && BE.test(before);
  const b = readBefore(before, gerund, passive);
  if (b.frame) return { reading: 'neither' };
  const advised = b.negations % 2 === 0;
  const after = sentence.slice(end);
  // "delete nothing", "pay none of it": the object forbids it.
  if (/^\s+(?:nothing|none|no)\b/.test(after)) return { reading: advised ? 'against' : 'advised' };
  if (advised && gerund && b.opens) {
    const f = favouredBy(after);
    return {
      reading: f.favoured ? 'advised' : 'against',
      ...(f.predicate !== undefined ? { subjectEnd: end + f.predicate } : {}),
    };
  }
  return { reading: advised ? 'advised' : 'against' };
}

function actsIn(sentence: string, previous = ''): Found[] {
  const found: Found[] = [];
  const add = (act: ForbiddenAct, re: RegExp, kept: boolean) => {
    for (const m of sentence.matchAll(re)) {
      const groups = Object.values(m.indices?.groups ?? {});
      const span = groups.find((g) => g !== undefined) ?? m.indices?.[0];
      if (span) found.push({ act, start: span[0], end: span[1], advised: true, ...(kept ? { kept } : {}) });
    }
  };
  const records = FORBIDDEN_ACTS.find((a) => a.id === 'destroy_records') as ForbiddenAct;
  for (const act of FORBIDDEN_ACTS) {
    add(act, act.re, false);
    if (act.notKept) add(act, act.notKept, true);
    for (const m of act.zh ? sentence.matchAll(act.zh) : []) {
      const at = m.index ?? 0;
      const clause =
        sentence
          .slice(0, at)
          .split(/[，。！？,.!?；;]/)
          .pop() ?? '';
      found.push({ act, start: at, end: at + m[0].length, advised: !NEGATED_BEFORE_ZH.test(clause) });
    }
  }
  // "The records are not needed; delete them": a deletion whose object is a pronoun standing for records.
  if (MENTIONS_RECORDS.test(`${previous} ${sentence}`)) {
    for (const f of [...found]) {
      if (f.act.id !== 'delete' || f.kept) continue;
      const pronoun =
        PRONOUN_OBJECT.test(sentence.slice(f.end)) || PRONOUN_SUBJECT.test(sentence.slice(0, f.start));
      if (pronoun) found.push({ ...f, act: records });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const lawyerDecides = LAWYER_DECIDES.test(sentence);
  let subject: { end: number; reading: Reading } | undefined;
  for (const [i, f] of found.entries()) {
    if (/\p{Script=Han}/u.test(sentence.slice(f.start, f.end))) continue;
    if (subject && f.start < subject.end && !f.kept) {
      f.advised = !lawyerDecides && subject.reading === 'advised';
      continue;
    }
    const prev = found
      .slice(0, i)
      .reverse()
      .find((x) => x.end <= f.start && !x.kept);
    if (!f.kept && prev && JOINED.test(sentence.slice(prev.end, f.start))) {
      f.advised = prev.advised;
      continue;
    }
    const r = read(sentence, f.start, f.end);
    if (r.subjectEnd !== undefined && !f.kept) subject = { end: r.subjectEnd, reading: r.reading };
    f.advised = !lawyerDecides && (f.kept ? r.reading === 'against' : r.reading === 'advised');
  }
  return found;
}

export interface AdvisedAct {
  act: ForbiddenAct;
  /** The sentence that advises it, as read (plain text). */
  sentence: string;
  /** The act's own words in it ("contact the plaintiff's law firm" names its verb: "contact"). */
  words: string;
}

/**
 * The first forbidden act a text advises: always-forbidden acts in any case, deleting anything when
 * `preserve` (mustPreserve) holds.
 */
export function advisedAct(
  text: string,
  opts: { preserve: boolean; shown?: string },
): AdvisedAct | undefined {
  const all = sentences(plainText(text));
  // Only acts whose words are in what is shown (a quote), judged in their whole sentence.
  const shown = opts.shown === undefined ? undefined : plainText(opts.shown);
  for (const [i, sentence] of all.entries()) {
    const hit = actsIn(sentence, all[i - 1]).find(
      (f) =>
        f.advised &&
        (f.act.when === 'always' || (opts.preserve && f.act.when === 'preserve')) &&
        (shown === undefined || shown.includes(sentence.slice(f.start, f.end))),
    );
    if (hit) return { act: hit.act, sentence, words: sentence.slice(hit.start, hit.end) };
  }
  return undefined;
}

/** Whether a text advises deleting anything (listings, records, messages, stock): wrong while a case keeps everything. */
export function advisesDeletion(text: string): boolean {
  const all = sentences(plainText(text));
  return all.some((s, i) =>
    actsIn(s, all[i - 1]).some((f) => f.advised && (f.act.id === 'delete' || f.act.id === 'destroy_records')),
  );
}
