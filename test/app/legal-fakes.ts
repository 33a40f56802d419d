import { openStores, type Stores } from '../../src/adapters/storage/open-store.js';
import { type AppDeps, appDeps } from '../../src/app/app-deps.js';
import type { EscalatePort } from '../../src/app/escalate.js';
import type { LegalPort } from '../../src/app/legal.js';
import type { LegalTraits } from '../../src/app/legal-words.js';
import { escalated } from '../../src/domain/conversation/case-actions.js';
import { partsText, type Reply } from '../../src/domain/conversation/replies.js';
import type { CaseRecord } from '../../src/domain/model/case-record.js';
import { newCase } from '../../src/domain/model/case-state.js';
import { testContext } from '../helpers/context.js';

// The app's legal use cases against a plain recording port and a real memory store: no Slack, no Teams.

export const NOW = new Date('2026-12-01T10:00:00Z');

/** People as `@id`, words as written: what each line of the fake port records. */
export const line = (r: Reply): string =>
  r.kind === 'say' ? partsText(r.parts, (id) => `@${id}`) : 'text' in r ? r.text : r.kind;

export const TRAITS: LegalTraits = {
  key: 'test',
  platform: 'Chat',
  legalChannelVar: 'IPCHECK_TEST_LEGAL_CHANNEL',
  joinLegal: 'invites me there',
  sellerPlace: 'thread',
  button: (name) => name,
  wrongLegalThread: 'this_thread',
};

export interface World {
  stores: Stores;
  app: AppDeps;
  warnings: string[];
}

export async function world(): Promise<World> {
  const clock = { now: () => NOW };
  const stores = await openStores('memory://', clock);
  const warnings: string[] = [];
  const app = appDeps({
    ctx: await testContext(),
    stores,
    clock,
    log: { warn: (l: string) => void warnings.push(l) },
  });
  return { stores, app, warnings };
}

/** A case in a seller's thread; escalated (its legal thread L1/P1) unless `escalate` is false. */
export async function aCase(w: World, escalate = true): Promise<CaseRecord> {
  const rec = await w.stores.cases.create({
    conversation: 'slack:T1:C1:100.1',
    channel: 'slack',
    openedBy: 'SELLER',
    state: newCase(),
    now: NOW,
    sellerThread: { team: 'T1', channel: 'C1', ts: '100.1' },
  });
  if (!escalate) return rec;
  return w.stores.cases.update(rec.id, (cur) =>
    escalated(cur, { who: 'SELLER', at: NOW.toISOString() }, { channel: 'L1', ts: 'P1' }),
  );
}

/** A LegalPort that records what it was asked to do; `fail` names the steps that throw. */
export function legalPort(fail: Partial<Record<'legal' | 'seller' | 'parent', boolean>> = {}) {
  const rec = {
    told: [] as string[],
    sent: [] as string[],
    legal: [] as string[],
    seller: [] as string[],
    refreshed: 0,
  };
  const port: LegalPort = {
    send: async (rs) => void rec.sent.push(...rs.map(line)),
    tell: async (r) => void rec.told.push(line(r)),
    postInLegalThread: async (_c, r) => {
      if (fail.legal) throw new Error('legal thread is gone');
      rec.legal.push(line(r));
    },
    tellSeller: async (_c, r) => {
      if (fail.seller) return false;
      rec.seller.push(line(r));
      return true;
    },
    refreshParent: async () => {
      if (fail.parent) throw new Error('message_not_found');
      rec.refreshed++;
    },
  };
  return { port, rec };
}

/** An EscalatePort that records its posts; `parent` undefined: the bot is not in the legal channel. */
export function escalatePort(opts: { parent?: string | undefined; failNote?: number } = { parent: 'P1' }) {
  const rec = { told: [] as string[], parents: 0, notes: 0, seller: [] as string[] };
  let failNote = opts.failNote ?? 0;
  const port: EscalatePort = {
    send: async (rs) => void rec.told.push(...rs.map(line)),
    tell: async (r) => void rec.told.push(line(r)),
    parent: async () => {
      rec.parents++;
      return opts.parent;
    },
    note: async () => {
      if (failNote-- > 0) throw new Error('note failed');
      rec.notes++;
      return 'N1';
    },
    permalink: async () => 'https://chat.example/L1/P1',
    tellSeller: async (_c, _e, _retry, message) => {
      rec.seller.push(line(message));
      return 'S1';
    },
  };
  return { port, rec };
}
