import type { AuditEntry, CaseRecord, ThreadRef } from '../domain/model/case-record.js';
import type { CaseState } from '../domain/model/case-state.js';
import type { OpenCaseSummary } from '../domain/model/case-summary.js';
import type { CatalogLookup } from '../domain/model/catalog-lookup.js';
import type { Details, Facts } from '../domain/model/facts.js';
import type { GivenSection, LlmAnswerOut, LlmDraftOut, LlmFactsOut } from '../domain/model/llm-contract.js';
import type { Reminder } from '../domain/model/reminder.js';

// The outside world as the core sees it: small interfaces, each with a simple or fake implementation.

export interface Clock {
  now(): Date;
}

export interface NewCase {
  conversation: string;
  channel: string;
  openedBy: string;
  state: CaseState;
  now: Date;
  sellerThread?: ThreadRef;
}

/** Durable cases. Every change goes through `update`, which serialises writers to one case. */
export interface CaseRepository {
  /**
   * Creates a case with a new id (IPC-0001…) and links the conversation to it. `first` shapes the new
   * record before it is saved (the opening words, stepped), so the case is saved whole or not at all.
   */
  create(init: NewCase, first?: (rec: CaseRecord) => CaseRecord): Promise<CaseRecord>;
  get(caseId: string): Promise<CaseRecord | undefined>;
  /** The case a conversation (terminal session, thread, chat) continues, if any. */
  byConversation(conversation: string): Promise<CaseRecord | undefined>;
  linkConversation(conversation: string, caseId: string): Promise<void>;
  /** The open case about a listing, so a second `/ipcheck <listing>` links to it instead of opening another. */
  openByListing(platform: string, listingId: string): Promise<CaseRecord | undefined>;
  /**
   * Read-modify-write under the case's lock: `change` sees the latest record. With `expectedVersion`,
   * a record that changed meanwhile is refused with a CaseConflictError carrying where it stands now.
   */
  update(
    caseId: string,
    change: (current: CaseRecord) => CaseRecord,
    opts?: { expectedVersion?: number },
  ): Promise<CaseRecord>;
  listOpen(): Promise<OpenCaseSummary[]>;
}

/**
 * Which cases a conversation may reach by id (an ipcheck serving several Slack workspaces or Teams tenants
 * from one store). Without one, every conversation reaches every case (the terminal, the CLI).
 */
export interface CaseScope {
  /** The team a conversation belongs to, or undefined when it reaches every case. */
  teamOf(conversation: string): string | undefined;
  /** Whether a case named by id may be shown or changed from this conversation. */
  visible(rec: CaseRecord, conversation: string): boolean;
  /** Whether an open case is listed to this conversation ("cases"). */
  listed(c: OpenCaseSummary, conversation: string): boolean;
}

/** The team's catalog, as the conversation's team sees it (the channel knows the team from the conversation). */
export interface Catalogs {
  lookup(conversation: string, listingId: string): Promise<CatalogLookup>;
}

/** At-most-once work across instances: a retried delivery or a second instance finds the claim. */
export interface Claims {
  /** Claims `id` for a lease; false when someone holds it or finished it. */
  claim(id: string, leaseMs: number): Promise<boolean>;
  /** Marks the work done, remembered for `keepMs` (so later retries are dropped). */
  complete(id: string, keepMs: number): Promise<void>;
  /** Gives the claim back after a failure, so a retry can do the work. */
  release(id: string): Promise<void>;
}

export interface ReminderStore {
  /** Schedules a reminder; false when one with that id exists already. */
  schedule(r: Reminder): Promise<boolean>;
  /** Reminders due at `now` that are not yet sent. */
  due(now: Date): Promise<Reminder[]>;
  /** Removes a reminder once it was sent (or is no longer wanted). */
  remove(id: string): Promise<void>;
}

export type { AuditEntry, CaseRecord };

export interface UnreadableCase {
  id: string;
  reason: 'damaged' | 'written by a newer ipcheck';
  conversation?: string;
}

export type { OpenCaseSummary } from '../domain/model/case-summary.js';
export type { CatalogLookup } from '../domain/model/catalog-lookup.js';
export type { Reminder } from '../domain/model/reminder.js';

/**
 * An optional language model. Every method answers within its timeout, or undefined when the model could not
 * answer usefully (off, slow, rate-limited, an error, output that does not fit the schema): the caller falls
 * back to the rule-based path. Seller text is passed as data; the answers are checked by the caller.
 */
export interface LanguageModel {
  /** The facts a seller's free text states, in the triage contract's values. */
  readFacts(input: { text: string; today: string }): Promise<LlmFactsOut | undefined>;
  /** An answer to a seller's question from the numbered sections only. */
  answer(input: {
    question: string;
    facts: Facts;
    sections: GivenSection[];
  }): Promise<LlmAnswerOut | undefined>;
  /** A clearer rewrite of a template draft, from the case facts only. */
  polishDraft(input: { draft: string; facts: Facts; details: Details }): Promise<LlmDraftOut | undefined>;
}

/** The open cases, with the ones that could not be read named rather than silently left out. */
export interface OpenCasesReport {
  cases: OpenCaseSummary[];
  unreadable: UnreadableCase[];
}

/** The case repository as the app uses it: with a listing that names the unreadable open cases. */
export interface CaseStore extends CaseRepository {
  listOpenReport(): Promise<OpenCasesReport>;
}

/**
 * Small keyed records the app keeps besides cases, each with a lifetime: a half-finished opening, a
 * conversation's address for later posts, a thread that asked for a sweep. Keys are the app's own.
 */
export interface Records {
  /** The store's address with any password removed, for messages. */
  readonly describe: string;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
}
