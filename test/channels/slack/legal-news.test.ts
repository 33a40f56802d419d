import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextValue } from '../../fakes/slack-signing.js';
import { CHANNEL, eventually, LAWYER, LEGAL, type SlackHarness, sleep } from './harness.js';
import { decidedCourtCase, startClean, ui } from './harness-extra.js';

// Legal acknowledges or resolves a case: the case records it, the seller and the legal thread are told, and
// the legal parent message is re-rendered. Those are separate steps: when the parent cannot be updated
// (someone deleted it: Slack answers message_not_found), the change stays recorded, nobody's notice is
// lost, and the lawyer is told exactly that, never "nothing was changed".

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

const legalParents = () => h.api.messagesIn(LEGAL, { topLevelOnly: true });
const legalThread = (parent: string) => ui(h).threadText(parent, LEGAL);
const toLawyer = () =>
  h.api.ephemerals
    .filter((e) => e.user === LAWYER)
    .map((e) => e.text ?? '')
    .join('\n');

async function escalatedCase(): Promise<{ root: string; parent: string }> {
  const u = ui(h);
  const root = await decidedCourtCase(h);
  await u.press('Escalate to legal', root);
  await eventually(() => expect(legalParents()).toHaveLength(1));
  await eventually(() => expect(u.threadText(root)).toContain('Escalated to legal: https://'));
  return { root, parent: legalParents()[0]?.ts as string };
}

describe('Slack: the legal parent message cannot be updated', () => {
  it('Acknowledge records, tells the seller and the legal thread, and says the parent could not be updated', async () => {
    const { root, parent } = await escalatedCase();
    h.api.failNext('chat.update', { error: 'message_not_found' });
    expect(await ui(h).press('Acknowledge', parent, { user: LAWYER, channel: LEGAL })).toBe(200);
    await eventually(() =>
      expect(ui(h).threadText(root)).toContain('Legal (<@U0LAWYER>) acknowledged IPC-0001'),
    );
    await eventually(() => expect(legalThread(parent)).toContain('Acknowledged by <@U0LAWYER>.'));
    await eventually(() => expect(toLawyer()).toContain('could not be updated'));
    expect(toLawyer()).toContain('IPC-0001 is acknowledged');
    expect(toLawyer()).not.toContain('nothing was changed');
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.escalation?.status).toBe('acknowledged');
    expect(h.api.callsTo('chat.update').at(-1)?.error).toBe('message_not_found');
  });

  it('Resolve records, tells the seller and the legal thread, and says the parent could not be updated', async () => {
    const { root, parent } = await escalatedCase();
    const n = h.api.callsTo('views.open').length;
    await ui(h).press('Resolve', parent, { user: LAWYER, channel: LEGAL });
    await eventually(() => expect(h.api.callsTo('views.open')).toHaveLength(n + 1));
    const view = h.api.callsTo('views.open')[n]?.args.view as { private_metadata?: string } | undefined;
    const meta = view?.private_metadata ?? '';
    h.api.failNext('chat.update', { error: 'message_not_found' });
    const r = await h.submit({
      user: LAWYER,
      view: {
        callback_id: 'ipc_view_legal_resolve',
        private_metadata: meta,
        state: { values: { outcome: { value: plainTextValue('Settled by our US counsel.') } } },
      },
    });
    expect(r.status).toBe(200);
    await eventually(() =>
      expect(ui(h).threadText(root)).toContain(
        'Legal (<@U0LAWYER>) resolved IPC-0001: Settled by our US counsel.',
      ),
    );
    await eventually(() =>
      expect(legalThread(parent)).toContain('Resolved by <@U0LAWYER>: Settled by our US counsel.'),
    );
    await eventually(() => expect(toLawyer()).toContain('could not be updated'));
    expect(toLawyer()).toContain('IPC-0001 is resolved');
    expect(toLawyer()).not.toContain('nothing was changed');
    expect((await h.stores.cases.get('IPC-0001'))?.escalation?.status).toBe('resolved');
  });

  it('when everything works, the lawyer is not told anything extra', async () => {
    const { parent } = await escalatedCase();
    await ui(h).press('Acknowledge', parent, { user: LAWYER, channel: LEGAL });
    await eventually(() => expect(legalThread(parent)).toContain('Acknowledged by <@U0LAWYER>.'));
    await sleep(200);
    expect(toLawyer()).toBe('');
    expect(h.api.messagesIn(CHANNEL).length).toBeGreaterThan(0);
  });
});
