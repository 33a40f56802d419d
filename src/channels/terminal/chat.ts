import type { Readable, Writable } from 'node:stream';
import { writeCaseExport } from '../../adapters/export-files.js';
import type { Stores } from '../../adapters/storage/open-store.js';
import type { Catalogs, Clock, LanguageModel } from '../../app/ports.js';
import { runDueReminders } from '../../app/run-reminders.js';
import { runTurn } from '../../app/turn.js';
import { parseCaseCommand } from '../../domain/conversation/commands.js';
import type { CoreContext } from '../../domain/conversation/outcome.js';
import { renderRepliesText } from '../../domain/conversation/render-text.js';
import type { Effect, Reply } from '../../domain/conversation/replies.js';
import { smallTalkOf } from '../../domain/conversation/small-talk.js';
import type { CoreEvent } from '../../domain/conversation/step.js';
import { IpcheckError, userText } from '../../domain/model/errors.js';
import { readMessages } from './input.js';
import { goodbye, isNo, isQuit, isYes, QUIT_HELP } from './words.js';

export interface TerminalOptions {
  ctx: CoreContext;
  stores: Stores;
  clock: Clock;
  input: Readable;
  output: Writable;
  /** A person at a terminal: a "> " prompt, and a paste is one message. False when lines are piped in. */
  interactive: boolean;
  /** The OS user: the terminal conversation is theirs, so tomorrow's session resumes today's case. */
  user: string;
  exportDir: string;
  /** The optional language model (OPENAI_API_KEY). */
  llm?: LanguageModel;
  /** The team's listing catalog (loaded by `ipcheck sweep --save-catalog`): hints on new cases. */
  catalogs?: Catalogs;
}

/** The channel name the terminal's cases carry (`CaseRecord.channel`): it shows their reminders. */
const CHANNEL = 'terminal';

const OPENING =
  'ipcheck: I help you handle an IP complaint on AliExpress or Amazon.\n' +
  'Tell me what happened, e.g. "got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product".\n' +
  'Say "help" for commands; "quit" (or Ctrl-D) to stop: your case stays saved.';

/** "quit" is the terminal's own command, so the terminal adds it to the shared help. */
const withQuit = (replies: Reply[]): Reply[] =>
  replies.map((r) =>
    r.kind === 'help'
      ? {
          ...r,
          commands: [
            ...r.commands.filter((c) => c.command !== 'help'),
            QUIT_HELP,
            ...r.commands.filter((c) => c.command === 'help'),
          ],
        }
      : r,
  );

/** The whole conversation in a terminal. Piped input: one message per line, so it can be scripted. */
export async function runTerminalChat(opts: TerminalOptions): Promise<void> {
  const conversation = `terminal:${opts.user}`;
  const deps = {
    ctx: opts.ctx,
    cases: opts.stores.cases,
    reminders: opts.stores.reminders,
    clock: opts.clock,
    ...(opts.llm ? { llm: opts.llm } : {}),
    ...(opts.catalogs ? { catalogs: opts.catalogs } : {}),
  };
  const out = (s: string) => opts.output.write(`${s}\n`);
  /** A yes/no question the last turn asked (e.g. closing a case): what "yes" and "no" mean. */
  let confirming: Extract<Effect, { type: 'confirm' }> | undefined;

  const turn = async (event: CoreEvent) => {
    const r = await runTurn(deps, {
      conversation,
      who: conversation,
      channel: CHANNEL,
      event,
      confirmInline: true,
      // Shown at once when the answer waits for the language model.
      onWorking: () => out('working…'),
    });
    if (r.replies.length > 0) out(`\n${renderRepliesText(withQuit(r.replies))}`);
    for (const e of r.effects) await runEffect(e);
  };
  const runEffect = async (e: Effect) => {
    if (e.type === 'confirm') confirming = e;
    if (e.type !== 'export') return;
    const rec = await opts.stores.cases.get(e.caseId);
    if (!rec) return;
    const files = await writeCaseExport(rec, opts.ctx, opts.exportDir, opts.clock.now());
    out(`\nExported case ${rec.id}:\n${files.map((f) => `  ${f}`).join('\n')}`);
  };
  const safely = async (what: () => Promise<void>) => {
    try {
      await what();
    } catch (err) {
      // The store's own words (address without password, what failed) help the person at the terminal.
      const detail = err instanceof IpcheckError ? ` (${err.message})` : '';
      out(`\nSorry: ${userText(err)}${detail}`);
    }
  };
  const reminders = () =>
    safely(async () => {
      // Only the terminal's own cases: Slack's and Teams' are posted in their threads by their loops.
      await runDueReminders(
        { ...deps, reminders: opts.stores.reminders, claims: opts.stores.claims },
        CHANNEL,
        async (r) => {
          out(`\n[reminder] ${r.text}`);
        },
      );
    });
  /** A closed case is not continued. */
  const caseIsClosed = async () =>
    (await opts.stores.cases.byConversation(conversation))?.status === 'closed';

  out(OPENING);
  let freshNext = false;
  await safely(async () => {
    const rec = await opts.stores.cases.byConversation(conversation);
    if (rec?.status === 'open' && rec.state.status === 'open') {
      out(`\nWelcome back: continuing case ${rec.id} where you stopped. Say "new" for a new case.`);
      await turn({ type: 'show' });
    } else if (rec?.status === 'closed') {
      freshNext = true;
      out(`\nYour last case, ${rec.id}, is closed. Tell me about a new complaint to open a new case.`);
    } else if (rec) {
      // The last case here was decided: the next message is about a new complaint.
      freshNext = true;
      out(`\nYour last case was ${rec.id} (say "open ${rec.id}" to go back to it).`);
    }
  });
  await reminders();

  const messages = readMessages(opts);
  // SIGTERM (a supervisor, `kill`) or SIGINT from outside a terminal: read nothing more, let the turn that is
  // running finish (its case write is whole either way, but its replies and reminders belong with it), say
  // where the case is saved, and return so the store is closed. A second signal gets Node's default exit.
  let stopping = false;
  const stop = () => {
    stopping = true;
    messages.close();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  messages.prompt();
  for await (const raw of messages) {
    if (stopping) break;
    if (!opts.interactive) out(`\n> ${raw}`);
    if (isQuit(raw)) break;
    let text = raw;
    if (confirming) {
      const asked = confirming;
      confirming = undefined;
      if (isYes(raw)) text = asked.yes;
      else if (isNo(raw)) {
        out(`\n${asked.no}`);
        messages.prompt();
        continue;
      }
    }
    const cmd = parseCaseCommand(text);
    await safely(async () => {
      // Greetings, thanks and help have nothing to act on: they open no case (the turn says how to start).
      const smallTalk = smallTalkOf(text) !== undefined;
      // A new complaint after a decided case (from an earlier session) or a closed one opens a new case.
      if (!cmd && !smallTalk && (freshNext || (await caseIsClosed()))) {
        await runTurn(deps, {
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
    await reminders();
    messages.prompt();
  }
  process.off('SIGTERM', stop);
  process.off('SIGINT', stop);
  await safely(async () => {
    const rec = await opts.stores.cases.byConversation(conversation);
    out(`\n${goodbye(opts.stores.kv.describe, rec)}`);
  });
}
