import { beforeEach, describe, expect, it } from 'vitest';
import {
  applySellerMessage,
  claimDelivery,
  deliverOnce,
  type SellerMessage,
  type SellerMessagePort,
} from '../../src/app/deliveries.js';
import { requestInfo } from '../../src/app/legal.js';
import { runTurn, type TurnInput } from '../../src/app/turn.js';
import { aCase, legalPort, TRAITS, type World, world } from './legal-fakes.js';

// A seller's message applied at most once, the same rule for every channel, against a real memory store:
// the channel's turn is the app's own runTurn, and a "failed post" is an error thrown after it was saved.

let w: World;
beforeEach(async () => {
  w = await world();
});

const CONV = 'teams:T1:chat-1';

const message = (text: string, deliveryId?: string): SellerMessage => ({
  channel: 'teams',
  conversation: CONV,
  who: 'SELLER',
  text,
  ...(deliveryId ? { deliveryId } : {}),
  startIfNew: true,
});

/** A port whose turn really runs; `failAfterSave` throws once the turn was saved (the post failed). */
function port(opts: { failAfterSave?: boolean; failBeforeSave?: boolean; conversation?: string } = {}) {
  const events: TurnInput['event'][] = [];
  let savedCalls = 0;
  const p: SellerMessagePort = {
    legal: legalPort().port,
    turn: async (event, saved) => {
      events.push(event);
      if (opts.failBeforeSave) throw new Error('the store is down');
      const conversation = opts.conversation ?? CONV;
      await runTurn(w.app, { conversation, who: 'SELLER', channel: 'teams', event });
      await saved();
      if (opts.failAfterSave) throw new Error('internal_error');
    },
    saved: () => void savedCalls++,
  };
  return { p, events, saved: () => savedCalls };
}

const audit = async () => (await w.stores.cases.byConversation(CONV))?.audit ?? [];
const answers = async (fact: string) =>
  (await audit()).filter((e) => e.action === 'answer' && e.detail?.startsWith(`${fact}=`));

describe('app: deliveries run once', () => {
  it('deliverOnce runs a delivery once, and again after a failure gave it back', async () => {
    let runs = 0;
    expect(await deliverOnce(w.app, 'slack:event:E1', async () => void runs++)).toBe('done');
    expect(await deliverOnce(w.app, 'slack:event:E1', async () => void runs++)).toBe('duplicate');
    await expect(
      deliverOnce(w.app, 'slack:event:E2', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await deliverOnce(w.app, 'slack:event:E2', async () => void runs++)).toBe('done');
    expect(runs).toBe(2);
  });

  it('claimDelivery claims at once; the second claim of the same delivery gets nothing', async () => {
    const run = await claimDelivery(w.app, 'teams:activity:c:1');
    expect(run).toBeDefined();
    expect(await claimDelivery(w.app, 'teams:activity:c:1')).toBeUndefined();
    let ran = false;
    await run?.(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(await claimDelivery(w.app, 'teams:activity:c:1')).toBeUndefined();
  });
});

describe('app: a seller message is applied once', () => {
  it('opens a case from the first message, and tells the channel it was saved', async () => {
    const { p, events, saved } = port();
    expect(await applySellerMessage(w.app, message('complaint on B0C1234567', 'a1'), p)).toBe('applied');
    expect(events).toEqual([{ type: 'text', text: 'complaint on B0C1234567' }]);
    expect(saved()).toBe(1);
    expect(await w.stores.cases.byConversation(CONV)).toBeDefined();
  });

  it('a conversation without a case is left alone when the message does not open one', async () => {
    const { p, events } = port();
    const res = await applySellerMessage(w.app, { ...message('hello', 'a1'), startIfNew: false }, p);
    expect(res).toBe('ignored');
    expect(events).toEqual([]);
  });

  it('a resend of a delivery whose reply failed after it was saved shows the case instead of applying again', async () => {
    await applySellerMessage(w.app, message('complaint on B0C1234567', 'a1'), port().p);
    const failing = port({ failAfterSave: true });
    await expect(applySellerMessage(w.app, message('court papers', 'a2'), failing.p)).rejects.toThrow(
      'internal_error',
    );
    expect(failing.saved()).toBe(1);
    expect(await answers('notice')).toHaveLength(1);
    const before = (await audit()).length;
    // The platform sends it again: the "applied" claim was kept, so the text is not applied twice.
    const retry = port();
    expect(await applySellerMessage(w.app, message('court papers', 'a2'), retry.p)).toBe('shown');
    expect(retry.events).toEqual([{ type: 'show' }]);
    expect((await audit()).length).toBe(before);
  });

  it('a delivery that failed before anything was saved is applied by the resend', async () => {
    await applySellerMessage(w.app, message('complaint on B0C1234567', 'a1'), port().p);
    const failing = port({ failBeforeSave: true });
    await expect(applySellerMessage(w.app, message('court papers', 'a2'), failing.p)).rejects.toThrow(
      'the store is down',
    );
    expect(failing.saved()).toBe(0);
    const retry = port();
    expect(await applySellerMessage(w.app, message('court papers', 'a2'), retry.p)).toBe('applied');
    expect(retry.events).toEqual([{ type: 'text', text: 'court papers' }]);
    expect(await answers('notice')).toHaveLength(1);
  });

  it('without a delivery id every message is applied (nothing to recognise a resend by)', async () => {
    await applySellerMessage(w.app, message('complaint on B0C1234567'), port().p);
    const again = port();
    expect(await applySellerMessage(w.app, message('court papers'), again.p)).toBe('applied');
    expect(again.events).toEqual([{ type: 'text', text: 'court papers' }]);
  });

  it("the seller's answer to legal's question is relayed to legal once, not run as a turn", async () => {
    const rec = await aCase(w);
    const legal = legalPort();
    const asked = await requestInfo(w.app, legal.port, TRAITS, {
      caseId: rec.id,
      who: 'LEE',
      text: 'Invoices?',
    });
    if (asked.ok) await asked.spread();
    const m: SellerMessage = { ...message('Yes, from 2024', 'r1'), conversation: rec.conversations[0] ?? '' };
    const { p, events, saved } = port({ conversation: m.conversation });
    p.legal = legal.port;
    expect(await applySellerMessage(w.app, m, p)).toBe('applied');
    expect(events).toEqual([]);
    expect(saved()).toBe(1);
    expect(legal.rec.legal.at(-1)).toBe('@SELLER answered: Yes, from 2024');
    // The resend of that delivery is not relayed a second time: it shows where the case stands.
    const resend = port({ conversation: m.conversation });
    resend.p.legal = legal.port;
    expect(await applySellerMessage(w.app, m, resend.p)).toBe('shown');
    expect(legal.rec.legal.filter((l) => l.includes('answered'))).toHaveLength(1);
  });
});
