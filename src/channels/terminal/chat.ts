import type { Readable, Writable } from 'node:stream';
import { writeCaseExport } from '../../adapters/export-files.js';
import type { Stores } from '../../adapters/storage/open-store.js';
import type { Catalogs, Clock, LanguageModel } from '../../app/ports.js';
import { terminalSession } from '../../app/terminal-session.js';
import type { CoreContext } from '../../domain/conversation/outcome.js';
import { renderRepliesText } from '../../domain/conversation/render-text.js';
import type { Reply } from '../../domain/conversation/replies.js';
import { IpcheckError, userText } from '../../domain/model/errors.js';
import { readMessages } from './input.js';
import { goodbye, isQuit, QUIT_HELP } from './words.js';

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
  const out = (s: string) => opts.output.write(`${s}\n`);
  const session = terminalSession(
    opts,
    { goodbye },
    {
      send: (replies) => out(`\n${renderRepliesText(withQuit(replies))}`),
      line: (text) => out(`\n${text}`),
      working: () => out('working…'),
      exportCase: async (rec) => {
        const files = await writeCaseExport(rec, opts.ctx, opts.exportDir, opts.clock.now());
        out(`\nExported case ${rec.id}:\n${files.map((f) => `  ${f}`).join('\n')}`);
      },
      failed: (err) => {
        // The store's own words (address without password, what failed) help the person at the terminal.
        const detail = err instanceof IpcheckError ? ` (${err.message})` : '';
        out(`\nSorry: ${userText(err)}${detail}`);
      },
    },
  );

  out(OPENING);
  await session.resume();

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
    await session.say(raw);
    messages.prompt();
  }
  process.off('SIGTERM', stop);
  process.off('SIGINT', stop);
  await session.end();
}
