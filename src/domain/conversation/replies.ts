import type { RouteId } from '../decision/route-rules.js';
import type { AuditEntry } from '../model/case-record.js';
import type { OpenCaseSummary } from '../model/case-summary.js';
import type { Citation } from '../model/knowledge-base.js';
import type { Outcome } from './outcome.js';

export interface ReplyChoice {
  value: string;
  label: string;
}

/**
 * A piece of a sentence: plain words, a person (each channel names people its own way: Slack mentions
 * them, Teams and the terminal write the name), or words a person wrote (shown as written, never as markup).
 */
export type Part = string | { person: string } | { quote: string };

/** A sentence with people or written words in it, as one string, with each channel's way of naming people. */
export function partsText(
  parts: readonly Part[],
  person: (id: string) => string = (id) => id,
  quote: (text: string) => string = (t) => t,
): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : 'person' in p ? person(p.person) : quote(p.quote)))
    .join('');
}

/** What the core says, as data. Each channel renders these its own way, always with a text fallback. */
export type Reply =
  | { kind: 'notice'; text: string }
  /** A sentence that may name people or quote what they wrote (legal's news, a draft marked sent). */
  | { kind: 'say'; parts: Part[]; tone?: 'info' | 'error' }
  /** `urgent`: act today (court papers, a letter); not an error, but said loudly. */
  | { kind: 'text'; text: string; tone: 'info' | 'error' | 'urgent' }
  | { kind: 'understood'; items: string[]; hint: string }
  | {
      kind: 'question';
      /** What its buttons send back: a question's id, or the id of one of the conversation's own prompts. */
      questionId: string;
      seq: number;
      /**
       * Set for the conversation's own prompts (not one of the case's questions): which answer to change,
       * whether to update the case, whether a claim read from the seller's words is right.
       */
      prompt?: 'change' | 'confirm' | 'claim';
      text: string;
      help?: string;
      choices: ReplyChoice[];
      freeTextHint?: string;
      canSkip: boolean;
      canGoBack: boolean;
    }
  | {
      kind: 'outcome';
      outcome: Outcome;
      /**
       * The background facts (refs of routes[].supporting) this case has already shown in full: left out,
       * with a line saying how to see them again ("background"). Absent: every one is shown.
       */
      backgroundShown?: string[];
    }
  | { kind: 'help'; text: string; commands: { command: string; what: string }[] }
  | {
      kind: 'status';
      caseId: string;
      open: boolean;
      stage: 'new' | 'open' | 'decided';
      facts: string[];
      routes: string[];
      audit: AuditEntry[];
    }
  | { kind: 'cases'; cases: OpenCaseSummary[] }
  /** An answer to a follow-up question, with the guidance behind it. */
  | { kind: 'faq'; text: string; citations: Citation[] };

/** Work for the conversation turn to do after the step (the core itself does no I/O). */
export type Effect =
  | { type: 'outcome_ready'; routes: RouteId[] }
  | { type: 'case_reset' }
  /** The channel writes or uploads the case file (Markdown and JSON). */
  | { type: 'export'; caseId: string }
  /** A button from an older question (or a double click): nothing changed; channels may answer privately. */
  | { type: 'stale' }
  /**
   * The replies asked a yes/no question outside the case's questions (e.g. "Close case IPC-0042?"). A
   * channel that keeps the conversation's state sends `yes` as the next text when the person agrees,
   * and says `no` when they decline.
   */
  | { type: 'confirm'; yes: string; no: string };

export const DISCLAIMER =
  'ipcheck helps you decide and drafts for you; it is not legal advice, and it never sends anything: a person sends every draft.';

export const HELP_COMMANDS = [
  { command: '1, 2, 3… or the words of a choice', what: 'answer the question' },
  { command: 'back', what: 'change your last answer' },
  { command: 'change', what: 'pick any answer to change' },
  { command: 'skip', what: 'skip a question that allows it (listing, date, differences)' },
  { command: 'restart', what: 'start this case over' },
  { command: 'new', what: 'open a new case (this one stays saved)' },
  { command: 'status [IPC-0042]', what: 'this case (or another) with its audit trail' },
  { command: 'cases', what: 'list the open cases' },
  { command: 'open IPC-0042', what: 'continue another case here' },
  { command: 'export [IPC-0042]', what: 'write the case as Markdown and JSON for the lawyer’s file' },
  { command: 'draft [dispute | note | retraction]', what: 'show a draft of this case again' },
  {
    command: 'background',
    what: 'the sourced facts behind the decision (shown in full on the first outcome only)',
  },
  { command: 'close [IPC-0042]', what: 'close a case that needs nothing more (asks first)' },
  { command: 'help', what: 'show this help' },
];

export const HELP_TEXT =
  'Tell me what happened in your own words (for example "got a trademark complaint on 1005006123456789, their logo is on the product") and I will ask only what I still need, then tell you whether to delist, dispute or escalate to a lawyer, with the guidance behind it, the deadlines, and a draft to send.';
