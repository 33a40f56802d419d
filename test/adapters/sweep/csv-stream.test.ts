import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../../src/adapters/sweep/columns.js';
import { type CsvProblem, CsvReader, MAX_RECORD_CHARS } from '../../../src/adapters/sweep/csv-stream.js';

function parse(chunks: string[]): {
  records: [number, string[]][];
  problems: CsvProblem[];
  delimiter?: string;
} {
  const records: [number, string[]][] = [];
  const problems: CsvProblem[] = [];
  const r = new CsvReader(
    (f, row) => records.push([row, f]),
    (p) => problems.push(p),
  );
  for (const c of chunks) r.push(c);
  r.end();
  return { records, problems, delimiter: r.delimiter };
}

/** Every way of cutting text into chunks gives the same records. */
function splits(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const c of at) {
    out.push(text.slice(prev, c));
    prev = c;
  }
  out.push(text.slice(prev));
  return out;
}

describe('CSV reader', () => {
  it('reads quotes, escaped quotes, embedded line breaks and CRLF', () => {
    const text = 'id,title\r\n1,"Nike ""Air"", red"\r\n2,"two\nlines"\r\n3,plain\r\n';
    expect(parse([text]).records).toEqual([
      [1, ['id', 'title']],
      [2, ['1', 'Nike "Air", red']],
      [3, ['2', 'two\nlines']],
      [4, ['3', 'plain']],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = 'id;title;desc\r"1";"a;b";"x\r\ny"\n2;"""q""";\r3;z;"last"';
    const whole = parse([text]);
    expect(whole.delimiter).toBe(';');
    expect(whole.records).toHaveLength(4);
    fc.assert(
      fc.property(fc.array(fc.nat(200), { maxLength: 8 }), (cuts) => {
        expect(parse(splits(text, cuts)).records).toEqual(whole.records);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back any records written by the RFC 4180 rules, however the text is cut', () => {
    const field = fc
      .array(fc.constantFrom('a', 'é', '耐', ',', ';', '"', '\n', '\r\n', ' ', 'x'), { maxLength: 6 })
      .map((p) => p.join(''));
    const records = fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 });
    const cell = (v: string) => (/[",;\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);
    fc.assert(
      fc.property(records, fc.array(fc.nat(300), { maxLength: 6 }), fc.boolean(), (rows, cuts, crlf) => {
        const text = [['id', 'title', 'desc'], ...rows]
          .map((r) => r.map(cell).join(','))
          .join(crlf ? '\r\n' : '\n');
        const got = parse(splits(text, cuts));
        expect(got.problems).toEqual([]);
        expect(got.records.map((r) => r[1])).toEqual([['id', 'title', 'desc'], ...rows]);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [',', 'id,title\n1,a\n'],
    [';', 'id;title\n1;a\n'],
    ['\t', 'id\ttitle\n1\ta\n'],
    [';', '"a,b";title;x\n'],
  ])('detects the delimiter %j from the header line', (delim, text) => {
    expect(parse([text]).delimiter).toBe(delim);
  });

  it('keeps a trailing empty field and skips blank lines', () => {
    expect(parse(['id,title\n\n1,\n']).records).toEqual([
      [1, ['id', 'title']],
      [3, ['1', '']],
    ]);
    expect(parse(['a,b,']).records).toEqual([[1, ['a', 'b', '']]]);
  });

  it('reports an unclosed quote at the end with its row', () => {
    const { records, problems } = parse(['id,title\n1,ok\n2,"never closed\n3,x\n']);
    expect(records.map((r) => r[0])).toEqual([1, 2]);
    expect(problems).toEqual([{ row: 3, reason: expect.stringContaining('never closed') }]);
  });

  it('reports a stray quote but keeps the text', () => {
    const { records, problems } = parse(['id,title\n1,"Nike" shoes\n2,ab"c\n']);
    expect(records[1]?.[1]).toEqual(['1', 'Nike shoes']);
    expect(records[2]?.[1]).toEqual(['2', 'ab"c']);
    expect(problems.map((p) => p.row)).toEqual([2, 3]);
  });

  it('skips a runaway record and carries on after the next line break', () => {
    const long = 'x'.repeat(70_000);
    const chunks = ['id,title\n1,"', long, long, '\n2,ok\n'];
    const { records, problems } = parse(chunks);
    expect(problems[0]?.reason).toContain(MAX_RECORD_CHARS.toLocaleString('en-US'));
    expect(records.at(-1)?.[1]).toEqual(['2', 'ok']);
  });
});

describe('column detection', () => {
  it.each([
    [['Product ID', 'Title', 'Description', 'Brand'], { id: 0, title: 1, description: 2, brand: 3 }],
    [['sku', 'ASIN', 'item_name', 'bullet_points'], { id: 1, title: 2, description: 3 }],
    [['商品ID', '标题', '商品描述', '品牌'], { id: 0, title: 1, description: 2, brand: 3 }],
    [['产品名称', '商品编号'], { id: 1, title: 0 }],
    [['Ｐｒｏｄｕｃｔ ＩＤ', 'Subject'], { id: 0, title: 1 }],
    [['price', 'stock'], {}],
  ])('%j', (header, expected) => {
    expect(detectColumns(header)).toEqual(expected);
  });
});
