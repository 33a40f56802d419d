import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/domain/reading/extract.js';

// A Sunday; "yesterday" is Sat 2026-12-19, Friday was 2026-12-18.
const TODAY = '2026-12-20';
const ex = (text: string) => extractFacts(text, TODAY);

describe('the TRO issue date in every phrasing', () => {
  it.each<[string, string]>([
    ['The TRO was entered on Friday, December 18, 2026', '2026-12-18'],
    ['the temporary restraining order was issued Friday, Dec. 18', '2026-12-18'],
    ['SEALED TEMPORARY RESTRAINING ORDER. ENTERED: December 18, 2026 /s/ Judge Smith', '2026-12-18'],
    ['Case 1:26-cv-09876 Document 22 TEMPORARY RESTRAINING ORDER ENTERED: 12/18/2026', '2026-12-18'],
    ['the judge granted the TRO on 2026-12-18', '2026-12-18'],
    ['the court signed a temporary restraining order Friday, December 18', '2026-12-18'],
    [
      'Judge Lee issued an ex parte TRO on December 18, 2026 in the Northern District of Illinois',
      '2026-12-18',
    ],
    ['2026年12月18日法院签发了临时禁令', '2026-12-18'],
    ['12月18日临时禁令下来了', '2026-12-18'],
    ['12月18日法官批准了TRO', '2026-12-18'],
  ])('%s', (text, troDate) => {
    const r = ex(text);
    expect(r.details.troDate).toBe(troDate);
    expect(r.facts.noticeDate).toBeUndefined();
  });

  it('the TRO date and the notice date stay apart', () => {
    const r = ex('the court signed a temporary restraining order Friday, Dec 18. We got the email yesterday');
    expect(r.details.troDate).toBe('2026-12-18');
    expect(r.facts.noticeDate).toBe('2026-12-19');
    const zh = ex('12月18日TRO下来了，昨天收到邮件');
    expect(zh.details.troDate).toBe('2026-12-18');
    expect(zh.facts.noticeDate).toBe('2026-12-19');
  });

  it.each([
    'we granted the customer a refund on Dec 18',
    'Amazon issued a warning on Friday, December 18',
    'the customer order was entered on December 18',
    '12月18日收到TRO',
    'they threatened to ask for a TRO, letter dated December 18',
  ])('not a TRO date: %s', (text) => {
    expect(ex(text).details.troDate).toBeUndefined();
  });
});

describe('a letter’s reply-by date is a deadline, never the notice date', () => {
  it.each<[string, string]>([
    ['Please provide a written response by December 24.', '2026-12-24'],
    ['We expect your written response no later than December 28, 2026.', '2026-12-28'],
    ['contact our office no later than January 5, 2027', '2027-01-05'],
    ['Please respond by Monday, December 28', '2026-12-28'],
    ['请于2026年12月30日之前书面答复', '2026-12-30'],
    ['請在12月30日前回覆', '2026-12-30'],
  ])('%s → %s', (text, due) => {
    const r = ex(text);
    expect(r.details.responseDue).toBe(due);
    expect(r.facts.noticeDate).toBeUndefined();
  });

  it('"respond within 10 days" counts from the letter’s date', () => {
    const r = ex('Letter dated December 14: respond within 10 days');
    expect(r.facts.noticeDate).toBe('2026-12-14');
    expect(r.details.responseDue).toBe('2026-12-24');
    expect(ex('律师函12月1日收到，要求15天内回复').details.responseDue).toBe('2026-12-16');
  });

  it('a reply-by date already passed is neither the deadline nor the notice date', () => {
    for (const text of [
      'Please provide a written response by December 14.',
      '12月14日前回复',
      'deadline Dec 14',
    ]) {
      const r = ex(text);
      expect(r.details.responseDue).toBeUndefined();
      expect(r.facts.noticeDate).toBeUndefined();
    }
    expect(ex('received the letter Dec 10, deadline Dec 14').facts.noticeDate).toBe('2026-12-10');
    expect(ex('12月14日前回复，律师函是12月1日收到的').facts.noticeDate).toBe('2026-12-01');
  });
});

describe('the notice date in Chinese', () => {
  it.each<[string, string, string]>([
    ['12月1日收到速卖通投诉', TODAY, '2026-12-01'],
    ['2026年12月1日收到律师函', TODAY, '2026-12-01'],
    ['三天前收到亚马逊的投诉', TODAY, '2026-12-17'],
    ['昨天收到TRO', TODAY, '2026-12-19'],
    ['上周五收到投诉', '2026-12-16', '2026-12-11'],
    ['周一收到亚马逊邮件', '2026-12-16', '2026-12-14'],
    ['上个月28号收到的律师函', TODAY, '2026-11-28'],
  ])('%s (today %s) → %s', (text, today, date) => {
    expect(extractFacts(text, today).facts.noticeDate).toBe(date);
  });

  it('a date of something else is not the notice date', () => {
    expect(ex('上周三上架的，昨天收到投诉').facts.noticeDate).toBe('2026-12-19');
    expect(extractFacts('我们周一删除了链接', '2026-12-16').facts.noticeDate).toBeUndefined();
  });
});
