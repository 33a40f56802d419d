// One action vocabulary for every channel: a Slack button's action_id and a Teams card's Action.Submit
// `ipc` name are both spellings of these names. Channels decode their payload into an ActionName; the app
// decides what it does.

export const ACTION_NAMES = [
  'answer',
  'change',
  'restart',
  'draft',
  'draft_edit',
  'draft_save',
  'draft_sent',
  'draft_regenerate',
  'escalate',
  'legal_ack',
  'legal_info',
  'legal_resolve',
  /** A link button (a delist page, a permalink): it opens a URL; there is nothing to do. */
  'link',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** Legal's actions: they work only in the case's own legal thread, and only for legal. */
export const LEGAL_ACTION_NAMES: ReadonlySet<ActionName> = new Set([
  'legal_ack',
  'legal_info',
  'legal_resolve',
]);

export const isActionName = (s: string): s is ActionName => (ACTION_NAMES as readonly string[]).includes(s);
