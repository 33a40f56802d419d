import { describe, expect, it } from 'vitest';
import type { Kv } from '../../../src/adapters/storage/kv.js';
import { storesOn } from '../../../src/adapters/storage/open-store.js';
import type { CaseRecord } from '../../../src/domain/model/case-record.js';
import { CaseConflictError, IpcheckError } from '../../../src/domain/model/errors.js';
import { expectIpcheckError, KINDS, newCaseInput, sleep, T0, useStores } from './harness.js';

const h = useStores();

const append =
  (detail: string) =>
  (cur: CaseRecord): CaseRecord => ({
    ...cur,
    audit: [...cur.audit, { at: T0, who: 'U1', action: 'answer', detail }],
  });

const close = (cur: CaseRecord): CaseRecord => ({
  ...cur,
  status: 'closed',
  audit: [...cur.audit, { at: T0, who: 'U1', action: 'case_closed' }],
});

describe.each(KINDS)('case repository on %s', (kind) => {
  it('creates cases with sequential, speakable ids and a complete first record', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    const b = await cases.create(newCaseInput(2));
    expect([a.id, b.id]).toEqual(['IPC-0001', 'IPC-0002']);
    expect(a).toMatchObject({
      schema: 2,
      version: 1,
      status: 'open',
      channel: 'test',
      openedBy: 'U1',
      createdAt: T0,
      updatedAt: T0,
      conversations: ['conv-1'],
      state: { caseId: 'IPC-0001' },
    });
    expect(a.audit).toEqual([{ at: T0, who: 'U1', action: 'case_opened', detail: 'in test' }]);
    // What comes back from the store is what create returned.
    expect(await cases.get('IPC-0001')).toEqual(a);
    expect(await cases.get('IPC-0002')).toEqual(b);
  });

  it('gives 200 concurrent creates 200 distinct ids, all stored and listed', async () => {
    const { cases } = await h.open(kind);
    const made = await Promise.all(Array.from({ length: 200 }, (_, i) => cases.create(newCaseInput(i))));
    const ids = made.map((r) => r.id);
    expect(new Set(ids).size).toBe(200);
    expect([...ids].sort()).toEqual(
      Array.from({ length: 200 }, (_, i) => `IPC-${String(i + 1).padStart(4, '0')}`),
    );
    // No create lost its entry in the open index, and each conversation points at its own case.
    const open = await cases.listOpen();
    expect(open.map((o) => o.id).sort()).toEqual([...ids].sort());
    const some = made[137] as CaseRecord;
    expect((await cases.byConversation(some.conversations[0] as string))?.id).toBe(some.id);
  });

  it('returns undefined for an unknown case or conversation', async () => {
    const { cases } = await h.open(kind);
    await cases.create(newCaseInput(1));
    expect(await cases.get('IPC-0404')).toBeUndefined();
    expect(await cases.byConversation('nobody-here')).toBeUndefined();
  });

  it('finds a case by any conversation linked to it, once each', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    await cases.create(newCaseInput(2));
    expect((await cases.byConversation('conv-1'))?.id).toBe(a.id);
    expect((await cases.byConversation('conv-2'))?.id).toBe('IPC-0002');

    await cases.linkConversation('slack:T1:C1:1700000000.0001', a.id);
    await cases.linkConversation('slack:T1:C1:1700000000.0001', a.id);
    const linked = await cases.byConversation('slack:T1:C1:1700000000.0001');
    expect(linked?.id).toBe(a.id);
    expect(linked?.conversations).toEqual(['conv-1', 'slack:T1:C1:1700000000.0001']);
    // The first conversation still leads to the same case.
    expect((await cases.byConversation('conv-1'))?.id).toBe(a.id);
  });

  it('refuses to link a conversation to a case that does not exist', async () => {
    const { cases } = await h.open(kind);
    const { err } = await expectIpcheckError(cases.linkConversation('conv-x', 'IPC-0042'));
    expect(err.code).toBe('case_not_found');
    expect(await cases.byConversation('conv-x')).toBeUndefined();
  });

  it('increments the version and sets updatedAt on every update, keeping the id', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    h.clock.set('2026-11-29T08:30:00.000Z');
    const b = await cases.update(a.id, append('first'));
    expect(b.version).toBe(2);
    expect(b.updatedAt).toBe('2026-11-29T08:30:00.000Z');
    expect(b.createdAt).toBe(T0);
    h.clock.set('2026-11-30T08:30:00.000Z');
    // A change cannot move the case to another id or rewind its version.
    const c = await cases.update(a.id, (cur) => ({ ...cur, id: 'IPC-9999', version: 1 }));
    expect(c).toMatchObject({ id: a.id, version: 3, updatedAt: '2026-11-30T08:30:00.000Z' });
    expect(await cases.get(a.id)).toEqual(c);
    expect(await cases.get('IPC-9999')).toBeUndefined();
  });

  it('applies an update with the expected version, and refuses a stale one with where the case stands', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    const b = await cases.update(a.id, append('one'), { expectedVersion: 1 });
    expect(b.version).toBe(2);

    let err: unknown;
    try {
      await cases.update(a.id, append('stale'), { expectedVersion: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CaseConflictError);
    const conflict = err as CaseConflictError;
    expect(conflict.code).toBe('case_conflict');
    expect(conflict.current).toEqual(b);
    expect(conflict.message).toContain(a.id);
    // Nothing was written by the refused update.
    expect(await cases.get(a.id)).toEqual(b);
  });

  it('loses no update when 50 land on one case at once', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => cases.update(a.id, append(`update ${i}`))),
    );
    const final = (await cases.get(a.id)) as CaseRecord;
    expect(final.version).toBe(51);
    expect(final.audit).toHaveLength(51);
    expect(new Set(final.audit.slice(1).map((e) => e.detail))).toEqual(
      new Set(Array.from({ length: 50 }, (_, i) => `update ${i}`)),
    );
    expect(results.map((r) => r.version).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 2),
    );
  });

  it('lets exactly one of several updates expecting the same version through', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => cases.update(a.id, append(`try ${i}`), { expectedVersion: 1 })),
    );
    const won = settled.filter((s) => s.status === 'fulfilled');
    const lost = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(CaseConflictError);
      expect((l.reason as CaseConflictError).current.version).toBe(2);
    }
    expect((await cases.get(a.id))?.audit).toHaveLength(2);
  });

  it('finds the open case for a listing, follows listing changes, and stops once it is closed', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1, { platform: 'amazon', listingId: 'B0ABC' }));
    await cases.create(newCaseInput(2, { platform: 'aliexpress', listingId: '1005001' }));
    expect((await cases.openByListing('amazon', 'B0ABC'))?.id).toBe(a.id);
    expect((await cases.openByListing('aliexpress', '1005001'))?.id).toBe('IPC-0002');
    expect(await cases.openByListing('aliexpress', 'B0ABC')).toBeUndefined();
    expect(await cases.openByListing('amazon', 'B0OTHER')).toBeUndefined();

    // A case that learns its listing later is found by it.
    const c = await cases.create(newCaseInput(3));
    expect(await cases.openByListing('amazon', 'B0LATER')).toBeUndefined();
    await cases.update(c.id, (cur) => ({
      ...cur,
      state: { ...cur.state, facts: { platform: 'amazon', listingId: 'B0LATER' } },
    }));
    expect((await cases.openByListing('amazon', 'B0LATER'))?.id).toBe(c.id);

    // A corrected listing id moves the pointer.
    await cases.update(c.id, (cur) => ({
      ...cur,
      state: { ...cur.state, facts: { platform: 'amazon', listingId: 'B0FIXED' } },
    }));
    expect(await cases.openByListing('amazon', 'B0LATER')).toBeUndefined();
    expect((await cases.openByListing('amazon', 'B0FIXED'))?.id).toBe(c.id);

    await cases.update(a.id, close);
    expect(await cases.openByListing('amazon', 'B0ABC')).toBeUndefined();
    // A new case for the same listing is then the open one.
    const d = await cases.create(newCaseInput(4, { platform: 'amazon', listingId: 'B0ABC' }));
    expect((await cases.openByListing('amazon', 'B0ABC'))?.id).toBe(d.id);
  });

  it('lists open cases with their listing and stage, and drops closed ones', async () => {
    const { cases } = await h.open(kind);
    expect(await cases.listOpen()).toEqual([]);
    const a = await cases.create(newCaseInput(1, { platform: 'amazon', listingId: 'B0ABC' }));
    const b = await cases.create(newCaseInput(2));
    const c = await cases.create(newCaseInput(3));
    h.clock.set('2026-11-29T09:00:00.000Z');
    await cases.update(b.id, (cur) => ({ ...cur, state: { ...cur.state, status: 'open' } }));
    await cases.update(c.id, close);

    const open = await cases.listOpen();
    expect(open).toHaveLength(2);
    expect(open).toContainEqual({
      id: a.id,
      platform: 'amazon',
      listingId: 'B0ABC',
      status: 'new',
      updatedAt: T0,
      openedBy: 'U1',
      conversation: 'conv-1',
      facts: { platform: 'amazon', listingId: 'B0ABC' },
      details: {},
    });
    expect(open).toContainEqual({
      id: b.id,
      platform: undefined,
      listingId: undefined,
      status: 'open',
      updatedAt: '2026-11-29T09:00:00.000Z',
      openedBy: 'U2',
      conversation: 'conv-2',
      facts: {},
      details: {},
    });
    expect(open.map((o) => o.id)).not.toContain(c.id);
    // A closed case is still there to read (status, export); it just is not open.
    expect((await cases.get(c.id))?.status).toBe('closed');
  });

  it('lists a reopened case again, and finds it by its listing', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1, { platform: 'amazon', listingId: 'B0BACK' }));
    await cases.update(a.id, close);
    expect(await cases.listOpen()).toEqual([]);
    await cases.update(a.id, (cur) => ({ ...cur, status: 'open' }));
    expect((await cases.listOpen()).map((o) => o.id)).toEqual([a.id]);
    expect((await cases.openByListing('amazon', 'B0BACK'))?.id).toBe(a.id);
    // Updates that leave the status alone do not list it twice.
    await cases.update(a.id, append('again'));
    expect((await cases.listOpen()).map((o) => o.id)).toEqual([a.id]);
  });

  it('keeps the open index right when closes and reopens of one case race', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    const other = await cases.create(newCaseInput(2));
    const results = await Promise.all(
      Array.from({ length: 21 }, () =>
        cases.update(a.id, (cur) => ({ ...cur, status: cur.status === 'open' ? 'closed' : 'open' })),
      ),
    );
    const last = results.reduce((x, y) => (y.version > x.version ? y : x));
    expect(last.status).toBe('closed');
    expect((await cases.listOpen()).map((o) => o.id)).toEqual([other.id]);
  });

  it('applies a close and a reopen to the open index in the order they were saved, however slow the store', async () => {
    const stores = await h.open(kind);
    // The same store, but the first open-index change (the close's) is held up for a moment, as a slow
    // round trip or a busy Redis would: the reopen that follows must not overtake it.
    let delayed = false;
    const slow: Kv = Object.create(stores.kv, {
      withLock: {
        value: async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
          if (name.startsWith('index:open:') && name !== 'index:open:buckets' && !delayed) {
            delayed = true;
            await sleep(100);
          }
          return stores.kv.withLock(name, fn);
        },
      },
    });
    const cases = storesOn(slow, h.clock).cases;
    const a = await stores.cases.create(newCaseInput(1, { platform: 'amazon', listingId: 'B0SLOW' }));
    await Promise.all([cases.update(a.id, close), cases.update(a.id, (cur) => ({ ...cur, status: 'open' }))]);
    expect((await cases.get(a.id))?.status).toBe('open');
    expect((await cases.listOpen()).map((o) => o.id)).toEqual([a.id]);
    expect((await cases.openByListing('amazon', 'B0SLOW'))?.id).toBe(a.id);
  });

  it('reports a missing case as case_not_found on update', async () => {
    const { cases } = await h.open(kind);
    await cases.create(newCaseInput(1));
    let called = false;
    const { err } = await expectIpcheckError(
      cases.update('IPC-0077', (cur) => {
        called = true;
        return cur;
      }),
    );
    expect(err).not.toBeInstanceOf(CaseConflictError);
    expect(err.code).toBe('case_not_found');
    expect(err.message).toContain('IPC-0077');
    expect(called).toBe(false);
    expect(await cases.get('IPC-0077')).toBeUndefined();
  });

  it('leaves the stored record intact when a change fails midway, and the case stays usable', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    const b = await cases.update(a.id, append('kept'));
    await expect(
      cases.update(a.id, (cur) => {
        // Mutates what it was given, then fails: the stored record must not see any of it.
        cur.audit.push({ at: T0, who: 'U1', action: 'draft_sent', detail: 'half done' });
        cur.status = 'closed';
        throw new Error('renderer exploded');
      }),
    ).rejects.toThrow('renderer exploded');
    expect(await cases.get(a.id)).toEqual(b);
    expect((await cases.listOpen()).map((o) => o.id)).toEqual([a.id]);
    // The lock was released: the next update goes through at the next version.
    const c = await cases.update(a.id, append('after'));
    expect(c.version).toBe(3);
    expect(c.audit.map((e) => e.detail)).toEqual(['in test', 'kept', 'after']);
  });

  it('refuses a change that would leave the case unreadable, keeping the last good record', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    // Type-correct, but over the 2000-character audit detail limit that every read enforces.
    await expect(cases.update(a.id, append('x'.repeat(2001)))).rejects.toThrow(/IPC-0001 was not saved/);
    expect(await cases.get(a.id)).toEqual(a);
    await expect(
      cases.update(a.id, (cur) => ({
        ...cur,
        state: { ...cur.state, facts: { platform: 'ebay' as 'amazon' } },
      })),
    ).rejects.toThrow(/state\.facts\.platform/);
    expect(await cases.get(a.id)).toEqual(a);
    expect((await cases.update(a.id, append('fine'))).version).toBe(2);
    // A case cannot be created from a broken state either; nothing about it is stored.
    const bad = { ...newCaseInput(2), state: { ...newCaseInput(2).state, seq: -1 } };
    await expect(cases.create(bad)).rejects.toThrow(/was not saved/);
    expect(await cases.byConversation('conv-2')).toBeUndefined();
    expect((await cases.listOpen()).map((o) => o.id)).toEqual([a.id]);
  });

  it('keeps errors typed: a conflict is also an IpcheckError', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    const { err } = await expectIpcheckError(cases.update(a.id, (cur) => cur, { expectedVersion: 7 }));
    expect(err).toBeInstanceOf(IpcheckError);
    expect(err.code).toBe('case_conflict');
  });
});

describe.each(KINDS)('open-case index on %s', (kind) => {
  it('lists open cases across index buckets (ids past 999 and 1000)', async () => {
    const stores = await h.open(kind);
    // Jump the id counter so cases land in two buckets (IPC-0999 and IPC-1000).
    for (let i = 0; i < 998; i++) await stores.kv.incr('case-id');
    const a = await stores.cases.create(newCaseInput(1));
    const b = await stores.cases.create(newCaseInput(2));
    expect([a.id, b.id]).toEqual(['IPC-0999', 'IPC-1000']);
    expect((await stores.cases.listOpen()).map((o) => o.id)).toEqual(['IPC-0999', 'IPC-1000']);
    await stores.cases.update(a.id, close);
    expect((await stores.cases.listOpen()).map((o) => o.id)).toEqual(['IPC-1000']);
  });

  it('linking a conversation twice does not change the case version', async () => {
    const { cases } = await h.open(kind);
    const a = await cases.create(newCaseInput(1));
    await cases.linkConversation('thread-x', a.id);
    const v = (await cases.get(a.id))?.version;
    await cases.linkConversation('thread-x', a.id);
    expect((await cases.get(a.id))?.version).toBe(v);
    expect((await cases.byConversation('thread-x'))?.id).toBe(a.id);
  });
});
