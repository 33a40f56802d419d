import { isValidIsoDate } from '../model/dates.js';
import { FACT_KEYS, type FactKey, type Facts } from '../model/facts.js';
import type { LlmFactsOut } from '../model/llm-contract.js';

// The model's reading of a message, made safe to merge: only values the contract allows, a listing id only
// when the message contains it word for word, a notice date only when it is a real day not in the future.
// Merged with the rule-based reading, a fact the two read differently is left unknown, so the question
// that asks it comes (asked, not guessed).

const LISTING_ID = /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/;

/** The model's facts, minus nulls and anything the message itself does not support. */
export function sanitizeLlmFacts(out: LlmFactsOut, text: string, today: string): Facts {
  const facts: Record<string, string> = {};
  for (const key of FACT_KEYS) {
    const v = out[key];
    if (v === null || v === undefined || v === '') continue;
    facts[key] = v;
  }
  const id = facts.listingId;
  if (id !== undefined && (!LISTING_ID.test(id) || !text.includes(id))) delete facts.listingId;
  // A platform with no listing is still a platform; a listing id without one is not usable.
  if (facts.listingId !== undefined && facts.platform === undefined) delete facts.listingId;
  const d = facts.noticeDate;
  if (d !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !isValidIsoDate(d) || d > today))
    delete facts.noticeDate;
  return facts as Facts;
}

// Values that argue the seller's defence (and lead towards a dispute): a model alone never sets them, since
// words in a pasted notice or a listing title could talk it into them. The rules must read them too, or the
// question is asked.
const DEFENCE: Partial<Record<FactKey, readonly string[]>> = {
  listingIsOurs: ['no'],
  usesTheirIp: ['no'],
  rights: ['own', 'authorized'],
  complainantContact: ['no_reply'],
};

// A court or letter reading by the rules is the safe side: a model reading something milder does not undo it.
const STRICTER_NOTICE = new Set(['court_or_tro', 'rights_holder_letter']);

export interface MergedFacts {
  facts: Facts;
  /** Keys the rules and the model read differently: not set, so they are asked. */
  disputed: FactKey[];
}

/**
 * Rule-based facts with the model's added. The rules' listing (read from a link) is kept as read; any other
 * fact both read, differently, is dropped and reported.
 */
export function mergeFacts(rule: Facts, llm: Facts | undefined): MergedFacts {
  if (!llm) return { facts: rule, disputed: [] };
  const out: Record<string, string> = { ...rule };
  const disputed: FactKey[] = [];
  // The model's listing belongs to its platform: when the rules read another platform, neither is taken.
  const samePlatform = !llm.platform || !rule.platform || llm.platform === rule.platform;
  for (const key of FACT_KEYS) {
    const m = llm[key];
    if (m === undefined) continue;
    const r = rule[key];
    if (r === undefined && DEFENCE[key]?.includes(m)) continue;
    if (key === 'notice' && r !== undefined && STRICTER_NOTICE.has(r) && m === 'platform_complaint') continue;
    // A milder notice read by the model alone is not taken: a law firm's email it calls a platform complaint
    // would lead to "delete the listing". The notice question is asked instead. A court or letter reading
    // may be taken: it only makes the advice more careful.
    if (key === 'notice' && r === undefined && !STRICTER_NOTICE.has(m)) continue;
    if (r === undefined) {
      // A listing id only comes with its platform, and never over the rules' own listing.
      if ((key === 'listingId' || key === 'platform') && (rule.listingId !== undefined || !samePlatform))
        continue;
      out[key] = m;
    } else if (r !== m) {
      if (key === 'listingId' || key === 'platform') continue;
      delete out[key];
      disputed.push(key);
    }
  }
  return { facts: out as Facts, disputed };
}
