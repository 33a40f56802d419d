import type { Details, Facts } from '../model/facts.js';
import { type CitationRef, cite, type KnowledgeBase } from '../model/knowledge-base.js';
import { signsWith } from '../model/litigation.js';
import { type Condition, holds } from './conditions.js';
import { GUIDANCE_QUOTES as Q } from './route-quotes.js';

// Questions sellers ask once they know what to do, answered from the guidance with its words. Matched
// on the seller's text; the answer depends on the case (deleting a listing is right after a platform
// complaint and wrong in a court case), and is shown only with the sentences that support it.

export interface FollowUpAnswer {
  /** The first answer whose condition holds is given; the last one has none. */
  when?: Condition;
  answer: string;
  citations: CitationRef[];
}

export interface FollowUp {
  id: string;
  patterns: RegExp[];
  answers: FollowUpAnswer[];
}

const LITIGATION: Condition = { is: { notice: ['court_or_tro', 'rights_holder_letter'] } };
const COURT: Condition = { is: { notice: ['court_or_tro'] } };
const LETTER: Condition = { is: { notice: ['rights_holder_letter'] } };
/** A lawyer may be involved, or the notice is not known yet: nothing is deleted (litigation.ts mustPreserve). */
const PRESERVE: Condition = { preserve: true };

const g = (section: string, quote: string): CitationRef => ({ ref: `guidance#${section}`, quote });
const KEEP_EVIDENCE: CitationRef = {
  ref: 'facts#us.keep-evidence',
  quote: 'deleting the listing or its records while the case runs can hurt the defence',
};
const PRESERVE_ON_LETTER: CitationRef = {
  ref: 'facts#us.preserve-on-letter',
  quote: 'a demand or cease-and-desist letter from a rights holder or its lawyers usually starts it',
};
const DELETE_NOTHING =
  'No. Delete nothing: not the listing, its photos, orders, sales records, messages or the stock. In a court case, or once a letter from their side has arrived, they are evidence, and deleting them can cost you the case even if you would otherwise win. Take the product off sale instead, and ask the lawyer before deleting anything.';
// A lawyer, a demand or a court was mentioned, or what arrived is not known yet: the same rule until legal
// says no lawsuit is in sight.
const DELETE_NOTHING_YET =
  'Not yet. Take the product off sale, but delete nothing (the listing, its photos, orders, sales records, messages or the stock) until legal has seen the case: a lawyer, a demand or a court may be involved, or what you received is not confirmed as a platform complaint, and once a lawsuit can be expected they are evidence.';

const RECORDS =
  /\b(sales|order|orders|transaction|payment|payout|customer|buyer|chat)s? ?(records?|history|data|reports?|messages?)?\b|\brecords?\b|\binvoices?\b|\bmessages?\b|\bemails?\b|\bevidence\b|\bdata\b|\bscreenshots?\b/;

export const FOLLOW_UPS: readonly FollowUp[] = [
  {
    id: 'delete_records',
    patterns: [
      new RegExp(
        String.raw`\b(delet|remov|eras|wip|clear|destroy|shred|purg|get(?:ting)? rid of|throw(?:ing)? away|clean(?:ing)? up)\w*\b.{0,40}(${RECORDS.source})`,
      ),
      /(删除|删掉|清除|清空|销毁).{0,10}(记录|订单|数据|报表|聊天|消息|照片|图片|证据|发票)/,
      // 把聊天记录删了: the object before the verb.
      /(记录|订单|数据|报表|聊天|消息|照片|图片|证据|发票).{0,6}(删|清空|清除|销毁)/,
    ],
    answers: [
      { when: LITIGATION, answer: DELETE_NOTHING, citations: [KEEP_EVIDENCE, PRESERVE_ON_LETTER] },
      { when: PRESERVE, answer: DELETE_NOTHING_YET, citations: [PRESERVE_ON_LETTER] },
      {
        answer:
          'No. Keep your sales records, orders, invoices and messages: they are your proof in a dispute, and a lawyer needs them if a letter or a court case follows. Only a listing that really infringes is deleted, never its records.',
        citations: [PRESERVE_ON_LETTER],
      },
    ],
  },
  {
    id: 'offline_or_delete',
    patterns: [
      /\b(offline|take (it )?down|hide it|deactivate|close (it|the listing))\b.*\b(delete|enough|ok|fine)\b|\b(delete|remove)\b.*\b(offline|or just)\b/,
      /\b(delete|remove|erase) (it|them|the (listing|product|item|asin)s?|this (listing|product|item|asin)|everything|all)\b/,
      /(删除|删掉)(这个|该|全部|所有)?(链接|产品|商品|listing)?|下架还是删除|删除还是下架/,
    ],
    answers: [
      { when: LITIGATION, answer: DELETE_NOTHING, citations: [KEEP_EVIDENCE, g('1.1', Q.takeOff)] },
      { when: PRESERVE, answer: DELETE_NOTHING_YET, citations: [PRESERVE_ON_LETTER, g('1.1', Q.takeOff)] },
      {
        when: { is: { usesTheirIp: ['unsure'] } },
        answer:
          'Take it offline, not delete, while legal decides: legal may clear it. If legal says it infringes, delete it then.',
        citations: [g('1.1', Q.takeOff)],
      },
      {
        when: { is: { platform: ['amazon'] } },
        answer:
          'Delete a listing that really infringes ("Delete product and listing"), and keep its sales records: "Close listing" only hides it, and the same ASIN can be reported again. Close it instead only while legal decides whether it infringes.',
        citations: [g('1.2', Q.reportsAgain)],
      },
      {
        answer:
          'Delete a listing that really infringes, and keep its sales records. An offline listing stays in your product library, and AliExpress is reported to still check offline listings; take a listing offline only while legal decides whether it infringes.',
        citations: [
          { ref: 'facts#ae.offline-still-checked', quote: 'deleting the listing is the safer clean-up' },
        ],
      },
    ],
  },
  {
    id: 'ignore',
    patterns: [
      /\b(ignore|disregard|do nothing|leave it|wait it out|just wait|pretend)\b|\b(not|never|don'?t) (reply|respond|answer|react)\b/,
      /不理|不管|忽略|无视|不回复|不回应|不处理/,
    ],
    answers: [
      {
        when: COURT,
        answer:
          'No. Never ignore a court case: a seller who does not appear loses by default, with a permanent injunction, damages and the frozen money paid to the plaintiff. Get a US lawyer today: the answer is due 21 days after the papers were served, often just an email.',
        citations: [
          g('1.3', Q.troLawyer),
          {
            ref: 'facts#us.default-judgment',
            quote: 'A seller who never appears in the case loses by default',
          },
        ],
      },
      {
        when: LETTER,
        answer:
          'No. Do not answer it yourself, but do not ignore it either: send it to legal today. Letters like this are often followed by a lawsuit, and a lawyer’s answer can head it off. Meanwhile keep everything and take the product off sale.',
        citations: [g('1.3', Q.noDirectEmail), PRESERVE_ON_LETTER],
      },
      {
        answer:
          'No. An unanswered complaint stands and counts against the store: the complainant reports again, and repeated complaints freeze or close the store. Do what the outcome above says (delist or dispute) today.',
        citations: [g('1.2', Q.reportsAgain), g('3.2', Q.frozen)],
      },
    ],
  },
  {
    // "Is this a scam?" about a payment link or a "court" email: fake ones exist; the docket tells.
    id: 'scam',
    patterns: [
      /\b(scam\w*|fraud\w*|phishing|spoof\w*)\b|\bfake (court|email|e-mail|lawyer|attorney|law ?firm|letter|notice|link|tro|summons|case|payment|demand)s?\b/,
      /\b(is|are|was|were) (this|that|the|these|those|it)( [\w'-]+){0,4} (link|email|e-mail|court|letter|notice|lawyer|attorney|law ?firm|tro|case|summons|payment request|demand)s?( [\w'-]+){0,4} (real|legit|legitimate|genuine)\b/,
      /\b(link|email|e-mail|court|letter|notice|lawyer|attorney|law ?firm|tro|case|summons|demand)s?\b[^.?!]{0,30}\b(be|is|are|was|looks?|seems?) (a )?(fake|scam|fraud|real|legit|genuine)\b/,
      /骗局|诈骗|骗子|是真的吗|是不是真的|钓鱼/,
    ],
    answers: [
      {
        answer:
          'It may be: fake “court” and “law firm” emails that ask for payment exist, and real courts do not email people asking for payment. Pay nothing and click no link in it. Look up the case number on the court’s public docket (PACER), or have legal do it, and compare the sender with the platform’s own notice. Until legal says otherwise, keep the email with its headers and delete nothing.',
        citations: [
          {
            ref: 'facts#us.verify-case',
            quote: "Look up the case number on the court's public docket (PACER)",
          },
          { ref: 'facts#us.verify-case', quote: 'real courts do not email people asking for payment' },
        ],
      },
    ],
  },
  {
    id: 'pay',
    patterns: [
      /\b(pay|paying|send (them |the )?money|wire|transfer (the |this )?(money|amount|fee)|settle|settlement)\b/,
      /付款|付钱|支付|打款|转账|赔偿|赔钱|和解/,
    ],
    answers: [
      {
        when: COURT,
        answer:
          'Not yourself, and never through a link in an email. Plaintiff firms do email settlement demands, but paying them does not end the case on its own, and fake ones exist: a US lawyer checks the case on the docket and negotiates any settlement, in a signed agreement followed by a dismissal.',
        citations: [
          g('1.3', Q.compensation),
          {
            ref: 'facts#us.verify-case',
            quote: "Look up the case number on the court's public docket (PACER)",
          },
        ],
      },
      {
        answer:
          'Not yourself, and never through a link in an email. The guidance warns that handling it yourself may cost a lot in compensation and sales share: send it to legal, who checks who is asking and answers for you.',
        citations: [
          g('1.3', Q.compensation),
          { ref: 'facts#us.verify-case', quote: 'real courts do not email people asking for payment' },
        ],
      },
    ],
  },
  {
    id: 'relist',
    patterns: [
      /\b(re-?list|list (it|them|this|the product) again|upload (it|them) again|(a )?new listing|another listing)\b/,
      /\bmove (the |our )?(stock|inventory|goods) (to )?(another|a different|a new) warehouse\b/,
      /重新上架|再上架|换个?仓库|新链接|重新发布/,
    ],
    answers: [
      {
        when: LITIGATION,
        answer:
          'No. Do not put the same product up again anywhere, under any listing or from any warehouse: while the case runs, a TRO usually forbids selling the accused product at all, and a new listing is more evidence against you. The lawyer says if and when it may be sold again.',
        citations: [g('1.1', Q.noRelist), KEEP_EVIDENCE],
      },
      {
        answer:
          'No. Do not put the same product up again under a new listing, even after moving it to another warehouse: the rights holder reports it again, and the store takes the next strike.',
        citations: [g('1.1', Q.noRelist)],
      },
    ],
  },
  {
    // "Can I reply myself and say sorry?": an apology or an explanation from the seller is an admission.
    id: 'apologise',
    patterns: [
      /\b(apologi[sz]e|say sorry|admit|confess|explain (it )?(to them|ourselves|myself)|reply (to them )?(myself|ourselves)|answer (it |them )?(myself|ourselves))\b/,
      /道歉|认错|承认|自己回复|自己回信/,
    ],
    answers: [
      {
        when: { is: { notice: ['platform_complaint'] } },
        answer:
          'Do not apologise or admit anything in writing. To the platform, send only the calm, factual dispute below (or, on Amazon, a neutral plan of action after legal reads it); anything more can be used against you if a letter or a lawsuit follows.',
        citations: [g('2.2', Q.calm)],
      },
      {
        answer:
          'No. Do not reply, apologise or explain anything yourself: an apology reads as an admission, and the firm uses what you write. Send it to legal; a US lawyer answers for you.',
        citations: [g('1.3', Q.noDirectEmail), g('1.3', Q.compensation)],
      },
    ],
  },
  {
    id: 'contact_firm',
    patterns: [
      /\b(email|e-mail|write to|contact|call|reply to|answer|negotiate with) (the |their |that )?(plaintiff'?s? )?(law ?firm|lawyers?|attorneys?|plaintiff)\b/,
      /(给|跟|和|联系).{0,6}(律师|律所|原告|权利人|品牌方).{0,6}(发邮件|回复|回信|联系|沟通|谈)/,
    ],
    answers: [
      {
        answer:
          'Not yourself. Law firms rarely answer sellers, and handling it unprofessionally can cost more. A US lawyer who knows TRO cases contacts them for you; send the case to legal.',
        citations: [g('1.3', Q.noDirectEmail), g('1.3', Q.noReply)],
      },
    ],
  },
  {
    id: 'other_listings',
    patterns: [/\b(other|similar|more) (listings|products|items)\b|\b(rest of|whole) (the |our )?store\b/],
    answers: [
      {
        when: LITIGATION,
        answer:
          'Yes, check them now: start with the complainant’s brand, then similar designs and photos you did not shoot, offline listings included. While the case runs, take what infringes off sale but delete nothing, and give legal the list.',
        citations: [g('3.1', Q.lookCarefully), KEEP_EVIDENCE],
      },
      {
        when: PRESERVE,
        answer:
          'Yes, check them now: start with the complainant’s brand, then similar designs and photos you did not shoot, offline listings included. Until legal has seen the case, take what infringes off sale but delete nothing, and give legal the list.',
        citations: [g('3.1', Q.lookCarefully), PRESERVE_ON_LETTER],
      },
      {
        answer:
          'Yes, check them now: start with the complainant’s brand, then similar designs and photos you did not shoot, offline listings included.',
        citations: [g('3.1', Q.lookCarefully)],
      },
    ],
  },
];

export interface FollowUpMatch {
  id: string;
  answer: string;
  citations: CitationRef[];
}

const QUESTION =
  /\?|？|\b(can|should|do|may|must|shall|could) (i|we)\b|\bis it (ok|fine|enough)\b|\b(is|are) (this|that|it|they) (a )?(scam|fake|fraud|real|legit)\b|吗|可以|可不可以|能不能|能否|是否|要不要|需不需要|该不该|应该|怎么办/;
// Said as a plan, not a question ("our boss wants us to delete the sales records"): answered all the same,
// because in a court case it is the one thing that must not happen.
const INTENT =
  /\b(want|wants|plan|plans|planning|going|gonna|will|'ll|need|needs|would like|about) (us )?to (delete|remove|erase|wipe|clear|destroy|get rid of|ignore|pay|relist|apologi[sz]e)\b|\b(is|are|am|'s|'re|'m) (now )?(deleting|removing|erasing|wiping|clearing|destroying|shredding|purging)\b|(要|准备|打算|想|计划|让|明天|正在|老板说)[^，。！？,.!?]{0,12}(删|清空|清除|销毁|不理|付款|赔偿|重新上架|道歉)/;

/** Whether the words ask something ("can we…?", "要不要…"), rather than only tell. */
export function isQuestionText(text: string): boolean {
  return QUESTION.test(` ${text.toLowerCase().replace(/[’`]/g, "'")} `);
}

/** The follow-up a seller's words ask about, if any, answered for this case. */
export function matchFollowUp(
  text: string,
  facts: Facts,
  details: Pick<Details, 'legalSigns'>,
): FollowUpMatch | undefined {
  const t = ` ${text.toLowerCase().replace(/[’`]/g, "'")} `;
  if (!QUESTION.test(t) && !INTENT.test(t)) return undefined;
  const f = FOLLOW_UPS.find((x) => x.patterns.some((p) => p.test(t)));
  // A lawyer mentioned in the question itself ("can I delete it? their lawyer emailed me") counts at once.
  const signs = signsWith(details, text);
  const a = f?.answers.find((x) => !x.when || holds(x.when, facts, signs));
  return f && a ? { id: f.id, answer: a.answer, citations: a.citations } : undefined;
}

/** Every citation the follow-ups make, so startup can prove each quote is in the knowledge base. */
export function checkFollowUpCitations(kb: KnowledgeBase): void {
  for (const f of FOLLOW_UPS) for (const a of f.answers) for (const c of a.citations) cite(kb, c);
}
