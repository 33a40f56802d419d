import { parseCaseCommand } from '../domain/conversation/commands.js';
import type { CoreContext } from '../domain/conversation/outcome.js';
import type { Effect, Reply } from '../domain/conversation/replies.js';
import { smallTalkOf } from '../domain/conversation/small-talk.js';
import type { CoreEvent } from '../domain/conversation/step.js';
import type { CaseRecord } from '../domain/model/case-record.js';
import { isNo, isYes } from '../domain/reading/vocabulary.js';
import type { CaseRepository, Catalogs, Claims, Clock, LanguageModel, ReminderStore } from './ports.js';
import { runDueReminders } from './run-reminders.js';
import { runTurn, type TurnDeps } from './turn.js';

// One person's conversation at a terminal: resuming their last case, each message they type (with the
// yes/no of a question the last turn asked), the terminal's own reminders, and where the case is kept
// when they leave. The terminal channel only reads lines and prints what the session hands it.

/** The channel name the terminal's cases carry (`CaseRecord.channel`): it shows their reminders. */
const CHANNEL = 'terminal';

export interface TerminalSessionDeps {
  ctx: CoreContext;
  stores: {
    cases: CaseRepository;
    reminders: ReminderStore;
    claims: Claims;
    /** Only its address, for the goodbye. */
    kv: { readonly describe: string };
  };
  clock: Clock;
  /** The OS user: the terminal conversation is theirs, so tomorrow's session resumes today's case. */
  user: string;
  /** The optional language model. */
  llm?: LanguageModel;
  /** The team's listing catalog: hints on new cases. */
  catalogs?: Catalogs;
}

/** The terminal's own words (src/channels/terminal/words.ts); yes and no are every channel's (vocabulary.ts). */
export interface TerminalWords {
  /** What to say when the chat ends: where the case is kept, and how to come back to it. */
  goodbye(store: string, rec: CaseRecord | undefined): string;
}

/** What the terminal does with what the session says. */
export interface TerminalPort {
  /** A turn's replies. */
  send(replies: Reply[]): void;
  /** One of the session's own lines (welcome back, a reminder, the answer to a "no"). */
  line(text: string): void;
  /** Shown at once when the answer waits for the language model. */
  working(): void;
  /** Writes a case's export for the lawyer's file, and says where. */
  exportCase(rec: CaseRecord): Promise<void>;
  /** Something failed: the person reads why, and the session goes on. */
  failed(err: unknown): void;
}

export interface TerminalSession {
  /** Where the person left off: their open case continued, or a word about the last one. */
  resume(): Promise<void>;
  /** One message the person typed. */
  say(text: string): Promise<void>;
  /** The goodbye: where the case is kept. */
  end(): Promise<void>;
}

export function terminalSession(
  deps: TerminalSessionDeps,
  words: TerminalWords,
  port: TerminalPort,
): TerminalSession {
  const conversation = `terminal:${deps.user}`;
  const { cases, reminders, claims } = deps.stores;
  // The terminal reaches every case (no scope): the operator's own.
  const turnDeps: TurnDeps = {
    ctx: deps.ctx,
    cases,
    reminders,
    clock: deps.clock,
    ...(deps.llm ? { llm: deps.llm } : {}),
    ...(deps.catalogs ? { catalogs: deps.catalogs } : {}),
  };
  /** A yes/no question the last turn asked (e.g. closing a case): what "yes" and "no" mean. */
  let confirming: Extract<Effect, { type: 'confirm' }> | undefined;
  /** The last case here was decided or closed: the next complaint opens a new case. */
  let freshNext = false;

  const runEffect = async (e: Effect) => {
    if (e.type === 'confirm') confirming = e;
    if (e.type !== 'export') return;
    const rec = await cases.get(e.caseId);
    if (rec) await port.exportCase(rec);
  };
  const turn = async (event: CoreEvent) => {
    const r = await runTurn(turnDeps, {
      conversation,
      who: conversation,
      channel: CHANNEL,
      event,
      confirmInline: true,
      onWorking: () => port.working(),
    });
    if (r.replies.length > 0) port.send(r.replies);
    for (const e of r.effects) await runEffect(e);
  };
  const safely = async (what: () => Promise<void>) => {
    try {
      await what();
    } catch (err) {
      port.failed(err);
    }
  };
  const remind = () =>
    safely(async () => {
      // Only the terminal's own cases: Slack's and Teams' are posted in their threads by their loops.
      await runDueReminders({ ...turnDeps, reminders, claims }, CHANNEL, async (r) => {
        port.line(`[reminder] ${r.text}`);
      });
    });
  /** A closed case is not continued. */
  const caseIsClosed = async () => (await cases.byConversation(conversation))?.status === 'closed';

  return {
    async resume() {
      await safely(async () => {
        const rec = await cases.byConversation(conversation);
        if (rec?.status === 'open' && rec.state.status === 'open') {
          port.line(`Welcome back: continuing case ${rec.id} where you stopped. Say "new" for a new case.`);
          await turn({ type: 'show' });
        } else if (rec?.status === 'closed') {
          freshNext = true;
          port.line(
            `Your last case, ${rec.id}, is closed. Tell me about a new complaint to open a new case.`,
          );
        } else if (rec) {
          // The last case here was decided: the next message is about a new complaint.
          freshNext = true;
          port.line(`Your last case was ${rec.id} (say "open ${rec.id}" to go back to it).`);
        }
      });
      await remind();
    },

    async say(raw) {
      let text = raw;
      if (confirming) {
        const asked = confirming;
        confirming = undefined;
        if (isYes(raw)) text = asked.yes;
        else if (isNo(raw)) return port.line(asked.no);
      }
      const cmd = parseCaseCommand(text);
      await safely(async () => {
        // Greetings, thanks and help have nothing to act on: they open no case (the turn says how to start).
        const smallTalk = smallTalkOf(text) !== undefined;
        // A new complaint after a decided case (from an earlier session) or a closed one opens a new case.
        if (!cmd && !smallTalk && (freshNext || (await caseIsClosed()))) {
          await runTurn(turnDeps, {
            conversation,
            who: conversation,
            channel: CHANNEL,
            event: { type: 'text', text: 'new' },
          });
        }
        // Commands about other cases (status, cases, export…) leave it so; opening one ends it.
        if ((!cmd && !smallTalk) || cmd?.cmd === 'open' || cmd?.cmd === 'new') freshNext = false;
        await turn({ type: 'text', text });
      });
      await remind();
    },

    async end() {
      await safely(async () => {
        port.line(words.goodbye(deps.stores.kv.describe, await cases.byConversation(conversation)));
      });
    },
  };
}
