import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// The README's case commands (`ipcheck cases`, `status`, `export`) on a case opened in the terminal.

const cli = (args: string[], env: NodeJS.ProcessEnv) => runNode('dist/cli/ipcheck.js', args, '', env);

describe('ipcheck cases / status / export', () => {
  it('lists, shows and exports a case; an unknown case exits 3 like export', async () => {
    const dir = await tempDir('cli');
    const env = { IPCHECK_STORE_URL: `sqlite://${join(dir, 'cases.sqlite')}` };
    // "never listed" read from the words is confirmed ("yes") before the dispute is drafted.
    await runNode('dist/main.js', [], 'complaint on B0C1234567 today, we never listed it\nyes\n', env);

    const cases = await cli(['cases'], env);
    expect(cases).toMatchObject({ code: 0, stderr: '' });
    expect(cases.stdout).toMatch(/^Open cases:\n {2}IPC-0001 {2}amazon B0C1234567 {2}decided, updated /);

    const status = await cli(['status', 'ipc-0001'], env);
    expect(status).toMatchObject({ code: 0, stderr: '' });
    expect(status.stdout).toMatch(/^Case IPC-0001: open, decided\n/);
    expect(status.stdout).toContain('routes changed: dispute_reply/not_ours, store_sweep');

    const missing = await cli(['status', 'IPC-0099'], env);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`ipcheck: case IPC-0099 does not exist in ${env.IPCHECK_STORE_URL}\n`);
    expect((await cli(['export', 'IPC-0099'], env)).code).toBe(3);

    const out = join(dir, 'exports');
    const exp = await cli(['export', 'IPC-0001', '--out', out], env);
    expect(exp).toMatchObject({ code: 0, stderr: '' });
    expect(exp.stdout).toBe(`${join(out, 'IPC-0001.md')}\n${join(out, 'IPC-0001.json')}\n`);
    expect(await readFile(join(out, 'IPC-0001.md'), 'utf8')).toContain('# Case IPC-0001');
  });

  it('a missing or malformed case id is a usage error (exit 2)', async () => {
    const env = { IPCHECK_STORE_URL: 'memory://' };
    expect(await cli(['status'], env)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ipcheck: status needs a case id like IPC-0042\n',
    });
    expect((await cli(['export', '42'], env)).stderr).toBe('ipcheck: export needs a case id like IPC-0042\n');
  });
});
