import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KvCatalogStore } from '../../../src/adapters/storage/kv-catalog.js';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { storesOn } from '../../../src/adapters/storage/open-store.js';
import { CatalogCollector, CatalogService, catalogTeamOf } from '../../../src/adapters/sweep/catalog.js';
import { runTurn } from '../../../src/app/turn.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { withCatalog } from '../../../src/domain/conversation/catalog-notes.js';
import type { Reply } from '../../../src/domain/conversation/replies.js';
import { testContext } from '../../helpers/context.js';
import { tempDir } from '../../helpers/temp-dir.js';

const AT = '2026-11-28T10:00:00.000Z';

describe('the catalog store', () => {
  it('keeps ids and titles per team in a SQLite file, and a new catalog replaces the old one', async () => {
    const dir = await tempDir('catalog');
    const kv = await LocalKv.sqlite(join(dir, 'c.sqlite'));
    try {
      const store = new KvCatalogStore(kv);
      const many = Array.from(
        { length: 5000 },
        (_, i) => [`${1005006000000000 + i}`, `Listing ${i}`] as const,
      );
      const meta = await store.save('slack:T1', many, { source: 'a.csv', loadedAt: AT, partial: false });
      expect(meta).toMatchObject({ version: 1, count: 5000, shards: 3 });
      expect(await store.lookup('slack:T1', '1005006000004321')).toMatchObject({ title: 'Listing 4321' });
      expect((await store.lookup('slack:T1', '999'))?.title).toBeUndefined();
      expect(await store.lookup('slack:T2', '1005006000004321')).toBeUndefined();

      await store.save('slack:T1', [['1', 'x'.repeat(500)]], {
        source: 'b.csv',
        loadedAt: AT,
        partial: false,
      });
      expect((await store.lookup('slack:T1', '1005006000004321'))?.title).toBeUndefined();
      expect((await store.lookup('slack:T1', '1'))?.title).toHaveLength(100);
      // The old version's shards are gone.
      expect(await kv.get('catalog:slack:T1:v1:0')).toBeUndefined();
    } finally {
      await kv.close();
    }
  });

  it('keeps at most the limit and marks the catalog partial', () => {
    const c = new CatalogCollector();
    for (let i = 0; i < 200_005; i++) c.add(String(i), 't');
    expect(c.listings).toHaveLength(200_000);
    expect(c.partial).toBe(true);
  });

  it('finds a conversation’s team', () => {
    expect(catalogTeamOf('slack:T0001:C1:123.4')).toBe('slack:T0001');
    expect(catalogTeamOf('terminal:li')).toBe('local');
    // Teams: the tenant is the team, whichever chat or channel thread the key names.
    expect(catalogTeamOf('teams:tenant-1:a:personal-chat')).toBe('teams:tenant-1');
    expect(catalogTeamOf('teams:tenant-1:19:abc@thread.tacv2;messageid=17')).toBe('teams:tenant-1');
    expect(catalogTeamOf('teams:tenant-2:a:personal-chat')).not.toBe(catalogTeamOf('teams:tenant-1:a:x'));
    // A malformed key is never some other team's.
    expect(catalogTeamOf('teams:')).toBe('local');
  });
});

const question: Reply = {
  kind: 'question',
  questionId: 'listingIsOurs',
  seq: 1,
  text: 'Is the reported listing really yours?',
  choices: [
    { value: 'yes', label: 'Yes, it is our listing' },
    { value: 'no', label: 'No, it was never in our store' },
  ],
  canSkip: false,
  canGoBack: false,
};

describe('what the catalog adds to a case', () => {
  it('suggests "never ours" for a listing not in the catalog, without answering for the seller', () => {
    const [q] = withCatalog([question], '1005006000000099', {
      status: 'absent',
      count: 5,
      loadedAt: AT,
      partial: false,
    });
    expect(q).toMatchObject({
      help: '1005006000000099 is not among the 5 listings of your catalog (loaded 2026-11-28): it looks like it was never in your store. Confirm if that is so.',
      choices: [
        { value: 'yes', label: 'Yes, it is our listing' },
        { value: 'no', label: 'No, it was never in our store (not in your catalog)' },
      ],
    });
  });

  it('says nothing from a partial catalog or none', () => {
    expect(withCatalog([question], '1', { status: 'absent', count: 5, loadedAt: AT, partial: true })).toEqual(
      [question],
    );
    expect(withCatalog([question], '1', { status: 'none' })).toEqual([question]);
  });

  it('through a turn: the listing’s title and its watched marks show on the question and in the outcome', async () => {
    const ctx = await testContext();
    const clock = fixedClock(AT);
    const stores = storesOn(LocalKv.memory(), clock);
    const catalogs = new CatalogService(stores.kv);
    const c = new CatalogCollector();
    c.add('1005006000000001', 'N.I.K.E running shoes');
    await catalogs.save('terminal:li', c, 'listings.csv', new Date(AT));
    const deps = { ctx, cases: stores.cases, clock, catalogs };
    const say = async (text: string) =>
      (
        await runTurn(deps, {
          conversation: 'terminal:li',
          who: 'li',
          channel: 'terminal',
          event: { type: 'text', text },
        })
      ).replies;
    const first = await say('trademark complaint on 1005006000000001, from the AliExpress platform');
    const q = first.find((r) => r.kind === 'question');
    expect(q).toMatchObject({ questionId: 'listingIsOurs' });
    expect(q?.kind === 'question' && q.help).toContain(
      'In your catalog: 1005006000000001 is "N.I.K.E running shoes"; its title carries Nike.',
    );
    let replies = await say('1');
    for (const answer of ['yes', 'none', '2', 'yesterday']) {
      if (replies.some((r) => r.kind === 'outcome')) break;
      replies = await say(answer);
    }
    const outcome = replies.find((r) => r.kind === 'outcome');
    expect(outcome?.kind === 'outcome' && outcome.outcome.notes.join('\n')).toContain(
      'Your catalog has 1005006000000001 as "N.I.K.E running shoes": its title carries Nike (watched marks).',
    );
  });
});
