// The forms in which sellers say a platform complaint arrived, beyond the word "complaint": eBay's VeRO,
// the platform as the one acting ("eBay removed our item"), an id and what happened to it ("ASIN B0… blocked"),
// "flagged for counterfeit", "they claim patent infringement", and broken English ("get complain for trade
// mark"). Lower-cased text, whitespace collapsed (as extract.ts reads it). A letter or a court case is read
// before these: they only name a platform complaint when nothing weightier was found.

export const COMPLAINT_FORMS: RegExp[] = [
  // eBay's Verified Rights Owner programme: "got a VeRO report", "eBay VeRO removed our item".
  /\bvero\b (reports?|complaints?|notices?|removals?|takedowns?|claims?|violations?|programm?e?|infringement|removed|took)\b|\bebay( \w+)? vero\b|\b(via|through|under|by) vero\b/,
  // The platform as the one acting: "eBay removed our item", "AliExpress took down 3 listings".
  /\b(amazon|aliexpress|ebay|walmart|etsy|temu|tiktok( shop)?|shopee|lazada|the platform|seller support)( (?!never\b|not\b)\w+)? (removed|took down|deactivated|blocked|suppressed|delisted|disabled|pulled)\b/,
  // An id, then what happened to it: "ASIN B0N1212121 blocked", "item 1005… was removed" (not "by us").
  /\b(listing|asin|item|product)s? (#|no\.? |number )?(?=[a-z0-9-]{0,23}\d)[a-z0-9-]{6,24} (was |were |got |has been |have been |is |are )?(removed|deactivated|suppressed|blocked|taken down|delisted|flagged|disabled)\b(?! by (us|me|myself|ourselves)\b)/,
  // "got flagged for counterfeit", "the listing was flagged", not "we flagged it to our supplier".
  /\b(listing|asin|item|product)s? ((?=[a-z0-9-]{0,23}\d)[a-z0-9-]{6,24} )?(was |were |got |has been |have been |is |are |been )flagged\b|\bflagged (for|as) (a |an )?(counterfeit|infring\w*|ip\b|ipr|intellectual|trademark|copyright|patent|fake|inauthentic|suspected|violat\w*|policy|brand)/,
  // "they claim patent infringement", "the rights owner cites infringement", not "we claim no infringement".
  /\b(claims?|claimed|claiming|alleg\w*|accus\w*|reports?|reported|cites?|citing|asserts?|asserting)( (of|for))?( (?!no\b|not\b|non\b)\w+){0,2} infringement\b/,
  // Broken English: "my listing get complain for trade mark" (a noun), not "we will complain to Amazon".
  /\b(get|got|gets|getting|receive|received|have|has|had)( an?| one| new| another)?( \w+)? complains?\b(?! (to|with)\b)|\bcomplain (for|about|of) (trademark|copyright|patent|ipr?\b|infring\w*|counterfeit|fake)/,
];

// Said not to know which right: "not sure which kind of patent", "don't know what right".
export const UNKNOWN_RIGHT: RegExp[] = [
  /\b(not sure|unsure|don'?t know|do not know|no idea|unclear|not clear|doesn'?t say|does not say|didn'?t say|did not say|not specified)( about)? (which|what) ((kind|type|sort)s? of )?(patent|right|ip|intellectual property)s?\b/,
  /\b(not sure|unsure|don'?t know|do not know|no idea|unclear|not clear) (which|what) (kind|type|sort) of (claim|complaint|infringement)\b/,
];

// A brand in capitals before "mark": "the ACME mark", "BRANDX marks". The word right before "mark" must not be
// a compliance mark ("CE mark", "UKCA mark") nor a shouted little word ("GOT A CE mark", "THE mark"). The
// look-behind starts the name at a word's start, so a long run of capitals is read once.
export const CAPS_MARK =
  /(?<![A-Za-z0-9&'-])[A-Z][A-Z0-9&'-]{2,}( [A-Z][A-Z0-9&'-]*){0,3}(?<!(^|[^A-Za-z0-9&'-])(CE|UKCA|UKNI|FCC|UL|ROHS|WEEE|FDA|ETL|CCC|PSE|EAC|TUV|NOM|BIS|SAA|RCM|CSA|KC|GS|CB|THE|OUR|THEIR|THIS|THAT|YOUR|ITS|HIS|HER|ANY|NO|A|AN|MY|QUESTION|CHECK|TICK|WATER|SAFETY|QUALITY)) (word |figurative |registered )?marks?\b/;

/**
 * Words that say no notice came ("no complaint yet", "we haven't received any notice", 还没收到投诉): they are
 * blanked before the notice rules read, so a worry is never read as a complaint that arrived.
 */
export const NO_NOTICE_YET =
  /\b(?:no|not any|without any) (?:ip |trademark |patent |copyright )?(?:complaints?|notices?|warnings?|takedowns?)(?: \w+){0,2}? (?:yet|so far|for now|at the moment|received)\b|\b(?:haven't|have not|hasn't|has not|didn't|did not|never) (?:got|gotten|received|had|seen) (?:a |an |any )?(?:ip |trademark |patent |copyright )?(?:complaints?|notices?|warnings?|takedowns?)\b|(?:还|都)?没有?(?:收到|接到)?(?:任何)?投诉/g;
