import type { CaseRecord } from '../../domain/model/case-record.js';
import { commandWords } from '../../domain/reading/vocabulary.js';

// The terminal's own words: ending the chat and saying goodbye (its yes and no are every channel's).

export const isQuit = (s: string) => /^(quit|exit|q)$/.test(commandWords(s));
// Yes and no are every channel's words (domain/reading/vocabulary.ts), not the terminal's own.
export { isNo, isYes } from '../../domain/reading/vocabulary.js';

export const QUIT_HELP = { command: 'quit (or exit, q, Ctrl-D)', what: 'end the chat; the case stays saved' };

/** What to say when the chat ends: where the case is kept, and how to come back to it. */
export function goodbye(store: string, rec: CaseRecord | undefined): string {
  const nothingSent = 'Nothing was sent anywhere.';
  if (store === 'memory://')
    return `Bye. Cases were kept in memory only (IPCHECK_STORE_URL=memory://) and are gone now. ${nothingSent}`;
  if (!rec) return `Bye. No case was opened. ${nothingSent}`;
  const where = `Case ${rec.id} is saved (${store})`;
  if (rec.status === 'closed') return `Bye. ${where} and closed. ${nothingSent}`;
  if (rec.state.status === 'decided')
    return `Bye. ${where}: run npm start again and say "open ${rec.id}" to go back to it, or describe a new complaint. ${nothingSent}`;
  return `Bye. ${where}: run npm start again to continue where you stopped. ${nothingSent}`;
}
