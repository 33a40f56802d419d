import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../src/adapters/storage/open-store.js';
import type { Reminder } from '../../src/app/ports.js';
import { fixedClock } from '../../src/boot/clock.js';
import { postDueReminders as slackRound } from '../../src/channels/slack/reminders.js';
import { postDueReminders as teamsRound } from '../../src/channels/teams/reminders.js';
import { runTerminalChat } from '../../src/channels/terminal/chat.js';
import { visibleText } from '../fakes/slack-api.js';
import { testContext } from '../helpers/context.js';
import { tempDir } from '../helpers/temp-dir.js';
import { type SlackHarness, startHarness } from './slack/harness.js';
import { decidedCourtCase, ui } from './slack/harness-extra.js';
import { CHAT, startTeamsHarness, type TeamsHarness, visible } from './teams/harness.js';

// One store (a real SQLite file) holds cases opened in the terminal, in Slack and in Teams, all with
// reminders due. Each channel's round delivers its own cases' reminders, where that channel shows them,
// and marks only those sent; the others stay due for their own channel.

const TERMINAL_USER = 'seller';
let slack: SlackHarness | undefined;
let teams: TeamsHarness | undefined;
let stores: Stores | undefined;
afterEach(async () => {
  await slack?.stop();
  await teams?.stop();
  await stores?.close();
  slack = undefined;
  teams = undefined;
  stores = undefined;
});

/** A terminal session with piped lines (none: it only starts, shows due reminders and ends); its output. */
async function terminal(s: Stores, clock: ReturnType<typeof fixedClock>, lines: string[]) {
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => {
    out += d.toString();
  });
  await runTerminalChat({
    ctx: await testContext(),
    stores: s,
    clock,
    input: Readable.from(lines.length > 0 ? [`${lines.join('\n')}\n`] : []),
    output,
    interactive: false,
    user: TERMINAL_USER,
    exportDir: '/tmp/ipcheck-test-exports',
  });
  return out;
}

async function threeChannels() {
  const dir = await tempDir('reminder-channels');
  const clock = fixedClock('2026-11-28T10:00:00Z');
  stores = await openStores(`sqlite://${join(dir, 'ipcheck.sqlite')}`, clock);
  // Terminal: a TRO noticed 2026-11-20 (the TRO ends 4 Dec: a reminder due 1 Dec).
  await terminal(stores, clock, [
    'we got a TRO on B0C1234567, funds frozen, the email came 2026-11-20',
    '1',
    'trademark',
    'yes',
    'none',
    'large',
  ]);
  // Slack: the same kind of case on another listing, decided through the thread's buttons.
  slack = await startHarness({ stores, clock });
  await slack.api.waitFor('auth.test');
  const slackRoot = await decidedCourtCase(slack, '1005006123456789', '2026-11-20');
  // Teams: a platform complaint today (counter-notice about 3 Dec: a reminder due 30 Nov).
  teams = await startTeamsHarness({ stores, clock });
  await teams.say('ipcheck 1005007777777777');
  await teams.press('A platform IP complaint or warning');
  await teams.press('No, it was never in our store');
  await teams.press('Today');
  const byChannel = { terminal: '', slack: '', teams: '' };
  for (const id of ['IPC-0001', 'IPC-0002', 'IPC-0003']) {
    const rec = await stores.cases.get(id);
    expect(rec?.state.status, id).toBe('decided');
    const channel = rec?.channel as keyof typeof byChannel;
    expect(byChannel[channel], `${channel} case`).toBe('');
    byChannel[channel] = id;
  }
  expect(Object.values(byChannel).sort()).toEqual(['IPC-0001', 'IPC-0002', 'IPC-0003']);
  clock.set('2026-12-01T10:00:00Z');
  return { clock, slackRoot, byChannel, s: stores, sl: slack, tm: teams };
}

describe('deadline reminders go to the channel of their case', () => {
  it('each channel delivers only its own cases, and marks only those sent', async () => {
    const { clock, slackRoot, byChannel, s, sl, tm } = await threeChannels();
    const due = async () => (await s.reminders.due(clock.now())).map((r: Reminder) => r.id).sort();
    const sentOf = async (id: string) =>
      (await s.cases.get(id))?.audit.filter((e) => e.action === 'reminder_sent').length;
    const { terminal: termCase, slack: slackCase, teams: teamsCase } = byChannel;
    const all = await due();
    const of = (caseId: string) => all.filter((id) => id.startsWith(`${caseId}:`));
    for (const c of [termCase, slackCase, teamsCase]) expect(of(c).length, c).toBeGreaterThan(0);
    expect(all).toHaveLength(of(termCase).length + of(slackCase).length + of(teamsCase).length);

    // The terminal shows its own case's reminders, and neither Slack's nor Teams'.
    const shown = (await terminal(s, clock, [])).split('\n').filter((l) => l.startsWith('[reminder]'));
    expect(shown).toHaveLength(of(termCase).length);
    for (const l of shown) expect(l).toContain(`Reminder for ${termCase}:`);
    expect(await due()).toEqual([...of(slackCase), ...of(teamsCase)].sort());
    expect(await sentOf(termCase)).toBe(of(termCase).length);
    expect(await sentOf(slackCase)).toBe(0);
    expect(await sentOf(teamsCase)).toBe(0);

    // Slack posts its own in the case thread, and takes neither the terminal's nor Teams'.
    sl.api.reset();
    expect((await slackRound(sl.deps, sl.running.app.client)).sort()).toEqual(of(slackCase));
    const posted = sl.api.callsTo('chat.postMessage').map((c) => String(c.args.text));
    expect(posted).toHaveLength(of(slackCase).length);
    for (const t of posted) expect(t).toContain(`Reminder for ${slackCase}:`);
    const inThread = ui(sl)
      .threadOf(slackRoot)
      .map(visibleText)
      .filter((t) => t.includes('Reminder for'));
    expect(inThread).toHaveLength(of(slackCase).length);
    expect(await due()).toEqual(of(teamsCase));
    expect(await sentOf(slackCase)).toBe(of(slackCase).length);
    expect(await sentOf(teamsCase)).toBe(0);

    // Teams posts its own in the seller's chat.
    expect((await teamsRound(tm.running.deps)).sort()).toEqual(of(teamsCase));
    const inChat = tm.connector.messages(CHAT).filter((m) => visible(m).startsWith('⏰'));
    expect(inChat).toHaveLength(of(teamsCase).length);
    for (const m of inChat) expect(visible(m)).toContain(`Reminder for ${teamsCase}:`);
    expect(await due()).toEqual([]);
    expect(await sentOf(teamsCase)).toBe(of(teamsCase).length);

    // Nothing is left for anyone, and nothing went twice.
    expect(await slackRound(sl.deps, sl.running.app.client)).toEqual([]);
    expect(await teamsRound(tm.running.deps)).toEqual([]);
    expect((await terminal(s, clock, [])).includes('[reminder]')).toBe(false);
  });

  it('a Slack case with no thread to post in is not marked sent: it stays due', async () => {
    const { clock, byChannel, s, sl } = await threeChannels();
    const slackCase = byChannel.slack;
    // A record from before the seller's thread was kept on the case (schema 1) has none.
    await s.cases.update(slackCase, ({ sellerThread: _, ...rest }) => rest);
    sl.api.reset();
    expect(await slackRound(sl.deps, sl.running.app.client)).toEqual([]);
    expect(sl.api.callsTo('chat.postMessage')).toEqual([]);
    expect((await s.reminders.due(clock.now())).map((r) => r.caseId)).toContain(slackCase);
    const audit = (await s.cases.get(slackCase))?.audit ?? [];
    expect(audit.filter((e) => e.action === 'reminder_sent')).toEqual([]);
    expect(sl.logs.join('\n')).toContain(`no Slack thread to remind for ${slackCase}`);
  });
});
