import type { SavedDraft } from '../model/case-record.js';
import { isCaseId } from '../model/case-record.js';
import { CLOSE_CONFIRMED } from '../reading/vocabulary.js';

// Case-level commands any channel's text can carry, handled by the turn before the conversation step.

export type DraftKind = SavedDraft['kind'];

export type CaseCommand =
  | { cmd: 'status'; caseId?: string }
  | { cmd: 'cases' }
  | { cmd: 'open'; caseId: string }
  | { cmd: 'new' }
  | { cmd: 'export'; caseId?: string }
  /** Closing asks first; "close IPC-0042 yes" (or a channel's yes to that question) confirms. */
  | { cmd: 'close'; caseId?: string; confirmed: boolean }
  /** Shows a draft again; with no kind, the case's one draft, or the list when it has several. */
  | { cmd: 'draft'; caseId?: string; kind?: DraftKind; unknown?: string };

/** The words a seller may use for each draft, e.g. "draft note", "draft the dispute reply". */
const DRAFT_WORDS: [RegExp, DraftKind][] = [
  [/^(dispute|appeal|counter-?notice)$/, 'dispute_reply'],
  [/^(note|lawyer|legal|escalation|lawyer-escalation)$/, 'lawyer_escalation'],
  [/^(retraction|withdrawal)$/, 'retraction_request'],
  [/^(plan|poa|plan-of-action)$/, 'plan_of_action'],
];
// Filler around a draft's name ("show the dispute reply draft", "draft for the lawyer").
const FILLER = /^(the|a|an|my|our|for|to|of|draft|drafts|reply|request|letter|email|please|again|action)$/;

function parseDraft(words: string[]): CaseCommand | undefined {
  // Long text that starts with "draft" is a sentence for the conversation, not this command.
  if (words.length > 5) return undefined;
  const ids = words.filter(isCaseId).map((w) => w.toUpperCase());
  if (ids.length > 1) return undefined;
  const rest = words.filter((w) => !isCaseId(w));
  const caseId = ids[0] ? { caseId: ids[0] } : {};
  const kinds = new Set<DraftKind>();
  for (const w of rest) {
    for (const [re, kind] of DRAFT_WORDS) if (re.test(w)) kinds.add(kind);
  }
  // "reply" alone names the dispute reply; next to another name it is filler ("retraction reply").
  if (kinds.size === 0 && rest.includes('reply')) kinds.add('dispute_reply');
  const [kind] = kinds;
  if (kinds.size === 1 && kind) return { cmd: 'draft', ...caseId, kind };
  const unknown = kinds.size > 1 ? rest : rest.filter((w) => !FILLER.test(w));
  return unknown.length > 0
    ? { cmd: 'draft', ...caseId, unknown: unknown.join(' ') }
    : { cmd: 'draft', ...caseId };
}

function parseClose(words: string[]): CaseCommand | undefined {
  let rest = words;
  if (rest[0] === 'case' || rest[0] === 'it') rest = rest.slice(1);
  const caseId = rest[0] && isCaseId(rest[0]) ? rest[0].toUpperCase() : undefined;
  if (caseId) rest = rest.slice(1);
  const confirmed = rest.length === 1 && CLOSE_CONFIRMED.test(rest[0] ?? '');
  if (rest.length > 0 && !confirmed) return undefined;
  return { cmd: 'close', ...(caseId ? { caseId } : {}), confirmed };
}

export function parseCaseCommand(text: string): CaseCommand | undefined {
  const t = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');
  const words = t.toLowerCase().split(' ');
  if (words[0] === 'draft' || words[0] === 'drafts') return parseDraft(words.slice(1));
  if (words[0] === 'close') return parseClose(words.slice(1));
  const m = /^(status|cases|list|open|new case|new|export)(?: (\S+))?$/i.exec(t);
  if (!m?.[1]) return undefined;
  const word = m[1].toLowerCase();
  const arg = m[2]?.toUpperCase();
  if (arg !== undefined && !isCaseId(arg)) return undefined;
  switch (word) {
    case 'status':
      return arg ? { cmd: 'status', caseId: arg } : { cmd: 'status' };
    case 'cases':
    case 'list':
      return arg ? undefined : { cmd: 'cases' };
    case 'open':
      return arg ? { cmd: 'open', caseId: arg } : undefined;
    case 'export':
      return arg ? { cmd: 'export', caseId: arg } : { cmd: 'export' };
    default:
      return arg ? undefined : { cmd: 'new' };
  }
}
