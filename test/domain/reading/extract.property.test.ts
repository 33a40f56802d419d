import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Details, FACT_KEYS, Facts } from '../../../src/domain/model/facts.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';

// Whatever a seller writes, reading it never throws and yields only the contract's fact keys and values
// (product.md) and details the drafts accept: anything else would be refused when the case is saved.

// Words the extractors look for, so random text actually reaches their branches.
const WORDS = [
  'trademark',
  'design patent',
  'utility patent',
  'copyright',
  'TRO',
  'court',
  'lawsuit',
  'frozen',
  'Schedule A',
  'complaint',
  'letter',
  'law firm',
  'we own',
  'authorization letter',
  'invoices',
  'genuine',
  'not ours',
  'never listed',
  'deleted',
  'delisted',
  'units',
  '5,000',
  'no reply',
  'yesterday',
  'today',
  '3 days ago',
  'Nov 20',
  '2026-11-20',
  '3/11',
  'respond by December 3',
  'within 10 days',
  'Complaint ID: 8812345678901234',
  'case no. 1:26-cv-01234',
  'Amazon',
  'AliExpress',
  'B0C1234567',
  '1005006123456789',
  'https://www.aliexpress.com/item/1005006123456789.html',
  'https://www.amazon.com/dp/B0C1234567',
  '商标',
  '外观专利',
  '律师函',
  '冻结',
  '临时禁令',
  '不是我们的',
  '库存500件',
  '2026年11月20日',
  '昨天',
  '已删除',
  '\u0000',
  '\uD800',
  '\u202E',
  '\u200B',
  '',
];
const text = fc.oneof(
  fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 20 })), { maxLength: 30 })
    .map((w) => w.join(' ')),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.string({ unit: 'grapheme', maxLength: 500 }),
);
const today = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('fact extraction: any text', () => {
  it('never throws and returns only contract facts and valid details', () => {
    fc.assert(
      fc.property(text, today, fc.option(today, { nil: undefined }), (t, day, noticeDate) => {
        const r = extractFacts(t, day, noticeDate ? { noticeDate } : {});
        expect(Facts.safeParse(r.facts).error).toBeUndefined();
        expect(Details.safeParse(r.details).error).toBeUndefined();
        for (const k of Object.keys(r.facts)) expect(FACT_KEYS).toContain(k);
      }),
      { numRuns: 600 },
    );
  });

  it('reads a 40 KB paste (the notice limit is 20,000 characters) without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { minLength: 4000, maxLength: 5000 }),
        today,
        (w, day) => {
          const r = extractFacts(w.join(' ').slice(0, 40_000), day);
          expect(Facts.safeParse(r.facts).error).toBeUndefined();
          expect(Details.safeParse(r.details).error).toBeUndefined();
        },
      ),
      { numRuns: 5 },
    );
  });
});
