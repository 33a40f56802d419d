import { beforeEach, describe, expect, it } from 'vitest';
import { buttonRefusal } from '../../src/app/button-guard.js';
import { acknowledge, legalFormRefusal, relayAnswer, requestInfo, resolve } from '../../src/app/legal.js';
import { aCase, legalPort, line, TRAITS, type World, world } from './legal-fakes.js';

let w: World;
beforeEach(async () => {
  w = await world();
});

const audit = async (id: string, action: string) =>
  ((await w.stores.cases.get(id))?.audit ?? []).filter((e) => e.action === action).length;

describe('app: Acknowledge', () => {
  it('posts in the legal thread, tells the seller, refreshes the parent, and tells the presser nothing', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort();
    await acknowledge(w.app, port, { caseId: rec.id, who: 'LEE' });
    expect(r.legal).toEqual(['Acknowledged by @LEE.']);
    expect(r.seller).toEqual([`Legal (@LEE) acknowledged ${rec.id} and is on it.`]);
    expect(r.refreshed).toBe(1);
    expect(r.told).toEqual([]);
    expect((await w.stores.cases.get(rec.id))?.escalation?.status).toBe('acknowledged');
  });

  it('twice posts once, and tells the second presser who did', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort();
    await Promise.all([
      acknowledge(w.app, port, { caseId: rec.id, who: 'LEE' }),
      acknowledge(w.app, port, { caseId: rec.id, who: 'ANA' }),
    ]);
    expect(r.legal).toHaveLength(1);
    expect(r.seller).toHaveLength(1);
    const first = r.legal[0]?.includes('@LEE') ? 'LEE' : 'ANA';
    expect(r.told).toEqual([`${rec.id} was already acknowledged by @${first}, so nothing was posted again.`]);
    expect(await audit(rec.id, 'legal_acknowledged')).toBe(1);
  });

  it('the same person twice is told it was them', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort();
    await acknowledge(w.app, port, { caseId: rec.id, who: 'LEE' });
    await acknowledge(w.app, port, { caseId: rec.id, who: 'LEE' });
    expect(r.told).toEqual([`${rec.id} was already acknowledged by you, so nothing was posted again.`]);
  });

  it('a notice that fails still lets the others go, and the presser is told what could not be done', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort({ legal: true, parent: true });
    await acknowledge(w.app, port, { caseId: rec.id, who: 'LEE' });
    expect(r.seller).toHaveLength(1);
    expect(r.told).toHaveLength(1);
    const told = r.told[0] ?? '';
    expect(told).toContain(
      `${rec.id} is acknowledged: that is recorded on the case, and the seller was told.`,
    );
    expect(told).toContain('I could not tell the legal thread: please do it yourself.');
    expect(told).toContain('could not be updated');
    expect(w.warnings.join('\n')).toContain('legal thread is gone');
    expect((await w.stores.cases.get(rec.id))?.escalation?.status).toBe('acknowledged');
  });

  it('a seller ipcheck cannot reach is named as not told', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort({ seller: true });
    await acknowledge(w.app, port, { caseId: rec.id, who: 'LEE' });
    expect(r.legal).toHaveLength(1);
    expect(r.told[0]).toContain('I could not tell the seller');
  });

  it('on a resolved case changes nothing and says who resolved it', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort();
    const done = await resolve(w.app, port, { caseId: rec.id, who: 'LEE', text: 'Settled.' });
    expect(done.ok).toBe(true);
    const version = (await w.stores.cases.get(rec.id))?.version;
    await acknowledge(w.app, port, { caseId: rec.id, who: 'ANA' });
    expect(r.told).toEqual([`${rec.id} was already resolved by @LEE, so nothing was changed.`]);
    expect((await w.stores.cases.get(rec.id))?.version).toBe(version);
  });
});

describe('app: Request info and the answer', () => {
  it('records the question, tells the legal thread and the seller (the parent is left as it is)', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort();
    const res = await requestInfo(w.app, port, TRAITS, { caseId: rec.id, who: 'LEE', text: ' Invoices? ' });
    expect(res.ok).toBe(true);
    // Nothing goes out before the channel asks for it (Slack answers the form first).
    expect(r.legal).toEqual([]);
    if (res.ok) await res.spread();
    expect(r.legal).toEqual(['@LEE asked the seller: Invoices?']);
    expect(r.seller).toEqual([
      'Legal (@LEE) asks: Invoices?\nReply in this thread; I will pass your answer to legal.',
    ]);
    expect(r.refreshed).toBe(0);
    expect((await w.stores.cases.get(rec.id))?.escalation?.infoRequests).toHaveLength(1);
  });

  it('in a chat that carries several cases, the seller is told which case it is about', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort();
    const res = await requestInfo(
      w.app,
      port,
      { ...TRAITS, sellerPlace: 'chat' },
      { caseId: rec.id, who: 'LEE', text: 'Invoices?' },
    );
    if (res.ok) await res.spread();
    expect(r.seller[0]).toContain(`Legal (@LEE) asks about ${rec.id}: Invoices?`);
  });

  it('an empty question, a case of another team or a case not with legal changes nothing', async () => {
    const rec = await aCase(w);
    const notYet = await aCase(w, false);
    const { port } = legalPort();
    const empty = await requestInfo(w.app, port, TRAITS, { caseId: rec.id, who: 'LEE', text: '  ' });
    expect(empty.ok ? '' : line(empty.refusal)).toBe('Write the question for the seller.');
    const foreign = await requestInfo(w.app, port, TRAITS, {
      caseId: rec.id,
      who: 'LEE',
      text: 'Invoices?',
      team: 'slack:T2',
    });
    expect(foreign.ok ? '' : line(foreign.refusal)).toContain('This form does not belong to a case');
    const early = await requestInfo(w.app, port, TRAITS, {
      caseId: notYet.id,
      who: 'LEE',
      text: 'Invoices?',
    });
    expect(early.ok ? '' : line(early.refusal)).toBe(
      `${notYet.id} is not with legal, so nothing was changed.`,
    );
    expect((await w.stores.cases.get(rec.id))?.escalation?.infoRequests).toEqual([]);
  });

  it("the seller's next message is the answer: recorded, passed to legal, the seller thanked", async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort();
    const res = await requestInfo(w.app, port, TRAITS, { caseId: rec.id, who: 'LEE', text: 'Invoices?' });
    if (res.ok) await res.spread();
    let saved = 0;
    const now = (await w.stores.cases.get(rec.id)) ?? rec;
    const relayed = await relayAnswer(w.app, port, now, 'SELLER', 'Yes, from 2024', async () => void saved++);
    expect(relayed).toBe(true);
    expect(saved).toBe(1);
    expect(r.legal.at(-1)).toBe('@SELLER answered: Yes, from 2024');
    expect(r.sent).toEqual(['Thanks, I passed your answer to legal.']);
    const q = (await w.stores.cases.get(rec.id))?.escalation?.infoRequests[0];
    expect(q).toMatchObject({ answer: 'Yes, from 2024', answeredBy: 'SELLER' });
    // No open question any more: the next message is not for legal.
    const after = (await w.stores.cases.get(rec.id)) ?? rec;
    expect(await relayAnswer(w.app, port, after, 'SELLER', 'more', async () => {})).toBe(false);
  });
});

describe('app: Resolve', () => {
  it('closes the case with the outcome, tells both sides and refreshes the parent', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort();
    const res = await resolve(w.app, port, { caseId: rec.id, who: 'LEE', text: 'Appeal filed.' });
    if (res.ok) await res.spread();
    expect(r.legal).toEqual(['Resolved by @LEE: Appeal filed.']);
    expect(r.seller).toEqual([`Legal (@LEE) resolved ${rec.id}: Appeal filed.\nThe case is closed.`]);
    expect(r.refreshed).toBe(1);
    const saved = await w.stores.cases.get(rec.id);
    expect(saved?.status).toBe('closed');
    expect(saved?.escalation?.resolution).toBe('Appeal filed.');
  });

  it('on a resolved case changes nothing: the first outcome stays, and the form is refused', async () => {
    const rec = await aCase(w);
    const { port, rec: r } = legalPort();
    const first = await resolve(w.app, port, { caseId: rec.id, who: 'LEE', text: 'Settled.' });
    if (first.ok) await first.spread();
    const version = (await w.stores.cases.get(rec.id))?.version;
    const again = await resolve(w.app, port, { caseId: rec.id, who: 'ANA', text: 'Other.' });
    expect(again.ok).toBe(false);
    expect(again.ok ? '' : line(again.refusal)).toBe(
      `${rec.id} was already resolved by @LEE, so nothing was changed.`,
    );
    expect(r.legal).toHaveLength(1);
    const saved = await w.stores.cases.get(rec.id);
    expect(saved?.version).toBe(version);
    expect(saved?.escalation?.resolution).toBe('Settled.');
    expect(line((await legalFormRefusal(w.app, rec.id)) ?? { kind: 'notice', text: '' })).toContain(
      'already resolved',
    );
  });
});

describe('app: who may press which button where', () => {
  const place = {
    team: 'slack:T1',
    conversations: ['slack:T1:C1:100.1'],
    legal: { channel: 'L1', thread: 'P1' },
  };

  it("legal's buttons act only on the case's legal thread, and only once it is with legal", async () => {
    const rec = await aCase(w);
    const notYet = await aCase(w, false);
    expect(await buttonRefusal(w.app, TRAITS, rec.id, true, place)).toBeUndefined();
    const elsewhere = await buttonRefusal(w.app, TRAITS, rec.id, true, { ...place, legal: { thread: 'P9' } });
    expect(line(elsewhere ?? { kind: 'notice', text: '' })).toBe(
      'That button does not belong to this thread, so nothing was changed.',
    );
    const slackLike = await buttonRefusal(w.app, { ...TRAITS, wrongLegalThread: 'not_here' }, rec.id, true, {
      ...place,
      legal: { channel: 'L2', thread: 'P1' },
    });
    expect(line(slackLike ?? { kind: 'notice', text: '' })).toMatch(
      /^That button does not belong to a case in this/,
    );
    const early = await buttonRefusal(w.app, TRAITS, notYet.id, true, place);
    expect(line(early ?? { kind: 'notice', text: '' })).toContain('is not with legal');
  });

  it("a seller's button acts only in its case's conversation and team; another team's case is like none", async () => {
    const rec = await aCase(w);
    expect(await buttonRefusal(w.app, TRAITS, rec.id, false, place)).toBeUndefined();
    const other = await buttonRefusal(w.app, TRAITS, rec.id, false, {
      ...place,
      conversations: ['slack:T1:C1:9'],
    });
    const foreign = await buttonRefusal(w.app, TRAITS, rec.id, false, { ...place, team: 'slack:T2' });
    const missing = await buttonRefusal(w.app, TRAITS, 'IPC-9999', false, place);
    expect(other).toEqual(missing);
    expect(foreign).toEqual(missing);
    expect(line(missing ?? { kind: 'notice', text: '' })).toMatch(/^That button does not belong to a case/);
  });
});
