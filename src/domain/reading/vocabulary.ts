// The words every channel reads the same way: yes and no, the conversation's commands, restarting, and
// listing the cases. One home, so Slack, Teams and the terminal never drift apart on what "yes" means.

/** A command as typed: trimmed, lower case, without a closing "." or "!". */
export function commandWords(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
}

// ---------- yes and no ----------

/** Yes to "Update the case with this?" (new facts that contradict the case's answers). */
export const CONFIRM_YES = /^(1|y|yes|yes, update the case|update|是|是的|好|好的|确认|更新)$/;
export const CONFIRM_NO = /^(2|n|no|no, keep it as it is|keep|否|不|不用|不要|保持)$/;

/** Yes to "You said X. A dispute will say so to the platform: is that right?" (claims.ts). */
export const CLAIM_YES =
  /^(1|y|yes|yeah|yep|yup|correct|right|true|that's right|that is right|yes, that is right|是|是的|对|对的|没错|正确|确认)$/;
export const CLAIM_NO = /^(2|n|no|nope|wrong|not right|incorrect|no, ask me again|否|不|不是|不对|错|错了)$/;
/** "yes, we never listed it", "no, it is ours": a yes or no, and more words. */
export const CLAIM_LEAD =
  /^(yes|yeah|yep|correct|right|that's right|是的|是|对的|对|没错|no|nope|wrong|not right|不是|不对|否|不)[\s,，.。!！:：;；]+(.+)$/;
/** The yes among CLAIM_LEAD's leading words. */
export const CLAIM_LEAD_YES = /^(yes|yeah|yep|correct|right|that's right|是的|是|对的|对|没错)$/;

/**
 * Words that only say yes or no (read-answer.ts). Before more words about something else they may belong
 * to those words ("no, haven't talked to them" at "Is the listing yours?"), not to the question.
 */
export const BARE_YES_NO: ReadonlySet<string> = new Set([
  'yes',
  'yeah',
  'yep',
  'yup',
  'sure',
  'ok',
  'okay',
  'correct',
  'right',
  'no',
  'nope',
  'nah',
  'not',
  'never',
  'none',
  'nothing',
  '是',
  '是的',
  '对',
  '对的',
  '有',
  '否',
  '不',
  '不是',
  '没有',
  '没',
  '无',
]);

/** Yes to a channel's own yes/no question ("Close case IPC-0042?"). */
export const isYes = (text: string) => /^(y|yes|yes please|ok|confirm)$/.test(commandWords(text));
export const isNo = (text: string) => /^(n|no|cancel|keep it|keep it open)$/.test(commandWords(text));

/** The word after "close [IPC-0042]" that confirms it at once. */
export const CLOSE_CONFIRMED = /^(yes|y|confirm|confirmed)$/;

// ---------- the conversation's commands ----------

export const BACK_COMMANDS: ReadonlySet<string> = new Set(['back', 'undo']);
export const RESTART_COMMANDS: ReadonlySet<string> = new Set(['restart', 'start over', 'reset']);
export const HELP_COMMAND_WORDS: ReadonlySet<string> = new Set(['help', '?']);
export const SKIP_COMMANDS: ReadonlySet<string> = new Set(['skip']);
/** "change": the menu of answered questions. */
export const CHANGE_COMMANDS: ReadonlySet<string> = new Set(['change', 'change answer', 'change an answer']);
/**
 * "background": the sourced facts behind the decision again (background.ts). They come in full with a case's
 * first outcome only, so a repeat outcome reads in one screen; these words bring them back.
 */
export const BACKGROUND_COMMANDS: ReadonlySet<string> = new Set([
  'background',
  'show background',
  'background facts',
  'good to know',
  'sources',
  'why',
  'why?',
  '背景',
  '依据',
]);
/** Every command word the step reads (never the seller's own words about the case). */
export const COMMANDS: ReadonlySet<string> = new Set([
  ...BACK_COMMANDS,
  ...RESTART_COMMANDS,
  ...HELP_COMMAND_WORDS,
  ...SKIP_COMMANDS,
  ...BACKGROUND_COMMANDS,
]);

/** "restart", "start over", "reset" (any case, a closing "." or "!"). */
export const isRestartCommand = (text: string) => RESTART_COMMANDS.has(commandWords(text));

/** "list" or "cases" alone: the open cases, outside any one case's conversation. */
export const isCaseListCommand = (text: string) => /^(list|cases)$/i.test(text);
