import { ZH_ALLEGATION } from './extract-zh.js';

// What the other side says is not the seller's answer. "The letter says we use their mark", "your listing
// offers goods bearing the mark without authorization", "说我们用了他们的商标" report THEIR claim: read as the
// seller's own words they would turn a complaint into an admission ("uses their IP", "no rights"). These
// parts are taken out before the rules that read the seller's answers (usesTheirIp, rights) look.
// Pure: lower-cased text in, with whitespace collapsed (as extract.ts reads it), the seller's words out.

// "They say we copied their design", "a complaint claiming we…", "removed for using their logo": the
// complainant's words, up to the end of the sentence or a "but" (the seller's denial after it is theirs).
const ALLEGATION =
  /\b(they|he|she|(the |their |a |an )?(complaint|complainant|brand|notice|law ?firm|lawyers?|attorneys?|counsel|rights? ?(holder|owner)|patent owner|trademark owner|plaintiffs?|platform|letter|email|owner|report|competitor|court|amazon|aliexpress|ebay|walmart|etsy|temu|tiktok|seller support))( \w+)? (says?|said|claims?|claimed|alleges?|alleged|accuses?|accused|thinks?|argues?|insists?|states?|asserts?|threaten(?:s|ed)?|warn(?:s|ed)?)\b[^.;!?]*?(?=[.;!?]|\bbut\b|\bhowever\b|$)|\b(saying|claiming|alleging|accusing|asserting|threatening|alleges?|alleged|allegedly|accuses?|accused|according to)\b[^.;!?]*?(?=[.;!?]|\bbut\b|\bhowever\b|$)|\b(removed|flagged|reported|blocked|suspended|deactivated|complained|taken down|took (it |them )?down|warned|penali[sz]ed|complaint|notice|report|warning|takedown)\b[^.;!?]{0,20}?\b(for|over|about|because of|due to) (allegedly |supposedly |apparently )?(using|copying|having|showing|bearing|selling|infring\w*|displaying|unauthori[sz]ed)\b[^.;!?]*?(?=[.;!?]|\bbut\b|\bhowever\b|$)/g;

// A sentence in a notice's or a letter's own voice: addressed to the seller ("your listing offers goods
// bearing the mark without authorization"), or the firm speaking for its client ("we represent…",
// "our client…", "we demand…"). A seller telling their story never calls their own listing "your listing".
const NOTICE_VOICE =
  /\byour (amazon |aliexpress |ebay |walmart |etsy |temu |tiktok |shopee |online |web |e-commerce |seller )?(listings?|stores?|shops?|products?|items?|goods|asins?|accounts?|website|offers?|sales|company|business|use of)\b|\bwe (represent|act for|are counsel|write (to|on behalf)|are writing (to|on behalf))\b|\bour client('s|s)?\b|\b(on behalf of|acting for) our client\b|\bit has come to our (client'?s )?attention\b|\bwe (hereby )?demand\b|\byou are (hereby )?(required|requested|notified|directed|instructed)\b|\bunauthori[sz]ed use of (the|our|its|their)\b/;
// The same in Chinese: 贵司, 贵方, 你方, 台端 address the seller formally; a seller never says them of itself.
const ZH_NOTICE_VOICE = /贵司|贵方|贵店|你方|台端|我方当事人|我们代表/;

// Periods that do not end a sentence: "U.S. Trademark Reg. No. 6,234,567", "Acme Inc.", "e.g.".
const ABBREVIATION =
  /(^|[^a-z])(u\.s|reg|regs|no|nos|inc|co|ltd|corp|llc|e\.g|i\.e|st|mr|ms|mrs|dr|esq|vs|v|p\.c|l\.p|[a-z])$/;

/** The text cut into sentences (with their ends kept), not cut after an abbreviation's period. */
export function sentencesOf(t: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of t.matchAll(/[.;!?。；！？\n]/g)) {
    const at = m.index;
    if (m[0] === '.') {
      const next = t[at + 1] ?? ' ';
      // "6,234.5", "b0c.com": a period inside a word or a number; "Reg. No.": an abbreviation.
      if (next !== ' ' || ABBREVIATION.test(t.slice(Math.max(start, at - 6), at))) continue;
    }
    out.push(t.slice(start, at + 1));
    start = at + 1;
  }
  if (start < t.length) out.push(t.slice(start));
  return out;
}

/** The sentences written in a notice's or a letter's voice, blanked out. */
function withoutNoticeVoice(t: string): string {
  return sentencesOf(t)
    .map((s) => (NOTICE_VOICE.test(s) || ZH_NOTICE_VOICE.test(s) ? ' '.repeat(s.length) : s))
    .join('');
}

/** The seller's own words: the other side's allegations, threats and letters taken out. */
export function ownWords(t: string): string {
  return withoutNoticeVoice(t).replace(ALLEGATION, ' ').replace(ZH_ALLEGATION, ' ');
}
