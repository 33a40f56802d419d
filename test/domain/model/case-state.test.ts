import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/domain/conversation/outcome.js';
import { step } from '../../../src/domain/conversation/step.js';
import { RECORD_SCHEMA, readRecord } from '../../../src/domain/model/case-record.js';
import { CaseState, fromStored, newCase, pendingId } from '../../../src/domain/model/case-state.js';
import { testContext } from '../../helpers/context.js';

// Cases are stored as they are. Version 1 kept the conversation's own prompts as fake question ids in
// `pending.questionId` ('__change', '__confirm', '__claim'); a row written then must still load, as the
// tagged union of today, and the buttons already on screen must still work.

const NOW = new Date('2026-11-28T10:00:00Z');
let ctx: CoreContext;
beforeAll(async () => {
  ctx = await testContext();
});

/** A state as ipcheck wrote it before pending was a tagged union. */
function v1(pending: { questionId: string; seq: number } | null, extra: Record<string, unknown> = {}) {
  return {
    v: 1,
    caseId: 'IPC-0007',
    status: 'open',
    facts: { platform: 'amazon', listingId: 'B0C1234567' },
    details: {},
    answered: ['listingId'],
    skipped: [],
    pending,
    seq: 4,
    disclaimerShown: true,
    ...extra,
  };
}

const parse = (raw: unknown) => CaseState.parse(raw);

describe('a stored version 1 state', () => {
  it('pending on a question: the question, by its id', () => {
    const s = parse(v1({ questionId: 'listingIsOurs', seq: 4 }));
    expect(s.v).toBe(2);
    expect(s.pending).toEqual({ kind: 'question', questionId: 'listingIsOurs', seq: 4 });
    expect(s.facts).toEqual({ platform: 'amazon', listingId: 'B0C1234567' });
  });

  it('pending on __change: the change menu', () => {
    expect(parse(v1({ questionId: '__change', seq: 4 })).pending).toEqual({ kind: 'change', seq: 4 });
  });

  it('pending on __confirm: the update to confirm (its proposal kept)', () => {
    const proposal = { facts: { noticeDate: '2026-11-20' }, details: {} };
    const s = parse(v1({ questionId: '__confirm', seq: 4 }, { status: 'decided', proposal }));
    expect(s.pending).toEqual({ kind: 'confirm', seq: 4 });
    expect(s.proposal).toEqual(proposal);
  });

  it('pending on __claim: the claim to confirm (which claim is the first unconfirmed one)', () => {
    const s = parse(
      v1(
        { questionId: '__claim', seq: 4 },
        { facts: { listingIsOurs: 'no' }, unconfirmed: ['listingIsOurs'] },
      ),
    );
    expect(s.pending).toEqual({ kind: 'claim', seq: 4 });
    expect(s.unconfirmed).toEqual(['listingIsOurs']);
  });

  it('nothing pending: still nothing', () => {
    const s = parse(v1(null, { status: 'decided' }));
    expect(s).toMatchObject({ v: 2, pending: null, status: 'decided' });
  });

  it('keeps the id each prompt has on the wire, so a button rendered before the upgrade still matches', () => {
    for (const id of ['__change', '__confirm', '__claim', 'listingIsOurs']) {
      const s = parse(v1({ questionId: id, seq: 4 }));
      expect(s.pending && pendingId(s.pending)).toBe(id);
    }
  });

  it('a damaged pending is reported, not guessed', () => {
    expect(CaseState.safeParse(v1({ seq: 4 } as never)).success).toBe(false);
    expect(CaseState.safeParse(v1({ questionId: '__change', seq: 'x' } as never)).success).toBe(false);
    const { pending: _p, ...noPending } = v1(null);
    expect(CaseState.safeParse(noPending).success).toBe(false);
  });

  it("today's states pass through unchanged, and a newer version is not read as this one", () => {
    const today = { ...newCase('IPC-0001'), pending: { kind: 'change' as const, seq: 1 }, seq: 1 };
    expect(fromStored(today)).toBe(today);
    expect(parse(today)).toEqual(today);
    expect(CaseState.safeParse({ ...today, v: 3 }).success).toBe(false);
    expect(fromStored(null)).toBe(null);
  });
});

describe('a stored case record holding a version 1 state', () => {
  const record = (state: unknown) => ({
    schema: RECORD_SCHEMA,
    id: 'IPC-0007',
    version: 3,
    status: 'open',
    channel: 'slack',
    openedBy: 'U1',
    createdAt: '2026-11-27T10:00:00Z',
    updatedAt: '2026-11-27T10:00:00Z',
    conversations: ['slack:T1:C1:1.2'],
    state,
    audit: [],
    drafts: [],
  });

  it("loads (after a JSON round trip, as every store does), in today's shape", () => {
    const raw = JSON.parse(JSON.stringify(record(v1({ questionId: '__confirm', seq: 4 }))));
    const r = readRecord(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.state.v).toBe(2);
    expect(r.record.state.pending).toEqual({ kind: 'confirm', seq: 4 });
  });

  it('a record written by a schema 1 ipcheck with a version 1 state loads too', () => {
    const { drafts: _d, ...old } = record(v1({ questionId: 'listingIsOurs', seq: 4 }));
    const r = readRecord({ ...old, schema: 1 });
    expect(r.ok && r.record.state.pending).toEqual({ kind: 'question', questionId: 'listingIsOurs', seq: 4 });
  });
});

describe('a loaded version 1 state goes on where it stopped', () => {
  it('the claim button on screen (__claim, its seq) confirms the claim', () => {
    const s = parse(
      v1(
        { questionId: '__claim', seq: 4 },
        { facts: { listingIsOurs: 'no' }, unconfirmed: ['listingIsOurs'] },
      ),
    );
    const r = step(ctx, s, { type: 'answer', questionId: '__claim', value: 'yes', seq: 4 }, NOW);
    expect(r.effects).not.toContainEqual({ type: 'stale' });
    expect(r.state.unconfirmed).toBeUndefined();
    expect(r.state.pending?.kind).not.toBe('claim');
  });

  it('the change menu on screen (__change) asks the picked question again', () => {
    const s = parse(v1({ questionId: '__change', seq: 4 }));
    const r = step(ctx, s, { type: 'answer', questionId: '__change', value: 'listingId', seq: 4 }, NOW);
    expect(r.state.pending).toMatchObject({ kind: 'question', questionId: 'listingId' });
  });

  it('"no" typed at a stored __confirm keeps the case as it is', () => {
    const proposal = { facts: { noticeDate: '2026-11-20' }, details: {} };
    const s = parse(v1({ questionId: '__confirm', seq: 4 }, { status: 'decided', proposal }));
    const r = step(ctx, s, { type: 'text', text: 'no' }, NOW);
    expect(r.replies).toContainEqual({ kind: 'text', tone: 'info', text: 'Kept as it is.' });
    expect(r.state).toMatchObject({ pending: null, proposal: undefined });
  });

  it('a stale button from before the upgrade is still told apart (its seq is older)', () => {
    const s = parse(v1({ questionId: 'listingIsOurs', seq: 4 }));
    const r = step(ctx, s, { type: 'answer', questionId: 'listingIsOurs', value: 'yes', seq: 3 }, NOW);
    expect(r.effects).toContainEqual({ type: 'stale' });
  });
});
