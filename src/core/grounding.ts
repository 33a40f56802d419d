import type { Facts } from './facts.js';
import { type CitationRef, cite, type KnowledgeBase, type Section } from './knowledge-base.js';
import { isLitigation } from './litigation.js';
import type { GivenSection, LlmAnswerOut } from './llm-contract.js';
import type { Reply } from './replies.js';

// Checks on what a model says before a seller sees it, and the replies when it is not shown. Pure: the answer
// and the sections it was given in, a verdict out. A model's answer is shown only when every citation points
// at a section it was given and quotes that section word for word, and when it does not contradict the
// preservation rule (README: in a court case or after a letter, delete nothing).

export const NOT_COVERED =
  'The guidance does not cover this, so I will not guess. Ask legal: "Escalate to legal" sends them the case (in Slack or Teams), or "export" writes it for your lawyer.';

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

export { isLitigation };

// Deleting something, said as advice: "delete the listing", "you can remove the records", "dispose of the
// stock". A verb only counts as forbidden when a negation stands right before it ("do not delete", "never
// remove", "nothing should be deleted") or "nothing" right after it ("delete nothing"): a "not" elsewhere in
// the clause ("delete the listing and do not relist it") forbids something else.
const DELETE_VERB =
  /\b(delet\w*|remov\w*|eras\w*|wip\w*|destroy\w*|shred\w*|purg\w*|dispos\w*|discard\w*|trash\w*|get(?:ting)? rid of|clean\w* up|throw\w* (?:away|out)|sell\w* off)\b|删|清空|清除|销毁|丢掉|扔掉/gi;
// Up to two words may stand between the negation and the verb ("do not ever delete", "must not be
// deleted"), but not a conjunction: "stop selling and delete the records" advises the deletion.
const GAP = String.raw`(?:(?!(?:and|then|but|so)\b)[\w']+\s+){0,2}`;
const NEGATED_BEFORE = new RegExp(
  String.raw`\b(?:(?:do|does|must|should|need|may|can|will|is|are)\s*(?:not|n't)|don'?t|never|not|no need to|nothing|none)\s+${GAP}$|\b(?:stop|avoid|without)\s+$`,
  'i',
);
const NOTHING_AFTER = /^\s*(?:nothing|none|anything)\b/i;
const NEGATED_BEFORE_ZH = /(不要|别|不能|不得|切勿|不可|禁止|不)[^，。！？,.!?]{0,3}$/;

/** Whether a text advises deleting anything (listings, records, messages): wrong in a court case or after a letter. */
export function advisesDeletion(text: string): boolean {
  // Clause by clause: "take it off sale, but delete the records" advises a deletion in its second half.
  for (const clause of text.split(/(?<=[.!?。！？;；,，:\n])|\bbut\b|但是|然后/)) {
    for (const m of clause.matchAll(DELETE_VERB)) {
      const before = clause.slice(0, m.index);
      const after = clause.slice((m.index ?? 0) + m[0].length);
      const han = /\p{Script=Han}/u.test(m[0]);
      const negated = han
        ? NEGATED_BEFORE_ZH.test(before)
        : NEGATED_BEFORE.test(before) || NOTHING_AFTER.test(after);
      if (!negated) return true;
    }
  }
  return false;
}

// Mentions that would ping people or point at other channels: a model's text must never post elsewhere.
export const MENTION = /<[!@#][^>]*>|@(channel|here|everyone)\b/i;
const ELSEWHERE = new RegExp(`${MENTION.source}|\\bhttps?:\\/\\/`, 'i');

/** Whether a text tries to reach beyond the thread (mentions, channel links, broadcast, links). */
export function reachesElsewhere(text: string): boolean {
  return ELSEWHERE.test(text);
}

export type AnswerVerdict = { ok: true; reply: Reply } | { ok: false; reason: string };

const MARKER = /\[(\d{1,2})\]/g;

/** How a section is named in an answer shown to the seller: guidance paragraphs by §, facts by their id. */
function sectionTag(s: Section): string {
  return s.doc === 'guidance' ? `§${s.id}` : s.id;
}

/**
 * The model's answer checked against the sections it was given: each citation names a given section and
 * quotes it exactly, every [n] in the text is a citation, and the answer keeps the preservation rule.
 */
export function checkAnswer(
  out: LlmAnswerOut,
  given: GivenSection[],
  facts: Facts,
  kb: KnowledgeBase,
): AnswerVerdict {
  if (!out.supported) return { ok: false, reason: 'the model found no supporting section' };
  const text = out.answer.trim();
  if (text === '') return { ok: false, reason: 'empty answer' };
  if (out.citations.length === 0) return { ok: false, reason: 'no citations' };
  const refs: CitationRef[] = [];
  const tags = new Map<number, string>();
  for (const c of out.citations) {
    const s = given.find((g) => g.n === c.section);
    if (!s) return { ok: false, reason: `citation [${c.section}] is not one of the sections given` };
    const quote = c.quote.trim();
    if (quote.length < 8) return { ok: false, reason: `citation [${c.section}] quotes too little` };
    const section = kb.section(s.ref);
    // The quote as it stands in the section (whitespace as the model may have collapsed it).
    if (!section || !normal(section.text).includes(normal(quote)))
      return { ok: false, reason: `citation [${c.section}] quotes words that are not in ${s.ref}` };
    // A stray phrase ("another warehouse") can be found in a section that says the opposite: the quote must
    // carry a claim, so a whole sentence of the section or a span of at least QUOTE_MIN_WORDS words.
    if (!isWholeClaim(section.text, quote))
      return {
        ok: false,
        reason: `citation [${c.section}] quotes a fragment, not a sentence (or ${QUOTE_MIN_WORDS} words) of ${s.ref}`,
      };
    const exact = section.text.includes(quote) ? quote : undefined;
    refs.push({ ref: s.ref, quote: exact ?? firstWords(section.text, normal(quote)) });
    tags.set(c.section, sectionTag(section));
  }
  const markers = [...text.matchAll(MARKER)].map((m) => Number(m[1]));
  if (markers.length === 0) return { ok: false, reason: 'the answer cites no section in its text' };
  const unknown = markers.find((n) => !tags.has(n));
  if (unknown !== undefined)
    return { ok: false, reason: `the answer cites [${unknown}], which it does not quote` };
  const bare = unmarkedSentence(text);
  if (bare) return { ok: false, reason: `a sentence of the answer cites no section: "${bare.slice(0, 80)}"` };
  const allowed = allowsForbiddenAction(text);
  if (allowed)
    return { ok: false, reason: `the answer allows what a firm rule forbids: "${allowed.slice(0, 80)}"` };
  if (isLitigation(facts) && advisesDeletion(text))
    return { ok: false, reason: 'the answer advises deleting something in a court or letter case' };
  if (reachesElsewhere(text)) return { ok: false, reason: 'the answer mentions people, channels or links' };
  const shown = text.replace(MARKER, (_, n: string) => `[${tags.get(Number(n))}]`);
  try {
    const citations = refs.map((r) => cite(kb, r));
    return { ok: true, reply: { kind: 'faq', text: shown, citations } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/** Under this many words, a quote must be a whole sentence of its section. */
export const QUOTE_MIN_WORDS = 8;

const wordCount = (t: string) =>
  (t.match(/[\p{L}\p{N}'’-]+/gu)?.length ?? 0) + Math.ceil((t.match(/\p{Script=Han}/gu)?.length ?? 0) / 2);
const stripEnds = (t: string) => normal(t).replace(/^[\s"'“‘(*-]+|[\s"'”’).,;:!?。！？*]+$/g, '');

/** The sentences of a text (a line break ends one too; list items are sentences). */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s+(?!\[\d)|\n+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** Whether `quote` is a whole sentence of `sectionText`, or at least QUOTE_MIN_WORDS of its words in a row. */
export function isWholeClaim(sectionText: string, quote: string): boolean {
  if (wordCount(quote) >= QUOTE_MIN_WORDS) return true;
  const q = stripEnds(quote).toLowerCase();
  return q !== '' && sentencesOf(sectionText).some((x) => stripEnds(x).toLowerCase() === q);
}

/**
 * The first sentence of an answer that says something (four words or more) without a [n] in it or right
 * after it: every claim shown to a seller points at the section that supports it.
 */
export function unmarkedSentence(answer: string): string | undefined {
  return sentencesOf(answer).find((x) => wordCount(x.replace(MARKER, '')) >= 4 && !/\[\d{1,2}\]/.test(x));
}

// Actions the firm rules (follow-ups.ts) always answer "no" to, whatever the case: relisting the product,
// ignoring the complaint, paying or settling yourself, deleting records, answering the firm yourself.
const FORBIDDEN_ACTION = String.raw`(?:re-?list\w*|list(?:ing)? (?:it|them|the product) again|upload\w* (?:it|them) again|(?:a )?new listing|another listing|(?:sell\w*|ship\w*|mov\w*) (?:it |them |the (?:stock|product|goods|inventory) )?(?:from|to) (?:another|a different|a new|your other) warehouse|ignor\w*|disregard\w*|do nothing|wait\w* it out|pay\w*|settl\w*|send\w* (?:them |the )?money|wir\w* (?:the )?money|(?:delet|remov|eras|wip|destroy|shred|purg)\w* (?:the |your |all |any )?(?:sales |order |chat )?(?:records?|orders|invoices|messages|emails|evidence|data)|apologi[sz]\w*|admit\w*|(?:reply|respond|answer|writ\w*|email\w*|contact\w*)\w* (?:to )?(?:the |their )?(?:law ?firm|lawyers?|attorneys?|plaintiff)(?: (?:yourself|yourselves|myself|ourselves|directly))?|(?:reply|respond|answer)\w* (?:it |them )?(?:yourself|yourselves|myself|ourselves))`;
const PERMITTED =
  /\b(fine|ok|okay|allowed|permitted|acceptable|safe|no problem|not a problem|nothing wrong|go ahead)\b/i;
const NEGATED_PERMISSION =
  /\b(not|never|n't|no longer)\s+(?:\w+\s+){0,2}(fine|ok|okay|allowed|permitted|acceptable|safe)\b|\bnot (a )?problem\b/i;
const MAY_DO = new RegExp(
  String.raw`\b(?:you|we|i|sellers?)\s+(?:can|could|may|are (?:allowed|free|able) to|are fine to)\s+(?:(?:just|simply|safely|still|now|then|also)\s+)?${FORBIDDEN_ACTION}`,
  'i',
);
const ACTION = new RegExp(String.raw`\b${FORBIDDEN_ACTION}`, 'i');

/**
 * The sentence of an answer that says yes to an action a firm rule forbids ("Yes: relisting it from another
 * warehouse is fine"), if any: a model's answer may never contradict the rules' own answers.
 */
export function allowsForbiddenAction(answer: string): string | undefined {
  const opensYes = /^\s*(yes|yeah|sure|of course)\b/i.test(answer);
  return sentencesOf(answer).find((x, i) => {
    const plain = x.replace(MARKER, '');
    if (!ACTION.test(plain)) return false;
    if (MAY_DO.test(plain)) return true;
    if (PERMITTED.test(plain) && !NEGATED_PERMISSION.test(plain)) return true;
    return i === 0 && opensYes;
  });
}

/** The section's own words for a quote whose whitespace the model collapsed (so `cite` finds them exactly). */
function firstWords(text: string, collapsed: string): string {
  const words = collapsed.split(' ');
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  return re.exec(text)?.[0] ?? collapsed;
}

/** The reply when no answer can be shown: the guidance does not cover it, and legal can be asked. */
export function notCoveredReply(): Reply {
  return { kind: 'text', tone: 'info', text: NOT_COVERED };
}

// Passages quoted without a model: at most this many, each cut at a sentence end near this length.
const QUOTE_SECTIONS = 2;
const QUOTE_CHARS = 420;

/** The opening of a section, cut after a sentence, so it can be quoted exactly. */
export function openingOf(text: string, max = QUOTE_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'));
  return end > 80 ? cut.slice(0, end + 1) : cut;
}

/**
 * Without a model: the closest guidance passages, quoted with their section, for the seller to read. In a
 * court or letter case, a passage that advises deleting is not quoted (the preservation rule comes first).
 */
export function quotedPassages(
  hits: { section: Section; score: number }[],
  facts: Facts,
  kb: KnowledgeBase,
): Reply {
  const usable = hits
    .filter((h) => !(isLitigation(facts) && advisesDeletion(h.section.text)))
    .slice(0, QUOTE_SECTIONS);
  if (usable.length === 0) return notCoveredReply();
  const ids = usable.map((h) => sectionTag(h.section)).join(', ');
  return {
    kind: 'faq',
    text: `No rule of mine answers this exactly. These guidance passages are the closest to your question (${ids}); if they do not settle it, ask legal ("Escalate to legal", or "export" the case for your lawyer).`,
    citations: usable.map((h) => cite(kb, { ref: h.section.ref, quote: openingOf(h.section.text) })),
  };
}
