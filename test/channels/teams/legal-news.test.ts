import { afterEach, describe, expect, it } from 'vitest';
import type { SentActivity } from '../../fakes/bot-connector.js';
import {
  activity,
  CHAT,
  cardActions,
  LAWYER,
  startTeamsHarness,
  type TeamsHarness,
  visible,
} from './harness.js';

// Legal acknowledges or resolves a case whose post in the legal channel is gone (deleted: Teams answers 404 to
// the update). The change stays recorded, the seller and the legal thread are told, and the lawyer reads
// the truth: recorded and told, the post could not be updated. Never "nothing was changed".

let h: TeamsHarness;
afterEach(async () => {
  await h.stop();
});

const chatText = () => h.connector.messages(CHAT).map(visible).join('\n---\n');

async function escalated(): Promise<{ thread: string; data: (title: string) => unknown }> {
  await h.addToLegal();
  await h.say('ipcheck 1005006123456789');
  await h.press('A platform IP complaint or warning');
  await h.press('No, it was never in our store');
  await h.press('Today');
  await h.press('Escalate to legal');
  const thread = h.connector.created[0]?.conversation as string;
  const card = h.connector.messages(thread)[0] as SentActivity;
  return { thread, data: (title) => cardActions(card).find((a) => a.title === title)?.data };
}

/** A legal button pressed on a card that is no longer there (its replyToId names nothing). */
function onDeletedCard(thread: string, value: unknown) {
  return h.post(
    activity(h.connector.serviceUrl, {
      conversation: thread,
      from: LAWYER,
      replyToId: 'deleted-card',
      value,
    }),
  );
}

describe('Teams: the legal post cannot be updated', () => {
  it('Acknowledge records, tells the seller and the thread, and says the post could not be updated', async () => {
    h = await startTeamsHarness();
    const { thread, data } = await escalated();
    expect(await onDeletedCard(thread, data('Acknowledge'))).toBe(200);
    const said = h.connector.messages(thread).map(visible).join('\n');
    expect(said).toContain('Acknowledged by Lee Lawyer.');
    expect(said).toContain('could not be updated');
    expect(said).toContain('IPC-0001 is acknowledged');
    expect(said).not.toContain('nothing was changed');
    expect(chatText()).toContain('Legal (Lee Lawyer) acknowledged IPC-0001 and is on it.');
    expect((await h.stores.cases.get('IPC-0001'))?.escalation?.status).toBe('acknowledged');
  });

  it('Resolve records, tells the seller and the thread, and says the post could not be updated', async () => {
    h = await startTeamsHarness();
    const { thread } = await escalated();
    const value = { ipc: 'legal_resolve', b: { c: 'IPC-0001' }, outcome: 'Appeal filed; listing back.' };
    expect(await onDeletedCard(thread, value)).toBe(200);
    const said = h.connector.messages(thread).map(visible).join('\n');
    expect(said).toContain('Resolved by Lee Lawyer: Appeal filed; listing back.');
    expect(said).toContain('could not be updated');
    expect(said).not.toContain('nothing was changed');
    expect(chatText()).toContain('Legal (Lee Lawyer) resolved IPC-0001: Appeal filed; listing back.');
    expect((await h.stores.cases.get('IPC-0001'))?.escalation?.status).toBe('resolved');
  });
});
