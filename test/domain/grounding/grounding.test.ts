import { describe, expect, it } from 'vitest';
import {
  advisesDeletion,
  allowsForbiddenAction,
  checkAnswer,
  quotedPassages,
  reachesElsewhere,
} from '../../../src/domain/grounding/grounding.js';
import type { GivenSection } from '../../../src/domain/model/llm-contract.js';
import { testContext } from '../../helpers/context.js';

describe('checks on a model answer before anyone sees it', () => {
  it.each([
    ['Delete the listing now.', true],
    ['Take it off sale, but delete the sales records.', true],
    ['You can remove the photos.', true],
    ['把聊天记录删了。', true],
    ['Do not delete anything.', false],
    ['Delete nothing: take it off sale.', false],
    ['Never remove the records; keep them.', false],
    ['Take the product off sale everywhere.', false],
    ['Delete the listing and do not relist it.', true],
    ['Stop selling and delete the records.', true],
    ['Take it down and dispose of the inventory.', true],
    ['Throw away the stock and discard the photos.', true],
    ['Wipe the photos from your site and do not upload them again.', true],
    ['Sell off the remaining stock.', true],
    ['Nothing should be deleted while the case runs.', false],
    ['The listing must not be removed.', false],
    ['Do not throw away or destroy anything.', false],
    ['Stop deleting messages.', false],
  ])('"%s" advises deletion: %s', (text, yes) => {
    expect(advisesDeletion(text)).toBe(yes);
  });

  it.each([
    ['<!channel> look', true],
    ['ask <@U123> now', true],
    ['see <#C999|legal>', true],
    ['@here please', true],
    ['visit https://evil.example', true],
    ['Ask legal in this thread.', false],
  ])('"%s" reaches beyond the thread: %s', (text, yes) => {
    expect(reachesElsewhere(text)).toBe(yes);
  });

  it('accepts a quote whose line breaks the model collapsed, and shows the section exactly', async () => {
    const { kb } = await testContext();
    const s = kb.section('guidance#1.3');
    const given: GivenSection[] = [{ n: 1, ref: 'guidance#1.3', title: '', text: s?.text ?? '' }];
    const quote = "It is not recommended to send an email directly to the plaintiff's law firm.";
    const v = checkAnswer(
      {
        supported: true,
        answer: 'No, a lawyer should [1].',
        citations: [{ section: 1, quote: `  ${quote.replace(/ /g, '  ')} ` }],
      },
      given,
      {},
      kb,
    );
    expect(v.ok && v.reply.kind === 'faq' && v.reply.text).toBe('No, a lawyer should [§1.3].');
    expect(v.ok && v.reply.kind === 'faq' && v.reply.citations[0]?.quote).toBe(quote);
  });

  describe('a citation must carry the claim it is used for', () => {
    async function relist(answer: string, quote: string) {
      const { kb } = await testContext();
      const s = kb.section('facts#ae.relist-violation');
      if (!s) throw new Error('no ae.relist-violation');
      const given: GivenSection[] = [{ n: 1, ref: s.ref, title: s.title, text: s.text }];
      return {
        v: checkAnswer({ supported: true, answer, citations: [{ section: 1, quote }] }, given, {}, kb),
        s,
      };
    }

    it('refuses a stray phrase of a section that says the opposite', async () => {
      const { v } = await relist(
        'Yes: relisting it from another warehouse is fine and will not be flagged [1].',
        'another warehouse',
      );
      expect(v.ok).toBe(false);
      expect(!v.ok && v.reason).toContain('fragment');
    });

    it('refuses a yes to what a firm rule forbids, even with a whole sentence quoted', async () => {
      const { v, s } = await relist(
        'Yes: relisting it from another warehouse is fine and will not be flagged [1].',
        'x',
      );
      const first = s.text.split(/(?<=\.)\s/)[0] ?? '';
      const again = checkAnswer(
        {
          supported: true,
          answer: 'Yes: relisting it from another warehouse is fine and will not be flagged [1].',
          citations: [{ section: 1, quote: first }],
        },
        [{ n: 1, ref: s.ref, title: s.title, text: s.text }],
        {},
        (await testContext()).kb,
      );
      expect(v.ok).toBe(false);
      expect(!again.ok && again.reason).toContain('firm rule forbids');
    });

    it('accepts a whole sentence, and refuses an answer sentence with no [n]', async () => {
      const { s } = await relist('', '');
      const first = s.text.split(/(?<=\.)\s/)[0] ?? '';
      const { v } = await relist('No: a new listing ID counts as a repeated listing [1].', first);
      expect(v.ok).toBe(true);
      const { v: bare } = await relist(
        'No: a new listing ID counts as a repeated listing [1]. You can still sell it on your own website though.',
        first,
      );
      expect(!bare.ok && bare.reason).toContain('cites no section');
    });

    it.each([
      ['Yes, you can relist it from the other warehouse [1].', true],
      ['You can just ignore the complaint [1].', true],
      ['Paying the firm directly is fine [1].', true],
      ['You may delete the sales records now [1].', true],
      ['Relisting is not allowed while the case runs [1].', false],
      ['No. Do not relist it; take it off sale [1].', false],
      ['It is fine to take the listing offline [1].', false],
    ])('"%s" allows a forbidden action: %s', (text, yes) => {
      expect(allowsForbiddenAction(text) !== undefined).toBe(yes);
    });
  });

  it('in a court case, quotes no passage that advises deleting', async () => {
    const { kb } = await testContext();
    const s = kb.section('facts#us.tro-14-days');
    if (!s) throw new Error('no us.tro-14-days');
    // A section telling to delete or remove is left out (conservatively: "remove" may mean off sale).
    const del = kb.docs.flatMap((d) => d.sections).find((x) => advisesDeletion(x.text));
    if (!del) throw new Error('expected a section that advises deleting');
    const court = quotedPassages(
      [
        { section: del, score: 9 },
        { section: s, score: 5 },
      ],
      { notice: 'court_or_tro' },
      kb,
    );
    expect(court.kind === 'faq' && court.citations.map((c) => c.ref)).toEqual(['facts#us.tro-14-days']);
    const complaint = quotedPassages([{ section: del, score: 9 }], { notice: 'platform_complaint' }, kb);
    expect(complaint.kind === 'faq' && complaint.citations.map((c) => c.ref)).toEqual([del.ref]);
  });
});
