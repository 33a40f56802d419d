import { beforeEach, describe, expect, it } from 'vitest';
import { pickDraft, type ShownDraft } from '../../src/app/case-commands.js';
import { draftEdited, escalated } from '../../src/domain/conversation/case-actions.js';
import { testContext } from '../helpers/context.js';
import { Conversation, NOW } from '../helpers/transcript.js';

const NOT_OURS = 'complaint on B0C1234567 on 2026-11-27, we never listed it';
const at = { who: 'U_LEGAL', at: NOW };

let chat: Conversation;
beforeEach(async () => {
  chat = new Conversation(await testContext());
});

const draft = (kind: ShownDraft['kind'], optional = false): ShownDraft => ({
  kind,
  subject: kind,
  body: '',
  optional,
  history: '',
});

describe('pickDraft', () => {
  it('shows the named draft, or says it is missing', () => {
    const all = [draft('dispute_reply'), draft('retraction_request', true)];
    expect(pickDraft(all, 'retraction_request')).toEqual({ show: all[1], others: [] });
    expect(pickDraft(all, 'lawyer_escalation')).toEqual({ missing: 'lawyer_escalation' });
  });

  it('with no name, shows the one main draft and names the optional ones', () => {
    const all = [draft('dispute_reply'), draft('retraction_request', true)];
    expect(pickDraft(all)).toEqual({ show: all[0], others: [all[1]] });
    expect(pickDraft([all[1] as ShownDraft])).toEqual({ show: all[1], others: [] });
  });

  it('with two main drafts and no name, asks which instead of guessing', () => {
    const all = [draft('dispute_reply'), draft('lawyer_escalation'), draft('retraction_request', true)];
    expect(pickDraft(all)).toEqual({ choose: all });
  });
});

describe('draft and close through the turn (any channel)', () => {
  it('"draft" shows the text the team edited, with who edited it', async () => {
    await chat.send(NOT_OURS);
    await chat.send('yes'); // "never ours" confirmed: the case is decided
    await chat.stores.cases.update('IPC-0001', (rec) =>
      draftEdited(rec, at, 'dispute_reply', { subject: 'Our own subject', body: 'Our own words.' }, 0),
    );
    await chat.send('draft');
    expect(chat.text).toMatch(
      /^IPC-0001: the dispute reply \(to the platform\) \(edited by U_LEGAL on 2026-11-28\)\./,
    );
    expect(chat.text).toContain('Subject: Our own subject\n-----\nOur own words.\n-----');
  });

  it('without inline confirmation (Slack), "close" names the exact words that confirm it', async () => {
    await chat.send(NOT_OURS);
    const [reply] = await chat.send('close');
    expect(reply).toMatchObject({ kind: 'text', tone: 'info' });
    expect(chat.text).toMatch(/To close it, say "close IPC-0001 yes"\.$/);
    expect((await chat.stores.cases.get('IPC-0001'))?.status).toBe('open');
    await chat.send('close IPC-0001 yes');
    const rec = await chat.stores.cases.get('IPC-0001');
    expect(rec?.status).toBe('closed');
    expect(rec?.audit.at(-1)).toMatchObject({
      action: 'case_closed',
      who: 'U_SELLER',
      at: new Date(NOW).toISOString(),
    });
    expect(await chat.stores.cases.listOpen()).toEqual([]);
  });

  it('a case with legal is closed by legal, not from the chat', async () => {
    await chat.send(NOT_OURS);
    await chat.stores.cases.update('IPC-0001', (rec) =>
      escalated(rec, at, { channel: 'C_LEGAL', ts: '1.2' }),
    );
    await chat.send('close IPC-0001 yes');
    expect(chat.text).toBe(
      'Sorry: IPC-0001 is with legal, so legal closes it when they resolve it (Resolve in the legal thread).',
    );
    expect((await chat.stores.cases.get('IPC-0001'))?.status).toBe('open');
  });
});
