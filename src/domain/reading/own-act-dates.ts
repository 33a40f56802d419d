// "We replied to the law firm's email on Nov 20": a date in a clause that tells what the seller did about
// the notice (replied, contacted them, appealed, paid, signed) dates that act, not the day the notice arrived.
// Taking it would count deadlines from the wrong day. Such clauses are blanked (same length, so positions
// hold) before the notice date is looked for; the question is asked instead.

const OWN_ACT =
  /\b(we|i)((?: have| had| already| then| also| just| finally| immediately)){0,2} (replied|responded|answered|wrote back|written back|contacted|emailed|e-mailed|messaged|called|phoned|appealed|disputed|submitted|paid|signed|settled|sent (a |an |our |them |the |him |her |back )?(reply|response|appeal|counter-?notice|dispute|email|e-mail|message|letter|payment))\b[^.;!?\n]*/gi;
// Chinese puts the date between the subject and the verb: "我们11月20日回复了律所".
const ZH_OWN_ACT =
  /(我们|我方|我司|我)[^，。；！？,;!?\n]{0,16}?(回复|答复|回覆|回应|联系了|申诉|发了?邮件|写信|付款|付了|签了|签署)[^，。；！？,;!?\n]*/g;

// The platform removing a listing is how its notice arrives: "AliExpress removed 3 of our items today" dates
// the notice, unlike "we removed it yesterday" (the seller's act). Said so, for the notice date only.
const PLATFORM_ACT =
  /\b(amazon|aliexpress|ebay|walmart|etsy|temu|tiktok|shopee|lazada|the platform|vero)( just| also)? (removed|took down|deactivated|blocked|suppressed|delisted|disabled)\b/gi;

/** The text with a platform's removal said as the notice it is (lengths change: for the notice date only). */
export function platformActsAsNotice(text: string): string {
  return text.replace(PLATFORM_ACT, (_m, who: string) => `${who} notified`);
}

/** The text with the seller's own acts blanked, so their dates are not read as the notice's. */
export function withoutOwnActs(text: string): string {
  return text.replace(OWN_ACT, (m) => ' '.repeat(m.length)).replace(ZH_OWN_ACT, (m) => ' '.repeat(m.length));
}
