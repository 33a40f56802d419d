import type { Details, FactKey, Facts } from '../model/facts.js';
import { COURT_WORD, legalSignsIn } from '../model/litigation.js';
import { blank, dueFrom, noticeDateIn, replyBy, troDate } from './extract-dates.js';
import { complaintIdSpans, readDetails } from './extract-details.js';
import { ZH_PATTERNS, ZH_THREAT } from './extract-zh.js';
import { findListingRefs, type ListingRef, type ListingRefProblem } from './listing-ref.js';
import { mixedUse } from './mixed-use.js';
import { noticeTextOf } from './notice-text.js';
import { CAPS_MARK, COMPLAINT_FORMS, NO_NOTICE_YET, UNKNOWN_RIGHT } from './notice-words.js';
import { platformActsAsNotice, withoutOwnActs } from './own-act-dates.js';
import { holdsInvoices, rightsBasisIn, someoneElsesAuthorization, verbalOnly } from './rights-words.js';
import { ownWords } from './their-words.js';
import { toSimplified } from './traditional-zh.js';
import { mendTypos } from './typos.js';

// Reads a seller's own words into facts, without an LLM. Each rule is a fact value and the phrases
// that say it (English here, Chinese in extract-zh.ts); for each fact the first rule that matches wins, so
// specific phrases come first. Details for the drafts are read in extract-details.ts.
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

// Amazon Patent Evaluation Express: its emails come from patent-evaluation@amazon.com.
const APEX =
  /patent[- ]evaluation(@amazon| express)|\bapex\b (program|programme|procedure|process|evaluation|claim|case|notice|email|complaint)|\bamazon apex\b/;

const RULES: PhraseRule[] = [
  {
    fact: 'notice',
    value: 'court_or_tro',
    // "They threatened to take us to court" is a threat, not court papers (threats are taken out first).
    withoutThreats: true,
    patterns: [
      /\btro\b/,
      // "Your funds are on hold due to a restraining order": a court's order, temporary or not.
      /\brestraining order\b/,
      COURT_WORD,
      /lawsuit|law suit|\bsued\b|\bsuing\b|summons/,
      // "Schedule A" (the defendants list of a US case), not "can we schedule a call".
      /\b(on|in|under|part of) (the |a )?schedule a\b|\bschedule a\b(?= *[).,;:!?]| *$| (case|cases|lawsuits?|suit|defendants?|list|complaint|tro)\b)/,
      // Amounts as "$3,200" or "3200 usd": thousands groups matched exactly, and a number read from its
      // start only, so a long run of digits is read in linear time.
      /(funds?|account|balance|money|payouts?|disbursements?|paypal|payoneer|stripe|wallet|\$ ?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?|(?<![\d,.])(\d{1,3}(,\d{3})+|\d+)(\.\d+)? ?(usd|dollars)) (are |is |has been |have been |got |was |were )?(frozen|on hold|held|restrained)/,
      /frozen (funds?|account|balance|money|paypal)|\bfroze (our|my|the|all|\$|\d)/,
      /\binjunction\b/,
      /\b(\d:)?\d{2}-cv-\d{2,6}\b/,
    ],
  },
  {
    fact: 'notice',
    value: 'rights_holder_letter',
    patterns: [
      /cease (and|&) desist|\bc&d\b/,
      // A pasted letter in a firm's own words: "we represent Acme", "our client owns the mark".
      /\bwe represent\b|\b(on behalf of|acting for) our client\b|\bour client('s|s)?\b/,
      // "a complaint from the rights holder's law firm by email", "a warning signed by their attorneys".
      /\b(complaint|notice|warning|demand|message|letter|email|e-mail|mail)s? (from|by|sent by|signed by|on behalf of) (the |their |a |an )?([\w'&.,-]+ ){0,4}?(law ?firm|lawyers?|attorneys?|counsel|legal (team|department|representatives?))\b|\b(law ?firm|law offices?|law group|lawyers?|attorneys?|legal representatives?) (for|of|representing|acting for|on behalf of) [\w'&.,-]+( [\w'&.,-]+){0,3} (sent|wrote|emailed|e-mailed|messaged|contacted|reached out)\b/,
      // "An attorney for Acme sent us…", "their lawyers say…" (not "our lawyer says").
      /(?<!\b(our|my|we|us) (own )?)\b(law ?firm|law offices?|law group|lawyers?|attorneys?|counsel)( (for|of|representing|acting for|on behalf of) [\w'&.,-]+( [\w'&.,-]+){0,3})? (has |have )?(sent|wrote|written|emailed|e-mailed|mailed|contacted|reached out|called|messaged|says?|said|claims?|claimed|demands?|demanded|threaten\w*|warned|warns|asked|is asking|are asking)\b/,
      // Not "our authorization letter from the brand": that is evidence of rights, not a letter from their side.
      /(?<!(authori[sz]ation|licen[cs]e|permission|consent|\bno|without|not an?|never got an?|never had an?) )(letter|email|e-mail|mail|message) from (the |their |a |an )?([\w'&.-]+ ){0,3}?(law ?firm|lawyers?|attorneys?|counsel|legal team|brand|rights? ?holder|owner)/,
      /(law ?firm|lawyers?|attorneys?) (sent|wrote|emailed|e-mailed|mailed|contacted)/,
      // "a letter from Acme LLP": a firm's name with a law firm's suffix.
      /(letter|email|e-mail|mail|notice) from ([\w'&.,-]+ ){1,5}?(llp|pllc|p\.c\.|law group|law offices?)\b/,
      /demand letter|(lawyer|attorney)'?s? letter|letter (from|by) (a |an |the |their )?(lawyer|attorney|law ?firm)/,
      // "Letter dated November 23, 2026 from the brand's attorney", not "an email from our lawyer".
      /\b(letter|email|e-mail|mail|notice)s? (dated|sent|received|of)\b[^.;!?:]{0,30}? from (?!(our|my|us)\b)(the |their |a |an )?([\w'&.-]+ ){0,3}?(law ?firm|lawyers?|attorneys?|counsel|legal team)\b/,
    ],
  },
  {
    fact: 'notice',
    value: 'platform_complaint',
    patterns: [
      /complaint|complained|takedown|take-down|taken down|took down|\bipr\b|\bwarning\b|violation|penalt|account health|infringement notice|reported/,
      /(listing|asin|item|product)s? (was |were |got |has been |have been )?(removed|deactivated|suppressed|blocked)/,
      // "amazon says our ASIN infringes": the platform telling the seller is a platform notice.
      /\b(amazon|aliexpress|the platform|seller central|seller support)( \w+)? (says|said|flagged|notified|warned|claims)\b/,
      /(for|of|alleged) (ip |intellectual property |trademark |copyright |patent )?infringement/,
      // Amazon's own formats: "Notice: Policy Warning", "We received a report from a patent owner",
      // "Potential Registered Design Misuse", an APEX email from patent-evaluation@amazon.com.
      /\bpolicy warning\b|\breport (from|by) (a|an|the) (rights?|patent|trademark|copyright|design|brand) (owner|holder)\b|\b(ip|infringement|intellectual property) report\b|\bpotential [\w ]{0,30}misuse\b/,
      APEX,
      ...COMPLAINT_FORMS,
    ],
  },
  {
    // APEX (Amazon Patent Evaluation Express) takes utility patents only, whatever else its email mentions.
    fact: 'ipType',
    value: 'utility_patent',
    patterns: [APEX],
  },
  {
    fact: 'ipType',
    value: 'design_patent',
    patterns: [
      /design patent|design right|industrial design|registered design|community design|外观专利/,
      // A US design patent's number: "Patent number: US D912,345", "USD912,345 S". Not "USD 912,345" (money).
      /\bpatent (number|no\.?|#)s?\s*[:：]?\s*(us ?)?d ?\d{3},?\d{3}\b|\bus d\d{3},?\d{3}\b|\busd\d{3},?\d{3} ?s1?\b/,
    ],
  },
  {
    fact: 'ipType',
    value: 'utility_patent',
    patterns: [
      /utility patent|invention patent|utility model|实用新型|发明专利/,
      // A US utility patent's number, labelled as one or with its kind code: "Patent No.: 11,234,567", "US 10,123,456 B2".
      /\bpatent (number|no\.?|#)s?\s*[:：]?\s*(us ?)?(\d{1,2},\d{3},\d{3}|\d{7,8})\b(?! ?(usd|dollars|\$))|\b(us ?)?\d{1,2},?\d{3},?\d{3} ?b[12]\b/,
    ],
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
    // "brand name", not "a brand named X" (a name, not the right).
    patterns: [
      /trademark|trade mark|\btm\b|brand name\b|their logo|(®)|counterfeit/,
      // "the registered mark", "word mark"; an ALL-CAPS brand before "mark" is read in extractFacts.
      /\b(registered|word|figurative|service|device) marks?\b/,
    ],
  },
  {
    // Said not to know which right: "not sure which kind of patent", "don't know what right". Last of the
    // ipType rules, so a right named in the same message wins.
    fact: 'ipType',
    value: 'unknown',
    patterns: UNKNOWN_RIGHT,
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
      /\b(it'?s|that'?s|they'?re) not (ours|mine)\b/,
      /(not|never) (been )?in (our|my) (store|shop)/,
      // "we don't sell that item", not "we don't sell it anymore" (ours, already delisted).
      /(don'?t|do not) (sell|carry) (this|that|these|those|such)\b(?![^.;!?]{0,30}\b(any ?more|any longer|again|now)\b)/,
    ],
  },
  {
    fact: 'listingIsOurs',
    value: 'yes',
    patterns: [
      /\b(it'?s|it is|this is|that is|that'?s|they'?re|they are|these are|those are) (ours|our (own )?(listings?|products?|items?))\b|\bour own listings?\b/,
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
      // A denial taken back in the same sentence: "i don't think we copied anything but honestly not sure".
      /\b(don'?t|do not|didn'?t|did not) think\b[^.;!?]{0,40}?\b(cop(y|ied|ying)|infring\w*|similar|their (logo|design|brand|mark|photos?))\b[^.;!?]{0,40}?\b(not (100% |completely |totally |entirely |really )?(sure|certain)|unsure)\b/,
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
      // Goods bearing a named brand: "we do sell sunnyco branded goods" (genuine or not, the mark is on them).
      /\b(we|i) (do |did |only )?(sell|sold|resell|resold|stock|carry|carried) (genuine |authentic |original )?(?!(our|own|un|non|no|generic|private|white|my|house|self)\b)\w+[ -]branded [a-z]/,
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
      // "our own original design", not "it's not our own design".
      /(?<!\b(not|isn'?t|aren'?t|wasn'?t|weren'?t|never|nor) )\b(our|my) (own (original )?|original )(design|photos?|pictures?|images?|artwork|brand|logo)/,
      // The photos the seller took: "the photos are ours", "we shot them ourselves".
      /\b(photos?|images?|pictures?)( are| were| is| was) (all )?(ours|our own|mine|original|taken by us|shot by us)\b|\b(we|i) (shot|photographed|took|made|created) (them|the photos?|the images?|the pictures?|all (the )?photos|these photos|our photos|the product photos)( \w+)? (ourselves|myself|in-house|in house)\b|\b(we|i) (shot|photographed) (them|the photos?|the images?|the pictures?|all|these|our)\b/,
      // A product that differs where the right lies: "our hinge works differently", "our product has a
      // different shape and handle" (not a colour: that is no difference a design patent looks at).
      /\b(our|my) ([\w-]+ ){0,2}(works?|operates?|functions?|folds?|opens?|locks?|moves?) (completely |totally |entirely |quite |very )?differently\b|\bours (works?|operates?|functions?) (completely |totally |quite |very )?differently\b/,
      /\b(our|my) ([\w-]+ ){0,2}(has|have|uses?|is|are) (a |an )?(completely |totally |entirely |quite |very |clearly )?(different|distinct) (shape|design|structure|mechanism|look|form|appearance|construction|hinge|method|technology|profile|silhouette)s?\b/,
      /\b(is|are|looks?) nothing like (theirs|their (product|design|item)s?|the (original|patented|registered) (product|design)s?)\b/,
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
      // A licence the seller paid for: "we bought the photos license from a stock site", "we licensed the images".
      /\b(we|i) (bought|purchased|paid for|acquired|obtained) (a |an |the |our )?(photos? |images? |pictures? |stock |music |font |commercial |standard |extended |royalty-free )?licen[cs]es?\b|\b(we|i) licensed (the |these |those |our )?(photos?|images?|pictures?|artwork|music|fonts?)\b/,
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
      // "we are the brand owner", not "we're not the brand owner" nor "the brand owner's distributor".
      /\b(we|i)('re| are| am|'m)( the)? (registered )?(brand|trademark|patent|copyright|ip) ?(owners?|holders?)\b(?!'s|s'| ?'s)|\b(we|i)('re| are| am|'m) the (registered )?owners? of (the|this|that|our) (brand|trademark|mark|patent|design|copyright)\b/,
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
    // Not "we haven't contacted Amazon" or "our lawyer": the question is about the complainant.
    patterns: [
      /(haven'?t|have not|didn'?t|did not|not yet) (contacted|contact|emailed|written|reached out)\b(?! (to )?(amazon|aliexpress|ebay|walmart|etsy|temu|tiktok|the platform|seller support|support|customer service|our (own )?(lawyer|attorney|supplier|factory)|a (lawyer|law firm)|an attorney|the (supplier|factory))\b)/,
    ],
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

// Threats are the other side's words too, and not yet a court case ("threatens a restraining order").
const THREAT = /\b(threat\w*|warn\w*) (to|that|of|with|an?)\b[^.;!?]*?(?=[.;!?]|\bbut\b|\bhowever\b|$)/g;

// A lawsuit that may come ("or we will file suit in the District Court", "they may seek a TRO", "failing
// which we will go to court") is a letter's threat, not court evidence: the clause is left out when the court
// rule reads. It stops at a comma, a "but" or a new "we/I" clause, so "they will sue, we got a TRO" keeps its TRO.
const LITIGATION_TO_COME =
  /\b(will|'ll|would|shall|may|might|could|intends? to|plans? to|going to|want to|wants to|prepared to|reserves? the right to|threaten\w*|consider(s|ing)?)\s+(\w+\s+){0,3}?(file|sue|suing|take (you|us|legal action|this|the matter)|seek|commence|initiate|bring|pursue|proceed|escalate|go to court|apply for|request|obtain|ask the court)\b[^,.;!?]*?(?=[,.;!?]|\bbut\b|\bhowever\b|\band (we|i)\b|$)|\b(or else|otherwise|failing (which|that|this|to comply)|if (you|your \w+) (do(es)? not|don'?t|fail|refuse|ignore|continue)\b)[^,.;!?]*?(?=[,.;!?]|\bbut\b|\bhowever\b|$)/g;
// The same in Chinese: 要起诉, 将提起诉讼, 准备上法院.
const ZH_LITIGATION_TO_COME =
  /(要|将|会|准备|打算|考虑|可能)(会)?(对我们)?(起诉|提起诉讼|告我们|上法院|申请禁令|冻结)/g;

// Each rule also takes its Chinese phrases.
for (const rule of RULES) rule.patterns.push(...(ZH_PATTERNS[`${rule.fact}:${rule.value}`] ?? []));

export interface Extraction {
  facts: Facts;
  details: Details;
  /** Link-shaped text that was not a usable listing reference. */
  listingProblems: ListingRefProblem[];
}

/** What the case already knows that changes how words are read. */
export interface Known {
  /** "Reply within 10 days" counts from the notice date, when the message does not give one. */
  noticeDate?: string;
}

// Under 100 units is not the "huge" stock the guidance's keep-selling route needs, so a small count reads as
// "small stock". A large count alone is not "we want to keep selling": the question is asked.
const SMALL_STOCK = 100;

// The platform from its words when no listing link says it; the first one named wins.
const PLATFORM_WORDS: { re: RegExp; platform: NonNullable<Facts['platform']> }[] = [
  {
    // "Notice: Policy Warning" heads Amazon's own IP notice.
    re: /\bamazon\b|\basins?\b|seller central|account health|notice: policy warning|亚马逊/,
    platform: 'amazon',
  },
  { re: /aliexpress|ali express|速卖通/, platform: 'aliexpress' },
  {
    re: /\b(etsy|ebay|shopee|temu|walmart|tiktok|lazada|mercado ?libre|shein)\b|虾皮|抖音小店|拼多多/,
    platform: 'other',
  },
];

function platformByWords(t: string): Facts['platform'] {
  let best: { at: number; platform: NonNullable<Facts['platform']> } | undefined;
  for (const { re, platform } of PLATFORM_WORDS) {
    const at = t.search(re);
    if (at >= 0 && (!best || at < best.at)) best = { at, platform };
  }
  return best?.platform;
}

/** The text with complaint and case ids blanked, so "Complaint ID: 8812345678901234" is not read as an item id. */
function withoutIds(text: string): string {
  let out = text;
  for (const s of complaintIdSpans(text))
    out = `${out.slice(0, s.index)}${' '.repeat(s.end - s.index)}${out.slice(s.end)}`;
  return out;
}

function otherListings(refs: ListingRef[]): Details['otherListings'] {
  const rest = refs.slice(1, 501).map((r) => ({ platform: r.platform, listingId: r.listingId }));
  return rest.length > 0 ? rest : undefined;
}

// Genuine goods with invoices are a resale of the brand's own goods (first sale), whatever else is missing:
// "no authorization letter, but invoices from a distributor" must not read as "no rights".
// A denial right before the words takes them back ("no invoices", "we don't have any invoices", "没有发票",
// "不是经销商"): never read as genuine goods.
const NO_BEFORE = String.raw`(?<!(?:not|n't|no|never|without|lack|don'?t have|do not have|never had|didn'?t get|haven'?t got) (?:any |the |an? )?(?:\w+ )?)`;
const GENUINE_GOODS = new RegExp(
  String.raw`${NO_BEFORE}\b(genuine|authentic)\b[^.;!?]{0,40}\b(products?|goods|items|stock|units|chargers?)\b|${NO_BEFORE}\binvoices? (from|of|by) (a |an |the |our |their )?(authori[sz]ed )?(distributors?|suppliers?|wholesalers?|brand|manufacturer|owner)|${NO_BEFORE}\b(bought|purchased|sourced) (them |it |these |the goods )?from (an? |the |their )?(authori[sz]ed )?(distributor|brand|manufacturer)|(?<!没有|没|无|不是|并非|不)(正品|发票|进货单|经销商|代理商)`,
);
// "We have no invoices", "we don't have any": the invoices are denied, so they answer nothing.
const INVOICES_DENIED =
  /\b(no|without|lack|don'?t have|do not have|never had|never got|didn'?t get|haven'?t got) (any |the )?(invoices?|receipts?)\b|invoices?[^.!?]{0,40}\b(we )?(don'?t|do not) have (any|them|one)\b|没有?(任何)?发票|无发票/;

const LETTER_RULE = RULES.find(
  (r) => r.fact === 'notice' && r.value === 'rights_holder_letter',
) as PhraseRule;

// What shows a case is in court, not only threatened: a case number, service, an order issued, a docket,
// money frozen, being named or sued. (A letter's "we will seek a TRO" is none of these.)
const COURT_EVIDENCE =
  /\b(\d:)?\d{2}-cv-\d+|\bsummons\b|\b(we were|we've been|we have been|been|were) served\b|\b(tro|temporary restraining order|injunction|order|judgment)s? (was |were |has been |have been |had been )?(issued|granted|entered|signed)\b|\b(granted|issued|entered|signed) (a |an |the )?(tro|temporary restraining order|injunction|order)\b|\b(emailed|sent|served|forwarded|mailed|got|received|have|has) (us |me )?(with )?(a |an |the |their )?(tro|temporary restraining order|summons|court order|injunction)\b|\bcourt order\b|\bdocket\b|\b(hold|held|frozen|restricted|restrained|withheld|locked)\b[^.;!?]{0,60}\b(due to|because of|pursuant to|under) (a|an|the) (temporary )?(restraining order|injunction)\b|\b(funds?|accounts?|balance|money|payouts?|paypal|payoneer|stripe|wallet) (are |is |has been |have been |was |were |got )?(frozen|restrained|on hold)\b|\bfroze (our|my|the|all)\b|\bschedule a (defendants?|lawsuit|case|list)\b|\bnamed (us )?as (a )?defendants?\b|\b(sued us|we were sued|been sued|suing us)\b|\b(lawsuit|suit|complaint) (was |has been )?filed against us\b|\bfiled (a |an )?(lawsuit|suit|complaint) against us\b|法院(的)?(命令|裁定|判决|传票)|传票|被起诉|已经?起诉|(?<!申请|要|会|将|请求)冻结/;

/** Everything the seller's words say, as facts (contract values) and details for the drafts. */
export function extractFacts(text: string, today: string, known: Known = {}): Extraction {
  // Traditional Chinese (亞馬遜, 專利, 凍結) is read like simplified; same length, so positions hold.
  // Misspelt key words ("trademrk complant … yesterdy") are mended for the facts and the notice date; the
  // details read the words as written.
  const asWritten = toSimplified(text);
  const zh = mendTypos(asWritten);
  const lower = (s: string) => ` ${s.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ')} `;
  const t = lower(zh).replace(NO_NOTICE_YET, ' ');
  const facts: Facts = {};
  const found = findListingRefs(withoutIds(text));
  const first = found.refs[0];
  if (first) {
    facts.platform = first.platform;
    facts.listingId = first.listingId;
  } else {
    const platform = platformByWords(t);
    if (platform) facts.platform = platform;
  }
  const own = ownWords(t);
  const calm = t
    .replace(THREAT, ' ')
    .replace(ZH_THREAT, ' ')
    .replace(LITIGATION_TO_COME, ' ')
    .replace(ZH_LITIGATION_TO_COME, ' ');
  const set = facts as Record<string, string>;
  for (const rule of RULES) {
    if (set[rule.fact] !== undefined) continue;
    const words = rule.ownWordsOnly ? own : rule.withoutThreats ? calm : t;
    if (rule.patterns.some((p) => p.test(words))) set[rule.fact] = rule.value;
  }
  // A letter that speaks of court ("a C&D threatening a TRO and an asset freeze", "律师函说要起诉") is still a
  // letter: court words make a court case only with court evidence when a letter is what arrived.
  if (
    facts.notice === 'court_or_tro' &&
    LETTER_RULE.patterns.some((p) => p.test(t)) &&
    !COURT_EVIDENCE.test(t)
  )
    facts.notice = 'rights_holder_letter';
  // "Our own photos, but the backpack has Mickey ears": a mixed answer is never read in the seller's favour.
  if (facts.usesTheirIp !== 'yes' && mixedUse(own, facts.usesTheirIp === 'no')) facts.usesTheirIp = 'unsure';
  const d = readDetails(text, lower(asWritten));
  const others = otherListings(found.refs);
  if (others) d.otherListings = others;
  // The link's marketplace (amazon.co.uk, …) picks the seller portal for the delist link.
  if (first?.marketplace) d.marketplace = first.marketplace;
  if (facts.inventory === undefined && d.stockUnits !== undefined && d.stockUnits < SMALL_STOCK)
    facts.inventory = 'small_or_stop';
  if (
    (facts.rights === undefined || facts.rights === 'none') &&
    !INVOICES_DENIED.test(own) &&
    (GENUINE_GOODS.test(own) || holdsInvoices(own))
  )
    facts.rights = 'authorized';
  if (facts.rights === 'authorized') {
    const basis = rightsBasisIn(own);
    if (basis) d.rightsBasis = basis;
    // An OK on the phone, the supplier's own letter, or invoices the seller says it does not have, is no
    // authorization of the seller's: asked instead.
    else if (verbalOnly(t) || someoneElsesAuthorization(own) || INVOICES_DENIED.test(own))
      delete facts.rights;
  }
  // The TRO's issue date and a reply-by date are not the day the notice arrived: their words are blanked
  // before the notice date is looked for.
  // "The ACME mark": a brand in capitals before "mark" names a trademark (not a CE or UKCA mark).
  if (facts.ipType === undefined && CAPS_MARK.test(zh)) facts.ipType = 'trademark';
  const tro = troDate(zh, today);
  if (tro) d.troDate = tro.date;
  const reply = replyBy(zh, today);
  let rest = blank(blank(zh, tro), reply.date).replace(/\b(\d:)?\d{2}-cv-\d+\b/gi, ' ');
  for (const s of complaintIdSpans(rest)) rest = blank(rest, { date: '', index: s.index, end: s.end });
  // The day the platform removed the listing only when no other date reads as the notice's.
  const ownActsOut = withoutOwnActs(rest);
  const date = noticeDateIn(ownActsOut, today) ?? noticeDateIn(platformActsAsNotice(ownActsOut), today);
  if (date && date <= today) facts.noticeDate = date;
  if (reply.date) d.responseDue = reply.date.date;
  else if (reply.within) d.responseDue = dueFrom(facts.noticeDate ?? known.noticeDate ?? today, reply.within);
  const signs = legalSignsIn(zh);
  if (signs.length > 0) d.legalSigns = signs;
  const notice = noticeTextOf(text);
  if (notice) d.noticeText = notice;
  return { facts, details: d, listingProblems: found.problems };
}

// "The complaint also names …", "same case": more listings of this case, not a new complaint.
const SAME_CASE =
  /\b(also|too|as well|additional|same (case|complaint|notice|tro|letter|lawsuit)|other listings?|more listings?)\b|还有|也|同一/;
const NEW_CASE =
  /\b(another|new|second|different|separate) (complaint|case|notice|tro|letter|lawsuit|one)\b|另一个|新的投诉/;

/**
 * A message about another listing than the case's: a new complaint. Not when it names the case's listing
 * too, or says the listings belong to this case ("the complaint also names …").
 */
export function isAboutAnotherListing(text: string, caseListing: string | undefined): boolean {
  if (!caseListing) return false;
  const refs = findListingRefs(withoutIds(text)).refs;
  if (refs.length === 0 || refs.some((r) => r.listingId === caseListing)) return false;
  const t = toSimplified(text).toLowerCase();
  return NEW_CASE.test(t) || !SAME_CASE.test(t);
}
