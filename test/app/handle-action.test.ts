import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionName } from '../../src/app/actions.js';
import type { ButtonValue } from '../../src/app/button-value.js';
import { type ActionPort, handleAction, type LegalForm } from '../../src/app/handle-action.js';
import type { ActionIntent } from '../../src/app/intent.js';
import type { CoreEvent } from '../../src/domain/conversation/step.js';
import { decidedCase, draftPort, SELLER_THREAD } from './draft-fakes.js';
import { aCase, escalatePort, legalPort, line, TRAITS, type World, world } from './legal-fakes.js';

// Every channel's buttons through one door, against a recording port (what a channel would supply) and
// a real memory store: the guard, then the one table from action name to use case. No Slack, no Teams.

let w: World;
beforeEach(async () => {
  w = await world();
});

/** Where a press came from: the seller's thread, or the case's legal thread (L1/P1), of team slack:T1. */
const SELLER_PLACE = { team: 'slack:T1', conversations: [SELLER_THREAD], legal: {} };
const LEGAL_PLACE = {
  team: 'slack:T1',
  conversations: ['slack:T1:L1:P1'],
  legal: { channel: 'L1', thread: 'P1' },
};

type Drop = 'openEditor' | 'escalate' | 'legal' | 'isLegal' | 'openForm';

/** A port that records what the app asked of it; `drop` leaves out the capabilities a platform lacks. */
function recordingPort(place: ActionPort['place'], opts: { drop?: Drop[]; lawyer?: boolean } = {}) {
  const drop = new Set(opts.drop ?? []);
  const drafts = draftPort();
  const esc = escalatePort();
  const legal = legalPort();
  const rec = {
    told: [] as string[],
    turns: [] as { event: CoreEvent; caseId: string }[],
    forms: [] as { form: LegalForm; caseId: string }[],
    drafts: drafts.rec,
    escalate: esc.rec,
    legal: legal.rec,
  };
  const { openEditor, ...plainDrafts } = drafts.port;
  const port: ActionPort = {
    place,
    traits: TRAITS,
    tell: async (r) => void rec.told.push(line(r)),
    turn: async (event, caseId) => void rec.turns.push({ event, caseId }),
    drafts: drop.has('openEditor') ? plainDrafts : drafts.port,
    ...(drop.has('escalate') ? {} : { escalate: { port: esc.port, legalChannel: 'L1' } }),
    ...(drop.has('legal')
      ? {}
      : {
          legal: {
            port: legal.port,
            ...(drop.has('isLegal') ? {} : { isLegal: async () => opts.lawyer ?? true }),
            ...(drop.has('openForm')
              ? {}
              : {
                  openForm: async (form: LegalForm, caseId: string) => void rec.forms.push({ form, caseId }),
                }),
          },
        }),
  };
  return { port, rec };
}

const intent = (
  action: ActionName,
  value: ButtonValue,
  more: Partial<Pick<ActionIntent, 'inputs' | 'rev'>> = {},
): ActionIntent => ({ kind: 'action', actor: { id: 'LEE' }, where: SELLER_THREAD, action, value, ...more });

describe('app: handleAction, the guard', () => {
  it('refuses a press from another conversation or team, or on a case that does not exist: told, nothing run', async () => {
    const id = (await aCase(w, false)).id;
    const answer = intent('answer', { c: id, q: 'q', v: 'yes', s: 1 });
    const elsewhere = recordingPort({ ...SELLER_PLACE, conversations: ['slack:T1:C9:200.1'] });
    const otherTeam = recordingPort({ ...SELLER_PLACE, team: 'slack:T2' });
    const missing = recordingPort(SELLER_PLACE);
    await handleAction(w.app, answer, elsewhere.port);
    await handleAction(w.app, answer, otherTeam.port);
    await handleAction(w.app, intent('draft', { c: 'IPC-9999' }), missing.port);
    for (const { rec } of [elsewhere, otherTeam, missing]) {
      expect(rec.told).toEqual([
        'That button does not belong to a case in this conversation, so nothing was changed. Say "status" in the case’s thread to see it.',
      ]);
      expect(rec.turns).toEqual([]);
      expect(rec.drafts.shown).toEqual([]);
    }
  });

  it('a link button does nothing, not even the guard', async () => {
    const { port, rec } = recordingPort({ ...SELLER_PLACE, team: 'slack:T2' });
    await handleAction(w.app, intent('link', { c: 'IPC-9999' }), port);
    expect(rec.told).toEqual([]);
  });
});

describe('app: handleAction, the conversation and the drafts', () => {
  it('an answer, a Skip, Change and Start over become the turn events, on the case the button names', async () => {
    const id = (await aCase(w, false)).id;
    const { port, rec } = recordingPort(SELLER_PLACE);
    await handleAction(w.app, intent('answer', { c: id, q: 'listing_ours', v: 'no', s: 3 }), port);
    await handleAction(w.app, intent('answer', { c: id, q: 'listing_ours', v: '__skip' }), port);
    await handleAction(w.app, intent('change', { c: id }), port);
    await handleAction(w.app, intent('restart', { c: id }), port);
    expect(rec.turns).toEqual([
      { event: { type: 'answer', questionId: 'listing_ours', value: 'no', seq: 3 }, caseId: id },
      { event: { type: 'skip' }, caseId: id },
      { event: { type: 'change' }, caseId: id },
      { event: { type: 'restart' }, caseId: id },
    ]);
    expect(rec.told).toEqual([]);
  });

  it('the draft button shows the draft; mark sent records it and replaces the draft pressed', async () => {
    const id = await decidedCase(w);
    const { port, rec } = recordingPort(SELLER_PLACE);
    await handleAction(w.app, intent('draft', { c: id }), port);
    expect(rec.drafts.shown).toHaveLength(1);
    expect(rec.drafts.shown[0]).toMatchObject({ caseId: id, rev: 0, edited: false });
    await handleAction(w.app, intent('draft_sent', { c: id }), port);
    expect(rec.drafts.replaced[0]?.sent?.by).toBe('LEE');
    expect(rec.told).toEqual([]);
  });

  it('Edit opens the channel’s editor; a port without one is told plainly and nothing opens', async () => {
    const id = await decidedCase(w);
    const withEditor = recordingPort(SELLER_PLACE);
    await handleAction(w.app, intent('draft_edit', { c: id }), withEditor.port);
    expect(withEditor.rec.drafts.editors).toHaveLength(1);
    const without = recordingPort(SELLER_PLACE, { drop: ['openEditor'] });
    await handleAction(w.app, intent('draft_edit', { c: id }), without.port);
    expect(without.rec.told).toEqual(['I cannot open a draft in an editor in Chat, so nothing was changed.']);
    expect(without.rec.drafts.editors).toEqual([]);
  });

  it('Save on a draft card takes the text from the inputs and refuses a save older than the draft', async () => {
    const id = await decidedCase(w);
    const { port, rec } = recordingPort(SELLER_PLACE, { drop: ['openEditor'] });
    const save = (rev: number) =>
      handleAction(
        w.app,
        intent('draft_save', { c: id }, { inputs: { subject: 'Ours', body: 'Our words.' }, rev }),
        port,
      );
    await save(0);
    expect(rec.drafts.replaced[0]).toMatchObject({ caseId: id, rev: 1, edited: true });
    expect(rec.drafts.replaced[0]?.draft.body).toBe('Our words.');
    await save(0);
    expect(rec.drafts.told).toHaveLength(1);
    expect(rec.drafts.told[0]).toContain('Not saved: someone saved a newer');
    expect(rec.drafts.replaced).toHaveLength(1);
  });
});

describe('app: handleAction, escalation and legal', () => {
  it('Escalate runs the escalation over the port’s posts; a port with no way to legal is refused', async () => {
    const id = (await aCase(w, false)).id;
    const { port, rec } = recordingPort(SELLER_PLACE);
    await handleAction(w.app, intent('escalate', { c: id }), port);
    expect(rec.escalate).toMatchObject({ parents: 1, notes: 1 });
    expect(rec.escalate.seller[0]).toContain('Escalated to legal: https://chat.example/L1/P1');
    expect((await w.stores.cases.get(id))?.escalation?.status).toBe('open');
    const none = recordingPort(SELLER_PLACE, { drop: ['escalate'] });
    await handleAction(w.app, intent('escalate', { c: id }), none.port);
    expect(none.rec.told).toEqual(['I cannot escalate to legal in Chat, so nothing was changed.']);
  });

  it('legal’s button outside the case’s legal thread is refused, and changes nothing', async () => {
    const id = (await aCase(w)).id;
    const inSellerThread = recordingPort(SELLER_PLACE);
    const otherThread = recordingPort({ ...LEGAL_PLACE, legal: { channel: 'L1', thread: 'P2' } });
    await handleAction(w.app, intent('legal_ack', { c: id }), inSellerThread.port);
    await handleAction(w.app, intent('legal_ack', { c: id }), otherThread.port);
    for (const { rec } of [inSellerThread, otherThread]) {
      expect(rec.told).toEqual(['That button does not belong to this thread, so nothing was changed.']);
      expect(rec.legal.legal).toEqual([]);
    }
    expect((await w.stores.cases.get(id))?.escalation?.status).toBe('open');
  });

  it('Acknowledge in the legal thread: only a lawyer, where the platform knows who is one', async () => {
    const id = (await aCase(w)).id;
    const notLawyer = recordingPort(LEGAL_PLACE, { lawyer: false });
    await handleAction(w.app, intent('legal_ack', { c: id }), notLawyer.port);
    expect(notLawyer.rec.told).toEqual(['Only legal can do this.']);
    const { port, rec } = recordingPort(LEGAL_PLACE, { drop: ['isLegal'] });
    await handleAction(w.app, intent('legal_ack', { c: id }), port);
    expect(rec.legal.legal).toEqual(['Acknowledged by @LEE.']);
    expect((await w.stores.cases.get(id))?.escalation?.status).toBe('acknowledged');
  });

  it('Request info opens the platform’s form, or takes the card’s text; a port with no legal is refused', async () => {
    const id = (await aCase(w)).id;
    const modal = recordingPort(LEGAL_PLACE);
    await handleAction(w.app, intent('legal_info', { c: id }), modal.port);
    await handleAction(w.app, intent('legal_resolve', { c: id }), modal.port);
    expect(modal.rec.forms).toEqual([
      { form: 'question', caseId: id },
      { form: 'outcome', caseId: id },
    ]);
    const card = recordingPort(LEGAL_PLACE, { drop: ['openForm'] });
    await handleAction(
      w.app,
      intent('legal_info', { c: id }, { inputs: { question: 'Which listing?' } }),
      card.port,
    );
    expect(card.rec.legal.seller.join('\n')).toContain('Which listing?');
    const none = recordingPort(LEGAL_PLACE, { drop: ['legal'] });
    await handleAction(w.app, intent('legal_resolve', { c: id }), none.port);
    expect(none.rec.told).toEqual(['I cannot act for legal in Chat, so nothing was changed.']);
  });

  it('a form is not opened on a case legal is done with', async () => {
    const id = (await aCase(w)).id;
    const card = recordingPort(LEGAL_PLACE, { drop: ['openForm'] });
    await handleAction(
      w.app,
      intent('legal_resolve', { c: id }, { inputs: { outcome: 'Settled.' } }),
      card.port,
    );
    expect((await w.stores.cases.get(id))?.escalation?.status).toBe('resolved');
    const modal = recordingPort(LEGAL_PLACE);
    await handleAction(w.app, intent('legal_info', { c: id }), modal.port);
    expect(modal.rec.forms).toEqual([]);
    expect(modal.rec.told).toHaveLength(1);
    expect(modal.rec.told[0]).toContain('already resolved');
  });
});
