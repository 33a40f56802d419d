import { describe, expect, it } from 'vitest';
import { checkPolishedDraft } from '../../../src/domain/grounding/draft-checks.js';

const DRAFT = `Store: Acme Home
Complaint ID: [FILL IN: complaint id]
Listing: 1005006123456789

Request: please reject this complaint and reinstate listing 1005006123456789.

Facts
1. We received the design patent complaint from [FILL IN: complainant or brand] on Fri 27 Nov 2026.
2. Our product differs from the patented design.

Contact: Li Wei, li@acme.example

Thank you for reviewing this comparison.`;
const CASE = JSON.stringify({ listingId: '1005006123456789', store: 'Acme Home' });

const check = (rewrite: string, kind: 'dispute_reply' | 'plan_of_action' = 'dispute_reply') =>
  checkPolishedDraft(kind, DRAFT, rewrite, CASE, '1005006123456789');

describe('checks on a reworded draft', () => {
  it('accepts a rewording that keeps every fact and placeholder', () => {
    expect(
      check(
        DRAFT.replace(
          'Thank you for reviewing this comparison.',
          'Thank you for taking the time to review this comparison.',
        ),
      ),
    ).toEqual({ ok: true });
  });

  it.each([
    ['an amount not in the case', DRAFT.replace('Facts', 'We lost $5,000. Facts'), /\$5,000/],
    ['a date not in the case', DRAFT.replace('27 Nov 2026', '25 Nov 2026'), /25/],
    [
      'a changed listing id',
      DRAFT.replaceAll('1005006123456789', '1005006123456780'),
      /listing id|1005006123456780/,
    ],
    ['a new name', DRAFT.replace('Thank you', 'Our lawyer Johnson thanks you'), /Johnson/],
    ['a new email', DRAFT.replace('li@acme.example', 'boss@acme.example'), /boss@acme\.example/],
    ['a dropped placeholder', DRAFT.replace('[FILL IN: complaint id]', 'unknown'), /placeholder/],
    ['anger', DRAFT.replace('Thank you', 'This complaint is ridiculous. Thank you'), /angry/],
    ['panic', DRAFT.replace('Thank you', 'Please help, we will go bankrupt!! Thank you'), /panicked/],
    ['a threat', DRAFT.replace('Thank you', 'Otherwise we will sue the complainant. Thank you'), /threat/],
    ['an admission', DRAFT.replace('Thank you', 'We admit we copied the shape. Thank you'), /admission/],
    ['a mention', DRAFT.replace('Thank you', '<!channel> Thank you'), /mentions/],
    ['a link', DRAFT.replace('Thank you', 'See https://evil.example/x. Thank you'), /link|evil/],
    ['a much shorter text', 'Please reinstate 1005006123456789.', /less than half/],
    ['a reversed distinction', DRAFT.replace('differs from', 'matches'), /differs/],
    [
      'a conceding "accept … without permission … regret"',
      DRAFT.replace(
        'Thank you',
        'We accept that our product used the mark without permission and we regret selling it. Thank you',
      ),
      /admission/,
    ],
    [
      'calling the goods counterfeit',
      DRAFT.replace('Thank you', 'We understand these were counterfeit goods. Thank you'),
      /admission.*counterfeit/,
    ],
    [
      'an invented date whose numbers hide in the listing id',
      DRAFT.replace('Thank you', 'The brand agreed on 12 March 2026 that our product is fine. Thank you'),
      /12 March 2026/,
    ],
    ['an invented deadline', DRAFT.replace('Thank you', 'Please decide within 5 days. Thank you'), /"5"/],
    [
      'a reworded request line',
      DRAFT.replace('please reject this complaint and', 'kindly reject the complaint and'),
      /request line/,
    ],
  ])('refuses %s', (_, rewrite, reason) => {
    const v = check(rewrite);
    expect(v.ok).toBe(false);
    expect(v.ok ? '' : v.reason).toMatch(reason);
  });

  it('refuses a rewrite that drops a "not" of the template', () => {
    const draft = DRAFT.replace('differs from', 'does not copy');
    const v = checkPolishedDraft('dispute_reply', draft, draft.replace('does not copy', 'does copy'), CASE);
    expect(v.ok ? '' : v.reason).toMatch(/"not" of the draft is gone/);
  });

  it('accepts a date written another way, and the ids and numbers of the case', () => {
    expect(check(DRAFT.replace('Fri 27 Nov 2026', '27 November 2026'))).toEqual({ ok: true });
    expect(check(DRAFT.replace('on Fri 27 Nov 2026', 'on 2026-11-27'))).toEqual({ ok: true });
  });

  it('lets a plan of action acknowledge the complaint (it is not a dispute)', () => {
    expect(
      check(DRAFT.replace('Thank you', 'We acknowledge that we infringed. Thank you'), 'plan_of_action'),
    ).toEqual({ ok: true });
  });
});
