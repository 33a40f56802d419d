import type { CaseState } from './case-state.js';
import { type Details, describeFact, FACT_KEYS, type FactKey, type Facts } from './facts.js';
import { isLitigation } from './litigation.js';

// Facts that make a draft claim something for the seller: "the listing was never ours" (a not-ours dispute),
// "the product does not use their right" (a no-infringement dispute), "we are authorized" or "we own the
// right". One read from the seller's own sentence (not a button, a typed number or a typed choice) is said
// back and confirmed before any draft says it: a misreading must never reach the platform or the lawyer.

const CLAIMS: Partial<Record<FactKey, readonly string[]>> = {
  listingIsOurs: ['no'],
  usesTheirIp: ['no'],
  rights: ['own', 'authorized'],
};

export function isClaim(key: FactKey, value: string | undefined): boolean {
  return value !== undefined && (CLAIMS[key]?.includes(value) ?? false);
}

/** A fact in the words that are true of it: an authorization on invoices is genuine goods, never a letter. */
export function factWords(key: FactKey, value: string, details: Details): string {
  if (key === 'rights' && value === 'authorized') {
    if (details.rightsBasis === 'letter') return 'we hold a signed authorization letter from the owner';
    if (details.rightsBasis === 'invoices')
      return 'the goods are genuine, bought from the brand or its distributor, with invoices';
  }
  return describeFact(key, value);
}

/**
 * The case after `facts` were applied: the claims among them are to be confirmed when they came from the
 * seller's words, and count as confirmed when they came from a button (or a confirmation).
 */
export function markClaims(state: CaseState, facts: Facts, fromWords: boolean): CaseState {
  const keys = new Set(state.unconfirmed ?? []);
  for (const key of FACT_KEYS) {
    const v = facts[key];
    if (v === undefined || state.facts[key] !== v) continue;
    if (fromWords && isClaim(key, v)) keys.add(key);
    else keys.delete(key);
  }
  return withUnconfirmed(state, [...keys]);
}

/** The case with a claim confirmed. */
export function confirmClaim(state: CaseState, key: FactKey): CaseState {
  return withUnconfirmed(
    state,
    (state.unconfirmed ?? []).filter((k) => k !== key),
  );
}

function withUnconfirmed(state: CaseState, keys: FactKey[]): CaseState {
  const { unconfirmed: _old, ...rest } = state;
  const ordered = FACT_KEYS.filter((k) => keys.includes(k));
  return ordered.length > 0 ? { ...rest, unconfirmed: ordered } : rest;
}

/** The first claim still to confirm, in question order (one whose value changed since is no claim any more). */
export function claimToConfirm(state: CaseState): FactKey | undefined {
  return (state.unconfirmed ?? []).find((k) => isClaim(k, state.facts[k]));
}

/** "You said X. A dispute will say so to the platform: is that right?" */
export function claimQuestion(state: CaseState, key: FactKey): string {
  const value = state.facts[key] ?? '';
  // Owning a right goes to legal (never a dispute), and so does everything in a court case or after a letter.
  const toLawyer = isLitigation(state.facts) || (key === 'rights' && value === 'own');
  const where = toLawyer ? 'The note to your lawyer will say so' : 'A dispute will say so to the platform';
  return `You said ${factWords(key, value, state.details)}. ${where}: is that right?`;
}
