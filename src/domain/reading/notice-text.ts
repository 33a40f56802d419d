// Telling a pasted notice from the seller's own message, and keeping long text under a limit visibly.

/** The schema limit of `details.noticeText`. */
export const NOTICE_TEXT_MAX = 20_000;

// Words in the voice of a notice, an email or court papers, which a seller telling their story does not use
// ("we received a notice of infringement" is the seller's; "Notice of …" opening a line is the notice's).
const NOTICE_MARKERS =
  /\bdear (seller|sir|madam|customer|partner|merchant)\b|^\s*notice of\b|\bcomplaint id\s*[:：]|\bunited states district court\b|\bcase no\.|\bpursuant to\b|\byour (listing|product|item|account)s? (has|have) been\b|\bv\. the partnerships\b|\bplaintiffs?,?\s*\n|尊敬的(卖家|商家|用户)|投诉编号\s*[:：]/im;

/**
 * A pasted notice: written like one ("Dear Seller", "Notice of", a court caption, a complaint id) and 100+
 * characters long, or 300+ characters over several lines (pasted from an email or a PDF). A Chinese
 * character counts twice: Chinese says as much in half the characters.
 */
export function looksLikeNotice(text: string): boolean {
  const s = text.trim();
  const size = s.length + (s.match(/[\u3400-\u9fff]/g)?.length ?? 0);
  if (size < 100) return false;
  if (NOTICE_MARKERS.test(s)) return true;
  const lines = s.split('\n').filter((l) => l.trim() !== '').length;
  return size >= 300 && lines >= 3;
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
