import type { CaseState } from './case-state.js';

// The outside world as the core sees it: small interfaces, each with a fake or simple implementation.

export interface Clock {
  now(): Date;
}

export interface CaseStore {
  /** The case kept under a conversation key (a terminal session, a Slack thread, a Teams conversation). */
  get(key: string): Promise<CaseState | undefined>;
  set(key: string, state: CaseState): Promise<void>;
}
