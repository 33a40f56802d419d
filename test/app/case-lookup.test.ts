import { beforeEach, describe, expect, it } from 'vitest';
import { caseById, caseExport, caseOfConversation, escalationLink } from '../../src/app/case-lookup.js';
import { withPermalink } from '../../src/domain/conversation/case-actions.js';
import { decidedCase, SELLER_THREAD } from './draft-fakes.js';
import { aCase, type World, world } from './legal-fakes.js';

let w: World;
beforeEach(async () => {
  w = await world();
});

describe('app: a case as a channel reads it', () => {
  it('by id and by the conversation it lives in; nothing for an unknown one', async () => {
    const rec = await aCase(w, false);
    expect((await caseById(w.app, rec.id))?.id).toBe(rec.id);
    expect((await caseOfConversation(w.app, SELLER_THREAD))?.id).toBe(rec.id);
    expect(await caseById(w.app, 'IPC-9999')).toBeUndefined();
    expect(await caseOfConversation(w.app, 'slack:T1:C1:999.9')).toBeUndefined();
  });

  it('links to the legal thread only once the case is escalated and has its link', async () => {
    const fresh = await aCase(w, false);
    expect(await escalationLink(w.app, fresh.id)).toBeUndefined();
    expect(await escalationLink(w.app, undefined)).toBeUndefined();
    const esc = await aCase(w);
    await w.stores.cases.update(esc.id, (cur) => withPermalink(cur, 'https://chat.example/L1/P1'));
    expect(await escalationLink(w.app, esc.id)).toBe('https://chat.example/L1/P1');
  });

  it('exports a decided case as Markdown and JSON for the lawyer’s file', async () => {
    const id = await decidedCase(w);
    const file = await caseExport(w.app, id);
    expect(file?.caseId).toBe(id);
    expect(file?.markdown).toContain(id);
    expect(JSON.parse(file?.json ?? '{}')).toMatchObject({ case: { id } });
    expect(await caseExport(w.app, 'IPC-9999')).toBeUndefined();
  });
});
