import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalKv } from '../../../src/adapters/storage/local-kv.js';
import { storesOn } from '../../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { plainTextValue } from '../../fakes/slack-signing.js';
import { SlowKv } from '../../fakes/slow-kv.js';
import { CHANNEL, eventually, SELLER, type SlackHarness } from './harness.js';
import { confirmSaid, openByCommand, startClean, ui } from './harness-extra.js';

// Slack shows an error if a modal submission is not answered within 3 seconds. With a slow store the
// answer still comes in time: the modal closes, and the work (or why it was refused) follows.

let h: SlackHarness;
let kv: SlowKv;
beforeEach(async () => {
  kv = new SlowKv(LocalKv.memory());
  h = await startClean({ stores: storesOn(kv, fixedClock('2026-11-28T10:00:00Z')) });
});
afterEach(async () => {
  await h.stop();
});

const SLOW_MS = 3500;

async function editForm(): Promise<{ root: string; meta: string }> {
  const root = await openByCommand(h, 'B0C1234567 complaint yesterday, we never listed it');
  await confirmSaid(h, root);
  await eventually(() => expect(ui(h).threadText(root)).toContain('What to do: IPC-0001'));
  await ui(h).press('Draft the dispute reply', root);
  await eventually(() => expect(ui(h).threadText(root)).toContain('Dispute reply (to the platform)'));
  await ui(h).press('Edit', root);
  const opened = await h.api.waitFor('views.open');
  return { root, meta: (opened.args.view as { private_metadata: string }).private_metadata };
}

const edit = (meta: string, subject: string, body: string) => ({
  user: SELLER,
  view: {
    callback_id: 'ipc_view_draft_edit',
    private_metadata: meta,
    state: {
      values: { subject: { value: plainTextValue(subject) }, body_0: { value: plainTextValue(body) } },
    },
  },
});

describe('Slack: modal submissions are answered within 3 seconds', () => {
  it('an edit saved to a slow store closes the modal in time, then saves and posts the draft', {
    timeout: 20_000,
  }, async () => {
    const { root, meta } = await editForm();
    kv.writeDelayMs = SLOW_MS;
    const started = Date.now();
    const r = await h.submit(edit(meta, 'Restore request', 'We never listed B0C1234567.'));
    expect(Date.now() - started).toBeLessThan(2800);
    expect(r.status).toBe(200);
    // Closed: no errors in the answer.
    expect(r.json).toBeUndefined();
    await eventually(() => expect(ui(h).threadText(root)).toContain('We never listed B0C1234567.'), 8000);
    expect((await h.stores.cases.get('IPC-0001'))?.drafts[0]?.subject).toBe('Restore request');
  });

  it('an edit refused after the modal had to close is told privately, with the text handed back', {
    timeout: 20_000,
  }, async () => {
    const { root, meta } = await editForm();
    await h.submit(edit(meta, 'First edit', 'First text.'));
    await eventually(() => expect(ui(h).threadText(root)).toContain('First text.'));
    // The same (now stale) form again, while the store is slow to read.
    kv.readDelayMs = SLOW_MS;
    const started = Date.now();
    const r = await h.submit(edit(meta, 'Second edit', 'Text someone typed for ten minutes.'));
    expect(Date.now() - started).toBeLessThan(2800);
    expect(r.json).toBeUndefined();
    await eventually(() => expect(h.api.ephemerals).toHaveLength(1), 10_000);
    const told = h.api.ephemerals[0];
    expect(told).toMatchObject({ user: SELLER, channel: CHANNEL, thread_ts: root });
    expect(told?.text).toContain('Your edit of IPC-0001 was not saved: Someone saved a newer version');
    expect(told?.text).toContain('Text someone typed for ten minutes.');
    kv.readDelayMs = 0;
    expect((await h.stores.cases.get('IPC-0001'))?.drafts[0]?.subject).toBe('First edit');
  });

  it('a refusal that is ready in time stays in the form (the text is still there)', async () => {
    const { meta } = await editForm();
    await h.submit(edit(meta, 'First edit', 'First text.'));
    const r = await h.submit(edit(meta, 'Second edit', 'Second text.'));
    expect(JSON.stringify(r.json)).toContain('Someone saved a newer version of this draft meanwhile');
  });
});
