// A reminder before a deadline: planned by the domain, stored and sent by the app.

export interface Reminder {
  /** Deterministic (case, deadline, offset), so scheduling twice is harmless. */
  id: string;
  caseId: string;
  at: string;
  text: string;
}
