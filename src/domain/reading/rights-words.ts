// What a seller's words say about their rights, beyond the fact itself. A dispute may call the seller
// authorized only on the owner's signed letter; invoices prove genuine goods (first sale), never an
// authorization; an OK given on the phone or in a chat is neither; a letter the supplier holds is the
// supplier's. Pure: lower-cased text in (as extract.ts reads it), a verdict out.

// A clause: what a "no" or a "but" can reach. "no letter, but invoices" is two clauses; so is
// "we have no letter from the brand but we do have invoices".
const CLAUSE_BREAK =
  /[.;!?,，。；！？\n]+|\s(?:but|however|though|although|yet|and|while|whereas)\s|但是|但|不过|可是|然而|而且/;
const NEGATION =
  /\b(no|not|nothing|without|never|neither|nor|none|lack(s|ing)?|missing|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|cannot|can'?t|n't)\b|没有?|无|未|缺/;
// A clause that is only "no" answers the one before it: "the letter? no."
const BARE_NO = /^\s*(no|nope|none|没有|没|无)\s*$/;
// Asking for documents, or about them, is not holding them: "Amazon asks for invoices", "should we send invoices".
const REQUEST =
  /\b(asks?|asked|asking|requests?|requested|needs?|needed|wants?|wanted|requires?|required|demands?|should|shall|do we|can we|could we|whether|if)\b|要求|需要|要不要|是否|吗/;

/** The clauses of a text, each with whether it is negated (by a word in it, or a bare "no" after it). */
function clauses(t: string): { text: string; negated: boolean }[] {
  const parts = t
    .split(CLAUSE_BREAK)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return parts
    .map((text, i) => ({ text, negated: NEGATION.test(text) || BARE_NO.test(parts[i + 1] ?? '') }))
    .filter((c) => !BARE_NO.test(c.text));
}

// A letter or a written licence: what an authorization rests on. "A letter" alone may be theirs (a demand).
const LETTER =
  /authori[sz]ation letter|letter of authori[sz]ation|(signed|written) (authori[sz]ation|permission|consent|letter|agreement|contract)|in writing|\blicen[cs]e\b|\blicensed\b|distribution (agreement|contract)|授权书|授权函|授权信|书面授权|授权合同|许可合同/;
const INVOICE =
  /\b(invoices?|receipts?|purchase (records?|orders?)|proof of purchase)\b|发票|进货单|收据|采购单/;
const GENUINE =
  /\b(genuine|authentic)\b|\b(bought|purchased|sourced|buy|buying)\b[^.;!?]{0,30}\bfrom (an? |the |their |its )?(authori[sz]ed |official )?(distributors?|brand|manufacturer|owner|wholesalers?)\b|正品|(从|向)(品牌方?|厂家|经销商|代理商)[^，。]{0,6}(进货|采购|购买|买)/;
// Someone else's authorization: the supplier's letter shows the supplier is authorized, not the seller.
const THIRD_PARTY =
  /\b(supplier|factory|manufacturer|vendor|distributor|wholesaler|agent|upstream)s?('s|')?\b[^.;!?,]{0,30}\b(has|have|had|holds?|held|got|gets|owns?|showed|shows|is|are|was|were)\b|\b(supplier|factory|manufacturer|vendor|distributor|wholesaler)('s|s')? (authori[sz]ation|licen[cs]e|letter|permission)|(供应商|工厂|厂家|上家)(有|的)/;

/** What an authorization rests on, as the words say it: a letter the seller holds, or invoices for genuine goods. */
export function rightsBasisIn(t: string): 'letter' | 'invoices' | undefined {
  const cs = clauses(t);
  const held = (c: { text: string; negated: boolean }) => !c.negated && !REQUEST.test(c.text);
  if (cs.some((c) => held(c) && LETTER.test(c.text) && !THIRD_PARTY.test(c.text))) return 'letter';
  if (cs.some((c) => held(c) && (INVOICE.test(c.text) || GENUINE.test(c.text)))) return 'invoices';
  return undefined;
}

/** Invoices (or receipts) the seller says they hold, in any word order: "invoices but no letter". */
export function holdsInvoices(t: string): boolean {
  return clauses(t).some((c) => !c.negated && !REQUEST.test(c.text) && INVOICE.test(c.text));
}

/** An authorization the words give to someone else (the supplier, the factory), not to the seller. */
export function someoneElsesAuthorization(t: string): boolean {
  return clauses(t).some(
    (c) => THIRD_PARTY.test(c.text) && /authori[sz]|licen[cs]|permission|letter|授权/.test(c.text),
  );
}

// An OK given by voice: said outright ("verbally", "口头"), or by the channel it came through (a phone call,
// WeChat, "they told us we can sell it"), which then has to come from the brand's side, not the platform
// ("Amazon said it's fine to appeal").
const VOICE = /\b(verbal(ly)?|oral(ly)?|nothing in writing|not in writing)\b|口头|当面/;
const VOICE_CHANNEL =
  /\b(by (tele)?phone|over the phone|on the phone|phone call|(on|in|over|during|via|by) (a |the )?(phone |video |zoom |teams )?(call|wechat|whatsapp|chat|zoom|meeting|skype|telegram)|called (us|me)|told (us|me)|said (it'?s|it is|it was|we can|we could|we may|go ahead|yes|fine|ok|okay|that))\b|电话|微信|说/;
const PERMISSION =
  /\b(ok|okay|fine|alright|all right|agree[sd]?|agreement|approv\w*|permission|permit\w*|allow\w*|authori[sz]\w*|go ahead|go-ahead|green light|can sell|could sell|may sell|said yes)\b|同意|可以卖|可以(销售|上架)|允许|授权|没问题/;
const THEIR_SIDE =
  /\b(brand|owner|manufacturer|rights? ?holder|they|them|their|rep|manager|company|maker)\b|品牌|厂家|对方|他们|权利人/;

/** The words say the brand gave an OK by voice or in a chat, and name no letter: no authorization. */
export function verbalOnly(t: string): boolean {
  if (rightsBasisIn(t) === 'letter') return false;
  return t
    .split(/[.;!?。；！？\n]+/)
    .some((s) => PERMISSION.test(s) && (VOICE.test(s) || (VOICE_CHANNEL.test(s) && THEIR_SIDE.test(s))));
}

/** Said to the seller when an OK was given by voice: asked again, never taken as an authorization. */
export const VERBAL_NOTE =
  'A verbal OK or a phone call is not an authorization: a dispute can say you are authorized only with the rights owner’s signed letter. Without a letter, answer "No rights", or "invoices" if you bought genuine goods from the brand or its distributor.';

/** Said when the words claim an authorization but not what it rests on: the rights question decides. */
export const WHICH_NOTE =
  'You said you are authorized, but not what it rests on. A dispute can say so only with the rights owner’s signed letter; invoices for genuine goods bought from the brand or its distributor are argued as genuine goods, not as an authorization. The rights question asks which you hold.';

/** Said when the authorization the words name is the supplier's. */
export const SUPPLIER_NOTE =
  'A letter your supplier or the factory holds shows that they may sell, not that you may: a dispute can say you are authorized only with the rights owner’s signed letter to you. If you bought genuine goods from them, answer "invoices" to the rights question.';

// Words about an authorization ("we have the brand's authorization"), for an answer the rules could not read.
const RIGHTS_WORDS = /authori[sz]|licen[cs]|permission|授权|许可/;

/** Words about an authorization the rules could not pin to a letter or invoices. */
export function mentionsAuthorization(t: string): boolean {
  return RIGHTS_WORDS.test(t);
}

/**
 * What to tell the seller about an authorization the words claim but that is not taken: `dropped` when one
 * was read without a letter or invoices behind it; a verbal OK when no rights are taken from the words.
 */
export function rightsNote(t: string, taken: { rights?: string }, dropped: boolean): string | undefined {
  if (verbalOnly(t) && (dropped || (taken.rights !== 'authorized' && taken.rights !== 'own')))
    return VERBAL_NOTE;
  if (dropped) return WHICH_NOTE;
  if (taken.rights === undefined && someoneElsesAuthorization(t)) return SUPPLIER_NOTE;
  return undefined;
}
