import { beforeEach, describe, expect, it } from 'vitest';
import { openIndexKey } from '../../src/adapters/storage/kv-case-repository.js';
import { teamCaseList } from '../../src/app/case-list.js';
import { runTurn } from '../../src/app/turn.js';
import { type World, world } from './legal-fakes.js';

// The open cases a team sees in a list (Slack's /ipcheck list and App Home, Teams' "ipcheck list").

let w: World;
beforeEach(async () => {
  w = await world();
});

const open = (conversation: string, text: string) =>
  runTurn(w.app, {
    conversation,
    who: 'SELLER',
    channel: conversation.split(':')[0] ?? 'terminal',
    event: { type: 'start', text },
  });

/** An open case whose record cannot be read (no audit trail), in `conversations`. */
async function plantDamaged(id: string, conversations: string[]): Promise<void> {
  await w.stores.kv.set(`case:${id}`, { schema: 2, id, status: 'open', conversations, openedBy: 'SELLER' });
  const key = openIndexKey(id);
  await w.stores.kv.set(key, [...((await w.stores.kv.get<string[]>(key)) ?? []), id]);
}

describe('app: the case list of a team', () => {
  it("lists only the team's own open cases, each with its next deadline", async () => {
    await open('slack:T1:C1:1.1', 'got a TRO on B0C1234567, served yesterday');
    await open('slack:T2:C1:1.1', 'complaint on B0C7654321');
    await open('teams:X:chat-1', 'complaint on B0C1111111');
    await open('terminal:s1', 'complaint on B0C2222222');
    const slack = await teamCaseList(w.app, 'slack:T1');
    expect(slack.rows.map((r) => r.c.id)).toEqual(['IPC-0001']);
    expect(slack.unreadable).toBeUndefined();
    expect((await teamCaseList(w.app, 'teams:X')).rows.map((r) => r.c.listingId)).toEqual(['B0C1111111']);
    expect((await teamCaseList(w.app, 'slack:T3')).rows).toEqual([]);
  });

  it('a case with a deadline ahead shows the nearest one; one without shows none', async () => {
    await open(
      'slack:T1:C1:1.1',
      'court papers, a TRO on B0C1234567 served on 2026-11-30, our account is frozen',
    );
    const [row] = (await teamCaseList(w.app, 'slack:T1')).rows;
    expect(row?.next).toMatchObject({ id: 'tro_expiry', date: '2026-12-14', daysLeft: 13 });
    await open('slack:T1:C1:2.2', 'complaint on B0C7654321');
    const rows = (await teamCaseList(w.app, 'slack:T1')).rows;
    expect(rows.find((r) => r.c.listingId === 'B0C7654321')?.next).toBeUndefined();
  });

  it("names the team's unreadable cases and those of no team, never another team's", async () => {
    await open('slack:T1:C1:1.1', 'complaint on B0C1234567');
    await plantDamaged('IPC-0007', ['slack:T1:C0X:1.2']);
    await plantDamaged('IPC-0008', ['teams:X:chat-9']);
    await plantDamaged('IPC-0009', ['terminal:s9']);
    expect((await teamCaseList(w.app, 'slack:T1')).unreadable).toBe(
      '2 cases could not be read: IPC-0007 (damaged), IPC-0009 (damaged). The others are fine; tell your admin.',
    );
    expect((await teamCaseList(w.app, 'teams:X')).unreadable).toBe(
      '2 cases could not be read: IPC-0008 (damaged), IPC-0009 (damaged). The others are fine; tell your admin.',
    );
  });
});
