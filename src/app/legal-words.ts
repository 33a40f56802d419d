import type { Part, Reply } from '../domain/conversation/replies.js';

// Every sentence legal or the seller reads about an escalation and legal's work on it, for every channel,
// as Reply data: `say` where a person is named or their words are quoted (Slack mentions the person and
// escapes the words; Teams writes the name and keeps the words out of markdown), `text` otherwise.
// Where the platforms really differ (the setting's name, how a bot joins a channel, a thread per case
// or a chat that may hold several), the channel says so in its LegalTraits, never in a second sentence.

export interface LegalTraits {
  /** The prefix of this channel's claim keys ("slack", "teams"), so a claim never crosses channels. */
  key: string;
  /** The platform's name, as in "Slack or the case store did not answer". */
  platform: string;
  /** The setting an admin uses to name the legal channel. */
  legalChannelVar: string;
  /** How an admin brings ipcheck into the legal channel, as the end of a sentence. */
  joinLegal: string;
  /**
   * Where the seller talks to ipcheck: the case's own thread (Slack), or a chat that may carry several
   * cases over time (Teams), where what ipcheck posts later names the case.
   */
  sellerPlace: 'thread' | 'chat';
  /** A button's name as the platform emphasises it (Slack: *bold*). */
  button(name: string): string;
  /**
   * A legal button pressed outside its case's legal thread: answered like a button of a case that is not
   * here (Slack: a forged id tells the sender nothing), or told it is the wrong thread (Teams).
   */
  wrongLegalThread: 'not_here' | 'this_thread';
}

const text = (t: string): Reply => ({ kind: 'text', text: t, tone: 'info' });
const say = (...parts: Part[]): Reply => ({ kind: 'say', parts });
const person = (id: string): Part => ({ person: id });
const quote = (words: string): Part => ({ quote: words });
const link = (permalink?: string) => (permalink ? `: ${permalink}` : '.');
const ESCALATE = 'Escalate to legal';

export const LEGAL_WORDS = {
  // ---------- where a button or form may act ----------
  notHere: (t: LegalTraits) =>
    text(
      `That button does not belong to a case in this conversation, so nothing was changed. ${
        t.sellerPlace === 'thread'
          ? 'Say "status" in the case’s thread to see it.'
          : 'Say "status" here to see where the case stands.'
      }`,
    ),
  notThisThread: text('That button does not belong to this thread, so nothing was changed.'),
  formNotHere: text('This form does not belong to a case in this workspace, so nothing was changed.'),
  onlyLegal: text('Only legal can do this.'),
  notWithLegalYet: (id: string) =>
    text(`${id} is not with legal, so there is nothing for legal to do on it yet.`),
  notWithLegal: (id: string) => text(`${id} is not with legal, so nothing was changed.`),
  alreadyResolved: (id: string, by?: string) =>
    say(`${id} was already resolved`, ...(by ? [' by ', person(by)] : []), ', so nothing was changed.'),
  alreadyAcknowledged: (id: string, by: string | undefined, you: boolean) =>
    say(
      `${id} was already acknowledged by `,
      you ? 'you' : by ? person(by) : 'legal',
      ', so nothing was posted again.',
    ),
  emptyQuestion: text('Write the question for the seller.'),
  emptyOutcome: text('Write the outcome the seller will see.'),

  // ---------- legal's news ----------
  acknowledgedLegal: (who: string) => say('Acknowledged by ', person(who), '.'),
  acknowledgedSeller: (id: string, who: string) =>
    say('Legal (', person(who), `) acknowledged ${id} and is on it.`),
  askedLegal: (who: string, question: string) => say(person(who), ' asked the seller: ', quote(question)),
  askedSeller: (t: LegalTraits, id: string, who: string, question: string) =>
    t.sellerPlace === 'thread'
      ? say(
          'Legal (',
          person(who),
          ') asks: ',
          quote(question),
          '\nReply in this thread; I will pass your answer to legal.',
        )
      : say(
          'Legal (',
          person(who),
          `) asks about ${id}: `,
          quote(question),
          '\nReply here: your next message goes to legal.',
        ),
  resolvedLegal: (who: string, outcome: string) => say('Resolved by ', person(who), ': ', quote(outcome)),
  resolvedSeller: (id: string, who: string, outcome: string) =>
    say('Legal (', person(who), `) resolved ${id}: `, quote(outcome), '\nThe case is closed.'),
  answeredLegal: (who: string, answer: string) => say(person(who), ' answered: ', quote(answer)),
  answerPassed: text('Thanks, I passed your answer to legal.'),
  /** What could not be done after legal's change was recorded (legal-news.ts). */
  trouble: (line: string) => text(line),

  // ---------- the escalation ----------
  escalatedSeller: (t: LegalTraits, id: string, permalink: string) =>
    text(
      `${t.sellerPlace === 'thread' ? 'Escalated to legal' : `${id} is escalated to legal`}: ${permalink}\nLegal's questions and answers will appear here.`,
    ),
  noLegalChannel: (t: LegalTraits) =>
    text(
      `No legal channel is set. An admin sets ${t.legalChannelVar} to the legal channel id and ${t.joinLegal}.`,
    ),
  notAdded: (t: LegalTraits) =>
    text(
      `I have not been added to the legal channel yet, so nothing was escalated. An admin adds the ipcheck app to the legal channel’s team (or @mentions ipcheck once in that channel); then press ${t.button(ESCALATE)} again.`,
    ),
  escalationUnfinished: (t: LegalTraits, id: string, permalink?: string) =>
    text(
      `${id} is with legal now${permalink ? ` (${permalink})` : ''}, but I could not finish escalating it: the note for legal or the link here did not go through. Press ${t.button(ESCALATE)} again to finish; nothing will be posted twice.`,
    ),
  escalationFailed: (t: LegalTraits, id: string) =>
    text(
      `Escalating ${id} did not go through (${t.platform} or the case store did not answer). Press ${t.button(ESCALATE)} again; if a legal thread was started, it will be finished, not posted twice.`,
    ),
  alreadyWithLegal: (id: string, permalink?: string) => text(`${id} is already with legal${link(permalink)}`),
  beingEscalated: (t: LegalTraits, id: string) =>
    text(
      `${id} is being escalated right now. If the link to the legal thread does not appear here, press ${t.button(ESCALATE)} again in a couple of minutes.`,
    ),
  escalationFinished: (id: string, permalink?: string) =>
    text(`The earlier escalation of ${id} had stopped midway; it is finished now${link(permalink)}`),
};
