import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../src/app/ports.js';
import { KINDS, useStores } from './harness.js';

const h = useStores();

const reminder = (id: string, at: string, text = `text of ${id}`): Reminder => ({
  id,
  caseId: 'IPC-0001',
  at,
  text,
});

describe.each(KINDS)('reminders on %s', (kind) => {
  it('schedules a reminder once: true, then false, and the first one stays', async () => {
    const { reminders } = await h.open(kind);
    expect(await reminders.schedule(reminder('r1', '2026-12-01T09:00:00.000Z', 'first'))).toBe(true);
    expect(await reminders.schedule(reminder('r1', '2026-12-05T09:00:00.000Z', 'second'))).toBe(false);
    const due = await reminders.due(new Date('2026-12-31T00:00:00.000Z'));
    expect(due).toEqual([reminder('r1', '2026-12-01T09:00:00.000Z', 'first')]);
  });

  it('returns only the reminders due at now (at <= now), earliest first', async () => {
    const { reminders } = await h.open(kind);
    await reminders.schedule(reminder('late', '2026-12-03T09:00:00.000Z'));
    await reminders.schedule(reminder('early', '2026-12-01T09:00:00.000Z'));
    await reminders.schedule(reminder('exact', '2026-12-02T09:00:00.000Z'));
    await reminders.schedule(reminder('just-after', '2026-12-02T09:00:00.001Z'));

    expect(await reminders.due(new Date('2026-11-30T00:00:00.000Z'))).toEqual([]);
    expect((await reminders.due(new Date('2026-12-02T09:00:00.000Z'))).map((r) => r.id)).toEqual([
      'early',
      'exact',
    ]);
    expect((await reminders.due(new Date('2026-12-04T00:00:00.000Z'))).map((r) => r.id)).toEqual([
      'early',
      'exact',
      'just-after',
      'late',
    ]);
    // due() only reads: asking again returns the same.
    expect(await reminders.due(new Date('2026-12-02T09:00:00.000Z'))).toHaveLength(2);
  });

  it('compares times as instants, whatever ISO form `at` is written in', async () => {
    const { reminders } = await h.open(kind);
    // Same instant as 09:00:00.000Z, written without milliseconds.
    await reminders.schedule(reminder('no-millis', '2026-12-02T09:00:00Z'));
    // 08:00Z, written with an offset: due before 09:00Z.
    await reminders.schedule(reminder('offset', '2026-12-02T10:00:00+02:00'));
    // 11:00Z, written with an offset: not due at 09:00Z.
    await reminders.schedule(reminder('offset-late', '2026-12-02T07:00:00-04:00'));
    const due = await reminders.due(new Date('2026-12-02T09:00:00.000Z'));
    expect(due.map((r) => r.id)).toEqual(['offset', 'no-millis']);
  });

  it('treats an unreadable time as due at once rather than never', async () => {
    const { reminders } = await h.open(kind);
    await reminders.schedule(reminder('good', '2026-12-02T09:00:00.000Z'));
    await reminders.schedule(reminder('garbled', 'next tuesday-ish'));
    expect((await reminders.due(new Date('2026-11-01T00:00:00.000Z'))).map((r) => r.id)).toEqual(['garbled']);
  });

  it('removes a reminder: no longer due, and its id can be scheduled again', async () => {
    const { reminders } = await h.open(kind);
    await reminders.schedule(reminder('r1', '2026-12-01T09:00:00.000Z'));
    await reminders.schedule(reminder('r2', '2026-12-01T10:00:00.000Z'));
    await reminders.remove('r1');
    expect((await reminders.due(new Date('2026-12-02T00:00:00.000Z'))).map((r) => r.id)).toEqual(['r2']);
    await reminders.remove('not-there');
    expect(await reminders.schedule(reminder('r1', '2026-12-01T11:00:00.000Z'))).toBe(true);
    expect((await reminders.due(new Date('2026-12-02T00:00:00.000Z'))).map((r) => r.id)).toEqual([
      'r2',
      'r1',
    ]);
  });

  it('keeps every one of 30 reminders scheduled at once, and schedules a duplicate once', async () => {
    const { reminders } = await h.open(kind);
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) =>
        reminders.schedule(reminder(`r${i}`, `2026-12-01T09:${String(i).padStart(2, '0')}:00.000Z`)),
      ),
      ...Array.from({ length: 5 }, () => reminders.schedule(reminder('dup', '2026-12-01T08:00:00.000Z'))),
    ]);
    expect(results.slice(0, 30).every(Boolean)).toBe(true);
    expect(results.slice(30).filter(Boolean)).toHaveLength(1);
    const due = await reminders.due(new Date('2026-12-02T00:00:00.000Z'));
    expect(due).toHaveLength(31);
    expect(due[0]?.id).toBe('dup');
  });
});
