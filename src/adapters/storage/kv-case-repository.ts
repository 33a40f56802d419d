import { z } from 'zod';
import type {
  CaseRepository,
  Clock,
  NewCase,
  OpenCaseSummary,
  OpenCasesReport,
  UnreadableCase,
} from '../../app/ports.js';

export type { OpenCasesReport, UnreadableCase } from '../../app/ports.js';

import { type CaseRecord, formatCaseId, RECORD_SCHEMA, readRecord } from '../../domain/model/case-record.js';
import { CaseConflictError, IpcheckError } from '../../domain/model/errors.js';
import type { Kv } from './kv.js';

// Keys: case:<id> → record · conv:<conversation> → id · listing:<platform>:<id> → id of its open case ·
// index:open:<bucket> → ids of open cases numbered bucket*1000 … bucket*1000+999 · index:open:buckets →
// the buckets in use · counter case-id. Writers to one case are serialised by its lock.
//
// The order of writes is what makes a crash (kill -9, a lost machine, a store failing midway) safe.
// Everything that leads to a case (its conversation, its listing, its place in the open index) is written
// BEFORE the case record, and writing the record is the commit: a process that dies before it leaves
// pointers to a case that does not exist, which every reader takes as absent and the next write replaces;
// one that dies after it leaves a whole case that every way in finds. What stops leading to a case (it was
// closed, its listing changed) is removed AFTER the record, so a crash leaves a stale pointer, which readers
// check against the record, never a missing one. (Before, the record came first and a kill in between left
// open cases missing from the index and from `list`, and without their listing pointer.)

const caseKey = (id: string) => `case:${id}`;
const convKey = (conversation: string) => `conv:${conversation}`;
const listingKey = (platform: string, listingId: string) => `listing:${platform}:${listingId}`;

// The open-case index is split in buckets of 1000 ids, so opening or closing a case rewrites one small
// list instead of one list of every open case (which made creating the 10,000th case 10× slower).
const BUCKET_SIZE = 1000;
const BUCKETS = 'index:open:buckets';
const COUNTER = 'case-id';
const idNumber = (id: string) => Number(id.replace(/^IPC-/, ''));
const bucketOf = (id: string) => Math.floor(idNumber(id) / BUCKET_SIZE);
const bucketKey = (bucket: number) => `index:open:${bucket}`;
/** The index key that lists `id` while it is open (exported for tests that plant records). */
export const openIndexKey = (id: string) => bucketKey(bucketOf(id));

// What the index holds, checked on every read: a damaged index (a hand edit, a half-restored backup, a
// disk error) made `list` and App Home fail ("buckets.map is not a function") or silently hide cases.
const BucketList = z.array(z.number().int().nonnegative());
const IdList = z.array(z.string().regex(/^IPC-\d{4,}$/));

/** Where repairs of the store are reported (once each: the repair is written back). */
export interface StoreLog {
  warn(msg: string): void;
}

const stderrLog: StoreLog = {
  warn: (msg) => process.stderr.write(`ipcheck: warning: ${msg}\n`),
};

/** The listing pointer a record holds: only an open case holds one. */
function openListingOf(rec: CaseRecord | undefined): string | undefined {
  const f = rec?.status === 'open' ? rec.state.facts : undefined;
  return f?.platform && f.listingId ? listingKey(f.platform, f.listingId) : undefined;
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

const isUnreadable = (err: unknown) => err instanceof IpcheckError && err.code === 'case_unreadable';

/** What is wrong with a stored index value, for the log. */
function damage(raw: unknown): string {
  if (raw instanceof DamagedValue) return 'not JSON';
  if (Array.isArray(raw)) return 'a list with entries that are not case ids';
  return `${raw === null ? 'null' : typeof raw} instead of a list`;
}

export class KvCaseRepository implements CaseRepository {
  constructor(
    private readonly kv: Kv,
    private readonly clock: Clock,
    private readonly log: StoreLog = stderrLog,
  ) {}

  /**
   * Creates a case. `first`, when given, is applied to the new record before anything is written (a
   * channel's opening words, stepped): the case is born with them, so no crash can leave a case that
   * exists without the seller's first message applied.
   */
  async create(init: NewCase, first?: (rec: CaseRecord) => CaseRecord): Promise<CaseRecord> {
    const id = formatCaseId(await this.kv.incr(COUNTER));
    const at = init.now.toISOString();
    const fresh: CaseRecord = {
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
    const record: CaseRecord = first ? { ...first(fresh), id, version: 1 } : fresh;
    checkWritable(record);
    // Before the commit: the ways in.
    await this.kv.set(convKey(init.conversation), id);
    const late = await this.pointListing(undefined, record);
    if (record.status === 'open') await this.addToOpenIndex(id);
    // The commit.
    await this.kv.withLock(caseKey(id), () => this.kv.set(caseKey(id), record));
    await this.afterCommit(undefined, record, late);
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
    const key = listingKey(platform, listingId);
    const id = await this.kv.get<unknown>(key);
    if (typeof id !== 'string') return undefined;
    const rec = await this.get(id);
    // A pointer written just before a case that never was (a process killed in between), or left by a
    // case whose listing changed since: not this listing's open case.
    return openListingOf(rec) === key ? rec : undefined;
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
      // The listing pointer and the open index follow the record inside the case's lock: done after the
      // lock, a close and a reopen racing (or two instances) could apply them in the wrong order. A reopened
      // case (closed → open) was never put back in the open index either.
      const late = await this.pointListing(current, next);
      if (next.status === 'open' && current.status !== 'open') await this.addToOpenIndex(next.id);
      await this.kv.set(caseKey(caseId), next);
      await this.afterCommit(current, next, late);
      return next;
    });
  }

  /**
   * Before a record is written: points its listing at it. Returns true when that must wait until after the
   * write, because the pointer names another open case of that listing that is still findable until then.
   * A pointer that is missing (lost by a crash of an older ipcheck) is put back by the case's next write.
   */
  private async pointListing(before: CaseRecord | undefined, after: CaseRecord): Promise<boolean> {
    const key = openListingOf(after);
    if (!key) return false;
    const holder = await this.kv.get<unknown>(key);
    if (holder === after.id) return false;
    if (typeof holder === 'string' && (await this.holdsListing(holder, key))) {
      // Two open cases of one listing (another channel or workspace): the newest to take it is found, as
      // before; one that merely changed something else leaves it where it is.
      return key !== openListingOf(before);
    }
    await this.kv.set(key, after.id);
    return false;
  }

  private async holdsListing(id: string, key: string): Promise<boolean> {
    try {
      return openListingOf(await this.get(id)) === key;
    } catch (err) {
      if (isUnreadable(err)) return false;
      throw err;
    }
  }

  /** After a record is written: the pointer that had to wait, and what no longer leads to the case. */
  private async afterCommit(before: CaseRecord | undefined, after: CaseRecord, late: boolean): Promise<void> {
    const now = openListingOf(after);
    const old = openListingOf(before);
    if (late && now) await this.kv.set(now, after.id);
    if (old && old !== now && (await this.kv.get<unknown>(old)) === after.id) await this.kv.delete(old);
    if (before?.status === 'open' && after.status !== 'open') await this.removeFromOpenIndex(after.id);
  }

  private async addToOpenIndex(id: string): Promise<void> {
    const bucket = bucketOf(id);
    // The bucket is listed before any id goes in it, so a listed bucket without its list is damage, and an
    // unlisted one with a list is too (see indexBuckets).
    await this.listBucket(bucket);
    await this.kv.withLock(bucketKey(bucket), async () => {
      const ids = await this.lockedBucket(bucket);
      if (!ids.includes(id)) await this.kv.set(bucketKey(bucket), [...ids, id]);
    });
  }

  private async removeFromOpenIndex(id: string): Promise<void> {
    const bucket = bucketOf(id);
    await this.kv.withLock(bucketKey(bucket), async () => {
      const ids = await this.lockedBucket(bucket);
      if (ids.includes(id))
        await this.kv.set(
          bucketKey(bucket),
          ids.filter((x) => x !== id),
        );
    });
  }

  private async listBucket(bucket: number): Promise<void> {
    const listed = BucketList.safeParse((await this.readRaw(BUCKETS)) ?? []);
    if (listed.success && listed.data.includes(bucket)) return;
    await this.kv.withLock(BUCKETS, async () => {
      const raw = (await this.readRaw(BUCKETS)) ?? [];
      const cur = BucketList.safeParse(raw);
      const buckets = cur.success ? cur.data : await this.rebuildBuckets(damage(raw));
      if (!buckets.includes(bucket))
        await this.kv.set(
          BUCKETS,
          [...buckets, bucket].sort((a, b) => a - b),
        );
    });
  }

  /** A stored value, or a DamagedValue when it is not even JSON. */
  private async readRaw(key: string): Promise<unknown> {
    try {
      return await this.kv.get<unknown>(key);
    } catch (err) {
      if (isUnreadable(err)) return new DamagedValue();
      throw err;
    }
  }

  /** The ids in one bucket, to be called under that bucket's lock: a damaged or lost list is rebuilt first. */
  private async lockedBucket(bucket: number): Promise<string[]> {
    const raw = await this.readRaw(bucketKey(bucket));
    const ok = raw === undefined ? undefined : IdList.safeParse(raw);
    if (ok?.success) return ok.data;
    return this.rebuildBucket(bucket, raw === undefined ? undefined : damage(raw));
  }

  /**
   * Rebuilds one bucket's list from the case records it covers (up to the newest case id, so a new bucket
   * costs nothing): the open ones, and the unreadable ones so they are still reported. `why` is undefined
   * for a list that does not exist, which for a new bucket is no damage and is not logged.
   */
  private async rebuildBucket(bucket: number, why: string | undefined): Promise<string[]> {
    const last = await this.kv.count(COUNTER);
    const ids: string[] = [];
    for (let n = Math.max(1, bucket * BUCKET_SIZE); n <= Math.min(last, (bucket + 1) * BUCKET_SIZE - 1); n++)
      ids.push(formatCaseId(n));
    const raws = await this.readMany(ids);
    const keep = ids.filter((_, i) => {
      const raw = raws[i];
      if (raw === undefined) return false;
      const r = raw instanceof DamagedValue ? undefined : readRecord(raw);
      return !r?.ok || r.record.status === 'open';
    });
    await this.kv.set(bucketKey(bucket), keep);
    if (why !== undefined || keep.length > 0)
      this.log.warn(
        `the open-case index (${bucketKey(bucket)}) was ${why ? `damaged (${why})` : 'missing'}; rebuilt it from the case records: ${keep.length} open`,
      );
    return keep;
  }

  /** Every bucket up to the newest case id, to be called under the BUCKETS lock. */
  private async rebuildBuckets(why: string): Promise<number[]> {
    const last = await this.kv.count(COUNTER);
    const all = Array.from({ length: last > 0 ? bucketOf(formatCaseId(last)) + 1 : 0 }, (_, b) => b);
    await this.kv.set(BUCKETS, all);
    this.log.warn(`the open-case index (${BUCKETS}) was ${why}; rebuilt it from the case ids`);
    return all;
  }

  /**
   * The index's buckets, checked: a damaged list is rebuilt, and so is one that misses a bucket in use
   * (which hid every case in it). The newest bucket may be missing for a moment while its first case is
   * being created: that is no damage as long as nothing was put in it yet.
   */
  private async indexBuckets(): Promise<number[]> {
    const raw = (await this.readRaw(BUCKETS)) ?? [];
    const listed = BucketList.safeParse(raw);
    const last = await this.kv.count(COUNTER);
    const newest = last > 0 ? bucketOf(formatCaseId(last)) : -1;
    let why = listed.success ? undefined : `damaged (${damage(raw)})`;
    if (listed.success) {
      const missing = Array.from({ length: newest + 1 }, (_, b) => b).filter((b) => !listed.data.includes(b));
      const lost = missing.filter((b) => b < newest);
      if (missing.includes(newest) && (await this.readRaw(bucketKey(newest))) !== undefined)
        lost.push(newest);
      if (lost.length === 0) return listed.data;
      why = `missing bucket${lost.length > 1 ? 's' : ''} ${lost.join(', ')}`;
    }
    return this.kv.withLock(BUCKETS, () => this.rebuildBuckets(why ?? 'damaged'));
  }

  async listOpen(): Promise<OpenCaseSummary[]> {
    return (await this.listOpenReport()).cases;
  }

  /**
   * The open cases, and the ones in the open index that cannot be read (damaged, or written by a newer
   * ipcheck): one bad record must not hide the others, and must not go unmentioned either.
   */
  async listOpenReport(): Promise<OpenCasesReport> {
    const ids = await this.openIds();
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

  /** The ids in the open index, every part of it checked (and rebuilt from the records when damaged). */
  private async openIds(): Promise<string[]> {
    const buckets = await this.indexBuckets();
    const lists = await this.readManyKeys(buckets.map(bucketKey));
    const out: string[] = [];
    for (const [i, raw] of lists.entries()) {
      const ok = raw === undefined ? undefined : IdList.safeParse(raw);
      if (ok?.success) out.push(...ok.data);
      else {
        const bucket = buckets[i] as number;
        out.push(...(await this.kv.withLock(bucketKey(bucket), () => this.lockedBucket(bucket))));
      }
    }
    return out;
  }

  /** Reads records in one round trip; when one value in the batch is not even JSON, key by key. */
  private readMany(ids: string[]): Promise<Raw[]> {
    return this.readManyKeys(ids.map(caseKey));
  }

  private async readManyKeys(keys: string[]): Promise<Raw[]> {
    try {
      return await this.kv.getMany<unknown>(keys);
    } catch (err) {
      if (!isUnreadable(err)) throw err;
    }
    const out: Raw[] = [];
    for (const key of keys) out.push(await this.readRaw(key));
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
