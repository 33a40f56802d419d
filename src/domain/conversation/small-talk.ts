import type { CaseRecord } from '../model/case-record.js';
import { type CoreContext, todayFor } from './outcome.js';
import { questionById } from './questions.js';
import { readTextAnswer } from './read-answer.js';
import { HELP_COMMANDS, HELP_TEXT, type Reply } from './replies.js';
import { step } from './step.js';

// Messages with nothing to act on: a greeting, thanks, "help", "?", "what can you do?", small talk in
// English or Chinese. They never open a case or change one: where no case is open they get how to start,
// and in a case they get where it stands. Every channel reaches this through runTurn (messages, mentions,
// DMs, the terminal), and the channels' own command words (`/ipcheck hi`, `ipcheck hi`) ask smallTalkOf
// too, so the decision is made here only.

export type SmallTalk = 'greeting' | 'help';

/** Words a greeting, thanks or goodbye is made of ("hi there", "thanks a lot", "good morning all"). */
const GREETING = new Set(
  (
    'hi hiya hello hallo hullo hey heya yo howdy greetings morning afternoon evening day night gm sup ' +
    "wassup whats what's up how hows how's are r u you ya doing going it nice meet good great cool " +
    'thanks thank thanx thx thnx tnx ty tysm tks cheers appreciated appreciate bye goodbye cya later ' +
    'welcome pleasure ok okay k kk alright got'
  ).split(' '),
);
/** Words asking what the bot is or how to use it ("what can you do", "how do I start", "I need help"). */
const HELP = new Set(
  (
    'help helps menu commands command start started starting begin use using work works do does can ' +
    'could what who is this i me we get to with need info about instructions guide explain supposed ' +
    'should'
  ).split(' '),
);
/** Words that only pad the above ("hi there team", "thanks so much again", "hello @ipcheck"). */
const FILLER = new Set(
  (
    'there so much very a lot all everyone everybody guys team folks again ipcheck bot and for the ' +
    'your my dear sir madam mate friend oh hmm um uh well just lol haha hehe please pls plz kindly ' +
    'anyone somebody someone here'
  ).split(' '),
);
/** Words said longer ("hiii", "heyyy", "thanksss", "byeee"). */
const STRETCHED: [RegExp, string][] = [
  [/^h+i+$/, 'hi'],
  [/^he+y+a*$/, 'hey'],
  [/^hel+o+$/, 'hello'],
  [/^yo+$/, 'yo'],
  [/^thanks+$/, 'thanks'],
  [/^thx+$/, 'thx'],
  [/^bye+$/, 'bye'],
];

/** Chinese small talk, longest first (no word breaks: each phrase is taken out of the text). */
const ZH_HELP = [
  '你可以做什么',
  '你能做什么',
  '你会做什么',
  '如何使用',
  '怎么使用',
  '如何开始',
  '怎么开始',
  '使用说明',
  '这是什么',
  '你是谁',
  '怎么用',
  '你会什么',
  '帮帮我',
  '帮助',
  '帮忙',
  '求助',
  '菜单',
  '命令',
  '说明',
];
const ZH_GREETING = [
  '非常感谢',
  '十分感谢',
  '有人在吗',
  '谢谢你们',
  '早上好',
  '上午好',
  '中午好',
  '下午好',
  '晚上好',
  '在不在',
  '有人吗',
  '你们好',
  '大家好',
  '谢谢你',
  '谢谢您',
  '辛苦了',
  '你好',
  '您好',
  '哈喽',
  '哈啰',
  '哈罗',
  '早安',
  '晚安',
  '在吗',
  '在么',
  '谢谢',
  '谢了',
  '谢啦',
  '多谢',
  '感谢',
  '再见',
  '拜拜',
  '嗨',
];
/** Sentence particles and padding left over once the phrases are out ("你好啊", "请问在吗", "谢谢大家"). */
const ZH_FILLER = /请问|大家|一下|[啊呀哦嗯呢吧哈啦嘛噢哇喔哟呐～]/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Longer than this is a message, not small talk (and keeps the work here tiny). */
const MAX = 300;

/**
 * Whether a message has nothing to act on, and which kind: a greeting (hi, thanks, 你好, 谢谢, good
 * morning, ok…) or a request for help (help, "?", "what can you do", 怎么用…). Undefined for anything else:
 * one word that is not small talk (a listing id, "complaint", "TRO", "yes", "1", "not sure") makes it a
 * message to act on. An empty message (a bare mention) asks for help; one of only symbols ("👋", "...")
 * is a greeting. A case's question may take such words as its answer ("it does", "a lot"): smallTalkReplies
 * leaves those to the step.
 */
export function smallTalkOf(text: string): SmallTalk | undefined {
  if (text.length > MAX) return undefined;
  let t = text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'");
  let help = false;
  let said = false;
  for (const [phrases, isHelp] of [
    [ZH_HELP, true],
    [ZH_GREETING, false],
  ] as const) {
    for (const p of phrases) {
      if (!t.includes(p)) continue;
      t = t.split(p).join(' ');
      said = true;
      help ||= isHelp;
    }
  }
  t = t.replace(ZH_FILLER, ' ');
  if (CJK.test(t)) return undefined;
  // Letters and digits make words; everything else (punctuation, emoji, "@") only separates them.
  const words = t
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w !== '');
  for (const raw of words) {
    const w = STRETCHED.find(([re]) => re.test(raw))?.[1] ?? raw;
    if (HELP.has(w)) help = said = true;
    else if (GREETING.has(w)) said = true;
    else if (!FILLER.has(w)) return undefined;
  }
  // Words, all of them small talk or padding ("so", "haha"): nothing to act on either.
  if (said || words.length > 0) return help ? 'help' : 'greeting';
  return text.trim() === '' || /[?？]/.test(text) ? 'help' : 'greeting';
}

/** How to open a case, in the words of the channel the message came from ("To start, …"). */
export function waysToStart(channel: string): string {
  switch (channel) {
    case 'slack':
      return 'run `/ipcheck <listing> [what happened]`, e.g. `/ipcheck https://www.aliexpress.com/item/1005006123456789.html trademark complaint, their logo is on it`, or tell me here what happened, with the listing.';
    case 'teams':
      return 'type `ipcheck <listing> [what happened]`, e.g. `ipcheck https://www.aliexpress.com/item/1005006123456789.html trademark complaint, their logo is on it`, or just tell me what happened, with the listing.';
    default:
      return 'tell me what happened, e.g. "got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product".';
  }
}

// Said to "hi" and to "thanks" alike, so it greets no one in particular.
const INTRO =
  'ipcheck here: I help you handle an IP complaint on AliExpress or Amazon (delist, dispute, or escalate to a lawyer).';

/** The welcome (for a greeting) or the help (for "help") where no case is open: how to start one. */
function welcome(talk: SmallTalk, channel: string): Reply[] {
  if (talk === 'help') {
    // HELP_TEXT says to describe the complaint; Slack and Teams also open a case with their command.
    const command =
      channel === 'slack'
        ? ' Or run `/ipcheck <listing> [what happened]`.'
        : channel === 'teams'
          ? ' Or type `ipcheck <listing> [what happened]`.'
          : '';
    return [{ kind: 'help', text: `${HELP_TEXT}${command}`, commands: HELP_COMMANDS }];
  }
  return [
    { kind: 'text', tone: 'info', text: `${INTRO} To start, ${waysToStart(channel)} Say "help" for more.` },
  ];
}

/**
 * What small talk gets, changing nothing: how to start where the conversation has no open case (none, a
 * closed one, or one opened with `new` and told nothing yet); where the case stands in an open one. A help
 * request in a case that has started is left to the step (undefined): its help names the case's commands
 * and repeats the question.
 */
export function smallTalkReplies(
  ctx: CoreContext,
  said: string,
  talk: SmallTalk,
  here: CaseRecord | undefined,
  channel: string,
  now: Date,
): { caseId?: string; replies: Reply[] } | undefined {
  if (!here || here.status === 'closed') return { replies: welcome(talk, channel) };
  if (here.state.status === 'new') return { caseId: here.id, replies: welcome(talk, channel) };
  if (talk === 'help') return undefined;
  const pending = here.state.pending;
  const q = pending?.kind === 'question' ? questionById(pending.questionId) : undefined;
  // "it does", "a lot", "good": small talk anywhere else, but an answer when the question the case asks reads
  // it as one. Not for the list of design differences, which takes any words (a "thanks" is not a difference).
  if (q && q.freeText?.kind !== 'list' && readTextAnswer(q, said, todayFor(ctx, now), here.state.facts).ok)
    return undefined;
  if (here.state.status === 'decided' && !here.state.pending) {
    const text = `Your case is decided (${here.id}): "status" shows it again, "change" changes an answer, "help" lists the rest. For another complaint, ${waysToStart(channel)}`;
    return { caseId: here.id, replies: [{ kind: 'text', tone: 'info', text }] };
  }
  // The question the case waits for, shown again as it is (the pure step's "show" changes nothing).
  const shown = step(ctx, here.state, { type: 'show' }, now).replies;
  const text = `We are on case ${here.id}: answer the question below to go on, or say "help".`;
  return { caseId: here.id, replies: [{ kind: 'text', tone: 'info', text }, ...shown] };
}
