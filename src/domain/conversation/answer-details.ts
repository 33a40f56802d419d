import type { Details, Facts } from '../model/facts.js';

// Details said in an answer, against the ones the case already has. An answer fills what the case does not
// know; it never silently replaces what the seller already gave. Lists grow. A statement (what was told the
// plaintiff, how the papers came…) adds to the earlier one. A value that is only part of the known one
// ("Acme" for "Acme Brands, Inc.") is less certain and dropped; a fuller one that contains it replaces it.
// Any other different value is a conflict: it is asked about, as a contradicting fact is.

type Key = keyof Details;

/** Lists that grow (mergeDetails joins them): never a conflict. */
const GROWS: readonly Key[] = [
  'otherListings',
  'legalSigns',
  'deleted',
  'sellerIds',
  'storeUrls',
  'ipNumbers',
];

/** Lists mergeDetails does not join: the case's list and the answer's, each value once, within the schema. */
const JOINED: Partial<Record<Key, number>> = { sellerIds: 50, storeUrls: 50, ipNumbers: 20 };

function joined(had: unknown, value: unknown, max: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of [...((had as string[] | undefined) ?? []), ...((value as string[] | undefined) ?? [])]) {
    const key = v.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out.slice(0, max);
}

/** The seller's statements, each kept as said: a later one is added to the earlier (within the schema's length). */
const ADDS: Partial<Record<Key, number>> = {
  toldPlaintiff: 1000,
  earlierComplaints: 500,
  service: 500,
  settlementAuthority: 300,
};

/**
 * Kept as the case has them: the first notice pasted, and the marketplace of the case's own listing (a link
 * in an answer is another listing's).
 */
const KEEPS: readonly Key[] = ['noticeText', 'marketplace'];

const norm = (v: unknown): string => JSON.stringify(v).toLowerCase().replace(/\s+/g, ' ');

export interface DetailSplit {
  /** What the case takes now. */
  take: Details;
  /** Values that differ from what the case has: shown and asked about. */
  conflicts: Details;
}

function frozenSplit(current: Details, incoming: Details): DetailSplit {
  const known = current.frozenAccounts ?? [];
  const fresh: NonNullable<Details['frozenAccounts']> = [];
  let conflict = false;
  for (const a of incoming.frozenAccounts ?? []) {
    const same = known.find((k) => k.account.toLowerCase() === a.account.toLowerCase());
    if (!same) fresh.push(a);
    else if (norm(same.amount) !== norm(a.amount)) conflict = true;
  }
  // Another amount for an account the case has: the whole list is asked about, beside the case's.
  if (conflict) {
    const others = known.filter(
      (k) =>
        !(incoming.frozenAccounts ?? []).some((a) => a.account.toLowerCase() === k.account.toLowerCase()),
    );
    return { take: {}, conflicts: { frozenAccounts: [...others, ...(incoming.frozenAccounts ?? [])] } };
  }
  return fresh.length > 0
    ? { take: { frozenAccounts: [...known, ...fresh].slice(0, 20) }, conflicts: {} }
    : { take: {}, conflicts: {} };
}

/** The one frozen amount read: the fuller of two that agree; two different ones are both kept as said. */
function frozenAmount(current: Details, incoming: Details): Details {
  const had = current.frozenAmount;
  const now = incoming.frozenAmount;
  if (now === undefined) return {};
  if (had === undefined || now.toLowerCase().includes(had.toLowerCase())) return { frozenAmount: now };
  if (had.toLowerCase().includes(now.toLowerCase())) return {};
  // Each account with its amount is kept apart (frozenAccounts); this line keeps what was said, each time.
  return { frozenAmount: `${had} / ${now}`.slice(0, 200) };
}

/**
 * The details of an answer split into what the case takes and what is asked about. `factConflicts` are the
 * answer's facts that were not taken: what an authorization rests on waits with the authorization.
 */
export function splitAnswerDetails(
  current: Details,
  incoming: Details,
  factConflicts: Facts = {},
): DetailSplit {
  const take: Record<string, unknown> = {};
  const conflicts: Record<string, unknown> = {};
  for (const key of Object.keys(incoming) as Key[]) {
    const value = incoming[key];
    const had = current[key];
    if (value === undefined || key === 'frozenAccounts' || key === 'frozenAmount') continue;
    if (key === 'rightsBasis' && factConflicts.rights !== undefined) {
      conflicts[key] = value;
      continue;
    }
    if (had === undefined || GROWS.includes(key)) {
      const max = JOINED[key];
      take[key] = max === undefined ? value : joined(had, value, max);
      continue;
    }
    if (KEEPS.includes(key) || norm(had) === norm(value)) continue;
    const max = ADDS[key];
    if (max !== undefined) {
      const before = String(had);
      const now = String(value);
      if (!before.toLowerCase().includes(now.toLowerCase())) take[key] = `${before} / ${now}`.slice(0, max);
      continue;
    }
    if (typeof had === 'string' && typeof value === 'string') {
      const h = had.toLowerCase();
      const v = value.toLowerCase();
      if (h.includes(v)) continue;
      if (v.includes(h)) {
        take[key] = value;
        continue;
      }
    }
    // A list the seller gave again (the differences), or a yes: the answer stands.
    if (key === 'differences' || key === 'delisted') {
      take[key] = value;
      continue;
    }
    conflicts[key] = value;
  }
  const frozen = frozenSplit(current, incoming);
  Object.assign(frozen.conflicts.frozenAccounts ? conflicts : take, frozenAmount(current, incoming));
  return {
    take: { ...(take as Details), ...frozen.take },
    conflicts: { ...(conflicts as Details), ...frozen.conflicts },
  };
}
