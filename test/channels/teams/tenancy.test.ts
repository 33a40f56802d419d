import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCase } from '../../../src/domain/model/case-state.js';
import type { SentActivity } from '../../fakes/bot-connector.js';
import { CHAT, startTeamsHarness, type TeamsHarness, visible } from './harness.js';

// One ipcheck serves several Teams tenants from one store. A case id typed in a command is data from the
// network: from another tenant, every command that names it (status, open, close, export, draft, and
// the `ipcheck status` command) answers exactly as for an id that does not exist, and changes nothing.

const TENANT_B = 'tenant-0002';
const CHAT_B = 'a:personal-chat-tenant-b';
const SELLER_B = { id: '29:seller-b', name: 'Bo Seller', aadObjectId: 'aad-seller-b' };

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeamsHarness();
});
afterEach(async () => {
  await h.stop();
});

const fromB = (text: string) => h.say(text, { conversation: CHAT_B, from: SELLER_B, tenant: TENANT_B });
const seenByB = () => h.connector.messages(CHAT_B).map(visible).join('\n---\n');
const lastB = () => visible(h.connector.messages(CHAT_B).at(-1) as SentActivity);

/** Tenant A's case IPC-0001, waiting for its next answer. */
async function tenantACase() {
  await h.say('ipcheck 1005006123456789 we got a trademark complaint from Acme yesterday');
  const rec = await h.stores.cases.get('IPC-0001');
  expect(rec?.state.pending).toBeDefined();
  return rec;
}

describe('Teams: typed commands stay inside their tenant', () => {
  it('another tenant cannot see, join, close, export or draft a case by its id', async () => {
    const before = await tenantACase();
    const notFound = (id: string) => `${id}: I cannot find that case for this team.`;
    for (const cmd of [
      'status IPC-0001',
      'ipcheck status IPC-0001',
      'open IPC-0001',
      'close IPC-0001',
      'close IPC-0001 yes',
      'export IPC-0001',
      'draft IPC-0001',
      'draft dispute IPC-0001',
    ]) {
      const n = h.connector.messages(CHAT_B).length;
      expect(await fromB(cmd)).toBe(200);
      expect(h.connector.messages(CHAT_B).length, cmd).toBeGreaterThan(n);
      expect(lastB(), cmd).toContain(notFound('IPC-0001'));
    }
    // B's "yes" after the refused "open" is not an answer to A's case.
    await fromB('yes');
    const after = await h.stores.cases.get('IPC-0001');
    expect(after).toEqual(before);
    // Nothing of A's case reached B: not its listing, its audit trail or its words.
    expect(seenByB()).not.toContain('1005006123456789');
    expect(seenByB()).not.toContain('Audit trail');
    expect(seenByB()).not.toContain('Acme');
    expect(seenByB()).not.toContain('Continuing case');
  });

  it('answers a foreign id exactly like an id that does not exist', async () => {
    await tenantACase();
    for (const cmd of ['status', 'ipcheck status', 'open', 'export', 'draft', 'close']) {
      await fromB(`${cmd} IPC-0001`);
      const foreign = lastB().replaceAll('IPC-0001', 'IPC-XXXX');
      await fromB(`${cmd} IPC-0099`);
      const missing = lastB().replaceAll('IPC-0099', 'IPC-XXXX');
      expect(foreign, cmd).toBe(missing);
    }
  });

  it('"cases" and "ipcheck list" in another tenant do not list the case', async () => {
    await tenantACase();
    await fromB('cases');
    await fromB('ipcheck list');
    expect(seenByB()).not.toContain('IPC-0001');
    // Its own tenant still sees it, and every command works there.
    await h.say('status IPC-0001');
    expect(visible(h.connector.messages(CHAT).at(-1) as SentActivity)).toContain('Case IPC-0001');
  });

  it('a case of a Slack workspace in the same store is not reachable from Teams', async () => {
    const rec = await h.stores.cases.create({
      conversation: 'slack:T0001:C0SELLERS:1732790000.000100',
      channel: 'slack',
      openedBy: 'U0SELLER',
      state: newCase(),
      now: h.clock.now(),
      sellerThread: { team: 'T0001', channel: 'C0SELLERS', ts: '1732790000.000100' },
    });
    await fromB(`status ${rec.id}`);
    expect(lastB()).toContain(`${rec.id}: I cannot find that case for this team.`);
    await fromB(`open ${rec.id}`);
    expect((await h.stores.cases.get(rec.id))?.conversations).toEqual([
      'slack:T0001:C0SELLERS:1732790000.000100',
    ]);
  });
});
