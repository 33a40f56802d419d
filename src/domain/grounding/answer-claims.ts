import { DAY_NAMES, MONTH_NAMES } from '../model/dates.js';
import type { Details, Facts } from '../model/facts.js';
import { NUMBER_WORDS, SET_WORDS, TENS_AND_ONES } from '../model/number-words.js';

// Facts in a model's answer that nobody gave it: a dismissal, a settlement, an agreement, a deadline, a day
// count, an amount, a name, or a section of the guidance that does not exist ("Under §7.9…"). Every such
// claim must be found in what the answer may rest on: the sections it cites and the case itself. Pure.

export interface ClaimSources {
  /** The cited sections' titles and texts. */
  sections: string;
  /** The case's facts and details as text (values only). */
  caseText: string;
  /** Words a name may also come from (the seller's question): echoing a brand the seller named is not inventing. */
  namesToo?: string;
  /** Guidance section ids that exist ("1.3"), and the ones cited. */
  guidanceIds: ReadonlySet<string>;
  citedGuidanceIds: ReadonlySet<string>;
}

// A number said as a word. "one" alone is left out: it is mostly not a count ("one of the steps").
const COUNT_WORDS: Record<string, number> = Object.fromEntries(
  Object.entries({ ...NUMBER_WORDS, ...SET_WORDS }).filter(([w]) => w !== 'one'),
);
const NUMBER_WORD = new RegExp(`\\b(?:${Object.keys(COUNT_WORDS).join('|')})\\b`, 'g');

/** The numbers a text states, as digits: "$4,000" → 4000, "twenty-one" → 21, "21st" → 21. */
function numbersIn(text: string): string[] {
  const t = text
    .toLowerCase()
    .replace(TENS_AND_ONES, (_, a: string, b: string) =>
      String((NUMBER_WORDS[a] ?? 0) + (NUMBER_WORDS[b] ?? 0)),
    );
  const out: string[] = [];
  for (const m of t.matchAll(/\d[\d,.]*/g)) {
    const n = m[0].replace(/[.,]+$/, '').replace(/,(?=\d{3}\b)/g, '');
    out.push(n);
    // "4.000" / "7.9": the parts count too ("65(b)(2)" and "2026-11-26" are split by the regex already).
    for (const part of n.split(/[.,]/)) if (part !== '') out.push(part);
  }
  for (const m of t.matchAll(NUMBER_WORD)) out.push(String(COUNT_WORDS[m[0]]));
  return out;
}

// A reference to a numbered part of the guidance: "§7.9", "section 1.3", "paragraph 4".
const SECTION_REF =
  /§\s*(\d+(?:\.\d+)*)|\b(?:section|paragraph|para\.?|part|clause|article|chapter|point)\s+(\d+(?:\.\d+)*)\b/gi;

const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');
const MONTHS = 'january february march april june july august september october november december'.split(' ');
// Days and dates said without a number: a deadline nobody set.
const WHEN = new RegExp(
  String.raw`\b(?:${[...WEEKDAYS, ...MONTHS].join('|')})\b|\bmay \d|\b(?:tomorrow|tonight|yesterday|(?:next|last|this) (?:week|month|year|${WEEKDAYS.join('|')})|end of (?:the )?(?:day|week|month|year))\b`,
  'gi',
);
// Spans of time: "a week", "a few days", "two business days".
const SPAN =
  /\b(?:a|an|one|a few|few|several|a couple of|couple of|\d+|[a-z]+(?:-[a-z]+)?)\s+(?:(?:business|court|calendar|working|more|extra|additional)\s+)?(hour|day|week|month|year)s?\b/gi;

// Things that happen in a case, said as having happened or as sure to happen: "has agreed to dismiss",
// "was settled", "the court dismissed", "your funds will be released". The same words in a cited section
// ("frozen funds are released only by…") are the section's, not invented.
const EVENT =
  'agreed|dismissed|settled|withdrawn|withdrew|retracted|dropped|lifted|released|unfrozen|unfroze|dissolved|granted|approved|accepted|rejected|denied|ruled|won|closed|restored|reinstated|waived|cancell?ed|revoked|decided|resolved|cleared|overturned|vacated|signed|offered|promised|confirmed|refunded';
const WILL =
  'agree|dismiss|settle|withdraw|retract|drop|lift|release|unfreeze|dissolve|restore|reinstate|waive|cancel|revoke|approve|accept|clear|overturn|vacate|refund|win|be (?:dismissed|settled|withdrawn|retracted|dropped|lifted|released|unfrozen|dissolved|restored|reinstated|waived|cancell?ed|revoked|approved|accepted|cleared|overturned|vacated|refunded|closed|resolved|won)';
// Each pattern, and whether its words must stand in the sources as they are ("has agreed") or only the
// event's own word ("only image files are accepted" rests on a section that says "accepted").
const EVENT_CLAIMS: { re: RegExp; whole: boolean }[] = [
  {
    re: new RegExp(
      String.raw`\b(?:has|have|had|'s|'ve)\s+(?:(?:already|now|just|finally|officially|been)\s+){0,2}(?:${EVENT})\b`,
      'gi',
    ),
    whole: true,
  },
  {
    re: new RegExp(
      String.raw`\b(?:was|were|got|been)\s+(?:(?:already|now|just|finally|officially)\s+)?(?:${EVENT})\b`,
      'gi',
    ),
    whole: true,
  },
  {
    re: new RegExp(
      String.raw`\b(?:is|are)\s+(?:(?:already|now|just|finally|officially)\s+)?(?:${EVENT})\b`,
      'gi',
    ),
    whole: false,
  },
  {
    re: new RegExp(
      String.raw`\b(?:will|'ll|(?:is|are) (?:going|likely|expected|about|set|sure|certain|bound) to)\s+(?:(?:now|soon|definitely|certainly|surely|probably|likely|most|very|almost|quickly|shortly)\s+){0,2}(?:${WILL})\b`,
      'gi',
    ),
    whole: true,
  },
  // "Nike agreed to…", "the court dismissed the case": a past event with what it acted on.
  {
    re: new RegExp(
      String.raw`\b(?:${EVENT})(?=\s+(?:to|the|your|their|its|it|them|that|all|a|an)\b|\s*(?:[.!?;,]|$))`,
      'gi',
    ),
    whole: false,
  },
];

// Capitalised words that name nobody: ours and the platforms'.
const NOT_NAMES = new Set(
  'i ok tro tros us usa u.s uk eu china chinese english amazon aliexpress alibaba ipcheck escalate legal export slack teams pdf ip asin id faq seller'.split(
    ' ',
  ),
);

const lower = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `words` stand in `text` as whole words. */
const says = (text: string, words: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(words)}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** The first claim of `answer` that its sources do not hold, said for the audit trail; undefined when none. */
export function inventedClaim(answer: string, src: ClaimSources): string | undefined {
  const text = answer.replace(/\[[^\]]{1,40}\]/g, ' ');
  const source = lower(`${src.sections}\n${src.caseText}`);
  for (const m of text.matchAll(SECTION_REF)) {
    const id = m[1] ?? m[2] ?? '';
    const cited = [...src.citedGuidanceIds].some((c) => c === id || c.startsWith(`${id}.`));
    if (cited || says(source, lower(m[0]))) continue;
    const exists = [...src.guidanceIds].some((c) => c === id || c.startsWith(`${id}.`));
    return exists
      ? `the answer refers to ${m[0].trim()}, a section it does not cite`
      : `the answer refers to ${m[0].trim()}, which does not exist in the guidance`;
  }
  const rest = text.replace(SECTION_REF, ' ');
  for (const { re, whole } of EVENT_CLAIMS) {
    for (const m of rest.matchAll(re)) {
      const said = lower(m[0].trim());
      const event = said.split(' ').at(-1) ?? said;
      if (!says(source, whole ? said : event))
        return `the answer says "${said}", which neither the case nor the cited sections say`;
    }
  }
  const known = new Set(numbersIn(source));
  for (const n of numbersIn(rest)) {
    if (!known.has(n)) return `the answer says "${n}", a number neither the case nor the cited sections give`;
  }
  for (const m of rest.matchAll(WHEN)) {
    if (!says(source, lower(m[0])))
      return `the answer names a day or date ("${m[0]}") neither the case nor the cited sections give`;
  }
  for (const m of rest.matchAll(SPAN)) {
    const unit = (m[1] ?? '').toLowerCase();
    if (!says(source, unit) && !says(source, `${unit}s`))
      return `the answer counts time in ${unit}s ("${m[0]}"), which neither the case nor the cited sections do`;
  }
  const names = new Set(
    lower(`${source}\n${src.namesToo ?? ''}`)
      .split(/[^\p{L}\p{N}.]+/u)
      .flatMap((x) => [x, x.replace(/\.+$/, '')]),
  );
  for (const sentence of rest.split(/(?<=[.!?:;])\s+|\n+/)) {
    // A sentence's first word is capitalised anyway; a name there is caught when another follows ("Nike Inc.").
    const words = [...sentence.matchAll(/\b\p{Lu}[\p{L}'.-]*\p{L}|\b\p{Lu}\b/gu)].filter(
      (x) => (x.index ?? 0) > 0,
    );
    for (const x of words) {
      const word = x[0].replace(/'s$/, '');
      const lw = word.toLowerCase();
      if (NOT_NAMES.has(lw) || WEEKDAYS.includes(lw) || MONTHS.includes(lw)) continue;
      if (!names.has(lw))
        return `the answer names "${word}", which neither the case nor the cited sections name`;
    }
  }
  return undefined;
}

/** A day as people write it: "2026-11-26" also reads "Thursday 26 November 2026". */
function readableDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return `${iso} ${DAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The case's own words for the claim check: every fact and detail value, dates also as people write them. */
export function caseText(facts: Facts, details: Details): string {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') out.push(/^\d{4}-\d{2}-\d{2}$/.test(v) ? readableDay(v) : v);
    else if (typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) for (const x of v) add(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) add(x);
  };
  add(facts);
  const { noticeText: _, ...rest } = details;
  add(rest);
  return out.join('\n');
}
