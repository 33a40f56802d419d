import type { Details, Facts } from './facts.js';

// The one home of the legal rules every caller asks: what counts as a court case, as litigation, and when
// nothing may be deleted. Routes, delist actions, the store sweep, follow-up answers, the language-model
// checks, the drafts and the lawyer note all ask these predicates; none repeats their conditions.
// Pure: facts and details in, a verdict out.

/** Court papers, a TRO, a lawsuit or funds frozen by order: a case runs in court. */
export function isCourtCase(facts: Facts): boolean {
  return facts.notice === 'court_or_tro';
}

/** A letter from the rights holder's side (a lawyer's, a cease-and-desist, a demand): a lawsuit may follow. */
export function isLetter(facts: Facts): boolean {
  return facts.notice === 'rights_holder_letter';
}

/** A court case or a letter from their side: a lawsuit runs or may follow, so everything is evidence. */
export function isLitigation(facts: Facts): boolean {
  return isCourtCase(facts) || isLetter(facts);
}

/** A confirmed platform complaint (AliExpress, Amazon…), the one notice after which a deletion can be advised. */
export function isPlatformComplaint(facts: Facts): boolean {
  return facts.notice === 'platform_complaint';
}

/**
 * Whether the case must keep everything (take offline, delete nothing): in litigation, while the notice is
 * not yet known, and whenever the seller wrote any sign that a lawyer, a demand or a court is involved,
 * even on a platform complaint. A deletion is advised only when this is false.
 */
export function mustPreserve(facts: Facts, details: Pick<Details, 'legalSigns'>): boolean {
  return !isPlatformComplaint(facts) || (details.legalSigns?.length ?? 0) > 0;
}

/**
 * Whether a store sweep advises "take offline, keep" rather than "delete": when it runs for a case that must
 * keep everything. A sweep with no case behind it (a seller checking the store unprompted) may advise deleting.
 */
export function sweepMustPreserve(
  caseState: { facts: Facts; details: Pick<Details, 'legalSigns'> } | undefined,
): boolean {
  return caseState !== undefined && mustPreserve(caseState.facts, caseState.details);
}

/** Why a case keeps everything, in plain words, or undefined when a deletion may be advised. */
export function preservationWhy(facts: Facts, details: Pick<Details, 'legalSigns'>): string | undefined {
  if (isCourtCase(facts)) return 'a court case runs';
  if (isLetter(facts)) return 'a letter from their side may be followed by a lawsuit';
  const signs = details.legalSigns ?? [];
  if (signs.length > 0) return `you mentioned ${signs.slice(0, 3).join(', ')}`;
  if (facts.notice === undefined) return 'what you received is not known yet';
  return undefined;
}

/** The word "court" as a law court, not a product's ("basketball court mat", "food court"). */
export const COURT_WORD =
  /(?<!\b(?:basketball|tennis|food|badminton|volleyball|squash|pickleball|netball|futsal|sports?) )\bcourt\b/;

// Signs, in the seller's own words anywhere (their own statements, quotes of the notice, threats), that a
// lawyer, a demand for money or a court may be involved. Each is a short label shown to the seller and the
// lawyer, and the phrases that say it. A sign right after a plain negation ("no lawyer involved", "not a
// lawsuit", "没有律师") is not counted; any other mention is, including threats ("they will sue").
const SIGNS: { label: string; re: RegExp }[] = [
  {
    label: 'a law firm',
    re: /\blaw ?firms?\b|\blaw (offices?|group)\b|\b(llp|pllc)\b|@[\w.-]*law[\w-]*\.(com|net|org|us)\b|\b\w+law\.(com|net|org|us)\b|律所|律师事务所/g,
  },
  {
    label: 'a lawyer',
    re: /\b(lawyers?|attorneys?|counsel|solicitors?|paralegals?|esquire|esq\.?|legal (team|department|representatives?))(?! (gift|mug|shirt|t-shirt|costume|figure|toy|card)s?\b)\b|\bon behalf of (?!(our|my) (own )?(company|store|shop|team|business))|律师|法务/g,
  },
  {
    label: 'a cease and desist',
    re: /\bcease[- ](and|&)[- ]desist\b|\bc&d\b|\bdemand letters?\b|律师函|警告函|停止侵权函/g,
  },
  {
    // Money asked of the seller, not "they demand we remove the listing" (a platform complaint says that).
    label: 'a demand for money',
    re: /\b(demand\w*|ask\w*|want\w*|request\w*|claim\w*) (for |that )?(us to pay|we pay|payment|money|compensation|damages|a settlement|a (licen[cs]e )?fee|\$ ?\d|(?<![\d,.])\d[\d,.]*k? ?(usd|dollars|\$))|\b(compensation|damages(?!-)|settle(ment)?(?! of catan)|licen[cs](e|ing) fees?|royalt(y|ies)|reimburse\w*|cough up|wire (them |us )?\$? ?\d|pay (up|or else|them|the firm|the brand|the plaintiff|\$ ?\d[\d,.]*|\d[\d,.]*)|payment link)\b|赔偿|和解|索赔|赔钱|索要|要钱|罚款/g,
  },
  {
    label: 'a lawsuit',
    re: /\b(lawsuits?|law suits?|sue[ds]?|suing|litigation|legal (action|steps|proceedings)|legally|file a (case|suit|claim)|subpoenas?|summons|served|complaint filed (in|with) (the |a )?(court|district)|schedule a|defendants?|plaintiffs?)\b|起诉|诉讼|被告|原告|传票|告我们/g,
  },
  {
    label: 'a court',
    re: new RegExp(String.raw`${COURT_WORD.source}|\b(docket|\d:\d{2}-cv-\d+|\d{2}-cv-\d+)\b|法院|法庭`, 'g'),
  },
  {
    label: 'a TRO',
    re: /\btros?\b|temporary restraining order|\binjunction\b|临时禁令|临时限制令|禁令/g,
  },
  {
    label: 'frozen funds',
    // Money or a store frozen, not a product ("frozen dumplings", "freezer bags").
    re: /\b(funds?|accounts?|balance|money|payouts?|payments?|disbursements?|paypal|payoneer|stripe|wallet|assets?|amounts?|\$ ?[\d,.]+|(?<![\d,.])[\d,.]+ ?(usd|dollars)) (are |is |has been |have been |was |were |got |being |remain |remains )?(frozen|on hold|held|withheld|restrained|locked)\b|\b(store|shop) (is |has been |was |got )?(frozen|locked)\b|\b(holding|withholding|froze|freez(e|es|ing)|frozen|restrain(ed|s)?) (our|my|the|all|their|of|\$|\d)[^.,;!?]{0,30}\b(funds?|accounts?|balance|money|payouts?|payments?|paypal|payoneer|stripe|wallet|assets?|store|shop)\b|\b(froze|freez(e|es|ing)|frozen|restrain(ed|s)?) (our|my|the|all|their|of|\$|\d)[^.,;!?]{0,30}\b(funds?|accounts?|balance|money|payouts?|paypal|payoneer|stripe|wallet|assets?|store|shop)\b|\basset (freeze|restraint)\b|冻结|冻住|被冻/g,
  },
];

const NEGATION_BEFORE =
  /(?:\b(?:no|not an?|not|without|never (?:got|had|received) an?|isn'?t an?|wasn'?t an?)\s+(?:\w+\s+)?|没有?|无|不是|并非)$/;

/** The signs of a lawyer, a demand or a court in a text, as labels (each once, in the list's order). */
export function legalSignsIn(text: string): string[] {
  const t = text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ');
  const found: string[] = [];
  for (const { label, re } of SIGNS) {
    for (const m of t.matchAll(re)) {
      const before = t.slice(Math.max(0, (m.index ?? 0) - 30), m.index);
      if (NEGATION_BEFORE.test(before)) continue;
      found.push(label);
      break;
    }
  }
  return found;
}

/** The case's signs with those of one more message (a question asked now counts at once, before it is saved). */
export function signsWith(details: Pick<Details, 'legalSigns'>, text: string): { legalSigns: string[] } {
  return { legalSigns: mergeSigns(details.legalSigns, legalSignsIn(text)) ?? [] };
}

/** Both lists of signs, each label once, in the order of the known labels. */
export function mergeSigns(a: readonly string[] = [], b: readonly string[] = []): string[] | undefined {
  const all = new Set([...a, ...b]);
  if (all.size === 0) return undefined;
  const order = SIGNS.map((s) => s.label);
  return [...all].sort((x, y) => order.indexOf(x) - order.indexOf(y));
}
