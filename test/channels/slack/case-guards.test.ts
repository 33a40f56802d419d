import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextValue } from '../../fakes/slack-signing.js';
import { eventually, LAWYER, LEGAL, SELLER, type SlackHarness, sleep } from './harness.js';
import { decidedCourtCase, startClean, ui } from './harness-extra.js';

// Buttons and forms name their case by id, and that id comes over the network. A click or a form that
// does not belong where it came from (another workspace, another thread), or that no longer fits the
// case's state (resolved meanwhile, acknowledged already, a replay), changes nothing and says so.

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

const OTHER_TEAM = 'T0002';
const OTHER_CHANNEL = 'C0OTHERTEAM';
const NOT_HERE = /^That button does not belong to a case in this conversation, so nothing was changed\./;

const ephemeralsTo = (user: string) => h.api.ephemerals.filter((e) => e.user === user).map((e) => e.text);
const legalParents = () => h.api.messagesIn(LEGAL, { topLevelOnly: true });
const settle = () => sleep(200);

/** A decided court case escalated to legal; returns its seller thread root and its legal parent ts. */
async function escalatedCase(listing = '1005006123456789'): Promise<{ root: string; parent: string }> {
  const u = ui(h);
  const root = await decidedCourtCase(h, listing);
  const before = legalParents().length;
  await u.press('Escalate to legal', root);
  await eventually(() => expect(legalParents()).toHaveLength(before + 1));
  await eventually(() => expect(u.threadText(root)).toContain('Escalated to legal: https://'));
  return { root, parent: legalParents().at(-1)?.ts as string };
}

/** Presses Request info or Resolve as the lawyer and returns the modal's private_metadata. */
async function openLegalModal(label: 'Request info' | 'Resolve', parent: string): Promise<string> {
  const n = h.api.callsTo('views.open').length;
  await ui(h).press(label, parent, { user: LAWYER, channel: LEGAL });
  await eventually(() => expect(h.api.callsTo('views.open')).toHaveLength(n + 1));
  const view = h.api.callsTo('views.open')[n]?.args.view as { private_metadata: string } | undefined;
  return view?.private_metadata ?? '';
}

const resolveForm = (meta: string, outcome: string, id?: string) => ({
  user: LAWYER,
  view: {
    callback_id: 'ipc_view_legal_resolve',
    private_metadata: meta,
    ...(id ? { id } : {}),
    state: { values: { outcome: { value: plainTextValue(outcome) } } },
  },
});
const questionForm = (meta: string, q: string) => ({
  user: LAWYER,
  view: {
    callback_id: 'ipc_view_legal_info',
    private_metadata: meta,
    state: { values: { question: { value: plainTextValue(q) } } },
  },
});
const formErrors = (json: unknown) =>
  JSON.stringify((json as { errors?: Record<string, string> } | undefined)?.errors ?? {});

describe('Slack: a button or form for a case of another workspace or thread changes nothing', () => {
  it('a forged "Escalate to legal" from another workspace naming this workspace’s case', async () => {
    const u = ui(h);
    const root = await decidedCourtCase(h);
    const click = u.clickOf('Escalate to legal', root);
    const version = (await h.stores.cases.get('IPC-0001'))?.version;
    expect(await h.click({ ...click, team_id: OTHER_TEAM, channel: OTHER_CHANNEL, user: 'U0INTRUDER' })).toBe(
      200,
    );
    await eventually(() => expect(ephemeralsTo('U0INTRUDER')).toHaveLength(1));
    expect(ephemeralsTo('U0INTRUDER')[0]).toMatch(NOT_HERE);
    await settle();
    expect(legalParents()).toHaveLength(0);
    expect((await h.stores.cases.get('IPC-0001'))?.version).toBe(version);
  });

  it('an answer button of one case pressed with another case’s thread changes neither', async () => {
    const u = ui(h);
    await h.command('B0C1234567 trademark complaint yesterday');
    await eventually(() => expect(u.caseMessages()).toHaveLength(1));
    const one = u.caseMessages()[0]?.ts as string;
    await eventually(() => expect(u.threadText(one)).toContain('Is the reported listing really yours?'));
    await h.command('1005006123456789 trademark complaint yesterday');
    await eventually(() => expect(u.caseMessages()).toHaveLength(2));
    const two = u.caseMessages()[1]?.ts as string;
    await eventually(() => expect(u.threadText(two)).toContain('Is the reported listing really yours?'));
    // IPC-0001's button, as if its message were in IPC-0002's thread.
    const click = u.clickOf('Yes, it is our listing', one);
    const message = { ...(click.message ?? {}), thread_ts: two };
    await h.click({ ...click, thread_ts: two, message });
    await eventually(() => expect(ephemeralsTo(SELLER)).toHaveLength(1));
    expect(ephemeralsTo(SELLER)[0]).toMatch(NOT_HERE);
    await settle();
    expect((await h.stores.cases.get('IPC-0001'))?.state.facts.listingIsOurs).toBeUndefined();
    expect((await h.stores.cases.get('IPC-0002'))?.state.facts.listingIsOurs).toBeUndefined();
  });

  it('a legal button naming a case other than the legal parent it sits on', async () => {
    const a = await escalatedCase('1005006123456789');
    await escalatedCase('B0C1234567');
    // IPC-0002's Acknowledge, pressed on IPC-0001's legal parent message.
    const click = ui(h).clickOf('Acknowledge', a.parent, { user: LAWYER, channel: LEGAL });
    const forged = { ...click, actions: [{ ...click.actions[0], value: '{"c":"IPC-0002"}' }] };
    // biome-ignore lint/style/noNonNullAssertion: the button exists (clickOf found it)
    forged.actions[0]!.action_id = 'ipc_legal_ack';
    await h.click(forged as typeof click);
    await eventually(() => expect(ephemeralsTo(LAWYER)).toHaveLength(1));
    expect(ephemeralsTo(LAWYER)[0]).toMatch(NOT_HERE);
    await settle();
    expect((await h.stores.cases.get('IPC-0002'))?.escalation?.status).toBe('open');
  });

  it('a legal form submitted from another workspace is refused in the form', async () => {
    const { parent } = await escalatedCase();
    const meta = await openLegalModal('Resolve', parent);
    const r = await h.submit({ ...resolveForm(meta, 'Closed by an intruder'), team_id: OTHER_TEAM });
    expect(r.status).toBe(200);
    expect(formErrors(r.json)).toContain('This form does not belong to a case in this workspace');
    await settle();
    expect((await h.stores.cases.get('IPC-0001'))?.escalation?.status).toBe('open');
  });
});

describe('Slack: legal actions check the case’s state', () => {
  it('one lawyer’s double Acknowledge posts once, and the second click is told privately', async () => {
    const { root, parent } = await escalatedCase();
    const click = ui(h).clickOf('Acknowledge', parent, { user: LAWYER, channel: LEGAL });
    expect(await Promise.all([h.click(click), h.click(click)])).toEqual([200, 200]);
    await eventually(() => expect(ephemeralsTo(LAWYER)).toHaveLength(1));
    await settle();
    expect(ephemeralsTo(LAWYER)[0]).toBe(
      'IPC-0001 was already acknowledged by you, so nothing was posted again.',
    );
    const legalThread = ui(h).threadText(parent, LEGAL);
    expect(legalThread.match(/Acknowledged by <@U0LAWYER>/g)).toHaveLength(1);
    expect(
      ui(h)
        .threadText(root)
        .match(/acknowledged IPC-0001 and is on it/g),
    ).toHaveLength(1);
    const audit = (await h.stores.cases.get('IPC-0001'))?.audit ?? [];
    expect(audit.filter((e) => e.action === 'legal_acknowledged')).toHaveLength(1);
  });

  it('Resolve and Request info on a resolved case open no form and say why', async () => {
    const { parent } = await escalatedCase();
    const resolveClick = ui(h).clickOf('Resolve', parent, { user: LAWYER, channel: LEGAL });
    const askClick = ui(h).clickOf('Request info', parent, { user: LAWYER, channel: LEGAL });
    const meta = await openLegalModal('Resolve', parent);
    await h.submit(resolveForm(meta, 'Settled.'));
    await eventually(async () =>
      expect((await h.stores.cases.get('IPC-0001'))?.escalation?.status).toBe('resolved'),
    );
    const opened = h.api.callsTo('views.open').length;
    // The buttons as an old view of the message still shows them.
    await h.click(resolveClick);
    await h.click(askClick);
    await eventually(() => expect(ephemeralsTo(LAWYER)).toHaveLength(2));
    for (const t of ephemeralsTo(LAWYER))
      expect(t).toBe('IPC-0001 was already resolved by <@U0LAWYER>, so nothing was changed.');
    expect(h.api.callsTo('views.open')).toHaveLength(opened);
  });

  it('Resolve on a case that is not with legal says so', async () => {
    const u = ui(h);
    const root = await decidedCourtCase(h);
    // A Resolve button (forged, or from an old message) on a case never escalated.
    const click = u.clickOf('Escalate to legal', root, { user: LAWYER });
    const forged = {
      ...click,
      channel: LEGAL,
      actions: [{ action_id: 'ipc_legal_resolve', value: '{"c":"IPC-0001"}', text: 'Resolve' }],
    };
    await h.click(forged);
    await eventually(() => expect(ephemeralsTo(LAWYER)).toHaveLength(1));
    expect(ephemeralsTo(LAWYER)[0]).toBe(
      'IPC-0001 is not with legal, so there is nothing for legal to do on it yet.',
    );
    expect(h.api.callsTo('views.open')).toHaveLength(0);
  });

  it('a replayed Resolve form changes nothing the second time and says so', async () => {
    const { root, parent } = await escalatedCase();
    const meta = await openLegalModal('Resolve', parent);
    const form = resolveForm(meta, 'Settled; listing stays down.', 'V0REPLAY01');
    const first = await h.submit(form);
    expect(first.json).toBeUndefined();
    await eventually(() => expect(ui(h).threadText(root)).toContain('resolved IPC-0001'));
    const again = await h.submit(resolveForm(meta, 'Something else', 'V0REPLAY01'));
    expect(formErrors(again.json)).toContain('This form was already submitted, so nothing was changed.');
    await settle();
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.escalation?.resolution).toBe('Settled; listing stays down.');
    expect(rec?.audit.filter((e) => e.action === 'legal_resolved')).toHaveLength(1);
    expect(
      ui(h)
        .threadText(root)
        .match(/resolved IPC-0001/g),
    ).toHaveLength(1);
  });

  it('a form opened before someone else resolved the case is refused, and nothing is posted', async () => {
    const { root, parent } = await escalatedCase();
    const askMeta = await openLegalModal('Request info', parent);
    const resolveMeta = await openLegalModal('Resolve', parent);
    await h.submit(resolveForm(resolveMeta, 'Settled.'));
    await eventually(() => expect(ui(h).threadText(root)).toContain('resolved IPC-0001'));
    const posted = h.api.callsTo('chat.postMessage').length;
    const late = await h.submit(questionForm(askMeta, 'How many units did you sell?'));
    expect(formErrors(late.json)).toContain(
      'IPC-0001 was already resolved by <@U0LAWYER>, so nothing was changed.',
    );
    // A second Resolve form opened before the first was submitted: the first outcome stays.
    const second = await h.submit(resolveForm(resolveMeta, 'Other outcome'));
    expect(formErrors(second.json)).toContain('already resolved');
    await settle();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(posted);
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.escalation?.infoRequests).toEqual([]);
    expect(rec?.escalation?.resolution).toBe('Settled.');
  });
});
