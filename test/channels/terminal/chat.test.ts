import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-cli.js';

describe('terminal chat with piped stdin (npm start)', () => {
  it('walks the seller to delist_now + store_sweep with quoted guidance and the delist steps', async () => {
    const lines = [
      'got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product',
      '1',
      'none',
      '2',
      'yesterday',
    ];
    const r = await runNode('dist/main.js', [], `${lines.join('\n')}\n`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('ipcheck: I help you handle an IP complaint');
    expect(r.stdout).toContain('(delist_now)');
    expect(r.stdout).toContain('(store_sweep)');
    expect(r.stdout).toContain('> "If you find that your products have someone else\'s trademarks on them');
    expect(r.stdout).toContain('(Guidance §1.1)');
    expect(r.stdout).toContain('Search for product id 1005006123456789.');
    expect(r.stdout).toContain('Bye.');
  });

  it('exits cleanly on empty input', async () => {
    const r = await runNode('dist/main.js', [], '');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bye.');
  });

  it('fails at startup naming a bad variable', async () => {
    const r = await runNode('dist/main.js', [], '', { IPCHECK_STORE_NAME: ' ' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ipcheck: IPCHECK_STORE_NAME is not valid: expected your store name/);
  });

  it('fills the team store name from IPCHECK_STORE_NAME into drafts', async () => {
    // "yes" confirms "never listed", read from the words, before the dispute is drafted.
    const r = await runNode('dist/main.js', [], 'complaint on B0C1234567 today, we never listed it\nyes\n', {
      IPCHECK_STORE_NAME: 'Acme Home',
    });
    expect(r.stdout).toContain('Store: Acme Home');
  });
});
