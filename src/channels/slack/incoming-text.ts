// What a person typed, from the text Slack delivers. Slack sends message and slash-command text in its
// own markup: `&`, `<` and `>` arrive as `&amp;` `&lt;` `&gt;`, links as `<https://…|label>`, mentions as
// `<@U…>`. The core must parse what was typed ("A&B", a URL whose query has `&productId=`), and the
// renderer escapes exactly once on the way out; left encoded, a brand "A&B" was stored as "A&amp;B" and
// shown as "A&amp;amp;B".
//
// Modal inputs (plain_text_input values) are delivered as typed, unencoded: they do not come through here.

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Slack's `<…>` markup as plain text: a link its address, a channel or group its name, a mention @id. */
function unwrap(inner: string): string {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!everyone>, <!subteam^S…|@team>, <!date^…|fallback>
    if (label) return label;
    return `@${target.slice(1).split('^')[0]}`;
  }
  if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
  // A link: its address (the listing parser needs it; the label may be shortened by Slack).
  return target;
}

/**
 * Slack text → plain text. Markup is unwrapped first and entities decoded last, in one pass, so a
 * literal `&lt;` the person typed (sent as `&amp;lt;`) stays `&lt;` and never becomes markup.
 */
export function fromSlackText(s: string): string {
  return s
    .replace(/<([^<>]*)>/g, (_m, inner: string) => unwrap(inner))
    .replace(/&(amp|lt|gt);/g, (e) => {
      return ENTITIES[e] ?? e;
    });
}
