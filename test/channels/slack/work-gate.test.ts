import { describe, expect, it } from 'vitest';
import { WorkGate } from '../../../src/channels/shared/work-gate.js';

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

  it('lets in `limit` working and `maxQueued` waiting, turns the next away, and lets in again as turns end', async () => {
    const gate = new WorkGate(1, 2);
    const a = gate.enter();
    const b = gate.enter();
    const c = gate.enter();
    // Counted from when they are let in (before their ack asks for the turn), so a burst cannot overfill it.
    expect(gate.enter()).toBeUndefined();
    await a?.turn();
    const waitingB = b?.turn();
    const waitingC = c?.turn();
    expect(gate.queued).toBe(2);
    expect(gate.enter()).toBeUndefined();
    a?.release();
    await waitingB;
    // One place came free: exactly one more is let in.
    const d = gate.enter();
    expect(d).toBeDefined();
    expect(gate.enter()).toBeUndefined();
    b?.release();
    await waitingC;
    c?.release();
    await d?.turn();
    d?.release();
    expect(gate.queued).toBe(0);
    // A ticket given back before it asked for its turn frees its place; asking twice is one turn.
    const e = gate.enter();
    e?.release();
    const f = gate.enter();
    await Promise.all([f?.turn(), f?.turn()]);
    const g = gate.enter();
    const h = gate.enter();
    expect(gate.enter()).toBeUndefined();
    f?.release();
    await g?.turn();
    g?.release();
    h?.release();
  });
});
