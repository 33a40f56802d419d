import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../fakes/slack-api.js';
import { CHANNEL, eventually, LEGAL, type SlackHarness, sleep } from './harness.js';
import { decidedCourtCase, startClean, ui } from './harness-extra.js';

// An escalation or an opening that stopped midway (a Slack call failed, or its answer was lost although
// the message was posted) is finished by the next try: never a second legal parent or case message,
// never "nothing was changed" when something was.

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

const LISTING = '1005006123456789';
const legalParents = () => h.api.messagesIn(LEGAL, { topLevelOnly: true });
const legalThreadText = () => ui(h).threadText(legalParents()[0]?.ts ?? '', LEGAL);
const sellerTold = (root: string) =>
  ui(h)
    .threadText(root)
    .match(/Escalated to legal: https:\/\//g) ?? [];
const notes = () => legalThreadText().match(/Lawyer-escalation note/g) ?? [];
const ephemeralTexts = () => h.api.ephemerals.map((e) => e.text ?? '');
const settle = () => sleep(200);

/** Fails the next chat.postMessage that `match` picks (Slack answers ok:false: nothing posted). */
function failPost(match: (args: Record<string, unknown>) => boolean, error = 'internal_error'): void {
  let done = false;
  h.api.respondWith('chat.postMessage', (args) => {
    if (done || !match(args)) return undefined;
    done = true;
    return { ok: false, error };
  });
}

async function pressEscalate(root: string): Promise<void> {
  const n = h.api.calls.length;
  expect(await ui(h).press('Escalate to legal', root)).toBe(200);
  // Let the whole try run (it ends with an ephemeral or the seller-thread link).
  await eventually(() => expect(h.api.calls.length).toBeGreaterThan(n));
  await settle();
}

describe('Slack: a half-finished escalation is finished by the next press', () => {
  it('the legal parent was posted but its answer was lost: no blind retry, and the next press finds it', async () => {
    const root = await decidedCourtCase(h);
    // Posted, then a 500 instead of the answer (a proxy timeout).
    h.api.failNext('chat.postMessage', { status: 500, applied: true });
    await pressEscalate(root);
    await eventually(() =>
      expect(ephemeralTexts().join('\n')).toContain('Escalating IPC-0001 did not go through'),
    );
    expect(ephemeralTexts().join('\n')).not.toContain('nothing was changed');
    expect(legalParents()).toHaveLength(1);

    await pressEscalate(root);
    await eventually(() => expect(sellerTold(root)).toHaveLength(1));
    expect(legalParents()).toHaveLength(1);
    expect(notes()).toHaveLength(1);
    const rec = await h.stores.cases.get('IPC-0001');
    expect(rec?.escalation?.ts).toBe(legalParents()[0]?.ts);
    expect(rec?.audit.filter((e) => e.action === 'escalated')).toHaveLength(1);
  });

  it('the lawyer note failed: the press says the case is with legal, and the next one posts the note once', async () => {
    const root = await decidedCourtCase(h);
    failPost((a) => a.channel === LEGAL && a.thread_ts !== undefined);
    await pressEscalate(root);
    await eventually(() =>
      expect(ephemeralTexts().join('\n')).toContain(
        'IPC-0001 is with legal now, but I could not finish escalating it',
      ),
    );
    expect(ephemeralTexts().join('\n')).not.toContain('nothing was changed');
    expect(notes()).toHaveLength(0);
    expect(sellerTold(root)).toHaveLength(0);

    await pressEscalate(root);
    await eventually(() => expect(sellerTold(root)).toHaveLength(1));
    await eventually(() =>
      expect(ephemeralTexts().join('\n')).toContain(
        'The earlier escalation of IPC-0001 had stopped midway; it is finished now',
      ),
    );
    expect(legalParents()).toHaveLength(1);
    expect(notes()).toHaveLength(1);
    // A third press: nothing left to do.
    await pressEscalate(root);
    await eventually(() =>
      expect(ephemeralTexts().join('\n')).toContain('IPC-0001 is already with legal: https://'),
    );
    expect(legalParents()).toHaveLength(1);
    expect(notes()).toHaveLength(1);
    expect(sellerTold(root)).toHaveLength(1);
  });

  it('the permalink failed: the next press gets it and tells the seller, without posting the note again', async () => {
    const root = await decidedCourtCase(h);
    h.api.failNext('chat.getPermalink', { error: 'internal_error' });
    await pressEscalate(root);
    await eventually(() => expect(ephemeralTexts().join('\n')).toContain('is with legal now'));
    expect(notes()).toHaveLength(1);
    await pressEscalate(root);
    await eventually(() => expect(sellerTold(root)).toHaveLength(1));
    expect(notes()).toHaveLength(1);
    expect(legalParents()).toHaveLength(1);
    expect((await h.stores.cases.get('IPC-0001'))?.escalation?.permalink).toMatch(/^https:\/\//);
  });

  it('the message to the seller failed: the next press posts it once, and nothing else again', async () => {
    const root = await decidedCourtCase(h);
    failPost((a) => a.channel === CHANNEL && String(a.text).startsWith('Escalated to legal'));
    await pressEscalate(root);
    await eventually(() => expect(ephemeralTexts().join('\n')).toContain('is with legal now (https://'));
    expect(sellerTold(root)).toHaveLength(0);
    await pressEscalate(root);
    await eventually(() => expect(sellerTold(root)).toHaveLength(1));
    expect(notes()).toHaveLength(1);
    expect(legalParents()).toHaveLength(1);
  });
});

describe('Slack: a half-opened case is finished by running /ipcheck again', () => {
  const caseMessages = () => ui(h).caseMessages();
  const lastSaid = () => String(h.api.responses.at(-1)?.body.text ?? '');

  it('the case message was posted but its answer was lost: one case message, reused by the next try', async () => {
    h.api.failNext('chat.postMessage', { status: 500, applied: true });
    expect(await h.command(`${LISTING} trademark complaint yesterday`)).toBe(200);
    await eventually(() => expect(h.api.responses).toHaveLength(1));
    expect(lastSaid()).toContain('Slack did not confirm the case message');
    expect(lastSaid()).not.toContain('nothing was changed');
    expect(caseMessages()).toHaveLength(1);
    expect(await h.stores.cases.listOpen()).toHaveLength(0);

    expect(await h.command(`${LISTING} trademark complaint yesterday`)).toBe(200);
    await eventually(() => expect(visibleText(caseMessages()[0] ?? {})).toContain('IPC-0001'));
    const root = caseMessages()[0]?.ts as string;
    await eventually(() => expect(ui(h).threadText(root)).toContain('Is the reported listing really yours?'));
    expect(caseMessages()).toHaveLength(1);
    expect((await h.stores.cases.listOpen()).map((c) => c.id)).toEqual(['IPC-0001']);
  });

  it('the case was saved but its first question failed: the next try shows the question, once', async () => {
    failPost((a) => a.channel === CHANNEL && a.thread_ts !== undefined);
    await h.command(`${LISTING} trademark complaint yesterday`);
    await eventually(() => expect(h.api.responses).toHaveLength(1));
    expect(lastSaid()).toContain('IPC-0001 was opened, but I could not post its first question');
    expect(lastSaid()).not.toContain('nothing was changed');
    const root = caseMessages()[0]?.ts as string;
    expect(visibleText(caseMessages()[0] ?? {})).toContain('IPC-0001');
    expect(visibleText(caseMessages()[0] ?? {})).toContain('is open, but its first question did not post');

    await h.command(LISTING);
    await eventually(() => expect(h.api.responses).toHaveLength(2));
    expect(lastSaid()).toContain('IPC-0001 for this listing had not finished opening; it is now: https://');
    await eventually(() => expect(ui(h).threadText(root)).toContain('Is the reported listing really yours?'));
    expect(visibleText(caseMessages()[0] ?? {})).toContain('Continue in the thread.');
    expect(caseMessages()).toHaveLength(1);
    expect(
      ui(h)
        .threadText(root)
        .match(/Is the reported listing really yours\?/g),
    ).toHaveLength(1);
    expect((await h.stores.cases.listOpen()).map((c) => c.id)).toEqual(['IPC-0001']);
    // The seller's first words were applied once.
    const audit = (await h.stores.cases.get('IPC-0001'))?.audit ?? [];
    expect(audit.filter((e) => e.action === 'answer' && e.detail?.startsWith('listingId='))).toHaveLength(1);
    // Finished: a third run links to the case like any open one.
    await h.command(LISTING);
    await eventually(() => expect(h.api.responses).toHaveLength(3));
    expect(lastSaid()).toContain('Case *IPC-0001* for this listing is already open');
  });

  it('only the case message update failed: the next try updates it and asks nothing twice', async () => {
    h.api.failNext('chat.update', { error: 'internal_error' });
    await h.command(`${LISTING} trademark complaint yesterday`);
    await eventually(() => expect(h.api.responses).toHaveLength(1));
    expect(lastSaid()).toContain('IPC-0001 is open and its thread has the first question');
    const root = caseMessages()[0]?.ts as string;
    await h.command(LISTING);
    await eventually(() => expect(visibleText(caseMessages()[0] ?? {})).toContain('IPC-0001'));
    await settle();
    expect(
      ui(h)
        .threadText(root)
        .match(/I understood:/g),
    ).toHaveLength(1);
    expect(caseMessages()).toHaveLength(1);
  });
});

describe('Slack: escalating without a legal channel', () => {
  it('says how to set one, every time it is pressed, and changes nothing', async () => {
    await h.stop();
    h = await startClean({ legal: false });
    const root = await decidedCourtCase(h);
    for (let i = 1; i <= 2; i++) {
      await ui(h).press('Escalate to legal', root);
      await eventually(() => expect(h.api.ephemerals).toHaveLength(i));
      expect(h.api.ephemerals[i - 1]?.text).toContain('No legal channel is set');
    }
    expect((await h.stores.cases.get('IPC-0001'))?.escalation).toBeUndefined();
  });
});
