import type { CaseRecord } from './case-record.js';

// Expected failures are a closed set of codes; user-facing words for them live in one place.

export type ErrorCode =
  | 'store_unavailable'
  | 'store_busy'
  | 'case_conflict'
  | 'case_not_found'
  | 'case_unreadable'
  | 'duplicate_delivery';

export class IpcheckError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Another change landed first; carries the case as it stands now so the user can be shown it. */
export class CaseConflictError extends IpcheckError {
  constructor(readonly current: CaseRecord) {
    super('case_conflict', `case ${current.id} changed (now version ${current.version})`);
  }
}

export const USER_TEXT: Record<ErrorCode, string> = {
  store_unavailable:
    'I cannot reach the case store right now, so nothing was changed. Nothing already saved is lost; try again in a moment.',
  store_busy: 'This case is being updated by someone else right now. Try again in a moment.',
  case_conflict: 'This case just changed. Here is where it stands now.',
  case_not_found: 'I cannot find that case. Case ids look like IPC-0042; say "cases" to list open ones.',
  case_unreadable:
    'That case was saved in a form this version cannot read. Nothing was changed; tell your admin.',
  duplicate_delivery: 'Already done.',
};

/** case_not_found in a team's conversation: the same words for an id of another team's case, so nothing leaks. */
export const NOT_FOUND_FOR_TEAM =
  'I cannot find that case for this team. Case ids look like IPC-0042; say "cases" to list this team’s open ones.';

export function userText(err: unknown): string {
  if (err instanceof IpcheckError) return USER_TEXT[err.code];
  return 'Something went wrong on my side, and nothing was changed. Try again, or say "help".';
}
