import { describe, expect, it } from 'vitest';
import { Details } from '../../../src/domain/model/facts.js';
import { complaintIdSpans, ipNumbers } from '../../../src/domain/reading/detail-numbers.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';

const TODAY = '2026-11-28';

describe('patent and registration numbers the seller typed or pasted, in one normal form', () => {
  // The office and the number as a lawyer cites them, without filler words or a US grant's kind code.
  it.each<[string, string[]]>([
    // US design patents
    ['they say we infringe D912,345', ['US D912,345']],
    ['design patent US D912,345 S, issued 2021', ['US D912,345']],
    ['U.S. Patent No. D912,345', ['US D912,345']],
    ['Google Patents link says USD912345S', ['US D912,345']],
    ['the design patent is USD912345', ['US D912,345']],
    ['new design patent D1,012,345', ['US D1,012,345']],
    ['Patent number: US D912,345 S', ['US D912,345']],
    // US utility patents and publications
    ['Patent asserted: US 11,234,567 B2', ['US 11,234,567']],
    ['utility patent US11234567B2', ['US 11,234,567']],
    ['U.S. Pat. No. 10,123,456', ['US 10,123,456']],
    ['infringes claim 1 of U.S. Patent No. 11,456,789.', ['US 11,456,789']],
    ['U. S. Patent Number 11234567', ['US 11,234,567']],
    ['published as US 2023/0123456 A1', ['US 2023/0123456 A1']],
    ['published as US20230123456A1', ['US 2023/0123456 A1']],
    // no office named: none is added (Japan numbers its patents and marks alike)
    ['Patent No. 10,123,456 covers the hinge', ['Patent No. 10,123,456']],
    ['Japanese Patent No. 6,123,456', ['Patent No. 6,123,456']],
    // trademarks
    ['Reg. No. 6,123,456', ['Reg. No. 6,123,456']],
    ['owner of U.S. Trademark Reg. No. 6,234,567 for the mark', ['US Reg. No. 6,234,567']],
    ['U.S. Registration No. 6123456 for the word mark', ['US Reg. No. 6,123,456']],
    ['USPTO Reg. No. 6,234,567', ['US Reg. No. 6,234,567']],
    ['Registration Number: 6,123,456', ['Reg. No. 6,123,456']],
    ['Trademark asserted: 6123456', ['Reg. No. 6,123,456']],
    ['EUTM 018123456', ['EUTM 018123456']],
    ['EUTM No. 018123456 (word)', ['EUTM 018123456']],
    ['EU Trade Mark No. 018123456', ['EUTM 018123456']],
    ['商标注册号：12345678', ['Reg. No. 12345678']],
    // Chinese patents, EU designs
    ['专利号：ZL 2021 3 0123456.7', ['ZL 2021 3 0123456.7']],
    ['外观专利ZL202130123456.7', ['ZL 2021 3 0123456.7']],
    ['專利號 202130123456.7', ['ZL 2021 3 0123456.7']],
    ['授权公告号 CN 306123456 S', ['CN 306123456 S']],
    ['RCD 008123456-0001', ['RCD 008123456-0001']],
    ['Registered Community Design No. 008123456-0001', ['RCD 008123456-0001']],
  ])('%s', (text, numbers) => {
    expect(ipNumbers(text)).toEqual(numbers);
  });

  it('several numbers are kept in the order written, each once', () => {
    expect(
      ipNumbers(
        'They assert US D912,345 S and Reg. No. 6,123,456. The design patent D912,345 is the main one.',
      ),
    ).toEqual(['US D912,345', 'Reg. No. 6,123,456']);
    expect(ipNumbers('US11234567B2 (US 11,234,567 B2)')).toEqual(['US 11,234,567']);
    expect(ipNumbers('Reg. No. 6,123,456 (商标注册号：6123456)')).toEqual(['Reg. No. 6,123,456']);
    expect(ipNumbers('ZL 2021 3 0123456.7，专利号：202130123456.7')).toEqual(['ZL 2021 3 0123456.7']);
  });

  it.each([
    'call me at +1 (312) 555-0100 or 312-555-0100',
    'order 112-1234567-1234567 shipped',
    'ASIN B0D1234567 and B0C1234567',
    'item https://www.aliexpress.com/item/1005006123456789.html',
    'eBay listing 123456789012',
    'Case No. 1:25-cv-01234',
    'Complaint ID: 1234567890',
    'we paid USD912345 for stock',
    'Company Reg. No. 1234567',
    'the product is D12 size, model D123456',
    '营业执照注册号 91440300123456789',
    'a patent for 10 years',
  ])('not a patent or registration number: %s', (text) => {
    expect(ipNumbers(text)).toEqual([]);
  });

  it('reach the details, within the schema', () => {
    const d = extractFacts(
      'Amazon removed B0C1234567 for design patent infringement, Patent asserted: US D912,345 S, Complaint ID: 1234567890',
      TODAY,
    ).details;
    expect(d.ipNumbers).toEqual(['US D912,345']);
    expect(d.complaintId).toBe('1234567890');
    expect(Details.safeParse(d).success).toBe(true);
  });

  it('a long text stays linear', () => {
    const t0 = performance.now();
    ipNumbers(`US ${'1,'.repeat(20_000)} ZL ${'2'.repeat(20_000)} D${'9'.repeat(20_000)} patent`);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('complaint ids in every platform’s format', () => {
  it.each<[string, string]>([
    ['Complaint ID: 1234567890', '1234567890'],
    ['Reference ID: 8012345678', '8012345678'],
    ['Amazon case ID 12345678901', '12345678901'],
    ['eBay VeRO Case ID: 5-123456789012', '5-123456789012'],
    ['Case Number: TM-20261120-0042 (Temu IP complaint)', 'TM-20261120-0042'],
    ['Temu complaint no. TPC2026112800123', 'TPC2026112800123'],
    ['AliExpress IPP complaint number is 2611280012', '2611280012'],
    ['IPR complaint #IPR-88123', 'IPR-88123'],
    ['Complaint Id - 44556677', '44556677'],
    ['Violation ID: AHV-1234567', 'AHV-1234567'],
    ['投诉编号：20261120001', '20261120001'],
    ['投訴單號：TM2026112001', 'TM2026112001'],
    ['工单号是 WO20261128', 'WO20261128'],
  ])('%s', (text, id) => {
    expect(complaintIdSpans(text)[0]?.id).toBe(id);
    expect(extractFacts(text, TODAY).details.complaintId).toBe(id);
  });

  it.each([
    'Case No. 1:25-cv-01234',
    'Case No. 2026-L-001234 in Cook County',
    'a complaint no. from the brand',
    'the complaint number was not given',
    'report number unknown',
  ])('not a complaint id: %s', (text) => {
    expect(complaintIdSpans(text)).toEqual([]);
  });

  it('the first id is the complaint id', () => {
    expect(
      extractFacts('Complaint ID: 1111111111. An earlier one, Complaint ID: 2222222222', TODAY).details
        .complaintId,
    ).toBe('1111111111');
  });
});
