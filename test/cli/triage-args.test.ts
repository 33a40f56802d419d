import { describe, expect, it } from 'vitest';
import { parseTriageArgs, UsageError } from '../../src/cli/triage-args.js';

const TODAY = '2026-11-28';

describe('triage arguments: the new details', () => {
  it('--message fills every detail its words give', () => {
    const r = parseTriageArgs(
      [
        '--message',
        'TRO issued Nov 20 on 1005006123456789 and 1005006123456790; Plaintiff: Acme Corp; GBC; demands $15,000; we deleted the listing',
      ],
      TODAY,
    );
    expect(r.facts).toMatchObject({ listingId: '1005006123456789', notice: 'court_or_tro' });
    expect(r.details).toMatchObject({
      otherListings: [{ platform: 'aliexpress', listingId: '1005006123456790' }],
      troDate: '2026-11-20',
      plaintiff: 'Acme Corp',
      lawFirm: 'Greer, Burns & Crain',
      demandAmount: '$15,000',
      deleted: ['listing'],
      delisted: true,
    });
  });

  it('--detail takes each new key in its own form', () => {
    const r = parseTriageArgs(
      [
        '--detail',
        'otherListings=1005006123456790, B0C1234567',
        '--detail',
        'troDate=2026-11-20',
        '--detail',
        'responseDue=2026-12-10',
        '--detail',
        'deleted=listing,records',
        '--detail',
        'rightsBasis=invoices',
        '--detail',
        'plaintiff=Acme Corp',
      ],
      TODAY,
    );
    expect(r.details).toEqual({
      otherListings: [
        { platform: 'aliexpress', listingId: '1005006123456790' },
        { platform: 'amazon', listingId: 'B0C1234567' },
      ],
      troDate: '2026-11-20',
      responseDue: '2026-12-10',
      deleted: ['listing', 'records'],
      rightsBasis: 'invoices',
      plaintiff: 'Acme Corp',
    });
  });

  it.each([
    ['otherListings=hello', /--detail otherListings=hello: expected listing references/],
    ['troDate=Nov 20', /--detail troDate=Nov 20: expected a real date as YYYY-MM-DD/],
    ['responseDue=2026-02-30', /expected a real date/],
    ['deleted=stock', /--detail deleted=stock: expected listing and\/or records/],
    ['rightsBasis=trust', /--detail rightsBasis=trust: expected letter \| invoices/],
    [`plaintiff=${'x'.repeat(301)}`, /--detail plaintiff: too long \(at most 300 characters\)/],
  ])('a bad --detail %s is a one-line usage error', (arg, message) => {
    expect(() => parseTriageArgs(['--detail', arg], TODAY)).toThrow(UsageError);
    expect(() => parseTriageArgs(['--detail', arg], TODAY)).toThrow(message);
  });
});
