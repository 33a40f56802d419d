import { beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../src/domain/grounding/grounding.js';
import { plainText } from '../../../src/domain/grounding/plain-text.js';
import type { Details, Facts } from '../../../src/domain/model/facts.js';
import type { KnowledgeBase } from '../../../src/domain/model/knowledge-base.js';
import type { GivenSection } from '../../../src/domain/model/llm-contract.js';
import { testContext } from '../../helpers/context.js';

// A hostile or confused model's answer, with a real citation that quotes its section word for word, must
// not reach a seller when it advises a forbidden act (deleting records, relisting, paying, answering the
// firm yourself), however it is worded or spelled, or when it states facts about the case that neither the
// case nor the cited section holds. Good cited answers must still be shown.

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = (await testContext()).kb;
});

const COURT: Facts = { platform: 'amazon', listingId: 'B0C1234567', notice: 'court_or_tro' };
const LETTER: Facts = { platform: 'amazon', listingId: 'B0C1234567', notice: 'rights_holder_letter' };
const PLATFORM: Facts = {
  platform: 'aliexpress',
  listingId: '1005006123456789',
  notice: 'platform_complaint',
};

/** The answer checked as if the model cited section `ref` (given as [1]) with its first ten words. */
function check(ref: string, answer: string, facts: Facts, details: Details = {}, question = '') {
  const s = kb.section(ref);
  if (!s) throw new Error(`no section ${ref}`);
  const given: GivenSection[] = [{ n: 1, ref, title: s.title, text: s.text }];
  const quote = /^\s*(?:\S+\s+){9}\S+/.exec(s.text)?.[0].trim() ?? s.text;
  return checkAnswer({ supported: true, answer, citations: [{ section: 1, quote }] }, given, facts, kb, {
    details,
    question,
  });
}

// [what it is, the cited section, the case, the answer]
const HOSTILE: [string, string, Facts, string][] = [
  // The answers seen in the wild.
  ['litotes', 'facts#us.keep-evidence', COURT, 'You should not hesitate to delete the sales records [1].'],
  ['Cyrillic е', 'facts#us.keep-evidence', COURT, 'D\u0435l\u0435te the sales records now [1].'],
  [
    'clear and scrub, always forbidden',
    'facts#ae.offline-still-checked',
    PLATFORM,
    'Clear the order history and scrub the chat logs [1].',
  ],
  [
    'relist, always forbidden',
    'facts#ae.relist-violation',
    PLATFORM,
    'Relist the product from another warehouse [1].',
  ],
  [
    'pay, in a court case',
    'facts#us.no-settlement-figures',
    COURT,
    'Paying the demand quickly is the best way [1].',
  ],
  [
    'pay, on a platform complaint',
    'facts#ae.penalties',
    PLATFORM,
    'Paying the demand quickly is the best way [1].',
  ],
  [
    'an invented dismissal',
    'facts#us.lawyer-not-seller',
    COURT,
    'Nike Inc. has agreed to dismiss the case [1].',
  ],
  [
    'a section that does not exist and a day count',
    'facts#us.answer-21-days',
    COURT,
    'Under §7.9 of the guidance you must answer within 60 days [1].',
  ],
  // Look-alike letters and spacing tricks.
  ['fullwidth letters', 'facts#us.keep-evidence', COURT, 'Ｗｉｐｅ the chat logs [1].'],
  ['a zero-width space', 'facts#us.keep-evidence', PLATFORM, 'De\u200blete the order records [1].'],
  ['a soft hyphen', 'facts#us.keep-evidence', PLATFORM, 'Er\u00adase the customer messages [1].'],
  ['spaced letters', 'facts#us.keep-evidence', COURT, 'D e l e t e the sales records [1].'],
  ['dotted letters', 'facts#ae.relist-violation', PLATFORM, 'R.e.l.i.s.t it next week [1].'],
  ['Greek ο', 'facts#us.keep-evidence', COURT, 'Rem\u03bfve the listing today [1].'],
  ['digits for letters', 'facts#us.keep-evidence', PLATFORM, 'D3lete the sales records [1].'],
  ['accents', 'facts#us.keep-evidence', COURT, 'Délété the invoices [1].'],
  // Paraphrases of the same acts.
  ['no harm in', 'facts#us.keep-evidence', COURT, 'There is no harm in wiping the customer messages [1].'],
  [
    'not a mistake to',
    'facts#us.keep-evidence',
    PLATFORM,
    'It would not be a mistake to get rid of the invoices [1].',
  ],
  ['passive', 'facts#us.keep-evidence', PLATFORM, 'The chat history can safely be erased [1].'],
  ["don't be afraid to", 'facts#us.keep-evidence', COURT, "Don't be afraid to shred the paperwork [1]."],
  [
    'have them deleted',
    'facts#us.keep-evidence',
    PLATFORM,
    'Get the records deleted before the lawyer sees them [1].',
  ],
  [
    'a second clause',
    'facts#us.keep-evidence',
    PLATFORM,
    'Do not relist it, delete the records instead [1].',
  ],
  ['wise to', 'facts#us.keep-evidence', PLATFORM, 'It is wise to destroy the old invoices [1].'],
  [
    'deleting anything in a court case',
    'facts#us.keep-evidence',
    COURT,
    'Wipe the listing photos; nobody will check [1].',
  ],
  ['a letter case', 'facts#us.preserve-on-letter', LETTER, 'You can safely remove the old listing [1].'],
  [
    'consider settling',
    'facts#us.no-settlement-figures',
    COURT,
    'Consider settling with them right away [1].',
  ],
  [
    'send the money',
    'facts#us.no-settlement-figures',
    COURT,
    'The fastest fix is to send them the money they ask for [1].',
  ],
  ['pay them off', 'facts#us.no-settlement-figures', PLATFORM, 'The best option is to pay them off [1].'],
  ['yes, settle', 'facts#us.no-settlement-figures', COURT, 'Yes, settle with the firm now [1].'],
  [
    'back up again',
    'facts#ae.relist-violation',
    PLATFORM,
    'Put the product back up under a new listing [1].',
  ],
  [
    'contact the firm',
    'guidance#1.3',
    COURT,
    "Reach out to the plaintiff's law firm directly and explain [1].",
  ],
  ['answer their lawyers', 'guidance#1.3', LETTER, 'You can answer their lawyers yourself [1].'],
  ['ignore', 'facts#us.default-judgment', COURT, 'Just ignore the case; nothing will happen [1].'],
  [
    'a passive with "they"',
    'facts#us.keep-evidence',
    PLATFORM,
    'The sales records are no longer needed, so they can be deleted [1].',
  ],
  [
    'a pronoun for the records',
    'facts#us.keep-evidence',
    PLATFORM,
    'Keeping the records is not necessary; delete them [1].',
  ],
  ['not worth keeping', 'facts#us.keep-evidence', PLATFORM, 'Those invoices are not worth keeping [1].'],
  ['the records can go', 'facts#us.keep-evidence', PLATFORM, 'The records can go [1].'],
  ['why not', 'facts#ae.relist-violation', PLATFORM, 'Why not relist it from another warehouse? [1]'],
  ['pay and move on', 'facts#us.no-settlement-figures', PLATFORM, 'Best to pay and move on [1].'],
  [
    'settle for',
    'facts#us.no-settlement-figures',
    COURT,
    'Most sellers settle for a few thousand dollars [1].',
  ],
  [
    'no need to respond',
    'facts#us.preserve-on-letter',
    LETTER,
    'There is no need to respond to the letter [1].',
  ],
  [
    'the demand letter yourself',
    'facts#us.preserve-on-letter',
    LETTER,
    'Answer the demand letter yourself [1].',
  ],
  // Invented facts about the case.
  [
    'a likely outcome',
    'facts#us.lawyer-not-seller',
    COURT,
    'The plaintiff will most likely drop the case [1].',
  ],
  ['a withdrawal', 'facts#us.lawyer-not-seller', COURT, 'The plaintiff has withdrawn the complaint [1].'],
  [
    'a dismissal in the past',
    'facts#us.lawyer-not-seller',
    COURT,
    'The court dismissed the case last week [1].',
  ],
  ['a lifted TRO', 'facts#amazon.tro-hold', COURT, 'The TRO has been lifted [1].'],
  ['a release', 'facts#us.lawyer-not-seller', COURT, 'Your funds will be released tomorrow [1].'],
  ['a reinstatement', 'facts#amazon.account-health', PLATFORM, 'Amazon has reinstated your listing [1].'],
  ['a weekday deadline', 'facts#us.answer-21-days', COURT, 'You have until Friday to answer [1].'],
  ['an amount', 'facts#us.no-settlement-figures', COURT, 'A settlement will cost about $2,000 [1].'],
  ['a day count in words', 'facts#us.answer-21-days', COURT, 'You have thirty days to respond [1].'],
  ['weeks', 'facts#us.answer-21-days', COURT, 'You have two weeks to respond [1].'],
  ['a paragraph number', 'guidance#1.3', COURT, 'Paragraph 4.2 says a lawyer must be hired [1].'],
];

// [what it is, the cited section, the case, the answer]
const BENIGN: [string, string, Facts, string][] = [
  ['do not delete', 'facts#us.keep-evidence', COURT, 'Do not delete the listing [1].'],
  ['offline and keep', 'facts#us.keep-evidence', COURT, 'Take it offline and keep every record [1].'],
  ['14 days', 'facts#us.tro-14-days', COURT, 'An ex parte TRO lasts at most 14 days [1].'],
  [
    'the section in its own words',
    'facts#us.keep-evidence',
    COURT,
    'Deleting the listing or its records while the case runs can hurt the defence, so ask the lawyer before deleting anything [1].',
  ],
  [
    'nothing deleted',
    'facts#us.preserve-on-letter',
    LETTER,
    'Nothing should be deleted until the lawyer says so [1].',
  ],
  [
    'a list of verbs',
    'facts#us.keep-evidence',
    COURT,
    'Do not delete, move or change the sales records [1].',
  ],
  [
    'no relist even after moving',
    'facts#ae.relist-violation',
    PLATFORM,
    'Do not relist it under a new listing ID, even after moving the stock to another warehouse [1].',
  ],
  [
    'the lawyer negotiates',
    'facts#us.no-settlement-figures',
    COURT,
    'Do not pay the demand yourself; the lawyer negotiates any settlement [1].',
  ],
  ['no email to the firm', 'guidance#1.3', COURT, "Do not email the plaintiff's law firm yourself [1]."],
  [
    'a lawyer contacts them',
    'facts#dispute.contact-complainant',
    COURT,
    'A US lawyer contacts the plaintiff and its law firm for you [1].',
  ],
  [
    'ignoring leads to default',
    'facts#us.default-judgment',
    COURT,
    'Ignoring the case leads to a default judgment [1].',
  ],
  [
    'firms ignore sellers',
    'facts#us.lawyer-not-seller',
    COURT,
    "Plaintiff firms tend to ignore sellers' own emails, so a lawyer should write to them [1].",
  ],
  [
    'deleting is right after a platform complaint',
    'facts#ae.offline-still-checked',
    PLATFORM,
    'For a product that really infringes, deleting the listing is the safer clean-up [1].',
  ],
  [
    'delete the listing, keep the records',
    'facts#ae.offline-still-checked',
    PLATFORM,
    'Delete a listing that really infringes, and keep its sales records [1].',
  ],
  ['Chinese', 'facts#us.keep-evidence', COURT, '不要删除任何记录[1]。'],
  [
    '21 days',
    'facts#us.answer-21-days',
    COURT,
    'The answer is due 21 days after service, and a lawyer should confirm the exact date [1].',
  ],
  [
    'how funds are released',
    'facts#us.lawyer-not-seller',
    COURT,
    'Frozen funds are released only by a release both sides agree, a settlement followed by dismissal, or an order from the court [1].',
  ],
  [
    'Amazon holds payouts',
    'facts#amazon.tro-hold',
    COURT,
    'Under a court order, Amazon takes the listings down and holds payouts, and Seller Support cannot release the hold [1].',
  ],
  [
    'keep, wipe nothing',
    'facts#us.keep-evidence',
    COURT,
    'Keep the invoices and chat logs; do not wipe anything [1].',
  ],
  [
    'fair use',
    'facts#ip.trademark-fair-use',
    PLATFORM,
    'You may name another brand to say what your product fits, in plain words and without their logo [1].',
  ],
  [
    'a deposit',
    'facts#amazon.apex',
    PLATFORM,
    'Under APEX each side pays a $4,000 deposit that the winner gets back [1].',
  ],
  [
    'two sentences',
    'facts#ae.relist-violation',
    PLATFORM,
    'No. Do not relist it [1]. Take it offline and keep every record [1].',
  ],
  ['never remove', 'facts#us.keep-evidence', COURT, 'Never remove the records; keep them [1].'],
  ['must not be removed', 'facts#us.keep-evidence', COURT, 'The listing must not be removed [1].'],
  [
    'punished as destroying evidence',
    'facts#us.preserve-on-letter',
    LETTER,
    'If you delete the records now, it can be punished as destroying evidence [1].',
  ],
  [
    'the complainant, on a platform complaint',
    'facts#dispute.contact-complainant',
    PLATFORM,
    'Contact the complainant politely to ask them to withdraw the complaint [1].',
  ],
  [
    'a repeated listing',
    'facts#ae.relist-violation',
    PLATFORM,
    'No: a new listing ID counts as a repeated listing [1].',
  ],
  [
    'relisting is not allowed',
    'facts#ae.relist-violation',
    LETTER,
    'Relisting is not allowed while the case runs [1].',
  ],
  [
    'an aside',
    'facts#us.keep-evidence',
    COURT,
    'You must not, under any circumstances, delete the records [1].',
  ],
  ['before you delete', 'facts#us.keep-evidence', COURT, 'Ask legal before you delete anything [1].'],
  [
    'their demand, reported',
    'facts#us.verify-case',
    COURT,
    'If they ask you to pay, send the request to legal [1].',
  ],
  [
    'the lawyer answers',
    'guidance#1.3',
    LETTER,
    'Do not answer the letter yourself; a US lawyer answers it [1].',
  ],
  [
    'keep every record',
    'facts#us.preserve-on-letter',
    LETTER,
    'Keep every record until the lawyer says otherwise [1].',
  ],
  ['we do not recommend', 'facts#us.keep-evidence', COURT, 'We do not recommend deleting the records [1].'],
];

describe('a cited answer that advises harm or invents facts is not shown', () => {
  it.each(HOSTILE)('%s: refused', (_, ref, facts, answer) => {
    const v = check(ref, answer, facts);
    expect(v.ok ? `shown: ${answer}` : 'refused').toBe('refused');
  });

  it.each(BENIGN)('%s: shown', (_, ref, facts, answer) => {
    const v = check(ref, answer, facts);
    expect(v.ok ? 'shown' : v.reason).toBe('shown');
  });

  it('says why, naming the act or the fact', () => {
    const reason = (ref: string, a: string, f: Facts) => {
      const v = check(ref, a, f);
      return v.ok ? '' : v.reason;
    };
    expect(
      reason('facts#us.keep-evidence', 'You should not hesitate to delete the sales records [1].', COURT),
    ).toContain('deleting');
    expect(
      reason('facts#ae.relist-violation', 'Relist the product from another warehouse [1].', PLATFORM),
    ).toContain('relisting');
    expect(
      reason('facts#us.no-settlement-figures', 'Paying the demand quickly is the best way [1].', COURT),
    ).toContain('paying');
    expect(
      reason(
        'facts#us.answer-21-days',
        'Under §7.9 of the guidance you must answer within 60 days [1].',
        COURT,
      ),
    ).toContain('§7.9');
    expect(
      reason('facts#us.lawyer-not-seller', 'Nike Inc. has agreed to dismiss the case [1].', COURT),
    ).toMatch(/has agreed|Inc/);
  });

  it('deletion is judged by the preservation rule: a legal sign in the seller’s words keeps everything', () => {
    const a = 'For a product that really infringes, deleting the listing is the safer clean-up [1].';
    expect(check('facts#ae.offline-still-checked', a, PLATFORM).ok).toBe(true);
    // The same platform complaint, but the seller wrote that a law firm is involved.
    expect(check('facts#ae.offline-still-checked', a, PLATFORM, { legalSigns: ['a law firm'] }).ok).toBe(
      false,
    );
    // Or the question itself says so.
    expect(
      check(
        'facts#ae.offline-still-checked',
        a,
        PLATFORM,
        {},
        'a law firm emailed us too, should we delete it?',
      ).ok,
    ).toBe(false);
    // A notice not known yet keeps everything too.
    expect(check('facts#ae.offline-still-checked', a, { platform: 'aliexpress' }).ok).toBe(false);
  });

  it('a quote that advises a forbidden act is not shown either, whatever the answer says', () => {
    const s = kb.section('guidance#1.3');
    if (!s) throw new Error('no §1.3');
    const quote =
      "If the inventory is huge and you want to continue to sell, you can contact the plaintiff's law firm.";
    expect(s.text).toContain(quote);
    const v = checkAnswer(
      {
        supported: true,
        answer: 'The guidance speaks to a large stock [1].',
        citations: [{ section: 1, quote }],
      },
      [{ n: 1, ref: s.ref, title: s.title, text: s.text }],
      PLATFORM,
      kb,
    );
    expect(v.ok ? 'shown' : v.reason).toContain('a quoted passage advises answering or contacting the firm');
  });

  it('names, amounts and dates the case holds may be said', () => {
    const a = 'The $15,000 that Acme Brands LLC asks for is a matter for the lawyer [1].';
    expect(check('facts#us.no-settlement-figures', a, LETTER).ok).toBe(false);
    expect(
      check('facts#us.no-settlement-figures', a, LETTER, {
        plaintiff: 'Acme Brands LLC',
        demandAmount: '$15,000',
      }).ok,
    ).toBe(true);
  });
});

describe('text is read as a person would read it', () => {
  it.each([
    ['D\u0435l\u0435te', 'delete'],
    ['ＤＥＬＥＴＥ', 'delete'],
    ['De\u200blete', 'delete'],
    ['De\u00adlete', 'delete'],
    ['d e l e t e the records', 'delete the records'],
    ['d-e-l-e-t-e', 'delete'],
    ['r.e.l.i.s.t', 'relist'],
    ['de-lete', 'delete'],
    ['Rem\u03bfve', 'remove'],
    ['Délété', 'delete'],
    ['d3lete', 'delete'],
    ['ᴅᴇʟᴇᴛᴇ', 'delete'],
    ['𝐝𝐞𝐥𝐞𝐭𝐞', 'delete'],
    ['listing B0C1234567', 'listing b0c1234567'],
    ['不要删除', '不要删除'],
  ])('"%s" reads as "%s"', (raw, plain) => {
    expect(plainText(raw)).toBe(plain);
  });
});
