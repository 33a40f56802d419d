import { sentencesOf } from './sentences.js';
import { toSimplified } from './traditional-zh.js';

// Where the product came from: the supplier, maker or factory the seller names ("our supplier is …", "we
// bought them from …", "供应商是…"). Only the seller's own buying is read: not a customer's, not what the
// brand says, not a denial or a plan. Where the goods came from is never the brand (detail-names.ts).

const SUPPLIER_LABEL =
  /\b(?:[Oo]ur |[Tt]he |[Mm]y )?(?:[Ss]upplier|[Mm]anufacturer|[Ff]actory)(?: is| was|:|：| is called| is named| named| called)\s+(?:the |a |an )?([^\n;!?，。；]{2,80})/;
const SUPPLIER_OK =
  /^(?:[A-Z0-9]|(?:local |small |a |an )?(?:factory|manufacturer|wholesaler|distributor|trading company)\b)/;
const SUPPLIER_NOT =
  /^(?:not|no|unknown|unclear|n\/a|also|still|responsible|refusing|gone|closed|out|in china|the same|not sure|a (?:small )?(?:problem|risk))\b/i;
const BOUGHT_FROM =
  /\b(?:bought|buy|purchased|purchase|sourced|source|get|got|order(?:ed)?|import(?:ed)?|stock(?:ed)?) (?:it|them|this|these|those|the (?:goods|products?|items?|stock|units|cases?)|our stock|all (?:of )?(?:it|them))\s+from\s+(?:a |an |the )?([A-Z0-9][\w&'’.-]*(?: [A-Z0-9][\w&'’.,-]*){0,5}(?: (?:on|via) (?:1688|Alibaba(?:\.com)?|Taobao|Made-in-China))?)/;
// Who buys: the seller, right before the verb ("We bought them from …", "we also buy it from …"), or as the
// subject of a clause joined to it ("We first listed the lamp on March 3, 2025 and buy it from …"). Not
// someone else ("a customer bought it from us", "we think they buy it from …"), not a denial or a plan.
const BUYER_RIGHT_BEFORE =
  /\b(?:[Ww]e|I)(?: (?:also|always|originally|first|usually|all|both|just|then|have|had))*\s*$/;
const BUYER_AND_BEFORE = /\b(?:[Ww]e|I)\b[^.;!?]{0,100}(?:,|\band)(?: (?:also|then|we|I))?\s*$/;
// Someone else, reported speech, a denial, a question or a plan anywhere before the verb: not read.
const NOT_OUR_BUYING =
  /\b(?:they|he|she|who|which|customers?|buyers?|the (?:brand|plaintiff|complainant|seller|competitor)s?|says?|said|claims?|claimed|alleges?|alleged|accuses?|thinks?|believes?|not|never|no longer|if|when|did|do|does|can|should|will|would|could|might|may|want|plan)\b|n't/i;

function boughtFrom(sentence: string): string | undefined {
  const m = BOUGHT_FROM.exec(sentence);
  if (!m) return undefined;
  const before = sentence.slice(0, m.index);
  if (NOT_OUR_BUYING.test(before)) return undefined;
  return BUYER_RIGHT_BEFORE.test(before) || BUYER_AND_BEFORE.test(before) ? m[1] : undefined;
}
const ZH_SUPPLIER =
  /(?:供应商|供货商|厂家|进货渠道|货源)(?:是|为|叫|[:：])\s*([^\s，。；,;\n]{2,40})|从\s*([^\s，。；,;\n从]{2,30}?)\s*(?:进货|拿货|采购|进的货|拿的货|批发)/;

export function supplier(text: string): string | undefined {
  // Read sentence by sentence: a name may carry its own stops ("Co., Ltd.").
  const label = sentencesOf(text)
    .map((x) => SUPPLIER_LABEL.exec(x)?.[1]?.trim())
    .find((x) => x !== undefined)
    // "our supplier is Yiwu Hongda Factory, we first listed it …": a new clause after a comma is not the name.
    ?.replace(/,\s+(?:we|i|they|our|my|it|but|and|so|which|who|he|she|the)\b.*$/i, '')
    .replace(/,$/, '')
    .replace(/(?<!\b(?:Co|Ltd|Inc|Corp))\.$/, '');
  if (label && SUPPLIER_OK.test(label) && !SUPPLIER_NOT.test(label)) return label.slice(0, 300);
  const bought = sentencesOf(text)
    .map(boughtFrom)
    .find((x) => x !== undefined)
    ?.replace(/,+$/, '')
    .replace(/(?<!\b(?:Co|Ltd|Inc|Corp))\.$/, '');
  if (bought && !/^(?:Amazon|AliExpress|US|Them|It)$/.test(bought)) return bought.slice(0, 300);
  // Read in simplified characters (供應商 is 供应商), the name cut from the text as written (東莞…廠).
  const zh = ZH_SUPPLIER.exec(toSimplified(text));
  const name = zh?.[1] ?? zh?.[2];
  if (!zh || !name || /不知道|不清楚|谁|哪|没有|不记得/.test(name)) return undefined;
  const at = zh.index + (zh[1] ? zh[0].length - name.length : zh[0].indexOf(name));
  return text.slice(at, at + name.length);
}
