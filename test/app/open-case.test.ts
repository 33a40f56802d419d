import { beforeEach, describe, expect, it } from 'vitest';
import { caseOfConversation } from '../../src/app/case-lookup.js';
import {
  dropOpening,
  type OpeningOf,
  openCaseOfListing,
  openingId,
  readOpening,
  saveOpening,
  whileOpening,
} from '../../src/app/open-case.js';
import { runTurn } from '../../src/app/turn.js';
import type { ListingRef } from '../../src/domain/reading/listing-ref.js';
import { type World, world } from './legal-fakes.js';

// Opening a case about a listing from a chat, against a real memory store: one opening at a time, the
// open case a team links to, and the record a half-done opening leaves for the next try.

let w: World;
beforeEach(async () => {
  w = await world();
});

const REF: ListingRef = { platform: 'amazon', listingId: 'B0C1234567' } as ListingRef;
const OF: OpeningOf = { channel: 'slack', team: 'T1', ref: REF };

/** A case about REF, opened in `conversation` the way a chat opens one. */
const openIn = (conversation: string) =>
  runTurn(w.app, {
    conversation,
    who: 'SELLER',
    channel: conversation.split(':')[0] ?? 'terminal',
    event: { type: 'start', text: 'complaint on B0C1234567' },
  });

describe('app: one opening of a listing at a time', () => {
  it('a second opening of the same listing in the team is refused while the first runs, and allowed after', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = whileOpening(w.app, OF, () => held);
    let ran = false;
    expect(
      await whileOpening(w.app, OF, async () => {
        ran = true;
      }),
    ).toBe(false);
    expect(ran).toBe(false);
    // Another team, or another listing, is not held up.
    expect(await whileOpening(w.app, { ...OF, team: 'T2' }, async () => {})).toBe(true);
    release();
    expect(await first).toBe(true);
    expect(await whileOpening(w.app, OF, async () => {})).toBe(true);
  });

  it('an opening that failed gives the listing back', async () => {
    await expect(
      whileOpening(w.app, OF, async () => {
        throw new Error('post failed');
      }),
    ).rejects.toThrow('post failed');
    expect(await whileOpening(w.app, OF, async () => {})).toBe(true);
  });
});

describe('app: the open case of a listing', () => {
  it("a team links to its own open case, never to another team's", async () => {
    await openIn('slack:T1:C1:1.1');
    expect((await openCaseOfListing(w.app, REF, 'slack:T1', 'listed'))?.id).toBe('IPC-0001');
    expect(await openCaseOfListing(w.app, REF, 'slack:T2', 'listed')).toBeUndefined();
    expect(await openCaseOfListing(w.app, REF, 'teams:X', 'reachable')).toBeUndefined();
    expect(
      await openCaseOfListing(w.app, { ...REF, listingId: 'B0C7654321' }, 'slack:T1', 'listed'),
    ).toBeUndefined();
  });

  it("a case opened outside any team is reachable from a team, but not listed as the team's own", async () => {
    await openIn('terminal:session-1');
    expect((await openCaseOfListing(w.app, REF, 'teams:X', 'reachable'))?.id).toBe('IPC-0001');
    expect(await openCaseOfListing(w.app, REF, 'slack:T1', 'listed')).toBeUndefined();
  });

  it('finds the case a conversation continues', async () => {
    await openIn('slack:T1:C1:1.1');
    expect((await caseOfConversation(w.app, 'slack:T1:C1:1.1'))?.id).toBe('IPC-0001');
    expect(await caseOfConversation(w.app, 'slack:T1:C1:2.2')).toBeUndefined();
  });
});

describe('app: the opening record', () => {
  it('is read back as written, and is gone once dropped', async () => {
    expect(await readOpening(w.app, OF)).toBeUndefined();
    await saveOpening(w.app, OF, { channel: 'C1', text: 'complaint on B0C1234567' });
    await saveOpening(w.app, OF, { channel: 'C1', ts: '1.1', text: 'complaint on B0C1234567' });
    expect(await readOpening(w.app, OF)).toEqual({
      channel: 'C1',
      ts: '1.1',
      text: 'complaint on B0C1234567',
    });
    // Each team's opening of a listing is its own.
    expect(await readOpening(w.app, { ...OF, team: 'T2' })).toBeUndefined();
    await dropOpening(w.app, OF);
    expect(await readOpening(w.app, OF)).toBeUndefined();
  });

  it('a damaged one is ignored (the opening starts afresh) and warned about', async () => {
    await w.stores.kv.set(openingId(OF), { channel: '', posted: 'yes' });
    expect(await readOpening(w.app, OF)).toBeUndefined();
    expect(w.warnings).toEqual([
      'the opening record slack:opening:T1:amazon:B0C1234567 is damaged; opening afresh',
    ]);
  });
});
