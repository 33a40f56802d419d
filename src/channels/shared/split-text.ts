// Length limits every chat channel has (Slack sections, Teams cards): cut or split text without losing it.

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Splits text into pieces of at most `max` characters, at paragraph, then line, then word boundaries. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 3) cut = window.lastIndexOf('\n');
    if (cut < max / 3) cut = window.lastIndexOf(' ');
    if (cut < max / 3) {
      cut = max;
      // A hard cut never splits an escaped entity (&amp; &lt; &gt;): that would show as junk on both sides.
      const amp = window.lastIndexOf('&');
      if (amp > max - 5 && !window.slice(amp).includes(';')) cut = amp;
    }
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0) out.push(rest);
  return out;
}
