// Telling a pasted notice from the seller's own message, and keeping long text under a limit visibly.

/** The schema limit of `details.noticeText`. */
export const NOTICE_TEXT_MAX = 20_000;

// Words a notice, an email or court papers carry, and a seller describing their case does not.
const NOTICE_MARKERS =
  /\bdear (seller|sir|madam|customer|partner|merchant)\b|\bnotice of\b|\bcomplaint id\b|\bunited states district court\b|\bcase no\.|\bpursuant to\b|\bwe have received\b|\byour (listing|product|item|account)s? (has|have) been\b|\bv\. the partnerships\b|\bcease and desist\b|尊敬的(卖家|商家|用户)|投诉编号|侵权通知|律师函/i;

/**
 * A pasted notice: long enough to be one (200+ characters) and either several lines (pasted from an email
 * or a PDF) or written like a notice ("Dear Seller", "Notice of", a court caption, a complaint id).
 */
export function looksLikeNotice(text: string): boolean {
  const s = text.trim();
  if (s.length < 200) return false;
  const lines = s.split('\n').filter((l) => l.trim() !== '').length;
  return lines >= 3 || NOTICE_MARKERS.test(s);
}

/** Text cut to at most `max` characters, ending with a marker that says how much was cut. */
export function clip(text: string, max: number, note = ''): string {
  if (text.length <= max) return text;
  // The marker's own length depends on the count; reserve enough for any count.
  const room = max - 40 - note.length;
  const cut = text.length - room;
  return `${text.slice(0, room)}\n[… cut: ${cut} more characters${note}]`;
}

/** The notice as pasted, for `details.noticeText`, when the text looks like one. */
export function noticeTextOf(text: string): string | undefined {
  return looksLikeNotice(text) ? clip(text.trim(), NOTICE_TEXT_MAX) : undefined;
}
