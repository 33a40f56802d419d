import { describe, expect, it } from 'vitest';
import { splitAnswerDetails } from '../../../src/domain/conversation/answer-details.js';

// Details in an answer against the case's: fill gaps, grow lists, add statements; a differing value is asked.

describe('details said in an answer', () => {
  it('fill what the case does not know', () => {
    expect(splitAnswerDetails({ doeNumber: 5 }, { supplier: 'Yiwu Hongda Factory' })).toEqual({
      take: { supplier: 'Yiwu Hongda Factory' },
      conflicts: {},
    });
  });

  it('a different value for one the seller gave is asked about, not taken', () => {
    expect(splitAnswerDetails({ doeNumber: 57, caseNumber: '1:26-cv-04567' }, { doeNumber: 58 })).toEqual({
      take: {},
      conflicts: { doeNumber: 58 },
    });
  });

  it('a less certain part of a known value is dropped; a fuller one that contains it is taken', () => {
    expect(splitAnswerDetails({ plaintiff: 'Acme Brands, Inc.' }, { plaintiff: 'Acme' })).toEqual({
      take: {},
      conflicts: {},
    });
    expect(splitAnswerDetails({ plaintiff: 'Acme' }, { plaintiff: 'Acme Brands, Inc.' }).take).toEqual({
      plaintiff: 'Acme Brands, Inc.',
    });
  });

  it('lists grow, and statements are added to, never replaced', () => {
    const r = splitAnswerDetails(
      { sellerIds: ['A1B2C3D4E5F6G7'], toldPlaintiff: 'We replied to the law firm' },
      { sellerIds: ['A9Z8Y7X6W5V4U3'], toldPlaintiff: 'we paid them $500' },
    );
    expect(r.take).toEqual({
      sellerIds: ['A1B2C3D4E5F6G7', 'A9Z8Y7X6W5V4U3'],
      toldPlaintiff: 'We replied to the law firm / we paid them $500',
    });
    expect(r.conflicts).toEqual({});
  });

  it('frozen accounts: a new account is added with its amount; another amount for a known one is asked', () => {
    const known = { frozenAccounts: [{ account: 'AliExpress', amount: '$12,450' }] };
    expect(
      splitAnswerDetails(known, { frozenAccounts: [{ account: 'PayPal', amount: '$3,100' }] }).take
        .frozenAccounts,
    ).toEqual([
      { account: 'AliExpress', amount: '$12,450' },
      { account: 'PayPal', amount: '$3,100' },
    ]);
    const r = splitAnswerDetails(known, { frozenAccounts: [{ account: 'aliexpress', amount: '$2,450' }] });
    expect(r.take.frozenAccounts).toBeUndefined();
    expect(r.conflicts.frozenAccounts).toEqual([{ account: 'aliexpress', amount: '$2,450' }]);
  });

  it('what an authorization rests on waits with the authorization asked about', () => {
    expect(splitAnswerDetails({}, { rightsBasis: 'invoices' }, { rights: 'authorized' })).toEqual({
      take: {},
      conflicts: { rightsBasis: 'invoices' },
    });
  });

  it('the first notice pasted and the case listing’s marketplace stay', () => {
    expect(
      splitAnswerDetails(
        { noticeText: 'first', marketplace: 'amazon.com' },
        { noticeText: 'second', marketplace: 'amazon.co.uk' },
      ),
    ).toEqual({ take: {}, conflicts: {} });
  });
});

describe('lists said again', () => {
  it('seller ids, store links and numbers join the case’s, each once', () => {
    const r = splitAnswerDetails(
      { sellerIds: ['A1B2C3D4E5F6G7'], ipNumbers: ['US D912,345'] },
      { sellerIds: ['a1b2c3d4e5f6g7', 'A9Z8Y7X6W5V4U3'], ipNumbers: ['US Reg. No. 6,234,567'] },
    );
    expect(r.take).toEqual({
      sellerIds: ['A1B2C3D4E5F6G7', 'A9Z8Y7X6W5V4U3'],
      ipNumbers: ['US D912,345', 'US Reg. No. 6,234,567'],
    });
    expect(r.conflicts).toEqual({});
  });
});
