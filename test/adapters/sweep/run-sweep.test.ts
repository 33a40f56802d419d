import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SweepInputError } from '../../../src/adapters/sweep/decode.js';
import { loadMarks } from '../../../src/adapters/sweep/load-watchlist.js';
import {
  findingAction,
  findingsCsv,
  renderSweepText,
  summarizeSweep,
} from '../../../src/adapters/sweep/report.js';
import { runSweep, type SweepOptions } from '../../../src/adapters/sweep/run-sweep.js';
import { encodeGbk } from '../../helpers/gbk.js';
import { tempDir } from '../../helpers/temp-dir.js';

const { marks } = await loadMarks();

/** Bytes in chunks of `size`, like a file or download stream delivers them. */
async function* chunked(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const sweep = (bytes: Uint8Array, o: Partial<SweepOptions> = {}, size?: number) =>
  runSweep(chunked(bytes, size), { marks, ...o });

describe('runSweep', () => {
  it('finds listings at risk by mark and risk, with where and what was found', async () => {
    const r = await sweep(
      utf8(
        'Product ID,Title,Description,Brand\n' +
          '1005006123456789,N.I.K.E running shoes,,\n' +
          '1005006123456790,Phone case for iPhone 15,,\n' +
          '1005006123456791,Plain mug,Mickey Mouse print,\n' +
          '1005006123456792,Tote bag,,Gucci\n' +
          '1005006123456793,Pineapple slicer,,\n',
      ),
    );
    expect(r.rows).toBe(5);
    expect(r.checked).toBe(5);
    expect(r.findings.map((f) => [f.row, f.mark, f.risk, f.where, f.found])).toEqual([
      [2, 'Nike', 'high', 'title', 'N.I.K.E'],
      [3, 'Apple', 'low', 'title', 'iPhone'],
      [4, 'Disney', 'medium', 'description', 'Mickey Mouse'],
      [5, 'Gucci', 'high', 'brand', 'Gucci'],
    ]);
    expect(r.missingColumns).toEqual([]);
    expect(r.encoding).toBe('utf-8');
  });

  it('checks the complaint’s brand and lists it first', async () => {
    const r = await sweep(utf8('id,title\nB0C1234567,Acmeco garden hose\nB0C1234568,Nike cap\n'), {
      brand: 'Acmeco',
    });
    const s = summarizeSweep(r);
    expect(s.groups.map((g) => g.mark)).toEqual(['Acmeco', 'Nike']);
    expect(s.groups[0]?.fromComplaint).toBe(true);
    expect(r.findings[0]?.platform).toBe('amazon');
  });

  it('reads a GBK export with Chinese headers', async () => {
    const text =
      '商品ID,标题,品牌\r\n1005006123456789,耐克运动鞋 男款,\r\n1005006123456790,适用于戴森吸尘器滤网,\r\n1005006123456791,普通水杯,\r\n';
    const r = await sweep(encodeGbk(text), {}, 5);
    expect(r.encoding).toBe('gbk');
    expect(r.columns).toEqual({ id: '商品ID', title: '标题', brand: '品牌' });
    expect(r.missingColumns).toEqual([expect.stringMatching(/^description/)]);
    expect(r.findings.map((f) => [f.listingId, f.mark, f.risk, f.found])).toEqual([
      ['1005006123456789', 'Nike', 'high', '耐克'],
      ['1005006123456790', 'Dyson', 'low', '戴森'],
    ]);
    expect(r.skippedCount).toBe(0);
  });

  it('decides between UTF-8 and GBK at the first non-ASCII byte, however far into the file', async () => {
    const ascii = Array.from({ length: 2000 }, (_, i) => `${1005006000000000 + i},plain cup ${i}`).join(
      '\r\n',
    );
    const text = `Product ID,Title\r\n${ascii}\r\n1005006000009999,耐克运动鞋\r\n`;
    expect(ascii.length).toBeGreaterThan(40_000);
    const gbk = await sweep(encodeGbk(text), {}, 4096);
    expect(gbk.encoding).toBe('gbk');
    expect(gbk.findings.map((f) => [f.row, f.mark])).toEqual([[2002, 'Nike']]);
    expect(gbk.skippedCount).toBe(0);
    const utf = await sweep(utf8(text), {}, 4096);
    expect(utf.encoding).toBe('utf-8');
    expect(utf.findings.map((f) => [f.row, f.mark])).toEqual([[2002, 'Nike']]);
  });

  it('reads UTF-8 with a BOM, semicolons and a multi-byte character cut between chunks', async () => {
    const r = await sweep(utf8('\uFEFF商品ID;标题\n1;耐克鞋\n2;新款苹果手机壳\n'), {}, 1);
    expect(r.encoding).toBe('utf-8');
    expect(r.delimiter).toBe(';');
    expect(r.findings.map((f) => f.mark)).toEqual(['Nike', 'Apple']);
  });

  it('reads UTF-16 from Excel’s "Unicode text"', async () => {
    const s = 'id\ttitle\n1\tNike socks\n';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) bytes[2 + i * 2] = s.charCodeAt(i);
    const r = await sweep(bytes);
    expect(r.encoding).toBe('utf-16le');
    expect(r.findings.map((f) => f.mark)).toEqual(['Nike']);
  });

  it('names the columns it could not find, and sweeps without them', async () => {
    const r = await sweep(utf8('Name\nNike socks\n'));
    expect(r.missingColumns.map((m) => m.split(' ')[0])).toEqual(['id', 'description', 'brand']);
    expect(r.findings[0]?.listingId).toBe('row 2');
    const text = renderSweepText(summarizeSweep(r));
    expect(text).toContain('Not found: id (looked for: Product ID');
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'the file is empty'],
    ['blank lines only', utf8('\n\n'), 'no header row'],
    ['a header only', utf8('id,title\n'), 'header row but no listings'],
    [
      'no title column',
      utf8('sku,price\nA1,3.5\n'),
      'no title column found. The first row has: "sku", "price"',
    ],
    ['an xlsx workbook', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3), 'Excel .xlsx'],
    ['binary data', Uint8Array.of(1, 0, 2, 0, 3), 'binary file'],
  ])('refuses %s with a clear message', async (_what, bytes, message) => {
    const err = await sweep(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SweepInputError);
    expect((err as Error).message).toContain(message);
  });

  it('refuses text that is neither UTF-8 nor GBK', async () => {
    // Lead bytes followed by spaces: invalid as UTF-8, and as GBK each pair is an undecodable sequence.
    const bytes = Uint8Array.from({ length: 4000 }, (_, i) => (i % 2 === 0 ? 0x81 : 0x20));
    const err = await sweep(bytes).catch((e: unknown) => e);
    expect((err as Error).message).toContain('neither UTF-8 nor GBK');
  });

  it('skips malformed rows, says which and why, and checks the rest', async () => {
    const r = await sweep(
      utf8('id,title,brand\n1,Nike cap,\n2,only two\n3,,\n,Adidas shoe,\n4,"Gucci ""bag"" \n'),
    );
    expect(r.skipped).toEqual([
      { row: 3, reason: expect.stringContaining('2 fields where the header has 3') },
      { row: 4, reason: 'no title, brand or description; skipped' },
      { row: 5, reason: 'no listing id; checked, and shown by its row number' },
      { row: 6, reason: expect.stringContaining('never closed') },
    ]);
    expect(r.findings.map((f) => [f.listingId, f.mark])).toEqual([
      ['1', 'Nike'],
      ['row 5', 'Adidas'],
    ]);
    expect(renderSweepText(summarizeSweep(r))).toContain('row 3: 2 fields');
  });

  it('stops at the row limit and says what was not read', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i},Nike ${i}`).join('\n');
    const r = await sweep(utf8(`id,title\n${rows}\n`), { limits: { maxRows: 10 } });
    expect(r.rows).toBe(10);
    expect(r.stoppedEarly).toBe('stopped after 10 listings (the limit); rows from 12 on were not checked');
    expect(summarizeSweep(r).warnings[0]).toContain('Partial result');
  });

  it('stops at the byte limit of an upload', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},Nike ${i}`).join('\n');
    const r = await sweep(utf8(`id,title\n${rows}\n`), { limits: { maxBytes: 20_000 } }, 4096);
    expect(r.stoppedEarly).toContain('larger than 20 KB');
    expect(r.rows).toBeGreaterThan(1000);
    expect(r.rows).toBeLessThan(5000);
  });

  it('streams a file from disk and writes a findings CSV with delist actions', async () => {
    const dir = await tempDir('sweep');
    const file = join(dir, 'listings.csv');
    await writeFile(file, 'id,title\n1005006123456789,"=HYPERLINK(""x"") Nike, red"\n');
    const r = await runSweep(createReadStream(file, { highWaterMark: 16 }), { marks });
    const csv = findingsCsv(r);
    expect(csv.startsWith('\uFEFFrisk,mark,listing_id')).toBe(true);
    // A title that starts like a formula is written as text.
    expect(csv).toContain(`"'=HYPERLINK(""x"") Nike, red"`);
    expect(csv).toContain('Delete AliExpress listing 1005006123456789');
  });

  it('in a court case or after a letter, the action takes listings offline and deletes nothing', async () => {
    const r = await sweep(utf8('id,title\n1005006123456789,Nike cap\n'), { preserve: true });
    const f = r.findings[0];
    if (!f) throw new Error('no finding');
    const action = findingAction(f, r.preserve);
    expect(action.kind).toBe('take_offline');
    expect(action.title).toContain('do not delete');
    expect(action.warning).toContain('Delete nothing');
    expect(summarizeSweep(r).advice[0]).toContain('delete nothing');
    expect(findingAction(f, false).kind).toBe('delete_listing');
  });
});
