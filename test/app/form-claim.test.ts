import { beforeEach, describe, expect, it } from 'vitest';
import { formOnce } from '../../src/app/form-claim.js';
import { type World, world } from './legal-fakes.js';

// A form submission applied at most once, against the real claims of a memory store.

let w: World;
beforeEach(async () => {
  w = await world();
});

type V = { ok: boolean; said: string };
const already = (): V => ({ ok: false, said: 'already' });

describe('app: a form is applied at most once', () => {
  it('a replay of an applied form is answered "already" and its work does not run', async () => {
    let runs = 0;
    const work = async (): Promise<V> => ({ ok: true, said: `applied ${++runs}` });
    expect(await formOnce(w.app.claims, 'test:view:V1', already, work)).toEqual({
      ok: true,
      said: 'applied 1',
    });
    expect(await formOnce(w.app.claims, 'test:view:V1', already, work)).toEqual(already());
    expect(runs).toBe(1);
  });

  it('two submissions at once: one runs, the other is answered "already"', async () => {
    let runs = 0;
    const work = async (): Promise<V> => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return { ok: true, said: 'applied' };
    };
    const both = await Promise.all([
      formOnce(w.app.claims, 'test:view:V2', already, work),
      formOnce(w.app.claims, 'test:view:V2', already, work),
    ]);
    expect(both.map((v) => v.said).sort()).toEqual(['already', 'applied']);
    expect(runs).toBe(1);
  });

  it('a refused or failed form is given back, so it can be sent again', async () => {
    const refused = await formOnce(w.app.claims, 'test:view:V3', already, async () => ({
      ok: false,
      said: 'the text is empty',
    }));
    expect(refused.said).toBe('the text is empty');
    await expect(
      formOnce(w.app.claims, 'test:view:V3', already, async () => {
        throw new Error('store down');
      }),
    ).rejects.toThrow('store down');
    const again = await formOnce(w.app.claims, 'test:view:V3', already, async () => ({
      ok: true,
      said: 'applied',
    }));
    expect(again.said).toBe('applied');
  });
});
