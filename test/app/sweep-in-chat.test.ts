import { beforeEach, describe, expect, it } from 'vitest';
import { rememberSweepThread, sweepCaseOf, takesSweepFiles } from '../../src/app/sweep-in-chat.js';
import { runTurn } from '../../src/app/turn.js';
import { type World, world } from './legal-fakes.js';

// Which chat threads take a listing export for the store sweep, and what the sweep knows of their case.

let w: World;
beforeEach(async () => {
  w = await world();
});

const THREAD = 'slack:T1:C1:1.1';

describe('app: the sweep in a chat', () => {
  it('a thread takes files when it is a case, or when it asked for a sweep; any other thread does not', async () => {
    expect(await takesSweepFiles(w.app, THREAD)).toBe(false);
    await rememberSweepThread(w.app, THREAD, 'U1');
    expect(await takesSweepFiles(w.app, THREAD)).toBe(true);
    // Kept under the key the sweep thread always had, so threads asked before an upgrade still count.
    expect(await w.stores.kv.get('slack:sweep-thread:T1:C1:1.1')).toEqual({ by: 'U1' });
    const inCase = 'slack:T1:C1:2.2';
    await runTurn(w.app, {
      conversation: inCase,
      who: 'SELLER',
      channel: 'slack',
      event: { type: 'start', text: 'complaint on B0C1234567' },
    });
    expect(await takesSweepFiles(w.app, inCase)).toBe(true);
    expect(await takesSweepFiles(w.app, 'slack:T1:C1:3.3')).toBe(false);
  });

  it('a sweep without a case advises freely; in a court case it says to keep everything', async () => {
    expect(await sweepCaseOf(w.app, THREAD)).toEqual({
      brand: undefined,
      preserve: false,
      caseId: undefined,
    });
    await runTurn(w.app, {
      conversation: THREAD,
      who: 'SELLER',
      channel: 'slack',
      event: { type: 'start', text: 'got court papers, a TRO about Nike on B0C1234567' },
    });
    const rec = await w.stores.cases.byConversation(THREAD);
    const got = await sweepCaseOf(w.app, THREAD);
    expect(got.caseId).toBe(rec?.id);
    expect(got.brand).toBe(rec?.state.details.brand);
    expect(got.preserve).toBe(true);
  });
});
