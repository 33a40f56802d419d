import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../../src/domain/reading/traditional-zh.js';

describe('traditional characters as simplified', () => {
  it.each([
    ['亞馬遜', '亚马逊'],
    ['專利', '专利'],
    ['商標', '商标'],
    ['外觀設計', '外观设计'],
    ['侵權', '侵权'],
    ['凍結', '冻结'],
    ['律師事務所', '律师事务所'],
    ['速賣通', '速卖通'],
    ['臨時禁令', '临时禁令'],
    ['上週五', '上周五'],
    ['回覆', '回复'],
  ])('%s → %s', (from, to) => {
    expect(toSimplified(from)).toBe(to);
  });

  it('keeps the length, so a position in one is the same in the other', () => {
    const text = '收到台北某某法律事務所的律師函, Plaintiff: Acme Corp';
    expect(toSimplified(text)).toHaveLength(text.length);
  });

  it('leaves simplified Chinese and other text as it is', () => {
    const text = '收到律师函，资金冻结 $3,000 on B0C1234567, 台湾 著作权';
    expect(toSimplified(text)).toBe(text);
  });
});
