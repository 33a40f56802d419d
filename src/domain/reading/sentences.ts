// Sentences of a seller's message or a pasted notice, for the readings that keep or read one sentence at a time.

// A sentence ends at a full stop before a capital, not after an abbreviation ("No. 8", "Co. Ltd").
// "Ltd." and "Inc." end a name, and often the sentence too ("…Co., Ltd. This is…"): a stop after them ends it.
const ABBREV_END = /\b(?:co|no|nos|mr|mrs|ms|dr|st|vs|v|u\.s|e\.g|i\.e|approx|dkt)\.$/i;

/** The sentences of a text, each trimmed, with whitespace collapsed. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n|[。！？!?；;]/)) {
    let start = 0;
    for (const m of line.matchAll(/\.\s+(?=[A-Z0-9"“(])/g)) {
      const head = line.slice(start, m.index + 1);
      if (ABBREV_END.test(head.trimEnd())) continue;
      out.push(head);
      start = m.index + m[0].length;
    }
    out.push(line.slice(start));
  }
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
}
