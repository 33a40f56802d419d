import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CoreContext } from '../../core/outcome.js';
import type { Clock } from '../../core/ports.js';
import { runTurn } from '../../core/turn.js';
import { renderRepliesText } from '../../render/render-text.js';
import { MemoryCaseStore } from '../../storage/memory-store.js';

export interface TerminalOptions {
  ctx: CoreContext;
  clock: Clock;
  input: Readable;
  output: Writable;
  /** Show a "> " prompt: true for a person at a terminal, false when lines are piped in. */
  interactive: boolean;
}

const OPENING =
  'ipcheck: I help you handle an IP complaint on AliExpress or Amazon.\n' +
  'Tell me what happened, e.g. "got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product".\n' +
  'Say "help" for commands; Ctrl-D (or end of input) to quit.';

/** The whole conversation in a terminal; one user line per input line, so it can be scripted. */
export async function runTerminalChat(opts: TerminalOptions): Promise<void> {
  const deps = { ctx: opts.ctx, store: new MemoryCaseStore(), clock: opts.clock };
  const key = 'terminal';
  const out = (s: string) => opts.output.write(`${s}\n`);
  out(OPENING);
  const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const prompt = () => {
    if (opts.interactive) opts.output.write('\n> ');
  };
  prompt();
  for await (const line of rl) {
    if (!opts.interactive) out(`\n> ${line}`);
    const { replies } = await runTurn(deps, key, { type: 'text', text: line });
    out(`\n${renderRepliesText(replies)}`);
    prompt();
  }
  out('\nBye. Nothing was sent anywhere; copy the drafts you need.');
}
