import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../src/domain/model/case-record.js';
import { newCaseInput, T0, useStores } from './harness.js';

// The SQLite default must survive a restart: close the store, open the same file again, carry on.

const h = useStores();

describe('SQLite file store', () => {
  it('creates the file and its nested folders on first open', async () => {
    const folder = join(h.dir, 'first-run', 'data', 'nested');
    const file = join(folder, 'ipcheck.sqlite');
    expect(existsSync(join(h.dir, 'first-run'))).toBe(false);
    const stores = await h.open(`sqlite://${file}`);
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(statSync(file).isFile()).toBe(true);
    expect(stores.kv.shared).toBe(false);
    expect(stores.kv.describe).toBe(`sqlite://${file}`);
    await stores.cases.create(newCaseInput(1));
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it('keeps every case, link, listing, index and the id counter across a restart', async () => {
    const url = h.url('sqlite');
    const first = await h.open(url);
    const a = await first.cases.create(newCaseInput(1, { platform: 'amazon', listingId: 'B0KEEP' }));
    const b = await first.cases.create(newCaseInput(2));
    const c = await first.cases.create(newCaseInput(3, { platform: 'aliexpress', listingId: '1005' }));
    h.clock.set('2026-11-29T12:00:00.000Z');
    const b2 = await first.cases.update(b.id, (cur) => ({
      ...cur,
      state: { ...cur.state, status: 'open', facts: { notice: 'court_or_tro' } },
      audit: [...cur.audit, { at: T0, who: 'U2', action: 'answer', detail: 'notice: court_or_tro' }],
    }));
    await first.cases.linkConversation('slack:T1:C9:123.456', b.id);
    const c2 = await first.cases.update(c.id, (cur) => ({ ...cur, status: 'closed' }));
    const b3 = (await first.cases.get(b.id)) as CaseRecord;
    expect(b3.version).toBe(b2.version + 1);
    await h.close(first);

    // "Restart": a new store on the same file.
    const second = await h.open(url);
    expect(await second.cases.get(a.id)).toEqual(a);
    expect(await second.cases.get(b.id)).toEqual(b3);
    expect(await second.cases.get(c.id)).toEqual(c2);
    expect((await second.cases.byConversation('slack:T1:C9:123.456'))?.id).toBe(b.id);
    expect((await second.cases.byConversation('conv-1'))?.id).toBe(a.id);
    expect((await second.cases.openByListing('amazon', 'B0KEEP'))?.id).toBe(a.id);
    expect(await second.cases.openByListing('aliexpress', '1005')).toBeUndefined();
    expect((await second.cases.listOpen()).map((o) => o.id).sort()).toEqual([a.id, b.id]);
    // The id counter survived too: no id is handed out twice.
    expect((await second.cases.create(newCaseInput(4))).id).toBe('IPC-0004');
    // And the case continues where it stopped, at the next version.
    const b4 = await second.cases.update(b.id, (cur) => cur, { expectedVersion: b3.version });
    expect(b4.version).toBe(b3.version + 1);
  });

  it('keeps scheduled reminders and claims across a restart', async () => {
    const url = h.url('sqlite');
    const first = await h.open(url);
    const r = { id: 'IPC-0001:answer:2026-12-10:-1d', caseId: 'IPC-0001', at: T0, text: 'answer due' };
    expect(await first.reminders.schedule(r)).toBe(true);
    expect(await first.reminders.schedule({ ...r, id: 'gone', text: 'removed' })).toBe(true);
    await first.reminders.remove('gone');
    expect(await first.claims.claim('slack:Ev1', 60_000)).toBe(true);
    await first.claims.complete('slack:Ev2', 60_000);
    await h.close(first);

    const second = await h.open(url);
    expect(await second.reminders.due(new Date(T0))).toEqual([r]);
    expect(await second.reminders.schedule(r)).toBe(false);
    // A done delivery stays done; work the earlier process had in progress (its lease) can never finish
    // now, so it is taken over at once (one process owns an SQLite file) instead of blocking until it expires.
    expect(await second.claims.claim('slack:Ev2', 60_000)).toBe(false);
    expect(await second.claims.claim('slack:Ev1', 60_000)).toBe(true);
    expect(await second.claims.claim('slack:Ev1', 60_000)).toBe(false);
    expect(await second.claims.claim('slack:Ev3', 60_000)).toBe(true);
  });

  it('keeps two files apart', async () => {
    const one = await h.open('sqlite');
    const two = await h.open('sqlite');
    await one.cases.create(newCaseInput(1));
    expect(await two.cases.get('IPC-0001')).toBeUndefined();
    expect((await two.cases.create(newCaseInput(2))).id).toBe('IPC-0001');
    expect((await one.cases.get('IPC-0001'))?.openedBy).toBe('U1');
  });
});
