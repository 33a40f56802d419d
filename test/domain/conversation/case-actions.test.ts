import { describe, expect, it } from 'vitest';
import {
  acknowledged,
  DraftChangedError,
  draftEdited,
  draftRegenerated,
  draftSent,
  escalated,
  infoAnswered,
  infoRequested,
  openInfoRequest,
  resolved,
  withPermalink,
} from '../../../src/domain/conversation/case-actions.js';
import { type CaseRecord, RECORD_SCHEMA } from '../../../src/domain/model/case-record.js';
import { newCase } from '../../../src/domain/model/case-state.js';

const T = '2026-11-28T10:00:00.000Z';
const rec: CaseRecord = {
  schema: RECORD_SCHEMA,
  id: 'IPC-0042',
  version: 1,
  status: 'open',
  channel: 'slack',
  openedBy: 'U1',
  createdAt: T,
  updatedAt: T,
  conversations: [],
  state: newCase('IPC-0042'),
  audit: [],
  drafts: [],
};
const seller = { who: 'U1', at: T };
const lawyer = { who: 'U9', at: T };

describe('case actions (legal and drafts), pure', () => {
  it('escalates once, then walks acknowledge → question → answer → resolve, auditing each', () => {
    let r = escalated(rec, seller, { channel: 'C0LEGAL', ts: '1.2' });
    expect(escalated(r, seller, { channel: 'C0OTHER', ts: '9.9' })).toBe(r);
    r = withPermalink(r, 'https://x/p12');
    r = acknowledged(r, lawyer);
    expect(acknowledged(r, { who: 'U8', at: T })).toBe(r);
    r = infoRequested(r, lawyer, 'US sales?');
    expect(openInfoRequest(r)).toBe(0);
    r = infoAnswered(r, seller, '340 units');
    expect(openInfoRequest(r)).toBe(-1);
    expect(infoAnswered(r, seller, 'again')).toBe(r);
    r = resolved(r, lawyer, 'Settled.');
    expect(r.status).toBe('closed');
    expect(r.escalation).toMatchObject({
      status: 'resolved',
      ackBy: 'U9',
      permalink: 'https://x/p12',
      resolution: 'Settled.',
    });
    expect(r.audit.map((e) => e.action)).toEqual([
      'escalated',
      'legal_acknowledged',
      'legal_info_requested',
      'legal_info_answered',
      'legal_resolved',
      'case_closed',
    ]);
  });

  it('legal actions do nothing on a case that was never escalated', () => {
    expect(acknowledged(rec, lawyer)).toBe(rec);
    expect(infoRequested(rec, lawyer, 'q')).toBe(rec);
    expect(resolved(rec, lawyer, 'o')).toBe(rec);
  });

  it('refuses an edit made from an older revision, records "sent" once, regenerates from the case', () => {
    const text = { subject: 'S', body: 'B' };
    const e1 = draftEdited(rec, seller, 'dispute_reply', text, 0);
    expect(e1.drafts[0]).toMatchObject({ rev: 1, editedBy: 'U1' });
    expect(() => draftEdited(e1, lawyer, 'dispute_reply', { subject: 'X', body: 'Y' }, 0)).toThrow(
      DraftChangedError,
    );
    const s1 = draftSent(e1, seller, 'dispute_reply', text);
    expect(s1.drafts[0]).toMatchObject({ rev: 2, sentBy: 'U1', editedBy: 'U1' });
    expect(draftSent(s1, lawyer, 'dispute_reply', text)).toBe(s1);
    const g = draftRegenerated(s1, seller, 'dispute_reply');
    expect(g.drafts).toEqual([]);
    expect(g.audit.at(-1)).toMatchObject({
      action: 'draft_created',
      detail: 'dispute_reply regenerated from the case',
    });
  });
});
