import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { writeCaseExport } from '../../app/export-files.js';
import { parseCaseCommand } from '../../core/commands.js';
import { IpcheckError, userText } from '../../core/errors.js';
import type { CoreContext } from '../../core/outcome.js';
import type { Clock } from '../../core/ports.js';
import type { Effect } from '../../core/replies.js';
import { runDueReminders } from '../../core/run-reminders.js';
import type { CoreEvent } from '../../core/step.js';
import { runTurn } from '../../core/turn.js';
import { renderRepliesText } from '../../render/render-text.js';
import type { Stores } from '../../storage/open-store.js';

export interface TerminalOptions {
  ctx: CoreContext;
  stores: Stores;
  clock: Clock;
  input: Readable;
  output: Writable;
  /** Show a "> " prompt: true for a person at a terminal, false when lines are piped in. */
  interactive: boolean;
  /** The OS user: the terminal conversation is theirs, so tomorrow's session resumes today's case. */
  user: string;
  exportDir: string;
}

const OPENING =
  'ipcheck: I help you handle an IP complaint on AliExpress or Amazon.\n' +
  'Tell me what happened, e.g. "got a trademark complaint on https://www.aliexpress.com/item/1005006123456789.html, their logo is on the product".\n' +
  'Say "help" for commands; Ctrl-D (or end of input) to quit.';

/** The whole conversation in a terminal; one user line per input line, so it can be scripted. */
export async function runTerminalChat(opts: TerminalOptions): Promise<void> {
  const conversation = `terminal:${opts.user}`;
  const deps = {
    ctx: opts.ctx,
    cases: opts.stores.cases,
    reminders: opts.stores.reminders,
    clock: opts.clock,
  };
  const out = (s: string) => opts.output.write(`${s}\n`);

  const turn = async (event: CoreEvent) => {
    const r = await runTurn(deps, { conversation, who: conversation, channel: 'terminal', event });
    if (r.replies.length > 0) out(`\n${renderRepliesText(r.replies)}`);
    for (const e of r.effects) await runEffect(e);
  };
  const runEffect = async (e: Effect) => {
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
      await runDueReminders(
        { ...deps, reminders: opts.stores.reminders, claims: opts.stores.claims },
        async (r) => {
          out(`\n[reminder] ${r.text}`);
        },
      );
    });

  out(OPENING);
  let freshNext = false;
  await safely(async () => {
    const rec = await opts.stores.cases.byConversation(conversation);
    if (rec?.status === 'open' && rec.state.status === 'open') {
      out(`\nWelcome back: continuing case ${rec.id} where you stopped. Say "new" for a new case.`);
      await turn({ type: 'show' });
    } else if (rec) {
      // The last case here was decided: the next message is about a new complaint.
      freshNext = true;
      out(`\nYour last case was ${rec.id} (say "open ${rec.id}" to go back to it).`);
    }
  });
  await reminders();

  const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const prompt = () => {
    if (opts.interactive) opts.output.write('\n> ');
  };
  prompt();
  for await (const line of rl) {
    if (!opts.interactive) out(`\n> ${line}`);
    await safely(async () => {
      if (freshNext && !parseCaseCommand(line) && !/^\s*(help|\?)\s*$/i.test(line)) {
        await runTurn(deps, {
          conversation,
          who: conversation,
          channel: 'terminal',
          event: { type: 'text', text: 'new' },
        });
      }
      freshNext = false;
      await turn({ type: 'text', text: line });
    });
    await reminders();
    prompt();
  }
  const where = opts.stores.kv.describe;
  out(
    where === 'memory://'
      ? '\nBye. Cases were kept in memory only (IPCHECK_STORE_URL=memory://) and are gone now. Nothing was sent anywhere.'
      : `\nBye. Your case is saved (${where}); run ipcheck again to continue. Nothing was sent anywhere.`,
  );
}
