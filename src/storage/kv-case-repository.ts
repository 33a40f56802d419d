import { type CaseRecord, formatCaseId, RECORD_SCHEMA, readRecord } from '../core/case-record.js';
import { CaseConflictError, IpcheckError } from '../core/errors.js';
import type { CaseRepository, Clock, NewCase, OpenCaseSummary } from '../core/ports.js';
import type { Kv } from './kv.js';

// Keys: case:<id> → record · conv:<conversation> → id · listing:<platform>:<id> → id of its open case ·
// index:open:<bucket> → ids of open cases numbered bucket*1000 … bucket*1000+999 · index:open:buckets →
// the buckets in use · counter case-id. Writers to one case are serialised by its lock.

const caseKey = (id: string) => `case:${id}`;
const convKey = (conversation: string) => `conv:${conversation}`;
const listingKey = (platform: string, listingId: string) => `listing:${platform}:${listingId}`;

// The open-case index is split in buckets of 1000 ids, so opening or closing a case rewrites one small
// list instead of one list of every open case (which made creating the 10,000th case 10× slower).
const BUCKET_SIZE = 1000;
const BUCKETS = 'index:open:buckets';
const bucketOf = (id: string) => Math.floor(Number(id.replace(/^IPC-/, '')) / BUCKET_SIZE);
/** The index key that lists `id` while it is open (exported for tests that plant records). */
export const openIndexKey = (id: string) => `index:open:${bucketOf(id)}`;

function listingOf(rec: CaseRecord): string | undefined {
  const f = rec.state.facts;
  return f.platform && f.listingId ? listingKey(f.platform, f.listingId) : undefined;
}

/**
 * Reads validate every record, so a write must too: a change that broke the schema (say an audit detail
 * over 2000 characters) used to be saved, and the case could then never be read or changed again.
 * Refusing the write keeps the last good record; the caller gets a plain error ("nothing was changed").
 */
function checkWritable(rec: CaseRecord): void {
  const r = readRecord(rec);
  if (r.ok) return;
  const why = r.problem.kind === 'newer' ? `schema ${r.problem.schema}` : r.problem.reason;
  throw new Error(`case ${rec.id} was not saved: the change would make it unreadable (${why})`);
}

export class KvCaseRepository implements CaseRepository {
  constructor(
    private readonly kv: Kv,
    private readonly clock: Clock,
  ) {}

  async create(init: NewCase): Promise<CaseRecord> {
    const id = formatCaseId(await this.kv.incr('case-id'));
    const at = init.now.toISOString();
    const record: CaseRecord = {
      schema: RECORD_SCHEMA,
      id,
      version: 1,
      status: 'open',
      channel: init.channel,
      openedBy: init.openedBy,
      createdAt: at,
      updatedAt: at,
      conversations: [init.conversation],
      state: { ...init.state, caseId: id },
      audit: [{ at, who: init.openedBy, action: 'case_opened', detail: `in ${init.channel}` }],
      drafts: [],
      ...(init.sellerThread ? { sellerThread: init.sellerThread } : {}),
    };
    checkWritable(record);
    await this.kv.withLock(caseKey(id), () => this.kv.set(caseKey(id), record));
    await this.kv.set(convKey(init.conversation), id);
    await this.syncOpenIndex(record);
    await this.syncListing(undefined, record);
    return record;
  }

  async get(caseId: string): Promise<CaseRecord | undefined> {
    const raw = await this.kv.get<unknown>(caseKey(caseId));
    if (raw === undefined) return undefined;
    return this.read(caseId, raw);
  }

  private read(caseId: string, raw: unknown): CaseRecord {
    const r = readRecord(raw);
    if (r.ok) return r.record;
    const why =
      r.problem.kind === 'newer'
        ? `it was written by a newer ipcheck (record schema ${r.problem.schema}; this one reads ${RECORD_SCHEMA})`
        : `it is damaged (${r.problem.reason})`;
    throw new IpcheckError('case_unreadable', `case ${caseId} cannot be read: ${why}`);
  }

  async byConversation(conversation: string): Promise<CaseRecord | undefined> {
    const id = await this.kv.get<string>(convKey(conversation));
    return id ? this.get(id) : undefined;
  }

  async linkConversation(conversation: string, caseId: string): Promise<void> {
    const rec = await this.get(caseId);
    if (!rec) throw new IpcheckError('case_not_found', `case ${caseId} does not exist`);
    // Linking again changes nothing, so it must not bump the version (that would fail others' expectedVersion).
    if (!rec.conversations.includes(conversation)) {
      await this.update(caseId, (cur) =>
        cur.conversations.includes(conversation)
          ? cur
          : { ...cur, conversations: [...cur.conversations, conversation] },
      );
    }
    await this.kv.set(convKey(conversation), caseId);
  }

  async openByListing(platform: string, listingId: string): Promise<CaseRecord | undefined> {
    const id = await this.kv.get<string>(listingKey(platform, listingId));
    if (!id) return undefined;
    const rec = await this.get(id);
    return rec?.status === 'open' ? rec : undefined;
  }

  async update(
    caseId: string,
    change: (current: CaseRecord) => CaseRecord,
    opts: { expectedVersion?: number } = {},
  ): Promise<CaseRecord> {
    return this.kv.withLock(caseKey(caseId), async () => {
      const raw = await this.kv.get<unknown>(caseKey(caseId));
      if (raw === undefined) throw new IpcheckError('case_not_found', `case ${caseId} does not exist`);
      const current = this.read(caseId, raw);
      if (opts.expectedVersion !== undefined && current.version !== opts.expectedVersion) {
        throw new CaseConflictError(current);
      }
      const next: CaseRecord = {
        ...change(current),
        id: current.id,
        version: current.version + 1,
        updatedAt: this.clock.now().toISOString(),
      };
      checkWritable(next);
      await this.kv.set(caseKey(caseId), next);
      // The listing pointer and the open index follow the record inside the case's lock: done after the
      // lock, a close and a reopen racing (or two instances) could apply them in the wrong order. A reopened
      // case (closed → open) was never put back in the open index either.
      await this.syncListing(current, next);
      if (current.status !== next.status) await this.syncOpenIndex(next);
      return next;
    });
  }

  /** Keeps listing → open case pointing at the right case when the listing or the status changes. */
  private async syncListing(before: CaseRecord | undefined, after: CaseRecord): Promise<void> {
    // Only an open case holds its listing's pointer (a reopened case must take it back, not skip it as unchanged).
    const old = before?.status === 'open' ? listingOf(before) : undefined;
    const now = after.status === 'open' ? listingOf(after) : undefined;
    if (old === now) return;
    if (old && (await this.kv.get<string>(old)) === after.id) await this.kv.delete(old);
    if (now) await this.kv.set(now, after.id);
  }

  private async syncOpenIndex(rec: CaseRecord): Promise<void> {
    const key = openIndexKey(rec.id);
    await this.kv.withLock(key, async () => {
      const ids = (await this.kv.get<string[]>(key)) ?? [];
      const without = ids.filter((x) => x !== rec.id);
      await this.kv.set(key, rec.status === 'open' ? [...without, rec.id] : without);
    });
    const bucket = bucketOf(rec.id);
    if (rec.status !== 'open' || ((await this.kv.get<number[]>(BUCKETS)) ?? []).includes(bucket)) return;
    await this.kv.withLock(BUCKETS, async () => {
      const buckets = (await this.kv.get<number[]>(BUCKETS)) ?? [];
      if (!buckets.includes(bucket))
        await this.kv.set(
          BUCKETS,
          [...buckets, bucket].sort((a, b) => a - b),
        );
    });
  }

  async listOpen(): Promise<OpenCaseSummary[]> {
    return (await this.listOpenReport()).cases;
  }

  /**
   * The open cases, and the ones in the open index that cannot be read (damaged, or written by a newer
   * ipcheck): one bad record must not hide the others, and must not go unmentioned either.
   */
  async listOpenReport(): Promise<OpenCasesReport> {
    const buckets = (await this.kv.get<number[]>(BUCKETS)) ?? [];
    const lists = await this.kv.getMany<string[]>(buckets.map((b) => `index:open:${b}`));
    const ids = lists.flatMap((l) => l ?? []);
    const raws: Raw[] = [];
    for (let i = 0; i < ids.length; i += BUCKET_SIZE) {
      raws.push(...(await this.readMany(ids.slice(i, i + BUCKET_SIZE))));
    }
    const cases: OpenCaseSummary[] = [];
    const unreadable: UnreadableCase[] = [];
    raws.forEach((raw, i) => {
      const id = ids[i];
      if (raw === undefined || id === undefined) return;
      const r = raw instanceof DamagedValue ? undefined : readRecord(raw);
      if (!r?.ok) {
        const reason =
          r?.ok === false && r.problem.kind === 'newer' ? 'written by a newer ipcheck' : 'damaged';
        const conversation = conversationOf(raw);
        unreadable.push({ id, reason, ...(conversation ? { conversation } : {}) });
        return;
      }
      if (r.record.status !== 'open') return;
      const f = r.record.state.facts;
      cases.push({
        id,
        platform: f.platform,
        listingId: f.listingId,
        status: r.record.state.status,
        updatedAt: r.record.updatedAt,
        openedBy: r.record.openedBy,
        conversation: r.record.conversations[0],
        facts: f,
        details: r.record.state.details,
        ...(r.record.escalation ? { escalation: r.record.escalation.status } : {}),
      });
    });
    return { cases, unreadable };
  }

  /** Reads records in one round trip; when one value in the batch is not even JSON, key by key. */
  private async readMany(ids: string[]): Promise<Raw[]> {
    try {
      return await this.kv.getMany<unknown>(ids.map(caseKey));
    } catch (err) {
      if (!(err instanceof IpcheckError) || err.code !== 'case_unreadable') throw err;
    }
    const out: Raw[] = [];
    for (const id of ids) {
      try {
        out.push(await this.kv.get<unknown>(caseKey(id)));
      } catch (err) {
        if (!(err instanceof IpcheckError) || err.code !== 'case_unreadable') throw err;
        out.push(new DamagedValue());
      }
    }
    return out;
  }
}

/** A stored value that is not even JSON. */
class DamagedValue {}
type Raw = unknown;

/** The conversation of an unreadable record, when that much of it is still there (to filter by workspace). */
function conversationOf(raw: Raw): string | undefined {
  const convs = (raw as { conversations?: unknown } | null)?.conversations;
  return Array.isArray(convs) && typeof convs[0] === 'string' ? convs[0] : undefined;
}

export interface UnreadableCase {
  id: string;
  reason: 'damaged' | 'written by a newer ipcheck';
  conversation?: string;
}

export interface OpenCasesReport {
  cases: OpenCaseSummary[];
  unreadable: UnreadableCase[];
}
