import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postDueReminders } from '../../../src/channels/slack/reminders.js';
import { blocksToText, visibleText } from '../../fakes/slack-api.js';
import { appHomeOpenedEvent } from '../../fakes/slack-signing.js';
import { CHANNEL, eventually, LAWYER, LEGAL, SELLER, type SlackHarness, startHarness } from './harness.js';
import { decidedCourtCase, openByCommand, startClean, ui } from './harness-extra.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startClean();
});
afterEach(async () => {
  await h.stop();
});

/** Opens the App Home tab as `user` and returns what it shows, as text. */
async function home(user: string): Promise<string> {
  const before = h.api.callsTo('views.publish').filter((c) => c.args.user_id === user).length;
  expect(await h.event(appHomeOpenedEvent({ user }))).toBe(200);
  await eventually(() =>
    expect(h.api.callsTo('views.publish').filter((c) => c.args.user_id === user)).toHaveLength(before + 1),
  );
  const view = h.api.views.find((v) => v.kind === 'home' && v.user_id === user);
  expect(view?.view.type).toBe('home');
  return blocksToText(view?.view.blocks as unknown[]);
}

async function escalate(root: string): Promise<void> {
  const before = h.api.messagesIn(LEGAL, { topLevelOnly: true }).length;
  expect(await ui(h).press('Escalate to legal', root)).toBe(200);
  await eventually(() => expect(h.api.messagesIn(LEGAL, { topLevelOnly: true })).toHaveLength(before + 1));
  await eventually(() => expect(ui(h).threadText(root)).toContain('Escalated to legal: https://'));
}

const legalRoot = (caseId: string) =>
  h.api.messagesIn(LEGAL, { topLevelOnly: true }).find((m) => visibleText(m).includes(caseId))?.ts as string;

describe('App Home', () => {
  it('shows a seller their open cases, and nobody else’s', async () => {
    await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    await h.command('1005006123456789 design patent complaint', { user_id: 'U0SOMEONE' });
    await eventually(async () => expect(await h.stores.cases.listOpen()).toHaveLength(2));
    const text = await home(SELLER);
    expect(text).toContain('*Your open cases (1)*');
    expect(text).toContain('*IPC-0001* amazon B0C1234567 · open');
    expect(text).not.toContain('IPC-0002');
    // A seller is not legal: no escalation list.
    expect(text).not.toContain('Open escalations');
  });

  it('shows only this workspace’s cases, even to the person who opened one elsewhere', async () => {
    await openByCommand(h, 'B0C1234567 trademark complaint yesterday');
    await h.command('1005006123456789 design patent complaint', { team_id: 'T0OTHER' });
    await eventually(async () => expect(await h.stores.cases.listOpen()).toHaveLength(2));
    const text = await home(SELLER);
    expect(text).toContain('*Your open cases (1)*');
    expect(text).not.toContain('1005006123456789');
  });

  it('tells a seller with no cases how to open one', async () => {
    const text = await home(SELLER);
    expect(text).toContain('*Your open cases (0)*');
    expect(text).toContain('/ipcheck <listing>');
  });

  it('shows legal the open escalations, nearest deadline first', async () => {
    // IPC-0001: TRO noticed 2026-11-26, ends 2026-12-10. IPC-0002: noticed 2026-11-20, ends 2026-12-04.
    const a = await decidedCourtCase(h, '1005006123456789', '2026-11-26');
    const b = await decidedCourtCase(h, 'B0C1234567', '2026-11-20');
    // A third case, decided but not escalated, is not on legal's list.
    await decidedCourtCase(h, '1005001111111111', '2026-11-27');
    await escalate(a);
    await escalate(b);
    const text = await home(LAWYER);
    expect(text).toContain('*Open escalations (2)*, nearest deadline first');
    const lines = text.split('\n').filter((l) => l.startsWith('• '));
    const esc = lines.filter((l) => l.includes('legal: open'));
    expect(esc).toHaveLength(2);
    expect(esc[0]).toContain('*IPC-0002*');
    expect(esc[0]).toContain('*Fri 4 Dec 2026*');
    expect(esc[1]).toContain('*IPC-0001*');
    expect(esc[1]).toContain('*Thu 10 Dec 2026*');
    expect(text.indexOf('IPC-0002')).toBeLessThan(text.indexOf('IPC-0001'));
    expect(lines.some((l) => l.includes('IPC-0003'))).toBe(false);
    // The order follows the deadline, not the case number or escalation order.
    const seller = await home(SELLER);
    expect(seller).not.toContain('Open escalations');
    expect(seller).toContain('*Your open cases (3)*');
  });
});

describe('Deadline reminders', () => {
  const REMINDER =
    ':alarm_clock: Reminder for IPC-0001: TRO ends at the latest, unless extended is due Thu 10 Dec 2026, in 3 days.';

  it('go to the legal thread of an escalated case, once', async () => {
    const root = await decidedCourtCase(h);
    await escalate(root);
    const parent = legalRoot('IPC-0001');
    h.clock.set('2026-12-07T09:00:00Z');
    const sent = await postDueReminders(h.deps, h.running.app.client);
    expect(sent).toEqual(['IPC-0001:tro_expiry:2026-12-10:-3d']);
    const legalThread = h.api.thread(LEGAL, parent).map(visibleText);
    expect(legalThread.filter((t) => t === REMINDER)).toHaveLength(1);
    expect(ui(h).threadText(root)).not.toContain('Reminder for');
    expect(h.api.messagesIn(CHANNEL).some((m) => visibleText(m).includes('Reminder for'))).toBe(false);
    // Again: nothing new.
    const posts = h.api.callsTo('chat.postMessage').length;
    expect(await postDueReminders(h.deps, h.running.app.client)).toEqual([]);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(posts);
    const audit = (await h.stores.cases.get('IPC-0001'))?.audit.filter((e) => e.action === 'reminder_sent');
    expect(audit).toHaveLength(1);
  });

  it('are not sent again after a restart on the same store', async () => {
    const root = await decidedCourtCase(h);
    await escalate(root);
    h.clock.set('2026-12-07T09:00:00Z');
    expect(await postDueReminders(h.deps, h.running.app.client)).toHaveLength(1);
    await h.stop();
    // A new process on the same store, at the same moment.
    h = await startHarness({ stores: h.stores });
    h.clock.set('2026-12-07T09:00:00Z');
    await h.api.waitFor('auth.test');
    h.api.reset();
    expect(await postDueReminders(h.deps, h.running.app.client)).toEqual([]);
    expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    // The next one comes when it is due.
    h.clock.set('2026-12-09T09:00:00Z');
    expect(await postDueReminders(h.deps, h.running.app.client)).toEqual([
      'IPC-0001:tro_expiry:2026-12-10:-1d',
    ]);
    expect(h.api.callsTo('chat.postMessage')[0]?.args).toMatchObject({ channel: LEGAL });
  });

  it('go to the seller thread of a case that was not escalated', async () => {
    const root = await decidedCourtCase(h);
    h.clock.set('2026-12-07T09:00:00Z');
    expect(await postDueReminders(h.deps, h.running.app.client)).toHaveLength(1);
    const reminders = ui(h)
      .threadOf(root)
      .map(visibleText)
      .filter((t) => t.includes('Reminder for'));
    expect(reminders).toEqual([REMINDER]);
    expect(h.api.messagesIn(LEGAL)).toEqual([]);
    expect(await postDueReminders(h.deps, h.running.app.client)).toEqual([]);
  });
});
