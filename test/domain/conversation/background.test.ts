import { beforeEach, describe, expect, it } from 'vitest';
import { backgroundOf } from '../../../src/domain/conversation/background.js';
import { renderOutcomeText } from '../../../src/domain/conversation/render-text.js';
import type { Reply } from '../../../src/domain/conversation/replies.js';
import { CaseState } from '../../../src/domain/model/case-state.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

// The sourced background facts come in full with a case's first outcome, and after that only on request:
// a repeat outcome reads in one screen.

let chat: Conversation;

beforeEach(async () => {
  chat = new Conversation(await testContext());
});

const outcomeReply = (replies: Reply[]) =>
  replies.find((r): r is Extract<Reply, { kind: 'outcome' }> => r.kind === 'outcome');

/** A case decided: every fact but one in the first message, then the listing confirmed as ours. */
async function decide() {
  await chat.send(
    'got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html yesterday, their logo is on the product, we have no rights, small stock',
  );
  expect(chat.question().questionId).toBe('listingIsOurs');
  await chat.send('1');
  return chat.outcome();
}

describe('background facts on the outcome', () => {
  it('shows them in full with the first outcome, and records them as shown', async () => {
    const o = await decide();
    const facts = backgroundOf(o);
    expect(facts.length).toBeGreaterThan(0);
    expect(chat.text).toContain('Background (sourced facts)');
    for (const c of facts) expect(chat.text).toContain(c.quote);
    expect(chat.text).not.toContain('say "background"');
    expect(outcomeReply(chat.last)?.backgroundShown).toBeUndefined();
    expect((await chat.state()).backgroundShown).toEqual(facts.map((c) => c.ref));
  });

  it('leaves them out of a later outcome (after a change) and says how to see them', async () => {
    const first = await decide();
    const facts = backgroundOf(first);
    await chat.send('change');
    await chat.send('noticeDate');
    await chat.send('2026-11-26');
    const again = chat.outcome();
    expect(again.facts.noticeDate).toBe('2026-11-26');
    expect(outcomeReply(chat.last)?.backgroundShown).toEqual(facts.map((c) => c.ref));
    for (const c of facts) expect(chat.text).not.toContain(c.quote);
    expect(chat.text).toContain(
      `${facts.length === 1 ? 'One sourced fact' : `${facts.length} sourced facts`} shown earlier in this case`,
    );
    expect(chat.text).toContain('say "background" to see');
    // The rest of the outcome is all there: routes, their guidance, the actions and the drafts.
    expect(chat.text).toContain('=== What to do ===');
    expect(chat.text).toContain('The guidance says:');
    expect(again.routes.map((r) => r.id)).toEqual(first.routes.map((r) => r.id));
    // Shorter by the whole background.
    expect(chat.text.length).toBeLessThan(renderOutcomeText(first).length);
  });

  it('leaves them out when the outcome is shown again by help or a resume', async () => {
    const facts = backgroundOf(await decide());
    await chat.send('help');
    expect(outcomeReply(chat.last)).toBeDefined();
    expect(chat.text).toContain('background: the sourced facts behind the decision');
    for (const c of facts) expect(chat.text).not.toContain(c.quote);
    await chat.send({ type: 'show' });
    for (const c of facts) expect(chat.text).not.toContain(c.quote);
  });

  it.each(['background', 'Background.', 'why?', 'sources', 'good to know', '背景'])(
    '"%s" shows them in full again, without the whole outcome',
    async (word) => {
      const facts = backgroundOf(await decide());
      await chat.send('change');
      await chat.send('noticeDate');
      await chat.send('2026-11-26');
      const replies = await chat.send(word);
      expect(outcomeReply(replies)).toBeUndefined();
      const faq = replies.find((r) => r.kind === 'faq');
      expect(faq?.kind === 'faq' && faq.citations.map((c) => c.ref)).toEqual(facts.map((c) => c.ref));
      for (const c of facts) expect(chat.text).toContain(c.quote);
      // Not the seller's words about the case: nothing is kept or changed.
      const state = await chat.state();
      expect(state.said?.some((s) => s.text === word)).toBeFalsy();
      expect(state.facts.noticeDate).toBe('2026-11-26');
    },
  );

  it('before the decision, says they come with it and asks the pending question again', async () => {
    await chat.send('complaint about B0C1234567');
    const q = chat.question().questionId;
    await chat.send('background');
    expect(chat.text).toContain('comes with the decision');
    expect(chat.question().questionId).toBe(q);
  });

  it('shows a background fact new to the case (a route the change brought) in full', async () => {
    const first = await decide();
    const before = backgroundOf(first).map((c) => c.ref);
    await chat.send('change');
    await chat.send('inventory');
    await chat.send('large stock, we want to keep selling');
    const again = chat.outcome();
    const now = backgroundOf(again);
    const fresh = now.filter((c) => !before.includes(c.ref));
    expect(fresh.length).toBeGreaterThan(0);
    for (const c of fresh) expect(chat.text).toContain(c.quote);
    for (const c of now.filter((x) => before.includes(x.ref))) expect(chat.text).not.toContain(c.quote);
    expect((await chat.state()).backgroundShown).toEqual([...before, ...fresh.map((c) => c.ref)]);
  });
});

describe('a case saved before background facts were recorded', () => {
  it('loads unchanged, without the field', () => {
    const old = {
      v: 2,
      caseId: 'IPC-0001',
      status: 'decided',
      facts: { platform: 'amazon' },
      details: {},
      answered: [],
      skipped: [],
      pending: null,
      seq: 3,
      disclaimerShown: true,
    };
    const parsed = CaseState.parse(old);
    expect(parsed).toEqual(old);
    expect(parsed.backgroundShown).toBeUndefined();
    expect(CaseState.parse({ ...old, backgroundShown: ['facts#ae.penalties'] }).backgroundShown).toEqual([
      'facts#ae.penalties',
    ]);
  });
});
