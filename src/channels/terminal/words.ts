import type { CaseRecord } from '../../domain/model/case-record.js';

// The terminal's own words: ending the chat, answering its yes/no questions, and saying goodbye.

const clean = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');

export const isQuit = (s: string) => /^(quit|exit|q)$/.test(clean(s));
export const isYes = (s: string) => /^(y|yes|yes please|ok|confirm)$/.test(clean(s));
export const isNo = (s: string) => /^(n|no|cancel|keep it|keep it open)$/.test(clean(s));

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
