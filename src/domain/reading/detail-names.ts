// Who is named in the seller's words or a pasted notice: the plaintiff or complainant, the law firm, the
// court, the seller's store and the brand. Names are kept as written; a name not found is simply absent.

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

export function plaintiff(text: string): string | undefined {
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
export const FIRM_SUFFIX = String.raw`(?:LLP|L\.L\.P\.|PLLC|P\.C\.|Law Group|Law Firm|Law Offices?|IP Law|& Associates)`;
const LEADING_WORDS =
  /^(?:Yesterday|Today|The|A|An|From|By|Our|We|Got|Dear|Counsel|Attorneys?|Lawyers?|Firm|Email|Letter)\b[\s,:]*/;

export function lawFirm(text: string): string | undefined {
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

export function court(text: string): string | undefined {
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

export function store(text: string): string | undefined {
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

// ---------- brand ----------

export function brandOf(text: string): string | undefined {
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
