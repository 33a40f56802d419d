import type { Reply } from '../conversation/replies.js';
import type { Details, Facts } from '../model/facts.js';
import { type CitationRef, cite, type KnowledgeBase, type Section } from '../model/knowledge-base.js';
import { mustPreserve, signsWith } from '../model/litigation.js';
import type { GivenSection, LlmAnswerOut } from '../model/llm-contract.js';
import { caseText, inventedClaim } from './answer-claims.js';
import { advisedAct, advisesDeletion } from './forbidden-acts.js';
import { disguisedText } from './plain-text.js';

// Checks on what a model says before a seller sees it, and the replies when it is not shown. Pure: the answer
// and the sections it was given in, a verdict out. A model's answer is shown only when every citation points
// at a section it was given and quotes that section word for word, when it advises no act the firm rules or
// the preservation rule forbid (forbidden-acts.ts), and when it states no fact about the case that neither
// the case nor its cited sections hold (answer-claims.ts).

export const NOT_COVERED =
  'The guidance does not cover this, so I will not guess. Ask legal: "Escalate to legal" sends them the case (in Slack or Teams), or "export" writes it for your lawyer.';

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

export { advisesDeletion };

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

/** What else an answer is judged with: the case's details (legal signs, names, amounts) and the question. */
export interface AnswerContext {
  details?: Details;
  /** The seller's question: its legal signs count for the preservation rule, its names may be echoed. */
  question?: string;
}

/** Whether the case keeps everything, counting the legal signs of the seller's question too. */
function preserves(facts: Facts, c: AnswerContext): boolean {
  return mustPreserve(facts, signsWith(c.details ?? {}, c.question ?? ''));
}

/**
 * The model's answer checked against the sections it was given: each citation names a given section and
 * quotes it exactly, every [n] in the text is a citation, the answer advises nothing forbidden and invents
 * nothing about the case.
 */
export function checkAnswer(
  out: LlmAnswerOut,
  given: GivenSection[],
  facts: Facts,
  kb: KnowledgeBase,
  context: AnswerContext = {},
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
  const disguised = disguisedText(text);
  if (disguised) return { ok: false, reason: `the answer is disguised: ${disguised}` };
  const preserve = preserves(facts, context);
  const act = advisedAct(text, { preserve });
  if (act)
    return {
      ok: false,
      reason:
        act.act.when === 'always'
          ? `the answer advises ${act.act.label}, which a firm rule forbids: "${act.sentence.slice(0, 80)}"`
          : `the answer advises ${act.act.label}: "${act.sentence.slice(0, 80)}"`,
    };
  // A quote is the guidance's own words, but shown as the answer's support it says what the answer says:
  // one that advises a forbidden act ("you can contact the plaintiff's law firm") is not shown either.
  const quoted = refs
    .map((r) =>
      advisedAct(wholeSentences(kb.section(r.ref)?.text ?? '', r.quote), { preserve, shown: r.quote }),
    )
    .find((x) => x !== undefined);
  if (quoted)
    return {
      ok: false,
      reason: `a quoted passage advises ${quoted.act.label}: "${quoted.sentence.slice(0, 80)}"`,
    };
  const cited = [...new Set(refs.map((r) => r.ref))].map((ref) => kb.section(ref) as Section);
  const invented = inventedClaim(text, {
    sections: cited.map((x) => `${x.title}\n${x.text}`).join('\n'),
    caseText: caseText(facts, context.details ?? {}),
    ...(context.question ? { namesToo: context.question } : {}),
    guidanceIds: new Set(
      kb.docs.filter((d) => d.kind === 'guidance').flatMap((d) => d.sections.map((x) => x.id)),
    ),
    citedGuidanceIds: new Set(cited.filter((x) => x.doc === 'guidance').map((x) => x.id)),
  });
  if (invented) return { ok: false, reason: invented };
  if (reachesElsewhere(text)) return { ok: false, reason: 'the answer mentions people, channels or links' };
  const shown = text.replace(MARKER, (_, n: string) => `[${tags.get(Number(n))}]`);
  try {
    const citations = refs.map((r) => cite(kb, r));
    return { ok: true, reply: { kind: 'faq', text: shown, citations } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/** The whole sentences of `text` a quote of it stands in (a quote may stop before its sentence says "but…"). */
function wholeSentences(text: string, quote: string): string {
  const at = text.indexOf(quote);
  if (at < 0) return quote;
  const before = text.slice(0, at);
  const start = Math.max(before.search(/[^.!?。！？]*$/), 0);
  const rest = text.slice(at + quote.length);
  const end = rest.search(/[.!?。！？](?:\s|$)/);
  return text.slice(start, at + quote.length + (end < 0 ? rest.length : end + 1));
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

/**
 * The sentence of an answer that advises an act a firm rule always forbids ("Yes: relisting it from another
 * warehouse is fine"), if any: a model's answer may never contradict the rules' own answers.
 */
export function allowsForbiddenAction(answer: string): string | undefined {
  return advisedAct(answer, { preserve: false })?.sentence;
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
 * Without a model: the closest guidance passages, quoted with their section, for the seller to read. While
 * the case must keep everything (mustPreserve), a passage that advises deleting is not quoted.
 */
export function quotedPassages(
  hits: { section: Section; score: number }[],
  facts: Facts,
  kb: KnowledgeBase,
  details: Pick<Details, 'legalSigns'> = {},
): Reply {
  const preserve = mustPreserve(facts, details);
  const usable = hits.filter((h) => !(preserve && advisesDeletion(h.section.text))).slice(0, QUOTE_SECTIONS);
  if (usable.length === 0) return notCoveredReply();
  const ids = usable.map((h) => sectionTag(h.section)).join(', ');
  return {
    kind: 'faq',
    text: `No rule of mine answers this exactly. These guidance passages are the closest to your question (${ids}); if they do not settle it, ask legal ("Escalate to legal", or "export" the case for your lawyer).`,
    citations: usable.map((h) => cite(kb, { ref: h.section.ref, quote: openingOf(h.section.text) })),
  };
}
