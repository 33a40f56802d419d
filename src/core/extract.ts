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
  /** Test only the seller's own statements: "they say we copied their design" is the complaint, not an answer. */
  ownWordsOnly?: boolean;
  /** Test the text without threats ("they threatened to sue"), which are not yet a case. */
  withoutThreats?: boolean;
}

// A word before a phrase that turns it around ("don't want to keep selling", "can't keep selling").
const NEGATED = String.raw`(?<!(?:n't|not|no|never) (?:\w+ ){0,2})`;

const RULES: PhraseRule[] = [
  {
    fact: 'notice',
    value: 'court_or_tro',
    // "They threatened to take us to court" is a threat, not court papers (threats are taken out first).
    withoutThreats: true,
    patterns: [
      /\btro\b/,
      /temporary restraining order/,
      /\bcourt\b/,
      /lawsuit|law suit|\bsued\b|\bsuing\b|summons/,
      // "Schedule A" (the defendants list of a US case), not "can we schedule a call".
      /\b(on|in|under|part of) (the |a )?schedule a\b|\bschedule a\b(?= *[).,;:!?]| *$| (case|cases|lawsuits?|suit|defendants?|list|complaint|tro)\b)/,
      /(funds?|account|balance|money|payouts?|disbursements?|paypal|payoneer|stripe|wallet|\$ ?\d[\d,.]*|\d[\d,.]* ?(usd|dollars)) (are |is |has been |have been |got |was |were )?(frozen|on hold|held|restrained)/,
      /frozen (funds?|account|balance|money|paypal)|\bfroze (our|my|the|all|\$|\d)/,
      /\binjunction\b/,
      /\b(\d:)?\d{2}-cv-\d{2,6}\b/,
    ],
  },
  {
    fact: 'notice',
    value: 'rights_holder_letter',
    patterns: [
      /cease (and|&) desist/,
      // Not "our authorization letter from the brand": that is evidence of rights, not a letter from their side.
      /(?<!(authori[sz]ation|licen[cs]e|permission|consent) )(letter|email|e-mail|mail|message) from (the |their |a |an )?([\w'&.-]+ ){0,3}?(law ?firm|lawyers?|attorneys?|counsel|legal team|brand|rights? ?holder|owner)/,
      /(law ?firm|lawyers?|attorneys?) (sent|wrote|emailed|e-mailed|mailed|contacted)/,
      /demand letter|(lawyer|attorney)'?s? letter/,
    ],
  },
  {
    fact: 'notice',
    value: 'platform_complaint',
    patterns: [
      /complaint|complained|takedown|take-down|taken down|took down|\bipr\b|\bwarning\b|violation|penalt|account health|infringement notice|reported/,
      /(listing|asin|item|product)s? (was |were |got |has been |have been )?(removed|deactivated|suppressed|blocked)/,
      /(for|of|alleged) (ip |intellectual property |trademark |copyright |patent )?infringement/,
    ],
  },
  {
    fact: 'ipType',
    value: 'design_patent',
    patterns: [/design patent|design right|industrial design|外观专利/],
  },
  {
    fact: 'ipType',
    value: 'utility_patent',
    patterns: [/utility patent|invention patent|utility model|实用新型|发明专利/],
  },
  {
    fact: 'ipType',
    value: 'copyright',
    patterns: [
      /copyright|dmca|image theft|stole (their|our) (photos?|images?)|their (photos?|images?|pictures?|artwork)/,
    ],
  },
  {
    fact: 'ipType',
    value: 'trademark',
    patterns: [/trademark|trade mark|\btm\b|brand name|their logo|(®)|counterfeit/],
  },
  {
    fact: 'listingIsOurs',
    value: 'no',
    patterns: [
      /never (listed|sold|carried|uploaded|published|offered) (this|that|these|those|it|the (asin|item|product|listing))\b/,
      // "never had this product", not "never had this problem" or "never had a complaint before".
      /never (had|stocked) (this|that|these|those|the|such) (asin|item|product|listing|model)s?\b/,
      /(not|isn'?t|wasn'?t) (our|my) (listing|product|item|asin)/,
      /(isn'?t|is not|wasn'?t|was not|aren'?t|are not) (ours|mine)\b/,
      /(not|never) (been )?in (our|my) (store|shop)/,
      // "we don't sell that item", not "we don't sell it anymore" (ours, already delisted).
      /(don'?t|do not) (sell|carry) (this|that|these|those|such)\b(?![^.;!?]{0,30}\b(any ?more|any longer|again|now)\b)/,
    ],
  },
  {
    fact: 'listingIsOurs',
    value: 'yes',
    patterns: [
      /\b(it'?s|it is|this is|that is|that'?s) (ours|our (own )?(listing|product|item))\b|\bour own listing\b/,
    ],
  },
  {
    fact: 'usesTheirIp',
    value: 'unsure',
    ownWordsOnly: true,
    // Doubt about the IP question itself, not "not sure if we can keep selling".
    patterns: [
      // "compatible with iPhone", "fits Dyson": their name used to describe what ours fits. Legal should judge.
      /\b(compatible with|for use with|replacement for|works with|designed for) (the |an? )?[a-z]/,
      /(not sure|unsure|don'?t know|no idea) (if|whether) ([\w']+ ){0,5}?(infring|violat|cop(y|ies|ied)|similar|counts? as|uses? their|using their|too close|looks? like|same as|their (logo|brand|mark|design|photos?))/,
    ],
  },
  {
    fact: 'usesTheirIp',
    value: 'yes',
    ownWordsOnly: true,
    // Said outright, this wins over a "no logo" in the same message ("no logo, but the photos are theirs").
    patterns: [
      /\bbut (it'?s|it is|they'?re|they are|the logo is|their logo is) (printed )?on the (box|packaging|package|tags?|labels?|manual|photos?|images?|pictures?)\b/,
      /(photos?|images?|pictures?|artwork|design) (are|is|were|was) (theirs|their own|copied)\b/,
      /(we|i) (used|use|took|copied|downloaded) (their|the brand'?s?) (photos?|images?|pictures?|artwork|design)/,
    ],
  },
  {
    fact: 'usesTheirIp',
    value: 'no',
    ownWordsOnly: true,
    patterns: [
      /\b(no|without) (their |any |a |the )?([\w-]+ )?logos?\b/,
      /\b(doesn'?t|does not|don'?t|do not|didn'?t|did not|never|not) (have|has|carry|carries|show|shows|use|uses|using|used|print|bear|display|copy|copied|contain)s? (their|any|a|the) ([\w-]+ )?(logo|brand|mark|trademark|name|design|photos?|images?|pictures?|artwork)\b(?!'s)/,
      /(logo|brand name|trademark|mark) (is |was )?(not|isn'?t|wasn'?t|nowhere) (on|in|shown|used|visible|printed)/,
      /(our|my) own (design|photos?|pictures?|images?|artwork|brand|logo)/,
      /(very|completely|totally|quite) different|looks? nothing like/,
      /\bgeneric\b|\bunbranded\b|\bno infringement|\b(does|do|did)(n'?t| not) infringe|\b(is|are|it'?s|we'?re) not infringing/,
      /(don'?t|do not|never) (sell|sold|selling) (any )?(fakes?|replicas?|knock-?offs?|counterfeits?|copies)|(is|are)(n'?t| not) (a |an )?(replica|knock-?off|dupe|fake|counterfeit|copy)/,
    ],
  },
  {
    fact: 'usesTheirIp',
    value: 'yes',
    ownWordsOnly: true,
    patterns: [
      /(their|the|his|brand'?s?) ([\w-]+ )?(logo|brand|trademark|mark|name) (is |was |appears )?(printed |shown |visible )?(on|in) (it\b|(the|our|my) ([\w-]+ )?(product|item|goods|box|packaging|package|listing|title|photos?|images?|pictures?|label|tags?|description|case|cover))/,
      /(has|have|had|with|carries|shows|uses|used|using|printed|bears) (their|the brand'?s?|a brand'?s?) (logo|brand|trademark|mark|name|photos?|images?|pictures?|artwork|design)/,
      /(has|have|had|carries|shows|uses|used|using|printed|bears) the [\w-]+ (logo|brand name|trademark)/,
      /(copied|copies|copy of|replica of|dupe of|knock-?off of) (their|the brand|the original|the design|the logo|the photos?)\b/,
      /(it'?s|it is|they'?re|they are|this is|these are) (a |an )?([\w-]+ )?(replicas?|knock-?offs?|dupes?|fakes?|counterfeits?)\b(?! (complaint|claim|notice|report|case))/,
    ],
  },
  {
    fact: 'rights',
    value: 'none',
    ownWordsOnly: true,
    patterns: [
      /(no|without|don'?t have|do not have|never got|never had|didn'?t get) (any |an? |the )?(authori[sz]ation|licen[cs]e|rights\b(?! ?holder)|permission)/,
      /\b(we|i)('re| are| am|'m)? ?(not|aren'?t) (an? )?authori[sz]ed/,
      // An authorization that ran out is no authorization on the complaint's date.
      /(authori[sz]ation|licen[cs]e|permission)( letter)? (has |had |is |was )?(expired|ended|lapsed|revoked|run out|ran out)|authori[sz]ed (by [\w ]+ )?until (19|20)\d\d|(was|were) authori[sz]ed (before|until|in (19|20)\d\d)/,
    ],
  },
  {
    fact: 'rights',
    value: 'authorized',
    ownWordsOnly: true,
    patterns: [
      /authori[sz]ed (by|dealer|seller|reseller|retailer|distributor|agent|partner)|authori[sz]ation letter|(we|i) (are|am|have been) authori[sz]ed|licen[cs]ed by|invoices? from (the )?(brand|owner|manufacturer)/,
      /(have|hold|got) (a |an |the |their )?(licen[cs]e|authori[sz]ation|permission) (from|to sell)|permission from (the )?(brand|owner|rights? ?holder)/,
    ],
  },
  {
    fact: 'rights',
    value: 'own',
    ownWordsOnly: true,
    patterns: [
      /(we|i) own (the|this|that|our)? ?(trademark|brand|patent|design|copyright|mark)/,
      /our (own )?(registered )?(trademark|patent|brand) (is )?registered|our registered (trademark|patent|design)/,
      // "our own design" alone is not a registered right; "our own brand" or "our trademark" is.
      /(it'?s|it is|this is) our (own )?(registered )?(brand|trademark|patent|copyright)/,
      /(we|i) (have|hold) (a |the |our )?(registered (trademark|patent|design|copyright)|(trademark|patent|copyright) (registration|certificate))/,
      /(we|i) (have|hold) our (own )?(registered )?(trademark|design patent|utility patent|patent|copyright)\b/,
    ],
  },
  {
    fact: 'complainantContact',
    value: 'no_reply',
    patterns: [
      /(no|never got an?|didn'?t get an?) (reply|response|answer)(?! (yet )?from (the )?(platform|aliexpress|amazon|seller support|support))/,
      /(they|them|complainant|brand|law ?firm|lawyers?|owner) (never|didn'?t|did not|don'?t|won'?t|haven'?t|have not|hasn'?t|has not) (repl(y|ied)|respond|answer|get back|got back|gotten back|wr(i|o)te back)/,
      /(haven'?t|have not|never|didn'?t|did not) heard (back|from them|anything)/,
      /ignored (us|me|our)/,
    ],
  },
  {
    fact: 'complainantContact',
    value: 'replied',
    patterns: [
      /(they|complainant|brand|law ?firm|lawyers?|owner) (replied|responded|answered|got back|wrote back)/,
    ],
  },
  {
    fact: 'complainantContact',
    value: 'not_tried',
    patterns: [/(haven'?t|have not|didn'?t|did not|not yet) (contacted|contact|emailed|written|reached out)/],
  },
  {
    fact: 'inventory',
    value: 'small_or_stop',
    patterns: [
      /(small|little|low) (stock|inventory)|(only )?a few (left|units|pcs|pieces)|(can|could|will) stop selling|happy to stop|don'?t need to sell/,
      /(n'?t|not|no) (want|need) to (keep|continue) selling/,
    ],
  },
  {
    fact: 'inventory',
    value: 'large_keep_selling',
    patterns: [
      new RegExp(
        `${NEGATED}(?:(?:want|like|need|hope|plan) to )?(?:keep selling|continue selling|continue to sell)`,
      ),
      /(huge|large|big|lots of) (stock|inventory)/,
    ],
  },
];

// "They say we copied their design", "a complaint claiming we…": the complainant's words, up to the end of
// the sentence or a "but", are not the seller's answer.
const ALLEGATION =
  /\b(they|he|she|(the )?(complaint|complainant|brand|notice|law ?firm|rights? ?holder|plaintiff|platform|letter|email|owner))( \w+)? (says?|said|claims?|claimed|alleges?|alleged|accuses?|accused|thinks?|argues?|insists?|states?|threaten(?:s|ed)?|warn(?:s|ed)?)\b[^.;!?]*?(?=[.;!?]|\bbut\b|\bhowever\b|$)|\b(saying|claiming|alleging|accusing|threatening|alleges?|alleged|accuses?|accused|according to)\b[^.;!?]*?(?=[.;!?]|\bbut\b|\bhowever\b|$)/g;

// Threats are the other side's words too, and not yet a court case.
const THREAT = /\b(threat\w*|warn\w*) (to|that|of|with)\b[^.;!?]*?(?=[.;!?]|\bbut\b|\bhowever\b|$)/g;

function ownWords(t: string): string {
  return t.replace(ALLEGATION, ' ');
}

export interface Extraction {
  facts: Facts;
  details: Details;
  /** Link-shaped text that was not a usable listing reference. */
  listingProblems: ListingRefProblem[];
}

// Stock thresholds for pre-filling `inventory` from a bare count: a guess the seller sees and can change.
const LARGE_STOCK = 1000;
const SMALL_STOCK = 100;

// Stock counts, most telling first: what is left beats what was sold ("sold 300 units, 20 left").
const STOCK_PATTERNS: RegExp[] = [
  /(?<![\w.,$/:-])(\d[\d,.]*)\s*(k\b)?\s*(?:(?:units?|pcs|pieces?|sets?|items?|products?) )?(?:in stock|in inventory|left|in (?:the |our )?warehouse)/,
  /\b(?:stock|inventory)(?: level)?(?: is| of|:)? (?:about |around |~)?(\d[\d,.]*)\s*(k\b)?/,
  // Not "we sold 3,000 units last year": sales are not stock.
  /(?<![\w.,$/:-])(?<!(?:sold|shipped|sell|sells|selling|ordered|delivered) (?:about |around |over |only )?)(\d[\d,.]*)\s*(k\b)?\s*(?:units?|pcs|pieces?|sets?)\b/,
];

function stockUnits(t: string): number | undefined {
  // Not "2 items were reported" or "$3 per unit".
  for (const re of STOCK_PATTERNS) {
    const m = re.exec(t);
    if (!m?.[1]) continue;
    const n = Number(m[1].replace(/,/g, ''));
    if (Number.isFinite(n)) return Math.round(m[2] ? n * 1000 : n);
  }
  return undefined;
}

const AMOUNT =
  /(?:us)?\$\s?\d(?:[\d,]*\d)?(?:\.\d{1,2})?|\d(?:[\d,]*\d)?(?:\.\d{1,2})?\s?(?:usd|dollars)\b/gi;
const FREEZE_WORD = /\b(frozen|froze|freeze|freezing|on hold|held|restrain\w*)\b/gi;

/** The amount said to be frozen: of all amounts, the one closest to a freeze word ("owe $5,000, $1,200 is frozen"). */
function frozenAmount(text: string): string | undefined {
  const freezes = [...text.matchAll(FREEZE_WORD)].map((m) => m.index);
  if (freezes.length === 0) return undefined;
  let best: { amount: string; distance: number } | undefined;
  for (const m of text.matchAll(AMOUNT)) {
    const distance = Math.min(...freezes.map((f) => Math.abs(f - m.index)));
    if (!best || distance < best.distance) best = { amount: m[0], distance };
  }
  return best?.amount.replace(/\s+/g, ' ');
}

function brandOf(text: string): string | undefined {
  const m =
    /\b(?:from|by)\s+([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\b(?!\s*(?:'s\s+)?(?:law firm|lawyers?|attorneys?)\b)(?=\s*(?:'s\s+)?(?:(?:brand|trademark|complaint|on|about|against|regarding)\b|,|\.|$))/.exec(
      text,
    ) ??
    /\b([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s+(?:trademark|brand|design patent|patent|copyright|logo)\b/.exec(
      text,
    );
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
  ]);
  const words = brand.split(/\s+/).filter((w) => !stop.has(w));
  return words.length ? words.join(' ') : undefined;
}

function details(text: string, t: string): Details {
  const d: Details = {};
  // US federal case numbers: "1:25-cv-01234", often written without the office number ("25-cv-01234").
  const caseNo = /\b((?:\d:)?\d{2}-cv-\d{2,6}(?:-[A-Z]{1,4})?)\b/i.exec(text);
  if (caseNo?.[1]) d.caseNumber = caseNo[1];
  const frozen = frozenAmount(text);
  if (frozen) {
    // Which account is frozen matters to the lawyer as much as how much.
    const accounts = [
      ...new Set(
        [
          ...t.matchAll(
            /\b(paypal|payoneer|stripe|alipay|pingpong|lianlian|worldfirst|aliexpress|amazon|walmart|ebay)\b/g,
          ),
        ].map((m) => m[1]),
      ),
    ];
    const names = accounts.map(
      (a) =>
        ({ paypal: 'PayPal', aliexpress: 'AliExpress', ebay: 'eBay' })[a as string] ??
        `${(a as string)[0]?.toUpperCase()}${(a as string).slice(1)}`,
    );
    d.frozenAmount = names.length > 0 ? `${frozen} (${names.join(', ')})` : frozen;
  }
  const firm =
    /\b(?:from|by)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+(law firm|lawyers?|attorneys?|LLP|LLC|P\.?C\.?)\b/.exec(
      text,
    );
  if (firm?.[1] && firm[2])
    d.lawFirm = /law firm|lawyers?|attorneys?/i.test(firm[2])
      ? `${firm[1]} (law firm)`
      : `${firm[1]} ${firm[2]}`;
  const district =
    /\b((?:northern|southern|eastern|western|central|middle) district of [a-z]+(?: [a-z]+)?|[NSEWCM]\.\s?D\.\s?[A-Z][a-z]{1,4}\.?)/i.exec(
      text,
    );
  if (district?.[1]) d.court = district[1].replace(/\s+(and|court|on|in|with)$/i, '');
  const complaint = /complaint (?:id|no\.?|number|#)\s*:?\s*([A-Z0-9-]{4,40})/i.exec(text);
  if (complaint?.[1]) d.complaintId = complaint[1];
  const units = stockUnits(t);
  if (units !== undefined) d.stockUnits = units;
  const brand = brandOf(text);
  if (brand) d.brand = brand;
  // The listing itself must be what was taken down, not "removed the brand name from the title".
  if (
    /(already|have|has|we|i) (delisted|deleted|removed|taken down|took down) (it|the (listing|product|item|asin)|this (listing|product|item|asin)|that (listing|product|item))\b(?! from)/.test(
      t,
    ) ||
    /(already|have|has|we|i) (delisted|deleted) it\b|\b(took|taken) (it|the listing|the product) down\b|(listing|product|item|asin) (was|is|has been) (delisted|deleted|removed|taken down)/.test(
      t,
    )
  )
    d.delisted = true;
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
  const own = ownWords(t);
  const calm = t.replace(THREAT, ' ');
  const set = facts as Record<string, string>;
  for (const rule of RULES) {
    if (set[rule.fact] !== undefined) continue;
    const words = rule.ownWordsOnly ? own : rule.withoutThreats ? calm : t;
    if (rule.patterns.some((p) => p.test(words))) set[rule.fact] = rule.value;
  }
  const d = details(text, t);
  // The link's marketplace (amazon.co.uk, …) picks the seller portal for the delist link.
  if (first?.marketplace) d.marketplace = first.marketplace;
  if (facts.inventory === undefined && d.stockUnits !== undefined) {
    if (d.stockUnits >= LARGE_STOCK) facts.inventory = 'large_keep_selling';
    else if (d.stockUnits < SMALL_STOCK) facts.inventory = 'small_or_stop';
  }
  const date = findDate(text.replace(/\b(\d:)?\d{2}-cv-\d+\b/gi, ' '), today);
  if (date && date <= today) facts.noticeDate = date;
  return { facts, details: d, listingProblems: found.problems };
}
