import { afterEach, describe, expect, it } from 'vitest';
import { postDueReminders as slackReminders } from '../../../src/channels/slack/reminders.js';
import type { WebClient } from '../../../src/channels/slack/slack-deps.js';
import { postDueReminders } from '../../../src/channels/teams/reminders.js';
import type { SentActivity } from '../../fakes/bot-connector.js';
import { CHAT, startTeamsHarness, type TeamsHarness, visible } from './harness.js';

let h: TeamsHarness;
afterEach(async () => {
  await h.stop();
});

async function decidedCase(): Promise<void> {
  await h.say('ipcheck 1005006123456789');
  await h.press('A platform IP complaint or warning');
  await h.press('No, it was never in our store');
  await h.press('Today');
}

const reminders = (conversation: string) =>
  h.connector.messages(conversation).filter((m) => visible(m).startsWith('⏰'));

describe('Teams: deadline reminders', () => {
  it("are posted once in the seller's chat, and Slack's loop leaves them alone", async () => {
    h = await startTeamsHarness();
    await decidedCase();
    h.clock.set('2026-12-01T10:00:00Z');
    // Slack's loop runs over the same store: it must not take (and so lose) a Teams case's reminders.
    const noSlack = {} as WebClient;
    expect(
      await slackReminders({ ...h.running.deps, exportDir: '.', log: h.running.deps.log }, noSlack),
    ).toEqual([]);
    const sent = await postDueReminders(h.running.deps);
    expect(sent.length).toBeGreaterThan(0);
    expect(reminders(CHAT).length).toBe(sent.length);
    expect(visible(reminders(CHAT)[0] as SentActivity)).toContain('First counter-notice');
    expect(await postDueReminders(h.running.deps)).toEqual([]);
    expect(reminders(CHAT).length).toBe(sent.length);
  });

  it('go to the legal thread once the case is escalated', async () => {
    h = await startTeamsHarness();
    await h.addToLegal();
    await decidedCase();
    await h.press('Escalate to legal');
    const thread = h.connector.created[0]?.conversation as string;
    h.clock.set('2026-12-01T10:00:00Z');
    const sent = await postDueReminders(h.running.deps);
    expect(sent.length).toBeGreaterThan(0);
    expect(reminders(thread).length).toBe(sent.length);
    expect(reminders(CHAT)).toEqual([]);
  });
});
