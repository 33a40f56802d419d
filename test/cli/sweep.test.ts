import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/boot/load-context.js';
import { encodeGbk } from '../helpers/gbk.js';
import { runNode } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const sweep = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runNode('dist/cli/ipcheck.js', ['sweep', ...args], undefined, env);

const LISTINGS =
  'Product ID,Title,Description,Brand\n' +
  '1005006123456789,N.I.K.E running shoes,,\n' +
  '1005006123456790,Phone case for iPhone 15,,\n' +
  '1005006123456791,Plain mug,Mickey Mouse print,\n' +
  '1005006123456792,Acmeco hose,,\n' +
  'broken row\n';

async function listingsFile(content: string | Uint8Array = LISTINGS, name = 'listings.csv'): Promise<string> {
  const dir = await tempDir('sweep-cli');
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('ipcheck sweep', () => {
  it('prints the findings by mark and risk, with delist actions and skipped rows', async () => {
    const file = await listingsFile();
    const r = await sweep([file, '--brand', 'Acmeco']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'Store sweep: 4 of 4 listings carry a watched mark (2 high-risk findings, 4 marks; 280 marks checked).',
    );
    // The complaint's brand comes first.
    expect(r.stdout.indexOf('Acmeco (the complaint’s brand): 1 high')).toBeLessThan(
      r.stdout.indexOf('Nike: 1 high'),
    );
    expect(r.stdout).toContain(
      'row 2 · 1005006123456789 · "N.I.K.E running shoes" (title: "N.I.K.E") → Delete AliExpress listing 1005006123456789',
    );
    expect(r.stdout).toContain('Disney: 1 medium');
    expect(r.stdout).toContain('Apple: 1 low');
    expect(r.stdout).toContain('row 6: 1 field where the header has 4');
    expect(r.stdout).toContain('Add --out findings.csv');
  });

  it('writes the findings CSV with --out, and JSON with --json', async () => {
    const file = await listingsFile();
    const out = join(file, '..', 'findings.csv');
    const r = await sweep([file, '--out', out, '--json', '--preserve']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.rows).toBe(5);
    expect(json.checked).toBe(4);
    expect(json.skipped).toEqual([{ row: 6, reason: expect.stringContaining('1 field') }]);
    expect(json.findings[0].action.kind).toBe('take_offline');
    expect(json.summary.headline).toMatch(/^Store sweep: 3 of 4 listings/);
    const bytes = await readFile(out);
    // A UTF-8 BOM first, so Excel shows Chinese titles.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(rows[0]).toBe('risk,mark,listing_id,platform,row,where,found,title,action,link');
    expect(rows[1]).toMatch(/^high,Nike,1005006123456789,aliexpress,2,title,N\.I\.K\.E,/);
    expect(rows[1]).toContain('now, and keep it as evidence (do not delete)');
    expect(rows).toHaveLength(4);
  });

  it('reads a GBK export', async () => {
    const file = await listingsFile(encodeGbk('商品ID,标题\r\n1005006123456789,耐克运动鞋\r\n'));
    const r = await sweep([file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Read as GBK');
    expect(r.stdout).toContain('Nike: 1 high');
  });

  it('adds the team’s own marks from IPCHECK_WATCHLIST and reports its bad lines', async () => {
    const file = await listingsFile('id,title\n1,Zorblax widget\n');
    const team = join(file, '..', 'team.txt');
    await writeFile(team, '# ours\nZorblax | ZBX\nQ\n');
    const r = await sweep([file], { IPCHECK_WATCHLIST: team });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Zorblax: 1 high');
    expect(r.stderr).toContain(`ipcheck: watchlist: ${team} line 3: "Q" ignored`);
  });

  it.each([
    [['missing.csv'], 'missing.csv cannot be read: ENOENT'],
    [[], 'sweep needs one listing export file'],
    [['a.csv', '--platform', 'ebay'], '--platform ebay: expected aliexpress | amazon | other'],
    [['a.csv', '--frobnicate'], "Unknown option '--frobnicate'"],
  ])('exits 2 on bad arguments %j', async (args, message) => {
    const r = await sweep(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it.each([
    ['an empty file', '', 'ipcheck: the file is empty'],
    ['no title column', 'sku,price\n1,2\n', 'ipcheck: no title column found'],
    ['an Excel workbook', Buffer.from('PK\u0003\u0004rest'), 'Excel .xlsx workbook'],
  ])('exits 2 on %s with one clear line', async (_what, content, message) => {
    const r = await sweep([await listingsFile(content)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });

  it('an output file that cannot be written fails before the sweep; a failed sweep leaves no findings file', async () => {
    const file = await listingsFile();
    const bad = await sweep([file, '--out', '/nonexistent/dir/findings.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('ipcheck: cannot write /nonexistent/dir/findings.csv: ENOENT\n');
    const empty = await listingsFile('');
    const out = join(empty, '..', 'findings.csv');
    const r = await sweep([empty, '--out', out]);
    expect(r.code).toBe(2);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('an unknown team watchlist file is a clear error', async () => {
    const r = await sweep([await listingsFile()], { IPCHECK_WATCHLIST: '/nonexistent/marks.txt' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'the team watchlist /nonexistent/marks.txt (IPCHECK_WATCHLIST) cannot be read: ENOENT',
    );
  });

  it('draws a progress bar on a terminal, and clears it', async () => {
    const file = await listingsFile();
    const cmd = `exec '${process.execPath}' '${join(PROJECT_ROOT, 'dist/cli/ipcheck.js')}' sweep '${file}'`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, TERM: 'xterm-256color', IPCHECK_STORE_URL: 'memory://' },
    });
    let raw = '';
    child.stdout.on('data', (d: Buffer) => {
      raw += d.toString();
    });
    child.stdin.end();
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(0);
    expect(raw).toMatch(/\r\[#{30}\] 100% \d+ listings/);
    expect(raw).toContain('\r\x1b[K');
    expect(raw).toContain('Store sweep: 3 of 4 listings');
  });
});

describe('ipcheck sweep --save-catalog', () => {
  it('keeps the listings for the terminal chat, which then says a reported listing is not in it', async () => {
    const file = await listingsFile();
    const env = { IPCHECK_STORE_URL: `sqlite://${join(file, '..', 'store.sqlite')}` };
    const r = await sweep([file, '--save-catalog'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("ipcheck: Saved as your team's catalog (4 listings)");
    const chat = await runNode(
      'dist/cli/ipcheck.js',
      [],
      'got a trademark complaint on https://www.aliexpress.com/item/1005006000000099.html\n',
      env,
    );
    expect(chat.stdout).toContain('1005006000000099 is not among the 4 listings of your catalog');
  });
});
