import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/boot/load-context.js';
import { runNode } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Starts the bot, types lines one by one (each after the previous answer), then kills it hard. */
async function runThenKill(env: NodeJS.ProcessEnv, lines: string[], waitFor: string): Promise<string> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const seen = (s: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never saw "${s}" in:\n${out}`)), 15_000);
      const check = () => {
        if (out.includes(s)) {
          clearTimeout(timer);
          child.stdout.off('data', check);
          resolve();
        }
      };
      child.stdout.on('data', check);
      check();
    });
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  await seen('Say "help" for commands');
  for (const l of lines) child.stdin.write(`${l}\n`);
  await seen(waitFor);
  const gone = new Promise((r) => child.once('close', r));
  child.kill('SIGKILL');
  await gone;
  return out;
}

describe('restart mid-conversation (SQLite store)', () => {
  it('continues the same case after the bot is killed and started again', async () => {
    const dir = await tempDir('resume');
    const env = {
      IPCHECK_STORE_URL: `sqlite://${join(dir, 'cases.sqlite')}`,
      IPCHECK_EXPORT_DIR: join(dir, 'exports'),
    };
    const first = await runThenKill(
      env,
      [
        'got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product',
        '1',
      ],
      'Do you hold rights to it?',
    );
    expect(first).toContain('Is the reported listing really yours?');

    const second = await runNode('dist/main.js', [], 'none\n2\nyesterday\nstatus\nexport\n', env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Welcome back: continuing case IPC-0001 where you stopped.');
    expect(second.stdout).toContain('Do you hold rights to it?');
    expect(second.stdout).toContain('(delist_now)');
    expect(second.stdout).toContain('Case IPC-0001: open, decided');
    expect(second.stdout).toMatch(/answer: listingIsOurs=yes/);
    const md = await readFile(join(dir, 'exports', 'IPC-0001.md'), 'utf8');
    expect(md).toContain('# Case IPC-0001');
    expect(md).toContain('## Audit trail');
    expect(md).toContain('> If you find that your products have someone else');
    const json = JSON.parse(await readFile(join(dir, 'exports', 'IPC-0001.json'), 'utf8'));
    expect(json.case.id).toBe('IPC-0001');
    expect(json.outcome.routes.map((r: { id: string }) => r.id)).toEqual(['delist_now', 'store_sweep']);

    // A third session after the decision starts a new case on the next complaint.
    const third = await runNode('dist/main.js', [], 'complaint on B0C1234567\n', env);
    expect(third.stdout).toContain('Your last case was IPC-0001');
    expect(third.stdout).toContain('Amazon listing B0C1234567');
    const cli = await runNode('dist/cli/ipcheck.js', ['cases'], '', env);
    expect(cli.stdout).toContain('IPC-0002  amazon B0C1234567');
  });

  it('says clearly when the store cannot be reached, within seconds', async () => {
    const started = Date.now();
    const r = await runNode('dist/main.js', [], 'hello\n', { IPCHECK_STORE_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ipcheck: cannot connect to the case store \(redis:\/\/127\.0\.0\.1:1\)/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('rejects a malformed store URL at startup, naming the variable and the accepted forms', async () => {
    const r = await runNode('dist/main.js', [], '', { IPCHECK_STORE_URL: 'postgres://db/ipcheck' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ipcheck: IPCHECK_STORE_URL is not valid: expected sqlite:\/\/<path>/);
  });
});
