import { describe, expect, it } from 'vitest';
import { buildRetriever, terms } from '../../../src/adapters/knowledge/retrieve.js';
import { makeKnowledgeBase } from '../../../src/domain/model/knowledge-base.js';
import { testContext } from '../../helpers/context.js';

describe('ranked retrieval over the knowledge sections', () => {
  it.each([
    ['can I just relist it from another warehouse?', 'facts#ae.relist-violation'],
    ['do I have to answer the law firm myself?', 'guidance#1.3'],
    ['how long does a TRO last?', 'facts#us.tro-14-days'],
    ['can amazon attachments be PDF files?', 'facts#amazon.attachments'],
    ['what evidence does an appeal use?', 'facts#ae.evidence'],
  ])('"%s" ranks %s first', async (q, ref) => {
    const { retriever } = await testContext();
    expect(retriever?.search(q, 3)[0]?.section.ref).toBe(ref);
  });

  it('finds nothing for words no section uses', async () => {
    const { retriever } = await testContext();
    expect(retriever?.search('what is the weather in Paris tomorrow?', 3)).toEqual([]);
    expect(retriever?.search('???', 3)).toEqual([]);
  });

  it('reads English as stems without stop words, and Chinese as character bigrams', () => {
    expect(terms('Relisting the listings')).toEqual(['relist', 'listing']);
    expect(terms('临时禁令')).toEqual(['临时', '时禁', '禁令']);
    expect(terms('TRO 临时禁令 tro')).toEqual(['tro', '临时', '时禁', '禁令', 'tro']);
  });

  it('ranks Chinese text by its bigrams', () => {
    const kb = makeKnowledgeBase([
      {
        id: 'zh',
        title: 'zh',
        kind: 'facts',
        sections: [
          { ref: 'zh#a', doc: 'zh', id: 'a', title: '临时禁令', text: '临时禁令最长十四天。', sources: [] },
          { ref: 'zh#b', doc: 'zh', id: 'b', title: '商标', text: '商标投诉要下架。', sources: [] },
        ],
      },
    ]);
    expect(
      buildRetriever(kb)
        .search('临时禁令多久？', 2)
        .map((h) => h.section.ref),
    ).toEqual(['zh#a']);
  });
});
