import { beforeEach, describe, expect, it } from 'vitest';
import { runTurn } from '../../../src/app/turn.js';
import { smallTalkOf } from '../../../src/domain/conversation/small-talk.js';
import { testContext } from '../../helpers/context.js';
import { Conversation } from '../../helpers/transcript.js';

// Greetings, thanks and help have nothing to act on: they get how to start (or where the case stands) and
// never open, change or save a case.

const GREETINGS = [
  'hi',
  'Hi!',
  'hiii',
  'hello',
  'Hello there',
  'hey',
  'heyyy @ipcheck',
  'yo',
  'good morning',
  'Good morning team!',
  'good afternoon',
  'good evening everyone',
  'morning',
  'thanks',
  'Thanks!',
  'thank you',
  'thank you so much',
  'thanks a lot',
  'thx',
  'ty',
  'cheers',
  'ok thanks',
  'okay',
  'got it, thanks',
  'great, thank you!',
  'bye',
  'how are you?',
  'hi, how are you doing?',
  'what’s up',
  '你好',
  '您好',
  '你好啊',
  '大家好',
  '早上好',
  '晚上好',
  '谢谢',
  '谢谢你',
  '多谢',
  '非常感谢！',
  '辛苦了',
  '在吗？',
  '请问在吗',
  'hi 你好',
  '👋',
  '🙏🙏',
  '...',
];

const HELP = [
  'help',
  'Help',
  'help!',
  '?',
  '？',
  'help me',
  'help please',
  'I need help',
  'what can you do?',
  'what is this',
  'who are you',
  'how do I start?',
  'how does this work',
  'hi, can you help?',
  '帮助',
  '怎么用',
  '你能做什么？',
  '你好，你是谁',
  '',
  '   ',
];

const NOT_SMALL_TALK = [
  'complaint on 1005006123456789',
  'hi, we got a trademark complaint on B0C1234567',
  'hello, Amazon took down our listing',
  'thanks, we deleted the listing',
  'help, we got a TRO',
  'help me delete the listing?',
  'B0C1234567',
  '1',
  'yes',
  'no',
  'not sure',
  'trademark',
  'yesterday',
  'status',
  'restart',
  'back',
  '谢谢，我们收到了律师函',
  '你好，我们收到了商标投诉',
  '在吗？速卖通下架了我们的产品',
  '帮我看看这个投诉',
  'hi'.repeat(200),
];

describe('smallTalkOf: messages with nothing to act on', () => {
  it.each(GREETINGS)('%j is a greeting', (text) => {
    expect(smallTalkOf(text)).toBe('greeting');
  });

  it.each(HELP)('%j asks for help', (text) => {
    expect(smallTalkOf(text)).toBe('help');
  });

  it.each(NOT_SMALL_TALK)('%j is something to act on', (text) => {
    expect(smallTalkOf(text)).toBeUndefined();
  });
});

let chat: Conversation;
beforeEach(async () => {
  chat = new Conversation(await testContext());
});

/** The case ids the store has handed out so far (a case opened and abandoned still uses one). */
const nextCaseId = async () => {
  const other = new Conversation(await testContext(), 'probe', chat.stores);
  await other.send('complaint on B0C7777777');
  return other.caseId;
};

describe('small talk through the turn (every channel)', () => {
  it.each([...GREETINGS.slice(0, 5), 'thanks', '你好', '谢谢'])(
    '%j where there is no case: how to start, and no case opened',
    async (text) => {
      await chat.send(text);
      expect(chat.caseId).toBeUndefined();
      expect(chat.text).toContain('To start, tell me what happened');
      expect(await chat.stores.cases.byConversation('test')).toBeUndefined();
      expect(await chat.stores.cases.listOpen()).toEqual([]);
      expect(await nextCaseId()).toBe('IPC-0001');
    },
  );

  it('"help" and "?" where there is no case: the help, and no case opened', async () => {
    for (const text of ['help', '?', 'what can you do?', '']) {
      await chat.send(text);
      expect(chat.last[0]?.kind).toBe('help');
      expect(chat.text).toContain('Tell me what happened');
    }
    expect(await chat.stores.cases.byConversation('test')).toBeUndefined();
    expect(await nextCaseId()).toBe('IPC-0001');
  });

  it('"help" in a conversation whose last case is closed opens no new case, and "cases" lists none', async () => {
    await chat.send('complaint on 1005006123456789');
    await chat.send('close IPC-0001 yes');
    expect((await chat.stores.cases.get('IPC-0001'))?.status).toBe('closed');
    for (const text of ['help', 'hi', 'thanks', '谢谢']) {
      await chat.send(text);
      expect(chat.text).not.toContain('IPC-0002');
    }
    await chat.send('cases');
    expect(chat.last).toEqual([{ kind: 'cases', cases: [] }]);
    expect(await nextCaseId()).toBe('IPC-0002');
    // A real complaint still opens a new case.
    await chat.send('complaint on B0C1234567');
    expect(chat.caseId).toBe('IPC-0003');
  });

  it('a greeting in the middle of the questions changes nothing and shows the question again', async () => {
    await chat.send('complaint on 1005006123456789');
    const asked = chat.question();
    const before = await chat.stores.cases.get('IPC-0001');
    for (const text of ['hi', 'thanks', 'ok', '你好', '👋']) {
      await chat.send(text);
      expect(chat.caseId).toBe('IPC-0001');
      expect(chat.text).toContain('We are on case IPC-0001');
      expect(chat.question()).toMatchObject({ questionId: asked.questionId, seq: asked.seq });
    }
    // Not saved at all: not as an answer, not among the seller's words, not even a new version.
    expect(await chat.stores.cases.get('IPC-0001')).toEqual(before);
  });

  it('words that answer the question are an answer, even when they look like small talk', async () => {
    await chat.send('complaint on 1005006123456789 trademark, we own the listing');
    // Walk to a question one of whose choices is made of everyday words ("it does", "a lot").
    for (let i = 0; i < 8; i++) {
      const q = chat.question();
      if (q.questionId === 'usesTheirIp') break;
      await chat.send('1');
    }
    expect(chat.question().questionId).toBe('usesTheirIp');
    await chat.send('it does');
    expect((await chat.state()).facts.usesTheirIp).toBe('yes');
  });

  it('"thanks" while the design differences are asked is not taken as a difference', async () => {
    await chat.send('design patent complaint on 1005006123456789 yesterday');
    const answers: Record<string, string> = {
      notice: 'A platform IP complaint or warning',
      listingIsOurs: 'Yes, it is our listing',
      ipType: 'design patent',
      usesTheirIp: 'no',
      noticeDate: 'yesterday',
    };
    for (let i = 0; i < 8 && chat.question().questionId !== 'differences'; i++)
      await chat.send(answers[chat.question().questionId] ?? '1');
    expect(chat.question().questionId).toBe('differences');
    await chat.send('thanks');
    expect(chat.question().questionId).toBe('differences');
    expect((await chat.state()).details.differences).toBeUndefined();
    await chat.send('rounded corners, theirs are square');
    expect((await chat.state()).details.differences?.length).toBeGreaterThan(0);
  });

  it('"thanks" after the decision changes nothing and says the case is decided', async () => {
    await chat.send('we got a TRO on B0C1234567, funds frozen, the email came 2026-11-26');
    for (const a of ['1', 'trademark', 'yes', 'none', 'large']) await chat.send(a);
    chat.outcome();
    const before = await chat.stores.cases.get('IPC-0001');
    await chat.send('thanks!');
    expect(chat.text).toContain('Your case is decided (IPC-0001)');
    expect(chat.text).toContain('For another complaint, tell me what happened');
    expect(await chat.stores.cases.get('IPC-0001')).toEqual(before);
  });

  it('"help" in a case that has started is the case help, as before', async () => {
    await chat.send('complaint on 1005006123456789');
    await chat.send('help');
    expect(chat.text).toContain('back: change your last answer');
    expect(chat.question().questionId).toBe('listingIsOurs');
  });

  it('says how to start in the words of the channel', async () => {
    const said = async (channel: string, text: string) => {
      const c = new Conversation(await testContext(), `${channel}-conv`);
      const r = await runTurn(
        { ctx: await testContext(), cases: c.stores.cases, clock: c.clock },
        { conversation: `${channel}-conv`, who: 'U1', channel, event: { type: 'text', text } },
      );
      expect(await c.stores.cases.listOpen()).toEqual([]);
      return JSON.stringify(r.replies);
    };
    expect(await said('slack', 'hi')).toContain('/ipcheck <listing> [what happened]');
    expect(await said('slack', 'help')).toContain('/ipcheck <listing> [what happened]');
    expect(await said('teams', 'hello')).toContain('ipcheck <listing> [what happened]');
    expect(await said('teams', 'hello')).not.toContain('/ipcheck');
    expect(await said('terminal', 'hello')).toContain('tell me what happened');
  });
});
