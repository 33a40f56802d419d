import { beforeEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../src/adapters/storage/open-store.js';
import { type TerminalWords, terminalSession } from '../../src/app/terminal-session.js';
import type { CoreContext } from '../../src/domain/conversation/outcome.js';
import { renderRepliesText } from '../../src/domain/conversation/render-text.js';
import { testContext } from '../helpers/context.js';
import { NOW } from './legal-fakes.js';

// The terminal's conversation as the app runs it, against a memory store and a port that records what it
// would print: no readline, no process.

const NOT_OURS = 'complaint on B0C1234567 on 2026-11-27, we never listed it';
const WORDS: TerminalWords = {
  goodbye: (store, rec) => `bye from ${store}: ${rec?.id ?? 'no case'}`,
};

let ctx: CoreContext;
let stores: Stores;
beforeEach(async () => {
  ctx = await testContext();
  stores = await openStores('memory://', { now: () => NOW });
});

function session() {
  const printed: string[] = [];
  const exported: string[] = [];
  const s = terminalSession({ ctx, stores, clock: { now: () => NOW }, user: 'ana' }, WORDS, {
    send: (replies) => void printed.push(renderRepliesText(replies)),
    line: (text) => void printed.push(text),
    working: () => void printed.push('working…'),
    exportCase: async (rec) => void exported.push(rec.id),
    failed: (err) => void printed.push(`failed: ${(err as Error).message}`),
  });
  return { s, printed, exported };
}

describe('app: a terminal session', () => {
  it('opens a case on the first complaint, and says goodbye naming it', async () => {
    const { s, printed } = session();
    await s.resume();
    expect(printed).toEqual([]);
    await s.say(NOT_OURS);
    expect(printed.join('\n')).toContain('I understood: Amazon listing B0C1234567');
    expect((await stores.cases.byConversation('terminal:ana'))?.id).toBe('IPC-0001');
    await s.end();
    expect(printed.at(-1)).toBe('bye from memory://: IPC-0001');
  });

  it('a question it asked is answered by "no" with its own words, and nothing changes', async () => {
    const { s, printed } = session();
    await s.say(NOT_OURS);
    await s.say('close');
    await s.say('no');
    expect(printed.at(-1)).toBe('IPC-0001 stays open.');
    expect((await stores.cases.get('IPC-0001'))?.status).toBe('open');
  });

  it('"yes" to that question does what it asked', async () => {
    const { s } = session();
    await s.say(NOT_OURS);
    await s.say('close');
    await s.say('yes');
    expect((await stores.cases.get('IPC-0001'))?.status).toBe('closed');
  });

  it('the next session resumes a case in progress, and a closed one is left for a new case', async () => {
    const first = session();
    await first.s.say('got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html');
    const second = session();
    await second.s.resume();
    expect(second.printed[0]).toBe(
      'Welcome back: continuing case IPC-0001 where you stopped. Say "new" for a new case.',
    );
    await second.s.say('close');
    await second.s.say('yes');
    const third = session();
    await third.s.resume();
    expect(third.printed).toEqual([
      'Your last case, IPC-0001, is closed. Tell me about a new complaint to open a new case.',
    ]);
    await third.s.say(NOT_OURS);
    expect((await stores.cases.byConversation('terminal:ana'))?.id).toBe('IPC-0002');
  });

  it('"export" hands the case to the terminal to write', async () => {
    const { s, exported } = session();
    await s.say(NOT_OURS);
    await s.say('export');
    expect(exported).toEqual(['IPC-0001']);
  });

  it('a store that fails is told, and the session goes on', async () => {
    const { s, printed } = session();
    const get = stores.cases.byConversation.bind(stores.cases);
    stores.cases.byConversation = async () => {
      throw new Error('store down');
    };
    await s.resume();
    expect(printed).toContain('failed: store down');
    stores.cases.byConversation = get;
    await s.say(NOT_OURS);
    expect(printed.join('\n')).toContain('I understood: Amazon listing B0C1234567');
  });
});
