import { z } from 'zod';
import type { CaseRecord } from '../domain/model/case-record.js';
import type { ListingRef } from '../domain/reading/listing-ref.js';
import type { AppDeps } from './app-deps.js';
import { caseInTeam, listedInTeam } from './case-scope.js';

// Opening a case about a listing from a chat (`/ipcheck <listing>`, `ipcheck <listing>`): one case per
// open listing and team, one opening at a time, and an opening that stopped halfway (a crash, a failed
// post) finished by the next try instead of started again. The channel posts; what is known about the
// opening is kept here.

/** A listing being opened in a team of a channel (`slack`, `T0001`, the listing). */
export interface OpeningOf {
  channel: string;
  team: string;
  ref: ListingRef;
}

const openKey = (o: OpeningOf) => `${o.channel}:open:${o.team}:${o.ref.platform}:${o.ref.listingId}`;

/**
 * Held longer than the slowest opening (a channel's posts retry for up to a minute or so), so a second try
 * cannot take over an opening that is still running; a process that died leaves it for this long at most.
 */
const OPEN_LEASE_MS = 2 * 60_000;

/**
 * Runs `work` as the only opening of this listing in the team: two people opening the same listing at once
 * (or on two instances) get one case. False, without running it, when another opening of it is running.
 */
export async function whileOpening(app: AppDeps, o: OpeningOf, work: () => Promise<void>): Promise<boolean> {
  const key = openKey(o);
  if (!(await app.claims.claim(key, OPEN_LEASE_MS))) return false;
  try {
    await work();
  } finally {
    await app.claims.release(key);
  }
  return true;
}

/**
 * Which open case of a listing a team links to rather than opening a second one: a case the team lists as
 * its own (Slack: only a case that began in this workspace), or any case the team may reach by id
 * (Teams: its own, and those opened outside any team, in the terminal or the CLI).
 */
export type ListingReach = 'listed' | 'reachable';

/** The open case about `ref` that `team` (`slack:T0001`, `teams:<tenant>`) links to, if there is one. */
export async function openCaseOfListing(
  app: AppDeps,
  ref: ListingRef,
  team: string,
  reach: ListingReach,
): Promise<CaseRecord | undefined> {
  const found = await app.cases.openByListing(ref.platform, ref.listingId);
  if (!found) return undefined;
  const ours =
    reach === 'listed'
      ? listedInTeam({ conversation: found.conversations[0] }, team)
      : caseInTeam(found, team);
  return ours ? found : undefined;
}

/**
 * What is known of an opening while it runs, written down as each step is done, so the next try finishes
 * it. Checked when read back, and ignored (the opening starts afresh) when it does not fit.
 */
const Opening = z.object({
  /** Where the case message is (a Slack channel). */
  channel: z.string().min(1),
  /** The case message, once its post succeeded. */
  ts: z.string().min(1).optional(),
  /** The first turn's replies are in the case's conversation. */
  posted: z.boolean().optional(),
  /** The seller's words to the first try, applied by whichever try saves the case. */
  text: z.string().max(200_000).optional(),
});
export type Opening = z.infer<typeof Opening>;

/** Kept for a week: a retry comes within minutes, but a person may run the command again days later. */
const OPENING_KEEP_MS = 7 * 24 * 3600_000;
/** The opening's id, the same for every try: its record's key, and a mark a channel may put on its posts. */
export const openingId = (o: OpeningOf) =>
  `${o.channel}:opening:${o.team}:${o.ref.platform}:${o.ref.listingId}`;

/** The opening of this listing an earlier try left, if any (a damaged one is warned about and ignored). */
export async function readOpening(app: AppDeps, o: OpeningOf): Promise<Opening | undefined> {
  const key = openingId(o);
  const raw = await app.records.get<unknown>(key);
  if (raw === undefined) return undefined;
  const r = Opening.safeParse(raw);
  if (r.success) return r.data;
  app.warn(`the opening record ${key} is damaged; opening afresh`);
  return undefined;
}

/** Writes down how far the opening got. */
export async function saveOpening(app: AppDeps, o: OpeningOf, opening: Opening): Promise<void> {
  await app.records.set(openingId(o), opening, OPENING_KEEP_MS);
}

/** The opening is done (or certainly never happened): nothing is left for the next try to finish. */
export async function dropOpening(app: AppDeps, o: OpeningOf): Promise<void> {
  await app.records.delete(openingId(o));
}
