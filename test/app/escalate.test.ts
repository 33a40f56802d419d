import { beforeEach, describe, expect, it } from 'vitest';
import { escalate } from '../../src/app/escalate.js';
import { aCase, escalatePort, TRAITS, type World, world } from './legal-fakes.js';

let w: World;
beforeEach(async () => {
  w = await world();
});

const press = (port: ReturnType<typeof escalatePort>['port'], caseId: string, legalChannel?: string) =>
  escalate(w.app, port, TRAITS, { caseId, who: 'SELLER', legalChannel });

describe('app: Escalate to legal', () => {
  it('posts the parent, the note and tells the seller where, once; a second press says it is with legal', async () => {
    const rec = await aCase(w, false);
    const { port, rec: r } = escalatePort();
    await press(port, rec.id, 'L1');
    expect(r).toMatchObject({ parents: 1, notes: 1 });
    expect(r.seller).toEqual([
      "Escalated to legal: https://chat.example/L1/P1\nLegal's questions and answers will appear here.",
    ]);
    expect(r.told).toEqual([]);
    expect((await w.stores.cases.get(rec.id))?.escalation).toMatchObject({
      channel: 'L1',
      ts: 'P1',
      status: 'open',
    });
    await press(port, rec.id, 'L1');
    expect(r.parents).toBe(1);
    expect(r.told).toEqual([`${rec.id} is already with legal: https://chat.example/L1/P1`]);
  });

  it('in a chat that carries several cases, the seller is told which case', async () => {
    const rec = await aCase(w, false);
    const { port, rec: r } = escalatePort();
    await escalate(
      w.app,
      port,
      { ...TRAITS, sellerPlace: 'chat' },
      { caseId: rec.id, who: 'S', legalChannel: 'L1' },
    );
    expect(r.seller[0]).toContain(`${rec.id} is escalated to legal: https://chat.example/L1/P1`);
  });

  it('with no legal channel gives the claim back: a press after the admin sets one escalates', async () => {
    const rec = await aCase(w, false);
    const { port, rec: r } = escalatePort();
    await press(port, rec.id);
    expect(r.told).toEqual([
      'No legal channel is set. An admin sets IPCHECK_TEST_LEGAL_CHANNEL to the legal channel id and invites me there.',
    ]);
    expect((await w.stores.cases.get(rec.id))?.escalation).toBeUndefined();
    await press(port, rec.id, 'L1');
    expect(r.parents).toBe(1);
    expect((await w.stores.cases.get(rec.id))?.escalation?.status).toBe('open');
  });

  it('when the bot is not in the legal channel, says so, changes nothing, and gives the claim back', async () => {
    const rec = await aCase(w, false);
    const out = escalatePort({ parent: undefined });
    await press(out.port, rec.id, 'L1');
    expect(out.rec.told[0]).toContain('I have not been added to the legal channel yet');
    expect((await w.stores.cases.get(rec.id))?.escalation).toBeUndefined();
    const { port, rec: r } = escalatePort();
    await press(port, rec.id, 'L1');
    expect(r.parents).toBe(1);
  });

  it('a try that stopped midway is finished by the next press, and nothing finished is posted twice', async () => {
    const rec = await aCase(w, false);
    const { port, rec: r } = escalatePort({ parent: 'P1', failNote: 1 });
    await press(port, rec.id, 'L1');
    expect(r.told[0]).toContain(`${rec.id} is with legal now, but I could not finish escalating it`);
    expect(w.warnings.join('\n')).toContain('note failed');
    await press(port, rec.id, 'L1');
    expect(r.parents).toBe(1);
    expect(r.notes).toBe(1);
    expect(r.told[1]).toBe(
      `The earlier escalation of ${rec.id} had stopped midway; it is finished now: https://chat.example/L1/P1`,
    );
  });

  it('a failure before anything was posted says so, and a press while another runs is told to wait', async () => {
    const rec = await aCase(w, false);
    const failing = escalatePort();
    failing.port.parent = async () => {
      throw new Error('platform down');
    };
    await press(failing.port, rec.id, 'L1');
    expect(failing.rec.told[0]).toContain(
      `Escalating ${rec.id} did not go through (Chat or the case store did not answer)`,
    );
    // A press while another holds the claim.
    expect(await w.app.claims.claim(`test:escalate:${rec.id}`, 60_000)).toBe(true);
    const { port, rec: r } = escalatePort();
    await press(port, rec.id, 'L1');
    expect(r.parents).toBe(0);
    expect(r.told[0]).toContain(`${rec.id} is being escalated right now.`);
  });
});
