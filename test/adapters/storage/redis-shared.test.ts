import { describe, expect, it } from 'vitest';
import { openIndexKey } from '../../../src/adapters/storage/kv-case-repository.js';
import type { Stores } from '../../../src/adapters/storage/open-store.js';
import type { CaseRecord } from '../../../src/domain/model/case-record.js';
import { CaseConflictError } from '../../../src/domain/model/errors.js';
import { newCaseInput, T0, useStores } from './harness.js';

// Two bot instances = two separate openStores on one redis-server, each with its own connection.

const h = useStores();

async function twoInstances(): Promise<[Stores, Stores]> {
  const a = await h.open(h.redis.url);
  const b = await h.open(h.redis.url);
  return [a, b];
}

describe('several instances on one Redis', () => {
  it('marks the store as shared', async () => {
    const [a] = await twoInstances();
    expect(a.kv.shared).toBe(true);
    expect(a.kv.describe).toBe(h.redis.url);
  });

  it('loses no update when two instances append to one case at once (2 x 40)', async () => {
    const [a, b] = await twoInstances();
    const rec = await a.cases.create(newCaseInput(1));
    // Each change notes the version it saw: serialised writers see 1, 2, 3, … with no repeat.
    const appendFrom =
      (who: string, i: number) =>
      (cur: CaseRecord): CaseRecord => ({
        ...cur,
        audit: [...cur.audit, { at: T0, who, action: 'answer', detail: `${who}-${i}@${cur.version}` }],
      });
    const fromA = Array.from({ length: 40 }, (_, i) => a.cases.update(rec.id, appendFrom('A', i)));
    const fromB = Array.from({ length: 40 }, (_, i) => b.cases.update(rec.id, appendFrom('B', i)));
    const results = await Promise.all([...fromA, ...fromB]);

    const final = (await b.cases.get(rec.id)) as CaseRecord;
    expect(final.version).toBe(81);
    expect(final.audit).toHaveLength(81);
    const details = final.audit.slice(1).map((e) => e.detail as string);
    for (const who of ['A', 'B']) {
      for (let i = 0; i < 40; i++) expect(details.some((d) => d.startsWith(`${who}-${i}@`))).toBe(true);
    }
    // In the order they were saved, the versions each writer saw are strictly increasing, without gaps.
    expect(details.map((d) => Number(d.split('@')[1]))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    // Every update got its own version.
    expect(new Set(results.map((r) => r.version)).size).toBe(80);
    expect(Math.min(...results.map((r) => r.version))).toBe(2);
    expect(Math.max(...results.map((r) => r.version))).toBe(81);
    // Both instances read the same final record.
    expect(await a.cases.get(rec.id)).toEqual(final);
  });

  it('gives no duplicate id when two instances create cases at once (2 x 100)', async () => {
    const [a, b] = await twoInstances();
    const made = await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => a.cases.create(newCaseInput(`a${i}`))),
      ...Array.from({ length: 100 }, (_, i) => b.cases.create(newCaseInput(`b${i}`))),
    ]);
    const ids = made.map((r) => r.id);
    expect(new Set(ids).size).toBe(200);
    // Both instances' creates made it into the shared open index.
    const openA = (await a.cases.listOpen()).map((o) => o.id).sort();
    expect(openA).toEqual([...ids].sort());
    expect((await b.cases.listOpen()).map((o) => o.id).sort()).toEqual(openA);
    // A case made on one instance is found (by id and conversation) on the other.
    const fromA = made[0] as CaseRecord;
    expect((await b.cases.byConversation('conv-a0'))?.id).toBe(fromA.id);
  });

  it('refuses one of two updates expecting the same version from two instances', async () => {
    const [a, b] = await twoInstances();
    const rec = await a.cases.create(newCaseInput(1));
    const settled = await Promise.allSettled([
      a.cases.update(rec.id, (cur) => ({ ...cur, status: 'closed' }), { expectedVersion: 1 }),
      b.cases.update(rec.id, (cur) => ({ ...cur, channel: 'other' }), { expectedVersion: 1 }),
    ]);
    const rejected = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const refused = rejected[0]?.reason as CaseConflictError;
    expect(refused).toBeInstanceOf(CaseConflictError);
    expect(refused.current.version).toBe(2);
    expect((await a.cases.get(rec.id))?.version).toBe(2);
  });

  it('sees a conversation linked and a case closed on the other instance', async () => {
    const [a, b] = await twoInstances();
    const rec = await a.cases.create(newCaseInput(1, { platform: 'amazon', listingId: 'B0SHARED' }));
    await b.cases.linkConversation('teams:conv-9', rec.id);
    expect((await a.cases.byConversation('teams:conv-9'))?.id).toBe(rec.id);
    expect((await b.cases.openByListing('amazon', 'B0SHARED'))?.id).toBe(rec.id);
    await a.cases.update(rec.id, (cur) => ({ ...cur, status: 'closed' }));
    expect(await b.cases.openByListing('amazon', 'B0SHARED')).toBeUndefined();
    expect(await b.cases.listOpen()).toEqual([]);
  });

  it('keeps the open index in step when two instances close and reopen one case at once', async () => {
    const [a, b] = await twoInstances();
    const rec = await a.cases.create(newCaseInput(1, { platform: 'amazon', listingId: 'B0FLIP' }));
    const flip = (cur: CaseRecord): CaseRecord => ({
      ...cur,
      status: cur.status === 'open' ? 'closed' : 'open',
    });
    for (const rounds of [20, 21]) {
      await Promise.all(Array.from({ length: rounds }, (_, i) => (i % 2 ? a : b).cases.update(rec.id, flip)));
      const now = (await a.cases.get(rec.id)) as CaseRecord;
      const listed = (await b.cases.listOpen()).map((o) => o.id);
      expect(listed).toEqual(now.status === 'open' ? [rec.id] : []);
      expect((await a.kv.get<string[]>(openIndexKey(rec.id)))?.filter((id) => id === rec.id)).toHaveLength(
        now.status === 'open' ? 1 : 0,
      );
      expect((await b.cases.openByListing('amazon', 'B0FLIP'))?.id).toBe(
        now.status === 'open' ? rec.id : undefined,
      );
    }
  });

  it('lets exactly one of 20 concurrent claims across two instances win', async () => {
    const [a, b] = await twoInstances();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).claims.claim('slack:Ev0001', 60_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    // The claim is shared: neither instance can claim it again.
    expect(await a.claims.claim('slack:Ev0001', 60_000)).toBe(false);
    expect(await b.claims.claim('slack:Ev0001', 60_000)).toBe(false);
    // Released on one instance, it can be claimed on the other.
    await a.claims.release('slack:Ev0001');
    expect(await b.claims.claim('slack:Ev0001', 60_000)).toBe(true);
  });

  it('schedules a reminder once across instances and keeps every distinct one', async () => {
    const [a, b] = await twoInstances();
    const r = { id: 'IPC-0001:answer:2026-12-10:-1d', caseId: 'IPC-0001', at: T0, text: 'due soon' };
    const same = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).reminders.schedule({ ...r, text: `copy ${i}` })),
    );
    expect(same.filter(Boolean)).toHaveLength(1);
    const distinct = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).reminders.schedule({ ...r, id: `r-${i}` })),
    );
    expect(distinct.every(Boolean)).toBe(true);
    const due = await a.reminders.due(new Date(T0));
    expect(due).toHaveLength(31);
    expect(new Set(due.map((d) => d.id)).size).toBe(31);
  });
});
