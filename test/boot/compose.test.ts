import { describe, expect, it } from 'vitest';
import { LocalKv } from '../../src/adapters/storage/local-kv.js';
import { storesOn } from '../../src/adapters/storage/open-store.js';
import { CatalogCollector } from '../../src/adapters/sweep/catalog.js';
import { appDeps } from '../../src/app/app-deps.js';
import { catalogsFor } from '../../src/app/catalogs.js';
import { reminderDeps } from '../../src/app/rounds.js';
import { turnDeps } from '../../src/app/turn-deps.js';
import { fixedClock } from '../../src/boot/clock.js';
import { compose, composeApp } from '../../src/boot/compose.js';
import type { Config } from '../../src/boot/config.js';
import { newCase } from '../../src/domain/model/case-state.js';
import { testContext } from '../helpers/context.js';

// The composition root: one place builds the context, the store, the catalogs and the app's ports, and
// every channel's deps lead to that one AppDeps.

const clock = fixedClock('2026-11-28T10:00:00Z');

const config: Config = {
  defaults: { store: 'Acme Home Store', contact: 'Li Wei' },
  storeUrl: 'memory://',
  exportDir: './exports',
  reminderIntervalMs: 60_000,
  maxQueued: 200,
  timeZone: 'Asia/Shanghai',
};

const listings = (rows: [string, string][]) => {
  const c = new CatalogCollector();
  for (const [id, title] of rows) c.add(id, title);
  return c;
};

describe('compose', () => {
  it('builds the context with the configured defaults and zone, and the AppDeps over one store', async () => {
    const warned: string[] = [];
    const root = await compose(config, {
      store: {},
      llm: 'off',
      clock,
      log: { info: () => {}, warn: (l) => warned.push(l) },
    });
    try {
      expect(root.ctx.defaults).toEqual(config.defaults);
      expect(root.ctx.timeZone).toBe('Asia/Shanghai');
      expect(root.app.ctx).toBe(root.ctx);
      expect(root.app.clock).toBe(clock);
      expect(root.app.catalogs).toBe(root.catalogs);
      expect(root.llm).toBeUndefined();
      expect(root.storeName).toBe(root.app.records.describe);
      // A case made through the app's port is the store's case.
      const rec = await root.app.cases.create({
        conversation: 'cli',
        channel: 'cli',
        openedBy: 'li',
        state: newCase(),
        now: clock.now(),
      });
      expect((await root.stores.cases.get(rec.id))?.id).toBe(rec.id);
      root.app.warn('a notice could not be posted');
      expect(warned).toEqual(['a notice could not be posted']);
    } finally {
      await root.close();
    }
  });

  it('keeps a team catalog the app can look up', async () => {
    const root = await compose(config, { store: {}, llm: 'off', clock });
    try {
      await root.app.catalogs.save(
        'slack:T1:C1:1.0',
        listings([['1005006123456789', 'Garden hose']]),
        'a.csv',
        clock.now(),
      );
      expect(await root.app.catalogs.lookup('slack:T1:C9:2.0', '1005006123456789')).toMatchObject({
        status: 'present',
        title: 'Garden hose',
      });
      expect(await root.app.catalogs.lookup('slack:T2:C1:1.0', '1005006123456789')).toEqual({
        status: 'none',
      });
    } finally {
      await root.close();
    }
  });
});

describe('appDeps', () => {
  it("is the root's AppDeps for deps that carry one, whatever helper asks", async () => {
    const ctx = await testContext();
    const stores = storesOn(LocalKv.memory(), clock);
    const app = composeApp({ ctx, stores, clock });
    const deps = { ctx, stores, clock, app };
    expect(appDeps(deps)).toBe(app);
    expect(turnDeps(deps)).toBe(app);
    expect(reminderDeps(deps)).toBe(app);
    expect(catalogsFor(deps)).toBe(app.catalogs);
  });

  it('makes one AppDeps for deps put together by hand, with no catalog', async () => {
    const ctx = await testContext();
    const stores = storesOn(LocalKv.memory(), clock);
    const deps = { ctx, stores, clock };
    const a = appDeps(deps);
    expect(appDeps(deps)).toBe(a);
    expect(a.cases).toBe(stores.cases);
    expect(a.records).toBe(stores.kv);
    expect(await a.catalogs.lookup('slack:T1:C1:1.0', '1005006123456789')).toEqual({ status: 'none' });
    await expect(a.catalogs.save('slack:T1:C1:1.0', listings([]), 'a.csv', clock.now())).rejects.toThrow(
      /compose/,
    );
  });
});
