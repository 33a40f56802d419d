import { beforeEach, describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/app/ports.js';
import { runDueReminders } from '../../src/app/run-reminders.js';
import { planReminders } from '../../src/domain/decision/reminder-plan.js';
import { testContext } from '../helpers/context.js';
import { Conversation } from '../helpers/transcript.js';

let chat: Conversation;

beforeEach(async () => {
  chat = new Conversation(await testContext());
});

async function decideCourtCase() {
  await chat.send('we got a TRO on B0C1234567, funds frozen, the email came 2026-11-26');
  await chat.send('1'); // listing is ours
  await chat.send('trademark');
  await chat.send('yes'); // uses their IP
  await chat.send('none');
  await chat.send('large');
  return chat.outcome();
}

describe('the conversation turn (durable)', () => {
  it('opens one case per conversation with a sayable id, and keeps it across turns', async () => {
    await chat.send('complaint on 1005006123456789');
    const id = chat.caseId;
    expect(id).toBe('IPC-0001');
    await chat.send('yes');
    expect(chat.caseId).toBe(id);
    const other = new Conversation(await testContext(), 'other-thread', chat.stores);
    await other.send('complaint on B0C1234567');
    expect(other.caseId).toBe('IPC-0002');
  });

  it('records every answer, the routes and the drafts in the audit trail, with who and when', async () => {
    await decideCourtCase();
    const rec = await chat.stores.cases.get('IPC-0001');
    const actions = rec?.audit.map((e) => e.action);
    expect(actions?.[0]).toBe('case_opened');
    expect(rec?.audit.filter((e) => e.action === 'answer').map((e) => e.detail?.split('=')[0])).toEqual([
      'listingId',
      'notice',
      'noticeDate',
      'listingIsOurs',
      'ipType',
      'usesTheirIp',
      'rights',
      'inventory',
    ]);
    expect(rec?.audit.find((e) => e.action === 'routes_changed')?.detail).toBe(
      'lawyer_escalation/court, delist_now/preserve, store_sweep',
    );
    expect(rec?.audit.find((e) => e.action === 'draft_created')?.detail).toBe('lawyer-escalation');
    for (const e of rec?.audit ?? []) {
      expect(e.who).toBe('U_SELLER');
      expect(e.at).toBe('2026-11-28T10:00:00.000Z');
    }
  });

  it('schedules a reminder 3 days and 1 day before each future deadline, once', async () => {
    await decideCourtCase();
    const rec = await chat.stores.cases.get('IPC-0001');
    const scheduled = rec?.audit
      .filter((e) => e.action === 'reminder_scheduled')
      .map((e) => e.detail?.slice(0, 10));
    // TRO ends Thu 10 Dec, answer due Thu 17 Dec (from 26 Nov).
    expect(scheduled).toEqual(['2026-12-07', '2026-12-09', '2026-12-14', '2026-12-16']);
    await chat.send('status');
    const again = await chat.stores.cases.get('IPC-0001');
    expect(again?.audit.filter((e) => e.action === 'reminder_scheduled')).toHaveLength(4);
  });

  it('sends each due reminder exactly once, even when two runners race, and records it', async () => {
    await decideCourtCase();
    const ctx = await testContext();
    const deps = { ctx, ...chat.stores, clock: chat.clock };
    chat.clock.set('2026-12-07T09:00:00Z');
    const delivered: Reminder[] = [];
    const deliver = async (r: Reminder) => {
      delivered.push(r);
    };
    const [a, b] = await Promise.all([
      runDueReminders(deps, 'test', deliver),
      runDueReminders(deps, 'test', deliver),
    ]);
    expect([...a.sent, ...b.sent]).toEqual(['IPC-0001:tro_expiry:2026-12-10:-3d']);
    expect(delivered.map((r) => r.text)).toEqual([
      'Reminder for IPC-0001: TRO ends at the latest, unless extended is due Thu 10 Dec 2026, in 3 days.',
    ]);
    expect((await runDueReminders(deps, 'test', deliver)).sent).toEqual([]);
    const rec = await chat.stores.cases.get('IPC-0001');
    expect(rec?.audit.filter((e) => e.action === 'reminder_sent')).toHaveLength(1);
  });

  it('retries a reminder whose delivery failed', async () => {
    await decideCourtCase();
    const deps = { ctx: await testContext(), ...chat.stores, clock: chat.clock };
    chat.clock.set('2026-12-07T09:00:00Z');
    const failed = await runDueReminders(deps, 'test', async () => {
      throw new Error('slack down');
    });
    expect(failed.failed).toEqual([{ id: 'IPC-0001:tro_expiry:2026-12-10:-3d', error: 'slack down' }]);
    const ok = await runDueReminders(deps, 'test', async () => {});
    expect(ok.sent).toHaveLength(1);
  });

  it('keeps sending the other reminders when one fails, and never sends one twice when only its record failed', async () => {
    await decideCourtCase();
    const other = new Conversation(await testContext(), 'second', chat.stores);
    await other.send('we got a TRO on 1005006123456789, the email came 2026-11-26');
    await other.send('1');
    await other.send('trademark');
    await other.send('no');
    await other.send('small');
    chat.clock.set('2026-12-07T09:00:00Z');
    const deps = { ctx: await testContext(), ...chat.stores, clock: chat.clock };
    const sent: string[] = [];
    const run = await runDueReminders(deps, 'test', async (r) => {
      if (r.caseId === 'IPC-0001') throw new Error('channel archived');
      sent.push(r.id);
    });
    expect(run.failed.map((f) => f.id)).toEqual(['IPC-0001:tro_expiry:2026-12-10:-3d']);
    expect(sent).toEqual(['IPC-0002:tro_expiry:2026-12-10:-3d']);
    // The audit write fails after a send: the reminder is not sent again on the next run.
    const failingCases = Object.create(chat.stores.cases, {
      update: { value: async () => Promise.reject(new Error('store down')) },
    });
    const again: string[] = [];
    await runDueReminders({ ...deps, cases: failingCases }, 'test', async (r) => {
      again.push(r.id);
    });
    await runDueReminders(deps, 'test', async (r) => {
      again.push(r.id);
    });
    expect(again).toEqual(['IPC-0001:tro_expiry:2026-12-10:-3d']);
  });

  it('leaves a reminder whose case cannot be read right now for a later run, never drops it', async () => {
    await decideCourtCase();
    chat.clock.set('2026-12-07T09:00:00Z');
    const deps = { ctx: await testContext(), ...chat.stores, clock: chat.clock };
    const unreadable = Object.create(chat.stores.cases, {
      get: { value: async () => Promise.reject(new Error('store down')) },
    });
    const delivered: string[] = [];
    const r = await runDueReminders({ ...deps, cases: unreadable }, 'test', async (x) => {
      delivered.push(x.id);
    });
    expect(r.failed).toEqual([
      { id: 'IPC-0001:tro_expiry:2026-12-10:-3d', error: 'its case cannot be read: store down' },
    ]);
    expect(r.dropped).toEqual([]);
    expect(delivered).toEqual([]);
    const later = await runDueReminders(deps, 'test', async (x) => {
      delivered.push(x.id);
    });
    expect(later.sent).toEqual(['IPC-0001:tro_expiry:2026-12-10:-3d']);
  });

  it("leaves the reminders of another channel's cases to that channel", async () => {
    await decideCourtCase();
    chat.clock.set('2026-12-07T09:00:00Z');
    const deps = { ctx: await testContext(), ...chat.stores, clock: chat.clock };
    const other = await runDueReminders(deps, 'slack', async () => {
      throw new Error('must not be delivered here');
    });
    expect(other).toEqual({ sent: [], dropped: [], failed: [] });
    expect((await runDueReminders(deps, 'test', async () => {})).sent).toHaveLength(1);
  });

  it('drops a reminder whose deadline moved when the notice date was corrected', async () => {
    await decideCourtCase();
    await chat.send('change');
    const menu = chat.question();
    const idx = menu.choices.findIndex((c) => c.value === 'noticeDate');
    await chat.send(String(idx + 1));
    await chat.send('2026-11-27');
    chat.clock.set('2026-12-07T09:30:00Z');
    const deps = { ctx: await testContext(), ...chat.stores, clock: chat.clock };
    const r = await runDueReminders(deps, 'test', async () => {});
    expect(r.dropped).toContain('IPC-0001:tro_expiry:2026-12-10:-3d');
    expect(r.sent).toEqual([]);
  });

  it('"status" shows the case and its audit trail; "status IPC-…" any case', async () => {
    await decideCourtCase();
    await chat.send('status');
    expect(chat.text).toContain('Case IPC-0001: open, decided');
    expect(chat.text).toContain('Routes: lawyer_escalation, delist_now, store_sweep');
    expect(chat.text).toMatch(/2026-11-28 10:00 UTC {2}U_SELLER {2}answer: notice=court_or_tro/);
    const other = new Conversation(await testContext(), 'elsewhere', chat.stores);
    await other.send('status IPC-0001');
    expect(other.text).toContain('Case IPC-0001');
    await other.send('status IPC-0999');
    expect(other.text).toBe(
      'Sorry: IPC-0999: I cannot find that case. Case ids look like IPC-0042; say "cases" to list open ones.',
    );
  });

  it('"cases" lists open cases; "open" continues another case here; "new" opens a fresh one', async () => {
    await chat.send('complaint on 1005006123456789');
    const other = new Conversation(await testContext(), 'second', chat.stores);
    await other.send('cases');
    expect(other.text).toContain('IPC-0001  aliexpress 1005006123456789');
    await other.send('open IPC-0001');
    expect(other.text).toContain('Continuing case IPC-0001 here.');
    expect(other.question().questionId).toBe('listingIsOurs');
    await other.send('new');
    expect(other.text).toContain('Opened case IPC-0002');
    await other.send('complaint on B0C1234567');
    expect(other.caseId).toBe('IPC-0002');
  });

  it('"export" asks the channel to write the case file', async () => {
    await chat.send('complaint on 1005006123456789');
    const deps = { ctx: await testContext(), cases: chat.stores.cases, clock: chat.clock };
    const { runTurn } = await import('../../src/app/turn.js');
    const r = await runTurn(deps, {
      conversation: 'test',
      who: 'U1',
      channel: 'test',
      event: { type: 'text', text: 'export' },
    });
    expect(r.effects).toEqual([{ type: 'export', caseId: 'IPC-0001' }]);
  });

  it('plans no reminder in the past', () => {
    const plan = planReminders(
      'IPC-0007',
      [
        {
          id: 'counter_notice',
          label: 'x',
          date: '2026-11-30',
          basis: '',
          caveat: '',
          daysLeft: 2,
          urgent: false,
          source: { ref: '', doc: '', docTitle: '', section: '', sectionTitle: '', quote: '', sources: [] },
        },
      ],
      new Date('2026-11-28T10:00:00Z'),
    );
    expect(plan.map((p) => p.at)).toEqual(['2026-11-29T09:00:00.000Z']);
  });

  it('a message about another listing after a decision opens a new case instead of rewriting this one', async () => {
    await chat.send('complaint on 1005006123456789 yesterday, we never listed it');
    await chat.send('yes'); // "never ours" confirmed
    expect(chat.outcome().routes.map((r) => r.id)).toEqual(['dispute_reply', 'store_sweep']);
    await chat.send('now another complaint, on B0C1234567, their logo is on it');
    expect(chat.text).toContain(
      'That is a different listing, so this is a new case, IPC-0002. IPC-0001 stays saved',
    );
    expect(chat.caseId).toBe('IPC-0002');
    expect((await chat.stores.cases.get('IPC-0001'))?.state.facts.listingId).toBe('1005006123456789');
  });

  it('refuses to start over a case that is with legal', async () => {
    await decideCourtCase();
    await chat.stores.cases.update('IPC-0001', (cur) => ({
      ...cur,
      escalation: { at: 'x', by: 'U1', channel: 'C0LEGAL01', ts: '1.2', status: 'open', infoRequests: [] },
    }));
    await chat.send('restart');
    expect(chat.text).toContain('IPC-0001 is with legal, so it cannot be started over.');
    expect((await chat.state()).facts.notice).toBe('court_or_tro');
  });
});
