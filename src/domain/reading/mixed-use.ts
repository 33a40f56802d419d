// "The photos are ours, but the backpack has Mickey ears": one part of the answer says the product is the
// seller's own, another that it has something of theirs. Such an answer is never read in the seller's
// favour ("does not use their right" would become a no-infringement dispute): it reads as "not sure", which
// goes to a lawyer. Pure: the seller's own words in (lower-cased, as extract.ts reads them), a verdict out.

const CLAUSE_BREAK =
  /[.;!?,，。；！？\n]+|\s(?:but|however|though|although|yet|and|while|whereas|except)\s|但是|但|不过|可是|然而|除了/;

// A clause that denies or differs says nothing of theirs: "it has no logo", "it looks nothing like theirs".
const DENIES = /\b(no|not|never|nothing|none|without|different|differs?|unlike|distinct)\b|n't/;
const DENIES_ZH = /没|不|无|未|非|别/;

// Something of theirs on or in the product: "the backpack has Mickey ears", "the shape is the same".
const HAS =
  /\b(it|its|the [\w-]+|our [\w-]+|this [\w-]+|that [\w-]+)( (still|also|really|does|do|did|actually|clearly))? (has|have|had|features?|shows?|carries|bears?|uses?|used|copies|copied)\b/;
// Subjects that are not the product: "our store has 20 pcs", "the complaint has a number".
const NOT_THE_PRODUCT =
  /\b(the|our|this|that) (store|shop|team|company|boss|account|seller|warehouse|stock|inventory|invoices?|supplier|factory|complaint|complainant|platform|brand|owner|law|lawyer|customer|buyer|notice|email|letter|case|listing id)\b/;
const SIMILAR =
  /\b(similar|identical|resembl\w*|look(s|ed|ing)? (just |exactly |a lot |very much |almost |kind of )?like|inspired by|mickey|minnie|disney|cartoon|character|copy of|based on their)\b|\bsame\b(?! (complaint|notice|case|day|time|thing|way|seller|store|listing|brand|problem|email|letter|week|month))|\b(logo|brand|mark|name|design|shape|print|pattern|photos?|images?|pictures?) (is|are|was|were) theirs\b/;
const HAS_ZH =
  /(有|带|印有|印了|用了|使用了?)[^，。；！？]{0,8}(logo|标志|图案|耳朵|卡通|角色|人物|图片|商标|名字|造型)|像|类似|相似|一样|同款|模仿/;

// The seller's side of a mixed answer, when no rule read a "no": "the photos are ours", "自己的图片", or a
// bare "no" first ("no, only the colour is similar").
const OURS =
  /\b(ours|our own|mine|original|we (took|shot|made|designed|drew) (it|them|the|our))\b|自己的|原创|自主/;
const LEADING_NO = /^(no|nope|not really|不是|没有|否|不)$/;

function clauses(t: string): string[] {
  return t
    .split(CLAUSE_BREAK)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function admits(clause: string): boolean {
  if (/[\u3400-\u9fff]/.test(clause) && !DENIES_ZH.test(clause) && HAS_ZH.test(clause)) return true;
  if (DENIES.test(clause)) return false;
  return SIMILAR.test(clause) || (HAS.test(clause) && !NOT_THE_PRODUCT.test(clause));
}

/**
 * The words say both that the product is the seller's own (or `readNo`: a rule read "does not use their
 * right") and, in another part, that it has or resembles something of theirs.
 */
export function mixedUse(own: string, readNo: boolean): boolean {
  const cs = clauses(own);
  const admitting = cs.filter(admits);
  if (admitting.length === 0) return false;
  if (readNo || LEADING_NO.test(cs[0] ?? '')) return true;
  return cs.some((c) => !admitting.includes(c) && OURS.test(c));
}
