import { describe, expect, it } from 'vitest';
import { Details } from '../../../src/domain/model/facts.js';
import { readMoney } from '../../../src/domain/reading/detail-money.js';
import { extractFacts } from '../../../src/domain/reading/extract.js';

const money = (text: string) => readMoney(text, ` ${text.toLowerCase().replace(/\s+/g, ' ')} `);

describe('several frozen accounts, each with its own amount', () => {
  it.each<[string, { account: string; amount: string }[], string]>([
    [
      'Frozen: $12,450 on AliExpress and $3,100 on PayPal',
      [
        { account: 'AliExpress', amount: '$12,450' },
        { account: 'PayPal', amount: '$3,100' },
      ],
      '$12,450 (AliExpress); $3,100 (PayPal)',
    ],
    [
      'the TRO froze $12,450 in our AliExpress account and $3,100 in PayPal',
      [
        { account: 'AliExpress', amount: '$12,450' },
        { account: 'PayPal', amount: '$3,100' },
      ],
      '$12,450 (AliExpress); $3,100 (PayPal)',
    ],
    [
      'PayPal $3,000 Payoneer $2,000 frozen',
      [
        { account: 'PayPal', amount: '$3,000' },
        { account: 'Payoneer', amount: '$2,000' },
      ],
      '$3,000 (PayPal); $2,000 (Payoneer)',
    ],
    [
      '$3,000 PayPal, $2,000 Payoneer, all frozen',
      [
        { account: 'PayPal', amount: '$3,000' },
        { account: 'Payoneer', amount: '$2,000' },
      ],
      '$3,000 (PayPal); $2,000 (Payoneer)',
    ],
    [
      'our Amazon store is fine but PayPal froze $2,000 and Payoneer froze $800',
      [
        { account: 'PayPal', amount: '$2,000' },
        { account: 'Payoneer', amount: '$800' },
      ],
      '$2,000 (PayPal); $800 (Payoneer)',
    ],
    [
      'Frozen accounts:\n1. PayPal: $3,000\n2. PingPong: US$ 2,500.50\n- WorldFirst: USD 900\nThanks',
      [
        { account: 'PayPal', amount: '$3,000' },
        { account: 'PingPong', amount: 'US$ 2,500.50' },
        { account: 'WorldFirst', amount: 'USD 900' },
      ],
      '$3,000 (PayPal); US$ 2,500.50 (PingPong); USD 900 (WorldFirst)',
    ],
    [
      'Stripe restrained $640.20, Walmart is holding nothing, eBay balance $75 frozen',
      [
        { account: 'Stripe', amount: '$640.20' },
        { account: 'eBay', amount: '$75' },
      ],
      '$640.20 (Stripe); $75 (eBay)',
    ],
  ])('%s', (text, accounts, summary) => {
    const m = money(text);
    expect(m.frozenAccounts).toEqual(accounts);
    expect(m.frozenAmount).toBe(summary);
  });

  it.each<[string, { account: string; amount: string }[]]>([
    [
      '速卖通冻结了3万美元，PayPal冻结了5000美金',
      [
        { account: 'AliExpress', amount: '3万美元' },
        { account: 'PayPal', amount: '5000美金' },
      ],
    ],
    [
      'PayPal被冻结1.2万元，连连账户里有￥8,000被冻结',
      [
        { account: 'PayPal', amount: '1.2万元' },
        { account: 'LianLian', amount: '￥8,000' },
      ],
    ],
    [
      '冻结了PayPal 3万美元和速卖通1.2万元',
      [
        { account: 'PayPal', amount: '3万美元' },
        { account: 'AliExpress', amount: '1.2万元' },
      ],
    ],
    ['亞馬遜帳戶凍結了2萬美元', [{ account: 'Amazon', amount: '2萬美元' }]],
    ['支付宝冻结5000元', [{ account: 'Alipay', amount: '5000元' }]],
    ['派安盈余额$1,500被冻住了', [{ account: 'Payoneer', amount: '$1,500' }]],
  ])('Chinese: %s', (text, accounts) => {
    expect(money(text).frozenAccounts).toEqual(accounts);
  });

  it('every value fits the Details schema', () => {
    const d = extractFacts('Frozen: $12,450 on AliExpress and $3,100 on PayPal', '2026-11-28').details;
    expect(Details.safeParse(d).success).toBe(true);
    expect(d.frozenAccounts).toHaveLength(2);
  });
});

describe('an unsure pairing is left out, never guessed', () => {
  it.each<[string, string | undefined]>([
    // One amount for several accounts named together: which holds what is for the lawyer to ask.
    ['PayPal and Payoneer froze $5,000', '$5,000 (PayPal, Payoneer)'],
    ['$5,000 frozen in PayPal and Payoneer', '$5,000 (PayPal, Payoneer)'],
    ['PayPal、连连一共冻结了3万美元', '3万美元 (PayPal, LianLian)'],
    // "from": the money came from Amazon sales, it is frozen in PayPal; no pair is sure.
    ['$3,000 from Amazon sales frozen in PayPal', '$3,000 (Amazon, PayPal)'],
    // An account on each side and no other amount to settle it.
    ['PayPal $3,000 Payoneer, frozen', '$3,000 (PayPal, Payoneer)'],
  ])('%s', (text, summary) => {
    const m = money(text);
    expect(m.frozenAccounts).toBeUndefined();
    expect(m.frozenAmount).toBe(summary);
  });

  it('an account two amounts sit beside goes to neither', () => {
    const m = money('frozen: $3,000 PayPal $2,000');
    expect(m.frozenAccounts).toBeUndefined();
  });

  it('one sure pair is kept when another account is unsure', () => {
    const m = money('$12,450 on AliExpress frozen; PayPal and Payoneer froze $3,100');
    expect(m.frozenAccounts).toEqual([{ account: 'AliExpress', amount: '$12,450' }]);
    expect(m.frozenAmount).toBe('$12,450 (AliExpress); $3,100 (PayPal, Payoneer)');
  });
});

describe('money that is not frozen is not a frozen account', () => {
  it.each<[string, { account: string; amount: string }[] | undefined]>([
    ['we sold $50,000 on Amazon and PayPal froze $3,000', [{ account: 'PayPal', amount: '$3,000' }]],
    [
      'they demand $5,000 on behalf of the brand and $1,200 is frozen in PayPal',
      [{ account: 'PayPal', amount: '$1,200' }],
    ],
    ['PayPal froze $3,000 of our $10,000 balance', [{ account: 'PayPal', amount: '$3,000' }]],
    ['we made $8,000 on eBay last year', undefined],
    ['our PayPal balance is $4,000', undefined],
    ['the brand wants $5,000 via PayPal', undefined],
    ['we sold $3,000 on https://www.aliexpress.com/item/1005006123456789.html, account frozen', undefined],
    ['去年速卖通销售额3万美元，账户被冻结了', undefined],
    ['email service@paypal.com about the $300 hold? nothing frozen', undefined],
  ])('%s', (text, accounts) => {
    expect(money(text).frozenAccounts).toEqual(accounts);
  });

  it('a demand amount stays the demand when the accounts are paired', () => {
    const m = money('their lawyer demands $15,000; PayPal froze $3,000 and Payoneer froze $800');
    expect(m.demandAmount).toBe('$15,000');
    expect(m.frozenAmount).toBe('$3,000 (PayPal); $800 (Payoneer)');
  });

  it('the account names are spelled as the firms spell them', () => {
    expect(money('frozen: pingpong $100').frozenAccounts).toEqual([{ account: 'PingPong', amount: '$100' }]);
    expect(money('lianlian pay $100 frozen').frozenAccounts).toEqual([
      { account: 'LianLian', amount: '$100' },
    ]);
    expect(money('worldfirst froze $100').frozenAccounts).toEqual([
      { account: 'WorldFirst', amount: '$100' },
    ]);
  });
});

describe('long text stays linear', () => {
  it.each([
    ['many accounts and amounts', `frozen ${'paypal $1 '.repeat(3000)}`],
    ['many short sentences', `${'frozen. '.repeat(3000)}${'paypal $1. '.repeat(3000)}`],
    ['one long word', `frozen $1 ${'9'.repeat(20_000)} paypal`],
    ['a long list of accounts', `frozen ${'paypal and '.repeat(3000)}$5`],
  ])('%s', (_name, text) => {
    const t0 = performance.now();
    money(text);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('what the seller may pay is no demand', () => {
  it.each([
    'The boss decides on any settlement, we can pay up to $2,000.',
    'our budget is $3,000 for a settlement',
    'Should we pay them? Can we settle for $2,000?',
    'we are willing to pay $1,500 to settle',
    'I could offer $800 in settlement',
    'we would settle for no more than $2,500',
    '我们最多能赔偿2万元',
    '和解预算5000美元',
  ])('%s', (text) => {
    expect(money(text).demandAmount).toBeUndefined();
  });

  it.each([
    ['They demand $5,000 but we can only pay $2,000.', '$5,000'],
    ['we were asked to pay $5,000 in damages', '$5,000'],
    ['they want us to pay $3,000 or they sue', '$3,000'],
    ['their lawyer demands $15,000. Our budget is $2,000.', '$15,000'],
    ['对方要求我们赔偿5万元', '5万元'],
  ])('%s → %s', (text, amount) => {
    expect(money(text).demandAmount).toBe(amount);
  });
});

describe('money already paid is not frozen', () => {
  it.each([
    'We already paid them $2,000 and signed a settlement agreement, but the PayPal funds are still frozen.',
    'we paid $500 to the lawyer and our account is still frozen',
    'we sold $9,000 last month and now Amazon froze the account',
  ])('%s', (text) => {
    const m = money(text);
    expect(m.frozenAmount).toBeUndefined();
    expect(m.frozenAccounts).toBeUndefined();
  });

  it('a frozen amount beside paid money is still read', () => {
    expect(money('we paid them $2,000 but $3,100 is still frozen in PayPal').frozenAmount).toBe(
      '$3,100 (PayPal)',
    );
    expect(money('we paid them $2,000. Our account is frozen with $3,100 in it').frozenAmount).toBe('$3,100');
  });
});

describe("a platform's own hold: one account, one amount, in two sentences", () => {
  it.each([
    [
      'We have placed a hold on the funds in your Amazon seller account due to a restraining order in case 1:26-cv-06543. Funds withheld: $9,870.12. This hold stays in place.',
      'Amazon',
      '$9,870.12',
    ],
    [
      "We've restrained your PayPal account balance under a court order. Amount held: $4,200.00.",
      'PayPal',
      '$4,200.00',
    ],
    ['Your Payoneer account funds are frozen by a TRO.\nFrozen amount: USD 1,350', 'Payoneer', 'USD 1,350'],
  ])('%s', (text, account, amount) => {
    expect(money(text).frozenAccounts).toEqual([{ account, amount }]);
  });

  it.each([
    // two accounts named: which holds it is asked
    'Amazon froze our account. PayPal: we do not know. Frozen total: $2,000.',
    // the account is named, not its money
    'Amazon froze our listing after the TRO. Frozen: $2,000.',
    // two frozen amounts
    'Our Amazon account funds are frozen. Frozen: $2,000. Also frozen: $500.',
    // the amount is not said frozen
    'Our Amazon account is frozen. The plaintiff wants $50,000.',
  ])('no pair: %s', (text) => {
    expect(money(text).frozenAccounts).toBeUndefined();
  });
});
