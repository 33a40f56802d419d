import type { CatalogLookup } from '../model/catalog-lookup.js';
import type { Reply } from './replies.js';

// What the team's listing catalog says about the reported listing, shown where the seller decides: on the
// "is it yours?" question (the catalog's answer is marked as a suggestion, never set for them) and in the
// outcome's notes (the watched marks in the listing's own title, for the risk check).

const day = (iso: string) => iso.slice(0, 10);

function questionHint(
  listingId: string,
  found: CatalogLookup,
): { hint: string; suggest: 'yes' | 'no' } | undefined {
  if (found.status === 'present') {
    const marks = found.marks.length > 0 ? `; its title carries ${found.marks.join(', ')}` : '';
    return { hint: `In your catalog: ${listingId} is "${found.title}"${marks}.`, suggest: 'yes' };
  }
  // A partial catalog (too large to keep whole) cannot say an id is not the team's.
  if (found.status === 'absent' && !found.partial)
    return {
      hint: `${listingId} is not among the ${found.count.toLocaleString('en-US')} listings of your catalog (loaded ${day(found.loadedAt)}): it looks like it was never in your store. Confirm if that is so.`,
      suggest: 'no',
    };
  return undefined;
}

function outcomeNote(
  listingId: string,
  found: CatalogLookup,
  saidOurs: string | undefined,
): string | undefined {
  if (found.status === 'present')
    return found.marks.length > 0
      ? `Your catalog has ${listingId} as "${found.title}": its title carries ${found.marks.join(', ')} (watched marks). Remove them from every listing that is not genuine or authorized.`
      : `Your catalog has ${listingId} as "${found.title}": its title carries none of the watched marks (the logo or design can still infringe).`;
  if (found.status === 'absent' && !found.partial && saidOurs !== 'no')
    return `${listingId} is not in your catalog (${found.count.toLocaleString('en-US')} listings, loaded ${day(found.loadedAt)}). If it was never yours, change the answer to "Is the reported listing really yours?": that is a dispute, not a delisting.`;
  return undefined;
}

/** The replies with what the catalog says added: a suggestion on the question, a note on the outcome. */
export function withCatalog(replies: readonly Reply[], listingId: string, found: CatalogLookup): Reply[] {
  return replies.map((r) => {
    if (r.kind === 'question' && r.questionId === 'listingIsOurs') {
      const q = questionHint(listingId, found);
      if (!q) return r;
      return {
        ...r,
        help: r.help ? `${r.help}\n${q.hint}` : q.hint,
        choices: r.choices.map((c) =>
          c.value === q.suggest
            ? {
                ...c,
                label: `${c.label} (${q.suggest === 'no' ? 'not in your catalog' : 'in your catalog'})`,
              }
            : c,
        ),
      };
    }
    if (r.kind === 'outcome') {
      const note = outcomeNote(listingId, found, r.outcome.facts.listingIsOurs);
      if (!note) return r;
      return { ...r, outcome: { ...r.outcome, notes: [...r.outcome.notes, note] } };
    }
    return r;
  });
}

/** Whether the replies have something the catalog adds to (so the lookup is not done for nothing). */
export function wantsCatalog(replies: readonly Reply[]): boolean {
  return replies.some(
    (r) => (r.kind === 'question' && r.questionId === 'listingIsOurs') || r.kind === 'outcome',
  );
}
