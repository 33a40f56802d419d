// Who is named in the seller's words or a pasted notice: the plaintiff or complainant, the law firm, the
// court, the seller's store and the brand. Names are kept as written; a name not found is simply absent.
// A platform's own programme ("VeRO", "Amazon Brand Registry") is never the complainant. Chinese is read in
// simplified and traditional characters alike (the name is cut from the text as written).

import { isCalendarWord, isCompanyName, isPlatformProgramme, nameAt } from './name-words.js';
import { toSimplified } from './traditional-zh.js';

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

// Who the complaint or the case names as the owner of the right, as the words label them.
const OWNER_LABEL =
  '(?:[Pp]laintiffs?|PLAINTIFFS?|[Cc]omplainant|[Rr]ights? (?:[Hh]older|[Oo]wner)|[Bb]rand [Oo]wner|(?:[Pp]atent|[Tt]rademark|[Cc]opyright) (?:[Hh]older|[Oo]wner))';

/** A name the words give, unless it is a platform or its programme ("complaint from VeRO"). */
function complainant(name: string | undefined): string | undefined {
  return name && !isPlatformProgramme(name) ? name : undefined;
}

/** A name after a Chinese label: a Latin name word by word ("PetFlow Inc."), else the Chinese up to a stop. */
function zhLabelled(text: string, zh: string, label: RegExp): string | undefined {
  const m = label.exec(zh);
  if (!m) return undefined;
  const after = m.index + m[0].length;
  if (/^(?:[A-Za-z0-9])/.test(zh.slice(after))) return nameAt(text.slice(after));
  const cn = /^[^\s，。；,;\n]{2,60}/.exec(zh.slice(after));
  return cn ? text.slice(after, after + cn[0].length) : undefined;
}

export function plaintiff(text: string): string | undefined {
  // "Plaintiff: Acme Corp", "the plaintiff is Acme Holdings LLC.", Amazon's "Rights owner name: PetFlow Inc."
  // (a name starts with a capital: not "is not …"). Not "Counsel for Plaintiff: Greer, Burns & Crain" (the
  // firm); a comma before "Ltd."/"Inc." is the name's.
  const label = new RegExp(
    String.raw`(?<!\bfor )\b${OWNER_LABEL}(?: [Nn]ame)?(?: is|\s*[:：])\s*(?:the )?([A-Z0-9][^\n;:()]{1,80}?)(?=\s*(?:,(?!\s*(?:Ltd|Inc|LLC|L\.L\.C|Co|Corp|GmbH|S\.A|B\.V)\b)|[;\n(]|(?<!\b(?:Inc|Corp|Co|Ltd))\.(?:\s|$)|$| v\.| and | has | have | is | was ))`,
  ).exec(text);
  // "Acme Corp. We got the email …": the abbreviation's full stop also ended the sentence.
  const labelled =
    label?.[1] && tidyName(label[1].replace(/^(.*?\b(?:Inc|Corp|Co|Ltd)\.)\s+[A-Z][a-z]*\s+[a-z].*$/, '$1'));
  if (complainant(labelled)) return labelled;
  // A caption over several lines: "ACME BRANDS, INC.,\nPlaintiff,\nv.\nTHE PARTNERSHIPS …".
  const block = /(?:^|\n)\s*([A-Z][^\n]{1,100}?),?\s*\n\s*Plaintiffs?,?\s*\n\s*vs?\.?\s*(?:\n|$)/.exec(text);
  if (block?.[1]) return tidyName(block[1]);
  // A court caption: "Acme Inc. v. The Partnerships and Unincorporated Associations Identified on Schedule A".
  const caption = new RegExp(
    String.raw`(?<![\w-])(${NAME})\s+vs?\.\s+(?:the\s+)?(?:partnerships|individuals|defendants|schedule|[A-Z])`,
  ).exec(text);
  const name = caption?.[1] && tidyName(caption[1].replace(/^(?:Case|In|Re|Caption|Plaintiff)\b[\s,:]*/, ''));
  if (name && /^[A-Z]/.test(name)) return name;
  // In a sentence: "plaintiff Acme Corp sued us", "the rights owner, PetFlow Inc., filed …" (one line).
  for (const m of text.matchAll(new RegExp(String.raw`(?<!\bfor )\b${OWNER_LABEL},? [ \t]*`, 'g'))) {
    const said = complainant(nameAt(text.slice((m.index ?? 0) + m[0].length)));
    if (said) return said;
  }
  // Amazon's "These are the rights owner's contact details:\n-- PetFlow Inc.\n-- legal@petflow.example".
  const contact = /\brights? owner['’]s contact (?:details|information)\s*[:：]\s*(?:-{1,2}\s*)?/i.exec(text);
  const listed = contact && complainant(nameAt(text.slice(contact.index + contact[0].length)));
  if (listed) return listed;
  const client = lettersClient(text);
  if (client) return client;
  const filer = filedBy(text);
  if (filer) return filer;
  const zh = toSimplified(text);
  const labelledZh = complainant(
    zhLabelled(text, zh, /(?:原告|投诉方|投诉人|权利人|品牌方)(?:名称|姓名)?\s*[:：]\s*/),
  );
  if (labelledZh) return labelledZh;
  // "原告是Acme Corp": a Latin name only (not "原告是哪家公司").
  const is = /(?:原告|投诉方|投诉人|权利人|品牌方)是\s*(?=[A-Za-z])/.exec(zh);
  return is ? complainant(nameAt(text.slice(is.index + is[0].length))) : undefined;
}

// A law firm's letter names its client, the complainant: "We represent Orchard & Vale Inc., owner of …",
// "we are counsel to Zentara Brands LLC", "on behalf of our client, Acme Corp". Not "our client, the owner of …"
// (no name), not a law firm ("we represent Acme LLP" is no complainant).
const CLIENT_OF =
  /\b(?:[Ww]e|[Tt]his (?:firm|office)|[Oo]ur (?:firm|office)) (?:represents?|are counsel (?:to|for)|is counsel (?:to|for)|acts? for|are writing on behalf of|write on behalf of)\s+(?:our client,?\s+)?|\bon behalf of our client,?\s+/g;

function lettersClient(text: string): string | undefined {
  for (const m of text.matchAll(CLIENT_OF)) {
    const name = complainant(nameAt(text.slice(m.index + m[0].length)));
    if (name && !new RegExp(`${FIRM_SUFFIX}$`).test(name) && !isPlatformOwned(name)) return name;
  }
  return undefined;
}

// A complaint filed by a company, as a platform's notice or a seller writes it: "complaint … filed by
// Pixelcraft Studios LLC", "a report from Zentrix Home Ltd", AliExpress's "has been complained of infringing
// … by Hangzhou Lianxin Technology Co., Ltd.". Only a company's name (its suffix says so): "complaint from
// Nike" may name the brand. Not who sold, made or supplied it ("sold by …", "we bought it from … Co., Ltd.").
const FILED_BY =
  /\b(?:filed|submitted|lodged|reported|brought)\s+(?:by|from)\s+|\b(?:complaints?|reports?|notices?|claims?)\s+(?:(?:was|were|has been|have been)\s+)?(?:(?:filed|submitted|made|lodged)\s+)?(?:by|from)\s+/gi;
// AliExpress's passive: "complained of infringing the design patent ZL202330123456.7 by …" (a dot inside a
// number is no sentence's end).
const COMPLAINED_BY = /\bcomplained\b(?:[^.;!?\n]|\.(?=\S)){0,160}?\bby\s+/gi;

/** A name owned by a platform ("Amazon.com Services LLC") is the channel, not the complainant. */
function isPlatformOwned(name: string): boolean {
  return /^(?:amazon|aliexpress|alibaba|ebay|walmart|etsy|temu|tiktok|shopee|paypal)\b/i.test(name);
}

function filedBy(text: string): string | undefined {
  for (const re of [FILED_BY, COMPLAINED_BY])
    for (const m of text.matchAll(re)) {
      const name = complainant(nameAt(text.slice(m.index + m[0].length)));
      if (name && isCompanyName(name) && !isPlatformOwned(name) && !new RegExp(`${FIRM_SUFFIX}$`).test(name))
        return name;
    }
  return undefined;
}

// An email address: the parts have no dots of their own, so it is read in linear time.
const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;

/**
 * The rights owner's email, only when the words say whose it is: Amazon's "Rights owner email: …", "the
 * rights owner's email is …", "权利人邮箱：…". Any other address (the seller's, the platform's) is not it.
 */
export function rightsOwnerEmail(text: string): string | undefined {
  const en = new RegExp(
    String.raw`\b(?:rights? (?:owner|holder)|complainant|brand owner|(?:patent|trademark|copyright) (?:owner|holder))(?:['’]s)?(?: contact)? (?:e-?mail|email address|contact e-?mail)(?: address)?(?: is)?\s*[:：]?\s*(${EMAIL})|\b(?:contact|reach|email|write to) the (?:rights? (?:owner|holder)|complainant) (?:at|on|via)\s+(${EMAIL})`,
    'i',
  ).exec(text);
  const contact = new RegExp(
    String.raw`\brights? owner['’]s contact (?:details|information)\s*[:：]?[^@]{0,120}?(${EMAIL})`,
    'i',
  ).exec(text);
  // An address longer than the schema's 200 characters is no address: absent, never cut.
  const found = (en?.[1] ?? en?.[2] ?? contact?.[1])?.replace(/\.+$/, '');
  if (found) return found.length <= 200 ? found : undefined;
  const zh = new RegExp(
    String.raw`(?:权利人|投诉方|投诉人|品牌方)的?(?:联系)?(?:邮箱|电子邮箱|邮件地址|电子邮件|email)(?:地址)?\s*(?:是|为|[:：])?\s*(${EMAIL})`,
    'i',
  ).exec(toSimplified(text));
  const zhFound = zh?.[1]?.replace(/\.+$/, '');
  return zhFound && zhFound.length <= 200 ? zhFound : undefined;
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
export const FIRM_SUFFIX = String.raw`(?:LLP|L\.L\.P\.|PLLC|P\.C\.|Law Group|Law Firm|Law Offices?|IP Law|& Associates)`;
const LEADING_WORDS =
  /^(?:Yesterday|Today|The|A|An|From|By|Our|We|Got|Dear|Counsel|Attorneys?|Lawyers?|Firm|Email|Letter)\b[\s,:]*/;

/** The text with email addresses, links and domains blanked: "service@gbc-lawfirm.net" names no firm. */
function withoutAddresses(text: string): string {
  // Word by word, so a long word is read once.
  return text.replace(/\S+/g, (w) =>
    /@|:\/\/|^www\.|\w\.(?:com|net|org|law|legal|io|co|us|cn|uk)\b/i.test(w) ? ' '.repeat(w.length) : w,
  );
}

export function lawFirm(text: string): string | undefined {
  const words = withoutAddresses(text);
  for (const [re, name] of KNOWN_FIRMS) if (re.test(words)) return name;
  const officeOf = new RegExp(String.raw`\bLaw Offices? of (${NAME})`).exec(text);
  if (officeOf?.[0]) return tidyName(officeOf[0]);
  // A name starts at a word's start: tried inside a long word, it would read that word once per letter.
  const suffixed = new RegExp(String.raw`(?<![\w&'’.-])(${NAME}),? ${FIRM_SUFFIX}(?![\w])`).exec(text);
  if (suffixed?.[0]) {
    let name = suffixed[0];
    while (LEADING_WORDS.test(name)) name = name.replace(LEADING_WORDS, '');
    if (name.length > 0 && !new RegExp(`^${FIRM_SUFFIX}$`).test(name)) return tidyName(name);
  }
  const zh = zhFirm(text);
  if (zh) return zh;
  // "an email from the Nike law firm": the name the seller gave, marked as a law firm. Not "from Nike's
  // lawyers": that names the brand, not a firm.
  const from =
    /\b(?:from|by)\s+(?:the\s+)?([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})\s+(law firm|lawyers?|attorneys?)\b/.exec(
      text,
    );
  if (from?.[1] && !NOT_A_FIRM.test(from[1])) return `${from[1]} (law firm)`;
  return undefined;
}

// "from Their lawyers", "from The brand's attorneys": no name.
const NOT_A_FIRM = /^(?:Their|Our|His|Her|The|A|An|Its|My|Your|Amazon|AliExpress)$/;

// A Chinese firm's name ends in 律师事务所, 律所, 法律事务所 (Taiwan) or 律师行 (Hong Kong). What stands before
// it may be the sentence's own words ("收到了…", "来自…", "…的"), cut at the last of them, and then words that
// say whose firm or what kind, not which ("对方律师事务所", "美国律所", "一家律所"): with no name left, none.
const ZH_FIRM = /([A-Za-z0-9\u4e00-\u9fa5]{0,24}?)(律师事务所|法律事务所|律师行|律所)/g;
const ZH_CLAUSE = /收到了?|来自|是|的|被|给|从|由|叫做?|名为|和|与|及|向|这家|那家|一家|该|发来|寄来/g;
const ZH_GENERIC =
  /^(?:对方|他们|她们|我们|我方|品牌方?|原告|被告|美国|国外|海外|外国|当地|某个|某家|某|一个|这个|那个|知名|专业|代理|大型|律师|了|也|又|还)/;

function zhFirm(text: string): string | undefined {
  const zh = toSimplified(text);
  for (const m of zh.matchAll(ZH_FIRM)) {
    const before = m[1] ?? '';
    let name = before.split(ZH_CLAUSE).pop() ?? '';
    for (let cut = ZH_GENERIC.exec(name); cut && cut[0] !== ''; cut = ZH_GENERIC.exec(name))
      name = name.slice(cut[0].length);
    // A name has two characters or letters at least: "GBC律所", "北京某某律师事务所".
    if (name.length < 2) continue;
    const end = (m.index ?? 0) + m[0].length;
    const start = end - (m[2]?.length ?? 0) - name.length;
    return text.slice(start, end);
  }
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

/** A caption's "NORTHERN DISTRICT OF ILLINOIS" as a lawyer writes it: "Northern District of Illinois". */
function titled(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/\b(?!of\b)[a-z]/g, (c) => c.toUpperCase());
}

export function court(text: string): string | undefined {
  const district =
    /\b((?:northern|southern|eastern|western|central|middle) district of [a-z]+(?: [a-z]+)?)|\b([NSEWCM]\.\s?D\.\s?(?:[A-Z]\.\s?[A-Z]\.|[A-Z][a-z]+\.?))/i.exec(
      text,
    );
  if (district?.[1]) return titled(district[1].replace(/\s+(and|court|on|in|with|the|case|for)$/i, ''));
  if (district?.[2]) return district[2];
  const short = /\b(ndil|ndill|sdny|edny|sdfl|sdfla|wdpa)\b/i.exec(text);
  if (short?.[1]) return COURT_ABBREVIATIONS[short[1].toLowerCase()];
  for (const [re, name] of COURT_ZH) if (re.test(text)) return name;
  return undefined;
}

// A seller names its store on a platform: "our Amazon store PawJoy Direct".
const OUR_STORE =
  /\b[Oo]ur (?:(?:Amazon|AliExpress|eBay|Etsy|Walmart|Temu|TikTok|Shopee) )?(?:store|shop)(?:,| is called| is named| is| called| named)? +["“]?/g;

/** A store's name, not a platform, a programme or an id. */
function storeName(name: string | undefined): string | undefined {
  if (!name || isPlatformProgramme(name) || /^(?:ASIN|IPC-\d+|B0[A-Z0-9]{8}|\d+)$/i.test(name))
    return undefined;
  // "our store, PayPal and Payoneer froze …": a payment account or a platform is never the store's name.
  if (
    /\b(?:pay ?pal|payoneer|stripe|ping ?pong|lian ?lian|world ?first|alipay|amazon|aliexpress|ebay|walmart|temu|etsy)\b/i.test(
      name,
    )
  )
    return undefined;
  return name;
}

export function store(text: string): string | undefined {
  const labelled = /\b(?:store|shop)(?: name)?\s*[:：]\s*([^\n,;，；。]{2,60}?)\s*(?=[\n,;，；。]|$)/i.exec(
    text,
  );
  // "Store name: PawJoy Direct. We …": the name ends with its sentence.
  if (labelled?.[1]) return nameAt(labelled[1]) ?? labelled[1].replace(/\.\s.*$/, '').trim();
  // "our store XYZ Official Store got a complaint", "store name PawJoy Direct": a capitalised name right
  // after, word by word (not "our store on AliExpress", not "PawJoy Direct. We").
  for (const m of text.matchAll(OUR_STORE)) {
    const name = storeName(nameAt(text.slice((m.index ?? 0) + m[0].length)));
    if (name) return name;
  }
  const named = /\b(?:store|shop) name(?: is)? +["“]?/i.exec(text);
  const byName = named && storeName(nameAt(text.slice(named.index + named[0].length)));
  if (byName) return byName;
  const official = /\b([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4}\s+Official\s+(?:Store|Shop))\b/.exec(text);
  if (official?.[1]) return official[1];
  // "店铺名 PawJoy Direct", "店铺名称：阳光家居", "我们的店叫…" (traditional 店鋪 too).
  return storeName(
    zhLabelled(
      text,
      toSimplified(text),
      /(?:店铺名称?|店名)\s*(?:是|叫做?|为|[:：])?\s*|(?:店铺|我们的店)\s*(?:是|叫做?|名为|[:：])\s*/,
    ),
  );
}

// ---------- brand ----------

// The brand named outright: "some brand called Zentrix", "a brand named PawFlex", "Brand: Zentrix".
const BRAND_NAMED = /\b[Bb]rand (?:called|named) +["“]?|\bBrand(?: [Nn]ame)? ?[:：] *["“]?/g;
// The brand or mark the complaint is about: "for the brand NordFjell", "for the mark ORCHARD & VALE",
// "their trademark Zentrix". Not the seller's own ("our brand"), not "the brand owner".
const THE_BRAND =
  /\b(?:the|their|its|a|an) (?:brand|mark|trademark|word mark|registered mark|registered trademark) +["“]?/g;
// "about the ACME mark": a name before "mark" (the word alone: "trademark", "brand" are read below).
const NAME_MARK =
  /\bthe ([A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,2}) (?:word |design |figurative |registered )?marks?\b/;
// Marks that certify a product, not a brand: "the CE mark", "the UKCA mark".
const CERTIFICATION = /^(?:CE|UKCA|FCC|UL|ETL|RoHS|WEEE|CSA|TUV|TÜV|GS|Check|Question)$/i;
// "Zentrix's lawyers emailed us": whose lawyers they are.
const WHOSE_LAWYERS =
  /\b([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})['’]s (?:lawyers?|attorneys?|law firm|legal team|counsel|solicitors?)\b/;
// "侵犯了 KORVA 商标", "Zentrix的品牌": a Latin name right before the word, not the seller's own (我们的 PawJoy 品牌).
const ZH_NAME_MARK = /(?<![A-Za-z0-9&'’-])([A-Za-z][\w&'’-]*(?: [A-Za-z][\w&'’-]*){0,2})\s*的?(?:商标|品牌)/g;
// Where the goods came from, not whose brand they bear: "we bought them from Yiwu Hongda Factory".
// The clause before "from"/"by" is read (a comma ends it: "we sold it on Amazon, complaint from Apple").
// Buying words (not a court's "order": "a court order (TRO) from Acmeco" names the brand).
const SUPPLY_BEFORE =
  /(?:\b(?:bought|buy|buying|purchased?|purchasing|sourced?|sourcing|ordered|(?<!(?:court|restraining|protective|temporary) )order|imported?|stocked|wholesale|supplied|shipped|made|manufactured|produced|sold|sells?|selling|supplier|factory|manufacturer)\b[^.;!?\n,]{0,40}|\b(?:got|get|getting) (?:it|them|these|those|the (?:goods|stock|products?|items?|units))\s*)$/i;
// A name for a maker or a trader, not a brand: "Yiwu Hongda Factory", "Dongguan Sunrise Plastics Trading".
const MAKER_NAME =
  /\b(?:Factory|Trading|Manufacturing|Manufacturer|Industrial|Industries|Wholesale|Supply|Supplies)$/;

/** A name that can be a brand: not a platform, a date, a company, a maker or a generic word. */
function brandName(name: string | undefined): string | undefined {
  if (!name || isPlatformProgramme(name) || isCalendarWord(name) || isCompanyName(name)) return undefined;
  if (MAKER_NAME.test(name) || CERTIFICATION.test(name)) return undefined;
  if (/^(?:generic|unbranded|none|no brand|n\/a|owner|owners|name|registry)$/i.test(name)) return undefined;
  const words = withoutStopWords(name);
  return words && !isPlatformProgramme(words) && !isCalendarWord(words) ? words : undefined;
}

export function brandOf(text: string): string | undefined {
  for (const m of text.matchAll(BRAND_NAMED)) {
    const name = brandName(nameAt(text.slice((m.index ?? 0) + m[0].length), 3));
    if (name) return name;
  }
  for (const m of text.matchAll(THE_BRAND)) {
    const name = brandName(nameAt(text.slice((m.index ?? 0) + m[0].length), 3));
    if (name) return name;
  }
  const zhText = toSimplified(text);
  // "品牌叫Zentrix", "一个叫Zentrix的品牌": a Latin name the seller gives the brand in Chinese.
  const zh =
    /品牌(?:名称?|名字)?(?:叫做?|名为|是|[:：])\s*(?=[A-Za-z])|叫做?\s*(?=[A-Za-z][\w&'’ -]{0,40}的品牌)/.exec(
      zhText,
    );
  const zhName = zh && brandName(nameAt(text.slice(zh.index + zh[0].length), 3));
  if (zhName) return zhName;
  for (const m of zhText.matchAll(ZH_NAME_MARK)) {
    if (/(?:我们|我司|我方|自己|我的|本店)的?\s*$/.test(zhText.slice(Math.max(0, m.index - 6), m.index)))
      continue;
    const name = brandName(m[1]?.trim());
    if (name) return name;
  }
  const whose = brandName(WHOSE_LAWYERS.exec(text)?.[1]);
  if (whose) return whose;
  // "a complaint from Zentrix about …", "reported by Zentrix.": the name after "from" or "by", unless the words
  // before say where the goods came from or who sold them.
  for (const m of text.matchAll(
    /\b(?:from|by)\s+([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\b(?!\s*(?:'s\s+)?(?:law firm|lawyers?|attorneys?)\b)(?=\s*(?:'s\s+)?(?:(?:brand|trademark|complaint|on|about|against|regarding)\b|,|\.|$))/g,
  )) {
    if (SUPPLY_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    const name = brandName(m[1]?.trim());
    if (name) return name;
  }
  const named =
    /\b([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s+(?:trademark|brand|design patent|patent|copyright|logo)\b/.exec(
      text,
    )?.[1] ??
    NAME_MARK.exec(text)?.[1] ??
    /商标是\s*([A-Za-z][\w&'’-]*)/.exec(text)?.[1];
  return brandName(named?.trim());
}

const STOP = new Set([
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
  'EU',
  'EUTM',
  'CN',
  'TM',
]);

function withoutStopWords(name: string): string | undefined {
  const words = name.split(/\s+/).filter((w) => !STOP.has(w));
  return words.length ? words.join(' ') : undefined;
}
