import { createClient } from '@keyv/redis';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { openIndexKey } from '../../../src/adapters/storage/kv-case-repository.js';
import {
  type CaseRecord,
  formatCaseId,
  isCaseId,
  RECORD_SCHEMA,
  readRecord,
} from '../../../src/domain/model/case-record.js';
import { newCase } from '../../../src/domain/model/case-state.js';
import { expectIpcheckError, KINDS, newCaseInput, T0, useStores } from './harness.js';

const h = useStores();

function validRecord(id = 'IPC-0009'): CaseRecord {
  return {
    schema: RECORD_SCHEMA,
    id,
    version: 3,
    status: 'open',
    channel: 'slack',
    openedBy: 'U1',
    createdAt: T0,
    updatedAt: T0,
    conversations: ['slack:T1:C1:1.2'],
    state: { ...newCase(id), facts: { platform: 'amazon', listingId: 'B0NEWER' } },
    audit: [{ at: T0, who: 'U1', action: 'case_opened' }],
    drafts: [],
  };
}

describe('readRecord', () => {
  it('migrates a schema 1 record (before drafts were kept) to the current schema', () => {
    const { drafts: _d, ...v1 } = validRecord();
    const r = readRecord({ ...v1, schema: 1 });
    expect(r).toEqual({ ok: true, record: { ...validRecord(), schema: RECORD_SCHEMA, drafts: [] } });
  });

  it('reports a non-numeric schema as damaged, saying what it found', () => {
    expect(readRecord({ ...validRecord(), schema: '1' })).toEqual({
      ok: false,
      problem: { kind: 'damaged', reason: 'schema must be a number, not "1"' },
    });
  });

  it('reads a current record as it is', () => {
    const rec = validRecord();
    expect(readRecord(rec)).toEqual({ ok: true, record: rec });
    // A JSON round trip (what every store does) reads the same.
    expect(readRecord(JSON.parse(JSON.stringify(rec)))).toEqual({ ok: true, record: rec });
  });

  it('reports a record from a newer ipcheck with its schema, without trying to read it', () => {
    expect(readRecord({ ...validRecord(), schema: 99 })).toEqual({
      ok: false,
      problem: { kind: 'newer', schema: 99 },
    });
    // Even when the rest looks nothing like today's record.
    expect(readRecord({ schema: RECORD_SCHEMA + 1, totally: 'different' })).toEqual({
      ok: false,
      problem: { kind: 'newer', schema: RECORD_SCHEMA + 1 },
    });
  });

  it.each([
    ['null', null, 'not an object'],
    ['a string', 'IPC-0001', 'not an object'],
    ['a number', 42, 'not an object'],
    ['undefined', undefined, 'not an object'],
  ])('reports %s as damaged', (_label, raw, reason) => {
    expect(readRecord(raw)).toEqual({ ok: false, problem: { kind: 'damaged', reason } });
  });

  it('reports a record without a schema number (no migration from 0) as damaged', () => {
    const { schema: _drop, ...noSchema } = validRecord();
    const r = readRecord(noSchema);
    expect(r).toEqual({ ok: false, problem: { kind: 'damaged', reason: 'no migration from schema 0' } });
    expect(readRecord({ ...validRecord(), schema: '1' })).toMatchObject({ ok: false });
  });

  it.each([
    ['a missing field', 'audit', (r: Record<string, unknown>) => delete r.audit],
    ['a bad id', 'id', (r: Record<string, unknown>) => (r.id = 'CASE-9')],
    ['a negative version', 'version', (r: Record<string, unknown>) => (r.version = -1)],
    ['an unknown status', 'status', (r: Record<string, unknown>) => (r.status = 'archived')],
    ['a damaged state', 'state', (r: Record<string, unknown>) => (r.state = { v: 1 })],
    [
      'an unknown audit action',
      'audit.0.action',
      (r: Record<string, unknown>) => (r.audit = [{ at: T0, who: 'U1', action: 'teleported' }]),
    ],
  ])('reports %s as damaged, saying where', (_label, path, damage) => {
    const raw = JSON.parse(JSON.stringify(validRecord())) as Record<string, unknown>;
    damage(raw);
    const r = readRecord(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.kind).toBe('damaged');
    expect(r.problem.kind === 'damaged' && r.problem.reason.startsWith(`${path}`)).toBe(true);
  });
});

describe('case ids', () => {
  it('formats ids people can say aloud, growing past four digits', () => {
    expect(formatCaseId(1)).toBe('IPC-0001');
    expect(formatCaseId(42)).toBe('IPC-0042');
    expect(formatCaseId(12345)).toBe('IPC-12345');
  });

  it('recognises ids, forgiving case and spaces', () => {
    expect(isCaseId('IPC-0042')).toBe(true);
    expect(isCaseId(' ipc-0042 ')).toBe(true);
    expect(isCaseId('IPC-12345')).toBe(true);
    expect(isCaseId('IPC-42')).toBe(false);
    expect(isCaseId('IPC-00x2')).toBe(false);
    expect(isCaseId('B0ABCDEF')).toBe(false);
  });
});

describe.each(KINDS)('unreadable records on %s', (kind) => {
  it('refuses a record from a newer ipcheck as case_unreadable, saying so, and never overwrites it', async () => {
    const stores = await h.open(kind);
    const newer = { ...validRecord(), schema: 99, extra: 'from the future' };
    await stores.kv.set('case:IPC-0009', newer);
    await stores.kv.set('conv:slack:T1:C1:1.2', 'IPC-0009');

    const read = await expectIpcheckError(stores.cases.get('IPC-0009'));
    expect(read.err.code).toBe('case_unreadable');
    expect(read.err.message).toContain('IPC-0009');
    expect(read.err.message).toContain('written by a newer ipcheck');
    expect(read.err.message).toContain('99');

    const byConv = await expectIpcheckError(stores.cases.byConversation('slack:T1:C1:1.2'));
    expect(byConv.err.code).toBe('case_unreadable');

    let called = false;
    const write = await expectIpcheckError(
      stores.cases.update('IPC-0009', (cur) => {
        called = true;
        return cur;
      }),
    );
    expect(write.err.code).toBe('case_unreadable');
    expect(called).toBe(false);
    const link = await expectIpcheckError(stores.cases.linkConversation('other', 'IPC-0009'));
    expect(link.err.code).toBe('case_unreadable');
    // The newer record is left exactly as the newer ipcheck wrote it.
    expect(await stores.kv.get('case:IPC-0009')).toEqual(newer);
  });

  it('refuses a damaged record (missing fields) as case_unreadable, saying it is damaged', async () => {
    const stores = await h.open(kind);
    const { audit: _a, state: _s, ...damaged } = validRecord();
    await stores.kv.set('case:IPC-0009', damaged);
    const { err } = await expectIpcheckError(stores.cases.get('IPC-0009'));
    expect(err.code).toBe('case_unreadable');
    expect(err.message).toContain('IPC-0009');
    expect(err.message).toContain('damaged');
    expect(err.message).not.toContain('newer');
    await stores.kv.set('case:IPC-0010', 'not a record at all');
    const second = await expectIpcheckError(stores.cases.get('IPC-0010'));
    expect(second.err.code).toBe('case_unreadable');
    expect(second.err.message).toContain('damaged');
  });

  it('lists the readable open cases and skips unreadable ones instead of failing', async () => {
    const stores = await h.open(kind);
    const good = await stores.cases.create(newCaseInput(1));
    await stores.kv.set('case:IPC-0009', { ...validRecord('IPC-0009'), schema: 99 });
    const { audit: _a, ...damaged } = validRecord('IPC-0010');
    await stores.kv.set('case:IPC-0010', damaged);
    const key = openIndexKey('IPC-0009');
    const ids = (await stores.kv.get<string[]>(key)) ?? [];
    await stores.kv.set(key, [...ids, 'IPC-0009', 'IPC-0010', 'IPC-0011']);

    const open = await stores.cases.listOpen();
    expect(open.map((o) => o.id)).toEqual([good.id]);
    // Creating more cases keeps working alongside them.
    const next = await stores.cases.create(newCaseInput(2));
    expect((await stores.cases.listOpen()).map((o) => o.id)).toEqual([good.id, next.id]);
  });

  it('names the open cases it could not read, with why, next to the readable ones', async () => {
    const stores = await h.open(kind);
    const good = await stores.cases.create(newCaseInput(1));
    await stores.kv.set('case:IPC-0009', { ...validRecord('IPC-0009'), schema: 99 });
    const { audit: _a, ...damaged } = validRecord('IPC-0010');
    await stores.kv.set('case:IPC-0010', damaged);
    const key = openIndexKey('IPC-0009');
    const ids = (await stores.kv.get<string[]>(key)) ?? [];
    await stores.kv.set(key, [...ids, 'IPC-0009', 'IPC-0010', 'IPC-0011']);

    const report = await stores.cases.listOpenReport();
    expect(report.cases.map((c) => c.id)).toEqual([good.id]);
    // IPC-0011 is in the index with no record at all: nothing to report, nothing to read.
    expect(report.unreadable).toEqual([
      { id: 'IPC-0009', reason: 'written by a newer ipcheck', conversation: 'slack:T1:C1:1.2' },
      { id: 'IPC-0010', reason: 'damaged', conversation: 'slack:T1:C1:1.2' },
    ]);
  });

  it('reads a record planted in the current schema like any other', async () => {
    const stores = await h.open(kind);
    const rec = validRecord('IPC-0009');
    await stores.kv.set('case:IPC-0009', rec);
    expect(await stores.cases.get('IPC-0009')).toEqual(rec);
    const next = await stores.cases.update('IPC-0009', (cur) => cur, { expectedVersion: 3 });
    expect(next.version).toBe(4);
  });
});

/** Overwrites a stored case with bytes that are not JSON at all, under the store's own key. */
async function plantGarbage(kind: 'sqlite' | 'redis', url: string, id: string): Promise<void> {
  if (kind === 'redis') {
    const client = createClient({ url });
    client.on('error', () => {});
    await client.connect();
    const keys = (await client.sendCommand(['KEYS', `*case:${id}`])) as string[];
    expect(keys).toHaveLength(1);
    await client.sendCommand(['SET', keys[0] as string, 'garbage{']);
    await client.close();
    return;
  }
  const db = new sqlite3.Database(url.slice('sqlite://'.length));
  const changes = await new Promise<number>((resolve, reject) =>
    db.run("UPDATE keyv SET value = 'garbage{' WHERE key LIKE ?", [`%case:${id}`], function (err) {
      if (err) reject(err);
      else resolve(this.changes);
    }),
  );
  await new Promise((r) => db.close(r));
  expect(changes).toBe(1);
}

describe.each(['sqlite', 'redis'] as const)('a stored value that is not even JSON on %s', (kind) => {
  it('does not break the list: the other cases are listed and the damaged one is named', async () => {
    const url = h.url(kind);
    const stores = await h.open(url);
    const a = await stores.cases.create(newCaseInput(1));
    const b = await stores.cases.create(newCaseInput(2));
    const c = await stores.cases.create(newCaseInput(3));
    await plantGarbage(kind, url, b.id);
    const report = await stores.cases.listOpenReport();
    expect(report.cases.map((x) => x.id)).toEqual([a.id, c.id]);
    expect(report.unreadable).toEqual([{ id: b.id, reason: 'damaged' }]);
    expect((await stores.cases.listOpen()).map((x) => x.id)).toEqual([a.id, c.id]);
    // Reading it alone says it is unreadable, not that the store is down.
    const { err } = await expectIpcheckError(stores.cases.get(b.id));
    expect(err.code).toBe('case_unreadable');
    expect(err.message).toContain('damaged');
  });
});
