import { createClient } from '@keyv/redis';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { KvCaseRepository } from '../../../src/adapters/storage/kv-case-repository.js';
import { newCaseInput, useStores } from './harness.js';

// The open-case index (index:open:buckets → bucket numbers, index:open:<n> → case ids) damaged in every
// way a hand edit, a half-restored backup or a disk error could leave it. Before, `list` and App Home
// failed ("buckets.map is not a function") or silently showed fewer cases. Now every read of the index is
// checked, a damaged part is rebuilt from the case records, and that is logged once, at warn.

const h = useStores();

const BUCKETS = 'index:open:buckets';
const BUCKET0 = 'index:open:0';

/** Puts bytes that are not JSON under a key, with the store's own tools (keyv cannot write them). */
async function plantNotJson(kind: 'sqlite' | 'redis', url: string, key: string): Promise<void> {
  if (kind === 'redis') {
    const client = createClient({ url });
    client.on('error', () => {});
    await client.connect();
    // The key as keyv names it in Redis (its namespace prefix).
    const keys = (await client.sendCommand(['KEYS', `*${key}`])) as string[];
    expect(keys).toHaveLength(1);
    await client.sendCommand(['SET', keys[0] as string, 'garbage{']);
    await client.close();
    return;
  }
  const db = new sqlite3.Database(url.slice('sqlite://'.length));
  await new Promise<void>((resolve, reject) =>
    db.run('UPDATE keyv SET value = ? WHERE key = ?', ['garbage{', `ipcheck:${key}`], (err) =>
      err ? reject(err) : resolve(),
    ),
  );
  await new Promise((r) => db.close(r));
}

type Damage = { name: string; key: string; value: unknown } | { name: string; key: string; notJson: true };

const DAMAGES: Damage[] = [
  { name: 'the bucket list is an object', key: BUCKETS, value: { 0: true } },
  { name: 'the bucket list is a string', key: BUCKETS, value: 'index' },
  { name: 'the bucket list is empty (every case hidden)', key: BUCKETS, value: [] },
  { name: 'the bucket list is gone', key: BUCKETS, value: undefined },
  { name: 'the bucket list holds a negative number', key: BUCKETS, value: [-1] },
  { name: 'the bucket list is not JSON', key: BUCKETS, notJson: true },
  { name: 'a bucket is a number', key: BUCKET0, value: 5 },
  { name: 'a bucket is an object', key: BUCKET0, value: { ids: ['IPC-0001'] } },
  { name: 'a bucket holds something that is not a case id', key: BUCKET0, value: ['IPC-0001', 42] },
  { name: 'a bucket is gone', key: BUCKET0, value: undefined },
  { name: 'a bucket is not JSON', key: BUCKET0, notJson: true },
];

describe.each(['sqlite', 'redis'] as const)('a damaged open-case index on %s', (kind) => {
  it.each(DAMAGES)('$name: list shows every open case, the index is rebuilt, one warning', async (damage) => {
    const url = h.url(kind);
    const stores = await h.open(url);
    const warnings: string[] = [];
    const cases = new KvCaseRepository(stores.kv, h.clock, { warn: (m) => warnings.push(m) });
    const a = await cases.create(newCaseInput(1, { platform: 'amazon', listingId: 'B0AAAAAAAA' }));
    const b = await cases.create(newCaseInput(2));
    const c = await cases.create(newCaseInput(3));
    await cases.update(b.id, (r) => ({ ...r, status: 'closed' }));
    expect(warnings).toEqual([]);

    if ('notJson' in damage) await plantNotJson(kind, url, damage.key);
    else if (damage.value === undefined) await stores.kv.delete(damage.key);
    else await stores.kv.set(damage.key, damage.value);

    const report = await cases.listOpenReport();
    expect(report.cases.map((x) => x.id)).toEqual([a.id, c.id]);
    expect(report.unreadable).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/open-case index \(index:open:(buckets|0)\) was .*rebuilt it from the case/);
    // Rebuilt for good: the next read finds it whole and says nothing more.
    expect((await cases.listOpen()).map((x) => x.id)).toEqual([a.id, c.id]);
    expect(warnings).toHaveLength(1);
    // And it keeps working: a new case is listed, a closed one goes.
    const d = await cases.create(newCaseInput(4));
    await cases.update(a.id, (r) => ({ ...r, status: 'closed' }));
    expect((await cases.listOpen()).map((x) => x.id)).toEqual([c.id, d.id]);
    expect(warnings).toHaveLength(1);
  });

  it('a damaged bucket met by a write (a case being opened) is rebuilt first, so no case drops out', async () => {
    const stores = await h.open(kind);
    const warnings: string[] = [];
    const cases = new KvCaseRepository(stores.kv, h.clock, { warn: (m) => warnings.push(m) });
    const a = await cases.create(newCaseInput(1));
    await stores.kv.set(BUCKET0, 'damaged');
    const b = await cases.create(newCaseInput(2));
    expect((await cases.listOpen()).map((x) => x.id)).toEqual([a.id, b.id]);
    expect(warnings).toHaveLength(1);
  });
});
