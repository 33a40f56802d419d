import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIndexKey } from '../../../src/adapters/storage/kv-case-repository.js';
import { blocksToText, visibleText } from '../../fakes/slack-api.js';
import { appHomeOpenedEvent } from '../../fakes/slack-signing.js';
import { eventually, SELLER, type SlackHarness } from './harness.js';
import { openByCommand, startClean } from './harness-extra.js';

// One damaged record must not break /ipcheck list or App Home, and must not silently vanish from them.

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

/** Plants an unreadable open case (a record missing its audit trail) of workspace `team`. */
async function plantDamaged(id: string, team: string): Promise<void> {
  await h.stores.kv.set(`case:${id}`, {
    schema: 2,
    id,
    status: 'open',
    conversations: [`slack:${team}:C0X:1.2`],
    openedBy: SELLER,
  });
  const key = openIndexKey(id);
  await h.stores.kv.set(key, [...((await h.stores.kv.get<string[]>(key)) ?? []), id]);
}

describe('Slack: an unreadable case is named, and the others are still listed', () => {
  it('/ipcheck list shows the readable cases and says which one could not be read', async () => {
    await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    await plantDamaged('IPC-0009', 'T0001');
    await plantDamaged('IPC-0010', 'T0OTHER');
    const n = h.api.responses.length;
    await h.command('list');
    await eventually(() => expect(h.api.responses).toHaveLength(n + 1));
    const text = visibleText(h.api.responses[n]?.body as { text?: string });
    expect(text).toContain('Open cases (1)');
    expect(text).toContain('*IPC-0001* amazon B0C1234567');
    expect(text).toContain(
      '1 case could not be read: IPC-0009 (damaged). The others are fine; tell your admin.',
    );
    // Another workspace's damaged case is not named here.
    expect(text).not.toContain('IPC-0010');
  });

  it('App Home shows the seller’s cases and the same note', async () => {
    await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    await plantDamaged('IPC-0009', 'T0001');
    expect(await h.event(appHomeOpenedEvent({ user: SELLER }))).toBe(200);
    await eventually(() => expect(h.api.callsTo('views.publish')).toHaveLength(1));
    const view = h.api.views.find((v) => v.kind === 'home' && v.user_id === SELLER);
    const text = blocksToText(view?.view.blocks as unknown[]);
    expect(text).toContain('*Your open cases (1)*');
    expect(text).toContain('*IPC-0001*');
    expect(text).toContain('1 case could not be read: IPC-0009 (damaged)');
  });

  it('a damaged open-case index: /ipcheck list and App Home still show every open case', async () => {
    await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    // What a bad hand edit or a half-restored backup leaves: not a list of buckets at all.
    await h.stores.kv.set('index:open:buckets', { 0: true });
    const n = h.api.responses.length;
    await h.command('list');
    await eventually(() => expect(h.api.responses).toHaveLength(n + 1));
    const text = visibleText(h.api.responses[n]?.body as { text?: string });
    expect(text).toContain('Open cases (1)');
    expect(text).toContain('*IPC-0001* amazon B0C1234567');
    await h.stores.kv.set('index:open:0', 'IPC-0001');
    expect(await h.event(appHomeOpenedEvent({ user: SELLER }))).toBe(200);
    await eventually(() => expect(h.api.callsTo('views.publish')).toHaveLength(1));
    const view = h.api.views.find((v) => v.kind === 'home' && v.user_id === SELLER);
    expect(blocksToText(view?.view.blocks as unknown[])).toContain('*Your open cases (1)*');
  });
});
