import { describe, expect, it } from 'vitest';
import { WorkGate } from '../../../src/channels/slack/work-gate.js';

describe('WorkGate: acked requests take turns for their work', () => {
  it('lets `limit` run at once and the rest in arrival order, each as a turn is given back', async () => {
    const gate = new WorkGate(2);
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const take = (i: number) =>
      gate.turn().then((release) => {
        started.push(i);
        releases[i] = release;
      });
    const all = [0, 1, 2, 3, 4].map(take);
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.queued).toBe(3);
    releases[1]?.();
    await all[2];
    expect(started).toEqual([0, 1, 2]);
    // A release given twice frees one turn, not two.
    releases[1]?.();
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    releases[0]?.();
    releases[2]?.();
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(gate.queued).toBe(0);
  });

  it('gives turns back when nobody waits, so later work starts at once', async () => {
    const gate = new WorkGate(1);
    (await gate.turn())();
    (await gate.turn())();
    const r = await gate.turn();
    expect(gate.queued).toBe(0);
    r();
  });
});
