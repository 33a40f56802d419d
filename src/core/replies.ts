import type { Outcome } from './outcome.js';
import type { RouteId } from './route-rules.js';

export interface ReplyChoice {
  value: string;
  label: string;
}

/** What the core says, as data. Each channel renders these its own way, always with a text fallback. */
export type Reply =
  | { kind: 'notice'; text: string }
  | { kind: 'text'; text: string; tone: 'info' | 'error' }
  | { kind: 'understood'; items: string[]; hint: string }
  | {
      kind: 'question';
      questionId: string;
      seq: number;
      text: string;
      help?: string;
      choices: ReplyChoice[];
      freeTextHint?: string;
      canSkip: boolean;
      canGoBack: boolean;
    }
  | { kind: 'outcome'; outcome: Outcome }
  | { kind: 'help'; text: string; commands: { command: string; what: string }[] };

/** Work for the conversation turn to do after the step (the core itself does no I/O). */
export type Effect = { type: 'outcome_ready'; routes: RouteId[] } | { type: 'case_reset' };

export const DISCLAIMER =
  'ipcheck helps you decide and drafts for you; it is not legal advice, and it never sends anything: a person sends every draft.';

export const HELP_COMMANDS = [
  { command: '1, 2, 3… or the words of a choice', what: 'answer the question' },
  { command: 'back', what: 'change your last answer' },
  { command: 'change', what: 'pick any answer to change' },
  { command: 'skip', what: 'skip a question that allows it (listing, date, differences)' },
  { command: 'restart', what: 'start this case over' },
  { command: 'help', what: 'show this help' },
];

export const HELP_TEXT =
  'Tell me what happened in your own words (for example "got a trademark complaint on 1005006123456789, their logo is on the product") and I will ask only what I still need, then tell you whether to delist, dispute or escalate to a lawyer, with the guidance behind it, the deadlines, and a draft to send.';
