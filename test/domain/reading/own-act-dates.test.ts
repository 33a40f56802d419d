import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/domain/reading/extract.js';
import { withoutOwnActs } from '../../../src/domain/reading/own-act-dates.js';

const TODAY = '2026-11-28';
const date = (text: string) => extractFacts(text, TODAY).facts.noticeDate;

describe('a date of what the seller did is not the notice date', () => {
  it.each([
    "We received a cease and desist letter from a law firm. We replied to the law firm's email on Nov 20.",
    'complaint on our listing, we already appealed on 2026-11-25',
    'we contacted them on Nov 22, no answer',
    'I sent a counter-notice on November 24',
    '我们11月20日回复了律所',
    'we paid them on Nov 21',
  ])('%s', (text) => {
    expect(date(text)).toBeUndefined();
  });

  it.each([
    ['We received the letter on Nov 18 and replied on Nov 20', '2026-11-18'],
    ['Got the complaint on Nov 18. We replied on Nov 20.', '2026-11-18'],
    ['收到投诉是11月18日，我们11月20日回复了', '2026-11-18'],
  ])('the notice’s own date stays: %s', (text, value) => {
    expect(date(text)).toBe(value);
  });

  it('keeps positions (same length)', () => {
    const s = 'Got it Nov 18. We replied on Nov 20. 我们11月21日回复了';
    expect(withoutOwnActs(s)).toHaveLength(s.length);
  });
});

describe('a platform’s removal dates the notice', () => {
  it.each([
    ['AliExpress removed 3 of our items today for IPR', '2026-11-28'],
    ['Amazon took down our listing yesterday', '2026-11-27'],
    ['eBay VeRO removed our item on Nov 25', '2026-11-25'],
  ])('%s', (text, value) => {
    expect(date(text)).toBe(value);
  });

  it('a date the notice itself carries comes first', () => {
    expect(date('Amazon removed the listing on Nov 2 and the complaint arrived on Nov 5')).toBe('2026-11-05');
  });

  it.each(['we removed the listing yesterday', 'we took down our listing on Nov 25'])(
    'not the seller’s own removal: %s',
    (text) => {
      expect(date(text)).toBeUndefined();
    },
  );
});
