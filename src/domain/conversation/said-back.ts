import type { CaseState } from '../model/case-state.js';
import { factWords } from '../model/claims.js';
import { FACT_KEYS, FACT_NAMES, type FactKey, VALUE_LABELS } from '../model/facts.js';
import { detailItems } from './describe-details.js';
import type { Reply } from './replies.js';
import { infoText } from './step-result.js';

// What the step says back about what it read: the seller sees every fact taken from their words.

export function understood(
  before: CaseState,
  after: CaseState,
): Extract<Reply, { kind: 'understood' }> | undefined {
  const items: string[] = [];
  for (const key of FACT_KEYS) {
    const v = after.facts[key];
    if (v === undefined || before.facts[key] === v || key === 'platform') continue;
    if (key === 'listingId') {
      const platform = after.facts.platform ? VALUE_LABELS.platform[after.facts.platform] : '';
      items.push(`${platform} listing ${v}`.trim());
    } else {
      items.push(factWords(key, v, after.details));
    }
  }
  items.push(...detailItems(before.details, after.details));
  if (items.length === 0) return undefined;
  return { kind: 'understood', items, hint: 'Say "back" to change the last one, or "change" to pick any.' };
}

/** Said when the message could be read two ways: the fact is asked (or kept), never guessed. */
export function disputedNote(disputed: FactKey[], state: CaseState): Reply[] {
  const open = disputed.filter((k) => state.facts[k] === undefined);
  if (open.length === 0) return [];
  const names = open.map((k) => FACT_NAMES[k]).join(', ');
  return [infoText(`Your words could be read two ways for: ${names}. I did not guess; it is asked below.`)];
}
