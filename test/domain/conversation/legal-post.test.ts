import { describe, expect, it } from 'vitest';
import { askLabel, legalPost, outcomeLabel } from '../../../src/domain/conversation/legal-post.js';
import type { Outcome } from '../../../src/domain/conversation/outcome.js';
import type { CaseRecord } from '../../../src/domain/model/case-record.js';

// The legal channel's post as data: Slack and Teams lay it out, so what it says and which buttons it
// offers are decided here once.

const rec = (facts: Record<string, unknown>) => ({ id: 'IP-7', state: { facts } }) as unknown as CaseRecord;
const outcome = (urgent: boolean, deadlines: { label: string; date: string; daysLeft: number }[] = []) =>
  ({
    routes: [
      { title: 'Delist now', urgent },
      { title: 'Escalate to a lawyer', urgent: false },
    ],
    deadlines,
  }) as unknown as Outcome;

describe('legalPost', () => {
  it('says the case, the listing, who escalated, the routes and the nearest deadline still ahead', () => {
    const p = legalPost(
      rec({ platform: 'aliexpress', listingId: '1005006123456789' }),
      outcome(true, [
        { label: 'Answer the court', date: '2026-12-20', daysLeft: 15 },
        { label: 'Past', date: '2026-12-01', daysLeft: -4 },
        { label: 'TRO ends', date: '2026-12-10', daysLeft: 5 },
      ]),
      { status: 'open' },
      'U1',
    );
    expect(p).toMatchObject({
      caseId: 'IP-7',
      urgent: true,
      listing: 'aliexpress listing 1005006123456789',
      seller: 'U1',
      routes: ['Delist now', 'Escalate to a lawyer'],
      deadline: { label: 'TRO ends' },
      status: { state: 'open', word: 'Waiting for legal' },
      buttons: ['acknowledge', 'request_info', 'resolve'],
      fallback: 'URGENT: IP-7 escalated to legal (aliexpress listing 1005006123456789)',
    });
    expect(p.deadline?.day).toContain('10');
  });

  it('says when the listing is not given, and is not urgent without an urgent route', () => {
    const p = legalPost(rec({}), outcome(false), { status: 'open' }, 'U1');
    expect(p.listing).toBe('listing not given yet');
    expect(p.urgent).toBe(false);
    expect(p.deadline).toBeUndefined();
    expect(p.fallback).toBe('IP-7 escalated to legal (listing not given yet)');
  });

  it('an acknowledged case names who acknowledged it and no longer offers Acknowledge', () => {
    const p = legalPost(rec({}), outcome(false), { status: 'acknowledged', ackBy: 'L1' }, 'U1');
    expect(p.status).toEqual({ state: 'acknowledged', word: 'Acknowledged', by: 'L1' });
    expect(p.buttons).toEqual(['request_info', 'resolve']);
  });

  it('a resolved case carries who resolved it and their outcome as written, and offers no button', () => {
    const p = legalPost(
      rec({}),
      outcome(false),
      { status: 'resolved', resolvedBy: 'L2', resolution: 'Settled *for* $500' },
      'U1',
    );
    expect(p.status).toEqual({
      state: 'resolved',
      word: 'Resolved',
      by: 'L2',
      resolution: 'Settled *for* $500',
    });
    expect(p.buttons).toEqual([]);
  });

  it('labels legal boxes with the case id', () => {
    expect(askLabel('IP-7')).toBe('What do you need from the seller for IP-7?');
    expect(outcomeLabel('IP-7')).toBe('Outcome for IP-7 (the seller will see it)');
  });
});
