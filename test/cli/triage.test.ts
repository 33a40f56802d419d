import { describe, expect, it } from 'vitest';
import { triage } from '../helpers/run-cli.js';

const json = async (...args: string[]) => {
  const r = await triage(...args, '--json', '--today', '2026-11-28');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

const routeIds = (o: { routes: { id: string }[] }) => o.routes.map((r) => r.id);

describe('ipcheck triage --json (the contract in product.md)', () => {
  it.each<[string, string[], string[]]>([
    [
      'court papers / TRO: off sale and kept, whatever the product',
      ['--answer', 'notice=court_or_tro'],
      ['lawyer_escalation', 'delist_now', 'store_sweep'],
    ],
    [
      'their mark, no rights',
      ['--answer', 'usesTheirIp=yes', '--answer', 'rights=none', '--answer', 'inventory=small_or_stop'],
      ['delist_now', 'store_sweep'],
    ],
    [
      'their mark, no rights, large stock to keep selling',
      ['--answer', 'usesTheirIp=yes', '--answer', 'rights=none', '--answer', 'inventory=large_keep_selling'],
      ['delist_now', 'lawyer_escalation', 'store_sweep'],
    ],
    ['listing never ours', ['--answer', 'listingIsOurs=no'], ['dispute_reply', 'store_sweep']],
    [
      'no infringement, no reply',
      [
        '--answer',
        'ipType=trademark',
        '--answer',
        'usesTheirIp=no',
        '--answer',
        'complainantContact=no_reply',
      ],
      ['dispute_reply', 'store_sweep'],
    ],
    [
      'we own a right of our own: legal compares it with theirs before any dispute',
      ['--answer', 'usesTheirIp=yes', '--answer', 'rights=own'],
      ['legal_opinion', 'store_sweep'],
    ],
    [
      'authorized by invoices only (genuine goods)',
      ['--answer', 'usesTheirIp=yes', '--answer', 'rights=authorized', '--detail', 'rightsBasis=invoices'],
      ['dispute_reply', 'store_sweep'],
    ],
    [
      'not sure',
      ['--answer', 'usesTheirIp=unsure', '--answer', 'rights=none'],
      ['legal_opinion', 'store_sweep'],
    ],
  ])('%s', async (_name, args, expected) => {
    const o = await json('--listing', '1005006123456789', '--answer', 'notice=platform_complaint', ...args);
    expect(routeIds(o)).toEqual(expected);
  });

  it('has the contract fields: facts, missing, routes with citations, deadlines, actions, drafts', async () => {
    const o = await json(
      '--message',
      'got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product',
      '--answer',
      'listingIsOurs=yes',
      '--answer',
      'rights=none',
      '--answer',
      'noticeDate=2026-11-27',
    );
    expect(o.facts).toEqual({
      platform: 'aliexpress',
      listingId: '1005006123456789',
      notice: 'platform_complaint',
      ipType: 'trademark',
      listingIsOurs: 'yes',
      usesTheirIp: 'yes',
      rights: 'none',
      noticeDate: '2026-11-27',
    });
    expect(o.missing).toEqual(['inventory']);
    const delist = o.routes.find((r: { id: string }) => r.id === 'delist_now');
    expect(typeof delist.reason).toBe('string');
    expect(delist.citations[0]).toMatchObject({ doc: 'guidance', section: '1.1' });
    expect(delist.citations[0].quote).toContain("someone else's trademarks");
    // Delisting is not appealed, so no counter-notice deadline is shown (it would invite a bad-faith appeal).
    expect(o.deadlines).toEqual([]);
    expect(o.actions[0].links[0].url).toMatch(/^https:\/\/csp\.aliexpress\.com\//);
    expect(o.actions[0].steps.join(' ')).toContain('1005006123456789');
    expect(o.drafts).toEqual([]);
  });

  it('drafts the dispute reply and the lawyer note with kind, subject and body', async () => {
    const d = await json(
      '--listing',
      'B0C1234567',
      '--answer',
      'listingIsOurs=no',
      '--answer',
      'notice=platform_complaint',
    );
    const ali = await json(
      '--listing',
      '1005006123456789',
      '--answer',
      'listingIsOurs=no',
      '--answer',
      'notice=platform_complaint',
      '--answer',
      'noticeDate=2026-11-27',
    );
    expect(ali.deadlines).toEqual([
      expect.objectContaining({
        label: expect.any(String),
        date: '2026-12-02',
        basis: expect.stringContaining('3 business days'),
      }),
    ]);
    expect(d.drafts).toEqual([
      expect.objectContaining({
        kind: 'dispute_reply',
        subject: expect.stringContaining('B0C1234567'),
        body: expect.any(String),
      }),
    ]);
    const l = await json(
      '--listing',
      'B0C1234567',
      '--answer',
      'notice=court_or_tro',
      '--answer',
      'noticeDate=2026-11-20',
    );
    expect(l.drafts.map((x: { kind: string }) => x.kind)).toEqual(['lawyer_escalation']);
    expect(l.deadlines.map((x: { date: string }) => x.date)).toEqual(['2026-12-04', '2026-12-11']);
  });

  it('lets answers override what the message said', async () => {
    const o = await json(
      '--message',
      'trademark complaint, their logo is on it',
      '--answer',
      'usesTheirIp=no',
    );
    expect(o.facts.usesTheirIp).toBe('no');
  });

  it('prints readable text without --json', async () => {
    const r = await triage('--listing', '1005006123456789', '--answer', 'notice=court_or_tro');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Escalate to a US lawyer now (urgent)');
    expect(r.stdout).toContain('(Guidance §1.3)');
  });
});

describe('ipcheck triage errors: one line, non-zero, saying what was expected', () => {
  it.each<[string[], RegExp]>([
    [
      ['--listing', 'hello'],
      /^ipcheck: --listing: That does not look like a listing reference \("hello"\)\. Send an AliExpress item link like https:\/\/www\.aliexpress\.com\/item\/1005006123456789\.html/,
    ],
    [['--listing', 'https://amzn.to/3xYz'], /short link/],
    [
      ['--answer', 'notice=email'],
      /^ipcheck: --answer notice=email: expected platform_complaint \| rights_holder_letter \| court_or_tro$/,
    ],
    [
      ['--answer', 'mood=angry'],
      /^ipcheck: --answer mood: unknown fact; expected one of platform, listingId/,
    ],
    [['--answer', 'noticeDate=2026-02-30'], /expected a real date as YYYY-MM-DD/],
    [
      ['--today', '2026-11-28', '--answer', 'noticeDate=2026-12-05'],
      /noticeDate=2026-12-05: is after today \(2026-11-28\)/,
    ],
    [['--answer', 'notice'], /expected key=value/],
    [['--answer', 'listingId=hello'], /expected an AliExpress item link/],
    [['--detail', 'stockUnits=lots'], /expected a whole number/],
    [['--frobnicate'], /Unknown option '--frobnicate'.*usage: ipcheck triage/],
  ])('%j', async (args, message) => {
    const r = await triage(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });
});
