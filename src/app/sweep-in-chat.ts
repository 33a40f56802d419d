import { sweepMustPreserve } from '../domain/model/litigation.js';
import type { AppDeps } from './app-deps.js';

// The store sweep in a chat: which conversations take a listing export, and what a sweep there knows of
// the case behind it. The channel downloads the file, runs the sweep and shows the findings.

/** A thread `/ipcheck sweep` opened waits this long for its file. */
const SWEEP_THREAD_MS = 24 * 3600_000;

/** `slack:T1:C1:1.2` → `slack:sweep-thread:T1:C1:1.2`: the record that the thread asked for a sweep. */
function sweepThreadKey(conversation: string): string {
  const at = conversation.indexOf(':');
  return `${conversation.slice(0, at)}:sweep-thread:${conversation.slice(at + 1)}`;
}

/** Remembers that a thread was opened to take a listing export (by whom), for a day. */
export async function rememberSweepThread(app: AppDeps, conversation: string, by: string): Promise<void> {
  await app.records.set(sweepThreadKey(conversation), { by }, SWEEP_THREAD_MS);
}

/**
 * Whether a file shared in a channel's thread is for the sweep: the thread is a case's, or one that asked
 * for a sweep. Never any file in any thread: a channel shares many files that are nobody's listing export.
 */
export async function takesSweepFiles(app: AppDeps, conversation: string): Promise<boolean> {
  if (await app.cases.byConversation(conversation)) return true;
  return Boolean(await app.records.get(sweepThreadKey(conversation)));
}

/** What a sweep in a conversation knows of its case: the brand, whether to keep everything, the case id. */
export interface SweepCase {
  brand: string | undefined;
  /** A case that must keep everything (a court case, a letter): the sweep advises "take offline, keep". */
  preserve: boolean;
  /** Names the findings file. */
  caseId: string | undefined;
}

/** The case behind a sweep in `conversation`, if one is open there (a sweep without one advises freely). */
export async function sweepCaseOf(app: AppDeps, conversation: string): Promise<SweepCase> {
  const rec = await app.cases.byConversation(conversation);
  return { brand: rec?.state.details.brand, preserve: sweepMustPreserve(rec?.state), caseId: rec?.id };
}
