import { describe, expect, it } from 'vitest';
import { KINDS, sleep, useStores } from './harness.js';

const h = useStores();

describe.each(KINDS)('claims on %s', (kind) => {
  it('claims an id once: true, then false', async () => {
    const { claims } = await h.open(kind);
    expect(await claims.claim('slack:Ev01', 60_000)).toBe(true);
    expect(await claims.claim('slack:Ev01', 60_000)).toBe(false);
    // Other ids are unaffected.
    expect(await claims.claim('slack:Ev02', 60_000)).toBe(true);
  });

  it('lets exactly one of 20 concurrent claims win', async () => {
    const { claims } = await h.open(kind);
    const results = await Promise.all(Array.from({ length: 20 }, () => claims.claim('teams:act-7', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('makes a released claim claimable again, for a retry', async () => {
    const { claims } = await h.open(kind);
    expect(await claims.claim('slack:Ev01', 60_000)).toBe(true);
    await claims.release('slack:Ev01');
    expect(await claims.claim('slack:Ev01', 60_000)).toBe(true);
    expect(await claims.claim('slack:Ev01', 60_000)).toBe(false);
    // Releasing what nobody holds is harmless.
    await claims.release('never-claimed');
    expect(await claims.claim('never-claimed', 60_000)).toBe(true);
  });

  it('keeps completed work claimed past its lease, for keepMs', async () => {
    const { claims } = await h.open(kind);
    expect(await claims.claim('slack:Ev01', 200)).toBe(true);
    await claims.complete('slack:Ev01', 60_000);
    await sleep(350);
    expect(await claims.claim('slack:Ev01', 200)).toBe(false);
    // Completed without a claim first (e.g. by another path): still blocks later retries.
    await claims.complete('slack:Ev02', 60_000);
    expect(await claims.claim('slack:Ev02', 60_000)).toBe(false);
  });

  it('makes a claim claimable again once its lease runs out (the claimer died midway)', async () => {
    const { claims } = await h.open(kind);
    expect(await claims.claim('slack:Ev01', 200)).toBe(true);
    expect(await claims.claim('slack:Ev01', 200)).toBe(false);
    await sleep(350);
    expect(await claims.claim('slack:Ev01', 60_000)).toBe(true);
  });

  it('forgets completed work once keepMs has passed', async () => {
    const { claims } = await h.open(kind);
    expect(await claims.claim('slack:Ev01', 60_000)).toBe(true);
    await claims.complete('slack:Ev01', 200);
    expect(await claims.claim('slack:Ev01', 60_000)).toBe(false);
    await sleep(350);
    expect(await claims.claim('slack:Ev01', 60_000)).toBe(true);
  });

  it('keeps claims apart from cases and reminders with the same name', async () => {
    const stores = await h.open(kind);
    const rec = await stores.cases.create({
      conversation: 'c',
      channel: 'test',
      openedBy: 'U1',
      state: (await import('../../../src/domain/model/case-state.js')).newCase(),
      now: new Date(),
    });
    expect(await stores.claims.claim(rec.id, 60_000)).toBe(true);
    expect(await stores.claims.claim(`case:${rec.id}`, 60_000)).toBe(true);
    expect((await stores.cases.get(rec.id))?.id).toBe(rec.id);
    await stores.claims.release(`case:${rec.id}`);
    expect((await stores.cases.get(rec.id))?.version).toBe(1);
  });
});
