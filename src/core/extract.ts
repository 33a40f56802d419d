import { findDate } from './dates.js';
import type { Details, FactKey, Facts } from './facts.js';
import { findListingRefs, type ListingRefProblem } from './listing-ref.js';

// Reads a seller's own words into facts, without an LLM. Each rule is a fact value and the phrases
// that say it; for each fact the first rule that matches wins, so specific phrases come first.
// Seller text is data: nothing here follows instructions found in it.

interface PhraseRule {
  fact: FactKey;
  value: string;
  patterns: RegExp[];
}

const RULES: PhraseRule[] = [
  {
    fact: 'notice',
    value: 'court_or_tro',
    patterns: [
      /\btro\b/,
      /temporary restraining order/,
      /\bcourt\b/,
      /lawsuit|law suit|\bsued\b|\bsuing\b|summons/,
      /schedule a\b/,
      /(funds?|account|balance|money|payouts?|disbursements?) (are |is |has been |have been |got |was )?(frozen|on hold|held|restrained)/,
      /frozen (funds?|account|balance|money)/,
      /\binjunction\b/,
      /\b\d:\d{2}-cv-\d{2,6}\b/,
    ],
  },
  {
    fact: 'notice',
    value: 'rights_holder_letter',
    patterns: [/cease and desist/, /(letter|email|e-mail|mail) from (the |their |a )?(law ?firm|lawyer|attorney|brand|rights? holder|owner)/, /law ?firm (sent|wrote|emailed)/, /demand letter/],
  },
  {
    fact: 'notice',
    value: 'platform_complaint',
    patterns: [/complaint|complained|takedown|take-down|ipr|\bwarning\b|violation|penalt|account health|infringement notice|reported/],
  },
  { fact: 'ipType', value: 'design_patent', patterns: [/design patent|design right|industrial design|外观专利/] },
  { fact: 'ipType', value: 'utility_patent', patterns: [/utility patent|invention patent|utility model|实用新型|发明专利/] },
  { fact: 'ipType', value: 'copyright', patterns: [/copyright|dmca|image theft|stole (their|our) (photos?|images?)|their (photos?|images?|pictures?|artwork)/] },
  { fact: 'ipType', value: 'trademark', patterns: [/trademark|trade mark|\btm\b|brand name|their logo|(®)|counterfeit/] },
  {
    fact: 'listingIsOurs',
    value: 'no',
    patterns: [
      /never (listed|sold|had|carried|uploaded|published|appeared)/,
      /(not|isn'?t|wasn'?t) (our|my) (listing|product|item|asin)/,
      /(not|never) (been )?in (our|my) (store|shop)/,
      /don'?t (sell|have|carry) (this|that|it)/,
    ],
  },
  {
    fact: 'usesTheirIp',
    value: 'unsure',
    patterns: [/not sure (if|whether|it)|unsure (if|whether)|don'?t know (if|whether)|maybe (it|their)/],
  },
  {
    fact: 'usesTheirIp',
    value: 'no',
    patterns: [
      /(no|without|doesn'?t (have|carry|show|use)|does not (have|carry|show|use)|not using) (their|any|a) (logo|brand|mark|trademark|name)/,
      /(our|my) own (design|photos?|pictures?|images?|artwork|brand)/,
      /(very|completely|totally|quite) different|looks? nothing like/,
      /\bgeneric\b|\bunbranded\b|no infringement|does(n'?t| not) infringe/,
    ],
  },
  {
    fact: 'usesTheirIp',
    value: 'yes',
    patterns: [
      /(their|the|his|brand'?s?) (logo|brand|trademark|mark|name) (is |was |appears )?(on|in) (it|the|our|my)/,
      /(has|have|had|with|carries|shows|uses|used) (their|the brand'?s?|a brand'?s?) (logo|brand|trademark|mark|name|photos?|images?|artwork|design)/,
      /(copied|copy of|copies|replica of|fake) (their|the)/,
      /\b(replica|counterfeit|knock-?off|fake)\b/,
    ],
  },
  {
    fact: 'rights',
    value: 'none',
    patterns: [/(no|without|don'?t have|do not have|never got) (any )?(authori[sz]ation|licen[cs]e|rights|permission)/],
  },
  {
    fact: 'rights',
    value: 'authorized',
    patterns: [/authori[sz]ed (by|dealer|seller|reseller|distributor)|authori[sz]ation letter|(we|i) (are|am|have been) authori[sz]ed|licen[cs]ed by|invoices? from (the )?(brand|owner|manufacturer)/],
  },
  {
    fact: 'rights',
    value: 'own',
    patterns: [/(we|i) own (the|this|that|our)? ?(trademark|brand|patent|design|copyright|mark)|our (own )?(registered )?(trademark|patent|brand) (is )?registered|our registered (trademark|patent|design)|it'?s our (own )?(brand|trademark|design)/],
  },
  {
    fact: 'complainantContact',
    value: 'no_reply',
    patterns: [/(no|never got an?|didn'?t get an?) (reply|response|answer)|(they|complainant|brand|law firm) (never|didn'?t|did not|don'?t|won'?t) (reply|respond|answer|get back)|ignored (us|me|our)/],
  },
  {
    fact: 'complainantContact',
    value: 'replied',
    patterns: [/(they|complainant|brand|law firm) (replied|responded|answered|got back)/],
  },
  {
    fact: 'complainantContact',
    value: 'not_tried',
    patterns: [/(haven'?t|have not|didn'?t|did not|not yet) (contacted|contact|emailed|written|reached out)/],
  },
  {
    fact: 'inventory',
    value: 'large_keep_selling',
    patterns: [/(want|like|need|hope) to (keep|continue) selling|keep selling|continue to sell|(huge|large|big|lots of) (stock|inventory)/],
  },
  {
    fact: 'inventory',
    value: 'small_or_stop',
    patterns: [/(small|little|low) (stock|inventory)|(only )?a few (left|units|pcs|pieces)|(can|could|will) stop selling|happy to stop|don'?t need to sell/],
  },
];

export interface Extraction {
  facts: Facts;
  details: Details;
  /** Link-shaped text that was not a usable listing reference. */
  listingProblems: ListingRefProblem[];
}

// Stock thresholds for pre-filling `inventory` from a bare count: a guess the seller sees and can change.
const LARGE_STOCK = 1000;
const SMALL_STOCK = 100;

function stockUnits(t: string): number | undefined {
  const m = /(\d[\d,.]*)\s*(k\b)?\s*(units?|pcs|pieces|items|in stock|in inventory|stock)/.exec(t);
  if (!m?.[1]) return undefined;
  const n = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return Math.round(m[2] ? n * 1000 : n);
}

function brandOf(text: string): string | undefined {
  const m =
    /\b(?:from|by)\s+([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})(?=\s*(?:'s\s+)?(?:law firm|lawyers?|brand|trademark|complaint|,|\.|$))/.exec(
      text,
    ) ?? /\b([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})\s+(?:trademark|brand|design patent|patent|copyright|logo)\b/.exec(text);
  const brand = m?.[1]?.trim();
  if (!brand) return undefined;
  const stop = new Set(['A', 'An', 'The', 'Got', 'I', 'We', 'My', 'Our', 'Their', 'Amazon', 'AliExpress', 'TRO', 'IP', 'IPR', 'US', 'Design', 'Utility']);
  const words = brand.split(/\s+/).filter((w) => !stop.has(w));
  return words.length ? words.join(' ') : undefined;
}

function details(text: string, t: string): Details {
  const d: Details = {};
  const caseNo = /\b(\d:\d{2}-cv-\d{2,6}(?:-[A-Z]{1,4})?)\b/i.exec(text);
  if (caseNo?.[1]) d.caseNumber = caseNo[1];
  const amount = /((?:us)?\$\s?[\d,]+(?:\.\d{1,2})?|[\d,]+(?:\.\d{1,2})?\s?(?:usd|dollars))/i.exec(text);
  if (amount?.[1] && /frozen|hold|held|restrain|freeze/.test(t)) d.frozenAmount = amount[1].replace(/\s+/g, ' ');
  const complaint = /complaint (?:id|no\.?|number|#)\s*:?\s*([A-Z0-9-]{4,40})/i.exec(text);
  if (complaint?.[1]) d.complaintId = complaint[1];
  const units = stockUnits(t);
  if (units !== undefined) d.stockUnits = units;
  const brand = brandOf(text);
  if (brand) d.brand = brand;
  if (/(already|have|has been|we) (delisted|removed|deleted|taken (it )?down|took (it )?down)/.test(t)) d.delisted = true;
  return d;
}

/** Everything the seller's words say, as facts (contract values) and details for the drafts. */
export function extractFacts(text: string, today: string): Extraction {
  const t = ` ${text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ')} `;
  const facts: Facts = {};
  const found = findListingRefs(text);
  const first = found.refs[0];
  if (first) {
    facts.platform = first.platform;
    facts.listingId = first.listingId;
  } else if (/\bamazon\b|\basin\b/.test(t)) {
    facts.platform = 'amazon';
  } else if (/aliexpress|ali express/.test(t)) {
    facts.platform = 'aliexpress';
  }
  const set = facts as Record<string, string>;
  for (const rule of RULES) {
    if (set[rule.fact] !== undefined) continue;
    if (rule.patterns.some((p) => p.test(t))) set[rule.fact] = rule.value;
  }
  const d = details(text, t);
  if (facts.inventory === undefined && d.stockUnits !== undefined) {
    if (d.stockUnits >= LARGE_STOCK) facts.inventory = 'large_keep_selling';
    else if (d.stockUnits < SMALL_STOCK) facts.inventory = 'small_or_stop';
  }
  const date = findDate(text.replace(/\b\d:\d{2}-cv-\d+\b/gi, ' '), today);
  if (date && date <= today) facts.noticeDate = date;
  return { facts, details: d, listingProblems: found.problems };
}
