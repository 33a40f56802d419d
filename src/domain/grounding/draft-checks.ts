import type { DraftKind } from '../drafting/template.js';
import { MENTION, reachesElsewhere } from './grounding.js';

// Checks on a model's rewrite of a template draft, before anyone sees it. The rewrite may only reword: every
// id, name, date and amount must come from the template draft or the case, the tone stays calm and admits
// nothing in a dispute, and the parts a draft needs (placeholders, the listing id) stay. Pure.

export type DraftVerdict = { ok: true } | { ok: false; reason: string };

// Ids, numbers, dates and amounts: any token with a digit in it ("B0C1234567", "2026-11-20", "$15,000", "3").
const TOKEN_WITH_DIGIT = /[\p{L}\p{N}$€£¥#./:@-]*\d[\p{L}\p{N}$€£¥,./:@-]*/gu;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
// Capitalised words: names of people, brands, firms, courts.
const CAPITALISED = /\b\p{Lu}[\p{L}'-]+/gu;
// Capitalised words any rewrite may use without naming anyone.
const COMMON = new Set(
  `a i we our the this that these it its in if as for on to of and or but so please dear hello hi thank thanks kind best regards sincerely yours attached subject request facts point points contact store listing listings complaint complaints dispute appeal reply product products item items our my you your they their there here when where what which who how why also however therefore moreover furthermore first second third finally further additionally note notice regarding re with by from at is are was were be been has have had do does did can could would should may might must will shall not no yes all any each every one two three four five six seven eight nine ten evidence documents document enclosed enclosure summary background request requests action actions root cause prevention plan immediate steps step timeline law lawyer legal team counsel court case cases patent trademark copyright design utility invoice invoices authorization letter letters photo photos photograph photographs image images january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday amazon aliexpress alibaba ipp seller central brand registry fill in us usa china chinese english intellectual property`.split(
    ' ',
  ),
);

const ANGER =
  /\b(outrage\w*|ridiculous|absurd|unacceptable|disgust\w*|angry|furious|shameful|stupid|idiot\w*|liars?|lying|scam\w*|nonsense|harass\w*|bully\w*)\b/i;
const PANIC =
  /\b(panic\w*|desperate\w*|beg|begging|devastat\w*|ruin\w*|bankrupt\w*|disaster\w*|catastroph\w*|please,? please)\b|!{2,}/i;
const THREAT =
  /\b(sue|suing|we will take (legal )?action|legal action against|report you|expose you|consequences|or else|hold you (liable|responsible)|counter-?sue)\b/i;
const ADMISSION =
  /\b(we (admit|confess|acknowledge (that )?we)|we (did|have) (copy|copied|infring\w*)|we copied|our (mistake|fault|error)|we infringed|we were wrong|sorry for (the )?infring\w*|admit(s|ted)? (the |to )?infring\w*)\b/i;
// Words that concede the complaint in a dispute, each refused when the rewrite says it more often than the
// template (a template may say "does not infringe"; a rewrite that adds "infringed" concedes it).
const CONCESSIONS: readonly RegExp[] = [
  /\baccept\w*/gi,
  /\badmi(t|ts|tted|tting|ssion)\b/gi,
  /\bregret\w*/gi,
  /\bapologi[sz]\w*/gi,
  /\bsorry\b/gi,
  /\bcounterfeit\w*/gi,
  /\bfakes?\b/gi,
  /\bknock-?offs?\b/gi,
  /\breplicas?\b/gi,
  /\bwithout (their )?(permission|authori[sz]ation|consent|a licen[cs]e)\b/gi,
  /\bused (their|the complainant'?s|the brand'?s|its)\b/gi,
  /\binfring(ed|es)\b/gi,
  /\bour (mistake|fault|error)\b/gi,
];
// Words that carry the template's case: each must survive in count, or the rewrite may say the opposite
// ("does not use" → "does use", "differs from" → "matches").
const NEGATIONS: readonly RegExp[] = [
  /\bnot\b|n['’]t\b/gi,
  /\bnever\b/gi,
  /\bno\b/gi,
  /\bnone\b/gi,
  /\bneither\b|\bnor\b/gi,
  /\b(differ\w*|different\w*|distinct\w*|unlike)\b/gi,
];
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
// Dates as drafts write them: 2026-11-27, 27 Nov 2026, November 27, 2026 (a weekday before is ignored).
const DATE = new RegExp(
  String.raw`\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\d{4})\b|\b${MONTH} (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`,
  'gi',
);
const pad = (n: string | number) => String(n).padStart(2, '0');

/** Every date in a text, as YYYY-MM-DD, with where it stands. */
function datesIn(text: string): { iso: string; at: number; len: number }[] {
  return [...text.matchAll(DATE)].map((m) => {
    const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
    const iso = m[1]
      ? `${m[1]}-${m[2]}-${m[3]}`
      : m[4]
        ? `${m[6]}-${pad(month(m[5] ?? ''))}-${pad(m[4])}`
        : `${m[9]}-${pad(month(m[7] ?? ''))}-${pad(m[8] ?? '')}`;
    return { iso, at: m.index ?? 0, len: m[0].length };
  });
}

/** The whole tokens with a digit in a text, and their parts between dashes, slashes and colons. */
function digitTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of words(text, TOKEN_WITH_DIGIT).map(tidy)) {
    out.add(t);
    for (const part of t.split(/[-/:]/)) out.add(tidy(part));
  }
  return out;
}

const words = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[0]);
const tidy = (t: string) => t.replace(/[.,;:)]+$/, '');

/** Whether `rewrite` only rewords `original`, given the case's own words (`caseText`: facts and details). */
export function checkPolishedDraft(
  kind: DraftKind,
  original: string,
  rewrite: string,
  caseText: string,
  listingId?: string,
): DraftVerdict {
  const source = `${original}\n${caseText}`;
  const lower = source.toLowerCase();
  const text = rewrite.trim();
  if (text.length < original.length * 0.5)
    return { ok: false, reason: 'the rewrite is less than half the draft' };
  if (text.length > original.length * 2 + 200)
    return { ok: false, reason: 'the rewrite is more than twice the draft' };
  for (const ph of original.match(/\[FILL IN:[^\]]*\]/g) ?? [])
    if (!text.includes(ph)) return { ok: false, reason: `a placeholder was dropped or changed: ${ph}` };
  if (listingId && original.includes(listingId) && !text.includes(listingId))
    return { ok: false, reason: `the listing id ${listingId} is missing` };
  const fresh = (re: RegExp) => {
    const m = re.exec(text);
    return m && !re.test(original) ? m[0] : undefined;
  };
  const angry = fresh(ANGER);
  if (angry) return { ok: false, reason: `tone: "${angry}" sounds angry` };
  const panicky = fresh(PANIC);
  if (panicky) return { ok: false, reason: `tone: "${panicky}" sounds panicked` };
  const threat = fresh(THREAT);
  if (threat) return { ok: false, reason: `tone: "${threat}" sounds like a threat` };
  if (kind !== 'plan_of_action' && kind !== 'lawyer_escalation') {
    const admits = fresh(ADMISSION);
    if (admits) return { ok: false, reason: `an admission in a dispute: "${admits}"` };
  }
  if (kind !== 'plan_of_action' && kind !== 'lawyer_escalation') {
    const conceded = CONCESSIONS.find((re) => count(text, re) > count(original, re));
    if (conceded) return { ok: false, reason: `an admission in a dispute: "${text.match(conceded)?.[0]}"` };
  }
  for (const re of NEGATIONS) {
    if (count(text, re) < count(original, re))
      return {
        ok: false,
        reason: `a "${original.match(re)?.[0]}" of the draft is gone (its meaning may be reversed)`,
      };
  }
  // The request is what the platform acts on: it stays word for word.
  for (const line of original.match(/^Request:.*$/gm) ?? [])
    if (!text.includes(line.trim())) return { ok: false, reason: 'the request line was changed' };
  if (MENTION.test(text)) return { ok: false, reason: 'the rewrite mentions people or channels' };
  if (reachesElsewhere(text) && !reachesElsewhere(original))
    return { ok: false, reason: 'the rewrite adds a link' };
  // Dates compared as days (27 Nov 2026 = 2026-11-27), then every other number as a whole token: "12" is
  // not in the case just because the listing id has those digits.
  const knownDays = new Set(datesIn(source).map((d) => d.iso));
  let rest = text;
  for (const d of datesIn(text).reverse()) {
    if (!knownDays.has(d.iso))
      return {
        ok: false,
        reason: `the date "${text.slice(d.at, d.at + d.len)}" is not in the draft or the case`,
      };
    rest = `${rest.slice(0, d.at)} ${rest.slice(d.at + d.len)}`;
  }
  const known = digitTokens(source);
  for (const t of words(rest, TOKEN_WITH_DIGIT).map(tidy)) {
    if (t !== '' && !known.has(t))
      return { ok: false, reason: `"${t.slice(0, 60)}" is not in the draft or the case` };
  }
  for (const t of words(text, EMAIL).map(tidy)) {
    if (t !== '' && !source.includes(t))
      return { ok: false, reason: `"${t.slice(0, 60)}" is not in the draft or the case` };
  }
  for (const m of text.matchAll(CAPITALISED)) {
    const w = m[0];
    const lw = w.toLowerCase();
    // A capitalised word opening a sentence is usually just that; a name there is caught when another
    // capitalised word follows it ("Johnson Partners"). Mid-sentence, every capitalised word is checked.
    const before = text.slice(0, m.index).trimEnd();
    const opens = before === '' || /[.!?:\n]$/.test(before) || /^\d+\.$/.test(before.split(/\s/).pop() ?? '');
    if (opens && !/^\s+\p{Lu}/u.test(text.slice((m.index ?? 0) + w.length))) continue;
    if (!COMMON.has(lw) && !lower.includes(lw))
      return { ok: false, reason: `the name "${w}" is not in the draft or the case` };
  }
  return { ok: true };
}
