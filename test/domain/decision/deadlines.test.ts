import { describe, expect, it } from 'vitest';
import { buildOutcome } from '../../../src/domain/conversation/outcome.js';
import { computeDeadlines } from '../../../src/domain/decision/deadlines.js';
import type { Details, Facts } from '../../../src/domain/model/facts.js';
import { testContext } from '../../helpers/context.js';

const deadlines = async (facts: Facts, today: string, details: Details = {}) =>
  computeDeadlines(facts, today, (await testContext()).kb, { details });

describe('deadlines', () => {
  it('moves the court answer off a weekend to the next court day, and says why', async () => {
    // Notice on Sat 28 Nov: day 21 is Sat 19 Dec, so the answer is due Mon 21 Dec.
    const ds = await deadlines({ notice: 'court_or_tro', noticeDate: '2026-11-28' }, '2026-11-30');
    const answer = ds.find((d) => d.id === 'court_answer');
    expect(answer?.date).toBe('2026-12-21');
    expect(answer?.basis).toMatch(/day 21 \(Sat 19 Dec 2026\) is not a court day.*FRCP 6\(a\)/);
    // Christmas: notice on Fri 4 Dec → day 21 is Fri 25 Dec → Mon 28 Dec.
    const xmas = await deadlines({ notice: 'court_or_tro', noticeDate: '2026-12-04' }, '2026-12-05');
    expect(xmas.find((d) => d.id === 'court_answer')?.date).toBe('2026-12-28');
  });

  it('counts the TRO from its issue date when the papers give it, else from the notice', async () => {
    const fromNotice = await deadlines({ notice: 'court_or_tro', noticeDate: '2026-11-27' }, '2026-11-30');
    expect(fromNotice.find((d) => d.id === 'tro_expiry')?.date).toBe('2026-12-11');
    const fromIssue = await deadlines({ notice: 'court_or_tro', noticeDate: '2026-11-27' }, '2026-11-30', {
      troDate: '2026-11-20',
    });
    expect(fromIssue.find((d) => d.id === 'tro_expiry')).toMatchObject({
      date: '2026-12-04',
      basis: expect.stringContaining('issued on Fri 20 Nov 2026'),
    });
    // The issue date alone gives the TRO date even before the notice date is known.
    const noNotice = await deadlines({ notice: 'court_or_tro' }, '2026-11-30', { troDate: '2026-11-20' });
    expect(noNotice.map((d) => d.id)).toEqual(['tro_expiry']);
  });

  it('marks a deadline due today or tomorrow as urgent, and the outcome says so first', async () => {
    const facts: Facts = {
      platform: 'aliexpress',
      notice: 'platform_complaint',
      listingIsOurs: 'no',
      noticeDate: '2026-11-25',
    };
    const ds = await deadlines(facts, '2026-11-30');
    expect(ds[0]).toMatchObject({ id: 'counter_notice', date: '2026-11-30', daysLeft: 0, urgent: true });
    const o = buildOutcome({ facts, details: {}, today: '2026-11-30' }, await testContext());
    expect(o.notes[0]).toBe(
      'Due TODAY: first counter-notice (appeal) to the platform (Mon 30 Nov 2026). Act now and tell legal.',
    );
    const later = await deadlines(facts, '2026-11-26');
    expect(later[0]?.urgent).toBe(false);
  });

  it('gives Amazon and other platforms no AliExpress counter-notice window', async () => {
    for (const platform of ['amazon', 'other'] as const) {
      const ds = await deadlines(
        { platform, notice: 'platform_complaint', listingIsOurs: 'no', noticeDate: '2026-11-25' },
        '2026-11-26',
      );
      expect(ds).toEqual([]);
    }
  });
});
