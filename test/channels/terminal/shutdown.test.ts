import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStores } from '../../../src/adapters/storage/open-store.js';
import { fixedClock } from '../../../src/boot/clock.js';
import { PROJECT_ROOT } from '../../../src/boot/load-context.js';
import { CaseRecord } from '../../../src/domain/model/case-record.js';
import { tempDir } from '../../helpers/temp-dir.js';

// The terminal chat stopped by SIGTERM (a supervisor, `kill`, a container stop) while it is working: it
// finishes the turn, says where the case is saved, closes the store and exits 0; the case in the file is
// whole, and the next start continues it. (kill -9 and resume: resume.test.ts.)

describe('terminal chat: SIGTERM during a conversation', () => {
  it('finishes the running turn, closes the store, exits 0, and the case continues on the next start', async () => {
    const file = join(await tempDir('term-sigterm'), 'cases.sqlite');
    const env = { PATH: process.env.PATH, IPCHECK_STORE_URL: `sqlite://${file}` };
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exit = new Promise<{ code: number | null; signal: string | null }>((r) =>
      child.once('close', (code, signal) => r({ code, signal })),
    );
    const seen = (s: string) =>
      new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`never saw "${s}" in:\n${out}`)), 20_000);
        const check = () => {
          if (out.includes(s)) {
            clearTimeout(t);
            resolve();
          }
        };
        child.stdout.on('data', check);
        check();
      });
    await seen('Say "help" for commands');
    child.stdin.write(
      'got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product\n',
    );
    await seen('Is the reported listing really yours?');
    // A long pasted notice (a slower turn) and more answers queued behind it; the signal comes at once.
    child.stdin.write(`1\n${'The rights holder alleges infringement of its mark. '.repeat(300)}\nnone\n2\n`);
    child.kill('SIGTERM');
    const { code, signal } = await exit;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(out).toMatch(/Bye\. Case IPC-0001 is saved \(sqlite:\/\/.*\): run npm start again/);

    const stores = await openStores(`sqlite://${file}`, fixedClock('2026-11-28T10:00:00Z'));
    const rec = await stores.cases.get('IPC-0001');
    const report = await stores.cases.listOpenReport();
    await stores.close();
    expect(CaseRecord.safeParse(rec).error).toBeUndefined();
    expect(report.unreadable).toEqual([]);
    expect(rec?.state.facts.listingId).toBe('1005006123456789');
    // Whatever got applied before the signal is in the audit trail, one entry per answer, none twice.
    const answers = rec?.audit.filter((e) => e.action === 'answer').map((e) => e.detail?.split('=')[0]) ?? [];
    expect(new Set(answers).size).toBe(answers.length);

    const again = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/main.js')], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out2 = '';
    again.stdout.on('data', (d: Buffer) => {
      out2 += d.toString();
    });
    again.stdin.end('quit\n');
    expect(await new Promise((r) => again.once('close', r))).toBe(0);
    expect(out2).toContain('Welcome back: continuing case IPC-0001 where you stopped');
  }, 60_000);
});
