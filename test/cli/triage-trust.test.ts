import { describe, expect, it } from 'vitest';
import { triage } from '../helpers/run-cli.js';

// Issue 15 through `ipcheck triage --message`: the same reading of the seller's words as the conversation.
// Invoices are genuine goods, a verbal OK is no authorization, a mixed sentence is not "no infringement".

const json = async (...args: string[]) => {
  const r = await triage(...args, '--json', '--today', '2026-11-28');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

const ours = ['--listing', '1005006123456789', '--answer', 'listingIsOurs=yes'];

describe('ipcheck triage --message: what the words really say', () => {
  it.each([
    'Acme trademark complaint, their logo is on it; invoices but no letter',
    'Acme trademark complaint, their logo is on it; no letter, but invoices from the distributor',
  ])('invoices are genuine goods in any word order: %s', async (message) => {
    const o = await json('--message', message, ...ours, '--answer', 'complainantContact=no_reply');
    expect(o.facts.rights).toBe('authorized');
    const dispute = o.drafts.find((d: { kind: string }) => d.kind === 'dispute_reply');
    expect(dispute.body).toContain('genuine Acme products');
    expect(dispute.body).not.toMatch(/under a written authorization|the letter is attached/);
  });

  it('a verbal OK is no authorization: the rights answer is still missing', async () => {
    const o = await json(
      '--message',
      'trademark complaint, their logo is on it, the brand said on the phone it is fine',
      ...ours,
    );
    expect(o.facts.rights).toBeUndefined();
    expect(o.missing).toContain('rights');
    expect(o.drafts.map((d: { kind: string }) => d.kind)).not.toContain('dispute_reply');
  });

  it('a mixed sentence is not "no infringement"', async () => {
    const o = await json(
      '--message',
      'trademark complaint, we use our own photos, but the backpack has mickey ears',
      ...ours,
    );
    expect(o.facts.usesTheirIp).not.toBe('no');
    expect(o.drafts.map((d: { template: string }) => d.template)).not.toContain('dispute-no-infringement');
  });
});
